/** After signing out (签退): the shift's own figures, the clerk's self-check (自查). */
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '../../domain/shift-summary';
import { formatDuration } from '../../ui/format';

export function ShiftSummaryScreen({
  staffNo,
  summary,
  onDone,
}: {
  staffNo: string;
  summary: ShiftSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rate =
    summary.stepsApplicable === 0
      ? null
      : Math.round((summary.stepsDone / summary.stepsApplicable) * 100);
  const reasons = Object.entries(summary.skipReasons)
    .map(([reason, count]) =>
      t('summary.reasonCount', { reason: t(`skipReason.${reason}`), count }),
    )
    .join(t('list.separator'));
  return (
    <main className="setup">
      <section className="setup-form" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('summary.title', { staffNo })}</h2>
        <dl className="figures">
          <div>
            <dt>{t('summary.services')}</dt>
            <dd data-figure="services">{summary.services}</dd>
          </div>
          <div>
            <dt>{t('summary.finishedAbandoned')}</dt>
            <dd data-figure="finished">
              {t('summary.finishedOf', {
                finished: summary.finished,
                abandoned: summary.abandoned,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('summary.completion')}</dt>
            <dd data-figure="completion">
              {rate === null
                ? '—'
                : t('summary.percent', {
                    rate,
                    done: summary.stepsDone,
                    applicable: summary.stepsApplicable,
                  })}
            </dd>
          </div>
          <div>
            <dt>{t('summary.average')}</dt>
            <dd data-figure="average">
              {summary.averageMs === null ? '—' : formatDuration(summary.averageMs)}
            </dd>
          </div>
          <div>
            <dt>{t('summary.skips')}</dt>
            <dd data-figure="skips">{summary.skips}</dd>
          </div>
        </dl>
        {reasons && <p className="hint">{reasons}</p>}
        <button type="button" className="primary big" onClick={onDone}>
          {t('summary.done')}
        </button>
      </section>
    </main>
  );
}
