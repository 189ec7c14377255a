/**
 * The wall clock moved during a service (by hand, a bad time sync, a dead clock battery): the log's
 * order is its sequence, durations are measured on the monotonic clock, and the jump itself is
 * found in the records (each carries both clocks) and shown to managers — in the service's facts
 * and on its timeline.
 */
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../../core/domain/flow/flow-definition';
import { clockJump, elapsedBetween, CLOCK_JUMP_MS } from '../../../../core/domain/log/clock';
import type { ServiceRow } from '../../../../core/domain/review/service-row';
import { timeline } from '../../../../core/domain/review/timeline';
import { verifyRows } from '../../../../core/domain/log/verify';
import {
  CLERK,
  PLAIN_ALWAYS_STEPS,
  T0,
  startCommand,
  staffedDevice,
  withRawDb,
  type TestDevice,
} from '../../helpers/builders';

const HOUR = 3_600_000;

/** Real time passes: both clocks move. */
const wait = (device: TestDevice, ms: number) => void (device.clock.now += ms);
/** Someone sets the wall clock: only it moves. */
const setWallClock = (device: TestDevice, ms: number) => {
  device.clock.now += ms;
  device.clock.moved += ms;
};

async function rowOf(device: TestDevice, serviceId: string): Promise<ServiceRow> {
  const row = await withRawDb(device.name, (db) =>
    db.services.where('sid').equals(`own|${serviceId}`).first(),
  );
  if (!row) throw new Error('no row');
  return row;
}

/** One service with the clock moved mid-way; steps 10 s apart, 75 s in all on a true clock. */
async function serviceWithJump(jumpMs: number) {
  const device = await staffedDevice();
  await device.must(startCommand({ ticket: 'A100' }));
  const serviceId = device.store.snapshot.state.service!.serviceId;
  for (const [index, stepId] of PLAIN_ALWAYS_STEPS.slice(0, 7).entries()) {
    wait(device, 5_000);
    if (index === 3) setWallClock(device, jumpMs);
    await device.must({ type: 'mark-done', stepId });
  }
  wait(device, 5_000);
  await device.must({ type: 'recommend', offer: 'broadband', response: 'declined' });
  for (const stepId of ['confirm-anything-else', 'stand-to-see-off'] as const) {
    wait(device, 5_000);
    await device.must({ type: 'mark-done', stepId });
  }
  wait(device, 25_000);
  await device.must({ type: 'call-next', nextTicket: 'A101' });
  return { device, serviceId };
}

describe('the wall clock moved during a service', () => {
  for (const [label, jumpMs] of [
    // Further back than the clock tolerance (2 minutes) is refused: see below.
    ['back a minute and a half', -90_000],
    ['forward a day', 24 * HOUR],
  ] as const) {
    it(`${label}: the duration is the true one, the order is the log's, the jump is recorded and shown`, async () => {
      const { device, serviceId } = await serviceWithJump(jumpMs);
      const rows = await device.rows();
      expect(await verifyRows(rows)).toMatchObject({ intact: true });
      const finished = rows.find(
        (row) => (row.event as { type: string }).type === 'service-finished',
      );
      // 7 × 5 s + 3 × 5 s + 25 s on the true clock, whatever the wall clock says.
      expect(finished?.event).toEqual({ type: 'service-finished', durationMs: 75_000 });

      const row = await rowOf(device, serviceId);
      expect(row.durationMs).toBe(75_000);
      expect(row.clockJumps).toEqual([jumpMs]);
      expect(row.tags).toContain(`clock-moved@${row.day}`);
      // Nothing is out of order (by the log's sequence) and nothing was marked too fast.
      expect(row.steps).not.toContain('l');
      expect(row.flags).toEqual([]);

      const entries = timeline(await device.store.review.timeline(row));
      const jump = entries.filter((entry) => entry.kind === 'clock-moved');
      expect(jump).toEqual([expect.objectContaining({ kind: 'clock-moved', jumpMs })]);
      // The jump shows just before the first record written on the moved clock.
      const index = entries.indexOf(jump[0]!);
      expect(entries[index + 1]).toMatchObject({ kind: 'done', step: STEP_IDS[3] });
      // Offsets from the start only ever grow, to the true 75 s.
      const offsets = entries.map((entry) => entry.offsetMs);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(entries.at(-1)).toMatchObject({ kind: 'finished', offsetMs: 75_000 });

      // The clerk's shift summary has the true time too.
      const signedOut = await device.must({ type: 'sign-out' });
      const summary = (signedOut.value[0]?.event as { summary: { averageMs: number } }).summary;
      expect(summary.averageMs).toBe(75_000);
    });
  }

  it('back an hour: the step is refused with the clock named, and nothing is written', async () => {
    const device = await staffedDevice();
    await device.must(startCommand({ ticket: 'A100' }));
    const before = await device.rows();
    wait(device, 5_000);
    setWallClock(device, -HOUR);
    const result = await device.store.execute({
      type: 'mark-done',
      serviceId: device.store.snapshot.state.service!.serviceId,
      stepId: 'stand-to-greet',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'clock-went-back' } });
    expect(await device.rows()).toEqual(before);
    // Put right, the service goes on.
    setWallClock(device, HOUR);
    await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
  });

  it('an absence is the true time away, whatever the wall clock did meanwhile', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    await device.must({ type: 'leave-seat' });
    wait(device, 30_000);
    setWallClock(device, 2 * HOUR);
    wait(device, 15_000);
    await device.must({ type: 'unlock', staffNo: null, pin: CLERK.pin });
    const returned = (await device.rows()).find(
      (row) => (row.event as { type: string }).type === 'seat-returned',
    );
    expect(returned?.event).toEqual({ type: 'seat-returned', absenceMs: 45_000 });
  });

  it('a clock moved by less than the threshold is not a jump (two clocks never agree to the ms)', async () => {
    const { device, serviceId } = await serviceWithJump(CLOCK_JUMP_MS - 1);
    expect((await rowOf(device, serviceId)).clockJumps).toEqual([]);
  });

  it('across a reload only the wall clock links records: the duration is then the wall clock’s', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    wait(device, 10_000);
    await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    // A new page load: its monotonic clock starts again.
    await withReloadedBoot(device);
    wait(device, 20_000);
    await device.must({ type: 'abandon', reason: 'customer-left' });
    const ended = (await device.rows()).at(-1)!.event;
    expect(ended).toEqual({
      type: 'service-abandoned',
      reason: 'customer-left',
      durationMs: 30_000,
    });
  });
});

/** Reopens the store as a new page load would: a new boot, its monotonic clock from zero. */
async function withReloadedBoot(device: TestDevice) {
  device.store.close();
  const { openStore } = await import('../../../../renderer/storage');
  const bootStart = device.clock.now;
  device.store = await openStore({
    name: device.name,
    clock: {
      now: () => device.clock.now,
      mono: () => device.clock.now - bootStart,
      boot: 'boot-after-reload',
    },
    pinIterations: 1_000,
    witness: device.witness,
  });
}

describe('the two clocks (domain/log/clock.ts)', () => {
  const at = (atMs: number, boot: string | null, ms = 0) => ({
    atMs,
    mono: boot === null ? null : { boot, ms },
  });

  it('measures on the monotonic clock within one boot, on the wall clock across boots', () => {
    expect(elapsedBetween(at(T0, 'a', 100), at(T0 - HOUR, 'a', 5_100))).toBe(5_000);
    expect(elapsedBetween(at(T0, 'a', 100), at(T0 + 7_000, 'b', 10))).toBe(7_000);
    expect(elapsedBetween(at(T0, null), at(T0 + 7_000, null))).toBe(7_000);
    // Never negative, whichever clock.
    expect(elapsedBetween(at(T0, 'a', 100), at(T0, 'a', 50))).toBe(0);
    expect(elapsedBetween(at(T0, 'a'), at(T0 - HOUR, 'b'))).toBe(0);
  });

  it('finds a jump only within one boot, and only from the threshold up', () => {
    expect(clockJump(at(T0, 'a', 0), at(T0 + 60_000, 'a', 1_000))).toBe(59_000);
    expect(clockJump(at(T0, 'a', 0), at(T0 - HOUR, 'a', 1_000))).toBe(-HOUR - 1_000);
    expect(clockJump(at(T0, 'a', 0), at(T0 + 1_000 + CLOCK_JUMP_MS - 1, 'a', 1_000))).toBeNull();
    expect(clockJump(at(T0, 'a', 0), at(T0 + HOUR, 'b', 1_000))).toBeNull();
    expect(clockJump(at(T0, null), at(T0 + HOUR, null))).toBeNull();
  });
});
