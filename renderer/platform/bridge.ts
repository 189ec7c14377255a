/**
 * The one platform contract the renderer uses. Electron's preload and the browser build both
 * implement `CounterStepsApi` (declared in preload/contract.ts, next to the IPC channels it rides
 * on), so features call `platform()` and never ask which shell they are in.
 */
export type { AppInfo, CounterStepsApi, Result, SaveExportRequest } from '../../preload/contract';
