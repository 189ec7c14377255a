/**
 * The manager's complaint figures for a period and the counters chosen, summed from rollups like
 * every other figure of the review: complaints, by category and by clerk, the share resolved on
 * the spot (resolved ÷ complaints, a complaint never recorded counting as not resolved),
 * escalations, follow-ups promised and still open, and per complaint step the average time
 * against the step's target and the share over it (complaint-row.ts says how a step is timed).
 *
 * Overdue follow-ups depend on today, which no rollup knows: they are counted from the service
 * rows of the open follow-ups (`overdueFollowUps`), a few rows however long the period.
 */
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../service/complaint';
import {
  COMPLAINT_STEP_IDS,
  type ComplaintFlow,
  type ComplaintStepId,
} from '../flow/complaint-flow';
import { isOverdue } from './complaint-row';
import { emptyComplaintTally, mergeComplaints, type ComplaintTally } from './complaint-rollup';
import { rate } from './figures';
import type { RollupRow } from './rollup';
import type { ServiceRow } from './service-row';

export interface ComplaintStepFigure {
  id: ComplaintStepId;
  done: number;
  skipped: number;
  na: number;
  /** Never marked: the service ended before the step. */
  notMarked: number;
  /** Average time of the steps done (ms), or null with none. */
  averageMs: number | null;
  /** The step's target now (the share over was judged by the target in force at the time). */
  targetSeconds: number;
  over: number;
  /** Over ÷ timed (done), or null with none. */
  overShare: number | null;
}

export interface ComplaintFigures {
  total: number;
  /** Every category in the standard's order, then `none` (never recorded) when there is one. */
  /** Each category, and 'none' for complaints recorded before categories were (older logs). */
  byCategory: { code: ComplaintCategory | 'none'; count: number }[];
  /** Clerks by staff number, most complaints first. */
  byClerk: { staffNo: string; count: number }[];
  resolved: number;
  /** Resolved on the spot ÷ complaints, or null with none. */
  resolvedShare: number | null;
  escalations: number;
  confirmed: number;
  followUps: number;
  openFollowUps: number;
  steps: ComplaintStepFigure[];
}

const tallyOf = (rows: readonly RollupRow[]): ComplaintTally => {
  const sum = emptyComplaintTally();
  for (const row of rows) if (row.complaints) mergeComplaints(sum, row.complaints);
  return sum;
};

export function complaintFigures(
  rows: readonly RollupRow[],
  flow: Pick<ComplaintFlow, 'steps'>,
): ComplaintFigures {
  const sum = tallyOf(rows);
  const clerks = new Map<string, number>();
  for (const row of rows) {
    const count = row.complaints?.count ?? 0;
    if (count > 0) clerks.set(row.clerk, (clerks.get(row.clerk) ?? 0) + count);
  }
  const none = sum.categories.none ?? 0;
  return {
    total: sum.count,
    byCategory: [
      ...COMPLAINT_CATEGORIES.map((code) => ({ code, count: sum.categories[code] ?? 0 })),
      ...(none > 0 ? [{ code: 'none' as const, count: none }] : []),
    ],
    byClerk: [...clerks]
      .map(([staffNo, count]) => ({ staffNo, count }))
      .sort(
        (a, b) => b.count - a.count || a.staffNo.localeCompare(b.staffNo, 'en', { numeric: true }),
      ),
    resolved: sum.resolved,
    resolvedShare: rate(sum.resolved, sum.count),
    escalations: sum.escalated,
    confirmed: sum.confirmed,
    followUps: sum.followUps,
    openFollowUps: sum.followUps - sum.closed,
    steps: COMPLAINT_STEP_IDS.map((id) => {
      const [done, skipped, na, notMarked, timed, timeMs, over] = sum.steps[id];
      return {
        id,
        done,
        skipped,
        na,
        notMarked,
        averageMs: timed > 0 ? Math.round(timeMs / timed) : null,
        targetSeconds: flow.steps.find((step) => step.id === id)?.targetSeconds ?? 0,
        over,
        overShare: rate(over, timed),
      };
    }),
  };
}

/** Of these services, the complaints whose follow-up is open and due before `today`. */
export const overdueFollowUps = (rows: readonly ServiceRow[], today: string): ServiceRow[] =>
  rows.filter((row) => isOverdue(row.complaint, today));
