/**
 * The Review's figures for the routines around the services, over the period (this counter's own
 * log): opening checks done before the first service, agreement between a clerk's own check and
 * others' checks of the same day, handovers acknowledged, the items most often Not OK, and every
 * check below with its items as they were asked then (drill-down).
 */
import '../shared/shift.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../core/domain/review/period';
import { percent, shiftFigures } from '../../../core/domain/review/shift-figures';
import { currentLocale } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useReviewQuery } from './use-review';
import { useDeviceState } from '../shared/store-context';

export function ShiftReview({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { config } = useDeviceState();
  const loaded = useReviewQuery((review) => review.shiftRecords(), 'shift');
  const figures = useMemo(
    () =>
      loaded.data &&
      shiftFigures(
        loaded.data,
        { timeZone: config.timeZone, dayStartMinutes: config.dayStartMinutes },
        period.from,
        period.to,
      ),
    [loaded.data, config.timeZone, config.dayStartMinutes, period.from, period.to],
  );
  if (loaded.error) return <FormError message={loaded.error} />;
  if (!figures) return <p className="loading">{t('app.loading')}</p>;
  const share = (part: number, whole: number) => {
    const value = percent(part, whole);
    return value === null ? '—' : `${value.toLocaleString(locale)} %`;
  };
  return (
    <section className="shift-review" aria-labelledby="shift-review-title">
      <h2 id="shift-review-title">{t('shift.reviewTitle')}</h2>
      <dl className="shift-tiles">
        <div data-testid="shift-on-time">
          <dt>{t('shift.onTime')}</dt>
          <dd>
            {share(figures.onTime, figures.clerkDays)}{' '}
            <small>{t('shift.ofCount', { part: figures.onTime, whole: figures.clerkDays })}</small>
          </dd>
        </div>
        <div data-testid="shift-agreement">
          <dt>{t('shift.agreement')}</dt>
          <dd>
            {share(figures.agreed, figures.compared)}{' '}
            <small>{t('shift.ofCount', { part: figures.agreed, whole: figures.compared })}</small>
          </dd>
        </div>
        <div data-testid="shift-handovers">
          <dt>{t('shift.handoversAcknowledged')}</dt>
          <dd>
            {t('shift.ofCount', {
              part: figures.handoversAcknowledged,
              whole: figures.handoversWritten,
            })}
          </dd>
        </div>
        <div data-testid="shift-checks">
          <dt>{t('shift.checksRecorded')}</dt>
          <dd>{figures.checks.length}</dd>
        </div>
      </dl>
      <h3>{t('shift.mostNotOk')}</h3>
      {figures.notOk.length === 0 ? (
        <p>{t('shift.noneNotOk')}</p>
      ) : (
        <ol className="not-ok-items">
          {figures.notOk.slice(0, 5).map((item) => (
            <li key={item.code}>
              {item.text[locale]} — {t('shift.times', { count: item.count })}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('shift.checksList')}</h3>
      <ul className="shift-checks">
        {figures.checks.map((check) => {
          const notOk = check.items.filter((item) => item.result === 'not-ok');
          return (
            <li key={check.seq}>
              <details>
                <summary>
                  {new Date(check.at).toLocaleString(locale, { hour12: false })} ·{' '}
                  {t(`shift.kinds.${check.kind}`)} ·{' '}
                  {t('shift.byOf', { by: check.by ?? '', subject: check.subject })} ·{' '}
                  {t('shift.notOkCount', { count: notOk.length })}
                  {check.compared !== null &&
                    ` · ${t('shift.agreedOf', { agreed: check.agreed ?? 0, compared: check.compared })}`}
                </summary>
                <ul>
                  {check.items.map((item) => (
                    <li key={item.code} data-result={item.result}>
                      {t(item.result === 'ok' ? 'shift.okItem' : 'shift.notOkItem', {
                        item: item.text[locale],
                      })}
                      {item.note && ` — ${item.note}`}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
