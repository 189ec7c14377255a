/**
 * Steps kept, step by clerk: each cell the share of that clerk's services where the step applied
 * and was done, its number written in the cell (colour only repeats it). A cell opens that
 * clerk's services where the step was skipped.
 */
import { useTranslation } from 'react-i18next';
import { STEP_IDS } from '../../../core/domain/flow/flow-definition';
import type { GroupFigures } from '../../../core/domain/review/figures';
import type { OpenServices } from './service-filter';
import { band, formatPercent } from './format';

export function HeatMap({ clerks, onOpen }: { clerks: GroupFigures[]; onOpen: OpenServices }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const byStaff = [...clerks].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return (
    <section className="panel heat" aria-labelledby="heat-title">
      <h2 id="heat-title">{t('heat.title')}</h2>
      <p className="hint">{t('heat.hint')}</p>
      <div className="table-scroll">
        <table className="heat-map">
          <thead>
            <tr>
              <th scope="col">{t('heat.step')}</th>
              {byStaff.map((clerk) => (
                <th key={clerk.key} scope="col">
                  {clerk.key || '—'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STEP_IDS.map((id, index) => {
              const name = tApp(`steps.${id}.name`);
              return (
                <tr key={id}>
                  <th scope="row">{t('numbered', { number: index + 1, name: name })}</th>
                  {byStaff.map((clerk) => {
                    const step = clerk.steps[index];
                    const rate = step?.rate ?? null;
                    const label = t('heat.cell', {
                      step: name,
                      clerk: clerk.key,
                      rate: formatPercent(rate, i18n.language),
                      done: step?.done ?? 0,
                      applicable: step?.applicable ?? 0,
                    });
                    return (
                      <td key={clerk.key} className={`cell band-${band(rate)}`}>
                        <button
                          type="button"
                          aria-label={label}
                          title={label}
                          data-cell={`${id}|${clerk.key}`}
                          disabled={rate === null}
                          onClick={() =>
                            onOpen({
                              tags: [`clerk:${clerk.key}`, `skip:${id}`],
                              title: t('heat.skippedBy', { step: name, clerk: clerk.key }),
                            })
                          }
                        >
                          {formatPercent(rate, i18n.language)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
