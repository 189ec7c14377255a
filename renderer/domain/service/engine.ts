/**
 * The service engine, as a Decider: `evolveService` folds a service's events into its state;
 * `decideService` takes that state and a clerk's command and returns the events to append, or a
 * typed refusal. Both are pure: time and ids come in as arguments.
 *
 * Every command after the start names the service it acts on, and step commands name the step: a
 * tap queued before the screen changed (a double tap, a second tab) is refused as stale instead of
 * landing on whatever the state has become.
 */
import {
  RecommendationResponseSchema,
  TicketSchema,
  type BusinessType,
  type ListEntry,
  type Offer,
  type RecommendationResponse,
  type SkipReason,
  type Title,
} from '../catalog';
import {
  STEP_IDS,
  hasOwnCommand,
  isConditional,
  stepDefinition,
  type FlowDefinition,
  type StepId,
} from '../flow/flow-definition';
import { elapsedBetween, type MonoStamp, type Moment } from '../log/clock';
import type { DomainEvent, Rating, RecordedEvent } from '../log/events';
import type { ServiceCommand } from './commands';
import { MAX_FEN } from '../money';
import { refusal, type Refusal } from '../refusal';
import { SurnameSchema, surnameProblem } from '../surname';
import { err, ok, type Result } from '../result';

export { SERVICE_COMMAND_TYPES, type ServiceCommand } from './commands';

export type StepStatus = 'pending' | 'done' | 'skipped' | 'na';

export interface StepState {
  status: StepStatus;
  /** How many times it was done: conditional steps can happen more than once. */
  timesDone: number;
  skip: { reason: SkipReason; note: string } | null;
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

function emptySteps(): Record<StepId, StepState> {
  return Object.fromEntries(
    STEP_IDS.map((id) => [id, { status: 'pending', timesDone: 0, skip: null } satisfies StepState]),
  ) as Record<StepId, StepState>;
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
      steps: emptySteps(),
      awaySince: null,
      awayAtElapsedMs: null,
      money: [],
      recommendations: [],
      outcome: 'open',
      endedAt: null,
      durationMs: null,
      nextTicket: null,
      rating: null,
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
      return { ...state, rating: event.rating };
    default:
      // Sign-ins, locks and the like belong to the device, not to a service.
      return previous;
  }
}

/** The state of the last service started among these events (in log order), or null. */
export function foldService(events: readonly TimedEvent[]): ServiceState | null {
  return events.reduce<ServiceState | null>(evolveService, null);
}

// ---------------------------------------------------------------------------------------------
// Commands

export interface ServiceContext {
  flow: FlowDefinition;
  businessTypes: readonly BusinessType[];
  /** The configured lists; a code not on them is refused. */
  skipReasons: readonly ListEntry[];
  offers: readonly ListEntry[];
  now: number;
  /** The monotonic clock now (the store's page load); without it durations fall back to the wall clock. */
  mono?: MonoStamp | null;
}

export type ServiceDecision = Result<DomainEvent[], Refusal>;

const MAX_NOTE = 200;

function pendingAlwaysSteps(flow: FlowDefinition, state: ServiceState, except?: StepId): StepId[] {
  return flow.steps
    .filter((step) => !isConditional(step) && step.id !== except)
    .filter((step) => state.steps[step.id].status === 'pending')
    .map((step) => step.id);
}

/** Conditional steps still pending when a service finishes: their condition never occurred. */
function closeConditionalSteps(flow: FlowDefinition, state: ServiceState): DomainEvent[] {
  return flow.steps
    .filter((step) => isConditional(step) && state.steps[step.id].status === 'pending')
    .map((step) => ({ type: 'step-not-applicable', stepId: step.id, auto: true }) as const);
}

function checkMoney(dueFen: number, receivedFen: number): Refusal | null {
  for (const amount of [dueFen, receivedFen]) {
    if (!Number.isFinite(amount) || !Number.isInteger(amount)) return refusal('money-not-integer');
    if (amount < 0) return refusal('money-negative');
    if (amount > MAX_FEN) return refusal('money-out-of-range');
  }
  if (receivedFen < dueFen) return refusal('received-less-than-due');
  return null;
}

function checkSurname(input: string): Refusal | string {
  const surname = input.trim();
  const problem = surnameProblem(surname);
  if (problem || !SurnameSchema.safeParse(surname).success) {
    return refusal('invalid-surname', { surname: problem ?? 'not-a-surname' });
  }
  return surname;
}

/** How long the service has run, on its own clock, at the moment of deciding. */
const runningFor = (open: ServiceState, context: ServiceContext): number =>
  advanceClock(open.clock, { atMs: context.now, mono: context.mono ?? null }).elapsedMs;

/** How long the clerk has been away, on the service clock. */
function absence(open: ServiceState, context: ServiceContext): number {
  if (open.awayAtElapsedMs === null) {
    return Math.max(0, Math.round(context.now - (open.awaySince ?? context.now)));
  }
  return Math.max(0, runningFor(open, context) - open.awayAtElapsedMs);
}

export function decideService(
  state: ServiceState | null,
  command: ServiceCommand,
  context: ServiceContext,
): ServiceDecision {
  const open = state && state.outcome === 'open' ? state : null;
  const { flow } = context;

  if (command.type === 'start-service') {
    if (open) return err(refusal('service-already-open'));
    if (!TicketSchema.safeParse(command.ticket).success) return err(refusal('invalid-ticket'));
    let surname: string | null = null;
    if (command.surname !== null && command.surname.trim() !== '') {
      const checked = checkSurname(command.surname);
      if (typeof checked !== 'string') return err(checked);
      surname = checked;
    }
    const business = context.businessTypes.find((type) => type.code === command.businessType);
    if (!business) return err(refusal('unknown-business-type'));
    return ok([
      {
        type: 'service-started',
        ticket: command.ticket,
        title: command.title,
        surname,
        businessType: business.code,
        targetSeconds: business.targetSeconds,
      },
    ]);
  }

  if (command.type === 'call-next' && command.serviceId === null) {
    // Calling a ticket with no service open (the first customer of a shift) is still logged; with
    // one open, the screen that sent this was out of date.
    if (open) return err(refusal('stale-command'));
    if (!TicketSchema.safeParse(command.nextTicket).success) return err(refusal('invalid-ticket'));
    return ok([{ type: 'next-called', nextTicket: command.nextTicket }]);
  }

  if (!open) return err(refusal(state ? 'stale-command' : 'no-open-service'));
  if (command.serviceId !== open.serviceId) return err(refusal('stale-command'));

  if (open.awaySince !== null && command.type !== 'return-to-seat' && command.type !== 'abandon') {
    return err(refusal('clerk-away'));
  }

  switch (command.type) {
    case 'name-customer': {
      const checked = checkSurname(command.surname);
      if (typeof checked !== 'string') return err(checked);
      return ok([{ type: 'customer-named', surname: checked }]);
    }
    case 'mark-done': {
      if (hasOwnCommand(flow, command.stepId)) return err(refusal('step-has-own-command'));
      const step = stepDefinition(flow, command.stepId);
      // An every-customer step is done once; a second Done for it is a tap from a stale screen.
      // Conditional steps (items handed over…) can happen again.
      if (!isConditional(step) && open.steps[command.stepId].status === 'done') {
        return err(refusal('stale-command'));
      }
      return ok([{ type: 'step-done', stepId: command.stepId }]);
    }
    case 'skip': {
      const status = open.steps[command.stepId].status;
      if (status === 'done') return err(refusal('step-already-done'));
      if (status === 'skipped') return err(refusal('stale-command'));
      if (!command.reason) return err(refusal('skip-needs-reason'));
      if (!context.skipReasons.some((entry) => entry.code === command.reason)) {
        return err(refusal('unknown-skip-reason'));
      }
      const note = command.note.trim();
      if (command.reason === 'other' && note === '') return err(refusal('skip-needs-note'));
      if (note.length > MAX_NOTE) return err(refusal('note-too-long'));
      return ok([{ type: 'step-skipped', stepId: command.stepId, reason: command.reason, note }]);
    }
    case 'mark-na': {
      const step = stepDefinition(flow, command.stepId);
      if (!isConditional(step)) return err(refusal('na-on-always-step'));
      const status = open.steps[command.stepId].status;
      if (status === 'done') return err(refusal('step-already-done'));
      if (status === 'na') return err(refusal('stale-command'));
      // Leaving the seat and thanking on return are one pair: if the clerk never left, neither applies.
      const pair: StepId[] =
        command.stepId === 'apologise-leaving' && open.steps['thank-returning'].status !== 'done'
          ? ['apologise-leaving', 'thank-returning']
          : [command.stepId];
      return ok(
        pair.map((stepId) => ({ type: 'step-not-applicable', stepId, auto: false }) as const),
      );
    }
    case 'leave-seat':
      return ok([{ type: 'seat-left' }]);
    case 'return-to-seat':
      if (open.awaySince === null) return err(refusal('clerk-not-away'));
      return ok([{ type: 'seat-returned', absenceMs: absence(open, context) }]);
    case 'announce-money': {
      const problem = checkMoney(command.dueFen, command.receivedFen);
      if (problem) return err(problem);
      return ok([
        {
          type: 'money-announced',
          dueFen: command.dueFen,
          receivedFen: command.receivedFen,
          changeFen: command.receivedFen - command.dueFen,
        },
      ]);
    }
    case 'recommend':
      if (!context.offers.some((entry) => entry.code === command.offer)) {
        return err(refusal('unknown-offer'));
      }
      if (!RecommendationResponseSchema.safeParse(command.response).success) {
        return err(refusal('unknown-offer'));
      }
      return ok([
        { type: 'recommendation-recorded', offer: command.offer, response: command.response },
      ]);
    case 'call-next': {
      if (!TicketSchema.safeParse(command.nextTicket).success)
        return err(refusal('invalid-ticket'));
      const pending = pendingAlwaysSteps(flow, open, 'call-next');
      if (pending.length > 0) return err(refusal('steps-pending', { steps: pending }));
      return ok([
        { type: 'next-called', nextTicket: command.nextTicket },
        ...closeConditionalSteps(flow, open),
        { type: 'service-finished', durationMs: runningFor(open, context) },
      ]);
    }
    case 'finish': {
      const pending = pendingAlwaysSteps(flow, open);
      if (pending.length > 0) return err(refusal('steps-pending', { steps: pending }));
      return ok([
        ...closeConditionalSteps(flow, open),
        { type: 'service-finished', durationMs: runningFor(open, context) },
      ]);
    }
    case 'abandon':
      return ok([
        {
          type: 'service-abandoned',
          reason: command.reason,
          durationMs: runningFor(open, context),
        },
      ]);
  }
}

/** Every-customer steps with no outcome: what finishing a service would be refused for. */
export function stepsBlockingFinish(flow: FlowDefinition, state: ServiceState): StepId[] {
  return pendingAlwaysSteps(flow, state);
}

/** The step the clerk should look at now: the first always-step still pending, in standard order. */
export function currentStep(flow: FlowDefinition, state: ServiceState): StepId | null {
  const next = flow.steps.find(
    (step) => !isConditional(step) && state.steps[step.id].status === 'pending',
  );
  return next?.id ?? null;
}

/** Elapsed service time and where it stands against the business type's target. */
export function timerLevel(elapsedMs: number, targetSeconds: number): 'ok' | 'amber' | 'red' {
  const target = targetSeconds * 1000;
  if (elapsedMs > target) return 'red';
  if (elapsedMs > target * 0.8) return 'amber';
  return 'ok';
}
