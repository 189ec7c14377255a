/**
 * Electron's implementation is whatever the preload exposed as `window.counterSteps`; the main
 * process parses every payload again, so nothing here is trusted by the other side.
 */
import {
  fetchTransport,
  storageManagerStatus,
  witnessOver,
  type CounterStepsApi,
  type PlatformBridge,
} from './bridge';
import { speak } from './speech';

export function electronBridge(): PlatformBridge | null {
  const api: CounterStepsApi | undefined = globalThis.window?.counterSteps;
  if (!api) return null;
  return {
    ...api,
    witness: (log) => witnessOver(api, log),
    speak,
    storageStatus: storageManagerStatus,
    hubTransport: (origin) => fetchTransport(origin),
  };
}
