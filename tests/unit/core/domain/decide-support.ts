/**
 * What the device-state and decision tests share: the shift summary of a shift with nothing in it,
 * the environment `decide` runs in (with a PIN check when asked), and a clerk serving ticket A025.
 */
import { NO_LOCKOUT } from '../../../../core/domain/access/lockout';
import type { DecideEnv, PinCheck } from '../../../../core/domain/device/commands';
import type { DeviceState } from '../../../../core/domain/device/state';
import { startCommand } from '../../helpers/builders';
import { CLERK, signIn, staffedLog, type DeviceLog } from './device-log';

export const EMPTY_SUMMARY = {
  services: 0,
  finished: 0,
  abandoned: 0,
  stepsDone: 0,
  stepsApplicable: 0,
  stepsNotReached: 0,
  averageMs: null,
  skips: 0,
  skipReasons: {},
};

export const env = (state: DeviceState, now: number, pin?: Partial<PinCheck>): DecideEnv => ({
  now,
  newId: '00000000-0000-4000-8000-00000000abcd',
  pin: pin && {
    staffNo: state.session?.staffNo ?? CLERK,
    verdict: 'match',
    lockout: NO_LOCKOUT,
    ...pin,
  },
});

/** The clerk signed in with a service open (ticket A025). */
export async function clerkServing(): Promise<DeviceLog> {
  const log = await staffedLog();
  await signIn(log, CLERK);
  await log.must(startCommand());
  return log;
}
