/**
 * Access as a Decider: first run, sign-in and its waits, the screen lock, sign-out, PINs, accounts
 * and configuration. Pure: the PIN checks and hashes arrive as evidence (see device/commands.ts).
 * Every change and every failed attempt becomes a record; a sign-in over a locked session first
 * ends that session with its own record.
 */
import type { AccessCommand, Command, Decision, DecideEnv } from '../device/commands';
import { dispatch, type HandlersFor } from '../device/handlers';
import type { DeviceState } from '../device/state';
import { managerHandlers } from './manager-handlers';
import { sessionHandlers } from './session-handlers';
import { setupHandlers } from './setup-handlers';

/** Every access command's handler, by theme in setup-, session- and manager-handlers.ts. */
export const accessHandlers = {
  ...setupHandlers,
  ...sessionHandlers,
  ...managerHandlers,
} satisfies HandlersFor<AccessCommand>;

export function decideAccess(state: DeviceState, command: AccessCommand, env: DecideEnv): Decision {
  return dispatch(accessHandlers, state, command, env);
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
