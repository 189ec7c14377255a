/**
 * The flow engine. `foldService` turns a service's events into its state; `decide` takes that
 * state and a clerk's command and returns the events to append, or a typed refusal. Both are pure:
 * time and ids come in as arguments, so every rule is testable without a clock or a database.
 */
import {
  SurnameSchema,
  TicketSchema,
  type AbandonReason,
  type BusinessType,
  type Offer,
  type RecommendationResponse,
  type SkipReason,
  type Title,
} from './catalog';
import type { DomainEvent } from './events';
import {
  STEP_IDS,
  isConditional,
  stepDefinition,
  type FlowDefinition,
  type StepId,
} from './flow-definition';
import { MAX_FEN } from './money';
import { accept, refuse, type Decision } from './result';

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

export interface ServiceState {
  serviceId: string;
  ticket: string;
  title: Title;
  surname: string | null;
  businessType: string;
  targetSeconds: number;
  startedAt: number;
  steps: Record<StepId, StepState>;
  awaySince: number | null;
  money: MoneyAnnouncement[];
  recommendations: { offer: Offer; response: RecommendationResponse }[];
  outcome: 'open' | 'finished' | 'abandoned';
  endedAt: number | null;
  nextTicket: string | null;
}

/** An event as the engine sees it: what happened, to which service, when (epoch ms). */
export interface TimedEvent {
  serviceId: string | null;
  atMs: number;
  event: DomainEvent;
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

/** Applies one event. Done is sticky: a step done once stays done whatever is recorded after. */
export function evolve(state: ServiceState | null, timed: TimedEvent): ServiceState | null {
  const { event, atMs } = timed;
  if (event.type === 'service-started') {
    if (!timed.serviceId) return state;
    return {
      serviceId: timed.serviceId,
      ticket: event.ticket,
      title: event.title,
      surname: event.surname,
      businessType: event.businessType,
      targetSeconds: event.targetSeconds,
      startedAt: atMs,
      steps: emptySteps(),
      awaySince: null,
      money: [],
      recommendations: [],
      outcome: 'open',
      endedAt: null,
      nextTicket: null,
    };
  }
  if (!state || timed.serviceId !== state.serviceId) return state;
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
      return { ...markDone(state, 'apologise-leaving'), awaySince: atMs };
    case 'seat-returned':
      return { ...markDone(state, 'thank-returning'), awaySince: null };
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
      return { ...state, outcome: 'finished', endedAt: atMs };
    case 'service-abandoned':
      return { ...state, outcome: 'abandoned', endedAt: atMs };
    default:
      // Sign-ins, locks and the like belong to the device, not to a service.
      return state;
  }
}

/** The state of the last service started among these events (in log order), or null. */
export function foldService(events: readonly TimedEvent[]): ServiceState | null {
  return events.reduce<ServiceState | null>(evolve, null);
}

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * What a clerk asks for. Raw input (ticket text, typed surname, amounts in fen from the keypad) is
 * checked by `decide`, which refuses with a reason rather than trusting the screen.
 */
export type Command =
  | {
      type: 'start-service';
      ticket: string;
      title: Title;
      surname: string | null;
      businessType: string;
    }
  | { type: 'name-customer'; surname: string }
  | { type: 'mark-done'; stepId: StepId }
  | { type: 'skip'; stepId: StepId; reason: SkipReason | null; note: string }
  | { type: 'mark-na'; stepId: StepId }
  | { type: 'leave-seat' }
  | { type: 'return-to-seat' }
  | { type: 'announce-money'; dueFen: number; receivedFen: number }
  | { type: 'recommend'; offer: Offer; response: RecommendationResponse }
  | { type: 'call-next'; nextTicket: string }
  | { type: 'finish' }
  | { type: 'abandon'; reason: AbandonReason };

export type RefusalCode =
  | 'service-already-open'
  | 'no-open-service'
  | 'invalid-ticket'
  | 'invalid-surname'
  | 'unknown-business-type'
  | 'skip-needs-reason'
  | 'skip-needs-note'
  | 'note-too-long'
  | 'na-on-always-step'
  | 'step-already-done'
  | 'step-has-own-command'
  | 'clerk-away'
  | 'clerk-not-away'
  | 'money-negative'
  | 'money-not-integer'
  | 'money-out-of-range'
  | 'received-less-than-due'
  | 'steps-pending'
  // Decided by the repository from the session, before the engine is asked.
  | 'not-signed-in'
  | 'screen-locked'
  | 'pin-change-required'
  | 'forbidden';

export interface Refusal {
  code: RefusalCode;
  /** For `steps-pending`: which always-steps still need an outcome. */
  steps?: StepId[];
}

export interface DecideContext {
  flow: FlowDefinition;
  businessTypes: readonly BusinessType[];
  now: number;
}

export type CommandDecision = Decision<DomainEvent[], Refusal>;

/**
 * Steps whose outcome carries data get their own command, so the log records the amounts, the
 * offer, the absence or the ticket called rather than a bare "done".
 */
const OWN_COMMAND: ReadonlySet<StepId> = new Set([
  'announce-money',
  'recommend',
  'apologise-leaving',
  'thank-returning',
  'call-next',
]);

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
    if (!Number.isFinite(amount) || !Number.isInteger(amount)) return { code: 'money-not-integer' };
    if (amount < 0) return { code: 'money-negative' };
    if (amount > MAX_FEN) return { code: 'money-out-of-range' };
  }
  if (receivedFen < dueFen) return { code: 'received-less-than-due' };
  return null;
}

export function decide(
  state: ServiceState | null,
  command: Command,
  context: DecideContext,
): CommandDecision {
  const open = state && state.outcome === 'open' ? state : null;
  const { flow, now } = context;

  if (command.type === 'start-service') {
    if (open) return refuse({ code: 'service-already-open' });
    if (!TicketSchema.safeParse(command.ticket).success) return refuse({ code: 'invalid-ticket' });
    const surname = command.surname?.trim() || null;
    if (surname !== null && !SurnameSchema.safeParse(surname).success) {
      return refuse({ code: 'invalid-surname' });
    }
    const business = context.businessTypes.find((type) => type.code === command.businessType);
    if (!business) return refuse({ code: 'unknown-business-type' });
    return accept([
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

  if (command.type === 'call-next' && !open) {
    // Calling a ticket with no service open (the first customer of a shift) is still logged.
    if (!TicketSchema.safeParse(command.nextTicket).success)
      return refuse({ code: 'invalid-ticket' });
    return accept([{ type: 'next-called', nextTicket: command.nextTicket }]);
  }

  if (!open) return refuse({ code: 'no-open-service' });

  if (open.awaySince !== null && command.type !== 'return-to-seat' && command.type !== 'abandon') {
    return refuse({ code: 'clerk-away' });
  }

  switch (command.type) {
    case 'name-customer': {
      const surname = command.surname.trim();
      if (!SurnameSchema.safeParse(surname).success) return refuse({ code: 'invalid-surname' });
      return accept([{ type: 'customer-named', surname }]);
    }
    case 'mark-done':
      if (OWN_COMMAND.has(command.stepId)) return refuse({ code: 'step-has-own-command' });
      return accept([{ type: 'step-done', stepId: command.stepId }]);
    case 'skip': {
      if (open.steps[command.stepId].status === 'done')
        return refuse({ code: 'step-already-done' });
      if (!command.reason) return refuse({ code: 'skip-needs-reason' });
      const note = command.note.trim();
      if (command.reason === 'other' && note === '') return refuse({ code: 'skip-needs-note' });
      if (note.length > MAX_NOTE) return refuse({ code: 'note-too-long' });
      return accept([
        { type: 'step-skipped', stepId: command.stepId, reason: command.reason, note },
      ]);
    }
    case 'mark-na': {
      const step = stepDefinition(flow, command.stepId);
      if (!isConditional(step)) return refuse({ code: 'na-on-always-step' });
      if (open.steps[command.stepId].status === 'done')
        return refuse({ code: 'step-already-done' });
      // Leaving the seat and thanking on return are one pair: if the clerk never left, neither applies.
      const pair: StepId[] =
        command.stepId === 'apologise-leaving' && open.steps['thank-returning'].status !== 'done'
          ? ['apologise-leaving', 'thank-returning']
          : [command.stepId];
      return accept(
        pair.map((stepId) => ({ type: 'step-not-applicable', stepId, auto: false }) as const),
      );
    }
    case 'leave-seat':
      return accept([{ type: 'seat-left' }]);
    case 'return-to-seat':
      if (open.awaySince === null) return refuse({ code: 'clerk-not-away' });
      return accept([
        { type: 'seat-returned', absenceMs: Math.max(0, Math.round(now - open.awaySince)) },
      ]);
    case 'announce-money': {
      const problem = checkMoney(command.dueFen, command.receivedFen);
      if (problem) return refuse(problem);
      return accept([
        {
          type: 'money-announced',
          dueFen: command.dueFen,
          receivedFen: command.receivedFen,
          changeFen: command.receivedFen - command.dueFen,
        },
      ]);
    }
    case 'recommend':
      return accept([
        { type: 'recommendation-recorded', offer: command.offer, response: command.response },
      ]);
    case 'call-next': {
      if (!TicketSchema.safeParse(command.nextTicket).success)
        return refuse({ code: 'invalid-ticket' });
      const pending = pendingAlwaysSteps(flow, open, 'call-next');
      if (pending.length > 0) return refuse({ code: 'steps-pending', steps: pending });
      return accept([
        { type: 'next-called', nextTicket: command.nextTicket },
        ...closeConditionalSteps(flow, open),
        { type: 'service-finished', durationMs: Math.max(0, Math.round(now - open.startedAt)) },
      ]);
    }
    case 'finish': {
      const pending = pendingAlwaysSteps(flow, open);
      if (pending.length > 0) return refuse({ code: 'steps-pending', steps: pending });
      return accept([
        ...closeConditionalSteps(flow, open),
        { type: 'service-finished', durationMs: Math.max(0, Math.round(now - open.startedAt)) },
      ]);
    }
    case 'abandon': {
      return accept([
        {
          type: 'service-abandoned',
          reason: command.reason,
          durationMs: Math.max(0, Math.round(now - open.startedAt)),
        },
      ]);
    }
  }
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
