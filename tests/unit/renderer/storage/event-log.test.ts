import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../../renderer/domain/events';
import { openRepositories, type Repositories } from '../../../../renderer/storage';
import { CounterStepsDb } from '../../../../renderer/storage/db';
import { StorageError, toStorageError } from '../../../../renderer/storage/errors';
import { startCommand } from '../../helpers/builders';

const session = { counter: '3', staffNo: '1001' };
let dbCount = 0;
const opened: Repositories[] = [];

function fresh(): { repos: Repositories; name: string } {
  dbCount += 1;
  const name = `test-${dbCount}-${Date.now()}`;
  let wall = Date.parse('2026-11-23T09:00:00.000Z');
  let mono = 0;
  const repos = openRepositories(name, {
    now: () => (wall += 1_000),
    mono: () => (mono += 1_000),
    boot: 'boot-test',
  });
  opened.push(repos);
  return { repos, name };
}

afterEach(() => {
  opened.length = 0;
});

describe('the event log', () => {
  it('starts the chain at the genesis hash and links every record to the one before', async () => {
    const { repos } = fresh();
    await repos.sessions.setUp(session);
    await repos.services.execute(session, startCommand());
    await repos.services.execute(session, { type: 'mark-done', stepId: 'stand-to-greet' });
    const rows = (await repos.log.readAll()) as { seq: number; prevHash: string; hash: string }[];
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(await repos.log.verify()).toMatchObject({ intact: true, count: 3 });
  });

  it('stamps who, where, when and the monotonic offset on every record', async () => {
    const { repos } = fresh();
    await repos.sessions.setUp(session);
    const { ok } = await repos.services.execute(session, startCommand());
    expect(ok).toBe(true);
    const view = await repos.services.latest();
    const [record] = (await repos.log.readService(view.service!.serviceId)).records;
    expect(record).toMatchObject({ staffNo: '1001', counter: '3', mono: { boot: 'boot-test' } });
    expect(record!.at).toMatch(/^2026-11-23T09:00:\d\d\.000Z$/);
  });

  it('writes the events of one command in one go: all or nothing', async () => {
    const { repos } = fresh();
    await repos.services.execute(session, startCommand());
    for (const stepId of [
      'stand-to-greet',
      'eye-contact-smile',
      'greet-aloud',
      'check-ticket',
      'invite-to-sit',
      'ask-needs',
      'address-by-surname',
      'confirm-anything-else',
      'stand-to-see-off',
    ] as const) {
      await repos.services.execute(session, { type: 'mark-done', stepId });
    }
    await repos.services.execute(session, {
      type: 'recommend',
      offer: 'broadband',
      response: 'accepted',
    });
    const result = await repos.services.execute(session, { type: 'call-next', nextTicket: 'A026' });
    expect(result.ok && result.records.map((record) => record.event.type)).toEqual([
      'next-called',
      ...Array(6).fill('step-not-applicable'),
      'service-finished',
    ]);
    expect(result.ok && new Set(result.records.map((record) => record.at)).size).toBe(1);
    expect((await repos.services.latest()).service?.outcome).toBe('finished');
    expect(await repos.services.lastCalledTicket()).toBe('A026');
  });

  it('refuses a command without writing anything', async () => {
    const { repos } = fresh();
    await repos.services.execute(session, startCommand());
    const before = (await repos.log.readAll()).length;
    const result = await repos.services.execute(session, { type: 'finish' });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'steps-pending' } });
    expect((await repos.log.readAll()).length).toBe(before);
  });

  it('decides quick double taps one after the other, so the second sees the first', async () => {
    const { repos } = fresh();
    const results = await Promise.all([
      repos.services.execute(session, startCommand()),
      repos.services.execute(session, startCommand({ ticket: 'A026' })),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
    expect(await repos.log.verify()).toMatchObject({ intact: true, count: 1 });
  });

  it('reports a stored record that fails validation instead of dropping it', async () => {
    const { repos, name } = fresh();
    await repos.services.execute(session, startCommand());
    const serviceId = (await repos.services.latest()).service!.serviceId;
    // Damage a row behind the app's back, as a faulty disk or a hand edit would.
    const raw = new CounterStepsDb(name);
    await raw.events.put({ seq: 2, serviceId, event: { type: 'step-done', stepId: 'nonsense' } });
    const view = await repos.services.latest();
    expect(view.invalid).toEqual([expect.objectContaining({ seq: 2 })]);
    expect(view.service?.outcome).toBe('open');
    expect(await repos.log.verify()).toMatchObject({
      intact: false,
      firstBadSeq: 2,
      problem: 'invalid-record',
    });
    raw.close();
  });

  it('will not link a new record to a head it cannot read, and changes nothing', async () => {
    const { repos, name } = fresh();
    await repos.services.execute(session, startCommand());
    const raw = new CounterStepsDb(name);
    await raw.events.put({ seq: 2, garbage: true });
    await expect(
      repos.services.execute(session, { type: 'mark-done', stepId: 'stand-to-greet' }),
    ).rejects.toMatchObject({
      code: 'log-unreadable',
    });
    expect(await raw.events.count()).toBe(2);
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

describe('the current session', () => {
  it('is empty on a new device and set by the first-run setup', async () => {
    const { repos } = fresh();
    expect(await repos.sessions.current()).toBeNull();
    expect(await repos.sessions.setUp({ counter: ' 3 ', staffNo: '1001' })).toEqual({
      ok: true,
      session,
    });
    expect(await repos.sessions.current()).toEqual(session);
  });

  it('refuses a bad counter or staff number and stores nothing', async () => {
    const { repos } = fresh();
    expect(await repos.sessions.setUp({ counter: '', staffNo: '1001' })).toEqual({
      ok: false,
      refusal: 'invalid-counter',
    });
    expect(await repos.sessions.setUp({ counter: '3', staffNo: '张三' })).toEqual({
      ok: false,
      refusal: 'invalid-staff-number',
    });
    expect(await repos.log.readAll()).toEqual([]);
  });
});
