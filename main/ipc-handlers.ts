/**
 * What main does for each channel in preload/contract.ts. Every handler runs the same gate:
 * the sender frame must be on the app's origin, the payload must parse with the contract's
 * zod schema, and the answer is always a `Result` (never a throw across IPC, never a raw
 * error message: only short codes). The export files, the witness and the power-save blocker
 * are injected, so all of this is unit-tested in Node.
 */
import { z } from '../core/domain/zod';
import {
  type AppInfo,
  type CounterStepsApi,
  type Result,
  type View,
  CHANNELS,
  KeepAwakeRequestSchema,
  BeginExportRequestSchema,
  ExportHandleRequestSchema,
  WriteExportRequestSchema,
  WitnessAdvanceRequestSchema,
  WitnessReadRequestSchema,
  SetHubRequestSchema,
  FirstKeyRequestSchema,
  CheckpointRequestSchema,
  StatementRequestSchema,
  KeyInForceRequestSchema,
  PrintReportRequestSchema,
} from '../preload/contract';
import type { KeyVault } from './key-vault';
import { isAppUrl } from './app-origin';
import type { ExportFiles } from './export-files';
import type { HubSettingsStore } from './hub-settings';
import type { KeepAwake } from './keep-awake';
import type { WitnessStore } from './witness-store';

export const IPC_ERRORS = {
  forbiddenSender: 'forbidden-sender',
  invalidPayload: 'invalid-payload',
  keepAwakeFailed: 'keep-awake-failed',
  internal: 'internal-error',
  notFromCounter: 'not-from-counter',
} as const;

/** getAppInfo takes no argument; anything sent is refused rather than ignored. */
export const GetAppInfoRequestSchema = z.undefined();
export const OpenDisplayRequestSchema = z.undefined();
export const GetHubRequestSchema = z.undefined();

/** The customer display's window, as main keeps it (display-window.ts decides the rules). */
export interface DisplayWindows {
  /** Which view the window whose webContents has this id shows. */
  viewOf(senderId: number | null): View;
  /** Opens the display (or brings it forward). */
  open(): Promise<Result<null>>;
}

const NO_DISPLAY: DisplayWindows = {
  viewOf: () => 'counter',
  open: async () => ({ ok: false, error: 'unsupported' }),
};

export interface IpcDeps {
  appVersion: string;
  kiosk: boolean;
  /** Export files, written in the exports folder (`<userData>/exports`). */
  exports: ExportFiles;
  keepAwake: KeepAwake;
  witness: WitnessStore;
  /** The checkpoint signing keys (signing-keys.json under safeStorage). */
  keys: KeyVault;
  /** The customer display's window; without it every window is the counter. */
  display?: DisplayWindows;
  /** The store hub's settings (hub.json), which also open the CSP and request filter to it. */
  hub: HubSettingsStore;
  /**
   * The page of the window whose webContents has this id, printed to an A4 PDF
   * (webContents.printToPDF); without it printing is unsupported.
   */
  printPdf?: (senderId: number | null) => Promise<Uint8Array>;
  /** Diagnostics for main's log; never sent to the renderer. */
  log?: (message: string) => void;
}

type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/**
 * One handler per API method, each returning exactly what the contract promises. `senderId` is
 * the id of the sender's webContents (which window asks), when main knows it.
 */
export type IpcHandlers = {
  [K in keyof CounterStepsApi]: (
    senderUrl: string | null | undefined,
    args: readonly unknown[],
    senderId?: number | null,
  ) => Promise<ResultOf<CounterStepsApi[K]>>;
};

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function describeIssues(error: z.core.$ZodError): string {
  // Paths and codes only: payload values may be large or hold customer data.
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join(', ');
}

function gated<S extends z.ZodMiniType, T>(
  channel: string,
  schema: S,
  log: (message: string) => void,
  run: (input: z.output<S>, senderId: number | null) => Promise<Result<T>>,
): (
  senderUrl: string | null | undefined,
  args: readonly unknown[],
  senderId?: number | null,
) => Promise<Result<T>> {
  return async (senderUrl, args, senderId = null) => {
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
      return await run(parsed.data, senderId);
    } catch (error) {
      log(`${channel}: ${error instanceof Error ? error.message : String(error)}`);
      return fail(IPC_ERRORS.internal);
    }
  };
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  const log = deps.log ?? (() => undefined);

  const display = deps.display ?? NO_DISPLAY;

  const getAppInfo = gated(
    CHANNELS.getAppInfo,
    GetAppInfoRequestSchema,
    log,
    async (_input, senderId) => {
      const value: AppInfo = {
        shell: 'electron',
        version: deps.appVersion,
        kiosk: deps.kiosk,
        view: display.viewOf(senderId),
      };
      return { ok: true, value };
    },
  );

  const openDisplay = gated(
    CHANNELS.openDisplay,
    OpenDisplayRequestSchema,
    log,
    async (_input, senderId) => {
      if (display.viewOf(senderId) === 'display') return fail(IPC_ERRORS.notFromCounter);
      return display.open();
    },
  );

  const setKeepAwake = gated(CHANNELS.setKeepAwake, KeepAwakeRequestSchema, log, async ({ on }) => {
    try {
      deps.keepAwake.set(on);
    } catch (error) {
      log(`${CHANNELS.setKeepAwake}: ${error instanceof Error ? error.message : String(error)}`);
      return fail(IPC_ERRORS.keepAwakeFailed);
    }
    return { ok: true, value: null };
  });

  const beginExport = gated(CHANNELS.beginExport, BeginExportRequestSchema, log, ({ fileName }) =>
    deps.exports.begin(fileName),
  );
  const writeExport = gated(
    CHANNELS.writeExport,
    WriteExportRequestSchema,
    log,
    ({ handle, chunk }) => deps.exports.write(handle, chunk),
  );
  const finishExport = gated(CHANNELS.finishExport, ExportHandleRequestSchema, log, ({ handle }) =>
    deps.exports.finish(handle),
  );
  const abortExport = gated(CHANNELS.abortExport, ExportHandleRequestSchema, log, ({ handle }) =>
    deps.exports.abort(handle),
  );

  const readWitness = gated(CHANNELS.readWitness, WitnessReadRequestSchema, log, ({ log: name }) =>
    deps.witness.read(name),
  );

  const advanceWitness = gated(
    CHANNELS.advanceWitness,
    WitnessAdvanceRequestSchema,
    log,
    async ({ log: name, head, rows }) => {
      const advanced = await deps.witness.advance(name, head, rows);
      // A key whose checkpoint the witness has now passed is destroyed at once.
      if (advanced.ok) await deps.keys.settle(name);
      return advanced;
    },
  );

  const firstKey = gated(CHANNELS.firstKey, FirstKeyRequestSchema, log, ({ log: name }) =>
    deps.keys.firstKey(name),
  );
  const signCheckpoint = gated(CHANNELS.signCheckpoint, CheckpointRequestSchema, log, (request) =>
    deps.keys.signCheckpoint(request),
  );
  const signStatement = gated(CHANNELS.signStatement, StatementRequestSchema, log, (request) =>
    deps.keys.signStatement(request),
  );
  const keyInForce = gated(
    CHANNELS.keyInForce,
    KeyInForceRequestSchema,
    log,
    ({ log: name, device }) => deps.keys.keyInForce(name, device),
  );

  const getHub = gated(CHANNELS.getHub, GetHubRequestSchema, log, () => deps.hub.read());
  const setHub = gated(CHANNELS.setHub, SetHubRequestSchema, log, ({ settings }) =>
    deps.hub.write(settings),
  );

  // The report's PDF, written like an export (a partial file renamed once whole).
  const printReport = gated(
    CHANNELS.printReport,
    PrintReportRequestSchema,
    log,
    async ({ fileName }, senderId) => {
      if (!deps.printPdf) return fail('unsupported');
      const bytes = await deps.printPdf(senderId);
      const begun = await deps.exports.begin(fileName);
      if (!begun.ok) return begun;
      const written = await deps.exports.write(begun.value.handle, bytes);
      if (!written.ok) return written;
      return deps.exports.finish(begun.value.handle);
    },
  );

  return {
    getAppInfo,
    setKeepAwake,
    beginExport,
    writeExport,
    finishExport,
    abortExport,
    readWitness,
    advanceWitness,
    firstKey,
    signCheckpoint,
    signStatement,
    keyInForce,
    openDisplay,
    getHub,
    setHub,
    printReport,
  };
}

/** Channel name → handler, for registering with `ipcMain.handle`. */
export function handlersByChannel(
  handlers: IpcHandlers,
): ReadonlyArray<readonly [channel: string, handler: IpcHandlers[keyof IpcHandlers]]> {
  return (Object.keys(CHANNELS) as Array<keyof typeof CHANNELS>).map(
    (method) => [CHANNELS[method], handlers[method]] as const,
  );
}
