/**
 * A service as the manager's review indexes it: one row per ended service, made from its summary
 * (projection.ts) with the configuration in force when it ended, and the pencil-whipping flags it
 * raised. Rows and the rollups made from them are derived data, rebuilt from the log at will; the
 * log stays the only truth.
 *
 * Steps are kept as one letter each, in STEP_IDS order, so a row stays small over a year of
 * services: d done, l done out of order (late), s skipped, n not applicable, a not applicable
 * because its condition never arose, p not reached.
 */
import type { Offer, RecommendationResponse, SkipReason } from '../catalog';
import { overItsTarget } from '../duration';
import type { Config, FlagThresholds } from '../device/config';
import { STEP_IDS, isConditional, type FlowDefinition, type StepId } from '../flow/flow-definition';
import type { Rating } from '../log/events';
import type { AmendmentApplied, ServiceSummary } from '../service/projection';
import { complaintRow, complaintTags, type ComplaintRow } from './complaint-row';

export const FLAG_KINDS = ['fast', 'burst', 'over-target', 'repeated'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export type StepLetter = 'd' | 'l' | 's' | 'n' | 'a' | 'p';

export interface ServiceRow {
  /** Sorts by start: `startedAt` padded, then device and service id. */
  id: string;
  /** Log and service id: what amendments, ratings and checks find it by. */
  sid: string;
  /** The log it comes from: another counter's device id, or `own` for this device's own log. */
  device: string;
  serviceId: string;
  counter: string;
  clerk: string;
  day: string;
  startedAt: number;
  endedAt: number;
  /** As recorded at the end: the service's own clock, whatever the wall clock did. */
  durationMs: number;
  /** Each time the device's wall clock was moved during the service, by how much (ms, + forward). */
  clockJumps: number[];
  ticket: string;
  businessType: string;
  targetSeconds: number;
  outcome: 'finished' | 'abandoned';
  /** After amendments. */
  steps: string;
  skipReasons: Partial<Record<StepId, SkipReason>>;
  /** As the clerk recorded it: what amendments start from and spot-checks are compared with. */
  recorded: Pick<ServiceRow, 'steps' | 'skipReasons' | 'businessType' | 'targetSeconds'>;
  recommendations: { offer: Offer; response: RecommendationResponse }[];
  flags: FlagKind[];
  /** The service's timing pattern (see patternOf), or null when too few steps were marked. */
  pattern: string | null;
  /** The customer's rating given on the counter's screen or an unpaired display (or before sources). */
  rating: Rating | null;
  /** The customer's rating from a paired display (rating-proof.ts): never mixed with `rating`. */
  displayRating?: Rating | null;
  /** The complaint handled in the service (complaint-row.ts), or null. */
  complaint: ComplaintRow | null;
  amendments: number;
  checks: number;
  /** The service's first and last record, and the amendments, rating and checks that came later. */
  firstSeq: number;
  lastSeq: number;
  later: number[];
  /** Index entries that the drill-down filters by, each scoped to the business day. */
  tags: string[];
}

const LETTER: Record<string, StepLetter> = { done: 'd', skipped: 's', na: 'n', pending: 'p' };

export function stepLetters(summary: Pick<ServiceSummary, 'steps'>): string {
  return STEP_IDS.map((id) => {
    const step = summary.steps[id];
    if (step.status === 'done' && step.late) return 'l';
    if (step.status === 'na' && step.auto) return 'a';
    return LETTER[step.status] ?? 'p';
  }).join('');
}

/** The step's letter in a row's `steps` or `recorded`. */
export const letterOf = (steps: string, id: StepId): StepLetter =>
  (steps[STEP_IDS.indexOf(id)] ?? 'p') as StepLetter;

export interface StepCounts {
  done: number;
  skipped: number;
  na: number;
  late: number;
  notReached: number;
}

/** Done ÷ applicable: n and a never count; p counts apart (every-customer steps of a service ended early). */
export function countLetters(steps: string, flow: FlowDefinition): StepCounts {
  const counts = { done: 0, skipped: 0, na: 0, late: 0, notReached: 0 };
  for (const step of flow.steps) {
    const letter = letterOf(steps, step.id);
    if (letter === 'd' || letter === 'l') counts.done += 1;
    if (letter === 'l') counts.late += 1;
    if (letter === 's') counts.skipped += 1;
    if (letter === 'n' || letter === 'a') counts.na += 1;
    if (letter === 'p' && !isConditional(step)) counts.notReached += 1;
  }
  return counts;
}

/**
 * When each step was first marked by the clerk (not the automatic not-applicable at the end), one
 * mark per tap: steps one tap settles together (leaving the seat not applicable settles coming
 * back too) count once. In the log's order, timed on the service's own clock (`at`: ms since the
 * start), so a wall clock moved mid-service neither reorders the marks nor makes gaps.
 */
function marks(summary: ServiceSummary): { step: StepId; at: number }[] {
  const marked = STEP_IDS.flatMap((step) => {
    const outcome = summary.steps[step];
    return outcome.offsetMs !== null && !outcome.auto && outcome.status !== 'pending'
      ? [{ step, at: outcome.offsetMs, seq: outcome.seq ?? 0 }]
      : [];
  }).sort((a, b) => a.seq - b.seq);
  return marked
    .filter((mark, index) => index === 0 || mark.at !== marked[index - 1]?.at)
    .map(({ step, at }) => ({ step, at }));
}

/** Fewer marks than this make no pattern worth comparing. */
const PATTERN_MIN_MARKS = 6;
/** Step marks sooner than the minimum after the one before: this many make a service fast. */
export const FAST_MARKS = 3;

/**
 * The order the steps were marked in and the whole seconds between them: a clerk who ticks the
 * list off in the same rhythm every time leaves the same pattern.
 */
export function patternOf(summary: ServiceSummary): string | null {
  const list = marks(summary);
  if (list.length < PATTERN_MIN_MARKS) return null;
  return list
    .map((mark, index) => {
      const gap = index === 0 ? 0 : Math.round((mark.at - (list[index - 1]?.at ?? mark.at)) / 1000);
      return `${STEP_IDS.indexOf(mark.step).toString(36)}${gap}`;
    })
    .join('.');
}

/** The flags a service raises on its own (a repeated pattern needs the clerk's day; see the projector). */
export function flagsOf(
  summary: ServiceSummary,
  durationMs: number,
  targetSeconds: number,
  thresholds: FlagThresholds,
): FlagKind[] {
  const list = marks(summary);
  const flags: FlagKind[] = [];
  let fast = 0;
  for (let index = 1; index < list.length; index += 1) {
    const gap = (list[index]?.at ?? 0) - (list[index - 1]?.at ?? 0);
    if (gap < thresholds.minStepSeconds * 1000) fast += 1;
  }
  if (fast >= FAST_MARKS) flags.push('fast');
  const windowMs = thresholds.burstSeconds * 1000;
  for (let start = 0; start + thresholds.burstSteps <= list.length; start += 1) {
    const first = list[start]?.at ?? 0;
    const last = list[start + thresholds.burstSteps - 1]?.at ?? Infinity;
    if (last - first <= windowMs) {
      flags.push('burst');
      break;
    }
  }
  if (durationMs > thresholds.overTargetFactor * targetSeconds * 1000) flags.push('over-target');
  return flags;
}

/**
 * Whether a service counts in the over-target figures (and under the `over` tag that lists them):
 * finished, and longer than its target. A service the customer left early is not timed. The one
 * rule: the review's rollups and tag, its services list, the export's `over_target` column and
 * the hub's services page all ask this (Decision 53).
 */
export const isOverTarget = (service: {
  outcome: string;
  durationMs: number | null;
  targetSeconds: number;
}): boolean =>
  service.outcome === 'finished' && overItsTarget(service.durationMs, service.targetSeconds);

const sortKey = (startedAt: number) => startedAt.toString().padStart(15, '0');

export function tagsOf(row: Omit<ServiceRow, 'tags'>): string[] {
  const at = `@${row.day}`;
  const tags = [
    `clerk:${row.clerk}${at}`,
    `device:${row.device}${at}`,
    `counter:${row.counter}${at}`,
    `type:${row.businessType}${at}`,
    ...row.flags.map((flag) => `flag:${flag}${at}`),
    ...(row.flags.length > 0 ? [`flag:any${at}`] : []),
    ...(row.amendments > 0 ? [`amended${at}`] : []),
    ...(row.rating ? [`rating:${row.rating}${at}`] : []),
    ...(row.displayRating ? [`display-rating:${row.displayRating}${at}`] : []),
    ...(isOverTarget(row) ? [`over${at}`] : []),
    ...(row.checks > 0 ? [`checked${at}`] : []),
    ...(row.clockJumps.length > 0 ? [`clock-moved${at}`] : []),
  ];
  STEP_IDS.forEach((id, index) => {
    if (row.steps[index] === 's') tags.push(`skip:${id}${at}`);
    if (row.steps[index] === 'l') tags.push(`late:${id}${at}`);
  });
  for (const reason of new Set(Object.values(row.skipReasons))) tags.push(`reason:${reason}${at}`);
  for (const { offer } of row.recommendations) tags.push(`offer:${offer}${at}`);
  tags.push(...complaintTags(row.complaint, at));
  return [...new Set(tags)];
}

export const withTags = (row: Omit<ServiceRow, 'tags'>): ServiceRow => ({
  ...row,
  tags: tagsOf(row),
});

const targetOf = (config: Pick<Config, 'businessTypes'>, code: string, fallback: number) =>
  config.businessTypes.find((type) => type.code === code)?.targetSeconds ?? fallback;

/**
 * The row of a service that just ended, as its clerk recorded it (amendments, the rating and
 * checks come later, each as its own record).
 */
export function serviceRow(
  summary: ServiceSummary,
  device: string,
  config: Pick<Config, 'flags' | 'complaintFlow'>,
): ServiceRow {
  const endedAt = summary.endedAt ?? summary.startedAt;
  const durationMs = summary.durationMs ?? endedAt - summary.startedAt;
  const { targetSeconds, businessType } = summary;
  const steps = stepLetters(summary);
  const skipReasons: Partial<Record<StepId, SkipReason>> = {};
  for (const id of STEP_IDS) {
    const reason = summary.steps[id].skipReason;
    if (summary.steps[id].status === 'skipped' && reason) skipReasons[id] = reason;
  }
  return withTags({
    id: `${sortKey(summary.startedAt)}|${device}|${summary.serviceId}`,
    sid: `${device}|${summary.serviceId}`,
    device,
    serviceId: summary.serviceId,
    counter: summary.counter ?? '',
    clerk: summary.clerk ?? '',
    day: summary.businessDay,
    startedAt: summary.startedAt,
    endedAt,
    durationMs,
    clockJumps: summary.clockJumps,
    ticket: summary.ticket,
    businessType,
    targetSeconds,
    outcome: summary.outcome === 'abandoned' ? 'abandoned' : 'finished',
    steps,
    skipReasons,
    recorded: { steps, skipReasons, businessType, targetSeconds },
    recommendations: summary.recommendations,
    flags: flagsOf(summary, durationMs, targetSeconds, config.flags),
    pattern: patternOf(summary),
    rating: null,
    complaint: complaintRow(summary.complaint, config.complaintFlow),
    amendments: 0,
    checks: 0,
    firstSeq: 0,
    lastSeq: 0,
    later: [],
  });
}

/** Applies amendments (all of them, in order) to a row built from the clerk's own record. */
export function amendRow(
  row: ServiceRow,
  amendments: readonly AmendmentApplied[],
  config: Pick<Config, 'businessTypes' | 'flags'>,
): ServiceRow {
  const steps = row.recorded.steps.split('');
  let skipReasons = { ...row.recorded.skipReasons };
  let businessType = row.recorded.businessType;
  for (const { change } of amendments) {
    if (change.kind === 'business-type') {
      businessType = change.businessType;
      continue;
    }
    const index = STEP_IDS.indexOf(change.stepId);
    steps[index] = LETTER[change.outcome] ?? 'p';
    const { stepId, skipReason } = change;
    skipReasons = Object.fromEntries(
      Object.entries(skipReasons).filter(([id]) => id !== stepId),
    ) as typeof skipReasons;
    if (change.outcome === 'skipped' && skipReason) skipReasons[stepId] = skipReason;
  }
  const targetSeconds =
    businessType === row.recorded.businessType
      ? row.recorded.targetSeconds
      : targetOf(config, businessType, row.recorded.targetSeconds);
  const flags: FlagKind[] = row.flags.filter((flag) => flag !== 'over-target');
  if (row.durationMs > config.flags.overTargetFactor * targetSeconds * 1000) {
    flags.push('over-target');
  }
  return withTags({
    ...row,
    steps: steps.join(''),
    skipReasons,
    businessType,
    targetSeconds,
    flags: FLAG_KINDS.filter((kind) => flags.includes(kind)),
    amendments: amendments.length,
  });
}
