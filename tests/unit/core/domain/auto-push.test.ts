import { describe, expect, it } from 'vitest';
import {
  AUTO_PUSH,
  INITIAL_AUTO_PUSH,
  attempted,
  awaitingRestore,
  failed,
  restoreApproved,
  nextAutoPushAt,
  succeeded,
  waitAfter,
} from '../../../../core/domain/hub/auto-push';

const T = 1_800_000_000_000;
const device = { now: T, enrolled: true, serviceOpen: false, headSeq: 40 };

describe('when a device pushes to its hub by itself', () => {
  it('pushes at once the first time there is something to send', () => {
    expect(nextAutoPushAt(INITIAL_AUTO_PUSH, device)).toBe(T);
  });

  it('never while not enrolled, while a customer is served, or with nothing new', () => {
    expect(nextAutoPushAt(INITIAL_AUTO_PUSH, { ...device, enrolled: false })).toBeNull();
    expect(nextAutoPushAt(INITIAL_AUTO_PUSH, { ...device, serviceOpen: true })).toBeNull();
    const sent = succeeded(attempted(INITIAL_AUTO_PUSH, T), 40);
    expect(nextAutoPushAt(sent, device)).toBeNull();
  });

  it('waits the regular interval after a push while records come in', () => {
    const sent = succeeded(attempted(INITIAL_AUTO_PUSH, T), 40);
    expect(nextAutoPushAt(sent, { ...device, headSeq: 41 })).toBe(T + AUTO_PUSH.everyMs);
  });

  it('sends a shift soon after its sign-out', () => {
    const sent = succeeded(attempted(INITIAL_AUTO_PUSH, T), 40);
    const signedOut = { ...sent, signedOutAt: T + 60_000 };
    expect(nextAutoPushAt(signedOut, { ...device, headSeq: 45 })).toBe(
      T + 60_000 + AUTO_PUSH.afterSignOutMs,
    );
    // A sign-out before the last attempt changes nothing.
    const older = { ...sent, signedOutAt: T - 1 };
    expect(nextAutoPushAt(older, { ...device, headSeq: 45 })).toBe(T + AUTO_PUSH.everyMs);
  });

  it('backs off after failures in a row, up to half an hour, sign-outs included; a success resets it', () => {
    expect([0, 1, 2, 3, 10].map(waitAfter)).toEqual([
      5 * 60_000,
      10 * 60_000,
      20 * 60_000,
      30 * 60_000,
      30 * 60_000,
    ]);
    let state = failed(attempted(INITIAL_AUTO_PUSH, T));
    state = failed(attempted(state, T));
    expect(nextAutoPushAt({ ...state, signedOutAt: T + 1_000 }, device)).toBe(T + 20 * 60_000);
    state = succeeded(attempted(state, T + 20 * 60_000), 30);
    expect(state.failures).toBe(0);
    expect(nextAutoPushAt(state, device)).toBe(T + 25 * 60_000);
  });

  it('stops after a restore the hub has not approved, and pushes at once when it is', () => {
    const refused = awaitingRestore(attempted(INITIAL_AUTO_PUSH, T));
    for (const later of [T, T + AUTO_PUSH.maxBackoffMs, T + 7 * 24 * 3_600_000])
      expect(nextAutoPushAt(refused, { ...device, now: later, headSeq: 90 })).toBeNull();
    const approved = restoreApproved(refused);
    expect(nextAutoPushAt(approved, { ...device, now: T + 60_000 })).toBe(T + 60_000);
    // Approving when nothing waited for it changes nothing.
    const sent = succeeded(attempted(INITIAL_AUTO_PUSH, T), 40);
    expect(restoreApproved(sent)).toBe(sent);
  });
});
