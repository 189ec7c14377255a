/**
 * Electron's implementation is whatever the preload exposed as `window.counterSteps`; the main
 * process parses every payload again, so nothing here is trusted by the other side. Ticket calls
 * play in the renderer, as in the browser build.
 */
import {
  fetchTransport,
  storageManagerStatus,
  witnessOver,
  type CounterStepsApi,
  type PlatformBridge,
} from './bridge';
import { lazyTicketCaller } from './ticket-caller';

/** Electron updates with its package: nothing waits in the page. */
const NO_UPDATES = {
  startUpdates: () => undefined,
  onUpdateReady: () => () => undefined,
  applyUpdate: () => Promise.resolve(),
};

export function electronBridge(): PlatformBridge | null {
  const api: CounterStepsApi | undefined = globalThis.window?.counterSteps;
  if (!api) return null;
  return {
    ...api,
    ...lazyTicketCaller,
    ...NO_UPDATES,
    // Main checks every row that moves its witness, and keeps the signing keys.
    witness: (log) => witnessOver(api, log, { chained: true }),
    keyKeeper: () => api,
    storageStatus: storageManagerStatus,
    hubTransport: (origin) => fetchTransport(origin),
  };
}
