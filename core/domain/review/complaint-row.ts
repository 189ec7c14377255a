/**
 * The complaint a service handled, as the review indexes it (a part of its ServiceRow): how it
 * started, its record (category, outcome, the manager it went to and whether they confirmed, the
 * day a follow-up was promised by), whether that follow-up was closed (a later record), and each
 * complaint step's letter and time against the complaint flow's targets in force when the service
 * ended.
 *
 * A complaint step's time is measured on the service's own clock, from the step mark before it
 * (a step of either flow, or the complaint's start when that came later) to this step's first
 * mark: the time the clerk spent on it. Only steps done are timed.
 */
import {
  COMPLAINT_STEP_IDS,
  type ComplaintFlow,
  type ComplaintStepId,
} from '../flow/complaint-flow';
import {
  promisedDue,
  type ComplaintCategory,
  type FollowUpResult,
  type OutcomeKind,
} from '../service/complaint';
import type { ComplaintSummary } from '../service/projection';
import { overItsTarget } from '../duration';

/** d done, s skipped, n not applicable, p never marked (a service that ended early). */
export type ComplaintLetter = 'd' | 's' | 'n' | 'p';

export interface ComplaintRow {
  trigger: 'business-type' | 'during-service';
  /** Null when the service ended before the complaint was recorded. */
  category: ComplaintCategory | null;
  outcome: OutcomeKind | null;
  /** Escalated: to whom, and whether they confirmed with their PIN. */
  manager: string | null;
  confirmed: boolean;
  /** The business day a follow-up was promised by (on its own or with an escalation), or null. */
  due: string | null;
  /** How the follow-up was closed, by a later record; null while open (or none promised). */
  closed: FollowUpResult | null;
  /** One letter per complaint step, in COMPLAINT_STEP_IDS order. */
  steps: string;
  /** Each step's time in ms (done steps only; see above), in the same order. */
  ms: (number | null)[];
  /** The steps done over their target. */
  over: ComplaintStepId[];
}

const LETTER: Record<string, ComplaintLetter> = { done: 'd', skipped: 's', na: 'n' };

/** The complaint part of a service's row, or null when the service had no complaint. */
export function complaintRow(
  summary: ComplaintSummary | null,
  flow: Pick<ComplaintFlow, 'steps'>,
): ComplaintRow | null {
  if (!summary) return null;
  const letters = COMPLAINT_STEP_IDS.map((id) => LETTER[summary.steps[id].status] ?? 'p');
  const ms = COMPLAINT_STEP_IDS.map((id, index) =>
    letters[index] === 'd' ? summary.steps[id].ms : null,
  );
  const over = COMPLAINT_STEP_IDS.filter((id, index) => {
    const target = flow.steps.find((step) => step.id === id)?.targetSeconds;
    const time = ms[index];
    return target !== undefined && overItsTarget(time, target);
  });
  const { record } = summary;
  return {
    trigger: summary.trigger,
    category: record?.category ?? null,
    outcome: record?.outcome.kind ?? null,
    manager: record?.outcome.kind === 'escalated' ? record.outcome.manager : null,
    confirmed: summary.confirmedBy !== null,
    due: record ? promisedDue(record.outcome) : null,
    closed: null,
    steps: letters.join(''),
    ms,
    over,
  };
}

/** The complaint step's letter in a complaint row. */
export const complaintLetterOf = (row: ComplaintRow, id: ComplaintStepId): ComplaintLetter =>
  (row.steps[COMPLAINT_STEP_IDS.indexOf(id)] ?? 'p') as ComplaintLetter;

/** The drill-down tags of a service's complaint, each scoped to the business day (`at`). */
export function complaintTags(complaint: ComplaintRow | null | undefined, at: string): string[] {
  if (!complaint) return [];
  const tags = [
    `complaint${at}`,
    `complaint-category:${complaint.category ?? 'none'}${at}`,
    `complaint-outcome:${complaint.outcome ?? 'none'}${at}`,
  ];
  if (complaint.due !== null) {
    tags.push(`complaint-followup${at}`);
    tags.push(`complaint-followup-${complaint.closed ? 'closed' : 'open'}${at}`);
  }
  COMPLAINT_STEP_IDS.forEach((id, index) => {
    const letter = complaint.steps[index];
    if (letter === 'd') tags.push(`complaint-step-done:${id}${at}`);
    if (letter === 's') tags.push(`complaint-step-skip:${id}${at}`);
    if (letter === 'n') tags.push(`complaint-step-na:${id}${at}`);
  });
  for (const id of complaint.over) tags.push(`complaint-step-over:${id}${at}`);
  return tags;
}

/** Whether a complaint's promised follow-up is overdue: open, and due before `today`. */
export const isOverdue = (complaint: ComplaintRow | null | undefined, today: string): boolean =>
  !!complaint && complaint.due !== null && complaint.closed === null && complaint.due < today;
