/**
 * The one bridge between the page and the Electron main process: channel names, the payload
 * schemas main parses on arrival, and the API the preload exposes as `window.counterSteps`.
 * The browser build implements the same `CounterStepsApi` (renderer/platform/browser.ts), so the
 * renderer never knows which shell it runs in.
 */
import { z } from '../core/domain/zod';
import { PublicKeyJwkSchema, type PublicKeyJwk } from '../core/domain/log/events';
import type { KeyAlgorithm } from '../core/domain/log/signing';
import { HeadSchema, MAX_WITNESSED_ROWS, type Head } from '../core/domain/log/witness';
import type { Result as AppResult } from '../core/domain/result';

export { CHANNELS } from './channels';

/** The app's one result shape; across IPC the error is always a short code. */
export type Result<T> = AppResult<T, string>;

/**
 * Which of the app's two views a window shows: the clerk's counter, or the customer display
 * (the one place a customer's rating may come from). Electron's main decides it from which window
 * asks; the browser build from `?display=1`.
 */
export const ViewSchema = z.enum(['counter', 'display']);
export type View = z.infer<typeof ViewSchema>;

export const AppInfoSchema = z.object({
  shell: z.enum(['electron', 'browser']),
  version: z.string(),
  kiosk: z.boolean(),
  view: ViewSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const KeepAwakeRequestSchema = z.strictObject({ on: z.boolean() });
export type KeepAwakeRequest = z.infer<typeof KeepAwakeRequestSchema>;

/** File names are a plain base name: no directories, no traversal, no control characters. */
export const ExportFileNameSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(120),
    z.regex(
      /^[\w\u4e00-\u9fff][\w\u4e00-\u9fff .()-]*\.(zip|csv|json|xlsx|txt)$/u,
      'invalid file name',
    ),
  );

export const BeginExportRequestSchema = z.strictObject({ fileName: ExportFileNameSchema });

/** The printed report's file: a plain base name ending in .pdf. */
export const ReportFileNameSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(120),
    z.regex(/^[\w\u4e00-\u9fff][\w\u4e00-\u9fff .()-]*\.pdf$/u, 'invalid file name'),
  );
export const PrintReportRequestSchema = z.strictObject({ fileName: ReportFileNameSchema });
export type PrintReportRequest = z.infer<typeof PrintReportRequestSchema>;
export type BeginExportRequest = z.infer<typeof BeginExportRequestSchema>;

/** One part of an export's bytes: 16 MiB at most per message. */
export const WriteExportRequestSchema = z.strictObject({
  handle: z.uuid(),
  chunk: z
    .instanceof(Uint8Array)
    .check(z.refine((chunk) => chunk.length <= 16 * 1024 * 1024, 'chunk too large')),
});
export type WriteExportRequest = z.infer<typeof WriteExportRequestSchema>;

export const ExportHandleRequestSchema = z.strictObject({ handle: z.uuid() });
export type ExportHandleRequest = z.infer<typeof ExportHandleRequestSchema>;

/** Which log a witness belongs to: the database name (tests open several). */
export const LogNameSchema = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/));

export const WitnessReadRequestSchema = z.strictObject({ log: LogNameSchema });
export type WitnessReadRequest = z.infer<typeof WitnessReadRequestSchema>;

/** The stored rows after the witnessed head up to `head`: main hashes and links them itself. */
const RowsSchema = z.array(z.unknown()).check(z.maxLength(MAX_WITNESSED_ROWS));

export const WitnessAdvanceRequestSchema = z.strictObject({
  log: LogNameSchema,
  head: HeadSchema,
  rows: z.optional(RowsSchema),
});
export type WitnessAdvanceRequest = z.infer<typeof WitnessAdvanceRequestSchema>;

export const FirstKeyRequestSchema = z.strictObject({ log: LogNameSchema });
export type FirstKeyRequest = z.infer<typeof FirstKeyRequestSchema>;

/**
 * A checkpoint over `head`, asked of main: the page names the head, the key index it expects in
 * force and the rows (not yet stored) from the witnessed head to `head`; never the next key.
 */
export const CheckpointRequestSchema = z.strictObject({
  log: LogNameSchema,
  device: z.uuid(),
  keyIndex: z.int().check(z.gte(0)),
  head: HeadSchema,
  rows: RowsSchema,
});
export type CheckpointRequest = z.infer<typeof CheckpointRequestSchema>;

/** What the page may have signed with the key in force: never a checkpoint. */
export const STATEMENT_PURPOSES = [
  'counter-steps/export-manifest',
  'counter-steps/hub-enrol',
  'counter-steps/hub-restore',
  'counter-steps/hub-head',
  'counter-steps/hub-push',
  'counter-steps/hub-witness',
] as const;

export const StatementRequestSchema = z.strictObject({
  log: LogNameSchema,
  device: z.uuid(),
  keyIndex: z.int().check(z.gte(0)),
  payload: z.looseObject({ purpose: z.enum(STATEMENT_PURPOSES) }),
});
export type StatementRequest = z.infer<typeof StatementRequestSchema>;

export const KeyInForceRequestSchema = z.strictObject({ log: LogNameSchema, device: z.uuid() });
export type KeyInForceRequest = z.infer<typeof KeyInForceRequestSchema>;

export interface FirstKeyAnswer {
  algorithm: KeyAlgorithm;
  publicKey: PublicKeyJwk;
}

export interface SignedCheckpointAnswer {
  algorithm: KeyAlgorithm;
  nextKey: PublicKeyJwk;
  signature: string;
}

export const FirstKeyAnswerSchema = z.strictObject({
  algorithm: z.enum(['Ed25519', 'ECDSA-P256']),
  publicKey: PublicKeyJwkSchema,
});

/** The store hub this device pushes to (an origin: scheme, host, port), and its enrolment there. */
export const HubOriginSchema = z
  .string()
  .check(
    z.maxLength(200),
    z.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/),
  );

export const HubSettingsSchema = z.strictObject({
  origin: HubOriginSchema,
  enrolment: z.nullable(
    z.strictObject({
      device: z.uuid(),
      store: z.strictObject({
        id: z.string().check(z.maxLength(32)),
        name: z.string().check(z.maxLength(80)),
      }),
      at: z.iso.datetime(),
    }),
  ),
  lastPush: z.nullable(z.strictObject({ seq: z.int().check(z.gte(0)), at: z.iso.datetime() })),
});
export type HubSettings = z.infer<typeof HubSettingsSchema>;

export const SetHubRequestSchema = z.strictObject({ settings: z.nullable(HubSettingsSchema) });
export type SetHubRequest = z.infer<typeof SetHubRequestSchema>;

export interface CounterStepsApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  setKeepAwake(request: KeepAwakeRequest): Promise<Result<null>>;
  /** Starts writing an export file (Electron: in the exports folder; browser: a download). */
  beginExport(request: BeginExportRequest): Promise<Result<{ handle: string }>>;
  writeExport(request: WriteExportRequest): Promise<Result<null>>;
  /** Finishes the file under its name; where it was saved. */
  finishExport(request: ExportHandleRequest): Promise<Result<{ path: string }>>;
  /** Drops a file begun but not finished (a cancelled or failed export): nothing is left. */
  abortExport(request: ExportHandleRequest): Promise<Result<null>>;
  /** The head of the log as main last saw it (null before the first advance). */
  readWitness(request: WitnessReadRequest): Promise<Result<Head | null>>;
  /**
   * Moves main's witness forward over the rows that lead to the new head; `behind`, `forked` or
   * `unlinked` when they do not.
   */
  advanceWitness(request: WitnessAdvanceRequest): Promise<Result<null>>;
  /**
   * Electron: main makes the first signing key of a new device identity and keeps its private
   * half (key-vault.ts). The browser build answers `unsupported` (its keys are in IndexedDB).
   */
  firstKey(request: FirstKeyRequest): Promise<Result<FirstKeyAnswer>>;
  /** Electron: main signs a checkpoint over a head it has witnessed, naming its own next key. */
  signCheckpoint(request: CheckpointRequest): Promise<Result<SignedCheckpointAnswer>>;
  /** Electron: main signs an export manifest or a hub request with the key in force. */
  signStatement(
    request: StatementRequest,
  ): Promise<Result<{ algorithm: KeyAlgorithm; value: string }>>;
  /** Electron: the index of the key in force main holds for the device's chain (null: none). */
  keyInForce(request: KeyInForceRequest): Promise<Result<number | null>>;
  /**
   * Shows the customer display for the customer at the counter ("Turn to the customer"): its own
   * window in Electron (brought forward if it is open, else opened over the counter's window on
   * a one-screen tablet), its own tab in the browser build. Refused from the display itself.
   */
  openDisplay(): Promise<Result<null>>;
  /** The store hub settings (null: none configured). */
  getHub(): Promise<Result<HubSettings | null>>;
  /**
   * Saves them. In Electron the pages' CSP and main's request filter then allow exactly this
   * origin (the page reloads to take the new policy); null forgets the hub.
   */
  setHub(request: SetHubRequest): Promise<Result<null>>;
  /**
   * Prints the page on show (the Review's notice-board report) to A4: Electron saves it as a PDF
   * under `fileName` in the exports folder (webContents.printToPDF) and says where; the browser
   * opens its print dialog, where "Save as PDF" is one of the printers (path null).
   */
  printReport(request: PrintReportRequest): Promise<Result<{ path: string | null }>>;
}

declare global {
  interface Window {
    counterSteps?: CounterStepsApi;
  }
}
