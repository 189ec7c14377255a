/**
 * The self-check (自查) a clerk sees on signing out: their services this shift, how completely the
 * standard was kept, the average time and the skips. A running tally is kept in the session as
 * each of the clerk's services ends, so signing out reads nothing.
 *
 * Steps kept = steps done ÷ steps that applied, where a step applied if it was done or skipped.
 * Not applicable never counts. In a service that ended early (the customer left), the
 * every-customer steps never reached are counted once, apart, as "not reached": they are neither
 * kept nor missed. Conditional steps never reached did not apply.
 */
import { isConditional, type FlowDefinition } from '../flow/flow-definition';
import type { ShiftSummary } from '../log/events';
import type { ServiceState } from './engine';

export interface ShiftTally extends Omit<ShiftSummary, 'averageMs' | 'stepsNotReached'> {
  stepsNotReached: number;
  finishedMs: number;
}

export const EMPTY_TALLY: ShiftTally = {
  services: 0,
  finished: 0,
  abandoned: 0,
  stepsDone: 0,
  stepsApplicable: 0,
  stepsNotReached: 0,
  skips: 0,
  skipReasons: {},
  finishedMs: 0,
};

/** Adds one ended service to the tally. */
export function tallyService(
  tally: ShiftTally,
  flow: FlowDefinition,
  service: ServiceState,
): ShiftTally {
  const next: ShiftTally = { ...tally, skipReasons: { ...tally.skipReasons } };
  next.services += 1;
  if (service.outcome === 'finished') {
    next.finished += 1;
    next.finishedMs +=
      service.durationMs ?? (service.endedAt ?? service.startedAt) - service.startedAt;
  } else next.abandoned += 1;
  for (const step of flow.steps) {
    const state = service.steps[step.id];
    if (state.status === 'na') continue;
    if (state.status === 'pending') {
      if (!isConditional(step)) next.stepsNotReached += 1;
      continue;
    }
    next.stepsApplicable += 1;
    if (state.status === 'done') next.stepsDone += 1;
    if (state.skip) {
      next.skips += 1;
      next.skipReasons[state.skip.reason] = (next.skipReasons[state.skip.reason] ?? 0) + 1;
    }
  }
  return next;
}

export function summaryOf(tally: ShiftTally): ShiftSummary & { stepsNotReached: number } {
  const { finishedMs, ...figures } = tally;
  return {
    ...figures,
    averageMs: tally.finished > 0 ? Math.round(finishedMs / tally.finished) : null,
  };
}
