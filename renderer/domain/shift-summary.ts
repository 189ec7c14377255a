/**
 * The self-check (自查) a clerk sees on signing out: their services this shift, how completely
 * the standard was kept, the average time and the skips. Not-applicable steps never count.
 */
import { z } from 'zod';
import { foldService, type ServiceState, type TimedEvent } from './engine';
import { SkipReasonSchema } from './catalog';

export const ShiftSummarySchema = z.object({
  services: z.number().int().min(0),
  finished: z.number().int().min(0),
  abandoned: z.number().int().min(0),
  /** Steps done ÷ steps that applied (done, skipped or left pending), over ended services. */
  stepsDone: z.number().int().min(0),
  stepsApplicable: z.number().int().min(0),
  averageMs: z.number().int().min(0).nullable(),
  skips: z.number().int().min(0),
  skipReasons: z.partialRecord(SkipReasonSchema, z.number().int().positive()),
});
export type ShiftSummary = z.infer<typeof ShiftSummarySchema>;

/** `events`: everything since the clerk signed in; `startedBy`: which services were theirs. */
export function summarizeShift(
  events: readonly TimedEvent[],
  isOwnService: (serviceId: string) => boolean,
): ShiftSummary {
  const byService = new Map<string, TimedEvent[]>();
  for (const timed of events) {
    if (!timed.serviceId || !isOwnService(timed.serviceId)) continue;
    byService.set(timed.serviceId, [...(byService.get(timed.serviceId) ?? []), timed]);
  }
  const ended = [...byService.values()]
    .map((serviceEvents) => foldService(serviceEvents))
    .filter((state): state is ServiceState => state !== null && state.outcome !== 'open');

  const summary: ShiftSummary = {
    services: ended.length,
    finished: 0,
    abandoned: 0,
    stepsDone: 0,
    stepsApplicable: 0,
    averageMs: null,
    skips: 0,
    skipReasons: {},
  };
  let finishedMs = 0;
  for (const state of ended) {
    if (state.outcome === 'finished') {
      summary.finished += 1;
      finishedMs += (state.endedAt ?? state.startedAt) - state.startedAt;
    } else summary.abandoned += 1;
    for (const step of Object.values(state.steps)) {
      if (step.status === 'na') continue;
      summary.stepsApplicable += 1;
      if (step.status === 'done') summary.stepsDone += 1;
      if (step.skip) {
        summary.skips += 1;
        summary.skipReasons[step.skip.reason] = (summary.skipReasons[step.skip.reason] ?? 0) + 1;
      }
    }
  }
  if (summary.finished > 0) summary.averageMs = Math.round(finishedMs / summary.finished);
  return summary;
}
