import { describe, expect, it } from 'vitest';
import { decideAccess, evidenceNeeded } from '../../../../renderer/domain/access/decide-access';
import { NO_LOCKOUT } from '../../../../renderer/domain/access/lockout';
import type { DecideEnv, PinCheck } from '../../../../renderer/domain/device/commands';
import { decide } from '../../../../renderer/domain/device/decide';
import {
  foldDevice,
  mustChangePin,
  openService,
  type DeviceState,
} from '../../../../renderer/domain/device/state';
import { readRecords } from '../../../../renderer/domain/log/records';
import { verifyRows } from '../../../../renderer/domain/log/verify';
import type { ServiceState } from '../../../../renderer/domain/service/engine';
import {
  EMPTY_TALLY,
  summaryOf,
  tallyService,
} from '../../../../renderer/domain/service/shift-summary';
import { ServiceDriver, T0, context, startCommand, type Step } from '../../helpers/builders';
import {
  type DeviceLog,
  AUDITOR,
  CLERK,
  MANAGER,
  OTHER_PIN,
  PIN,
  eventOf,
  rawCopy,
  signIn,
  staffedLog,
} from './device-log';

const EMPTY_SUMMARY = {
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

const env = (state: DeviceState, now: number, pin?: Partial<PinCheck>): DecideEnv => ({
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
async function clerkServing(): Promise<DeviceLog> {
  const log = await staffedLog();
  await signIn(log, CLERK);
  await log.must(startCommand());
  return log;
}

describe('the device state folded from the log', () => {
  it('takes the session’s role from the account, never from the sign-in record', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const rows = rawCopy(log.rows);
    eventOf(rows.at(-1)!).role = 'manager';
    const { records } = readRecords(rows);
    expect(records.at(-1)?.event).toEqual({ type: 'signed-in', role: 'manager' });
    const state = foldDevice(records);
    expect(state.session).toMatchObject({ staffNo: CLERK, role: 'clerk' });
    expect(decide(state, { type: 'sign-out' }, env(state, log.now)).refusal).toBeNull();
    expect(
      decide(
        state,
        { type: 'set-account-enabled', subject: MANAGER, enabled: false },
        env(state, log.now),
      ).refusal,
    ).toEqual({ code: 'forbidden' });
  });

  it('asks for an own PIN while the one in force was set by someone else', async () => {
    const log = await staffedLog();
    expect(log.state.pins.get(CLERK)?.setBy).toBe(CLERK);
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    expect(mustChangePin(log.state)).toBe(false);
    await log.must({ type: 'reset-pin', subject: CLERK, pin: PIN, confirmation: PIN });
    expect(log.state.pins.get(CLERK)).toMatchObject({ setBy: MANAGER, reason: 'reset' });
    await log.must({ type: 'sign-out' });
    await log.must({ type: 'sign-in', staffNo: CLERK, pin: PIN });
    expect(mustChangePin(log.state)).toBe(true);
    expect((await log.run(startCommand())).refusal).toEqual({ code: 'pin-change-required' });
    await log.must({
      type: 'change-own-pin',
      currentPin: PIN,
      pin: OTHER_PIN,
      confirmation: OTHER_PIN,
    });
    expect(mustChangePin(log.state)).toBe(false);
    expect((await log.run(startCommand())).refusal).toBeNull();
  });

  it('asks nothing of nobody', () => {
    expect(mustChangePin(foldDevice([]))).toBe(false);
  });

  it('keeps accounts, their state and the configuration as the records say', async () => {
    const log = await staffedLog();
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    await log.must({ type: 'set-account-enabled', subject: AUDITOR, enabled: false });
    await log.must({ type: 'change-config', change: { key: 'idle-lock-minutes', value: 7 } });
    expect([...log.state.accounts.values()]).toEqual([
      { staffNo: MANAGER, role: 'manager', enabled: true },
      { staffNo: AUDITOR, role: 'auditor', enabled: false },
      { staffNo: CLERK, role: 'clerk', enabled: true },
    ]);
    expect(log.state.config).toMatchObject({
      idleLockMinutes: 7,
      timeZone: 'Asia/Shanghai',
      dayStartMinutes: 0,
    });
    expect(log.state.counter).toBe('3');
  });

  it('moves the signing key along the checkpoints', async () => {
    const log = await staffedLog();
    const checkpoints = log.rows.filter((row) => row.event.type === 'checkpoint');
    expect(checkpoints.map((row) => row.event.type === 'checkpoint' && row.event.keyIndex)).toEqual(
      [0, 1, 2],
    );
    expect(log.state.keys).toEqual({
      index: 3,
      current: log.keys[3]!.publicKey,
      lastCheckpointSeq: checkpoints.at(-1)!.seq,
    });
    expect(log.state.identity?.firstKey).toEqual(log.keys[0]!.publicKey);
  });
});

describe('the shift tally', () => {
  /*
   * By hand, with the 17 steps (11 for every customer, 6 conditional):
   *
   * 1. Finished after 300,000 ms. Every-customer: 9 done (1, 3–7, 15, 16, 17), 2 skipped (2
   *    customer-in-hurry, 12 customer-declined). Conditional: 8, 9, 10 done; 13 and 14 N/A (by
   *    hand), 11 N/A (automatically on calling next). Applicable 11 + 3 = 14, done 9 + 3 = 12.
   * 2. Abandoned after step 3. Applicable 3, done 3. Every-customer steps never reached: 4, 5, 6,
   *    7, 12, 15, 16, 17 = 8. The six conditional steps never reached do not count.
   * 3. Finished after 420,001 ms with all 17 steps done (13 and 14 by leaving the seat).
   *    Applicable 17, done 17.
   *
   * Shift: 3 services, 2 finished, 1 abandoned; done 12 + 3 + 17 = 32 of 14 + 3 + 17 = 34
   * applicable; 8 not reached; 2 skips (1 customer-in-hurry, 1 customer-declined); average of the
   * finished ones (300,000 + 420,001) / 2 = 360,000.5, rounded to 360,001 ms.
   */
  const EXPECTED = {
    services: 3,
    finished: 2,
    abandoned: 1,
    stepsDone: 32,
    stepsApplicable: 34,
    stepsNotReached: 8,
    averageMs: 360_001,
    skips: 2,
    skipReasons: { 'customer-in-hurry': 1, 'customer-declined': 1 },
  };

  const FIRST: Step[] = [
    startCommand({ ticket: 'A025' }),
    { type: 'mark-done', stepId: 'stand-to-greet' },
    { type: 'skip', stepId: 'eye-contact-smile', reason: 'customer-in-hurry', note: '' },
    ...(
      ['greet-aloud', 'check-ticket', 'invite-to-sit', 'ask-needs', 'address-by-surname'] as const
    ).map((stepId): Step => ({ type: 'mark-done', stepId })),
    { type: 'announce-money', dueFen: 3_000, receivedFen: 5_000 },
    { type: 'mark-done', stepId: 'both-hands' },
    { type: 'mark-done', stepId: 'thank-on-receipt' },
    { type: 'mark-na', stepId: 'apologise-leaving' },
    { type: 'skip', stepId: 'recommend', reason: 'customer-declined', note: '' },
    { type: 'mark-done', stepId: 'confirm-anything-else' },
    { type: 'mark-done', stepId: 'stand-to-see-off' },
  ];
  const SECOND: Step[] = [
    startCommand({ ticket: 'A026' }),
    { type: 'mark-done', stepId: 'stand-to-greet' },
    { type: 'mark-done', stepId: 'eye-contact-smile' },
    { type: 'mark-done', stepId: 'greet-aloud' },
  ];
  const THIRD_BEFORE_LEAVING: Step[] = [
    startCommand({ ticket: 'A027' }),
    ...(
      [
        'stand-to-greet',
        'eye-contact-smile',
        'greet-aloud',
        'check-ticket',
        'invite-to-sit',
        'ask-needs',
        'address-by-surname',
      ] as const
    ).map((stepId): Step => ({ type: 'mark-done', stepId })),
    { type: 'announce-money', dueFen: 5_000, receivedFen: 5_000 },
    { type: 'mark-done', stepId: 'both-hands' },
    { type: 'mark-done', stepId: 'thank-on-receipt' },
    { type: 'mark-done', stepId: 'hand-leaflet' },
    { type: 'recommend', offer: 'data-pack', response: 'accepted' },
    { type: 'leave-seat' },
  ];
  const THIRD_AFTER_RETURNING: Step[] = [
    { type: 'mark-done', stepId: 'confirm-anything-else' },
    { type: 'mark-done', stepId: 'stand-to-see-off' },
  ];

  it('adds up a hand-computed shift', () => {
    const services: ServiceState[] = [];
    const run = (steps: Step[], end: Step, endAt: number) => {
      const driver = new ServiceDriver();
      for (const step of steps) driver.apply(step, T0);
      driver.apply(end, endAt);
      services.push(driver.state!);
      return driver;
    };
    run(FIRST, { type: 'call-next', nextTicket: 'A026' }, T0 + 300_000);
    run(SECOND, { type: 'abandon', reason: 'customer-left' }, T0 + 60_000);
    const third = new ServiceDriver();
    for (const step of [...THIRD_BEFORE_LEAVING, { type: 'return-to-seat' } as const]) {
      third.apply(step, T0);
    }
    for (const step of THIRD_AFTER_RETURNING) third.apply(step, T0);
    third.apply({ type: 'call-next', nextTicket: 'A028' }, T0 + 420_001);
    services.push(third.state!);

    expect(services.map((service) => service.outcome)).toEqual([
      'finished',
      'abandoned',
      'finished',
    ]);
    const tally = services.reduce(
      (sum, service) => tallyService(sum, context().flow, service),
      EMPTY_TALLY,
    );
    expect(tally.finishedMs).toBe(720_001);
    expect(summaryOf(tally)).toEqual(EXPECTED);
  });

  it('gives no average before anything finished', () => {
    expect(summaryOf(EMPTY_TALLY)).toEqual(EMPTY_SUMMARY);
  });

  it('writes the same figures into the clerk’s sign-out, through the device', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    log.tick = 0;
    const at = (ms: number) => {
      log.now = T0 + 3_600_000 + ms;
    };
    at(0);
    for (const step of FIRST) await log.must(step);
    at(300_000);
    await log.must({ type: 'call-next', nextTicket: 'A026' });
    at(400_000);
    for (const step of SECOND) await log.must(step);
    await log.must({ type: 'abandon', reason: 'customer-left' });
    at(500_000);
    for (const step of THIRD_BEFORE_LEAVING) await log.must(step);
    await log.must({ type: 'unlock', staffNo: null, pin: OTHER_PIN });
    for (const step of THIRD_AFTER_RETURNING) await log.must(step);
    at(920_001);
    await log.must({ type: 'call-next', nextTicket: 'A028' });
    const [signedOut] = await log.must({ type: 'sign-out' });
    expect(signedOut?.event).toEqual({
      type: 'signed-out',
      reason: 'self',
      openServiceId: null,
      summary: EXPECTED,
    });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('counts a service for the clerk who started it in this session only', async () => {
    const log = await clerkServing();
    await log.must({ type: 'lock', reason: 'manual' });
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    await log.must({ type: 'abandon', reason: 'customer-left' });
    const [signedOut] = await log.must({ type: 'sign-out' });
    expect(signedOut?.event).toMatchObject({ summary: EMPTY_SUMMARY });
  });
});

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

describe('the session gate on service commands', () => {
  it('refuses service commands on a locked screen, to an auditor and to nobody', async () => {
    const log = await clerkServing();
    const mark = { type: 'mark-done', stepId: 'stand-to-greet' } as const;
    await log.must({ type: 'lock', reason: 'manual' });
    expect((await log.run(mark)).refusal).toEqual({ code: 'screen-locked' });
    await log.must({ type: 'sign-in', staffNo: AUDITOR, pin: PIN });
    expect((await log.run(mark)).refusal).toEqual({ code: 'forbidden' });
    await log.must({ type: 'sign-out' });
    expect((await log.run(mark)).refusal).toEqual({ code: 'not-signed-in' });
    expect(log.rows.at(-1)?.event.type).toBe('checkpoint');
  });

  it('records service events under the open service and the signed-in clerk', async () => {
    const log = await clerkServing();
    const serviceId = openService(log.state)!.serviceId;
    expect(serviceId).toBe(log.rows.at(-1)!.serviceId);
    const [record] = await log.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    expect(record).toMatchObject({ staffNo: CLERK, serviceId, counter: '3' });
  });

  it('refuses what a role may not do, whatever the command', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const forClerk = (command: Parameters<typeof decide>[1]) =>
      decide(log.state, command, env(log.state, log.now)).refusal;
    expect(
      forClerk({
        type: 'create-account',
        staffNo: '9002',
        role: 'manager',
        pin: PIN,
        confirmation: PIN,
      }),
    ).toEqual({ code: 'forbidden' });
    expect(forClerk({ type: 'change-config', change: { key: 'tap-guard-ms', value: 0 } })).toEqual({
      code: 'forbidden',
    });
    expect(
      forClerk({ type: 'first-run', counter: '4', staffNo: '9002', pin: PIN, confirmation: PIN }),
    ).toEqual({ code: 'device-already-set-up' });
  });
});

describe('checkpoints', () => {
  it('seals the log when the business day has turned since its last record', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    log.now += 24 * 3_600_000;
    const stored = await log.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    // As the store does it: yesterday's last record is sealed before today's first one.
    expect(stored.map((record) => record.event.type)).toEqual(['checkpoint', 'step-done']);
    expect(stored[0]?.event).toMatchObject({ reason: 'day-close', upToSeq: stored[0]!.seq - 1 });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('seals at least every N records', async () => {
    const log = await staffedLog();
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    await log.must({ type: 'change-config', change: { key: 'checkpoint-every', value: 10 } });
    const since = log.state.keys!.lastCheckpointSeq;
    for (let i = 0; i < 12; i += 1) {
      await log.must({ type: 'lock', reason: 'manual' });
      await log.must({ type: 'unlock', staffNo: null, pin: PIN });
    }
    const checkpoint = log.rows.find((row) => row.seq > since && row.event.type === 'checkpoint');
    expect(checkpoint?.event).toMatchObject({ reason: 'every-n' });
    expect(checkpoint!.seq - since).toBeLessThanOrEqual(11);
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });
});
