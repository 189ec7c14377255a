/**
 * The one bridge between the page and the Electron main process: channel names, the payload
 * schemas main parses on arrival, and the API the preload exposes as `window.counterSteps`.
 * The browser build implements the same `CounterStepsApi` (renderer/platform/browser.ts), so the
 * renderer never knows which shell it runs in.
 */
import { z } from 'zod';
import { HeadSchema, type Head } from '../renderer/domain/log/witness';
import type { Result as AppResult } from '../renderer/domain/result';

export { CHANNELS } from './channels';

/** The app's one result shape; across IPC the error is always a short code. */
export type Result<T> = AppResult<T, string>;

export const AppInfoSchema = z.object({
  shell: z.enum(['electron', 'browser']),
  version: z.string(),
  kiosk: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const KeepAwakeRequestSchema = z.object({ on: z.boolean() }).strict();
export type KeepAwakeRequest = z.infer<typeof KeepAwakeRequestSchema>;

/** File names are a plain base name: no directories, no traversal, no control characters. */
export const ExportFileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\w\u4e00-\u9fff][\w\u4e00-\u9fff .()-]*\.(csv|json|xlsx|txt)$/u, 'invalid file name');

export const SaveExportRequestSchema = z
  .object({
    fileName: ExportFileNameSchema,
    /** UTF-8 text, or base64 for binary formats. */
    contents: z.string().max(50 * 1024 * 1024),
    encoding: z.enum(['utf8', 'base64']),
  })
  .strict();
export type SaveExportRequest = z.infer<typeof SaveExportRequestSchema>;

export const SaveExportResultSchema = z.object({ path: z.string() });
export type SaveExportResult = z.infer<typeof SaveExportResultSchema>;

/** Which log a witness belongs to: the database name (tests open several). */
export const LogNameSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const WitnessReadRequestSchema = z.object({ log: LogNameSchema }).strict();
export type WitnessReadRequest = z.infer<typeof WitnessReadRequestSchema>;

export const WitnessAdvanceRequestSchema = z.object({ log: LogNameSchema, head: HeadSchema }).strict();
export type WitnessAdvanceRequest = z.infer<typeof WitnessAdvanceRequestSchema>;

export interface CounterStepsApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  setKeepAwake(request: KeepAwakeRequest): Promise<Result<null>>;
  saveExport(request: SaveExportRequest): Promise<Result<SaveExportResult>>;
  /** The head of the log as main last saw it (null before the first advance). */
  readWitness(request: WitnessReadRequest): Promise<Result<Head | null>>;
  /** Moves main's witness forward; `behind` or `forked` when the page sends an earlier head. */
  advanceWitness(request: WitnessAdvanceRequest): Promise<Result<null>>;
}

declare global {
  interface Window {
    counterSteps?: CounterStepsApi;
  }
}
