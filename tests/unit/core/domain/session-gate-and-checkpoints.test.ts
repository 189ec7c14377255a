/** The session gate on service commands, and the checkpoints the device adds to the log. */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../../core/domain/device/decide';
import { openService } from '../../../../core/domain/device/state';
import { verifyRows } from '../../../../core/domain/log/verify';
import { startCommand } from '../../helpers/builders';
import { AUDITOR, CLERK, MANAGER, PIN, signIn, staffedLog } from './device-log';
import { clerkServing, env } from './decide-support';

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
