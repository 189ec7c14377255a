import type { PlatformBridge } from './bridge';
import { browserBridge } from './browser';
import { electronBridge } from './electron';

let chosen: PlatformBridge | null = null;

/** The platform this renderer runs on: Electron's bridge when the preload provided one. */
export function platform(): PlatformBridge {
  chosen ??= electronBridge() ?? browserBridge;
  return chosen;
}

export type { PlatformBridge } from './bridge';
export { STORAGE_WARNING_SHARE, storageFullness } from './bridge';
