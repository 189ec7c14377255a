/**
 * The growing wait after wrong PINs. A run of failures for a staff number ends with their next
 * success (a sign-in, an unlock or an escalation confirmed by them) or a manager's reset of their PIN; the storage reads
 * the failures after that point by index and this decides what they mean.
 */
import type { LogRecord } from '../log/records';
import { waitAfterFailures } from './pin';

export interface Lockout {
  failuresInARow: number;
  /** When the next try is accepted (epoch ms); 0 when there is no wait. */
  retryAt: number;
}

export const NO_LOCKOUT: Lockout = { failuresInARow: 0, retryAt: 0 };

/** Records by a staff member that end their run of failures. */
export const LOCKOUT_RESET_TYPES = [
  'signed-in',
  'screen-unlocked',
  'escalation-confirmed',
] as const;

/** `failures`: that staff number's `sign-in-failed` records after its last success, in order. */
export function lockoutFrom(failures: readonly LogRecord[]): Lockout {
  const counted = failures.filter(
    (record) =>
      record.event.type === 'sign-in-failed' &&
      (record.event.reason === 'wrong-pin' || record.event.reason === 'unknown-account'),
  );
  const last = counted.at(-1);
  if (!last) return NO_LOCKOUT;
  const wait = waitAfterFailures(counted.length);
  return { failuresInARow: counted.length, retryAt: wait > 0 ? Date.parse(last.at) + wait : 0 };
}
