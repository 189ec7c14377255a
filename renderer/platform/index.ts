import type { PlatformBridge } from './bridge';
import { browserBridge } from './browser';
import { electronBridge } from './electron';

let chosen: PlatformBridge | null = null;

/** The platform this renderer runs on: Electron's bridge when the preload provided one. */
export function platform(): PlatformBridge {
  chosen ??= electronBridge() ?? browserBridge;
  return chosen;
}

export type { CallFailure, CallHandle, PlatformBridge, View } from './bridge';
export { STORAGE_WARNING_SHARE, storageFullness } from './bridge';
export { callFailure } from './ticket-caller';

/**
 * Whether this display was opened for the customer at a one-screen counter ("Turn to the
 * customer"): the browser build adds `turned=1`, Electron's main loads `#display-turned`
 * (main/display-window.ts). Such a display closes itself once the customer has answered.
 */
export function displayTurned(
  location: { search: string; hash: string } = window.location,
): boolean {
  return (
    new URLSearchParams(location.search).get('turned') === '1' ||
    location.hash === '#display-turned'
  );
}
