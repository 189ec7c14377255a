/** The period the review shows (a day, its week, its month, or a range), and which counter. */
import { useTranslation } from 'react-i18next';
import {
  DaySchema,
  PeriodKindSchema,
  periodOf,
  shiftPeriod,
  type Period,
  type PeriodKind,
} from '../../../core/domain/review/period';
import { TextField } from '../../ui/TextField';
import { useReviewQuery } from './use-review';

export function PeriodBar({
  period,
  anchor,
  onPeriod,
  counter,
  onCounter,
  onBack,
  onAll,
  onReport,
}: {
  period: Period;
  /** The day looked at: the week or month chosen next is the one holding it. */
  anchor: string;
  onPeriod: (period: Period) => void;
  counter: string;
  onCounter: (counter: string) => void;
  onBack: (() => void) | null;
  onAll: () => void;
  /** Opens the notice-board report for the period (null: it is open). */
  onReport: (() => void) | null;
}) {
  const { t } = useTranslation('review');
  const counters = useReviewQuery(async (review) => {
    const rows = await review.rollups(period.from, period.to);
    return [...new Set(rows.map((row) => row.counter))].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true }),
    );
  }, `${period.from}|${period.to}`);
  const setDay = (field: 'from' | 'to', text: string) => {
    if (!DaySchema.safeParse(text).success) return;
    onPeriod(
      period.kind === 'range'
        ? periodOf(
            'range',
            field === 'from' ? text : period.from,
            field === 'to' ? text : period.to,
          )
        : periodOf(period.kind, text),
    );
  };
  return (
    <div className="period-bar">
      {onBack && (
        <button type="button" className="secondary" onClick={onBack}>
          {t('backArrow')}
        </button>
      )}
      <div className="segmented" role="group" aria-label={t('period.label')}>
        {PeriodKindSchema.options.map((kind: PeriodKind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={period.kind === kind}
            onClick={() =>
              onPeriod(
                kind === 'range'
                  ? periodOf(kind, period.from, period.to)
                  : periodOf(
                      kind,
                      anchor >= period.from && anchor <= period.to ? anchor : period.from,
                    ),
              )
            }
          >
            {t(`period.${kind}`)}
          </button>
        ))}
      </div>
      <button
        type="button"
        aria-label={t('period.previous')}
        onClick={() => onPeriod(shiftPeriod(period, -1))}
      >
        {t('period.previousArrow')}
      </button>
      <TextField
        type="date"
        label={period.kind === 'range' ? t('period.from') : t('period.day')}
        value={period.from}
        onChange={(text) => setDay('from', text)}
        maxLength={10}
      />
      {period.kind === 'range' ? (
        <TextField
          type="date"
          label={t('period.to')}
          value={period.to}
          onChange={(text) => setDay('to', text)}
          maxLength={10}
        />
      ) : (
        period.from !== period.to && (
          <span className="period-span">
            {t('period.span', { from: period.from, to: period.to })}
          </span>
        )
      )}
      <button
        type="button"
        aria-label={t('period.next')}
        onClick={() => onPeriod(shiftPeriod(period, 1))}
      >
        {t('period.nextArrow')}
      </button>
      <label className="field counter-pick">
        {t('counter.label')}
        <select value={counter} onChange={(event) => onCounter(event.target.value)}>
          <option value="">{t('counter.all')}</option>
          {(counters.data ?? []).map((name) => (
            <option key={name} value={name}>
              {t('counter.one', { counter: name })}
            </option>
          ))}
          {counter && !counters.data?.includes(counter) && (
            <option value={counter}>{t('counter.one', { counter })}</option>
          )}
        </select>
      </label>
      <button type="button" className="secondary" onClick={onAll}>
        {t('services.all')}
      </button>
      {onReport && (
        <button type="button" className="secondary" onClick={onReport}>
          {t('report.open')}
        </button>
      )}
    </div>
  );
}
