/**
 * Rollups: the figures of one business day × device × counter × clerk, summed from that day's
 * service rows. A dashboard over a year reads a few hundred of these instead of the raw log.
 *
 * A row's contribution is added when it is written and taken away when it is replaced (an
 * amendment, a rating, a repeated pattern found later), so the sums always equal the rows; a test
 * proves a rebuild from the log gives the same rollups as the incremental path.
 */
import { STEP_IDS, type StepId } from '../flow/flow-definition';
import type { Observation } from '../log/events';
import { addComplaint, emptyComplaintTally, type ComplaintTally } from './complaint-rollup';
import { FLAG_KINDS, isOverTarget, letterOf, type FlagKind, type ServiceRow } from './service-row';

/** Per step: done, skipped, not applicable, done late (also in done), not reached. */
export type StepTally = [number, number, number, number, number];
/** Per offer: accepted, interested, declined. */
export type OfferTally = [number, number, number];
/** Per rating: satisfied, neutral, dissatisfied, unanswered. */
export type RatingTally = [number, number, number, number];
/** Per step observed by a spot-check or mutual check: agreed with the clerk's record, disagreed. */
export type CheckTally = [number, number];

export interface TypeTally {
  services: number;
  finished: number;
  /** Sum of finished services' durations. */
  finishedMs: number;
  overTarget: number;
  /**
   * Finished services by their time against the type's target, one count per DURATION_BANDS band
   * (review version 5; absent in rollups written before).
   */
  bands?: number[];
}

/**
 * The upper bounds of the service-time bands, as shares of the target: up to half the target,
 * to three quarters, to the target, to 1¼, to 1½, to twice, and more than twice (the last band).
 * A service exactly on its target is within it (the `over` figure counts only longer ones).
 */
export const DURATION_BANDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The band of a finished service's time (ms) against its target (seconds). */
export function durationBand(durationMs: number, targetSeconds: number): number {
  const share = targetSeconds > 0 ? durationMs / (targetSeconds * 1000) : Infinity;
  const index = DURATION_BANDS.findIndex((bound) => share <= bound);
  return index === -1 ? DURATION_BANDS.length : index;
}

export interface RollupRow {
  /** day|device|counter|clerk */
  key: string;
  day: string;
  device: string;
  counter: string;
  clerk: string;
  services: number;
  finished: number;
  abandoned: number;
  finishedMs: number;
  overTarget: number;
  flagged: number;
  flags: Record<FlagKind, number>;
  amended: number;
  steps: Record<StepId, StepTally>;
  skipReasons: Record<string, number>;
  types: Record<string, TypeTally>;
  offers: Record<string, OfferTally>;
  /** Ratings given on the counter's screen or an unpaired display (and before sources). */
  ratings: RatingTally;
  /** Ratings from a paired display (rating-proof.ts); absent until the first. */
  displayRatings?: RatingTally;
  checks: { services: number; steps: Partial<Record<StepId, CheckTally>> };
  /**
   * The complaints handled in these services (complaint-rollup.ts); absent until the first one,
   * and in rollups written before review version 3 (the hub keeps those as they were).
   */
  complaints?: ComplaintTally;
}

export const RESPONSES = ['accepted', 'interested', 'declined'] as const;
export const RATINGS = ['satisfied', 'neutral', 'dissatisfied', 'unanswered'] as const;
const STEP_INDEX: Record<string, number> = { d: 0, l: 0, s: 1, n: 2, a: 2, p: 4 };

export const rollupKey = (row: Pick<ServiceRow, 'day' | 'device' | 'counter' | 'clerk'>) =>
  `${row.day}|${row.device}|${row.counter}|${row.clerk}`;

export function emptyRollup(
  row: Pick<ServiceRow, 'day' | 'device' | 'counter' | 'clerk'>,
): RollupRow {
  return {
    key: rollupKey(row),
    day: row.day,
    device: row.device,
    counter: row.counter,
    clerk: row.clerk,
    services: 0,
    finished: 0,
    abandoned: 0,
    finishedMs: 0,
    overTarget: 0,
    flagged: 0,
    flags: Object.fromEntries(FLAG_KINDS.map((kind) => [kind, 0])) as Record<FlagKind, number>,
    amended: 0,
    steps: Object.fromEntries(STEP_IDS.map((id) => [id, [0, 0, 0, 0, 0]])) as Record<
      StepId,
      StepTally
    >,
    skipReasons: {},
    types: {},
    offers: {},
    ratings: [0, 0, 0, 0],
    checks: { services: 0, steps: {} },
  };
}

const bumpAt = (tally: number[], index: number, by: number) => {
  tally[index] = (tally[index] ?? 0) + by;
};

/** Adds each count of `from` to the same place in `into`. */
export function addInto(into: number[], from: readonly number[]): void {
  from.forEach((count, index) => bumpAt(into, index, count));
}

const bump = (record: Record<string, number>, key: string, by: number) => {
  record[key] = (record[key] ?? 0) + by;
};

/** Without the entries that came back to nothing: a rollup reads the same however it was reached. */
const kept = <T>(record: Record<string, T>, empty: (value: T) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => !empty(value)));

/**
 * Adds a service row's figures to its rollup (`sign` −1 takes them away). Every-customer steps of a
 * service that ended early count as not reached; conditional ones never reached did not apply.
 */
export function addService(
  rollup: RollupRow,
  row: ServiceRow,
  conditional: ReadonlySet<StepId>,
  sign: 1 | -1,
): void {
  rollup.services += sign;
  const finished = row.outcome === 'finished';
  const over = isOverTarget(row);
  if (finished) {
    rollup.finished += sign;
    rollup.finishedMs += sign * row.durationMs;
    if (over) rollup.overTarget += sign;
  } else rollup.abandoned += sign;
  if (row.flags.length > 0) rollup.flagged += sign;
  for (const flag of row.flags) rollup.flags[flag] += sign;
  if (row.amendments > 0) rollup.amended += sign;
  for (const id of STEP_IDS) {
    const letter = letterOf(row.steps, id);
    if (letter === 'p' && conditional.has(id)) continue;
    const tally = rollup.steps[id];
    bumpAt(tally, STEP_INDEX[letter] ?? 4, sign);
    if (letter === 'l') bumpAt(tally, 3, sign);
  }
  for (const reason of Object.values(row.skipReasons)) bump(rollup.skipReasons, reason, sign);
  const type = (rollup.types[row.businessType] ??= {
    services: 0,
    finished: 0,
    finishedMs: 0,
    overTarget: 0,
  });
  type.services += sign;
  if (finished) {
    type.finished += sign;
    type.finishedMs += sign * row.durationMs;
    if (over) type.overTarget += sign;
    bumpAt(
      (type.bands ??= DURATION_BANDS.map(() => 0).concat(0)),
      durationBand(row.durationMs, row.targetSeconds),
      sign,
    );
  }
  for (const { offer, response } of row.recommendations) {
    bumpAt((rollup.offers[offer] ??= [0, 0, 0]), RESPONSES.indexOf(response), sign);
  }
  if (row.rating) bumpAt(rollup.ratings, RATINGS.indexOf(row.rating), sign);
  if (row.displayRating)
    bumpAt((rollup.displayRatings ??= [0, 0, 0, 0]), RATINGS.indexOf(row.displayRating), sign);
  if (row.complaint)
    addComplaint((rollup.complaints ??= emptyComplaintTally()), row.complaint, sign);
  rollup.skipReasons = kept(rollup.skipReasons, (count) => count === 0);
  rollup.types = kept(rollup.types, (tally) => tally.services === 0);
  rollup.offers = kept(rollup.offers, (tally) => tally.every((count) => count === 0));
}

/** Adds a spot-check's agreement: each step observed (not "not seen") against the clerk's record. */
export function addCheck(
  rollup: RollupRow,
  row: ServiceRow,
  observations: Partial<Record<StepId, Observation>>,
): void {
  rollup.checks.services += 1;
  for (const [id, seen] of Object.entries(observations) as [StepId, Observation][]) {
    if (seen === 'not-seen') continue;
    const tally = (rollup.checks.steps[id] ??= [0, 0]);
    bumpAt(tally, agrees(letterOf(row.recorded.steps, id), seen) ? 0 : 1, 1);
  }
}

export function agrees(letter: string, seen: Observation): boolean {
  switch (seen) {
    case 'done':
      return letter === 'd' || letter === 'l';
    case 'skipped':
      return letter === 's' || letter === 'p';
    case 'na':
      return letter === 'n' || letter === 'a';
    case 'not-seen':
      return true;
  }
}
