/**
 * The figures for the period, from rollups: headline tiles, steps kept per step and clerk (heat
 * map), per step (bars), by day (trend), time by business type, skips, recommendations, ratings,
 * flags, spot-check agreement, the complaints and the ranking. Every figure opens the services
 * behind it.
 */
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintFigures } from '../../../core/domain/review/complaint-figures';
import { figures, type Figures } from '../../../core/domain/review/figures';
import type { Period } from '../../../core/domain/review/period';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { Breakdowns } from './Breakdowns';
import { ComplaintsView } from './ComplaintsView';
import { DemoOffer } from './DemoOffer';
import { HeatMap } from './HeatMap';
import { Ranking } from './Ranking';
import type { OpenServices } from './service-filter';
import { StepBars } from './StepBars';
import { Tiles } from './Tiles';
import { useReviewQuery } from './use-review';

// uPlot comes with the trend only.
const TrendChart = lazy(() =>
  import('./TrendChart').then((module) => ({ default: module.TrendChart })),
);

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
  const loaded = useReviewQuery(
    (review) => review.rollups(period.from, period.to),
    `${period.from}|${period.to}`,
  );
  const { config } = useDeviceState();
  const rows = useMemo(
    () =>
      loaded.data && counter ? loaded.data.filter((row) => row.counter === counter) : loaded.data,
    [loaded.data, counter],
  );
  const shown: Figures | null = useMemo(() => (rows ? figures(rows) : null), [rows]);
  const complaints = useMemo(
    () => (rows ? complaintFigures(rows, config.complaintFlow) : null),
    [rows, config.complaintFlow],
  );
  if (loaded.error) return <FormError message={loaded.error} />;
  if (!shown || !complaints) return <p className="loading">{t('loading')}</p>;
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
      <Tiles figures={shown} onOpen={open} />
      <HeatMap clerks={shown.byClerk} onOpen={open} />
      <StepBars steps={shown.total.steps} onOpen={open} />
      {period.from !== period.to && (
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <TrendChart period={period} days={shown.byDay} onOpen={open} />
        </Suspense>
      )}
      <Breakdowns figures={shown} onOpen={open} />
      <ComplaintsView figures={complaints} period={period} scope={scope} onOpen={open} />
      <Ranking clerks={shown.byClerk} counters={counter ? [] : shown.byCounter} onOpen={open} />
    </div>
  );
}
