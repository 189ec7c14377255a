/**
 * A service's state as the fold of its events (`evolveService`): every step's outcome in both
 * flows (the seventeen steps and, once a complaint started, the complaint's six), the money, the
 * recommendations, the absence, the complaint's record, the outcome and the service's own clock.
 * Pure: the engine (engine.ts) decides with it, the device state keeps the latest one.
 */
import type { Offer, RecommendationResponse, SkipReason, Title } from '../catalog';
import { COMPLAINT_STEP_IDS, type ComplaintStepId } from '../flow/complaint-flow';
import { STEP_IDS, type StepId } from '../flow/flow-definition';
import { elapsedBetween, type MonoStamp, type Moment } from '../log/clock';
import type { Rating, RatingSource, RecordedEvent } from '../log/events';
import type { ComplaintRecord } from './complaint';

export type StepStatus = 'pending' | 'done' | 'skipped' | 'na';

export interface StepState {
  status: StepStatus;
  /** How many times it was done: conditional steps can happen more than once. */
  timesDone: number;
  skip: { reason: SkipReason; note: string | null } | null;
}

export interface MoneyAnnouncement {
  dueFen: number;
  receivedFen: number;
  changeFen: number;
}

/**
 * The service's own clock, as of its latest record: how long it has run (monotonic within a page
 * load, wall across reloads: see log/clock.ts), and that record's moment to go on from. Durations
 * come from this, never from the wall clock alone, which someone may move mid-service.
 */
export interface ServiceClock extends Moment {
  elapsedMs: number;
}

export interface ServiceState {
  serviceId: string;
  /** Who started it, and the sequence number of its first record. */
  startedBy: string | null;
  startedSeq: number;
  ticket: string;
  title: Title;
  surname: string | null;
  businessType: string;
  targetSeconds: number;
  /** Wall-clock start (epoch ms): for people and business days, never for durations. */
  startedAt: number;
  clock: ServiceClock;
  steps: Record<StepId, StepState>;
  /** Wall-clock time the clerk left the seat (shown), and the service clock then (measured). */
  awaySince: number | null;
  awayAtElapsedMs: number | null;
  money: MoneyAnnouncement[];
  recommendations: { offer: Offer; response: RecommendationResponse }[];
  outcome: 'open' | 'finished' | 'abandoned';
  endedAt: number | null;
  /** As recorded when it ended (the service clock then). */
  durationMs: number | null;
  nextTicket: string | null;
  /** The customer's rating, once given (or timed out). */
  rating: Rating | null;
  /** Where it was given (rating-proof.ts): a paired display's, or the counter screen's. */
  ratingSource?: RatingSource | null;
  /** The complaint handled in this service (its business type, or tapped during it), or null. */
  complaint: ComplaintState | null;
}

export interface ComplaintState {
  trigger: 'business-type' | 'during-service';
  steps: Record<ComplaintStepId, StepState>;
  /** The summary is null where the log's personal value is not held (personal.ts). */
  record: (Omit<ComplaintRecord, 'summary'> & { summary: string | null }) | null;
  /** The manager who confirmed the escalation with their PIN. */
  confirmedBy: string | null;
}

/**
 * An event as the engine sees it: what happened, to which service, when (epoch ms, and on the
 * monotonic clock where the record says), by whom.
 */
export interface TimedEvent {
  serviceId: string | null;
  seq: number;
  atMs: number;
  mono?: MonoStamp | null;
  staffNo: string | null;
  event: RecordedEvent;
}

function emptySteps<Id extends string>(ids: readonly Id[]): Record<Id, StepState> {
  return Object.fromEntries(
    ids.map((id) => [id, { status: 'pending', timesDone: 0, skip: null } satisfies StepState]),
  ) as Record<Id, StepState>;
}

/** A step's state after one outcome. Done is sticky: a step done once stays done. */
function recordOutcome(
  step: StepState,
  outcome: 'done' | 'skipped' | 'na',
  skip: { reason: SkipReason; note: string | null } | null,
): StepState {
  if (outcome === 'done') return { status: 'done', timesDone: step.timesDone + 1, skip: null };
  if (step.status === 'done') return step;
  return outcome === 'skipped'
    ? { status: 'skipped', timesDone: 0, skip }
    : { status: 'na', timesDone: 0, skip: null };
}

function evolveComplaint(complaint: ComplaintState, event: RecordedEvent, staffNo: string | null) {
  switch (event.type) {
    case 'complaint-step': {
      const skip = event.reason ? { reason: event.reason, note: event.note } : null;
      const step = recordOutcome(complaint.steps[event.stepId], event.outcome, skip);
      return { ...complaint, steps: { ...complaint.steps, [event.stepId]: step } };
    }
    case 'complaint-recorded': {
      const { category, summary, outcome } = event;
      const act = recordOutcome(complaint.steps['complaint-act'], 'done', null);
      return {
        ...complaint,
        record: { category, summary, outcome },
        steps: { ...complaint.steps, 'complaint-act': act },
      };
    }
    case 'escalation-confirmed':
      return { ...complaint, confirmedBy: staffNo };
    default:
      return complaint;
  }
}

function markDone(state: ServiceState, stepId: StepId): ServiceState {
  const step = state.steps[stepId];
  return {
    ...state,
    steps: {
      ...state.steps,
      [stepId]: { status: 'done', timesDone: step.timesDone + 1, skip: null },
    },
  };
}

/** The service clock moved on to `moment`. */
export function advanceClock(clock: ServiceClock, moment: Moment): ServiceClock {
  return {
    elapsedMs: clock.elapsedMs + elapsedBetween(clock, moment),
    atMs: moment.atMs,
    mono: moment.mono ?? null,
  };
}

/** Applies one event. Done is sticky: a step done once stays done whatever is recorded after. */
export function evolveService(
  previous: ServiceState | null,
  timed: TimedEvent,
): ServiceState | null {
  const { event, atMs } = timed;
  if (event.type === 'service-started') {
    if (!timed.serviceId) return previous;
    return {
      serviceId: timed.serviceId,
      startedBy: timed.staffNo,
      startedSeq: timed.seq,
      ticket: event.ticket,
      title: event.title,
      surname: event.surname,
      businessType: event.businessType,
      targetSeconds: event.targetSeconds,
      startedAt: atMs,
      clock: { elapsedMs: 0, atMs, mono: timed.mono ?? null },
      steps: emptySteps(STEP_IDS),
      awaySince: null,
      awayAtElapsedMs: null,
      money: [],
      recommendations: [],
      outcome: 'open',
      endedAt: null,
      durationMs: null,
      nextTicket: null,
      rating: null,
      complaint: null,
    };
  }
  if (!previous || timed.serviceId !== previous.serviceId) return previous;
  const state: ServiceState = { ...previous, clock: advanceClock(previous.clock, timed) };
  switch (event.type) {
    case 'customer-named':
      return { ...state, surname: event.surname };
    case 'step-done':
      return markDone(state, event.stepId);
    case 'step-skipped':
    case 'step-not-applicable': {
      if (state.steps[event.stepId].status === 'done') return state;
      const next: StepState =
        event.type === 'step-skipped'
          ? { status: 'skipped', timesDone: 0, skip: { reason: event.reason, note: event.note } }
          : { status: 'na', timesDone: 0, skip: null };
      return { ...state, steps: { ...state.steps, [event.stepId]: next } };
    }
    case 'seat-left':
      return {
        ...markDone(state, 'apologise-leaving'),
        awaySince: atMs,
        awayAtElapsedMs: state.clock.elapsedMs,
      };
    case 'seat-returned':
      return { ...markDone(state, 'thank-returning'), awaySince: null, awayAtElapsedMs: null };
    case 'money-announced':
      return {
        ...markDone(state, 'announce-money'),
        money: [
          ...state.money,
          { dueFen: event.dueFen, receivedFen: event.receivedFen, changeFen: event.changeFen },
        ],
      };
    case 'recommendation-recorded':
      return {
        ...markDone(state, 'recommend'),
        recommendations: [
          ...state.recommendations,
          { offer: event.offer, response: event.response },
        ],
      };
    case 'next-called':
      return { ...markDone(state, 'call-next'), nextTicket: event.nextTicket };
    case 'service-finished':
      return { ...state, outcome: 'finished', endedAt: atMs, durationMs: event.durationMs };
    case 'service-abandoned':
      return { ...state, outcome: 'abandoned', endedAt: atMs, durationMs: event.durationMs };
    case 'service-rated':
      return { ...state, rating: event.rating, ratingSource: event.source ?? 'counter-screen' };
    case 'complaint-started':
      if (state.complaint) return state;
      return {
        ...state,
        complaint: {
          trigger: event.trigger,
          steps: emptySteps(COMPLAINT_STEP_IDS),
          record: null,
          confirmedBy: null,
        },
      };
    case 'complaint-step':
    case 'complaint-recorded':
    case 'escalation-confirmed':
      if (!state.complaint) return state;
      return { ...state, complaint: evolveComplaint(state.complaint, event, timed.staffNo) };
    default:
      // Sign-ins, locks and the like belong to the device, not to a service.
      return previous;
  }
}

/** The state of the last service started among these events (in log order), or null. */
export function foldService(events: readonly TimedEvent[]): ServiceState | null {
  return events.reduce<ServiceState | null>(evolveService, null);
}
