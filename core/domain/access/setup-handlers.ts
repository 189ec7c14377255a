/**
 * Setting the device up: its first run (the first manager, the counter, the device's identity),
 * and finishing a restore onto a new tablet (a new identity, a manager's new PIN).
 */
import { CounterSchema, StaffNumberSchema } from '../catalog';
import type { AccessCommand } from '../device/commands';
import type { HandlersFor } from '../device/handlers';
import { accepted, by, refused } from './active-session';
import { checkNewPin, personKeyOf } from './pin';

export const setupHandlers = {
  'first-run': (state, command, env) => {
    if (state.counter !== null || state.accounts.size > 0) return refused('device-already-set-up');
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
        ...personKeyOf(env.newPin),
      }),
      by(staffNo, { type: 'signed-in', role: 'manager' }),
    ]);
  },
  'finish-restore': (state, command, env) => {
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
          ...personKeyOf(env.newPin),
        }),
        by(staffNo, { type: 'signed-in', role: 'manager' }),
      ],
      refusal: null,
      checkpoint: 'restore',
    };
  },
} satisfies HandlersFor<Extract<AccessCommand, { type: 'first-run' | 'finish-restore' }>>;
