import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../../renderer/domain/events';
import { CounterStepsDb } from '../../../../renderer/storage/db';
import { StorageError, toStorageError } from '../../../../renderer/storage/errors';
import { PLAIN_ALWAYS_STEPS, staffedDevice, startCommand } from '../../helpers/builders';

describe('the event log', () => {
  it('starts the chain at the genesis hash and links every record to the one before', async () => {
    const { repos } = await staffedDevice();
    await repos.services.execute(startCommand());
    await repos.services.execute({ type: 'mark-done', stepId: 'stand-to-greet' });
    const rows = (await repos.log.readAll()) as { seq: number; prevHash: string; hash: string }[];
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, index) => expect(row.prevHash).toBe(rows[index]!.hash));
    expect(await repos.log.verify()).toMatchObject({ intact: true, count: rows.length });
  });

  it('stamps who, where, when and the monotonic offset on every record', async () => {
    const { repos } = await staffedDevice();
    await repos.services.execute(startCommand());
    const view = await repos.services.latest();
    const [record] = (await repos.log.readService(view.service!.serviceId)).records;
    expect(record).toMatchObject({ staffNo: '1001', counter: '3', mono: { boot: 'boot-test' } });
    expect(record!.at).toBe('2026-11-23T09:00:00.000Z');
    expect(view.startedBy).toBe('1001');
  });

  it('writes the events of one command in one go', async () => {
    const { repos } = await staffedDevice();
    await repos.services.execute(startCommand());
    for (const stepId of PLAIN_ALWAYS_STEPS)
      await repos.services.execute({ type: 'mark-done', stepId });
    await repos.services.execute({ type: 'recommend', offer: 'broadband', response: 'accepted' });
    const result = await repos.services.execute({ type: 'call-next', nextTicket: 'A026' });
    expect(result.ok && result.records.map((record) => record.event.type)).toEqual([
      'next-called',
      ...Array(6).fill('step-not-applicable'),
      'service-finished',
    ]);
    expect((await repos.services.latest()).service?.outcome).toBe('finished');
    expect(await repos.services.lastCalledTicket()).toBe('A026');
  });

  it('refuses a command without writing anything', async () => {
    const { repos } = await staffedDevice();
    await repos.services.execute(startCommand());
    const before = (await repos.log.readAll()).length;
    const result = await repos.services.execute({ type: 'finish' });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'steps-pending' } });
    expect((await repos.log.readAll()).length).toBe(before);
  });

  it('decides quick double taps one after the other, so the second sees the first', async () => {
    const { repos } = await staffedDevice();
    const results = await Promise.all([
      repos.services.execute(startCommand()),
      repos.services.execute(startCommand({ ticket: 'A026' })),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
    expect(await repos.log.verify()).toMatchObject({ intact: true });
  });

  it('reports a stored record that fails validation instead of dropping it', async () => {
    const { repos, name } = await staffedDevice();
    await repos.services.execute(startCommand());
    const serviceId = (await repos.services.latest()).service!.serviceId;
    const seq = (await repos.log.head()).seq + 1;
    // Damage the log behind the app's back, as a faulty disk or a hand edit would.
    const raw = new CounterStepsDb(name);
    await raw.events.add({ seq, serviceId, event: { type: 'step-done', stepId: 'nonsense' } });
    const view = await repos.services.latest();
    expect(view.invalid).toEqual([expect.objectContaining({ seq })]);
    expect(view.service?.outcome).toBe('open');
    expect(await repos.log.verify()).toMatchObject({
      intact: false,
      firstBadSeq: seq,
      problem: 'invalid-record',
    });
    raw.close();
  });

  it('will not link a new record to a head it cannot read, and changes nothing', async () => {
    const { repos, name } = await staffedDevice();
    await repos.services.execute(startCommand());
    const raw = new CounterStepsDb(name);
    const count = await raw.events.count();
    await raw.events.add({ seq: count + 1, garbage: true });
    await expect(
      repos.services.execute({ type: 'mark-done', stepId: 'stand-to-greet' }),
    ).rejects.toMatchObject({
      code: 'log-unreadable',
    });
    expect(await raw.events.count()).toBe(count + 1);
    raw.close();
  });

  it('turns a full disk into the storage-full error', () => {
    const quota = Object.assign(new Error('quota'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    expect(toStorageError(quota)).toMatchObject({ code: 'storage-full' });
    expect(toStorageError(new Error('x'))).toBeInstanceOf(StorageError);
  });
});
