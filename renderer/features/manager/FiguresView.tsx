/**
 * The figures for the period, from rollups: headline tiles, steps kept per step and clerk (heat
 * map), per step (bars), by day (trend), time by business type, skips, recommendations, ratings,
 * flags, spot-check agreement, the complaints and the ranking. Every figure opens the services
 * behind it.
 */
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintFigures } from '../../../core/domain/review/complaint-figures';
import {
  clerkTrends,
  distributions,
  previousPeriod,
  tileChanges,
  worstSteps,
} from '../../../core/domain/review/compare';
import { figures, type Figures } from '../../../core/domain/review/figures';
import type { Period } from '../../../core/domain/review/period';
import type { RollupRow } from '../../../core/domain/review/rollup';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { Breakdowns } from './Breakdowns';
import { ClerkTrends } from './ClerkTrends';
import { ComplaintsView } from './ComplaintsView';
import { DemoOffer } from './DemoOffer';
import { HeatMap } from './HeatMap';
import { Ranking } from './Ranking';
import type { OpenServices } from './service-filter';
import { StepBars } from './StepBars';
import { Tiles } from './Tiles';
import { TimeBands } from './TimeBands';
import { useReviewQuery } from './use-review';
import { WorstSteps } from './WorstSteps';

// uPlot comes with the trend only.
const TrendChart = lazy(() =>
  import('./TrendChart').then((module) => ({ default: module.TrendChart })),
);

/** The period's rollups and the previous period's, for the counter chosen (all: ''). */
export function usePeriodRollups(period: Period, counter: string) {
  const before = previousPeriod(period);
  const loaded = useReviewQuery(
    async (review) => ({
      now: await review.rollups(period.from, period.to),
      before: await review.rollups(before.from, before.to),
    }),
    `${period.from}|${period.to}`,
  );
  const rows = useMemo(() => {
    if (!loaded.data) return null;
    const only = (list: RollupRow[]) =>
      counter ? list.filter((row) => row.counter === counter) : list;
    return { now: only(loaded.data.now), before: only(loaded.data.before) };
  }, [loaded.data, counter]);
  return { loaded, rows, before };
}

export function FiguresView({
  period,
  counter,
  onOpen,
  onDemoLoaded,
}: {
  period: Period;
  counter: string;
  onOpen: OpenServices;
  /** Demo data was added (offered on an empty tablet): show its latest day. */
  onDemoLoaded: (latestDay: string) => void;
}) {
  const { t } = useTranslation('review');
  const { loaded, rows: both, before } = usePeriodRollups(period, counter);
  const rows = both?.now ?? null;
  const { config } = useDeviceState();
  const shown: Figures | null = useMemo(() => (rows ? figures(rows) : null), [rows]);
  const compared = useMemo(() => {
    if (!both || !shown) return null;
    const earlier = figures(both.before);
    return {
      changes: tileChanges(shown, earlier),
      worst: worstSteps(shown, earlier, 3),
      clerks: clerkTrends(both.now, period),
      types: distributions(shown),
    };
  }, [both, shown, period]);
  const complaints = useMemo(
    () => (rows ? complaintFigures(rows, config.complaintFlow) : null),
    [rows, config.complaintFlow],
  );
  if (loaded.error) return <FormError message={loaded.error} />;
  if (!shown || !complaints || !compared) return <p className="loading">{t('loading')}</p>;
  const scope = counter ? [`counter:${counter}`] : [];
  const open: OpenServices = (filter) => onOpen({ ...filter, tags: [...scope, ...filter.tags] });
  if (shown.total.services === 0) {
    return (
      <>
        <section className="panel review-empty" aria-live="polite">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body', { from: period.from, to: period.to })}</p>
        </section>
        <DemoOffer onLoaded={onDemoLoaded} />
      </>
    );
  }
  return (
    <div className="review-figures" aria-busy={loaded.loading}>
      <p className="hint compare-against" data-before={`${before.from}|${before.to}`}>
        {t('compare.against', { from: before.from, to: before.to })}
      </p>
      <Tiles figures={shown} changes={compared.changes} onOpen={open} />
      <HeatMap clerks={shown.byClerk} onOpen={open} />
      <StepBars steps={shown.total.steps} onOpen={open} />
      <section className="panel worst" aria-labelledby="worst-title">
        <h2 id="worst-title">{t('worst.title')}</h2>
        <WorstSteps steps={compared.worst} headingId="worst-title" />
      </section>
      {period.from !== period.to && (
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <TrendChart period={period} days={shown.byDay} total={shown.total} onOpen={open} />
        </Suspense>
      )}
      {period.from !== period.to && <ClerkTrends trends={compared.clerks} />}
      <TimeBands types={compared.types} />
      <Breakdowns figures={shown} onOpen={open} />
      <ComplaintsView figures={complaints} period={period} scope={scope} onOpen={open} />
      <Ranking clerks={shown.byClerk} counters={counter ? [] : shown.byCounter} onOpen={open} />
    </div>
  );
}
