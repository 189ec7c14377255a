/**
 * Finished services' times by business type against the type's target: a histogram per type
 * (one row), its bands being shares of the target (≤ ½, ½–¾, ¾–1 within it; then 1–1¼ … over 2×
 * over it), the target a bold line between them. A table, so every count is read out as well
 * as drawn; each type's row says how many were within the target.
 */
import { useTranslation } from 'react-i18next';
import type { TypeDistribution } from '../../../core/domain/review/compare';
import { DURATION_BANDS } from '../../../core/domain/review/rollup';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import { formatMs } from './format';

const BANDS = [...DURATION_BANDS.map((_, index) => index), DURATION_BANDS.length];
/** The first band over the target (the bold line is before it). */
const FIRST_OVER = DURATION_BANDS.indexOf(1) + 1;

export function TimeBands({ types }: { types: TypeDistribution[] }) {
  const { t } = useTranslation('review');
  const label = useListLabel();
  const { config } = useDeviceState();
  const target = new Map(config.businessTypes.map((type) => [type.code, type.targetSeconds]));
  return (
    <section className="panel time-bands" aria-labelledby="time-bands-title">
      <h2 id="time-bands-title">{t('dist.title')}</h2>
      <p className="hint">{t('dist.explain')}</p>
      <div className="table-scroll">
        <table className="plain bands-table">
          <thead>
            <tr>
              <th scope="col">{t('dist.type')}</th>
              {BANDS.map((band) => (
                <th
                  scope="col"
                  key={band}
                  className={
                    band === FIRST_OVER ? 'band-over-start' : band > FIRST_OVER ? 'band-over' : ''
                  }
                >
                  {t(`dist.band${band}` as 'dist.band0')}
                </th>
              ))}
              <th scope="col">{t('dist.finished')}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => {
              const most = Math.max(1, ...type.bands);
              const seconds = target.get(type.code);
              return (
                <tr key={type.code} data-type={type.code}>
                  <th scope="row">
                    {label('business-types', type.code)}
                    {seconds !== undefined && (
                      <span className="hint">
                        {' '}
                        {t('dist.target', { time: formatMs(seconds * 1000) })}
                      </span>
                    )}
                  </th>
                  {type.bands.map((count, band) => (
                    <td
                      key={band}
                      data-band={band}
                      className={`band-cell${band === FIRST_OVER ? ' band-over-start' : band > FIRST_OVER ? ' band-over' : ''}`}
                    >
                      <span className="band-bar" style={{ height: `${(40 * count) / most}px` }} />
                      <span className="band-count">{count}</span>
                    </td>
                  ))}
                  <td>{t('dist.within', { within: type.within, finished: type.finished })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
