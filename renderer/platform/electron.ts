/**
 * Electron's implementation is whatever the preload exposed as `window.counterSteps`; the main
 * process parses every payload again, so nothing here is trusted by the other side.
 */
import type { CounterStepsApi } from './bridge';

export function electronBridge(): CounterStepsApi | null {
  return globalThis.window?.counterSteps ?? null;
}
