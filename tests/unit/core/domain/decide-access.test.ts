/**
 * Deciding access: sign-in over a locked or an unlocked session, signing out with a service open,
 * PINs that are not accepted (wrong, unknown staff number, during a wait, untrusted, disabled
 * account) and unlocking.
 */
import { describe, expect, it } from 'vitest';
import { decideAccess, evidenceNeeded } from '../../../../core/domain/access/decide-access';
import type { PinCheck } from '../../../../core/domain/device/commands';
import { openService } from '../../../../core/domain/device/state';
import { verifyRows } from '../../../../core/domain/log/verify';
import { T0 } from '../../helpers/builders';
import { type DeviceLog, AUDITOR, CLERK, MANAGER, OTHER_PIN, PIN, staffedLog } from './device-log';
import { EMPTY_SUMMARY, clerkServing, env } from './decide-support';

describe('deciding access', () => {
  it('ends a locked session with its own record when someone signs in over it', async () => {
    const log = await clerkServing();
    await log.must({ type: 'lock', reason: 'idle' });
    const serviceId = openService(log.state)!.serviceId;
    const decision = decideAccess(
      log.state,
      { type: 'sign-in', staffNo: MANAGER, pin: PIN },
      env(log.state, log.now + 1_000, { staffNo: MANAGER }),
    );
    expect(decision).toEqual({
      refusal: null,
      records: [
        {
          staffNo: MANAGER,
          serviceId: null,
          event: {
            type: 'signed-out',
            reason: 'replaced',
            openServiceId: serviceId,
            summary: EMPTY_SUMMARY,
          },
        },
        { staffNo: MANAGER, serviceId: null, event: { type: 'signed-in', role: 'manager' } },
      ],
    });
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    expect(log.state.session).toMatchObject({ staffNo: MANAGER, role: 'manager', locked: null });
    expect(openService(log.state)?.serviceId).toBe(serviceId);
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('refuses a sign-in over a session that is not locked', async () => {
    const log = await clerkServing();
    expect(
      decideAccess(
        log.state,
        { type: 'sign-in', staffNo: MANAGER, pin: PIN },
        env(log.state, log.now, { staffNo: MANAGER }),
      ),
    ).toEqual({ records: [], refusal: { code: 'session-active' } });
  });

  it('lets an auditor sign out leaving the clerk’s service open, but not the clerk', async () => {
    const log = await clerkServing();
    const serviceId = openService(log.state)!.serviceId;
    expect(decideAccess(log.state, { type: 'sign-out' }, env(log.state, log.now))).toEqual({
      records: [],
      refusal: { code: 'service-open' },
    });
    await log.must({ type: 'lock', reason: 'manual' });
    await log.must({ type: 'sign-in', staffNo: AUDITOR, pin: PIN });
    const decision = decideAccess(log.state, { type: 'sign-out' }, env(log.state, log.now));
    expect(decision).toEqual({
      refusal: null,
      records: [
        {
          staffNo: AUDITOR,
          serviceId: null,
          event: {
            type: 'signed-out',
            reason: 'self',
            openServiceId: serviceId,
            summary: EMPTY_SUMMARY,
          },
        },
      ],
    });
    await log.must({ type: 'sign-out' });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  describe('a PIN that is not accepted', () => {
    const signInAs = async (
      staffNo: string,
      pin: Partial<PinCheck>,
      setUp?: (log: DeviceLog) => Promise<void>,
    ) => {
      const log = await staffedLog();
      await setUp?.(log);
      const decision = decideAccess(
        log.state,
        { type: 'sign-in', staffNo, pin: '000111' },
        env(log.state, log.now + 1_000, { staffNo, ...pin }),
      );
      return { log, decision, now: log.now + 1_000 };
    };

    it('is refused with the tries left, and logged', async () => {
      const { decision } = await signInAs(CLERK, { verdict: 'mismatch' });
      expect(decision).toEqual({
        refusal: { code: 'wrong-pin', attemptsLeft: 4 },
        records: [
          {
            staffNo: CLERK,
            serviceId: null,
            event: {
              type: 'sign-in-failed',
              subject: CLERK,
              reason: 'wrong-pin',
              during: 'sign-in',
              failuresInARow: 1,
            },
          },
        ],
      });
    });

    it('is refused the same way for a staff number with no account, and logged as such', async () => {
      const { decision } = await signInAs('5555', { verdict: 'no-credential' });
      expect(decision.refusal).toEqual({ code: 'wrong-pin', attemptsLeft: 4 });
      expect(decision.records.map((record) => record.event)).toEqual([
        expect.objectContaining({ reason: 'unknown-account', subject: '5555' }),
      ]);
    });

    it('the fifth time starts a wait, and says so in the log', async () => {
      const { decision, now } = await signInAs(CLERK, {
        verdict: 'mismatch',
        lockout: { failuresInARow: 4, retryAt: 0 },
      });
      expect(decision.refusal).toEqual({ code: 'waiting', retryAt: now + 30_000 });
      expect(decision.records.map((record) => record.event)).toEqual([
        {
          type: 'sign-in-failed',
          subject: CLERK,
          reason: 'wrong-pin',
          during: 'sign-in',
          failuresInARow: 5,
        },
        { type: 'account-locked-out', subject: CLERK, failuresInARow: 5, waitMs: 30_000 },
      ]);
    });

    it('is not even judged while the wait lasts, right or wrong', async () => {
      const retryAt = T0 + 10 * 3_600_000;
      for (const verdict of ['match', 'mismatch'] as const) {
        const { decision } = await signInAs(CLERK, {
          verdict,
          lockout: { failuresInARow: 5, retryAt },
        });
        expect(decision.refusal).toEqual({ code: 'waiting', retryAt });
        expect(decision.records.map((record) => record.event)).toEqual([
          {
            type: 'sign-in-failed',
            subject: CLERK,
            reason: 'waiting',
            during: 'sign-in',
            failuresInARow: 5,
          },
        ]);
      }
    });

    it('is untrusted when the stored credential is not the one the log committed to', async () => {
      const { decision } = await signInAs(CLERK, { verdict: 'credential-mismatch' });
      expect(decision.refusal).toEqual({ code: 'credential-untrusted' });
      expect(decision.records.map((record) => record.event)).toEqual([
        expect.objectContaining({ type: 'sign-in-failed', reason: 'credential-mismatch' }),
      ]);
    });

    it('is refused for a disabled account even when right', async () => {
      const disable = async (log: DeviceLog) => {
        await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
        await log.must({ type: 'set-account-enabled', subject: CLERK, enabled: false });
        await log.must({ type: 'lock', reason: 'manual' });
      };
      const right = await signInAs(CLERK, { verdict: 'match' }, disable);
      expect(right.decision.refusal).toEqual({ code: 'account-disabled' });
      expect(right.decision.records.map((record) => record.event)).toEqual([
        expect.objectContaining({ reason: 'account-disabled' }),
      ]);
      const wrong = await signInAs(CLERK, { verdict: 'mismatch' }, disable);
      expect(wrong.decision.refusal).toEqual({ code: 'wrong-pin', attemptsLeft: 4 });
    });

    it('appended, leaves a log that verifies', async () => {
      const log = await staffedLog();
      const { refusal, stored } = await log.run(
        { type: 'sign-in', staffNo: CLERK, pin: '000111' },
        { verdict: 'mismatch', lockout: { failuresInARow: 4, retryAt: 0 } },
      );
      expect(refusal?.code).toBe('waiting');
      expect(stored.map((record) => record.event.type)).toEqual([
        'sign-in-failed',
        'account-locked-out',
      ]);
      expect(log.state.session).toBeNull();
      expect((await verifyRows(log.rows)).intact).toBe(true);
    });
  });

  describe('unlocking', () => {
    const clerkAway = async () => {
      const log = await clerkServing();
      const locked = await log.must({ type: 'leave-seat' });
      expect(locked.map((record) => [record.event.type, record.serviceId !== null])).toEqual([
        ['seat-left', true],
        ['screen-locked', false],
      ]);
      return log;
    };

    it('by a manager writes the unlock as the manager’s and the return to the seat as the clerk’s', async () => {
      const log = await clerkAway();
      const serviceId = openService(log.state)!.serviceId;
      const awaySince = openService(log.state)!.awaySince!;
      const now = awaySince + 42_000;
      const command = { type: 'unlock', staffNo: MANAGER, pin: PIN } as const;
      expect(evidenceNeeded(log.state, command)).toEqual({
        checkPin: { staffNo: MANAGER, pin: PIN },
      });
      expect(decideAccess(log.state, command, env(log.state, now, { staffNo: MANAGER }))).toEqual({
        refusal: null,
        records: [
          { staffNo: MANAGER, serviceId: null, event: { type: 'screen-unlocked', as: 'manager' } },
          {
            staffNo: CLERK,
            serviceId,
            event: { type: 'seat-returned', absenceMs: 42_000 },
          },
        ],
      });
      await log.must(command);
      expect(log.state.session).toMatchObject({ staffNo: CLERK, locked: null });
      expect(openService(log.state)?.awaySince).toBeNull();
      expect((await verifyRows(log.rows)).intact).toBe(true);
    });

    it('by the clerk themselves needs no staff number', async () => {
      const log = await clerkAway();
      const command = { type: 'unlock', staffNo: null, pin: OTHER_PIN } as const;
      expect(evidenceNeeded(log.state, command)).toEqual({
        checkPin: { staffNo: CLERK, pin: OTHER_PIN },
      });
      const decision = decideAccess(log.state, command, env(log.state, log.now + 5_000, {}));
      expect(decision.records.map((record) => [record.staffNo, record.event.type])).toEqual([
        [CLERK, 'screen-unlocked'],
        [CLERK, 'seat-returned'],
      ]);
    });

    it('by someone who may not unlock for others is refused and logged', async () => {
      const log = await clerkAway();
      const decision = decideAccess(
        log.state,
        { type: 'unlock', staffNo: AUDITOR, pin: PIN },
        env(log.state, log.now, { staffNo: AUDITOR }),
      );
      expect(decision).toEqual({
        refusal: { code: 'forbidden' },
        records: [
          {
            staffNo: AUDITOR,
            serviceId: null,
            event: {
              type: 'sign-in-failed',
              subject: AUDITOR,
              reason: 'not-allowed',
              during: 'unlock',
              failuresInARow: 0,
            },
          },
        ],
      });
    });

    it('of a screen that is not locked is refused', async () => {
      const log = await clerkServing();
      expect(
        decideAccess(
          log.state,
          { type: 'unlock', staffNo: null, pin: PIN },
          env(log.state, log.now, {}),
        ).refusal,
      ).toEqual({ code: 'not-locked' });
    });
  });
});
