/**
 * What a manager manages on the device: the accounts (create, reset a PIN, enable or disable) and
 * the configuration (one validated change at a time).
 */
import { StaffNumberSchema } from '../catalog';
import type { AccessCommand } from '../device/commands';
import { ConfigChangeSchema } from '../device/config';
import { configProblem } from '../device/config-problem';
import { numberPhrase, phraseProblem } from '../device/config-phrases';
import type { HandlersFor } from '../device/handlers';
import { openingEditProblem } from '../shift/opening-items';
import { accepted, activeSession, by, refused } from './active-session';
import { checkNewPin, personKeyOf } from './pin';

export const managerHandlers = {
  'create-account': (state, command, env) => {
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
        ...personKeyOf(env.newPin),
      }),
    ]);
  },
  'reset-pin': (state, command, env) => {
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
        ...personKeyOf(env.newPin),
      }),
    ]);
  },
  'set-account-enabled': (state, command) => {
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
  },
  'change-config': (state, command) => {
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
    if (
      change.data.key === 'opening-items' &&
      openingEditProblem(state.config.openingItems, change.data.value)
    ) {
      return refused('invalid-opening-items');
    }
    return accepted([by(active.session.staffNo, { type: 'config-changed', change: change.data })]);
  },
} satisfies HandlersFor<
  Extract<
    AccessCommand,
    { type: 'create-account' | 'reset-pin' | 'set-account-enabled' | 'change-config' }
  >
>;
