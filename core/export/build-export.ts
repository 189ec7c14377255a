/**
 * Builds an export zip (format.ts) in passes over the log, never holding the whole range: each
 * file is written into the zip as its rows come (zip-writer.ts: fflate's streaming deflate,
 * hashed on the way), and the zip's bytes go to `sink` as they are made — Electron's main process
 * writes them to a file, the browser build collects them for a download. A zip's files follow
 * one another, so each table is its own pass over the records (row-passes.ts): the three CSV
 * files, then the workbook's sheets, each streamed into log.xlsx as its rows come (workbook.ts;
 * up to `workbookRowLimit` rows a sheet, Excel's own limit by default, the manifest says when a
 * sheet is shortened; the CSV always has every row). Memory holds a batch of rows, not the range.
 * Cancel with `signal` between batches.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Config } from '../domain/device/config';
import type { Locale } from '../domain/locale';
import { canonicalize } from '../domain/log/canonical';
import type { PersonalValue } from '../domain/log/personal';
import type { Role } from '../domain/permissions';
import type { AmendmentApplied } from '../domain/service/projection';
import {
  COMPLAINT_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  FILES,
  SERVICE_COLUMNS,
  STANDALONE_FORMAT_VERSION,
  STEP_EVENT_COLUMNS,
  manifestPayload,
  type Manifest,
  type UnsignedManifest,
} from './format';
import { TABLES, dataPackage, neutralise, textColumns, type TableSpec } from './codebook';
import { logJsonSchema } from './log-schema';
import {
  checkAborted,
  complaintRowBatches,
  serviceRowBatches,
  stepRowBatches,
  type PassSource,
} from './row-passes';
import type { Cell, Labels, Masking } from './rows';
import { DAILY_COLUMNS, DailySummary, WorkbookWriter, type SheetSpec } from './workbook';
import { ZipWriter } from './zip-writer';

export interface ExportRequest {
  /** Raw stored rows with `fromSeq ≤ seq ≤ toSeq`, in sequence order, a batch at a time. */
  rows: (fromSeq: number, toSeq: number) => AsyncIterable<readonly unknown[]>;
  first: { seq: number; prevHash: string; hash: string };
  last: { seq: number; hash: string };
  range: Manifest['range'];
  device: Manifest['device'];
  keyRecords: Manifest['keyRecords'];
  /** Where the key chain starts, when it continues the previous export's (key-anchor.ts). */
  keyChainFrom?: Manifest['keyChainFrom'];
  /** The PIN records committing people's keys (decision 0063), when there are any. */
  personKeyRecords?: Manifest['personKeyRecords'];
  previousExport: Manifest['previousExport'];
  /**
   * Records dated before `range.from` written after the previous export (export-source.ts): this
   * export carries them, so that exports follow one another by sequence with nothing between.
   */
  carriedOver?: { fromSeq: number; toSeq: number; days: { from: string; to: string } } | null;
  amendments: ReadonlyMap<string, readonly AmendmentApplied[]>;
  exportedBy: { staffNo: string; role: Role };
  exportedAt: string;
  masking: Masking;
  /**
   * The personal values the range's records commit to, with their salts (personal.ts): written to
   * personal.jsonl and into the tables in a full export; left out of a masked one, whatever given.
   */
  personal?: readonly PersonalValue[];
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
/** Rows a worksheet holds at most (Excel's 1,048,576, the header row included). */
export const SHEET_ROW_LIMIT = 1_048_575;

/**
 * A batch of a table's rows as CSV: every text column neutralised (codebook.ts), whatever put
 * the text there — a clerk's note, a manager's business type name, a label of the app's.
 */
function csvChunk(rows: readonly Record<string, Cell>[], table: TableSpec, header: boolean) {
  const { columns } = table;
  const texts = textColumns(table);
  const safe = rows.map((row) => {
    const out: Record<string, Cell> = { ...row };
    for (const column of texts) {
      const value = row[column];
      if (typeof value === 'string') out[column] = neutralise(value);
    }
    return out;
  });
  return encoder.encode(
    (header ? BOM : '') +
      stringify(safe as Record<string, unknown>[], {
        header,
        columns: [...columns],
        record_delimiter: 'windows',
        cast: { number: (value) => String(value) },
      }),
  );
}

/** Each batch passed on, and handed to `each` (the daily summary adds up the services). */
async function* tap<T>(batches: AsyncIterable<T[]>, each: (batch: T[]) => void) {
  for await (const batch of batches) {
    each(batch);
    yield batch;
  }
}

const SHEETS: readonly SheetSpec[] = [
  { name: 'services', columns: SERVICE_COLUMNS },
  { name: 'step events', columns: STEP_EVENT_COLUMNS },
  { name: 'daily summary', columns: DAILY_COLUMNS },
  { name: 'complaints', columns: COMPLAINT_COLUMNS },
];

export async function buildExport(request: ExportRequest): Promise<ExportResult> {
  const zip = new ZipWriter(request.sink);
  const files: Manifest['files'] = [];
  const limit = request.workbookRowLimit ?? SHEET_ROW_LIMIT;
  // log.jsonl, the three CSV files, three sheets made from the records.
  const passes = 7;
  const total = (request.last.seq - request.first.seq + 1) * passes;
  let done = 0;
  const personal = request.masking === 'none' ? (request.personal ?? []) : [];
  const held = new Map(personal.map((kept) => [kept.commitment, kept.value]));
  const source: PassSource = {
    ...request,
    values: (commitment) => held.get(commitment),
    onRows: (count) => {
      done += count;
      request.onProgress?.(done, total);
    },
  };

  // 1. log.jsonl: every record as stored (canonical JSON), one per line.
  const log = zip.file(FILES.log);
  let count = 0;
  for await (const batch of request.rows(request.first.seq, request.last.seq)) {
    checkAborted(request.signal);
    count += batch.length;
    await log.write(encoder.encode(batch.map((row) => `${canonicalize(row)}\n`).join('')));
    source.onRows?.(batch.length);
  }
  files.push(await log.end());

  // personal.jsonl (a full export only): each value the records commit to, with its salt.
  if (personal.length > 0) {
    const values = zip.file(FILES.personal);
    for (let index = 0; index < personal.length; index += 2000) {
      const lines = personal
        .slice(index, index + 2000)
        .map(({ seq, commitment, salt, value }) => canonicalize({ commitment, salt, seq, value }));
      await values.write(encoder.encode(`${lines.join('\n')}\n`));
    }
    files.push(await values.end());
  }

  const schema = zip.file(FILES.schema);
  await schema.write(encoder.encode(`${JSON.stringify(logJsonSchema(), null, 2)}\n`));
  files.push(await schema.end());

  // 2. The CSV files, each written as its rows come.
  const csv = async (name: string, batches: AsyncIterable<Record<string, Cell>[]>) => {
    const table = TABLES.find((entry) => entry.file === name);
    if (!table) throw new Error(`${name} is not in the codebook`);
    const file = zip.file(name);
    let header = true;
    for await (const batch of batches) {
      if (batch.length === 0 && !header) continue;
      await file.write(csvChunk(batch, table, header));
      header = false;
    }
    files.push(await file.end());
  };
  await csv(FILES.stepEvents, stepRowBatches(source));
  await csv(FILES.services, serviceRowBatches(source));
  await csv(FILES.complaints, complaintRowBatches(source));

  // The codebook: what each column holds, for readers without this app.
  const codebook = zip.file(FILES.dataPackage);
  const title = request.locale === 'en' ? 'Counter Steps export' : '柜台服务十七步 导出';
  await codebook.write(
    encoder.encode(`${JSON.stringify(dataPackage(request.locale, title), null, 2)}\n`),
  );
  files.push(await codebook.end());

  // 3. log.xlsx, for people: each sheet streamed into it as its rows come.
  const workbookFile = zip.file(FILES.workbook);
  const book = new WorkbookWriter(SHEETS, workbookFile.write, {
    title: request.locale === 'en' ? 'Counter Steps export' : '柜台服务十七步 导出',
    created: request.exportedAt,
  });
  await book.begin();
  const daily = new DailySummary();
  const shortened = [
    await book.sheet(
      tap(serviceRowBatches(source), (batch) => batch.forEach((row) => daily.add(row))),
      limit,
    ),
    await book.sheet(stepRowBatches(source), limit),
    await book.sheet([daily.rows()], limit),
    await book.sheet(complaintRowBatches(source), limit),
  ].some((sheet) => sheet.shortened);
  await book.finish();
  files.push(await workbookFile.end());
  const notes: string[] = [];
  if (request.carriedOver) {
    const { fromSeq, toSeq, days } = request.carriedOver;
    const dated = days.from === days.to ? days.from : `${days.from} to ${days.to}`;
    notes.push(
      `Records ${fromSeq} to ${toSeq}, dated ${dated}, were written after the previous export: they are in this one.`,
    );
  }
  if (shortened) {
    notes.push(
      `log.xlsx holds the first ${limit} rows of each sheet; the CSV files hold every row.`,
    );
  }

  // 4. manifest.json, signed with the device's key in force.
  const unsigned: UnsignedManifest = {
    format: EXPORT_FORMAT,
    formatVersion: request.keyChainFrom ? EXPORT_FORMAT_VERSION : STANDALONE_FORMAT_VERSION,
    app: { version: request.appVersion },
    device: request.device,
    range: request.range,
    records: { count, first: request.first, last: request.last },
    previousExport: request.previousExport,
    keyRecords: request.keyRecords,
    ...(request.keyChainFrom ? { keyChainFrom: request.keyChainFrom } : {}),
    ...(request.personKeyRecords?.length ? { personKeyRecords: request.personKeyRecords } : {}),
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
