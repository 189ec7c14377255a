/**
 * What main does for each channel in preload/contract.ts. Every handler runs the same gate:
 * the sender frame must be on the app's origin, the payload must parse with the contract's
 * zod schema, and the answer is always a `Result` (never a throw across IPC, never a raw
 * error message: only short codes). Electron, the file system and the power-save blocker are
 * injected, so all of this is unit-tested in Node.
 */
import { Buffer } from 'node:buffer';
import { dirname, basename, join, resolve } from 'node:path';
import { z } from 'zod';
import {
  type AppInfo,
  type CounterStepsApi,
  type Result,
  type SaveExportRequest,
  type SaveExportResult,
  CHANNELS,
  KeepAwakeRequestSchema,
  SaveExportRequestSchema,
  WitnessAdvanceRequestSchema,
  WitnessReadRequestSchema,
} from '../preload/contract';
import { isAppUrl } from './app-origin';
import type { KeepAwake } from './keep-awake';
import type { WitnessStore } from './witness-store';

export const IPC_ERRORS = {
  forbiddenSender: 'forbidden-sender',
  invalidPayload: 'invalid-payload',
  invalidFileName: 'invalid-file-name',
  writeFailed: 'write-failed',
  keepAwakeFailed: 'keep-awake-failed',
  internal: 'internal-error',
} as const;

/** getAppInfo takes no argument; anything sent is refused rather than ignored. */
export const GetAppInfoRequestSchema = z.undefined();

/** The slice of `node:fs/promises` saveExport needs. */
export interface ExportFileSystem {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

export interface IpcDeps {
  appVersion: string;
  kiosk: boolean;
  /** Absolute folder every export lands in (`<userData>/exports`). */
  exportsDir: string;
  fs: ExportFileSystem;
  keepAwake: KeepAwake;
  witness: WitnessStore;
  /** Diagnostics for main's log; never sent to the renderer. */
  log?: (message: string) => void;
}

type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** One handler per API method, each returning exactly what the contract promises. */
export type IpcHandlers = {
  [K in keyof CounterStepsApi]: (
    senderUrl: string | null | undefined,
    args: readonly unknown[],
  ) => Promise<ResultOf<CounterStepsApi[K]>>;
};

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function describeIssues(error: z.ZodError): string {
  // Paths and codes only: payload values may be large or hold customer data.
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join(', ');
}

function gated<S extends z.ZodType, T>(
  channel: string,
  schema: S,
  log: (message: string) => void,
  run: (input: z.output<S>) => Promise<Result<T>>,
): (senderUrl: string | null | undefined, args: readonly unknown[]) => Promise<Result<T>> {
  return async (senderUrl, args) => {
    if (!isAppUrl(senderUrl)) {
      log(`${channel}: refused sender ${String(senderUrl).slice(0, 200)}`);
      return fail(IPC_ERRORS.forbiddenSender);
    }
    // The preload sends at most one argument; more means someone else is calling.
    if (args.length > 1) return fail(IPC_ERRORS.invalidPayload);
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      log(`${channel}: invalid payload (${describeIssues(parsed.error)})`);
      return fail(IPC_ERRORS.invalidPayload);
    }
    try {
      return await run(parsed.data);
    } catch (error) {
      log(`${channel}: ${error instanceof Error ? error.message : String(error)}`);
      return fail(IPC_ERRORS.internal);
    }
  };
}

// Windows device names are never files, whatever the extension.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Where an export named `fileName` goes, or null if that would be anywhere but directly inside
 * `exportsDir`. The contract's schema already allows only plain names; this re-checks the
 * resolved path so a future loosening of the schema cannot open a traversal.
 */
export function resolveExportPath(exportsDir: string, fileName: string): string | null {
  if (fileName.length === 0 || /[/\\\0:]/.test(fileName)) return null;
  if (fileName === '.' || fileName === '..' || WINDOWS_DEVICE_NAME.test(fileName)) return null;
  const dir = resolve(exportsDir);
  const target = resolve(dir, fileName);
  if (dirname(target) !== dir || basename(target) !== fileName) return null;
  return target;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes to write, or null when base64 text is not canonical (Buffer would silently skip junk). */
export function decodeExportContents(
  request: Pick<SaveExportRequest, 'contents' | 'encoding'>,
): Uint8Array | null {
  if (request.encoding === 'utf8') return Buffer.from(request.contents, 'utf8');
  if (!BASE64.test(request.contents)) return null;
  return Buffer.from(request.contents, 'base64');
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  const log = deps.log ?? (() => undefined);

  const getAppInfo = gated(CHANNELS.getAppInfo, GetAppInfoRequestSchema, log, async () => {
    const value: AppInfo = { shell: 'electron', version: deps.appVersion, kiosk: deps.kiosk };
    return { ok: true, value };
  });

  const setKeepAwake = gated(CHANNELS.setKeepAwake, KeepAwakeRequestSchema, log, async ({ on }) => {
    try {
      deps.keepAwake.set(on);
    } catch (error) {
      log(`${CHANNELS.setKeepAwake}: ${error instanceof Error ? error.message : String(error)}`);
      return fail(IPC_ERRORS.keepAwakeFailed);
    }
    return { ok: true, value: null };
  });

  const saveExport = gated(
    CHANNELS.saveExport,
    SaveExportRequestSchema,
    log,
    async (request): Promise<Result<SaveExportResult>> => {
      const target = resolveExportPath(deps.exportsDir, request.fileName);
      if (target === null) return fail(IPC_ERRORS.invalidFileName);
      const bytes = decodeExportContents(request);
      if (bytes === null) return fail(IPC_ERRORS.invalidPayload);
      // Write beside the target and rename, so a power cut never leaves a half-written file
      // under the name an auditor will open.
      const partial = join(dirname(target), `.${basename(target)}.part`);
      try {
        await deps.fs.mkdir(dirname(target), { recursive: true });
        await deps.fs.writeFile(partial, bytes);
        await deps.fs.rename(partial, target);
      } catch (error) {
        log(`${CHANNELS.saveExport}: ${error instanceof Error ? error.message : String(error)}`);
        await deps.fs.rm(partial, { force: true }).catch(() => undefined);
        return fail(IPC_ERRORS.writeFailed);
      }
      return { ok: true, value: { path: target } };
    },
  );

  const readWitness = gated(CHANNELS.readWitness, WitnessReadRequestSchema, log, ({ log: name }) =>
    deps.witness.read(name),
  );

  const advanceWitness = gated(
    CHANNELS.advanceWitness,
    WitnessAdvanceRequestSchema,
    log,
    ({ log: name, head }) => deps.witness.advance(name, head),
  );

  return { getAppInfo, setKeepAwake, saveExport, readWitness, advanceWitness };
}

/** Channel name → handler, for registering with `ipcMain.handle`. */
export function handlersByChannel(
  handlers: IpcHandlers,
): ReadonlyArray<readonly [channel: string, handler: IpcHandlers[keyof IpcHandlers]]> {
  return (Object.keys(CHANNELS) as Array<keyof typeof CHANNELS>).map(
    (method) => [CHANNELS[method], handlers[method]] as const,
  );
}
