/**
 * What verification checks beyond the hashes: replaying the log, every record must have been
 * allowed for its author at that point — the same rules the domain applies when it decides. A
 * record forged with DevTools can link perfectly and still break one of these: a clerk creating a
 * manager, a sign-in claiming a role the account does not have, an auditor recording a step.
 */
import { activeSession } from '../access/active-session';
import type { ConfigChange } from '../device/config';
import { phraseProblem, type PhrasePlaceProblem } from '../device/config-phrases';
import { openService, type DeviceState } from '../device/state';
import { can } from '../permissions';
import { openingEditProblem } from '../shift/opening-items';
import { shiftAbility, shiftProblem } from '../shift/shift-rules';
import { stepsBlockingFinish } from '../service/engine';
import type { LogRecord } from './records';
import { clockToleranceMs, clockWentBack, ticketRepeated } from './time-rules';

export type RuleCode =
  | 'first-record'
  | 'version-downgrade'
  | 'wrong-device'
  | 'wrong-counter'
  | 'device-record-by-staff'
  | 'staff-record-without-staff'
  | 'identity-repeated'
  | 'upgrade-misplaced'
  | 'device-set-up-twice'
  | 'no-such-account'
  | 'account-exists'
  | 'disables-self'
  | 'account-disabled'
  | 'role-mismatch'
  | 'not-signed-in'
  | 'not-session-owner'
  | 'screen-locked'
  | 'pin-change-required'
  | 'not-allowed-for-role'
  | 'session-still-active'
  | 'replace-without-sign-in'
  | 'not-locked'
  | 'service-left-open'
  | 'service-already-open'
  | 'not-the-open-service'
  | 'finished-with-steps-pending'
  | 'rated-twice'
  | 'rating-proof'
  | 'no-complaint'
  | 'complaint-repeated'
  | 'complaint-recorded-twice'
  | 'escalation-unconfirmed'
  | 'escalation-not-by-manager'
  | 'no-such-follow-up'
  | 'phrase-out-of-order'
  | 'phrase-repeated'
  | 'phrases-over-limit'
  | 'phrase-not-added'
  /** Person signatures (person-signatures.ts, decision 0063). */
  | 'signature-missing'
  | 'signature-invalid'
  | 'pin-without-key'
  // Time and repeats (time-rules.ts).
  | 'clock-went-back'
  | 'ticket-called-twice'
  | 'ticket-served-twice'
  | 'service-id-repeated'
  // The shift around the services (shift-rules.ts).
  | 'opening-items-rewritten'
  | 'shift-record-not-allowed';

/** Context the replay carries between records, beyond the device state itself. */
export interface RuleContext {
  /** The first manager, between the first-run records and their sign-in. */
  bootstrap: string | null;
  /** A session was ended for a sign-in: the next record must be that sign-in, by this person. */
  replacing: string | null;
  /** A restore just happened: a manager of the log sets their own new PIN, then signs in. */
  restored: boolean;
  /** A complaint was escalated: the next record must be this manager's confirmation of it. */
  escalating: { serviceId: string | null; manager: string } | null;
}

export const INITIAL_RULE_CONTEXT: RuleContext = {
  bootstrap: null,
  replacing: null,
  restored: false,
  escalating: null,
};

const DEVICE_EVENTS: ReadonlySet<string> = new Set([
  'device-identity',
  'device-restored',
  'log-upgraded',
  'checkpoint',
]);
const SERVICE_EVENTS: ReadonlySet<string> = new Set([
  'service-started',
  'customer-named',
  'step-done',
  'step-skipped',
  'step-not-applicable',
  'seat-left',
  'seat-returned',
  'money-announced',
  'recommendation-recorded',
  'next-called',
  'service-finished',
  'service-abandoned',
  'complaint-started',
  'complaint-step',
  'complaint-recorded',
]);

/** The session gate, as a rule: the author is the signed-in, unlocked person and may do this. */
function sessionRule(
  state: DeviceState,
  author: string,
  ability: Parameters<typeof activeSession>[1],
  options: { evenBeforePinChange?: boolean } = {},
): RuleCode | null {
  const { session } = state;
  if (!session) return 'not-signed-in';
  if (session.staffNo !== author) return 'not-session-owner';
  const active = activeSession(state, ability, options);
  if ('session' in active) return null;
  switch (active.refusal.code) {
    case 'screen-locked':
      return 'screen-locked';
    case 'pin-change-required':
      return 'pin-change-required';
    default:
      return 'not-allowed-for-role';
  }
}

function serviceRule(state: DeviceState, record: LogRecord, author: string): RuleCode | null {
  const { event } = record;
  const open = openService(state);
  // v1 wrote the return to the seat under the PIN that unlocked, a manager's included.
  const returning = event.type === 'seat-returned' && record.v === 1;
  if (!returning) {
    const gate = sessionRule(state, author, 'run-service');
    if (gate) return gate;
  }
  if (event.type === 'service-started') return open ? 'service-already-open' : null;
  if (event.type === 'next-called' && record.serviceId === null) {
    return open ? 'service-already-open' : null;
  }
  if (!open || record.serviceId !== open.serviceId) return 'not-the-open-service';
  if (
    event.type === 'service-finished' &&
    stepsBlockingFinish(state.config.flow, open, state.config.complaintFlow).length > 0
  ) {
    return 'finished-with-steps-pending';
  }
  if (event.type === 'complaint-started') return open.complaint ? 'complaint-repeated' : null;
  if (event.type === 'complaint-step' || event.type === 'complaint-recorded') {
    if (!open.complaint) return 'no-complaint';
    if (event.type === 'complaint-recorded' && open.complaint.record) {
      return 'complaint-recorded-twice';
    }
  }
  return null;
}

/**
 * The manager's confirmation of an escalation: right after the clerk's record naming them, by
 * them, an enabled account that may take escalations, at the clerk's unlocked screen.
 */
function escalationRule(
  state: DeviceState,
  context: RuleContext,
  record: LogRecord,
): RuleCode | null {
  const pending = context.escalating;
  if (!pending || pending.serviceId !== record.serviceId || pending.manager !== record.staffNo) {
    return 'escalation-not-by-manager';
  }
  if (!state.session) return 'not-signed-in';
  if (state.session.locked) return 'screen-locked';
  const account = state.accounts.get(pending.manager);
  if (!account) return 'no-such-account';
  if (!account.enabled) return 'account-disabled';
  return can(account.role, 'confirm-escalation') ? null : 'escalation-not-by-manager';
}

const PHRASE_RULES: Record<PhrasePlaceProblem['kind'], RuleCode> = {
  'phrase-out-of-order': 'phrase-out-of-order',
  'phrase-duplicate': 'phrase-repeated',
  'phrase-full': 'phrases-over-limit',
  'phrase-not-added': 'phrase-not-added',
};

/** A change that depends on what is configured already: the store's words never to say. */
function configRule(state: DeviceState, change: ConfigChange): RuleCode | null {
  if (change.key === 'opening-items') {
    return openingEditProblem(state.config.openingItems, change.value)
      ? 'opening-items-rewritten'
      : null;
  }
  if (change.key !== 'phrase-added' && change.key !== 'phrase-retired') return null;
  const problem = phraseProblem(state.config.phrases, change);
  return problem ? PHRASE_RULES[problem.kind] : null;
}

/** Whether any PIN in `state` commits a signing key: from then on every new PIN must. */
export const signaturesInForce = (state: DeviceState): boolean =>
  [...state.pins.values()].some((pin) => pin.personKey !== null);

/** The rule `record` breaks when appended to `state`, or null. Checkpoint signatures are apart. */
export function ruleBroken(
  state: DeviceState,
  context: RuleContext,
  record: LogRecord,
): RuleCode | null {
  const { event, staffNo } = record;

  if (state.head.seq === 0) {
    const starts =
      record.v === 2 ? event.type === 'device-identity' : event.type === 'device-set-up';
    if (!starts) return 'first-record';
  }
  if (record.v === 1 && (state.identity || state.upgraded)) return 'version-downgrade';
  const time = timeAndRepeatRule(state, record);
  if (time) return time;
  if (record.v === 2) {
    // A record names the device that wrote it: after a restore, the new tablet.
    const writer =
      event.type === 'device-identity' || event.type === 'device-restored'
        ? event.deviceId
        : state.identity?.deviceId;
    if (record.device !== writer) return 'wrong-device';
    if (event.type === 'device-identity' && state.identity) return 'identity-repeated';
  }
  if (state.counter !== null && record.counter !== null && record.counter !== state.counter) {
    return 'wrong-counter';
  }
  if (event.type === 'service-rated') {
    // The customer display rates the service that just ended, once.
    if (staffNo !== null) return 'device-record-by-staff';
    const service = state.service;
    if (!service || service.serviceId !== record.serviceId || service.outcome === 'open') {
      return 'not-the-open-service';
    }
    return service.rating === null ? null : 'rated-twice';
  }
  if (DEVICE_EVENTS.has(event.type)) {
    if (staffNo !== null) return 'device-record-by-staff';
    if (event.type === 'device-restored' && !state.identity) return 'first-record';
    // An upgraded v1 log: its new identity first, then the upgrade record, once.
    if (event.type === 'log-upgraded' && (!state.legacy || state.upgraded || !state.identity)) {
      return 'upgrade-misplaced';
    }
    return null;
  }
  if (staffNo === null) return 'staff-record-without-staff';
  if (
    context.replacing !== null &&
    !(event.type === 'signed-in' && staffNo === context.replacing)
  ) {
    return 'replace-without-sign-in';
  }
  if (context.escalating !== null && event.type !== 'escalation-confirmed') {
    return 'escalation-unconfirmed';
  }
  if (SERVICE_EVENTS.has(event.type)) return serviceRule(state, record, staffNo);
  if (event.type === 'escalation-confirmed') return escalationRule(state, context, record);

  const inBootstrap = context.bootstrap === staffNo;
  switch (event.type) {
    case 'device-set-up':
      return state.counter === null ? null : 'device-set-up-twice';
    case 'account-created':
      if (state.accounts.size === 0) {
        // The first run: the first manager creates themselves, right after the device is set up.
        return event.subject === staffNo && event.role === 'manager' && state.counter !== null
          ? null
          : 'not-allowed-for-role';
      }
      if (state.accounts.has(event.subject)) return 'account-exists';
      return sessionRule(state, staffNo, 'manage-accounts');
    case 'account-disabled':
    case 'account-enabled':
      if (!state.accounts.has(event.subject)) return 'no-such-account';
      if (event.subject === staffNo) return 'disables-self';
      return sessionRule(state, staffNo, 'manage-accounts');
    case 'pin-set':
      if (!state.accounts.has(event.subject)) return 'no-such-account';
      if (record.v === 2 && !event.personKey && signaturesInForce(state)) return 'pin-without-key';
      if (inBootstrap && event.subject === staffNo) return null;
      if (context.restored && event.subject === staffNo) {
        const account = state.accounts.get(staffNo);
        return account?.enabled && account.role === 'manager' ? null : 'not-allowed-for-role';
      }
      if (event.reason === 'changed') {
        if (event.subject !== staffNo) return 'not-session-owner';
        return sessionRule(state, staffNo, null, { evenBeforePinChange: true });
      }
      return sessionRule(state, staffNo, 'manage-accounts');
    case 'config-changed':
      return sessionRule(state, staffNo, 'change-config') ?? configRule(state, event.change);
    case 'export-made':
      return sessionRule(state, staffNo, 'export-log');
    case 'service-amended':
      return sessionRule(state, staffNo, 'amend-service');
    case 'log-imported':
      return sessionRule(state, staffNo, 'import-log');
    case 'personal-values-erased':
      return sessionRule(state, staffNo, 'erase-personal-values');
    case 'follow-up-closed': {
      const followUp = state.followUps.get(event.target);
      if (!followUp || followUp.closed) return 'no-such-follow-up';
      return sessionRule(state, staffNo, 'close-follow-up');
    }
    case 'opening-check-recorded':
    case 'opening-item-resolved':
    case 'handover-written':
    case 'handover-acknowledged':
    case 'handover-item-closed':
      return (
        sessionRule(state, staffNo, shiftAbility(event)) ??
        (shiftProblem(state, staffNo, event) ? 'shift-record-not-allowed' : null)
      );
    case 'spot-check-recorded':
      return sessionRule(
        state,
        staffNo,
        event.kind === 'mutual-check' ? 'run-service' : 'spot-check',
      );
    case 'signed-in': {
      const account = state.accounts.get(staffNo);
      if (!account) return 'no-such-account';
      if (!account.enabled) return 'account-disabled';
      if (account.role !== event.role) return 'role-mismatch';
      // v1 let a sign-in replace a locked session silently; v2 ends it with its own record first.
      if (record.v === 2 && state.session && context.replacing !== staffNo)
        return 'session-still-active';
      return null;
    }
    case 'signed-out': {
      if (!state.session) return 'not-signed-in';
      if (event.reason === 'replaced') return state.session.locked ? null : 'not-locked';
      const gate = sessionRule(state, staffNo, null, { evenBeforePinChange: true });
      if (gate) return gate;
      const open = openService(state);
      if (record.v === 2 && open && can(state.session.role, 'run-service'))
        return 'service-left-open';
      return null;
    }
    case 'screen-locked':
      if (!state.session) return 'not-signed-in';
      return state.session.staffNo === staffNo ? null : 'not-session-owner';
    case 'screen-unlocked': {
      if (!state.session) return 'not-signed-in';
      if (!state.session.locked) return 'not-locked';
      if (event.as === 'self')
        return state.session.staffNo === staffNo ? null : 'not-session-owner';
      const account = state.accounts.get(staffNo);
      if (!account) return 'no-such-account';
      if (!account.enabled) return 'account-disabled';
      return can(account.role, 'unlock-for-others') ? null : 'not-allowed-for-role';
    }
    case 'sign-in-failed':
    case 'account-locked-out':
      return event.subject === staffNo ? null : 'not-session-owner';
  }
  return null;
}

/**
 * Time only moves forward, and a ticket is called and served once a business day
 * (time-rules.ts). A v2 record after a v2 record only: release 0.1.0 checked none of it.
 */
export function timeAndRepeatRule(state: DeviceState, record: LogRecord): RuleCode | null {
  const afterV1 = state.legacy && !state.identity;
  if (record.v === 1 || afterV1) return null;
  const atMs = Date.parse(record.at);
  if (clockWentBack(state.head.atMs, atMs, clockToleranceMs(state.config)) !== null) {
    return 'clock-went-back';
  }
  return ticketRepeated(state.tickets, record.event, atMs, state.config);
}

/** Moves the replay's own context past `record` (the device state moves with evolveDevice). */
export function nextRuleContext(
  state: DeviceState,
  context: RuleContext,
  record: LogRecord,
): RuleContext {
  const { event, staffNo } = record;
  let { bootstrap, replacing, restored, escalating } = context;
  if (event.type === 'escalation-confirmed') escalating = null;
  if (event.type === 'complaint-recorded' && event.outcome.kind === 'escalated') {
    escalating = { serviceId: record.serviceId, manager: event.outcome.manager };
  }
  if (event.type === 'device-restored') restored = true;
  if (event.type === 'account-created' && state.accounts.size === 0) bootstrap = staffNo;
  if (event.type === 'signed-in') {
    bootstrap = null;
    replacing = null;
    restored = false;
  }
  if (event.type === 'signed-out' && event.reason === 'replaced') replacing = staffNo;
  return { bootstrap, replacing, restored, escalating };
}
