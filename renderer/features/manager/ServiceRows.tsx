/** One page of services as a table; a row opens the service's timeline. */
import { useTranslation } from 'react-i18next';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import {
  countLetters,
  isOverTarget,
  type ServiceRow,
} from '../../../core/domain/review/service-row';
import { formatMs } from './format';

export function ServiceRows({
  rows,
  onOpen,
}: {
  rows: ServiceRow[];
  onOpen: (sid: string) => void;
}) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  const { config } = useDeviceState();
  const time = new Intl.DateTimeFormat(i18n.language, {
    timeZone: config.timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  if (rows.length === 0) return <p className="hint">{t('services.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="plain service-rows">
        <thead>
          <tr>
            <th scope="col">{t('services.started')}</th>
            <th scope="col">{t('services.ticket')}</th>
            <th scope="col">{t('services.clerk')}</th>
            <th scope="col">{t('services.type')}</th>
            <th scope="col">{t('services.duration')}</th>
            <th scope="col">{t('services.kept')}</th>
            <th scope="col">{t('services.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const counts = countLetters(row.steps, config.flow);
            const over = isOverTarget(row);
            return (
              <tr key={row.id} data-service={row.serviceId}>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(row.sid)}>
                    {time.format(row.startedAt)}
                  </button>
                </td>
                <td>{row.ticket}</td>
                <td>
                  {row.clerk}
                  <span className="muted"> · {t('counter.one', { counter: row.counter })}</span>
                </td>
                <td>{label('business-types', row.businessType)}</td>
                <td className={over ? 'over' : undefined}>
                  {formatMs(row.durationMs)}
                  <span className="muted">
                    {t('slashTarget', { target: formatMs(row.targetSeconds * 1000) })}
                  </span>
                </td>
                <td>
                  {t('fraction', { done: counts.done, applicable: counts.done + counts.skipped })}
                </td>
                <td>
                  <div className="badges">
                    {row.outcome === 'abandoned' && (
                      <span className="badge">{t('services.abandoned')}</span>
                    )}
                    {row.flags.map((flag) => (
                      <span key={flag} className="badge flag" data-flag={flag}>
                        {t(`flags.${flag}`)}
                      </span>
                    ))}
                    {row.amendments > 0 && <span className="badge">{t('services.amended')}</span>}
                    {row.checks > 0 && <span className="badge">{t('services.checked')}</span>}
                    {row.rating && (
                      <span className="badge" data-rating-source="counter-screen">
                        {t('ratings.onCounterScreen', { rating: t(`ratings.${row.rating}`) })}
                      </span>
                    )}
                    {row.displayRating && (
                      <span className="badge" data-rating-source="display">
                        {t('ratings.fromDisplay', { rating: t(`ratings.${row.displayRating}`) })}
                      </span>
                    )}
                    {row.complaint && (
                      <span
                        className="badge complaint"
                        data-complaint={row.complaint.category ?? 'none'}
                      >
                        {t('complaints.badge', {
                          category: row.complaint.category
                            ? tApp(`complaint.category.${row.complaint.category}`)
                            : t('complaints.unrecorded'),
                        })}
                      </span>
                    )}
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
