/**
 * Comparisons a manager acts on, from the figures of two periods (figures.ts):
 *
 * - each headline figure against the previous period (previousPeriod: the day, week or month
 *   before; a range of N days, the N days before), with the change and whether it is better;
 * - the worst steps of the period (lowest steps kept) with their change;
 * - each clerk's steps kept day by day (a trend per clerk);
 * - finished services' times by business type, in bands against the target (rollup.ts bands).
 *
 * Rates change in percentage points; counts and times in their own unit. A figure missing on
 * either side (no service, nothing answered) has no change, never a change from zero.
 */
import type { StepId } from '../flow/flow-definition';
import { figures, rate, type Figures, type GroupFigures } from './figures';
import { daysOf, shiftPeriod, type Period } from './period';
import { DURATION_BANDS, type RollupRow } from './rollup';

/** The period compared with: the same kind just before (a range: as many days, just before). */
export const previousPeriod = (period: Period): Period => shiftPeriod(period, -1);

export const TILE_IDS = [
  'services',
  'kept',
  'average',
  'over',
  'flagged',
  'satisfied',
  'agreement',
] as const;
export type TileId = (typeof TILE_IDS)[number];

/** Which way is better: up, down, or neither (how many services came is nobody's merit). */
export const BETTER: Record<TileId, 'up' | 'down' | 'neither'> = {
  services: 'neither',
  kept: 'up',
  average: 'down',
  over: 'down',
  flagged: 'down',
  satisfied: 'up',
  agreement: 'up',
};

export type Verdict = 'better' | 'worse' | 'same' | 'neither';

export interface Change {
  /** The figure now and in the previous period: a rate (0–1), a count, or milliseconds. */
  now: number | null;
  before: number | null;
  /** now − before (a rate's change in points is `delta` × 100); null when either is missing. */
  delta: number | null;
  verdict: Verdict | null;
}

/** The headline figures as numbers (the tiles show these). */
export function tileValues(shown: Figures): Record<TileId, number | null> {
  const { total } = shown;
  const [satisfied, neutral, dissatisfied] = total.ratings;
  return {
    services: total.services,
    kept: total.kept.rate,
    average: total.averageMs,
    over: rate(total.overTarget, total.finished),
    flagged: total.flagged,
    satisfied: rate(satisfied, satisfied + neutral + dissatisfied),
    agreement: total.agreement.rate,
  };
}

/** Differences smaller than this are "the same" (float noise, not a change). */
const EPSILON = 1e-9;

export function change(
  now: number | null,
  before: number | null,
  better: 'up' | 'down' | 'neither',
): Change {
  if (now === null || before === null) return { now, before, delta: null, verdict: null };
  const delta = now - before;
  if (Math.abs(delta) < EPSILON) return { now, before, delta: 0, verdict: 'same' };
  if (better === 'neither') return { now, before, delta, verdict: 'neither' };
  const up = delta > 0;
  return { now, before, delta, verdict: up === (better === 'up') ? 'better' : 'worse' };
}

/**
 * Each tile's change against the previous period. With no service at all before, every change
 * is missing (null), the services' count included: there is nothing to compare with.
 */
export function tileChanges(now: Figures, before: Figures): Record<TileId, Change> {
  const a = tileValues(now);
  const b = tileValues(before);
  const none = before.total.services === 0;
  return Object.fromEntries(
    TILE_IDS.map((id) => [id, change(a[id], none ? null : b[id], BETTER[id])]),
  ) as Record<TileId, Change>;
}

export interface StepChange {
  id: StepId;
  rate: number;
  done: number;
  applicable: number;
  /** Steps kept before, and the change (null: the step did not apply before). */
  before: number | null;
  delta: number | null;
  verdict: Verdict | null;
}

/**
 * The `count` steps kept least in the period (among those that applied), worst first; ties by
 * more skipped, then in the standard's order. Each with its change against the previous period.
 */
export function worstSteps(now: Figures, before: Figures, count = 3): StepChange[] {
  const earlier = new Map(before.total.steps.map((step) => [step.id, step.rate]));
  return now.total.steps
    .flatMap((step, order) =>
      step.rate === null ? [] : [{ step, rate: step.rate, order, skipped: step.skipped }],
    )
    .sort((a, b) => a.rate - b.rate || b.skipped - a.skipped || a.order - b.order)
    .slice(0, count)
    .map(({ step, rate: kept }) => {
      const moved = change(kept, earlier.get(step.id) ?? null, 'up');
      return {
        id: step.id,
        rate: kept,
        done: step.done,
        applicable: step.applicable,
        before: moved.before,
        delta: moved.delta,
        verdict: moved.verdict,
      };
    });
}

export interface ClerkTrend {
  clerk: string;
  /** Steps kept on each day of the period, in order (null: no service that day). */
  days: (number | null)[];
  /** Over the whole period. */
  rate: number | null;
  services: number;
}

/** Each clerk's steps kept day by day over `period`, clerks in the ranking's order. */
export function clerkTrends(rows: readonly RollupRow[], period: Period): ClerkTrend[] {
  const all = figures(rows);
  const days = daysOf(period);
  return all.byClerk.map((clerk: GroupFigures) => {
    const own = figures(rows.filter((row) => row.clerk === clerk.key));
    const byDay = new Map(own.byDay.map((day) => [day.key, day.kept.rate]));
    return {
      clerk: clerk.key,
      days: days.map((day) => byDay.get(day) ?? null),
      rate: clerk.kept.rate,
      services: clerk.services,
    };
  });
}

export interface TypeDistribution {
  code: string;
  finished: number;
  /** Finished services per band (DURATION_BANDS, then "more than twice"). */
  bands: number[];
  /** Finished within the target (the first three bands). */
  within: number;
}

/** Finished services' times by business type in bands against the target, busiest type first. */
export function distributions(shown: Figures): TypeDistribution[] {
  const withinBands = DURATION_BANDS.indexOf(1) + 1;
  return shown.types
    .filter((type) => type.finished > 0)
    .map((type) => {
      const bands = DURATION_BANDS.map((_, index) => type.bands?.[index] ?? 0).concat(
        type.bands?.[DURATION_BANDS.length] ?? 0,
      );
      return {
        code: type.code,
        finished: type.finished,
        bands,
        within: bands.slice(0, withinBands).reduce((sum, count) => sum + count, 0),
      };
    });
}
