/**
 * The store's log mechanics on fake IndexedDB: chaining, stamping, one transaction per command,
 * nothing written on refusal, taps decided one after the other, two writers on one log, damaged
 * rows, a full disk, and the state loaded at start being the fold of the whole log.
 */
import { describe, expect, it, vi } from 'vitest';
import { foldDevice } from '../../../../core/domain/device/state';
import { GENESIS_HASH } from '../../../../core/domain/log/events';
import { readRecords } from '../../../../core/domain/log/records';
import { openStore } from '../../../../renderer/storage';
import {
  CLERK,
  MANAGER,
  T0,
  fullService,
  rawRows,
  staffedDevice,
  startCommand,
  withRawDb,
} from '../../helpers/builders';

describe('appending', () => {
  it('starts the chain at the genesis hash and links every record to the one before', async () => {
    const device = await staffedDevice();
    await fullService(device);
    const rows = await rawRows(device.name);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, index) => expect(row.prevHash).toBe(rows[index]!.hash));
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
  });

  it('stamps the device, who, where, when and the monotonic offset on every record', async () => {
    const device = await staffedDevice();
    device.clock.now = T0 + 5_000;
    await device.must(startCommand());
    const last = (await rawRows(device.name)).at(-1)!;
    expect(last).toMatchObject({
      v: 2,
      device: device.store.snapshot.state.identity!.deviceId,
      staffNo: CLERK.staffNo,
      counter: '3',
      at: new Date(T0 + 5_000).toISOString(),
      mono: { boot: 'boot-test' },
    });
  });

  it('writes the records of one command together, or none of them', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    const before = (await rawRows(device.name)).length;
    const result = await device.must({ type: 'leave-seat' });
    expect(result.value.map((record) => record.event.type)).toEqual(['seat-left', 'screen-locked']);
    expect((await rawRows(device.name)).length).toBe(before + 2);
  });

  it('refuses a command without writing anything', async () => {
    const device = await staffedDevice();
    const before = await rawRows(device.name);
    expect(
      await device.store.execute({
        type: 'mark-done',
        serviceId: crypto.randomUUID(),
        stepId: 'stand-to-greet',
      }),
    ).toMatchObject({
      ok: false,
    });
    expect(await rawRows(device.name)).toEqual(before);
  });

  it('decides a double tap one after the other: the second Done for the same step is refused as stale', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    const serviceId = device.store.snapshot.state.service!.serviceId;
    const tap = () =>
      device.store.execute({ type: 'mark-done', serviceId, stepId: 'stand-to-greet' });
    const [first, second] = await Promise.all([tap(), tap()]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'stale-command' } });
    const steps = (await rawRows(device.name)).filter(
      (row) => (row.event as { type: string }).type === 'step-done',
    );
    expect(steps).toHaveLength(1);
    expect(device.store.snapshot.state.service!.steps['eye-contact-smile'].status).toBe('pending');
  });
});

describe('two writers on one log (two tabs, two windows)', () => {
  it('never take the same sequence number: the second folds in the first’s records and decides again', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    const other = await openStore({ name: device.name, pinIterations: 1_000 });
    const serviceId = device.store.snapshot.state.service!.serviceId;
    // Both start from the same head; each does a different step at the same moment.
    const results = await Promise.all([
      device.store.execute({ type: 'mark-done', serviceId, stepId: 'stand-to-greet' }),
      other.execute({ type: 'mark-done', serviceId, stepId: 'eye-contact-smile' }),
    ]);
    expect(results).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true }),
    ]);
    const rows = await rawRows(device.name);
    expect(new Set(rows.map((row) => row.seq)).size).toBe(rows.length);
    expect(await device.store.verify()).toMatchObject({ intact: true, count: rows.length });
    other.close();
  });

  it('refuse an append whose head moved underneath it, and write nothing of it', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    // Another window of the same tablet: the same wall clock.
    const other = await openStore({
      name: device.name,
      pinIterations: 1_000,
      clock: { now: () => device.clock.now, mono: () => 0, boot: 'other-window' },
    });
    const serviceId = device.store.snapshot.state.service!.serviceId;
    await other.execute({ type: 'mark-done', serviceId, stepId: 'stand-to-greet' });
    // This window still believes step 1 is pending: deciding again on the moved head makes its
    // own tap for step 1 a stale one, and nothing is written twice.
    expect(
      await device.store.execute({ type: 'mark-done', serviceId, stepId: 'stand-to-greet' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'stale-command' },
    });
    const steps = (await rawRows(device.name)).filter(
      (row) => (row.event as { type: string }).type === 'step-done',
    );
    expect(steps).toHaveLength(1);
    other.close();
  });
});

describe('damaged rows', () => {
  it('reports a stored row that fails validation instead of dropping it', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    await withRawDb(device.name, async (db) => {
      const last = (await db.events.orderBy(':id').last()) as Record<string, unknown>;
      await db.events.add({ ...last, seq: (last.seq as number) + 1, event: { type: 'made-up' } });
    });
    const reloaded = await device.reopen();
    expect(reloaded.snapshot.invalid).toEqual([
      expect.objectContaining({ seq: expect.any(Number) }),
    ]);
  });

  it('will not link a new record to a row it cannot read, and changes nothing', async () => {
    const device = await staffedDevice();
    await withRawDb(device.name, async (db) => {
      const last = (await db.events.orderBy(':id').last()) as Record<string, unknown>;
      await db.events.add({ seq: (last.seq as number) + 1, garbage: true });
    });
    const reloaded = await device.reopen();
    const before = await rawRows(device.name);
    await expect(reloaded.execute(startCommand())).rejects.toMatchObject({
      code: 'log-unreadable',
    });
    expect(await rawRows(device.name)).toEqual(before);
  });
});

describe('a full disk', () => {
  it('reports storage-full, keeps everything already stored, and works again once there is room', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    const before = await rawRows(device.name);
    // The disk fills: IndexedDB refuses every write, as Chromium does when the quota is reached.
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    await expect(
      device.must({ type: 'mark-done', stepId: 'stand-to-greet' }),
    ).rejects.toMatchObject({
      code: 'storage-full',
    });
    add.mockRestore();
    put.mockRestore();
    expect(await rawRows(device.name)).toEqual(before);
    expect(device.store.snapshot.state.service!.steps['stand-to-greet'].status).toBe('pending');
    expect(await device.must({ type: 'mark-done', stepId: 'stand-to-greet' })).toMatchObject({
      ok: true,
    });
  });
});

describe('the state at start', () => {
  it('remembers the day’s tickets across a reload: one served is refused again', async () => {
    const device = await staffedDevice();
    await fullService(device, 'A025', 'A026');
    const reloaded = await device.reopen();
    expect(await reloaded.execute(startCommand({ ticket: 'A025' }))).toEqual({
      ok: false,
      error: { code: 'ticket-already-served', ticket: 'A025' },
    });
    expect(
      await reloaded.execute({ type: 'call-next', serviceId: null, nextTicket: 'A026' }),
    ).toEqual({ ok: false, error: { code: 'ticket-already-called', ticket: 'A026' } });
  });

  it('is what folding the whole log gives, read from a fraction of it', async () => {
    const device = await staffedDevice();
    await fullService(device, 'A025', 'A026');
    await device.must(startCommand({ ticket: 'A026' }));
    await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...MANAGER });
    await device.must({ type: 'change-config', change: { key: 'idle-lock-minutes', value: 7 } });
    await device.must({ type: 'leave-seat' });
    // The personal values come from beside the log, as the store reads them (personal.ts).
    const held = new Map(
      (await withRawDb(device.name, (db) => db.personal.toArray())).map((kept) => [
        kept.commitment,
        kept.value,
      ]),
    );
    const whole = foldDevice(
      readRecords(await rawRows(device.name), (commitment) => held.get(commitment)).records,
    );
    const reloaded = await device.reopen();
    expect(reloaded.snapshot.state).toEqual(whole);
    expect(reloaded.snapshot.state).toEqual(device.store.snapshot.state);
  });
});
