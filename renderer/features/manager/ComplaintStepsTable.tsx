/** Each complaint step: its average time against its target, the share over it, its outcomes. */
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ComplaintFigures } from '../../../core/domain/review/complaint-figures';
import { overItsTarget } from '../../../core/domain/duration';
import type { OpenServices } from './service-filter';
import { formatMs, formatPercent } from './format';

export function ComplaintStepsTable({
  figures,
  onOpen,
  title,
}: {
  figures: ComplaintFigures;
  onOpen: OpenServices;
  title: (key: ParseKeys<'review'>, detail?: string) => string;
}) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const link = (label: string, tag: string, key: ParseKeys<'review'>, name: string) => (
    <button
      type="button"
      className="link"
      onClick={() => onOpen({ tags: [tag], title: title(key, name) })}
    >
      {label}
    </button>
  );
  return (
    <div className="table-scroll">
      <table className="plain complaint-steps" data-table="complaint-steps">
        <caption>{t('complaints.steps')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('complaints.step')}</th>
            <th scope="col">{t('complaints.average')}</th>
            <th scope="col">{t('complaints.over')}</th>
            <th scope="col">{t('complaints.outcomes')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.steps.map((step, index) => {
            const name = `${index + 1}. ${tApp(`steps.${step.id}.name`)}`;
            // The average against the target by the same threshold as each service's time.
            const over = overItsTarget(step.averageMs, step.targetSeconds);
            return (
              <tr key={step.id} data-step={step.id}>
                <th scope="row">
                  {link(name, `complaint-step-done:${step.id}`, 'complaints.stepDone', name)}
                </th>
                <td className={over ? 'over' : undefined}>
                  {formatMs(step.averageMs)}
                  <span className="muted">
                    {t('slashTarget', { target: formatMs(step.targetSeconds * 1000) })}
                  </span>
                </td>
                <td>
                  {link(
                    `${formatPercent(step.overShare, i18n.language)} (${step.over})`,
                    `complaint-step-over:${step.id}`,
                    'complaints.over',
                    name,
                  )}
                </td>
                <td>
                  <div className="complaint-outcomes">
                    <span>{t('complaints.done', { count: step.done })}</span>
                    {link(
                      t('complaints.skipped', { count: step.skipped }),
                      `complaint-step-skip:${step.id}`,
                      'complaints.stepSkipped',
                      name,
                    )}
                    <span>{t('complaints.na', { count: step.na })}</span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
