/**
 * The one platform contract the renderer uses. The IPC part (`CounterStepsApi`, declared in
 * preload/contract.ts next to the channels it rides on) is implemented by Electron's preload and
 * by the browser build alike; the renderer-side services (the witness adapter, ticket calls) are built
 * on top of it here, so features call `platform()` and never ask which shell they are in.
 */
import type { HubTransport } from '../../core/domain/hub/protocol';
import type { Witness } from '../../core/domain/log/witness';
import type { CounterStepsApi } from '../../preload/contract';
import type { TicketCaller } from './ticket-caller';

export type { AppInfo, CounterStepsApi, Result, View } from '../../preload/contract';

export type { CallFailure, CallHandle, CallRequest } from './ticket-caller';

/**
 * Calls a ticket aloud from the app's own clips (chime, then ticket and counter in the clerk's
 * language), repeats the last call, and sets the device's call volume (ticket-caller.ts).
 */
export type CallBridge = TicketCaller;

/**
 * New versions of the app. The browser build's service worker precaches a new version in the
 * background; it is applied (the page reloads into it) only when the app says so, which it does
 * only between services. Electron updates with its package and reports nothing here.
 */
/** The version waiting to take over and what it changed, one line per language (null: unknown). */
export interface UpdateInfo {
  version: string | null;
  changes: Record<string, string> | null;
}

export interface UpdateBridge {
  /** Starts looking for new versions (the browser build registers its service worker). */
  startUpdates(): void;
  /** Calls `listener` once a new version is ready to apply; returns the unsubscribe. */
  onUpdateReady(listener: (update: UpdateInfo) => void): () => void;
  /** Applies the new version once any ticket call has been heard to the end: the page reloads. */
  applyUpdate(): Promise<void>;
}

export interface PlatformBridge extends CounterStepsApi, CallBridge, UpdateBridge {
  /** The witness of the log named `log`, kept wherever this platform keeps it. */
  witness(log: string): Witness;
  /**
   * Who keeps the checkpoint signing keys: Electron's main (its key calls), or null where the
   * page keeps them itself (the browser build: IndexedDB).
   */
  keyKeeper(): Pick<
    CounterStepsApi,
    'firstKey' | 'signCheckpoint' | 'signStatement' | 'keyInForce'
  > | null;
  /** How much storage the app uses and may use, and whether the browser may evict it. */
  storageStatus(): Promise<StorageStatus>;
  /** Requests to the store hub at `origin` (the page's CSP allows only the configured one). */
  hubTransport(origin: string): HubTransport;
}

/**
 * The hub's requests with the page's own fetch: JSON in and out, no cookies, no redirects
 * followed, and a time limit. CSP's connect-src (and in Electron main's request filter) let it
 * reach exactly the configured hub origin; anything else fails as unreachable.
 */
export function fetchTransport(origin: string, timeoutMs = 30_000): HubTransport {
  return async ({ method, path, body }) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed };
  };
}

export interface StorageStatus {
  /** Null where the platform cannot tell. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Storage this full or more is worth a warning: once it is full, nothing new can be recorded. */
export const STORAGE_WARNING_SHARE = 0.8;

/** How full storage is (0–1), what is left, and whether to warn; null where it cannot be told. */
export function storageFullness(
  status: StorageStatus,
): { share: number; leftBytes: number; warn: boolean } | null {
  const { usageBytes, quotaBytes } = status;
  if (usageBytes === null || quotaBytes === null || quotaBytes <= 0) return null;
  const share = Math.min(1, Math.max(0, usageBytes / quotaBytes));
  return {
    share,
    leftBytes: Math.max(0, quotaBytes - usageBytes),
    warn: share >= STORAGE_WARNING_SHARE,
  };
}

/** Storage status from the StorageManager API, which Electron's renderer and browsers share. */
export async function storageManagerStatus(): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(null),
    storage.estimate ? storage.estimate() : Promise.resolve({} as StorageEstimate),
  ]);
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}

export { witnessOver } from '../storage/witness-over';
