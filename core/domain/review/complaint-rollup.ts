/**
 * The complaint part of a rollup: how many complaints, by category, resolved on the spot,
 * escalated (and confirmed), follow-ups promised and closed, and per complaint step its outcomes
 * and time. Added and taken away with the service's row (rollup.ts), so incremental == rebuild.
 */
import { COMPLAINT_STEP_IDS, type ComplaintStepId } from '../flow/complaint-flow';
import type { ComplaintRow } from './complaint-row';

/** Per complaint step: done, skipped, not applicable, never marked, timed, time (ms), over target. */
export type ComplaintStepTally = [number, number, number, number, number, number, number];

export interface ComplaintTally {
  count: number;
  /** By category code (`none`: the service ended before the complaint was recorded). */
  categories: Record<string, number>;
  resolved: number;
  escalated: number;
  /** Escalations the manager confirmed with their PIN. */
  confirmed: number;
  /** Follow-ups promised (on their own or with an escalation), and of those closed. */
  followUps: number;
  closed: number;
  steps: Record<ComplaintStepId, ComplaintStepTally>;
}

export const emptyComplaintTally = (): ComplaintTally => ({
  count: 0,
  categories: {},
  resolved: 0,
  escalated: 0,
  confirmed: 0,
  followUps: 0,
  closed: 0,
  steps: Object.fromEntries(COMPLAINT_STEP_IDS.map((id) => [id, [0, 0, 0, 0, 0, 0, 0]])) as Record<
    ComplaintStepId,
    ComplaintStepTally
  >,
});

const LETTER_INDEX: Record<string, number> = { d: 0, s: 1, n: 2, p: 3 };

/** Adds a service's complaint to a tally (`sign` −1 takes it away). */
export function addComplaint(tally: ComplaintTally, complaint: ComplaintRow, sign: 1 | -1): void {
  tally.count += sign;
  const category = complaint.category ?? 'none';
  tally.categories[category] = (tally.categories[category] ?? 0) + sign;
  // Without the categories back to nothing: a tally reads the same however it was reached.
  tally.categories = Object.fromEntries(
    Object.entries(tally.categories).filter(([, count]) => count !== 0),
  );
  if (complaint.outcome === 'resolved') tally.resolved += sign;
  if (complaint.outcome === 'escalated') tally.escalated += sign;
  if (complaint.confirmed) tally.confirmed += sign;
  if (complaint.due !== null) tally.followUps += sign;
  if (complaint.due !== null && complaint.closed !== null) tally.closed += sign;
  COMPLAINT_STEP_IDS.forEach((id, index) => {
    const step = tally.steps[id];
    const at = LETTER_INDEX[complaint.steps[index] ?? 'p'] ?? 3;
    step[at] = (step[at] ?? 0) + sign;
    const ms = complaint.ms[index];
    if (ms !== null && ms !== undefined) {
      step[4] += sign;
      step[5] += sign * ms;
    }
    if (complaint.over.includes(id)) step[6] += sign;
  });
}

/** Adds every count of `from` into `into`. */
export function mergeComplaints(into: ComplaintTally, from: ComplaintTally): void {
  into.count += from.count;
  for (const [code, count] of Object.entries(from.categories)) {
    into.categories[code] = (into.categories[code] ?? 0) + count;
  }
  into.resolved += from.resolved;
  into.escalated += from.escalated;
  into.confirmed += from.confirmed;
  into.followUps += from.followUps;
  into.closed += from.closed;
  for (const id of COMPLAINT_STEP_IDS) {
    const sum = into.steps[id];
    from.steps[id].forEach((count, index) => {
      sum[index] = (sum[index] ?? 0) + count;
    });
  }
}
