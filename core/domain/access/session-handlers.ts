/**
 * A person's session: signing in (over a locked session, which is ended with its own record),
 * locking and unlocking the screen (a manager may unlock for others), signing out and changing
 * one's own PIN. Every failed PIN becomes a record (judgePin).
 */
import { StaffNumberSchema } from '../catalog';
import type { AccessCommand, PlannedRecord } from '../device/commands';
import { serviceContext } from '../device/config';
import type { HandlersFor } from '../device/handlers';
import { openService, type DeviceState, type Session } from '../device/state';
import { can } from '../permissions';
import { refusal } from '../refusal';
import { decideService } from '../service/engine';
import { summaryOf } from '../service/shift-summary';
import { accepted, activeSession, by, refused } from './active-session';
import { judgePin } from './judge-pin';
import { checkNewPin, personKeyOf } from './pin';

/** The records that end `session` because someone signs in over it (it was locked). */
function endReplacedSession(state: DeviceState, session: Session, author: string): PlannedRecord {
  return by(author, {
    type: 'signed-out',
    reason: 'replaced',
    openServiceId: openService(state)?.serviceId ?? null,
    summary: summaryOf(session.tally),
  });
}

export const sessionHandlers = {
  'sign-in': (state, command, env) => {
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
  },
  lock: (state, command) => {
    const { session } = state;
    if (!session) return refused('not-signed-in');
    if (session.locked) return accepted([]);
    return accepted([by(session.staffNo, { type: 'screen-locked', reason: command.reason })]);
  },
  unlock: (state, command, env) => {
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
  },
  'sign-out': (state) => {
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
  },
  'change-own-pin': (state, command, env) => {
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
        ...personKeyOf(env.newPin),
      }),
    ]);
  },
} satisfies HandlersFor<
  Extract<AccessCommand, { type: 'sign-in' | 'lock' | 'unlock' | 'sign-out' | 'change-own-pin' }>
>;
