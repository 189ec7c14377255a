/**
 * The review's complaint figures computed again, independently, from the raw records of exports
 * (`log.jsonl` read with fflate and JSON.parse, review-expected.ts): no app code.
 *
 * The rules, as the README states them: a complaint counts on the business day its service
 * started, once the service ended. Its category, outcome and promised day come from its
 * `complaint-recorded` record (none: "not recorded"); an escalation promises a follow-up when it
 * names a day too; a follow-up is closed by a later `follow-up-closed` naming the service, and
 * overdue when still open and due before today. A complaint step's outcome is its first done (done
 * stays done), else its last; the record is the act step done. A step's time runs from the tap
 * before it (any step of either flow, or the complaint's start) to its own first tap; only steps
 * done are timed, and one is over when longer than the step's target. (The demo never moves the
 * wall clock, so wall-clock differences are the service's own clock here.)
 */
import { dayIn, type Row } from './review-expected';

export const COMPLAINT_STEPS = [
  'complaint-accept',
  'complaint-calm',
  'complaint-clarify',
  'complaint-explore',
  'complaint-act',
  'complaint-thank',
] as const;
/** The complaint flow's targets (seconds), as the standard sets them (the demo keeps them). */
const TARGETS = [60, 120, 180, 180, 300, 60];

/** Records that mark a step of the seventeen (the complaint's are counted apart). */
const MARKS = new Set([
  'step-done',
  'step-skipped',
  'step-not-applicable',
  'seat-left',
  'seat-returned',
  'money-announced',
  'recommendation-recorded',
  'next-called',
]);

export interface Complaint {
  serviceId: string;
  clerk: string;
  day: string;
  ended: boolean;
  category: string;
  outcome: string;
  due: string | null;
  confirmed: boolean;
  closed: boolean;
  outcomes: Map<string, 'done' | 'skipped' | 'na'>;
  /** Per step: ms from the tap before to its first tap. */
  ms: Map<string, number>;
}

export interface StepExpected {
  done: number;
  skipped: number;
  na: number;
  /** Rounded as the app rounds an average; null with none done. */
  averageMs: number | null;
  over: number;
  /** Services with the step done over its target. */
  overIds: string[];
}

export interface ComplaintsExpected {
  complaints: Complaint[];
  resolved: number;
  escalated: number;
  confirmed: number;
  followUps: number;
  open: number;
  overdue: string[];
  byCategory: Map<string, string[]>;
  byClerk: Map<string, number>;
  steps: Map<string, StepExpected>;
}

export function expectedComplaints(
  logs: Row[][],
  from: string,
  to: string,
  today: string,
): ComplaintsExpected {
  const complaints: Complaint[] = [];
  for (const rows of logs) {
    let zone = { timeZone: 'Asia/Shanghai', startMinutes: 0 };
    const started = new Map<string, { clerk: string; day: string }>();
    const lastMark = new Map<string, number>();
    const open = new Map<string, Complaint>();
    const byService = new Map<string, Complaint>();
    for (const row of rows) {
      const { event } = row;
      const at = Date.parse(row.at);
      const id = row.serviceId;
      if (event.type === 'config-changed') {
        const change = event.change as { key: string; timeZone?: string; startMinutes?: number };
        if (change.key === 'business-day')
          zone = { timeZone: change.timeZone!, startMinutes: change.startMinutes! };
      }
      if (event.type === 'follow-up-closed') {
        const closed = byService.get(event.target as string);
        if (closed) closed.closed = true;
        continue;
      }
      if (!id) continue;
      if (event.type === 'service-started') {
        started.set(id, {
          clerk: row.staffNo!,
          day: dayIn(row.at, zone.timeZone, zone.startMinutes),
        });
        lastMark.set(id, at);
        continue;
      }
      if (event.type === 'complaint-started') {
        const service = started.get(id)!;
        const complaint: Complaint = {
          serviceId: id,
          clerk: service.clerk,
          day: service.day,
          ended: false,
          category: 'none',
          outcome: 'none',
          due: null,
          confirmed: false,
          closed: false,
          outcomes: new Map(),
          ms: new Map(),
        };
        open.set(id, complaint);
        byService.set(id, complaint);
        lastMark.set(id, at);
        continue;
      }
      const complaint = open.get(id);
      const step =
        event.type === 'complaint-step'
          ? (event.stepId as string)
          : event.type === 'complaint-recorded'
            ? 'complaint-act'
            : null;
      if (complaint && step) {
        if (!complaint.ms.has(step)) complaint.ms.set(step, at - (lastMark.get(id) ?? at));
        const outcome = event.type === 'complaint-step' ? (event.outcome as 'done') : 'done';
        if (complaint.outcomes.get(step) !== 'done') complaint.outcomes.set(step, outcome);
        if (event.type === 'complaint-recorded') {
          const recorded = event.outcome as { kind: string; due?: string };
          complaint.category = event.category as string;
          complaint.outcome = recorded.kind;
          complaint.due = recorded.due ?? null;
        }
      }
      if (complaint && event.type === 'escalation-confirmed') complaint.confirmed = true;
      if (step || MARKS.has(event.type)) lastMark.set(id, at);
      if (event.type === 'service-finished' || event.type === 'service-abandoned') {
        if (complaint) complaint.ended = true;
        open.delete(id);
      }
    }
    complaints.push(...byService.values());
  }
  const shown = complaints.filter((c) => c.ended && c.day >= from && c.day <= to);
  const byCategory = new Map<string, string[]>();
  const byClerk = new Map<string, number>();
  for (const c of shown) {
    byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c.serviceId]);
    byClerk.set(c.clerk, (byClerk.get(c.clerk) ?? 0) + 1);
  }
  const steps = new Map<string, StepExpected>();
  COMPLAINT_STEPS.forEach((id, index) => {
    const tally: StepExpected = {
      done: 0,
      skipped: 0,
      na: 0,
      averageMs: null,
      over: 0,
      overIds: [],
    };
    let sum = 0;
    for (const c of shown) {
      const outcome = c.outcomes.get(id);
      if (outcome) tally[outcome] += 1;
      if (outcome !== 'done') continue;
      const ms = c.ms.get(id) ?? 0;
      sum += ms;
      if (ms > (TARGETS[index] as number) * 1000) {
        tally.over += 1;
        tally.overIds.push(c.serviceId);
      }
    }
    tally.averageMs = tally.done > 0 ? Math.round(sum / tally.done) : null;
    steps.set(id, tally);
  });
  const promised = shown.filter((c) => c.due !== null);
  return {
    complaints: shown,
    resolved: shown.filter((c) => c.outcome === 'resolved').length,
    escalated: shown.filter((c) => c.outcome === 'escalated').length,
    confirmed: shown.filter((c) => c.confirmed).length,
    followUps: promised.length,
    open: promised.filter((c) => !c.closed).length,
    overdue: promised.filter((c) => !c.closed && (c.due as string) < today).map((c) => c.serviceId),
    byCategory,
    byClerk,
    steps,
  };
}
