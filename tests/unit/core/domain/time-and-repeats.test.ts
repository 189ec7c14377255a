/**
 * Time only moves forward, and nothing is told twice (issue 21, items 2 and 3): the domain refuses
 * a record dated before the log's last by more than the clock tolerance, a ticket called again on
 * its business day, a service started for a ticket already served; verification names such a
 * record when it is in a log anyway (forged with DevTools), a service started under an earlier
 * service's id and a rating given twice; and a record dated after the verifier's own clock is
 * reported as the device's clock running ahead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyRows } from '../../../../core/domain/log/verify';
import { clockWentBack } from '../../../../core/domain/log/time-rules';
import { startCommand } from '../../helpers/builders';
import {
  CLERK,
  MANAGER,
  PIN,
  eventOf,
  forgeAfter,
  fullService,
  indexOfSeq,
  rawCopy,
  rewrite,
  signIn,
  staffedLog,
  type DeviceLog,
  type Row,
} from './device-log';
import { linked, problemOf } from './log-support';

const HOUR = 3_600_000;

async function clerkAtCounter(): Promise<DeviceLog> {
  const log = await staffedLog();
  await signIn(log, CLERK);
  return log;
}

/** Verifies forged rows, after checking that every hash in them links. */
async function verdictOf(rows: Row[]) {
  expect(await linked(rows)).toBe(true);
  return problemOf(await verifyRows(rows));
}

/** The rows of one whole service (its start to its end), as DevTools would copy them. */
function serviceRows(rows: readonly Row[], serviceId: string): Row[] {
  return rawCopy(rows.filter((row) => row.serviceId === serviceId));
}

describe('the clock rule, by hand', () => {
  it('goes back only past the tolerance', () => {
    expect(clockWentBack(null, 0, 120_000)).toBeNull();
    expect(clockWentBack(1_000_000, 1_000_000, 120_000)).toBeNull();
    expect(clockWentBack(1_000_000, 1_000_000 - 120_000, 120_000)).toBeNull();
    expect(clockWentBack(1_000_000, 1_000_000 - 120_001, 120_000)).toBe(120_001);
    expect(clockWentBack(1_000_000, 2_000_000, 120_000)).toBeNull();
  });
});

describe('a device whose clock was set back', () => {
  it('refuses a service dated 26 hours before the last record, and stores nothing', async () => {
    const log = await clerkAtCounter();
    const before = log.head;
    const lastAtMs = log.state.head.atMs!;
    log.now -= 26 * HOUR;
    const { refusal, stored } = await log.run(startCommand({ ticket: 'A001' }));
    expect(refusal).toEqual({
      code: 'clock-went-back',
      clock: { lastAtMs, nowMs: log.now },
    });
    expect(stored).toEqual([]);
    expect(log.head).toEqual(before);
    // Every command is refused alike: a sign-out too, until the time is put right.
    expect((await log.run({ type: 'sign-out' })).refusal?.code).toBe('clock-went-back');
    log.now = lastAtMs + 1_000;
    await log.must(startCommand({ ticket: 'A001' }));
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('accepts a clock set back within the tolerance (two minutes by default)', async () => {
    const log = await clerkAtCounter();
    log.now -= 110_000;
    await log.must(startCommand({ ticket: 'A001' }));
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('follows the tolerance a manager configured, within its bounds', async () => {
    const log = await staffedLog();
    await signIn(log, MANAGER);
    expect(
      (
        await log.run({
          type: 'change-config',
          change: { key: 'clock-tolerance-seconds', value: 5 },
        })
      ).refusal,
    ).toMatchObject({ code: 'invalid-config', config: { field: 'clock-tolerance-seconds' } });
    await log.must({
      type: 'change-config',
      change: { key: 'clock-tolerance-seconds', value: 600 },
    });
    log.now -= 5 * 60_000;
    await log.must({ type: 'lock', reason: 'manual' });
    log.now -= 11 * 60_000;
    expect((await log.run({ type: 'unlock', staffNo: null, pin: PIN })).refusal?.code).toBe(
      'clock-went-back',
    );
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('is named by Verify when a backdated record is appended by hand', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    const last = log.rows.at(-1)!;
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        event: { type: 'screen-locked', reason: 'manual' },
        row: { at: new Date(Date.parse(last.at) - 26 * HOUR).toISOString() },
      },
    ]);
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq: last.seq + 1,
      rule: 'clock-went-back',
      eventType: 'screen-locked',
      staffNo: CLERK,
    });
  });

  it('never writes a record dated back past the tolerance, whatever the clock does (property)', async () => {
    const log = await clerkAtCounter();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), { minLength: 1, maxLength: 12 }),
        async (moves) => {
          for (const move of moves) {
            log.now += move;
            const locked = log.state.session?.locked !== null;
            await log.run(
              locked
                ? { type: 'unlock', staffNo: null, pin: PIN }
                : { type: 'lock', reason: 'manual' },
            );
          }
          const times = log.rows.map((row) => Date.parse(row.at));
          for (let i = 1; i < times.length; i += 1) {
            expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]! - 120_000);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('any record moved back past the tolerance from the one before it is named (property)', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    const rows = rawCopy(log.rows);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: rows.length - 1 }),
        fc.integer({ min: 120_001, max: 72 * HOUR }),
        async (index, back) => {
          const previousAt = Date.parse(rows[index - 1]!.at as string);
          const forged = await rewrite(rows, index, (row) => {
            row.at = new Date(previousAt - back).toISOString();
          });
          expect(problemOf(await verifyRows(forged))).toMatchObject({
            kind: 'rule',
            seq: rows[index]!.seq,
            rule: 'clock-went-back',
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a clock that ran ahead', () => {
  it('is reported against the verifier’s own clock, naming the first record, as a warning', async () => {
    const log = await clerkAtCounter();
    const verdict = await verifyRows(log.rows, { now: Date.parse(log.rows[4]!.at) - 26 * HOUR });
    expect(verdict.intact).toBe(true);
    expect(verdict.datedAhead).toMatchObject({ seq: 1 });
    expect(verdict.datedAhead!.aheadMs).toBeGreaterThan(26 * HOUR - 60_000);
    expect((await verifyRows(log.rows, { now: log.now })).datedAhead).toBeNull();
    expect((await verifyRows(log.rows)).datedAhead).toBeNull();
  });

  it('once put right, the next record is refused as the clock going back', async () => {
    const log = await clerkAtCounter();
    log.now += 26 * HOUR;
    await log.must({ type: 'lock', reason: 'manual' });
    log.now -= 26 * HOUR;
    expect((await log.run({ type: 'unlock', staffNo: null, pin: PIN })).refusal?.code).toBe(
      'clock-went-back',
    );
  });
});

describe('tickets and services told twice', () => {
  it('refuses calling a ticket already called that business day; the next day it is new', async () => {
    const log = await clerkAtCounter();
    await log.must({ type: 'call-next', serviceId: null, nextTicket: 'A025' });
    expect(
      (await log.run({ type: 'call-next', serviceId: null, nextTicket: 'A025' })).refusal,
    ).toEqual({
      code: 'ticket-already-called',
      ticket: 'A025',
    });
    await log.must({ type: 'call-next', serviceId: null, nextTicket: 'A026' });
    log.now += 24 * HOUR;
    await log.must({ type: 'call-next', serviceId: null, nextTicket: 'A025' });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('refuses a service for a ticket already served that day; one abandoned may start again', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    expect((await log.run(startCommand({ ticket: 'A025' }))).refusal).toEqual({
      code: 'ticket-already-served',
      ticket: 'A025',
    });
    await log.must(startCommand({ ticket: 'A026' }));
    await log.must({ type: 'abandon', reason: 'customer-left' });
    await log.must(startCommand({ ticket: 'A026' }));
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('names a finished service copied under a new service id (and re-dated to now)', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    const original = log.rows.find((row) => row.event.type === 'service-started')!;
    const copy = serviceRows(log.rows, original.serviceId!);
    const newId = '0000c0de-0000-4000-8000-000000000001';
    const lastAt = Date.parse(log.rows.at(-1)!.at);
    const forged = await forgeAfter(
      log.rows,
      copy.map((row, index) => ({
        staffNo: row.staffNo as string,
        serviceId: newId,
        event: eventOf(row),
        row: { at: new Date(lastAt + (index + 1) * 1_000).toISOString() },
      })),
    );
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'ticket-served-twice',
      eventType: 'service-started',
      staffNo: CLERK,
    });
  });

  it('names a service started again under an earlier service’s id', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    const original = log.rows.find((row) => row.event.type === 'service-started')!;
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId: original.serviceId,
        event: { ...eventOf(original as unknown as Row), ticket: 'A030' },
      },
    ]);
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'service-id-repeated',
      eventType: 'service-started',
      staffNo: CLERK,
    });
  });

  it('names a ticket call appended again by hand', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    const forged = await forgeAfter(log.rows, [
      { staffNo: CLERK, event: { type: 'next-called', nextTicket: 'A026' } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'ticket-called-twice',
    });
  });

  it('refuses and names a rating given again', async () => {
    const log = await clerkAtCounter();
    await fullService(log, 'A025');
    const serviceId = log.state.service!.serviceId;
    const rate = { type: 'rate-service', serviceId, rating: 'satisfied', reasons: [] } as const;
    await log.must(rate);
    expect((await log.run(rate)).refusal?.code).toBe('already-rated');
    const rating = log.rows.at(-1)!;
    const forged = await forgeAfter(log.rows, [
      { staffNo: null, serviceId, event: eventOf(rating as unknown as Row) },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'rated-twice',
    });
    expect(indexOfSeq(forged, log.head.seq + 1)).toBe(forged.length - 1);
  });
});
