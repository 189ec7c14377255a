/**
 * Builds an export zip (format.ts) in passes over the log, never holding the whole range: each
 * file is written into the zip as its rows come (fflate, streaming deflate), hashed on the way
 * (incremental SHA-256), and the zip's bytes go to `sink` as they are made — Electron's main
 * process writes them to a file, the browser build collects them for a download. The workbook's
 * rows are the one thing gathered (workbook.ts: up to `workbookRowLimit` per sheet, the manifest
 * says when a sheet is shortened; the CSV always has every row); its bytes stream into the zip as
 * they are compressed. Cancel with `signal` between batches.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { Zip, ZipDeflate } from 'fflate';
import type { Config } from '../domain/device/config';
import type { Locale } from '../domain/locale';
import { canonicalize } from '../domain/log/canonical';
import { readRecord, type LogRecord } from '../domain/log/records';
import type { Role } from '../domain/permissions';
import { ServiceProjector, type AmendmentApplied } from '../domain/service/projection';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  FILES,
  SERVICE_COLUMNS,
  STEP_EVENT_COLUMNS,
  manifestPayload,
  type Manifest,
  type UnsignedManifest,
} from './format';
import { logJsonSchema } from './log-schema';
import {
  serviceRow,
  stepEventRows,
  type Labels,
  type Masking,
  type ServiceRow,
  type StepEventRow,
} from './rows';
import { workbookParts } from './workbook';

export interface ExportRequest {
  /** Raw stored rows with `fromSeq ≤ seq ≤ toSeq`, in sequence order, a batch at a time. */
  rows: (fromSeq: number, toSeq: number) => AsyncIterable<readonly unknown[]>;
  first: { seq: number; prevHash: string; hash: string };
  last: { seq: number; hash: string };
  range: Manifest['range'];
  device: Manifest['device'];
  keyRecords: Manifest['keyRecords'];
  previousExport: Manifest['previousExport'];
  amendments: ReadonlyMap<string, readonly AmendmentApplied[]>;
  exportedBy: { staffNo: string; role: Role };
  exportedAt: string;
  masking: Masking;
  locale: Locale;
  appVersion: string;
  config: Pick<Config, 'flow' | 'timeZone' | 'dayStartMinutes'>;
  labels: Labels;
  sign: (payload: unknown) => Promise<Manifest['signature']>;
  /** Set when the store hub makes the export and signs its manifest (format.ts). */
  hub?: Manifest['hub'];
  sink: (chunk: Uint8Array) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  workbookRowLimit?: number;
}

export interface ExportResult {
  manifest: Manifest;
  manifestSha256: string;
  files: Manifest['files'];
}

const encoder = new TextEncoder();
const BOM = '\ufeff';
/** Free text a spreadsheet could take for a formula (=, +, -, @) is kept as text. */
const asText = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);

class ZipWriter {
  private readonly pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip: Zip;

  constructor(private readonly sink: (chunk: Uint8Array) => Promise<void>) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
    });
  }

  /** One file, fed in parts; returns its digest and size once `end` is called. */
  file(name: string) {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    const hash = sha256.create();
    let bytes = 0;
    return {
      write: async (data: Uint8Array) => {
        hash.update(data);
        bytes += data.length;
        entry.push(data);
        await this.flush();
      },
      end: async () => {
        entry.push(new Uint8Array(0), true);
        await this.flush();
        return { name, sha256: bytesToHex(hash.digest()), bytes };
      },
    };
  }

  async finish(): Promise<void> {
    this.zip.end();
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.length > 0) await this.sink(this.pending.shift() as Uint8Array);
  }
}

function checkAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
}

async function* records(
  request: ExportRequest,
  pass: number,
  passes: number,
): AsyncGenerator<LogRecord> {
  const total = (request.last.seq - request.first.seq + 1) * passes;
  let done = (request.last.seq - request.first.seq + 1) * pass;
  for await (const batch of request.rows(request.first.seq, request.last.seq)) {
    checkAborted(request.signal);
    for (const row of batch) {
      const read = readRecord(row);
      if (read.ok) yield read.value;
    }
    done += batch.length;
    request.onProgress?.(done, total);
  }
}

function csvChunk<T extends Record<string, unknown>>(
  rows: readonly T[],
  columns: readonly string[],
  header: boolean,
) {
  return encoder.encode(
    (header ? BOM : '') +
      stringify(rows as unknown as Record<string, unknown>[], {
        header,
        columns: [...columns],
        record_delimiter: 'windows',
        cast: { number: (value) => String(value) },
      }),
  );
}

export async function buildExport(request: ExportRequest): Promise<ExportResult> {
  const zip = new ZipWriter(request.sink);
  const files: Manifest['files'] = [];
  const limit = request.workbookRowLimit ?? 200_000;
  const passes = 3;

  // 1. log.jsonl: every record as stored (canonical JSON), one per line.
  const log = zip.file(FILES.log);
  let count = 0;
  for await (const batch of request.rows(request.first.seq, request.last.seq)) {
    checkAborted(request.signal);
    count += batch.length;
    await log.write(encoder.encode(batch.map((row) => `${canonicalize(row)}\n`).join('')));
    request.onProgress?.(count, (request.last.seq - request.first.seq + 1) * passes);
  }
  files.push(await log.end());

  const schema = zip.file(FILES.schema);
  await schema.write(encoder.encode(`${JSON.stringify(logJsonSchema(), null, 2)}\n`));
  files.push(await schema.end());

  // 2. step-events.csv, and each service's start for the offsets.
  const services = new Map<string, { startedAt: number; ticket: string }>();
  const stepRowsForBook: StepEventRow[] = [];
  const steps = zip.file(FILES.stepEvents);
  let header = true;
  let batchRows: StepEventRow[] = [];
  const flushSteps = async () => {
    await steps.write(csvChunk(batchRows, STEP_EVENT_COLUMNS, header));
    header = false;
    if (stepRowsForBook.length < limit)
      stepRowsForBook.push(...batchRows.slice(0, limit - stepRowsForBook.length));
    batchRows = [];
  };
  for await (const record of records(request, 1, passes)) {
    if (record.event.type === 'service-started' && record.serviceId) {
      services.set(record.serviceId, {
        startedAt: Date.parse(record.at),
        ticket: record.event.ticket,
      });
    }
    batchRows.push(
      ...stepEventRows(record, {
        flow: request.config.flow,
        config: request.config,
        labels: request.labels,
        services,
      }).map((row) => ({
        ...row,
        note: asText(String(row.note)),
        amendment_reason: asText(String(row.amendment_reason)),
      })),
    );
    if (batchRows.length >= 1000) await flushSteps();
  }
  await flushSteps();
  files.push(await steps.end());

  // 3. services.csv: each service as it ends, amendments applied.
  const projector = new ServiceProjector(request.config, request.amendments);
  const serviceRows: ServiceRow[] = [];
  const servicesFile = zip.file(FILES.services);
  header = true;
  let pendingServices: ServiceRow[] = [];
  const flushServices = async () => {
    await servicesFile.write(csvChunk(pendingServices, SERVICE_COLUMNS, header));
    header = false;
    if (serviceRows.length < limit)
      serviceRows.push(...pendingServices.slice(0, limit - serviceRows.length));
    pendingServices = [];
  };
  const toRow = (summary: Parameters<typeof serviceRow>[0]) => ({
    ...serviceRow(summary, request.labels, request.masking, request.config.flow),
  });
  for await (const record of records(request, 2, passes)) {
    const ended = projector.push(record);
    if (ended) pendingServices.push(toRow(ended));
    if (pendingServices.length >= 1000) await flushServices();
  }
  pendingServices.push(...projector.stillOpen().map(toRow));
  await flushServices();
  files.push(await servicesFile.end());

  // 4. log.xlsx, for people.
  const notes: string[] = [];
  if (stepRowsForBook.length >= limit || serviceRows.length >= limit) {
    notes.push(
      `log.xlsx holds the first ${limit} rows of each sheet; the CSV files hold every row.`,
    );
  }
  const workbook = zip.file(FILES.workbook);
  for (const part of workbookParts(
    serviceRows,
    stepRowsForBook,
    request.locale,
    request.exportedAt,
  )) {
    checkAborted(request.signal);
    await workbook.write(part);
  }
  files.push(await workbook.end());

  // 5. manifest.json, signed with the device's key in force.
  const unsigned: UnsignedManifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    app: { version: request.appVersion },
    device: request.device,
    range: request.range,
    records: { count, first: request.first, last: request.last },
    previousExport: request.previousExport,
    keyRecords: request.keyRecords,
    exportedBy: request.exportedBy,
    exportedAt: request.exportedAt,
    masking: request.masking,
    locale: request.locale,
    files,
    notes,
    ...(request.hub ? { hub: request.hub } : {}),
  };
  const manifest: Manifest = {
    ...unsigned,
    signature: await request.sign(manifestPayload(unsigned)),
  };
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestFile = zip.file(FILES.manifest);
  await manifestFile.write(manifestBytes);
  const { sha256: manifestSha256 } = await manifestFile.end();
  await zip.finish();
  return { manifest, manifestSha256, files };
}
