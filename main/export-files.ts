/**
 * Export files written by main, a chunk at a time as the page makes them (a counter-year is far
 * too big for one IPC message): each export is written beside its final name and renamed once
 * finished, so a power cut or a cancel never leaves a half-written file under the name an auditor
 * will open. Names are plain base names inside the exports folder, checked again here whatever the
 * contract's schema allows. The file system is injected, so all of this runs in Node tests.
 */
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { Result } from '../preload/contract';

/** The slice of `node:fs/promises` the export writer needs. */
export interface ExportFileSystem {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  open(
    filePath: string,
    flags: 'w',
  ): Promise<{ write(data: Uint8Array): Promise<unknown>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

export const EXPORT_ERRORS = {
  invalidFileName: 'invalid-file-name',
  unknownHandle: 'unknown-export',
  tooManyOpen: 'too-many-exports',
  tooLarge: 'export-too-large',
  writeFailed: 'write-failed',
} as const;

// Windows device names are never files, whatever the extension.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Where an export named `fileName` goes, or null if that would be anywhere but directly inside
 * `exportsDir`.
 */
export function resolveExportPath(exportsDir: string, fileName: string): string | null {
  if (fileName.length === 0 || /[/\\\0:]/.test(fileName)) return null;
  if (fileName === '.' || fileName === '..' || WINDOWS_DEVICE_NAME.test(fileName)) return null;
  const dir = resolve(exportsDir);
  const target = resolve(dir, fileName);
  if (dirname(target) !== dir || basename(target) !== fileName) return null;
  return target;
}

interface OpenExport {
  file: Awaited<ReturnType<ExportFileSystem['open']>>;
  partial: string;
  target: string;
  bytes: number;
}

export function createExportFiles(deps: {
  exportsDir: string;
  fs: ExportFileSystem;
  log?: (message: string) => void;
  /** A counter-year is well under this. */
  maxBytes?: number;
  maxOpen?: number;
}) {
  const log = deps.log ?? (() => undefined);
  const maxBytes = deps.maxBytes ?? 2 * 1024 ** 3;
  const open = new Map<string, OpenExport>();
  const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

  async function discard(handle: string) {
    const entry = open.get(handle);
    if (!entry) return;
    open.delete(handle);
    await entry.file.close().catch(() => undefined);
    await deps.fs.rm(entry.partial, { force: true }).catch(() => undefined);
  }

  return {
    async begin(fileName: string): Promise<Result<{ handle: string }>> {
      const target = resolveExportPath(deps.exportsDir, fileName);
      if (target === null) return fail(EXPORT_ERRORS.invalidFileName);
      if (open.size >= (deps.maxOpen ?? 2)) return fail(EXPORT_ERRORS.tooManyOpen);
      const partial = join(dirname(target), `.${basename(target)}.part`);
      try {
        await deps.fs.mkdir(dirname(target), { recursive: true });
        const handle = randomUUID();
        open.set(handle, { file: await deps.fs.open(partial, 'w'), partial, target, bytes: 0 });
        return { ok: true, value: { handle } };
      } catch (error) {
        log(`begin ${fileName}: ${error instanceof Error ? error.message : String(error)}`);
        return fail(EXPORT_ERRORS.writeFailed);
      }
    },

    async write(handle: string, chunk: Uint8Array): Promise<Result<null>> {
      const entry = open.get(handle);
      if (!entry) return fail(EXPORT_ERRORS.unknownHandle);
      if (entry.bytes + chunk.length > maxBytes) {
        await discard(handle);
        return fail(EXPORT_ERRORS.tooLarge);
      }
      try {
        await entry.file.write(chunk);
        entry.bytes += chunk.length;
        return { ok: true, value: null };
      } catch (error) {
        log(`write ${entry.target}: ${error instanceof Error ? error.message : String(error)}`);
        await discard(handle);
        return fail(EXPORT_ERRORS.writeFailed);
      }
    },

    async finish(handle: string): Promise<Result<{ path: string }>> {
      const entry = open.get(handle);
      if (!entry) return fail(EXPORT_ERRORS.unknownHandle);
      open.delete(handle);
      try {
        await entry.file.close();
        await deps.fs.rename(entry.partial, entry.target);
        return { ok: true, value: { path: entry.target } };
      } catch (error) {
        log(`finish ${entry.target}: ${error instanceof Error ? error.message : String(error)}`);
        await deps.fs.rm(entry.partial, { force: true }).catch(() => undefined);
        return fail(EXPORT_ERRORS.writeFailed);
      }
    },

    async abort(handle: string): Promise<Result<null>> {
      if (!open.has(handle)) return fail(EXPORT_ERRORS.unknownHandle);
      await discard(handle);
      return { ok: true, value: null };
    },
  };
}

export type ExportFiles = ReturnType<typeof createExportFiles>;
