/**
 * Exports coming back onto devices: another counter's log added read-only (and continued, and a
 * gap or a fork refused with nothing written), and a backup restored onto a new tablet, which then
 * goes on under its own key chain and still verifies from the first key.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { businessDay } from '../../../../core/domain/device/config';
import { ServiceProjector } from '../../../../core/domain/service/projection';
import { readRecords } from '../../../../core/domain/log/records';
import { FILES } from '../../../../core/export/format';
import { readExportZip } from '../../../../core/export/read-export';
import { verifyExport } from '../../../../core/export/verify-export';
import {
  CLERK,
  MANAGER,
  T0,
  firstRun,
  fullService,
  rawRows,
  testDevice,
  withRawDb,
} from '../../helpers/builders';
import { dayWithServices, exportDay, twoRecordedDays } from '../../helpers/exports';

async function reviewer() {
  const device = await testDevice();
  await device.must({ ...firstRun(), counter: '9' } as never);
  return device;
}

/** The manager has looked at the fingerprint and confirmed adding a counter new to this tablet. */
const CONFIRMED = { confirmed: true };

const chainRows = async (name: string) => withRawDb(name, (db) => db.chainRecords.toArray());

describe('another counter’s log', () => {
  it('is added read-only after checking it, and the import is recorded in this device’s log', async () => {
    const counter3 = await dayWithServices();
    const { zip } = await exportDay(counter3);
    const manager = await reviewer();
    const result = await manager.store.archive.importChain(zip, CONFIRMED);
    expect(result).toMatchObject({
      ok: true,
      value: { added: expect.any(Number), chain: { counter: '3' } },
    });
    expect((await chainRows(manager.name)).length).toBe(result.ok ? result.value.added : -1);
    expect((await rawRows(manager.name)).at(-1)).toMatchObject({
      staffNo: MANAGER.staffNo,
      event: { type: 'log-imported', counter: '3' },
    });
    expect(await manager.store.verify()).toMatchObject({ intact: true });
    // The same export again adds nothing and records nothing.
    const before = (await rawRows(manager.name)).length;
    expect(await manager.store.archive.importChain(zip)).toMatchObject({
      ok: true,
      value: { added: 0 },
    });
    expect((await rawRows(manager.name)).length).toBe(before);
  });

  it('is continued by the next day’s export, and refused with a gap', async () => {
    const counter3 = await dayWithServices();
    const day1 = await exportDay(counter3);
    counter3.clock.now = T0 + 24 * 3600_000;
    await counter3.must({ type: 'sign-out' });
    await counter3.must({ type: 'sign-in', ...CLERK });
    await fullService(counter3, 'B001', 'B002');
    const day2 = await exportDay(counter3);
    counter3.clock.now = T0 + 48 * 3600_000;
    await counter3.must({ type: 'sign-out' });
    await counter3.must({ type: 'sign-in', ...CLERK });
    await fullService(counter3, 'C001', 'C002');
    const day3 = await exportDay(counter3);

    const manager = await reviewer();
    await manager.store.archive.importChain(day1.zip, CONFIRMED);
    const before = await chainRows(manager.name);
    expect(await manager.store.archive.importChain(day3.zip)).toMatchObject({
      ok: false,
      error: { kind: 'gap', from: day2.result.manifest.records.first.seq },
    });
    expect(await chainRows(manager.name)).toEqual(before);
    expect(await manager.store.archive.importChain(day2.zip)).toMatchObject({ ok: true });
    expect(await manager.store.archive.importChain(day3.zip)).toMatchObject({ ok: true });
    const [chain] = await manager.store.archive.chains();
    expect(chain).toMatchObject({ firstSeq: 1, headSeq: day3.result.manifest.records.last.seq });
  });

  it('is refused when it forks from what is held (same device, same record, another hash)', async () => {
    const counter3 = await dayWithServices();
    // A copy of the tablet, as someone would make to rewrite the afternoon.
    const copy = await testDevice();
    copy.store.close();
    await withRawDb(counter3.name, async (from) => {
      const [events, credentials, keys] = await Promise.all([
        from.events.toArray(),
        from.credentials.toArray(),
        from.keys.toArray(),
      ]);
      await withRawDb(copy.name, async (to) => {
        await to.events.bulkAdd(events);
        await to.credentials.bulkAdd(credentials);
        await to.keys.bulkAdd(keys);
      });
    });
    await copy.reopen();
    copy.clock.now = counter3.clock.now;
    await fullService(counter3, 'D001', 'D002');
    await fullService(copy, 'X001', 'X002');
    const real = await exportDay(counter3);
    const forged = await exportDay(copy);

    const manager = await reviewer();
    await manager.store.archive.importChain(real.zip, CONFIRMED);
    const before = await chainRows(manager.name);
    const result = await manager.store.archive.importChain(forged.zip);
    expect(result).toMatchObject({ ok: false, error: { kind: 'fork' } });
    expect(await chainRows(manager.name)).toEqual(before);
  });

  it.each([
    ['a file that is not a zip', () => strToU8('not a zip'), 'unreadable'],
    ['a tampered export', 'tampered', 'not-intact'],
    ['this device’s own log', 'own', 'own-log'],
  ] as const)('is refused: %s, and nothing is written', async (_what, make, kind) => {
    const counter3 = await dayWithServices();
    const { zip } = await exportDay(counter3);
    let bytes: Uint8Array;
    if (make === 'tampered') {
      const entries = unzipSync(zip);
      entries[FILES.services] = strToU8('service_id\r\nx\r\n');
      bytes = zipSync(entries);
    } else if (make === 'own') bytes = zip;
    else bytes = make();
    const target = make === 'own' ? counter3 : await reviewer();
    if (make === 'own') {
      await target.must({ type: 'lock', reason: 'manual' });
      await target.must({ type: 'sign-in', ...MANAGER });
    }
    const before = await chainRows(target.name);
    expect(await target.store.archive.importChain(bytes)).toMatchObject({
      ok: false,
      error: { kind },
    });
    expect(await chainRows(target.name)).toEqual(before);
  });

  it('needs a manager', async () => {
    const counter3 = await dayWithServices();
    const { zip } = await exportDay(counter3);
    expect(await counter3.store.archive.importChain(zip)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('a backup restored onto a new tablet', () => {
  async function backup() {
    const counter3 = await dayWithServices();
    const day = businessDay(counter3.clock.now, counter3.store.snapshot.state.config);
    const { zip } = await exportDay(counter3, day);
    return { counter3, zip };
  }

  it('reproduces the same services, goes on under its own keys, and verifies from the first key', async () => {
    const { counter3, zip } = await backup();
    const fresh = await testDevice();
    const restored = await fresh.store.archive.restoreBackup(zip, {
      staffNo: MANAGER.staffNo,
      pin: '802468',
      confirmation: '802468',
    });
    expect(restored).toMatchObject({ ok: true });
    const original = readRecords(await rawRows(counter3.name)).records;
    const rows = await rawRows(fresh.name);
    expect(rows.slice(0, original.length).map((row) => row.hash)).toEqual(
      original.map((record) => record.hash),
    );
    expect(rows.slice(original.length).map((row) => (row.event as { type: string }).type)).toEqual([
      'device-restored',
      'pin-set',
      'signed-in',
      'checkpoint',
    ]);
    const services = (records: typeof original) => {
      const projector = new ServiceProjector(counter3.store.snapshot.state.config);
      return records
        .flatMap((record) => projector.push(record) ?? [])
        .map((summary) => [summary.ticket, summary.counts]);
    };
    expect(services(readRecords(rows).records)).toEqual(services(original));
    expect(await fresh.store.verify()).toMatchObject({ intact: true });

    // The new tablet serves on; its own export verifies from the original first key.
    // PINs never travel in a backup: the manager exports (the others get new PINs from them).
    await fullService(fresh, 'E001', 'E002');
    const after = await exportDay(fresh, undefined, 'none', {
      staffNo: MANAGER.staffNo,
      pin: '802468',
    });
    const verdict = await verifyExport(
      (readExportZip(after.zip) as { ok: true; value: Map<string, Uint8Array> }).value,
    );
    expect(verdict).toMatchObject({ status: 'intact', rulesChecked: true });
    expect(after.result.manifest.device.firstKey).toEqual(
      counter3.store.snapshot.state.identity!.firstKey,
    );
  });

  it('is refused onto a device that already has a log, and needs a manager of that log with a valid new PIN', async () => {
    const { counter3, zip } = await backup();
    const used = await reviewer();
    expect(
      await used.store.archive.restoreBackup(zip, {
        staffNo: MANAGER.staffNo,
        pin: '802468',
        confirmation: '802468',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'device-not-empty' },
    });
    const fresh = await testDevice();
    expect(
      await fresh.store.archive.restoreBackup(zip, {
        staffNo: MANAGER.staffNo,
        pin: '111111',
        confirmation: '111111',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'pin-too-simple' },
    });
    expect(await rawRows(fresh.name)).toEqual([]);
    expect(
      await fresh.store.archive.restoreBackup(zip, {
        staffNo: CLERK.staffNo,
        pin: '802468',
        confirmation: '802468',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'no-such-account' },
    });
    // The rows are in, the restore is not finished: a manager can still finish it.
    expect(fresh.store.snapshot.state.restoring).toBe(true);
    const reopened = await fresh.reopen();
    expect(reopened.snapshot.state.restoring).toBe(true);
    expect(
      await reopened.execute({
        type: 'finish-restore',
        staffNo: MANAGER.staffNo,
        pin: '802468',
        confirmation: '802468',
      }),
    ).toMatchObject({ ok: true });
    expect(await reopened.verify()).toMatchObject({ intact: true });
    void counter3;
  });
});

describe('adding a counter this tablet has never held', () => {
  it('asks the manager to confirm first, saying why, and writes nothing until then', async () => {
    const { day1, day2 } = await twoRecordedDays();
    const manager = await reviewer();
    const before = await rawRows(manager.name);
    // Day 2 alone: a device never held, and a log that starts mid-way.
    expect(await manager.store.archive.importChain(day2.zip)).toEqual({
      ok: false,
      error: {
        kind: 'needs-confirmation',
        cautions: [
          { kind: 'new-device', fingerprint: day2.result.manifest.device.fingerprint },
          { kind: 'starts-mid-log', firstSeq: day2.result.manifest.records.first.seq },
        ],
      },
    });
    expect(await chainRows(manager.name)).toEqual([]);
    expect(await rawRows(manager.name)).toEqual(before);
    // Confirmed, day 1 is added; day 2 then continues a device held here and asks nothing.
    expect(await manager.store.archive.importChain(day1.zip, CONFIRMED)).toMatchObject({
      ok: true,
    });
    expect(await manager.store.archive.importChain(day2.zip)).toMatchObject({ ok: true });
  });

  it('asks too when another device already uses that counter here', async () => {
    const first = await dayWithServices();
    const second = await dayWithServices();
    const manager = await reviewer();
    await manager.store.archive.importChain((await exportDay(first)).zip, CONFIRMED);
    const result = await manager.store.archive.importChain((await exportDay(second)).zip);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'needs-confirmation',
        cautions: [{ kind: 'new-device' }, { kind: 'counter-in-use', counter: '3' }],
      },
    });
  });
});
