/**
 * The manager's figures for a period, summed from rollups (never from the raw log):
 *
 * - steps kept (compliance) = done ÷ applicable, applicable = done + skipped. Not applicable never
 *   counts against anyone; a step done out of order counts as done and is shown as late; the
 *   every-customer steps of a service that ended early are "not reached", apart;
 * - service time by business type against its target, and the share over target;
 * - skip reasons, recommendation answers, customer ratings, pencil-whipping flags;
 * - agreement between what clerks recorded and what spot-checks observed;
 * - the ranking score (评比) of each clerk and counter, SCORE_FORMULA below.
 */
import { STEP_IDS, type StepId } from '../flow/flow-definition';
import { emptyComplaintTally, mergeComplaints } from './complaint-rollup';
import { FLAG_KINDS, type FlagKind } from './service-row';
import {
  addInto,
  emptyRollup,
  type CheckTally,
  type OfferTally,
  type RatingTally,
  type RollupRow,
  type StepTally,
  type TypeTally,
} from './rollup';

export interface Kept {
  done: number;
  applicable: number;
  /** done ÷ applicable, null when nothing applied. */
  rate: number | null;
}

export interface StepFigure extends Kept {
  id: StepId;
  skipped: number;
  na: number;
  late: number;
  notReached: number;
}

export interface GroupFigures {
  /** The clerk's staff number, the counter, or the day. */
  key: string;
  services: number;
  finished: number;
  abandoned: number;
  averageMs: number | null;
  overTarget: number;
  flagged: number;
  kept: Kept;
  steps: StepFigure[];
  ratings: RatingTally;
  /** Ratings from a paired display, apart (absent: none). */
  displayRatings?: RatingTally;
  agreement: Kept;
  /** The ranking score (0–100), null below MIN_RANKED services. */
  score: number | null;
}

export interface TypeFigure extends TypeTally {
  code: string;
  averageMs: number | null;
}

export interface Figures {
  total: GroupFigures;
  byClerk: GroupFigures[];
  byCounter: GroupFigures[];
  byDay: GroupFigures[];
  types: TypeFigure[];
  skipReasons: { code: string; count: number }[];
  offers: { code: string; tally: OfferTally; conversion: number | null }[];
  flags: Record<FlagKind, number>;
  /** Spot-check agreement per step (observed steps only). */
  checks: { id: StepId; tally: CheckTally; rate: number | null }[];
  checkedServices: number;
}

/** Fewer services than this in the period are not ranked: too few to judge. */
export const MIN_RANKED = 20;

/**
 * score = 100 × (0.6·K + 0.2·T + 0.2·S) × (1 − F), rounded to one decimal, where K is steps kept,
 * T the share of finished services within their target time, S the share of answered ratings that
 * were "satisfied" and F the share of services flagged. With no answered rating, S's weight goes
 * to K and T in proportion (0.75·K + 0.25·T).
 */
export const SCORE_FORMULA = '100 × (0.6·K + 0.2·T + 0.2·S) × (1 − F)';

export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

const kept = (done: number, applicable: number): Kept => ({
  done,
  applicable,
  rate: rate(done, applicable),
});

export function score(group: Omit<GroupFigures, 'score' | 'key'>): number | null {
  if (group.services < MIN_RANKED || group.kept.rate === null) return null;
  const K = group.kept.rate;
  const T = group.finished > 0 ? 1 - group.overTarget / group.finished : 1;
  const [satisfied, neutral, dissatisfied] = group.ratings;
  const answered = satisfied + neutral + dissatisfied;
  const F = group.flagged / group.services;
  const base =
    answered > 0 ? 0.6 * K + 0.2 * T + 0.2 * (satisfied / answered) : 0.75 * K + 0.25 * T;
  return Math.round(1000 * base * (1 - F)) / 10;
}

function merge(into: RollupRow, row: RollupRow): void {
  into.services += row.services;
  into.finished += row.finished;
  into.abandoned += row.abandoned;
  into.finishedMs += row.finishedMs;
  into.overTarget += row.overTarget;
  into.flagged += row.flagged;
  into.amended += row.amended;
  for (const kind of FLAG_KINDS) into.flags[kind] += row.flags[kind];
  for (const id of STEP_IDS) {
    const tally = into.steps[id];
    addInto(tally, row.steps[id]);
  }
  for (const [code, count] of Object.entries(row.skipReasons)) {
    into.skipReasons[code] = (into.skipReasons[code] ?? 0) + count;
  }
  for (const [code, type] of Object.entries(row.types)) {
    const sum = (into.types[code] ??= { services: 0, finished: 0, finishedMs: 0, overTarget: 0 });
    sum.services += type.services;
    sum.finished += type.finished;
    sum.finishedMs += type.finishedMs;
    sum.overTarget += type.overTarget;
    if (type.bands) addInto((sum.bands ??= []), type.bands);
  }
  for (const [code, tally] of Object.entries(row.offers)) {
    const sum = (into.offers[code] ??= [0, 0, 0]);
    addInto(sum, tally);
  }
  addInto(into.ratings, row.ratings);
  if (row.displayRatings) addInto((into.displayRatings ??= [0, 0, 0, 0]), row.displayRatings);
  if (row.complaints) mergeComplaints((into.complaints ??= emptyComplaintTally()), row.complaints);
  into.checks.services += row.checks.services;
  for (const [id, tally] of Object.entries(row.checks.steps) as [StepId, CheckTally][]) {
    const sum = (into.checks.steps[id] ??= [0, 0]);
    sum[0] += tally[0];
    sum[1] += tally[1];
  }
}

/** Sums rollups into one (its key fields are left empty). */
export function sumRollups(rows: Iterable<RollupRow>): RollupRow {
  const sum = emptyRollup({ day: '', device: '', counter: '', clerk: '' });
  for (const row of rows) merge(sum, row);
  return sum;
}

const stepFigure = (id: StepId, [done, skipped, na, late, notReached]: StepTally): StepFigure => ({
  id,
  ...kept(done, done + skipped),
  skipped,
  na,
  late,
  notReached,
});

function group(key: string, rows: readonly RollupRow[]): GroupFigures {
  return groupOf(key, sumRollups(rows));
}

function groupOf(key: string, sum: RollupRow): GroupFigures {
  const steps = STEP_IDS.map((id) => stepFigure(id, sum.steps[id]));
  const done = steps.reduce((total, step) => total + step.done, 0);
  const applicable = steps.reduce((total, step) => total + step.applicable, 0);
  const checks = Object.values(sum.checks.steps);
  const figures = {
    services: sum.services,
    finished: sum.finished,
    abandoned: sum.abandoned,
    averageMs: sum.finished > 0 ? Math.round(sum.finishedMs / sum.finished) : null,
    overTarget: sum.overTarget,
    flagged: sum.flagged,
    kept: kept(done, applicable),
    steps,
    ratings: sum.ratings,
    ...(sum.displayRatings ? { displayRatings: sum.displayRatings } : {}),
    agreement: kept(
      checks.reduce((total, [agree]) => total + agree, 0),
      checks.reduce((total, [agree, disagree]) => total + agree + disagree, 0),
    ),
  };
  return { key, ...figures, score: score(figures) };
}

function groupBy(rows: readonly RollupRow[], keyOf: (row: RollupRow) => string): GroupFigures[] {
  const groups = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return [...groups].map(([key, list]) => group(key, list));
}

/** Best first; unranked (too few services) last, by staff number or counter. */
export function ranked(groups: readonly GroupFigures[]): GroupFigures[] {
  return [...groups].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) || a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
}

export function figures(rows: readonly RollupRow[]): Figures {
  const sum = sumRollups(rows);
  const total = groupOf('', sum);
  return {
    total,
    byClerk: ranked(groupBy(rows, (row) => row.clerk)),
    byCounter: ranked(groupBy(rows, (row) => row.counter)),
    byDay: groupBy(rows, (row) => row.day).sort((a, b) => a.key.localeCompare(b.key)),
    types: Object.entries(sum.types)
      .map(([code, type]) => ({
        code,
        ...type,
        averageMs: type.finished > 0 ? Math.round(type.finishedMs / type.finished) : null,
      }))
      .sort((a, b) => b.services - a.services),
    skipReasons: Object.entries(sum.skipReasons)
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count),
    offers: Object.entries(sum.offers)
      .map(([code, tally]) => ({
        code,
        tally,
        conversion: rate(tally[0], tally[0] + tally[1] + tally[2]),
      }))
      .sort(
        (a, b) => b.tally[0] + b.tally[1] + b.tally[2] - (a.tally[0] + a.tally[1] + a.tally[2]),
      ),
    flags: sum.flags,
    checks: (Object.entries(sum.checks.steps) as [StepId, CheckTally][])
      .map(([id, tally]) => ({ id, tally, rate: rate(tally[0], tally[0] + tally[1]) }))
      .sort((a, b) => STEP_IDS.indexOf(a.id) - STEP_IDS.indexOf(b.id)),
    checkedServices: sum.checks.services,
  };
}
