/**
 * The service engine, as a Decider: `evolveService` (evolve.ts) folds a service's events into its
 * state; `decideService` takes that state and a clerk's command and returns the events to append,
 * or a typed refusal. Both are pure: time and ids come in as arguments. One engine runs both flow
 * definitions: the seventeen steps and the complaint flow (complaint-engine.ts), with the same
 * done / skipped-with-reason / not-applicable rules (`judgeStep`).
 *
 * Every command after the start names the service it acts on, and step commands name the step: a
 * tap queued before the screen changed (a double tap, a second tab) is refused as stale instead of
 * landing on whatever the state has become.
 */
import { RecommendationResponseSchema, TicketSchema } from '../catalog';
import {
  COMPLAINT_STANDARD,
  isComplaintStep,
  type ComplaintFlow,
  type ComplaintStepId,
} from '../flow/complaint-flow';
import {
  isConditional,
  stepDefinition,
  type FlowDefinition,
  type StepDefinition,
  type StepId,
} from '../flow/flow-definition';
import type { DomainEvent } from '../log/events';
import type { ServiceCommand } from './commands';
import { MAX_FEN } from '../money';
import { refusal, type Refusal } from '../refusal';
import { SurnameSchema, surnameProblem } from '../surname';
import { err, ok, type Result } from '../result';
import {
  cardStep,
  closeComplaintConditional,
  complaintStepDefinition,
  decideComplaintRecord,
  decideStartComplaint,
  pendingComplaintSteps,
} from './complaint-engine';
import { advanceClock, type ServiceState, type StepState } from './evolve';

export { SERVICE_COMMAND_TYPES, type ServiceCommand } from './commands';
import type { ServiceContext } from './context';
export type { ServiceContext } from './context';
export * from './evolve';

// ---------------------------------------------------------------------------------------------
// Commands

export type ServiceDecision = Result<DomainEvent[], Refusal>;

const MAX_NOTE = 200;

function pendingAlwaysSteps(flow: FlowDefinition, state: ServiceState, except?: StepId): StepId[] {
  return flow.steps
    .filter((step) => !isConditional(step) && step.id !== except)
    .filter((step) => state.steps[step.id].status === 'pending')
    .map((step) => step.id);
}

type StepOutcome =
  { outcome: 'done' } | { outcome: 'skipped'; reason: string; note: string } | { outcome: 'na' };

/**
 * The step rules both flows share: a step with its own form refuses a bare Done; an
 * every-customer step is done once; a skip needs a reason from the list ("Other" a note); not
 * applicable only for a conditional step; a step done stays done.
 */
function judgeStep(
  step: Pick<StepDefinition, 'applies' | 'action'>,
  state: StepState,
  command: Extract<ServiceCommand, { type: 'mark-done' | 'skip' | 'mark-na' }>,
  context: ServiceContext,
): Result<StepOutcome, Refusal> {
  switch (command.type) {
    case 'mark-done':
      if (step.action !== 'done') return err(refusal('step-has-own-command'));
      // A second Done for an every-customer step is a tap from a stale screen; conditional steps
      // (items handed over…) can happen again.
      if (!isConditional(step) && state.status === 'done') return err(refusal('stale-command'));
      return ok({ outcome: 'done' });
    case 'skip': {
      if (state.status === 'done') return err(refusal('step-already-done'));
      if (state.status === 'skipped') return err(refusal('stale-command'));
      if (!command.reason) return err(refusal('skip-needs-reason'));
      if (!context.skipReasons.some((entry) => entry.code === command.reason)) {
        return err(refusal('unknown-skip-reason'));
      }
      const note = command.note.trim();
      if (command.reason === 'other' && note === '') return err(refusal('skip-needs-note'));
      if (note.length > MAX_NOTE) return err(refusal('note-too-long'));
      return ok({ outcome: 'skipped', reason: command.reason, note });
    }
    case 'mark-na':
      if (!isConditional(step)) return err(refusal('na-on-always-step'));
      if (state.status === 'done') return err(refusal('step-already-done'));
      if (state.status === 'na') return err(refusal('stale-command'));
      return ok({ outcome: 'na' });
  }
}

/** A step command for the complaint flow: the same rules, recorded as complaint steps. */
function decideComplaintStep(
  open: ServiceState,
  stepId: ComplaintStepId,
  command: Extract<ServiceCommand, { type: 'mark-done' | 'skip' | 'mark-na' }>,
  context: ServiceContext,
): ServiceDecision {
  if (!open.complaint) return err(refusal('no-complaint'));
  const step = complaintStepDefinition(context.complaintFlow, stepId);
  const judged = judgeStep(step, open.complaint.steps[stepId], command, context);
  if (!judged.ok) return judged;
  const outcome = judged.value;
  return ok([
    {
      type: 'complaint-step',
      stepId,
      outcome: outcome.outcome,
      reason: outcome.outcome === 'skipped' ? outcome.reason : null,
      note: outcome.outcome === 'skipped' ? outcome.note : '',
    },
  ]);
}

/** Conditional steps still pending when a service finishes: their condition never occurred. */
function closeConditionalSteps(context: ServiceContext, state: ServiceState): DomainEvent[] {
  return [
    ...closeComplaintConditional(context.complaintFlow, state.complaint),
    ...context.flow.steps
      .filter((step) => isConditional(step) && state.steps[step.id].status === 'pending')
      .map((step) => ({ type: 'step-not-applicable', stepId: step.id, auto: true }) as const),
  ];
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
      // A service of the complaint flow's business type is a complaint from its start.
      ...(business.code === context.complaintFlow.startsWith.businessType
        ? [{ type: 'complaint-started', trigger: 'business-type' } as const]
        : []),
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
    case 'mark-done':
    case 'skip':
    case 'mark-na': {
      const { stepId } = command;
      if (isComplaintStep(stepId)) return decideComplaintStep(open, stepId, command, context);
      const judged = judgeStep(stepDefinition(flow, stepId), open.steps[stepId], command, context);
      if (!judged.ok) return judged;
      const outcome = judged.value;
      if (outcome.outcome === 'done') return ok([{ type: 'step-done', stepId }]);
      if (outcome.outcome === 'skipped') {
        return ok([{ type: 'step-skipped', stepId, reason: outcome.reason, note: outcome.note }]);
      }
      // Leaving the seat and thanking on return are one pair: if the clerk never left, neither applies.
      const pair: StepId[] =
        stepId === 'apologise-leaving' && open.steps['thank-returning'].status !== 'done'
          ? ['apologise-leaving', 'thank-returning']
          : [stepId];
      return ok(
        pair.map((id) => ({ type: 'step-not-applicable', stepId: id, auto: false }) as const),
      );
    }
    case 'start-complaint':
      return decideStartComplaint(open);
    case 'record-complaint':
      return decideComplaintRecord(open, command, {
        now: context.now,
        day: context.day,
        clerk: context.clerk ?? null,
      });
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
      const pending = blocking(context, open, 'call-next');
      if (pending.length > 0) return err(refusal('steps-pending', { steps: pending }));
      return ok([
        { type: 'next-called', nextTicket: command.nextTicket },
        ...closeConditionalSteps(context, open),
        { type: 'service-finished', durationMs: runningFor(open, context) },
      ]);
    }
    case 'finish': {
      const pending = blocking(context, open);
      if (pending.length > 0) return err(refusal('steps-pending', { steps: pending }));
      return ok([
        ...closeConditionalSteps(context, open),
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

/** The complaint's steps first (it is handled before the service goes on), then the seventeen. */
const blocking = (
  context: Pick<ServiceContext, 'flow' | 'complaintFlow'>,
  state: ServiceState,
  except?: StepId,
): (StepId | ComplaintStepId)[] => [
  ...pendingComplaintSteps(context.complaintFlow, state.complaint),
  ...pendingAlwaysSteps(context.flow, state, except),
];

/**
 * Every-customer steps (of both flows) with no outcome: what finishing a service would be
 * refused for.
 */
export function stepsBlockingFinish(
  flow: FlowDefinition,
  state: ServiceState,
  complaintFlow: ComplaintFlow = COMPLAINT_STANDARD,
): (StepId | ComplaintStepId)[] {
  return blocking({ flow, complaintFlow }, state);
}

/**
 * The step the clerk should look at now: the first always-step still pending, in standard order;
 * during a complaint, the complaint's steps (see complaint-engine.ts `cardStep`).
 */
export function currentStep(
  flow: FlowDefinition,
  state: ServiceState,
  complaintFlow: ComplaintFlow = COMPLAINT_STANDARD,
): StepId | ComplaintStepId | null {
  return cardStep(flow, complaintFlow, state);
}

/** Elapsed service time and where it stands against the business type's target. */
export function timerLevel(elapsedMs: number, targetSeconds: number): 'ok' | 'amber' | 'red' {
  const target = targetSeconds * 1000;
  if (elapsedMs > target) return 'red';
  if (elapsedMs > target * 0.8) return 'amber';
  return 'ok';
}
