/**
 * A service's timeline as a manager reads it: each record of the service with its offset from the
 * start and who wrote it, then what came later (amendments, the customer's rating, spot-checks).
 * Offsets are on the service's own clock (monotonic within a page load, see log/clock.ts), and
 * where the device's wall clock was moved between two of its records the timeline says so, by how
 * much. Pure: the screen only puts words to the entries.
 */
import { clockJump, elapsedBetween, type Moment } from '../log/clock';
import type { Amendment, DomainEvent, Observation, Rating } from '../log/events';
import type { LogRecord } from '../log/records';
import type { ComplaintStepId } from '../flow/complaint-flow';
import type { StepId } from '../flow/flow-definition';
import type { ComplaintOutcome, FollowUpResult } from '../service/complaint';
import { stepOf } from '../service/projection';

/** A field of one kind of record, as the log types it (so each value has its words: typed keys). */
type FieldOf<Type extends DomainEvent['type'], Field extends string> = Extract<
  DomainEvent,
  { type: Type }
>[Field & keyof Extract<DomainEvent, { type: Type }>];

export type TimelineEntry = {
  seq: number;
  at: string;
  /** Milliseconds since the service started. */
  offsetMs: number;
  by: string | null;
  /** A step of either flow (a complaint's steps are named like the seventeen). */
  step: StepId | ComplaintStepId | null;
} & (
  | { kind: 'started'; ticket: string; businessType: string; targetSeconds: number }
  /** null: the surname is not held here (erased, masked, never sent: personal.ts). */
  | { kind: 'named'; surname: string | null }
  | { kind: 'done' }
  | { kind: 'skipped'; reason: string; note: string | null }
  | { kind: 'na'; auto: boolean }
  /** The conditional steps that never arose, settled together as the service ended. */
  | { kind: 'not-arisen'; steps: StepId[] }
  | { kind: 'left-seat' }
  | { kind: 'returned'; absenceMs: number }
  | { kind: 'money'; dueFen: number; receivedFen: number; changeFen: number }
  | { kind: 'recommended'; offer: string; response: FieldOf<'recommendation-recorded', 'response'> }
  | { kind: 'called-next'; nextTicket: string }
  | { kind: 'finished'; durationMs: number }
  | { kind: 'abandoned'; reason: FieldOf<'service-abandoned', 'reason'>; durationMs: number }
  | { kind: 'rated'; rating: Rating; reasons: string[] }
  | { kind: 'amended'; change: Amendment; reason: string }
  | {
      kind: 'checked';
      check: FieldOf<'spot-check-recorded', 'kind'>;
      observations: Partial<Record<StepId, Observation>>;
      note: string | null;
    }
  | { kind: 'complaint-started'; trigger: 'business-type' | 'during-service' }
  | {
      kind: 'complaint-recorded';
      category: FieldOf<'complaint-recorded', 'category'>;
      summary: string | null;
      outcome: ComplaintOutcome;
    }
  /** The manager on duty took the escalated complaint over (their own record, after their PIN). */
  | { kind: 'escalation-confirmed' }
  /** A manager closed the follow-up the complaint promised (a later record of their own). */
  | { kind: 'follow-up-closed'; result: FollowUpResult; note: string | null }
  /** The wall clock was moved (by `jumpMs`, + forward) between the record before and this one. */
  | { kind: 'clock-moved'; jumpMs: number }
);

type Detail = TimelineEntry extends infer E
  ? E extends TimelineEntry
    ? Omit<E, 'seq' | 'at' | 'offsetMs' | 'by' | 'step'>
    : never
  : never;

function detail(record: LogRecord): Detail | null {
  const { event } = record;
  switch (event.type) {
    case 'service-started':
      return {
        kind: 'started',
        ticket: event.ticket,
        businessType: event.businessType,
        targetSeconds: event.targetSeconds,
      };
    case 'customer-named':
      return { kind: 'named', surname: event.surname };
    case 'step-done':
      return { kind: 'done' };
    case 'step-skipped':
      return { kind: 'skipped', reason: event.reason, note: event.note };
    case 'step-not-applicable':
      return { kind: 'na', auto: event.auto };
    case 'seat-left':
      return { kind: 'left-seat' };
    case 'seat-returned':
      return { kind: 'returned', absenceMs: event.absenceMs };
    case 'money-announced':
      return {
        kind: 'money',
        dueFen: event.dueFen,
        receivedFen: event.receivedFen,
        changeFen: event.changeFen,
      };
    case 'recommendation-recorded':
      return { kind: 'recommended', offer: event.offer, response: event.response };
    case 'next-called':
      return { kind: 'called-next', nextTicket: event.nextTicket };
    case 'service-finished':
      return { kind: 'finished', durationMs: event.durationMs };
    case 'service-abandoned':
      return { kind: 'abandoned', reason: event.reason, durationMs: event.durationMs };
    case 'service-rated':
      return { kind: 'rated', rating: event.rating, reasons: [...event.reasons] };
    case 'service-amended':
      return { kind: 'amended', change: event.change, reason: event.reason };
    case 'spot-check-recorded':
      return {
        kind: 'checked',
        check: event.kind,
        observations: event.observations,
        note: event.note,
      };
    case 'complaint-started':
      return { kind: 'complaint-started', trigger: event.trigger };
    case 'complaint-step':
      if (event.outcome === 'done') return { kind: 'done' };
      if (event.outcome === 'na') return { kind: 'na', auto: false };
      return { kind: 'skipped', reason: event.reason ?? 'other', note: event.note };
    case 'complaint-recorded':
      return {
        kind: 'complaint-recorded',
        category: event.category,
        summary: event.summary,
        outcome: event.outcome,
      };
    case 'escalation-confirmed':
      return { kind: 'escalation-confirmed' };
    case 'follow-up-closed':
      return { kind: 'follow-up-closed', result: event.result, note: event.note };
    default:
      return null;
  }
}

export function timeline(records: readonly LogRecord[]): TimelineEntry[] {
  const startIndex = records.findIndex((record) => record.event.type === 'service-started');
  const start = records[Math.max(0, startIndex)];
  const serviceId = start?.serviceId ?? null;
  let previous: Moment | null = null;
  /** The service's own latest record: a jump shows against it, not against a later check. */
  let previousOwn: Moment | null = null;
  let offsetMs = 0;
  const entries: TimelineEntry[] = [];
  records.forEach((record, index) => {
    const moment: Moment = { atMs: Date.parse(record.at), mono: record.mono };
    // Records before the start (none, normally) count back from it on the wall clock.
    if (index < startIndex) offsetMs = moment.atMs - Date.parse(start?.at ?? record.at);
    else if (previous) offsetMs += elapsedBetween(previous, moment);
    const own = index >= startIndex && record.serviceId === serviceId;
    const jump = own && previousOwn ? clockJump(previousOwn, moment) : null;
    if (jump !== null) {
      entries.push({
        seq: record.seq,
        at: record.at,
        offsetMs,
        by: null,
        step: null,
        kind: 'clock-moved',
        jumpMs: jump,
      });
    }
    if (index >= startIndex) previous = moment;
    if (own) previousOwn = moment;

    const { event } = record;
    const last = entries.at(-1);
    if (event.type === 'step-not-applicable' && event.auto) {
      if (last?.kind === 'not-arisen' && last.at === record.at) {
        last.steps.push(event.stepId);
        return;
      }
      entries.push({
        seq: record.seq,
        at: record.at,
        offsetMs,
        by: record.staffNo,
        step: null,
        kind: 'not-arisen',
        steps: [event.stepId],
      });
      return;
    }
    const found = detail(record);
    if (found) {
      entries.push({
        seq: record.seq,
        at: record.at,
        offsetMs,
        by: record.staffNo,
        step: record.event.type === 'complaint-step' ? record.event.stepId : stepOf(record),
        ...found,
      } as TimelineEntry);
    }
  });
  return entries;
}
