/**
 * The engine's complaint part: starting a complaint in a service, the complaint steps' outcomes
 * (judged by the same step rules as the seventeen: judgeStep), the complaint's record, and where
 * the complaint stands in the order of the card. Pure, like the rest of the engine.
 */
import { businessDay, type DayBoundary } from '../device/business-day';
import {
  complaintStepDefinition,
  isComplaintStep,
  type ComplaintFlow,
  type ComplaintStepId,
} from '../flow/complaint-flow';
import { isConditional, type FlowDefinition, type StepId } from '../flow/flow-definition';
import type { DomainEvent } from '../log/events';
import { refusal, type Refusal } from '../refusal';
import { err, ok, type Result } from '../result';
import { StaffNumberSchema } from '../catalog';
import {
  ComplaintCategorySchema,
  summaryProblem,
  type ComplaintOutcome,
  type OutcomeKind,
} from './complaint';
import type { ComplaintState, ServiceState } from './evolve';

/** What the complaint form sends: raw input, judged here. */
export interface ComplaintInput {
  category: string;
  summary: string;
  outcome: OutcomeKind;
  /**
   * follow-up: the business day it is promised by (YYYY-MM-DD); escalated: the same, when a
   * follow-up is promised as well, or null/empty.
   */
  due: string | null;
  /** escalated: the manager on duty's staff number (their PIN is checked by the storage). */
  manager: string | null;
}

export function decideStartComplaint(open: ServiceState): Result<DomainEvent[], Refusal> {
  if (open.complaint) return err(refusal('complaint-already-started'));
  return ok([{ type: 'complaint-started', trigger: 'during-service' }]);
}

/** The record of the complaint (the act step's form), or why not. The clerk's part only. */
export function decideComplaintRecord(
  open: ServiceState,
  input: ComplaintInput,
  context: { now: number; day: DayBoundary; clerk: string | null },
): Result<DomainEvent[], Refusal> {
  const complaint = open.complaint;
  if (!complaint) return err(refusal('no-complaint'));
  if (complaint.record) return err(refusal('complaint-already-recorded'));
  const category = ComplaintCategorySchema.safeParse(input.category);
  if (!category.success) return err(refusal('invalid-complaint'));
  const problem = summaryProblem(input.summary);
  if (problem) return err(refusal('invalid-complaint-summary', { summary: problem }));
  const due = (input.due ?? '').trim();
  const dueProblem = (): Refusal | null => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due))) {
      return refusal('follow-up-needs-date');
    }
    return due < businessDay(context.now, context.day) ? refusal('follow-up-in-past') : null;
  };
  let outcome: ComplaintOutcome;
  switch (input.outcome) {
    case 'resolved':
      outcome = { kind: 'resolved' };
      break;
    case 'escalated': {
      const manager = (input.manager ?? '').trim();
      if (!StaffNumberSchema.safeParse(manager).success)
        return err(refusal('invalid-staff-number'));
      if (manager === context.clerk) return err(refusal('escalation-to-self'));
      if (due === '') {
        outcome = { kind: 'escalated', manager };
        break;
      }
      const problem = dueProblem();
      if (problem) return err(problem);
      outcome = { kind: 'escalated', manager, due };
      break;
    }
    case 'follow-up': {
      const problem = dueProblem();
      if (problem) return err(problem);
      outcome = { kind: 'follow-up', due };
      break;
    }
    default:
      return err(refusal('invalid-complaint'));
  }
  return ok([
    {
      type: 'complaint-recorded',
      category: category.data,
      summary: input.summary.trim(),
      outcome,
    },
  ]);
}

/** The complaint's every-complaint steps still without an outcome. */
export function pendingComplaintSteps(
  flow: ComplaintFlow,
  complaint: ComplaintState | null,
): ComplaintStepId[] {
  if (!complaint) return [];
  return flow.steps
    .filter((step) => !isConditional(step) && complaint.steps[step.id].status === 'pending')
    .map((step) => step.id);
}

/** Conditional complaint steps still pending when the service finishes: they never arose. */
export function closeComplaintConditional(
  flow: ComplaintFlow,
  complaint: ComplaintState | null,
): DomainEvent[] {
  if (!complaint) return [];
  return flow.steps
    .filter((step) => isConditional(step) && complaint.steps[step.id].status === 'pending')
    .map(
      (step) =>
        ({
          type: 'complaint-step',
          stepId: step.id,
          outcome: 'na',
          reason: null,
          note: '',
        }) as const,
    );
}

/**
 * The step for the big card. Without a complaint, the first every-customer step of the seventeen
 * still pending. With one, its steps come first: at once when it was tapped during a service, and
 * after the flow's `startsWith.after` step when the service is a complaint from the start (the
 * customer is greeted and asked first). Once every complaint step has an outcome, the service's
 * own steps go on (thanks, see-off, call next).
 */
export function cardStep(
  flow: FlowDefinition,
  complaintFlow: ComplaintFlow,
  state: ServiceState,
): StepId | ComplaintStepId | null {
  const pendingOwn = flow.steps.filter(
    (step) => !isConditional(step) && state.steps[step.id].status === 'pending',
  );
  const { complaint } = state;
  if (complaint) {
    if (complaint.trigger === 'business-type') {
      const after = flow.steps.findIndex((step) => step.id === complaintFlow.startsWith.after);
      const before = pendingOwn.find((step) => step.number <= after + 1);
      if (before) return before.id;
    }
    // Every complaint step in order, the conditional one (calm) too: it has its Not applicable.
    const pending = complaintFlow.steps.find(
      (step) => complaint.steps[step.id].status === 'pending',
    );
    if (pending) return pending.id;
  }
  return pendingOwn[0]?.id ?? null;
}

export { complaintStepDefinition, isComplaintStep };
