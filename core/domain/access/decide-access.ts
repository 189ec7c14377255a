/**
 * Access as a Decider: first run, sign-in and its waits, the screen lock, sign-out, PINs, accounts
 * and configuration. Pure: the PIN checks and hashes arrive as evidence (see device/commands.ts).
 * Every change and every failed attempt becomes a record; a sign-in over a locked session first
 * ends that session with its own record.
 */
import { CounterSchema, StaffNumberSchema } from '../catalog';
import { ConfigChangeSchema, serviceContext } from '../device/config';
import { configProblem } from '../device/config-problem';
import { numberPhrase, phraseProblem } from '../device/config-phrases';
import type {
  AccessCommand,
  Command,
  Decision,
  DecideEnv,
  PlannedRecord,
} from '../device/commands';
import { mustChangePin, openService, type DeviceState, type Session } from '../device/state';
import type { DomainEvent } from '../log/events';
import { can, type Ability } from '../permissions';
import { refusal, type Refusal, type RefusalCode } from '../refusal';
import { decideService } from '../service/engine';
import { summaryOf } from '../service/shift-summary';
import { judgePin } from './judge-pin';
import { checkNewPin } from './pin';

const refused = (code: RefusalCode, extra: Omit<Refusal, 'code'> = {}): Decision => ({
  records: [],
  refusal: refusal(code, extra),
});
const accepted = (records: PlannedRecord[]): Decision => ({ records, refusal: null });
const by = (staffNo: string | null, event: DomainEvent, serviceId: string | null = null) => ({
  staffNo,
  serviceId,
  event,
});

/** The signed-in, unlocked person, if they may use `ability` (or just be signed in: null). */
export function activeSession(
  state: DeviceState,
  ability: Ability | null,
  options: { evenBeforePinChange?: boolean } = {},
): { session: Session } | { refusal: Refusal } {
  const { session } = state;
  if (!session) return { refusal: refusal('not-signed-in') };
  if (session.locked) return { refusal: refusal('screen-locked') };
  if (!options.evenBeforePinChange && mustChangePin(state)) {
    return { refusal: refusal('pin-change-required') };
  }
  if (ability && !can(session.role, ability)) return { refusal: refusal('forbidden') };
  return { session };
}

/** The records that end `session` because someone signs in over it (it was locked). */
function endReplacedSession(state: DeviceState, session: Session, author: string): PlannedRecord {
  return by(author, {
    type: 'signed-out',
    reason: 'replaced',
    openServiceId: openService(state)?.serviceId ?? null,
    summary: summaryOf(session.tally),
  });
}

export function decideAccess(state: DeviceState, command: AccessCommand, env: DecideEnv): Decision {
  switch (command.type) {
    case 'first-run': {
      if (state.counter !== null || state.accounts.size > 0)
        return refused('device-already-set-up');
      const counter = command.counter.trim();
      const staffNo = command.staffNo.trim();
      if (!CounterSchema.safeParse(counter).success) return refused('invalid-counter');
      if (!StaffNumberSchema.safeParse(staffNo).success) return refused('invalid-staff-number');
      const pinProblem = checkNewPin(command.pin, command.confirmation);
      if (pinProblem) return refused(pinProblem);
      if (!env.newPin || !env.identity) return refused('device-not-set-up');
      return accepted([
        by(null, { type: 'device-identity', ...env.identity }),
        by(staffNo, { type: 'device-set-up', counter }),
        by(staffNo, { type: 'account-created', subject: staffNo, role: 'manager' }),
        by(staffNo, {
          type: 'pin-set',
          subject: staffNo,
          reason: 'created',
          commitment: env.newPin.commitment,
        }),
        by(staffNo, { type: 'signed-in', role: 'manager' }),
      ]);
    }

    case 'finish-restore': {
      const staffNo = command.staffNo.trim();
      const account = state.accounts.get(staffNo);
      if (!state.identity || !state.restoring) return refused('device-not-set-up');
      if (!account || !account.enabled || account.role !== 'manager')
        return refused('no-such-account');
      const pinProblem = checkNewPin(command.pin, command.confirmation);
      if (pinProblem) return refused(pinProblem);
      if (!env.newPin || !env.identity) return refused('device-not-set-up');
      return {
        records: [
          by(null, {
            type: 'device-restored',
            previousDevice: state.identity.deviceId,
            deviceId: env.identity.deviceId,
            algorithm: env.identity.algorithm,
            publicKey: env.identity.publicKey,
          }),
          by(staffNo, {
            type: 'pin-set',
            subject: staffNo,
            reason: 'reset',
            commitment: env.newPin.commitment,
          }),
          by(staffNo, { type: 'signed-in', role: 'manager' }),
        ],
        refusal: null,
        checkpoint: 'restore',
      };
    }

    case 'sign-in': {
      const staffNo = command.staffNo.trim();
      if (!StaffNumberSchema.safeParse(staffNo).success) return refused('invalid-staff-number');
      if (state.counter === null) return refused('device-not-set-up');
      const current = state.session;
      if (current && !current.locked) return refused('session-active');
      const judged = judgePin(state, env.pin, 'sign-in', env.now);
      if (judged) return judged;
      const role = state.accounts.get(staffNo)?.role ?? 'clerk';
      return accepted([
        ...(current ? [endReplacedSession(state, current, staffNo)] : []),
        by(staffNo, { type: 'signed-in', role }),
      ]);
    }

    case 'lock': {
      const { session } = state;
      if (!session) return refused('not-signed-in');
      if (session.locked) return accepted([]);
      return accepted([by(session.staffNo, { type: 'screen-locked', reason: command.reason })]);
    }

    case 'unlock': {
      const { session } = state;
      if (!session) return refused('not-signed-in');
      if (!session.locked) return refused('not-locked');
      const staffNo = command.staffNo?.trim() || session.staffNo;
      if (!StaffNumberSchema.safeParse(staffNo).success) return refused('invalid-staff-number');
      const judged = judgePin(state, env.pin, 'unlock', env.now);
      if (judged) return judged;
      const self = staffNo === session.staffNo;
      const account = state.accounts.get(staffNo);
      if (!self && !(account && can(account.role, 'unlock-for-others'))) {
        return {
          records: [
            by(staffNo, {
              type: 'sign-in-failed',
              subject: staffNo,
              reason: 'not-allowed',
              during: 'unlock',
              failuresInARow: 0,
            }),
          ],
          refusal: refusal('forbidden'),
        };
      }
      const records: PlannedRecord[] = [
        by(staffNo, { type: 'screen-unlocked', as: self ? 'self' : 'manager' }),
      ];
      const open = openService(state);
      if (open?.awaySince != null) {
        // Coming back to the seat is recorded with the unlock (step 14, with the absence), and it
        // is the clerk who came back, whoever's PIN opened the screen.
        const back = decideService(
          open,
          { type: 'return-to-seat', serviceId: open.serviceId },
          serviceContext(state.config, env.now, env.mono),
        );
        if (back.ok)
          records.push(...back.value.map((event) => by(session.staffNo, event, open.serviceId)));
      }
      return accepted(records);
    }

    case 'sign-out': {
      const active = activeSession(state, null, { evenBeforePinChange: true });
      if ('refusal' in active) return { records: [], refusal: active.refusal };
      const { session } = active;
      const open = openService(state);
      // Whoever can serve finishes or ends the customer first; an auditor cannot, and leaves it
      // open for the clerk, which the record says.
      if (open && can(session.role, 'run-service')) return refused('service-open');
      return accepted([
        by(session.staffNo, {
          type: 'signed-out',
          reason: 'self',
          openServiceId: open?.serviceId ?? null,
          summary: summaryOf(session.tally),
        }),
      ]);
    }

    case 'change-own-pin': {
      const active = activeSession(state, null, { evenBeforePinChange: true });
      if ('refusal' in active) return { records: [], refusal: active.refusal };
      const judged = judgePin(state, env.pin, 'pin-change', env.now);
      if (judged) return judged;
      const pinProblem = checkNewPin(command.pin, command.confirmation);
      if (pinProblem) return refused(pinProblem);
      if (command.pin === command.currentPin) return refused('same-pin');
      if (!env.newPin) return refused('pin-format');
      const { staffNo } = active.session;
      return accepted([
        by(staffNo, {
          type: 'pin-set',
          subject: staffNo,
          reason: 'changed',
          commitment: env.newPin.commitment,
        }),
      ]);
    }

    case 'create-account': {
      const active = activeSession(state, 'manage-accounts');
      if ('refusal' in active) return { records: [], refusal: active.refusal };
      const subject = command.staffNo.trim();
      if (!StaffNumberSchema.safeParse(subject).success) return refused('invalid-staff-number');
      if (state.accounts.has(subject)) return refused('account-exists');
      const pinProblem = checkNewPin(command.pin, command.confirmation);
      if (pinProblem) return refused(pinProblem);
      if (!env.newPin) return refused('pin-format');
      const author = active.session.staffNo;
      return accepted([
        by(author, { type: 'account-created', subject, role: command.role }),
        by(author, {
          type: 'pin-set',
          subject,
          reason: 'created',
          commitment: env.newPin.commitment,
        }),
      ]);
    }

    case 'reset-pin': {
      const active = activeSession(state, 'manage-accounts');
      if ('refusal' in active) return { records: [], refusal: active.refusal };
      if (!state.accounts.has(command.subject)) return refused('no-such-account');
      const pinProblem = checkNewPin(command.pin, command.confirmation);
      if (pinProblem) return refused(pinProblem);
      if (!env.newPin) return refused('pin-format');
      return accepted([
        by(active.session.staffNo, {
          type: 'pin-set',
          subject: command.subject,
          reason: 'reset',
          commitment: env.newPin.commitment,
        }),
      ]);
    }

    case 'set-account-enabled': {
      const active = activeSession(state, 'manage-accounts');
      if ('refusal' in active) return { records: [], refusal: active.refusal };
      const account = state.accounts.get(command.subject);
      if (!account) return refused('no-such-account');
      if (command.subject === active.session.staffNo) return refused('cannot-disable-self');
      if (account.enabled === command.enabled) return accepted([]);
      return accepted([
        by(active.session.staffNo, {
          type: command.enabled ? 'account-enabled' : 'account-disabled',
          subject: command.subject,
        }),
      ]);
    }

    case 'change-config': {
      const active = activeSession(state, 'change-config');
      if ('refusal' in active) return { records: [], refusal: active.refusal };
      const input = numberPhrase(state.config.phrases, command.change);
      const change = ConfigChangeSchema.safeParse(input);
      if (!change.success) {
        const problem = configProblem(input);
        return refused('invalid-config', problem ? { config: problem } : {});
      }
      if (change.data.key === 'phrase-added' || change.data.key === 'phrase-retired') {
        const problem = phraseProblem(state.config.phrases, change.data);
        if (problem) return refused('invalid-config', { config: problem });
      }
      return accepted([
        by(active.session.staffNo, { type: 'config-changed', change: change.data }),
      ]);
    }
  }
}

/**
 * Which PIN the storage must check (and for whom), and which new PIN it must hash, before
 * `decide` can judge `command`. Pure, so the storage never guesses whose PIN a command carries.
 */
export function evidenceNeeded(
  state: DeviceState,
  command: Command,
): {
  checkPin?: { staffNo: string; pin: string };
  newPin?: { staffNo: string; pin: string; confirmation: string };
  identity?: true;
  /** The service an amendment corrects, to be folded from its records. */
  service?: string;
} {
  const sessionStaff = state.session?.staffNo ?? '';
  switch (command.type) {
    case 'first-run':
    case 'finish-restore':
      return {
        newPin: {
          staffNo: command.staffNo.trim(),
          pin: command.pin,
          confirmation: command.confirmation,
        },
        identity: true,
      };
    case 'sign-in':
      return { checkPin: { staffNo: command.staffNo.trim(), pin: command.pin } };
    case 'unlock':
      return { checkPin: { staffNo: command.staffNo?.trim() || sessionStaff, pin: command.pin } };
    case 'change-own-pin':
      return {
        checkPin: { staffNo: sessionStaff, pin: command.currentPin },
        newPin: { staffNo: sessionStaff, pin: command.pin, confirmation: command.confirmation },
      };
    case 'create-account':
      return {
        newPin: {
          staffNo: command.staffNo.trim(),
          pin: command.pin,
          confirmation: command.confirmation,
        },
      };
    case 'reset-pin':
      return {
        newPin: { staffNo: command.subject, pin: command.pin, confirmation: command.confirmation },
      };
    case 'amend-service':
    case 'record-spot-check':
      return { service: command.target };
    case 'record-complaint':
      // The manager on duty's PIN, when the clerk escalates the complaint to them.
      return command.outcome === 'escalated'
        ? { checkPin: { staffNo: command.manager?.trim() ?? '', pin: command.managerPin ?? '' } }
        : {};
    default:
      return {};
  }
}
