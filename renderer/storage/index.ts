/**
 * Opens the device's store once and hands out its repositories. Screens get these through
 * `StorageProvider`; none of them touches a Dexie table.
 */
import { DEFAULT_BUSINESS_TYPES } from '../domain/catalog';
import { SERVICE_STANDARD } from '../domain/flow-definition';
import { PBKDF2_ITERATIONS } from '../domain/pin';
import { AuditRepository } from './audit-repository';
import { AuthRepository } from './auth-repository';
import { CounterStepsDb, DATABASE_NAME } from './db';
import { EventLog, browserClock, type Clock } from './event-log';
import { ServiceRepository } from './service-repository';

export interface Repositories {
  log: EventLog;
  auth: AuthRepository;
  services: ServiceRepository;
  audit: AuditRepository;
}

export function openRepositories(
  name: string = DATABASE_NAME,
  options: { clock?: Clock; pinIterations?: number } = {},
): Repositories {
  const log = new EventLog(new CounterStepsDb(name), options.clock ?? browserClock);
  const services = new ServiceRepository(log, SERVICE_STANDARD, DEFAULT_BUSINESS_TYPES);
  return {
    log,
    services,
    auth: new AuthRepository(log, services, options.pinIterations ?? PBKDF2_ITERATIONS),
    audit: new AuditRepository(log),
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
export type { AuthRefusal, AuthRefusalCode } from './auth-repository';
export type { Account, Session, Settings } from './session-state';
export type { ServiceView } from './service-repository';
