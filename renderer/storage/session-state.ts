/**
 * Reads "who is here" from the log: the device's counter, the accounts, the settings, and the
 * current session (who is signed in and whether the screen is locked). Nothing is cached: the log
 * is the only truth, so a reload, a crash or a second tab all see the same session.
 */
import type { DomainEvent, LogRecord } from '../domain/events';
import type { Role } from '../domain/permissions';
import type { EventLog } from './event-log';

export interface Device {
  counter: string;
}

export interface Account {
  staffNo: string;
  role: Role;
  enabled: boolean;
}

export interface Settings {
  idleLockMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 3 };

export interface Session {
  staffNo: string;
  role: Role;
  counter: string;
  /** Sequence number of the sign-in: the shift's events are the ones after it. */
  signedInSeq: number;
  locked: { reason: 'idle' | 'leave-seat' | 'manual'; atMs: number } | null;
  /**
   * The PIN in force was set by a manager (a new account or a reset), so the manager knows it:
   * nothing else is allowed until its owner chooses their own.
   */
  mustChangePin: boolean;
}

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;
const eventOf = <T extends DomainEvent['type']>(
  record: LogRecord | undefined,
  type: T,
): Of<T> | null => (record?.event.type === type ? (record.event as Of<T>) : null);

export async function readDevice(log: EventLog): Promise<Device | null> {
  const event = eventOf((await log.lastOfType('device-set-up')).records[0], 'device-set-up');
  return event ? { counter: event.counter } : null;
}

export async function readAccounts(log: EventLog): Promise<Map<string, Account>> {
  const { records } = await log.ofTypes(['account-created', 'account-disabled', 'account-enabled']);
  const accounts = new Map<string, Account>();
  for (const { event } of records) {
    if (event.type === 'account-created') {
      accounts.set(event.subject, { staffNo: event.subject, role: event.role, enabled: true });
    } else if (event.type === 'account-disabled' || event.type === 'account-enabled') {
      const account = accounts.get(event.subject);
      if (account)
        accounts.set(event.subject, { ...account, enabled: event.type === 'account-enabled' });
    }
  }
  return accounts;
}

export async function readSettings(log: EventLog): Promise<Settings> {
  const event = eventOf((await log.lastOfType('config-changed')).records[0], 'config-changed');
  return event ? { idleLockMinutes: event.idleLockMinutes } : DEFAULT_SETTINGS;
}

/** Whether the latest PIN of `staffNo` was set by someone else (account creation or reset). */
function pinSetByOther(records: readonly LogRecord[], staffNo: string): boolean {
  const last = records.filter((record) => eventOf(record, 'pin-set')?.subject === staffNo).at(-1);
  return last !== undefined && last.staffNo !== staffNo;
}

export async function readSession(log: EventLog): Promise<Session | null> {
  const [device, signedIn, signedOut, locked, unlocked, pinsSet] = await Promise.all([
    readDevice(log),
    log.lastOfType('signed-in'),
    log.lastOfType('signed-out'),
    log.lastOfType('screen-locked'),
    log.lastOfType('screen-unlocked'),
    log.ofTypes(['pin-set']),
  ]);
  const signIn = signedIn.records[0];
  const signInEvent = eventOf(signIn, 'signed-in');
  if (!device || !signIn || !signInEvent) return null;
  const seqOf = (record: LogRecord | undefined) => record?.seq ?? 0;
  if (seqOf(signedOut.records[0]) > signIn.seq) return null;
  const lock = locked.records[0];
  const lockEvent = eventOf(lock, 'screen-locked');
  const isLocked = lock && lockEvent && lock.seq > Math.max(signIn.seq, seqOf(unlocked.records[0]));
  return {
    staffNo: signIn.staffNo,
    role: signInEvent.role,
    counter: device.counter,
    signedInSeq: signIn.seq,
    locked: isLocked ? { reason: lockEvent.reason, atMs: Date.parse(lock.at) } : null,
    mustChangePin: pinSetByOther(pinsSet.records, signIn.staffNo),
  };
}
