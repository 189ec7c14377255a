/**
 * Records forged with DevTools that link perfectly but break the rules: the verifier replays the
 * rules and names the first record that breaks them.
 */
import { describe, expect, it } from 'vitest';
import { foldDevice, openService } from '../../../../core/domain/device/state';
import { readRecords } from '../../../../core/domain/log/records';
import { verifyRows } from '../../../../core/domain/log/verify';
import { startCommand } from '../../helpers/builders';
import {
  AUDITOR,
  CLERK,
  MANAGER,
  PIN,
  eventOf,
  forgeAfter,
  indexOfSeq,
  rewrite,
  signIn,
  staffedLog,
  type Row,
} from './device-log';
import { linked, problemOf } from './log-support';

describe('records forged with DevTools that link perfectly but break the rules', () => {
  /** Verifies the forged rows, after checking that every hash in them links. */
  async function verdictOf(rows: Row[]) {
    expect(await linked(rows)).toBe(true);
    return problemOf(await verifyRows(rows));
  }

  it('a clerk’s sign-in claiming the manager’s role', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const seq = log.head.seq;
    const forged = await rewrite(log.rows, indexOfSeq(log.rows, seq), (row) => {
      eventOf(row).role = 'manager';
    });
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq,
      rule: 'role-mismatch',
      eventType: 'signed-in',
      staffNo: CLERK,
    });
  });

  it('a clerk creating a new manager', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const forged = await forgeAfter(log.rows, [
      { staffNo: CLERK, event: { type: 'account-created', subject: '9002', role: 'manager' } },
      {
        staffNo: CLERK,
        event: { type: 'pin-set', subject: '9002', reason: 'created', commitment: 'a'.repeat(64) },
      },
    ]);
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'not-allowed-for-role',
      eventType: 'account-created',
      staffNo: CLERK,
    });
  });

  it('an auditor recording a step of the clerk’s open service', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    await log.must({ type: 'lock', reason: 'manual' });
    await log.must({ type: 'sign-in', staffNo: AUDITOR, pin: PIN });
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      { staffNo: AUDITOR, serviceId, event: { type: 'step-done', stepId: 'stand-to-greet' } },
    ]);
    const problem = await verdictOf(forged);
    expect(problem).toMatchObject({ kind: 'rule', seq: log.head.seq + 1, staffNo: AUDITOR });
    expect(['not-allowed-for-role', 'not-the-open-service']).toContain(
      problem?.kind === 'rule' && problem.rule,
    );
  });

  it('an existing account created again, which would change its role', async () => {
    const log = await staffedLog();
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    // The domain refuses this as a command…
    const again = { type: 'create-account', staffNo: CLERK, role: 'manager' } as const;
    expect((await log.run({ ...again, pin: PIN, confirmation: PIN })).refusal).toEqual({
      code: 'account-exists',
    });
    // …so a record of it can only have been written by hand; folded, it makes the clerk a manager.
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, event: { type: 'account-created', subject: CLERK, role: 'manager' } },
    ]);
    const { records } = readRecords(forged);
    expect(foldDevice(records).accounts.get(CLERK)?.role).toBe('manager');
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      eventType: 'account-created',
    });
  });

  it('a sign-in by a staff number that has no account', async () => {
    const log = await staffedLog();
    const forged = await forgeAfter(log.rows, [
      { staffNo: '5555', event: { type: 'signed-in', role: 'manager' } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'no-such-account',
      staffNo: '5555',
    });
  });

  it('a service started by a clerk who is not signed in', async () => {
    const log = await staffedLog();
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId: '00000000-0000-4000-8000-00000000f00d',
        event: {
          type: 'service-started',
          ticket: 'A001',
          title: 'mr',
          surname: null,
          businessType: 'enquiry',
          targetSeconds: 300,
        },
      },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'not-signed-in',
    });
  });

  it('a step recorded under another person’s staff number than the signed-in clerk’s', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, serviceId, event: { type: 'step-done', stepId: 'stand-to-greet' } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'not-session-owner',
      staffNo: MANAGER,
    });
  });

  it.each([
    [
      'a service finished with steps pending',
      { type: 'service-finished', durationMs: 1_000 },
      'finished-with-steps-pending',
    ],
    [
      'a sign-out that leaves the clerk’s service open',
      {
        type: 'signed-out',
        reason: 'self',
        openServiceId: null,
        summary: {
          services: 0,
          finished: 0,
          abandoned: 0,
          stepsDone: 0,
          stepsApplicable: 0,
          stepsNotReached: 0,
          averageMs: null,
          skips: 0,
          skipReasons: {},
        },
      },
      'service-left-open',
    ],
    [
      'a second sign-in over an unlocked session',
      { type: 'signed-in', role: 'clerk' },
      'session-still-active',
    ],
    [
      'a second service while one is open',
      {
        type: 'service-started',
        ticket: 'A026',
        title: 'ms',
        surname: null,
        businessType: 'enquiry',
        targetSeconds: 300,
      },
      'service-already-open',
    ],
    [
      'an unlock of a screen that is not locked',
      { type: 'screen-unlocked', as: 'self' },
      'not-locked',
    ],
    ['a second device set-up', { type: 'device-set-up', counter: '3' }, 'device-set-up-twice'],
  ] as const)('%s', async (_name, event, rule) => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId: event.type === 'service-finished' ? openService(log.state)!.serviceId : null,
        event,
      },
    ]);
    expect(await verdictOf(forged)).toMatchObject({ kind: 'rule', seq: log.head.seq + 1, rule });
  });

  it.each([
    ['another device', { device: '00000000-0000-4000-8000-00000000beef' }, 'wrong-device'],
    ['another counter', { counter: '4' }, 'wrong-counter'],
  ])('a record that claims %s', async (_name, row, rule) => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const forged = await forgeAfter(log.rows, [
      { staffNo: CLERK, event: { type: 'screen-locked', reason: 'manual' }, row },
    ]);
    expect(await verdictOf(forged)).toMatchObject({ kind: 'rule', seq: log.head.seq + 1, rule });
  });

  it('a checkpoint written under a staff number', async () => {
    const log = await staffedLog();
    const checkpoint = log.rows.find((row) => row.event.type === 'checkpoint')!;
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, event: { ...checkpoint.event } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({ rule: 'device-record-by-staff' });
  });

  it('a session ended "for a sign-in" that is followed by something else', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must({ type: 'lock', reason: 'manual' });
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: MANAGER,
        event: {
          type: 'signed-out',
          reason: 'replaced',
          openServiceId: null,
          summary: {
            services: 0,
            finished: 0,
            abandoned: 0,
            stepsDone: 0,
            stepsApplicable: 0,
            stepsNotReached: 0,
            averageMs: null,
            skips: 0,
            skipReasons: {},
          },
        },
      },
      {
        staffNo: MANAGER,
        event: { type: 'config-changed', change: { key: 'tap-guard-ms', value: 0 } },
      },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      seq: log.head.seq + 2,
      rule: 'replace-without-sign-in',
    });
  });
});
