/**
 * The one bridge between the page and the Electron main process: channel names, the payload
 * schemas main parses on arrival, and the API the preload exposes as `window.counterSteps`.
 * The browser build implements the same `CounterStepsApi` (renderer/platform/browser.ts), so the
 * renderer never knows which shell it runs in.
 */
import { z } from 'zod';

export { CHANNELS } from './channels';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

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

export interface CounterStepsApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  setKeepAwake(request: KeepAwakeRequest): Promise<Result<null>>;
  saveExport(request: SaveExportRequest): Promise<Result<SaveExportResult>>;
}

declare global {
  interface Window {
    counterSteps?: CounterStepsApi;
  }
}
