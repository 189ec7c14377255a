/** A service's facts and each step's outcome, as recorded and (where amended) as corrected. */
import { useTranslation } from 'react-i18next';
import { STEP_IDS } from '../../../core/domain/flow/flow-definition';
import { letterOf, type ServiceRow } from '../../../core/domain/review/service-row';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import { formatMs } from './format';

/** A step's letter in the service's outcome string, and the review's word for it. */
const LETTER_STATUS: Record<string, 'done' | 'late' | 'skipped' | 'na' | 'naAuto' | 'notReached'> =
  {
    d: 'done',
    l: 'late',
    s: 'skipped',
    n: 'na',
    a: 'naAuto',
    p: 'notReached',
  };

export function ServiceFacts({ row }: { row: ServiceRow }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  const { config } = useDeviceState();
  const when = new Intl.DateTimeFormat(i18n.language, {
    timeZone: config.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(row.startedAt);
  const typeChanged = row.businessType !== row.recorded.businessType;
  return (
    <section className="panel facts-panel" aria-labelledby="service-title">
      <h2 id="service-title">
        {t('timeline.title', { ticket: row.ticket, clerk: row.clerk, counter: row.counter })}
      </h2>
      <dl className="facts">
        <dt>{t('timeline.when')}</dt>
        <dd>{when}</dd>
        <dt>{t('services.type')}</dt>
        <dd>
          {label('business-types', row.businessType)}
          {typeChanged && (
            <span className="muted">
              {' '}
              {t('timeline.recordedAs', {
                value: label('business-types', row.recorded.businessType),
              })}
            </span>
          )}
        </dd>
        <dt>{t('services.duration')}</dt>
        <dd>
          {t('ofTarget', {
            value: formatMs(row.durationMs),
            target: formatMs(row.targetSeconds * 1000),
          })}
          {row.outcome === 'abandoned' && ` · ${t('services.abandoned')}`}
        </dd>
        {row.clockJumps.length > 0 && (
          <>
            <dt>{t('timeline.clock')}</dt>
            <dd data-fact="clock-moved">
              {row.clockJumps
                .map((jump) =>
                  t(jump > 0 ? 'timeline.clockForward' : 'timeline.clockBack', {
                    amount: formatMs(Math.abs(jump)),
                  }),
                )
                .join(tApp('list.separator'))}
            </dd>
          </>
        )}
        {row.flags.length > 0 && (
          <>
            <dt>{t('timeline.flags')}</dt>
            <dd>
              {row.flags.map((flag) => (
                <span key={flag} className="badge flag" data-flag={flag}>
                  {t(`flags.${flag}`)}
                </span>
              ))}
            </dd>
          </>
        )}
        {row.displayRating && (
          <>
            <dt>{t('timeline.rating')}</dt>
            <dd>{t('ratings.fromDisplay', { rating: t(`ratings.${row.displayRating}`) })}</dd>
          </>
        )}
        {row.rating && (
          <>
            <dt>{t('timeline.rating')}</dt>
            <dd>{t('ratings.onCounterScreen', { rating: t(`ratings.${row.rating}`) })}</dd>
          </>
        )}
      </dl>
      <ol className="outcomes">
        {STEP_IDS.map((id, index) => {
          const now = letterOf(row.steps, id);
          const was = letterOf(row.recorded.steps, id);
          const reason = row.skipReasons[id];
          return (
            <li key={id} className={`outcome letter-${now}`} data-step={id} data-letter={now}>
              <span className="outcome-name">
                {t('numbered', { number: index + 1, name: tApp(`steps.${id}.name`) })}
              </span>
              <span className="outcome-status">
                {t(`status.${LETTER_STATUS[now] ?? 'notReached'}`)}
                {reason && ` · ${label('skip-reasons', reason)}`}
                {now !== was && (
                  <span className="muted">
                    {' '}
                    {t('timeline.recordedAs', {
                      value: t(`status.${LETTER_STATUS[was] ?? 'notReached'}`),
                    })}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
