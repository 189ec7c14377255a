/**
 * Exports from the in-memory device, as the auditor's Export button makes them: what buildExport
 * needs for a range of business days, read from memory as ExportSource.plan reads it from
 * IndexedDB (renderer/storage/export-source.ts), and the zip made from it — the log sealed first,
 * the export recorded after.
 */
import type { Command } from '../../core/domain/device/commands';
import { businessDay } from '../../core/domain/device/config';
import type { DeviceState } from '../../core/domain/device/state';
import type { Locale } from '../../core/domain/locale';
import type { StoredRecord } from '../../core/domain/log/records';
import { fingerprint, sign, type SigningKeyPair } from '../../core/domain/log/signing';
import { amendmentsByService } from '../../core/domain/service/projection';
import { concatBytes } from '../../core/export/bytes';
import { buildExport, type ExportRequest, type ExportResult } from '../../core/export/build-export';
import { exportFileName } from '../../core/export/format';
import type { Labels, Masking } from '../../core/export/rows';
import type { MemoryLog } from './memory-log';

/** What exporting a range of business days needs (as renderer/storage/export-source.ts plans it). */
export type MemoryExportRequest = Omit<ExportRequest, 'sink'> & { fileName: string };

export interface ExportOptions {
  /** Business days (YYYY-MM-DD); the whole log when left out. */
  range?: { from: string; to: string };
  labels: Labels;
  locale: Locale;
  masking?: Masking;
  appVersion?: string;
  workbookRowLimit?: number;
}

/** The calendar day after `day` (YYYY-MM-DD). */
const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

const BATCH = 2000;

/** What an export is read from: the device's fold, its log, the key in force and its clock. */
export interface ExportSource {
  state: DeviceState;
  log: MemoryLog;
  key: SigningKeyPair | undefined;
  now: number;
}

/** What makes an export: a command path, and the request for the range. */
export interface Exporter {
  must(command: Command): Promise<StoredRecord[]>;
  exportRequest(options: ExportOptions): Promise<MemoryExportRequest>;
}

/**
 * What buildExport needs for `range` (the whole log by default), read from memory as
 * ExportSource.plan reads it from IndexedDB. Seal first (`seal-for-export`) so the export ends
 * with a fresh checkpoint; a signed-in auditor or manager is the exporter.
 */
export async function planExport(
  source: ExportSource,
  options: ExportOptions,
): Promise<MemoryExportRequest> {
  const { state, log, key } = source;
  const session = state.session;
  if (!state.identity || !state.keys || !key) throw new Error('the signing key is missing');
  if (!session) throw new Error('nobody is signed in to export');
  const first = log.rows[0];
  const last = log.rows.at(-1);
  if (!first || !last) throw new Error('no records');
  const config = state.config;
  const dayOf = (record: StoredRecord) => businessDay(Date.parse(record.at), config);
  const range = options.range ?? { from: dayOf(first), to: dayOf(last) };
  const firstIndex = log.firstOnOrAfter(range.from, config);
  let lastIndex = log.firstOnOrAfter(nextDay(range.to), config) - 1;
  if (firstIndex > lastIndex) throw new Error('no records in the range');
  // A checkpoint right after the range seals it (the day's close, or the export's own seal).
  if (log.rows[lastIndex + 1]?.event.type === 'checkpoint') lastIndex += 1;
  const from = log.rows[firstIndex] as StoredRecord;
  const to = log.rows[lastIndex] as StoredRecord;
  const days = {
    from: dayOf(from),
    to: range.to < dayOf(to) ? range.to : dayOf(to),
  };
  const previousEnd =
    log.lastExport?.event.type === 'export-made' ? log.lastExport.event.lastSeq : null;
  const previousRow = previousEnd === null ? undefined : log.rowAt(previousEnd);
  const keyIndex = state.keys.index;
  const offset = first.seq;
  const rows = log.rows;
  return {
    fileName: exportFileName(state.counter, days.from, days.to),
    rows: async function* (fromSeq: number, toSeq: number) {
      for (let seq = fromSeq; seq <= toSeq; seq += BATCH) {
        yield rows.slice(seq - offset, Math.min(toSeq, seq + BATCH - 1) - offset + 1);
      }
    },
    first: { seq: from.seq, prevHash: from.prevHash, hash: from.hash },
    last: { seq: to.seq, hash: to.hash },
    range: { ...days, timeZone: config.timeZone, dayStartMinutes: config.dayStartMinutes },
    device: {
      id: state.identity.deviceId,
      counter: state.counter,
      firstKey: state.identity.firstKey,
      fingerprint: await fingerprint(state.identity.firstKey),
    },
    keyRecords: log.keyRows.filter((row) => row.seq <= state.head.seq),
    previousExport:
      previousEnd !== null && previousRow
        ? { lastSeq: previousEnd, lastHash: previousRow.hash }
        : null,
    amendments: amendmentsByService(log.amendmentRows),
    exportedBy: { staffNo: session.staffNo, role: session.role },
    exportedAt: new Date(source.now).toISOString(),
    masking: options.masking ?? 'none',
    locale: options.locale,
    appVersion: options.appVersion ?? 'demo',
    config,
    labels: options.labels,
    sign: async (payload) => ({
      keyIndex,
      algorithm: key.algorithm,
      value: await sign(key, payload),
    }),
    workbookRowLimit: options.workbookRowLimit,
  };
}

/**
 * An export as the auditor's Export button makes it: seal the log, plan the range, build the
 * zip, then record the export (with its digests) in the log.
 */
export async function exportZip(
  exporter: Exporter,
  options: ExportOptions,
): Promise<{ bytes: Uint8Array; fileName: string; result: ExportResult }> {
  await exporter.must({ type: 'seal-for-export' });
  const { fileName, ...request } = await exporter.exportRequest(options);
  const chunks: Uint8Array[] = [];
  const result = await buildExport({
    ...request,
    sink: async (chunk) => void chunks.push(chunk),
  });
  const bytes = concatBytes(chunks);
  await exporter.must({
    type: 'record-export',
    export: {
      from: request.range.from,
      to: request.range.to,
      firstSeq: result.manifest.records.first.seq,
      lastSeq: result.manifest.records.last.seq,
      masked: request.masking !== 'none',
      manifestSha256: result.manifestSha256,
      files: result.files.map(({ name, sha256 }) => ({ name, sha256 })),
    },
  });
  return { bytes, fileName, result };
}
