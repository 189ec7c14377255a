/**
 * The device's state as a fold of its log: identity and signing key chain, counter, accounts and
 * PIN commitments, configuration, who is signed in, the latest service and the ticket called.
 * `evolveDevice` is the one fold: the command path keeps its result in memory and moves it forward
 * with each append; verification replays the whole log through it to judge every record.
 */
import { algorithmOf, type KeyAlgorithm } from '../log/signing';
import { GENESIS_HASH, type PublicKeyJwk } from '../log/events';
import type { LogRecord } from '../log/records';
import type { Role } from '../permissions';
import { evolveService, type ServiceState } from '../service/engine';
import { EMPTY_TALLY, tallyService, type ShiftTally } from '../service/shift-summary';
import { DEFAULT_CONFIG, applyConfigChange, type Config } from './config';
import { promisedDue, type ComplaintCategory, type FollowUpResult } from '../service/complaint';
import { nextDayTickets, type DayTickets } from '../log/time-rules';
import { INITIAL_SHIFT, evolveShift, type ShiftState } from '../shift/shift-state';
import { SHIFT_EVENT_TYPES } from '../log/shift-events';
import { businessDay } from './business-day';

export interface Account {
  staffNo: string;
  role: Role;
  enabled: boolean;
}

export interface PinRecord {
  /** Null only for a PIN set under log schema v1 and not yet committed by the upgrade. */
  commitment: string | null;
  /** Who set it: its owner, or a manager (a new account, a reset); null for the upgrade. */
  setBy: string | null;
  reason: 'created' | 'changed' | 'reset' | 'upgrade';
  seq: number;
  /** The public key the PIN unlocks (decision 0063); null for a PIN set before it. */
  personKey: PublicKeyJwk | null;
}

export interface Session {
  staffNo: string;
  /** Always the account's role, never what a sign-in record claims. */
  role: Role;
  signedInSeq: number;
  locked: { reason: 'idle' | 'leave-seat' | 'manual'; atMs: number } | null;
  /** The clerk's own services that ended during this session. */
  tally: ShiftTally;
}

/** A complaint's promised follow-up, from its record; closed by a manager's record. */
export interface FollowUp {
  serviceId: string;
  /** Who recorded the complaint, and when (epoch ms). */
  staffNo: string | null;
  atMs: number;
  category: ComplaintCategory;
  summary: string | null;
  /** The business day it was promised by. */
  due: string;
  closed: { by: string | null; atMs: number; result: FollowUpResult; note: string | null } | null;
}

export interface DeviceState {
  head: { seq: number; hash: string; atMs: number | null };
  /** The log began under schema v1 (release 0.1.0); `upgraded` once its upgrade record is in. */
  legacy: boolean;
  upgraded: boolean;
  identity: {
    deviceId: string;
    algorithm: KeyAlgorithm;
    firstKey: PublicKeyJwk;
    seq: number;
  } | null;
  /** The public key that signs the next checkpoint (index 0: the identity's). */
  keys: { index: number; current: PublicKeyJwk; lastCheckpointSeq: number } | null;
  counter: string | null;
  /** This device holds a restored backup and its restore is not finished (finish-restore). */
  restoring: boolean;
  accounts: ReadonlyMap<string, Account>;
  pins: ReadonlyMap<string, PinRecord>;
  config: Config;
  session: Session | null;
  /** The latest service, open or ended. */
  service: ServiceState | null;
  lastCalled: string | null;
  /** The tickets called and served on the last record's business day (time-rules.ts). */
  tickets: DayTickets | null;
  /** Every follow-up a complaint promised, by its service. */
  followUps: ReadonlyMap<string, FollowUp>;
  /** Opening checks, items found Not OK, handovers (shift/shift-state.ts). */
  shift: ShiftState;
}

export const INITIAL_STATE: DeviceState = {
  head: { seq: 0, hash: GENESIS_HASH, atMs: null },
  legacy: false,
  upgraded: false,
  identity: null,
  keys: null,
  counter: null,
  restoring: false,
  accounts: new Map(),
  pins: new Map(),
  config: DEFAULT_CONFIG,
  session: null,
  service: null,
  lastCalled: null,
  tickets: null,
  followUps: new Map(),
  shift: INITIAL_SHIFT,
};

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> =>
  new Map(map).set(key, value);

function evolveServiceAndTally(state: DeviceState, record: LogRecord, atMs: number): DeviceState {
  const service = evolveService(state.service, {
    serviceId: record.serviceId,
    seq: record.seq,
    atMs,
    mono: record.mono,
    staffNo: record.staffNo,
    event: record.event,
  });
  let { session, lastCalled } = state;
  if (record.event.type === 'next-called') lastCalled = record.event.nextTicket;
  const ended =
    service !== state.service && service?.outcome !== 'open' && state.service?.outcome === 'open';
  if (ended && service && session && service.startedBy === session.staffNo) {
    if (service.startedSeq > session.signedInSeq) {
      session = { ...session, tally: tallyService(session.tally, state.config.flow, service) };
    }
  }
  return { ...state, service, session, lastCalled };
}

/** Applies one record. Records that do not change the device's state leave it as it was. */
export function evolveDevice(state: DeviceState, record: LogRecord): DeviceState {
  const atMs = Date.parse(record.at);
  const next: DeviceState = {
    ...state,
    head: { seq: record.seq, hash: record.hash, atMs },
    legacy: state.legacy || record.v === 1,
    tickets: nextDayTickets(state.tickets, record, atMs, state.service, state.config),
  };
  const { event } = record;
  if (SHIFT_EVENT_TYPES.has(event.type)) {
    const day = businessDay(atMs, {
      timeZone: state.config.timeZone,
      dayStartMinutes: state.config.dayStartMinutes,
    });
    return { ...next, shift: evolveShift(state.shift, record, atMs, day) };
  }
  switch (event.type) {
    case 'device-identity':
      return {
        ...next,
        identity: {
          deviceId: event.deviceId,
          algorithm: algorithmOf(event.publicKey),
          firstKey: event.publicKey,
          seq: record.seq,
        },
        keys: { index: 0, current: event.publicKey, lastCheckpointSeq: 0 },
      };
    case 'device-restored':
      // The log goes on under the new tablet's id and key chain; the first key stays the
      // original device's, which is what auditors hold. Whoever was signed in on the old one is
      // not on this one.
      return {
        ...next,
        restoring: false,
        session: null,
        identity: next.identity ? { ...next.identity, deviceId: event.deviceId } : null,
        keys: { index: 0, current: event.publicKey, lastCheckpointSeq: record.seq },
      };
    case 'log-upgraded': {
      const pins = new Map(next.pins);
      for (const { subject, commitment } of event.credentials) {
        const known = pins.get(subject);
        pins.set(subject, {
          commitment,
          setBy: known?.setBy ?? null,
          reason: known?.reason ?? 'upgrade',
          seq: known?.seq ?? record.seq,
          personKey: known?.personKey ?? null,
        });
      }
      return { ...next, upgraded: true, pins };
    }
    case 'checkpoint':
      return {
        ...next,
        keys: { index: event.keyIndex + 1, current: event.nextKey, lastCheckpointSeq: record.seq },
      };
    case 'device-set-up':
      return { ...next, counter: event.counter };
    case 'account-created':
      return {
        ...next,
        accounts: withEntry(next.accounts, event.subject, {
          staffNo: event.subject,
          role: event.role,
          enabled: true,
        }),
      };
    case 'account-disabled':
    case 'account-enabled': {
      const account = next.accounts.get(event.subject);
      if (!account) return next;
      const enabled = event.type === 'account-enabled';
      return {
        ...next,
        accounts: withEntry(next.accounts, event.subject, { ...account, enabled }),
      };
    }
    case 'pin-set':
      return {
        ...next,
        pins: withEntry(next.pins, event.subject, {
          commitment: event.commitment,
          setBy: record.staffNo,
          reason: event.reason,
          seq: record.seq,
          personKey: event.personKey ?? null,
        }),
      };
    case 'signed-in': {
      if (!record.staffNo) return next;
      const role = next.accounts.get(record.staffNo)?.role ?? 'clerk';
      return {
        ...next,
        session: {
          staffNo: record.staffNo,
          role,
          signedInSeq: record.seq,
          locked: null,
          tally: EMPTY_TALLY,
        },
      };
    }
    case 'signed-out':
      return { ...next, session: null };
    case 'screen-locked':
      return next.session
        ? { ...next, session: { ...next.session, locked: { reason: event.reason, atMs } } }
        : next;
    case 'screen-unlocked':
      return next.session ? { ...next, session: { ...next.session, locked: null } } : next;
    case 'config-changed':
      return { ...next, config: applyConfigChange(next.config, event.change) };
    case 'complaint-recorded': {
      const evolved = evolveServiceAndTally(next, record, atMs);
      const due = promisedDue(event.outcome);
      if (due === null || !record.serviceId) return evolved;
      return {
        ...evolved,
        followUps: withEntry(next.followUps, record.serviceId, {
          serviceId: record.serviceId,
          staffNo: record.staffNo,
          atMs,
          category: event.category,
          summary: event.summary,
          due,
          closed: null,
        }),
      };
    }
    case 'follow-up-closed': {
      const followUp = next.followUps.get(event.target);
      if (!followUp) return next;
      const closed = { by: record.staffNo, atMs, result: event.result, note: event.note };
      return {
        ...next,
        followUps: withEntry(next.followUps, event.target, { ...followUp, closed }),
      };
    }
    case 'sign-in-failed':
    case 'account-locked-out':
    case 'export-made':
    case 'service-amended':
    case 'log-imported':
    case 'spot-check-recorded':
      return next;
    default:
      return evolveServiceAndTally(next, record, atMs);
  }
}

/** The state of a backup just restored: its records folded, waiting for finish-restore. */
export const restoredState = (state: DeviceState): DeviceState => ({ ...state, restoring: true });

export function foldDevice(
  records: Iterable<LogRecord>,
  from: DeviceState = INITIAL_STATE,
): DeviceState {
  let state = from;
  for (const record of records) state = evolveDevice(state, record);
  return state;
}

/**
 * The PIN in force was set by someone else (a manager creating the account or resetting it), so
 * that person knows it: nothing else is allowed until its owner chooses their own.
 */
export function mustChangePin(state: DeviceState): boolean {
  const session = state.session;
  if (!session) return false;
  return state.pins.get(session.staffNo)?.setBy !== session.staffNo;
}

export const openService = (state: DeviceState): ServiceState | null =>
  state.service?.outcome === 'open' ? state.service : null;
