/**
 * The export's tables, each as one pass over the range's records: the rows come a batch at a
 * time, made as the records are read, and nothing is kept from one batch to the next but what a
 * row still to come needs (the services still open; the amended ones, whose amendment rows name
 * their ticket; the complaints still open). build-export.ts runs a pass for each CSV file and
 * one for each sheet of the workbook, so no file waits for another's rows.
 */
import type { Config } from '../domain/device/config';
import type { PersonalLookup } from '../domain/log/personal';
import { readRecord, type LogRecord } from '../domain/log/records';
import { ServiceProjector, type AmendmentApplied } from '../domain/service/projection';
import { ComplaintRows, type ComplaintRow } from './complaints';
import {
  serviceRow,
  stepEventRows,
  type Labels,
  type Masking,
  type ServiceRow,
  type StepEventRow,
} from './rows';

/** Rows handed on at a time. */
const BATCH = 1000;

export interface PassSource {
  /** Raw stored rows with `fromSeq ≤ seq ≤ toSeq`, in sequence order, a batch at a time. */
  rows: (fromSeq: number, toSeq: number) => AsyncIterable<readonly unknown[]>;
  first: { seq: number };
  last: { seq: number };
  amendments: ReadonlyMap<string, readonly AmendmentApplied[]>;
  masking: Masking;
  /** The personal values the export carries, by commitment (none in a masked export). */
  values?: PersonalLookup;
  config: Pick<Config, 'flow' | 'timeZone' | 'dayStartMinutes'>;
  labels: Labels;
  signal?: AbortSignal;
  /** Called after each batch of stored rows read, with how many. */
  onRows?: (count: number) => void;
}

export function checkAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
}

/**
 * The range's records, read and checked one stored batch at a time. With `types`, only stored
 * rows of those event types are read into records (a v1 row always is: its types are restored).
 */
export async function* records(
  source: PassSource,
  types?: ReadonlySet<string>,
): AsyncGenerator<LogRecord> {
  for await (const batch of source.rows(source.first.seq, source.last.seq)) {
    checkAborted(source.signal);
    for (const row of batch) {
      if (types) {
        const raw = row as { v?: unknown; event?: { type?: unknown } } | null;
        if (raw?.v !== 1 && !types.has(String(raw?.event?.type))) continue;
      }
      const read = readRecord(row, source.values);
      if (read.ok) yield read.value;
    }
    source.onRows?.(batch.length);
  }
}

/** step-events: one row per step outcome and per step amendment. */
export async function* stepRowBatches(source: PassSource): AsyncGenerator<StepEventRow[]> {
  // Each service's start and ticket, for the offsets; dropped when the service ends, unless an
  // amendment (which may come any time later) still needs its ticket.
  const services = new Map<string, { startedAt: number; ticket: string }>();
  let batch: StepEventRow[] = [];
  for await (const record of records(source)) {
    const { event, serviceId } = record;
    if (event.type === 'service-started' && serviceId) {
      services.set(serviceId, { startedAt: Date.parse(record.at), ticket: event.ticket });
    }
    for (const row of stepEventRows(record, {
      flow: source.config.flow,
      config: source.config,
      labels: source.labels,
      services,
    })) {
      batch.push(row);
    }
    if (
      (event.type === 'service-finished' || event.type === 'service-abandoned') &&
      serviceId &&
      !source.amendments.has(serviceId)
    ) {
      services.delete(serviceId);
    }
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  yield batch;
}

/** services: each service as it ends, amendments applied; then the ones still open. */
export async function* serviceRowBatches(source: PassSource): AsyncGenerator<ServiceRow[]> {
  const projector = new ServiceProjector(source.config, source.amendments);
  const toRow = (summary: Parameters<typeof serviceRow>[0]) =>
    serviceRow(summary, source.labels, source.masking, source.config.flow);
  let batch: ServiceRow[] = [];
  for await (const record of records(source)) {
    const ended = projector.push(record);
    if (ended) batch.push(toRow(ended));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  batch.push(...projector.stillOpen().map(toRow));
  yield batch;
}

/** The event types a complaint's row is made from. */
const COMPLAINT_TYPES: ReadonlySet<string> = new Set([
  'service-started',
  'service-finished',
  'service-abandoned',
  'complaint-started',
  'complaint-step',
  'complaint-recorded',
  'escalation-confirmed',
  'follow-up-closed',
]);

/** complaints: each complaint once complete (complaints.ts), then the ones still open. */
export async function* complaintRowBatches(source: PassSource): AsyncGenerator<ComplaintRow[]> {
  const complaints = new ComplaintRows(source.config, source.labels);
  let batch: ComplaintRow[] = [];
  for await (const record of records(source, COMPLAINT_TYPES)) {
    batch.push(...complaints.push(record));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  batch.push(...complaints.rest());
  yield batch;
}
