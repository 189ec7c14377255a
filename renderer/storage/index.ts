/**
 * The storage's public entry: open the device's store, and the types screens need. Features and
 * screens import storage only from here (lint enforces it); nothing here hands out the raw log or
 * a table.
 */
import { PBKDF2_ITERATIONS } from '../../core/domain/access/pin';
import { DATABASE_NAME, type IndexedDbBackend } from './db';
import { openDatabase } from './open-database';
import { DeviceStore, type Clock } from './device-store';
import type { Witness } from './witness';
import type { KeyKeeperApi } from './main-keys';

export async function openStore(
  options: {
    name?: string;
    clock?: Clock;
    pinIterations?: number;
    witness?: Witness;
    /** Electron: main keeps the signing keys (see device-store.ts). */
    keyKeeper?: KeyKeeperApi | null;
    display?: boolean;
    /** Fresh ids (random UUIDs unless given: the demo makes them from its seed). */
    newId?: () => string;
    /** Another window keeps the database from opening (it opens once that window lets go). */
    onBlocked?: () => void;
    /** A throwaway database (a demo counter's): see open-database.ts. */
    scratch?: boolean;
    /** Another IndexedDB than the page's (an in-memory one): see db.ts. */
    backend?: IndexedDbBackend;
    /** The review's catch-up slowed down (review-catch-up.ts): tests only. */
    reviewPace?: { paceMs: number; sliceRecords: number };
  } = {},
): Promise<DeviceStore> {
  const db = await openDatabase(options.name ?? DATABASE_NAME, {
    onBlocked: options.onBlocked,
    scratch: options.scratch,
    backend: options.backend,
  });
  return DeviceStore.open(db, {
    display: options.display,
    clock: options.clock,
    pinIterations: options.pinIterations ?? PBKDF2_ITERATIONS,
    witness: options.witness,
    keyKeeper: options.keyKeeper,
    newId: options.newId,
    reviewPace: options.reviewPace,
  });
}

/**
 * Asks the browser not to evict this origin's data under storage pressure. Without it, Chromium
 * may clear IndexedDB of a site it considers unimportant. Resolves whether storage is persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export { DATABASE_NAME } from './db';
export { StorageError, type StorageErrorCode } from './errors';
export type {
  DeviceStore,
  StoreSnapshot,
  IntegrityProblem,
  Clock,
  StoreClosed,
} from './device-store';
export { memoryWitness, type Witness } from './witness';
export { percentOf, type CatchUpProgress } from './review-catch-up';
export type { ExportPlan, ExportPlanProblem } from './export-source';
export {
  makeExport,
  memoryTarget,
  type ExportFailure,
  type ExportMade,
  type ExportRequest,
  type ExportStore,
  type ExportTarget,
} from './export-service';
export type { ImportProblem, Imported } from './importer';
export type { ChainRow, IndexedDbBackend } from './db';
export type { HubTransport, HubProblem, PushProgress, PushDone } from './hub-client';
