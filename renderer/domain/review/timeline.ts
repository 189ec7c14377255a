/**
 * A service's timeline as a manager reads it: each record of the service with its offset from the
 * start and who wrote it, then what came later (amendments, the customer's rating, spot-checks).
 * Pure: the screen only puts words to the entries.
 */
import type { Amendment, Observation, Rating } from '../log/events';
import type { LogRecord } from '../log/records';
import type { StepId } from '../flow/flow-definition';
import { stepOf } from '../service/projection';

export type TimelineEntry = {
  seq: number;
  at: string;
  /** Milliseconds since the service started. */
  offsetMs: number;
  by: string | null;
  step: StepId | null;
} & (
  | { kind: 'started'; ticket: string; businessType: string; targetSeconds: number }
  | { kind: 'named'; surname: string }
  | { kind: 'done' }
  | { kind: 'skipped'; reason: string; note: string }
  | { kind: 'na'; auto: boolean }
  /** The conditional steps that never arose, settled together as the service ended. */
  | { kind: 'not-arisen'; steps: StepId[] }
  | { kind: 'left-seat' }
  | { kind: 'returned'; absenceMs: number }
  | { kind: 'money'; dueFen: number; receivedFen: number; changeFen: number }
  | { kind: 'recommended'; offer: string; response: string }
  | { kind: 'called-next'; nextTicket: string }
  | { kind: 'finished'; durationMs: number }
  | { kind: 'abandoned'; reason: string; durationMs: number }
  | { kind: 'rated'; rating: Rating; reasons: string[] }
  | { kind: 'amended'; change: Amendment; reason: string }
  | {
      kind: 'checked';
      check: string;
      observations: Partial<Record<StepId, Observation>>;
      note: string;
    }
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
    default:
      return null;
  }
}

export function timeline(records: readonly LogRecord[]): TimelineEntry[] {
  const start = records.find((record) => record.event.type === 'service-started');
  const startMs = start ? Date.parse(start.at) : Date.parse(records[0]?.at ?? '');
  const entries: TimelineEntry[] = [];
  for (const record of records) {
    const { event } = record;
    const last = entries.at(-1);
    if (event.type === 'step-not-applicable' && event.auto) {
      if (last?.kind === 'not-arisen' && last.at === record.at) {
        last.steps.push(event.stepId);
        continue;
      }
      entries.push({
        seq: record.seq,
        at: record.at,
        offsetMs: Date.parse(record.at) - startMs,
        by: record.staffNo,
        step: null,
        kind: 'not-arisen',
        steps: [event.stepId],
      });
      continue;
    }
    entries.push(...entryOf(record, startMs));
  }
  return entries;
}

function entryOf(record: LogRecord, startMs: number): TimelineEntry[] {
  const found = detail(record);
  if (!found) return [];
  const entry = {
    seq: record.seq,
    at: record.at,
    offsetMs: Date.parse(record.at) - startMs,
    by: record.staffNo,
    step: stepOf(record),
    ...found,
  };
  return [entry as TimelineEntry];
}
