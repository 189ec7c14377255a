/**
 * Making an export, the one workflow the auditor's Export button, the demo generator and the tests
 * all run: seal the log (a fresh checkpoint), plan the range, build the zip in passes with its
 * bytes streaming to a target (Electron's exports folder, a download, or memory), then record the
 * export in the log with its digests. A failure at any point drops the partial file and says why;
 * the screen (features/auditor/use-export.ts) only shows the progress and the outcome.
 */
import { keyChainAt } from '../../core/export/key-anchor';
import type { Refusal } from '../../core/domain/refusal';
import { err, ok, type Result } from '../../core/domain/result';
import type { Locale } from '../../core/domain/locale';
import { fingerprint } from '../../core/domain/log/signing';
import { buildExport, type ExportResult } from '../../core/export/build-export';
import { exportFileName } from '../../core/export/format';
import type { Labels, Masking } from '../../core/export/rows';
import { concatBytes } from '../../core/export/bytes';
import type { DeviceStore } from './device-store';
import type { ExportPlanProblem } from './export-source';

/** Where an export's bytes go: opened with its file name, written in order, then finished. */
export interface ExportTarget {
  /** A handle to write to, or null when the file could not be opened. */
  begin(fileName: string): Promise<string | null>;
  write(handle: string, chunk: Uint8Array<ArrayBuffer>): Promise<boolean>;
  /** Where the file ended up, or null when it could not be finished. */
  finish(handle: string): Promise<string | null>;
  abort(handle: string): Promise<void>;
}

export interface ExportRequest {
  /** Business days (YYYY-MM-DD), both included. */
  range: { from: string; to: string };
  masking: Masking;
  locale: Locale;
  appVersion: string;
  labels: Labels;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /**
   * 'from-previous': the key chain starts where the device's previous export ended, so a day's
   * export stays the size of a day and is checked with that export (decision 0074). 'whole' (the
   * default, and always when there is no previous export): from the first key, checkable alone.
   */
  keyChain?: 'whole' | 'from-previous';
}

export type ExportFailure =
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'plan'; problem: ExportPlanProblem }
  | { kind: 'not-signed-in' }
  | { kind: 'write-failed' };

export interface ExportMade {
  /** Where the target put the file. */
  path: string;
  fileName: string;
  result: ExportResult;
}

/** What the workflow needs of the store: its command path, its archive, its state and clock. */
export type ExportStore = Pick<DeviceStore, 'execute' | 'archive' | 'snapshot' | 'now'>;

/** Gathers the zip's small chunks into writes of about a megabyte. */
function batched(write: (chunk: Uint8Array<ArrayBuffer>) => Promise<void>) {
  let parts: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      chunk.set(part, offset);
      offset += part.length;
    }
    parts = [];
    size = 0;
    await write(chunk);
  };
  return {
    push: async (chunk: Uint8Array) => {
      parts.push(chunk);
      size += chunk.length;
      if (size >= 1024 * 1024) await flush();
    },
    flush,
  };
}

/** A write the target refused: turned into 'write-failed' where the export is made. */
class TargetFailed extends Error {}

/**
 * Makes the export of `request.range` into `target` and records it in the log. Storage failures
 * (StorageError) and a cancel (the signal's AbortError) are thrown as they came; the partial
 * file is dropped either way.
 */
export async function makeExport(
  store: ExportStore,
  request: ExportRequest,
  target: ExportTarget,
): Promise<Result<ExportMade, ExportFailure>> {
  const sealed = await store.execute({ type: 'seal-for-export' });
  if (!sealed.ok) return err({ kind: 'refused', refusal: sealed.error });
  const plan = await store.archive.planExport(request.range);
  if (!plan.ok) return err({ kind: 'plan', problem: plan.error });
  const { state: device } = store.snapshot;
  if (!device.identity || !device.session) return err({ kind: 'not-signed-in' });
  const { days } = plan.value;
  const fileName = exportFileName(device.counter, days.from, days.to);
  let handle = await target.begin(fileName);
  if (handle === null) return err({ kind: 'write-failed' });
  try {
    const open = handle;
    const sink = batched(async (chunk) => {
      if (!(await target.write(open, chunk))) throw new TargetFailed();
    });
    // Only an export that continues the previous one (not a day taken again) starts at its end.
    const previous = plan.value.previousExport;
    const anchor =
      request.keyChain === 'from-previous' &&
      previous &&
      plan.value.first.seq === previous.lastSeq + 1
        ? keyChainAt(plan.value.keyRecords, previous.lastSeq)
        : null;
    const result = await buildExport({
      ...plan.value,
      ...(anchor
        ? {
            keyChainFrom: { ...anchor, fingerprint: await fingerprint(anchor.key) },
            keyRecords: plan.value.keyRecords.filter((row) => (row.seq as number) > anchor.seq),
          }
        : {}),
      range: {
        ...days,
        timeZone: device.config.timeZone,
        dayStartMinutes: device.config.dayStartMinutes,
      },
      device: {
        id: device.identity.deviceId,
        counter: device.counter,
        firstKey: device.identity.firstKey,
        fingerprint: await fingerprint(device.identity.firstKey),
      },
      exportedBy: { staffNo: device.session.staffNo, role: device.session.role },
      // The store's own clock: a demo device's simulated one, the wall clock on a tablet.
      exportedAt: new Date(store.now()).toISOString(),
      masking: request.masking,
      // A masked export carries no personal value and no salt; a full one carries them all.
      personal:
        request.masking === 'none'
          ? await plan.value.personalValues(plan.value.first.seq, plan.value.last.seq)
          : [],
      locale: request.locale,
      appVersion: request.appVersion,
      config: device.config,
      labels: request.labels,
      sink: sink.push,
      signal: request.signal,
      onProgress: request.onProgress,
    });
    await sink.flush();
    const path = await target.finish(handle);
    handle = null;
    if (path === null) return err({ kind: 'write-failed' });
    const recorded = await store.execute({
      type: 'record-export',
      export: {
        from: days.from,
        to: days.to,
        firstSeq: result.manifest.records.first.seq,
        lastSeq: result.manifest.records.last.seq,
        masked: request.masking !== 'none',
        manifestSha256: result.manifestSha256,
        files: result.files.map(({ name, sha256 }) => ({ name, sha256 })),
      },
    });
    if (!recorded.ok) return err({ kind: 'refused', refusal: recorded.error });
    return ok({ path, fileName, result });
  } catch (error) {
    if (error instanceof TargetFailed) return err({ kind: 'write-failed' });
    throw error;
  } finally {
    if (handle !== null) await target.abort(handle);
  }
}

/** A target that keeps the file in memory (the demo, tests, the benchmarks). */
export function memoryTarget(): ExportTarget & { bytes(): Uint8Array } {
  let chunks: Uint8Array[] = [];
  let done: Uint8Array | null = null;
  return {
    begin: async (fileName) => {
      chunks = [];
      return fileName;
    },
    write: async (_handle, chunk) => {
      chunks.push(chunk);
      return true;
    },
    finish: async (handle) => {
      done = concatBytes(chunks);
      return handle;
    },
    abort: async () => {
      chunks = [];
    },
    bytes: () => {
      if (!done) throw new Error('the export was not finished');
      return done;
    },
  };
}
