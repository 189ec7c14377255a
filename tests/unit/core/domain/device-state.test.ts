/** The device state folded from the log, and the shift tally the clerk's sign-out carries. */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../../core/domain/device/decide';
import { foldDevice, mustChangePin } from '../../../../core/domain/device/state';
import { readRecords } from '../../../../core/domain/log/records';
import { verifyRows } from '../../../../core/domain/log/verify';
import type { ServiceState } from '../../../../core/domain/service/engine';
import {
  EMPTY_TALLY,
  summaryOf,
  tallyService,
} from '../../../../core/domain/service/shift-summary';
import { ServiceDriver, T0, context, startCommand, type Step } from '../../helpers/builders';
import {
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
import { EMPTY_SUMMARY, clerkServing, env } from './decide-support';

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
