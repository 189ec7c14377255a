/**
 * Opens the device's store once and hands out its repositories. Screens get these through
 * `StorageProvider`; none of them touches a Dexie table.
 */
import { DEFAULT_BUSINESS_TYPES } from '../domain/catalog';
import { SERVICE_STANDARD } from '../domain/flow-definition';
import { CounterStepsDb, DATABASE_NAME } from './db';
import { EventLog, browserClock, type Clock } from './event-log';
import { ServiceRepository } from './service-repository';
import { SessionRepository } from './session-repository';

export interface Repositories {
  log: EventLog;
  sessions: SessionRepository;
  services: ServiceRepository;
}

export function openRepositories(
  name: string = DATABASE_NAME,
  clock: Clock = browserClock,
): Repositories {
  const log = new EventLog(new CounterStepsDb(name), clock);
  return {
    log,
    sessions: new SessionRepository(log),
    services: new ServiceRepository(log, SERVICE_STANDARD, DEFAULT_BUSINESS_TYPES),
  };
}

/**
 * Asks the browser not to evict this origin's data under storage pressure. Without it, Chromium may
 * clear IndexedDB of a site it considers unimportant. Returns whether storage is persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export { StorageError } from './errors';
export type { CurrentSession } from './session-repository';
export type { ServiceView } from './service-repository';
