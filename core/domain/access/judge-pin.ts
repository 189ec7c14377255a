/**
 * Judging a typed PIN, for every command that carries one (sign-in, unlock, a PIN change, a
 * manager confirming a complaint's escalation): a wrong one is refused and logged with the wait it
 * starts; a right one for a disabled account is refused as disabled. Pure: the match itself was
 * worked out by the storage (device/commands.ts `PinCheck`).
 */
import type { Decision, PinCheck, PlannedRecord } from '../device/commands';
import type { DeviceState } from '../device/state';
import type { DomainEvent } from '../log/events';
import { refusal } from '../refusal';
import { FAILURES_BEFORE_WAIT, waitAfterFailures } from './pin';

export type During = 'sign-in' | 'unlock' | 'pin-change' | 'escalation';

const by = (staffNo: string | null, event: DomainEvent) => ({ staffNo, serviceId: null, event });

/**
 * Judges a typed PIN. A wrong one is refused and logged (with the wait it starts); a right one for
 * a disabled account is refused as disabled. Returns null when the PIN is accepted.
 */
export function judgePin(
  state: DeviceState,
  check: PinCheck | undefined,
  during: During,
  now: number,
): Decision | null {
  if (!check) return { records: [], refusal: refusal('wrong-pin', { attemptsLeft: 0 }) };
  const { staffNo, verdict, lockout } = check;
  const fail = (
    reason: Extract<DomainEvent, { type: 'sign-in-failed' }>['reason'],
    failuresInARow: number,
  ): PlannedRecord[] => {
    const records = [
      by(staffNo, { type: 'sign-in-failed', subject: staffNo, reason, during, failuresInARow }),
    ];
    const wait =
      reason === 'wrong-pin' || reason === 'unknown-account'
        ? waitAfterFailures(failuresInARow)
        : 0;
    if (wait > 0) {
      records.push(
        by(staffNo, { type: 'account-locked-out', subject: staffNo, failuresInARow, waitMs: wait }),
      );
    }
    return records;
  };
  if (now < lockout.retryAt) {
    return {
      records: fail('waiting', lockout.failuresInARow),
      refusal: refusal('waiting', { retryAt: lockout.retryAt }),
    };
  }
  const account = state.accounts.get(staffNo);
  if (verdict === 'credential-mismatch') {
    return {
      records: fail('credential-mismatch', lockout.failuresInARow),
      refusal: refusal('credential-untrusted'),
    };
  }
  if (account && !account.enabled && verdict === 'match') {
    return {
      records: fail('account-disabled', lockout.failuresInARow),
      refusal: refusal('account-disabled'),
    };
  }
  if (!account || verdict !== 'match') {
    const failures = lockout.failuresInARow + 1;
    const wait = waitAfterFailures(failures);
    return {
      records: fail(account ? 'wrong-pin' : 'unknown-account', failures),
      refusal:
        wait > 0
          ? refusal('waiting', { retryAt: now + wait })
          : refusal('wrong-pin', { attemptsLeft: FAILURES_BEFORE_WAIT - failures }),
    };
  }
  return null;
}
