/**
 * Loads the device's state at start without reading the whole log: the fold of exactly the records
 * each part of the state depends on, through the same `evolveDevice` the rest of the app uses.
 *
 * - identity, keys, counter, accounts, PINs, configuration, complaints' follow-ups: every record
 *   of those types (few);
 * - the session: every record since the last sign-in (one shift at most), which also holds the head;
 * - the latest service: its own records (it may have started before that sign-in);
 * - the ticket called: the last `next-called` record;
 * - the tickets called and served on the last record's business day (time-rules.ts): that day's
 *   records, read back from the end.
 *
 * A test proves this gives the same state as folding every record.
 */
import { foldDevice, type DeviceState } from '../../core/domain/device/state';
import type { EventType } from '../../core/domain/log/events';
import { businessDay } from '../../core/domain/device/business-day';
import type { InvalidRecord, LogRecord, ReadResult } from '../../core/domain/log/records';
import type { EventLog } from './event-log';

export const REGISTRY_TYPES: readonly EventType[] = [
  'device-identity',
  'log-upgraded',
  'checkpoint',
  'device-set-up',
  'account-created',
  'account-disabled',
  'account-enabled',
  'pin-set',
  'config-changed',
  // The follow-ups complaints promised, and their closing (few).
  'complaint-recorded',
  'follow-up-closed',
];

export interface LoadedState {
  state: DeviceState;
  /** Rows that failed validation among those read: shown, never dropped silently. */
  invalid: InvalidRecord[];
  /**
   * The sign-in that opened the session in force, and the state just before it: a session is
   * opened only from a sign-in signed by its person (decision 0063), which the store checks.
   */
  signIn: { record: LogRecord; before: DeviceState } | null;
}

export async function loadState(log: EventLog): Promise<LoadedState> {
  const [registry, lastSignIn, lastStart, lastCall] = await Promise.all([
    log.ofTypes(REGISTRY_TYPES),
    log.lastOfType('signed-in'),
    log.lastOfType('service-started'),
    log.lastOfType('next-called'),
  ]);
  const [shift, service] = await Promise.all([
    log.after(lastSignIn ? lastSignIn.seq - 1 : 0),
    lastStart?.serviceId ? log.service(lastStart.serviceId) : null,
  ]);
  const bySeq = new Map<number, LogRecord>();
  for (const record of [
    ...registry.records,
    ...shift.records,
    ...(service?.records ?? []),
    ...(lastCall ? [lastCall] : []),
  ]) {
    bySeq.set(record.seq, record);
  }
  const records = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const invalid = new Map<number | null, InvalidRecord>();
  for (const bad of [...registry.invalid, ...shift.invalid, ...(service?.invalid ?? [])]) {
    invalid.set(bad.seq, bad);
  }
  const partial = foldDevice(records);
  const today = await todaysRecords(log, partial);
  for (const bad of today.invalid) invalid.set(bad.seq, bad);
  for (const record of today.records) bySeq.set(record.seq, record);
  const all =
    today.records.length === 0 ? records : [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const state = today.records.length === 0 ? partial : foldDevice(all);
  const opened = state.session
    ? all.find((record) => record.seq === state.session?.signedInSeq)
    : undefined;
  const signIn = opened
    ? { record: opened, before: foldDevice(all.filter((record) => record.seq < opened.seq)) }
    : null;
  return { state, invalid: [...invalid.values()], signIn };
}

/** The records of the business day of the log's last record (a day's few thousand at most). */
function todaysRecords(log: EventLog, state: DeviceState): Promise<ReadResult> {
  const { atMs } = state.head;
  if (atMs === null) return Promise.resolve({ records: [], invalid: [] });
  const day = businessDay(atMs, dayBoundary(state.config));
  return log.tailWhile((row) => {
    const at = Date.parse(String((row as { at?: unknown } | null)?.at));
    return Number.isFinite(at) && businessDay(at, dayBoundary(state.config)) === day;
  });
}

const dayBoundary = (config: DeviceState['config']) => ({
  timeZone: config.timeZone,
  dayStartMinutes: config.dayStartMinutes,
});
