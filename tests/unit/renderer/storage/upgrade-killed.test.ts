/**
 * Every upgrade step killed half-way leaves a device that starts and verifies intact, and the step
 * is made again, once, at the next start:
 *
 * - each IndexedDB schema step (Dexie version 1 → 2, 2 → 3): one versionchange transaction, so a
 *   failure (a crash, the page closed) in the middle of it rolls back the whole step;
 * - the log's own upgrade from release 0.1.0 (a device identity, the PIN commitments, a first
 *   checkpoint): one append, so killed in the middle of its transaction it leaves nothing;
 * - the review rebuilt for a new REVIEW_VERSION: slices, each one transaction with where it
 *   stands, so one killed in the middle leaves the review where the last slice ended.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyRows } from '../../../../core/domain/log/verify';
import { ReviewProjector } from '../../../../core/domain/review/review-projector';
import { memoryWitness, openStore } from '../../../../renderer/storage';
import { CounterStepsDb } from '../../../../renderer/storage/db';
import { EventLog } from '../../../../renderer/storage/event-log';
import { ReviewCatchUp } from '../../../../renderer/storage/review-catch-up';
import { OWN_LOG, projectLog } from '../../../../renderer/storage/review-index';
import { withRawDb } from '../../helpers/builders';
import { generatedDevice } from '../../helpers/review-data';

interface Fixture {
  events: Record<string, unknown>[];
  credentials: { key: number; value: Record<string, unknown> }[];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../fixtures/release-0.1.0.json'), 'utf8'),
) as Fixture;

/** The schemas of db.ts, version by version (what each release left on its devices). */
const SCHEMAS: Record<number, Record<string, string>> = {
  1: { events: 'seq, serviceId, event.type, [staffNo+event.type]', credentials: '++id, staffNo' },
  2: {
    events: 'seq, serviceId, event.type, [staffNo+event.type+seq]',
    credentials: '++id, staffNo',
    keys: 'index',
    chains: 'device',
    chainRecords: '[device+seq]',
  },
};

/** A database left by the release whose schema is `version`, holding release 0.1.0's log. */
async function databaseAt(version: 1 | 2): Promise<string> {
  const name = `killed-${version}-${crypto.randomUUID()}`;
  const db = new Dexie(name);
  for (let v = 1; v <= version; v += 1) db.version(v).stores(SCHEMAS[v]!);
  await db.open();
  await db.table('events').bulkAdd(fixture.events);
  for (const { key, value } of fixture.credentials) await db.table('credentials').add(value, key);
  db.close();
  return name;
}

/** This app's database, its step to `version` killed in the middle of the upgrade. */
class KilledAt extends CounterStepsDb {
  constructor(name: string, version: number) {
    super(name, { autoOpen: false });
    this.version(version).upgrade(async (tx) => {
      // Half the step's work done (a row written in the upgrade's transaction), then the crash.
      await tx.table('events').put({ seq: 999_999, half: 'written' });
      throw new Error('killed half-way');
    });
  }
}

async function stored(name: string) {
  const db = new Dexie(name);
  await db.open();
  const out = {
    version: db.verno,
    events: await db.table('events').toArray(),
    credentials: await db.table('credentials').toArray(),
  };
  db.close();
  return out;
}

async function startsIntact(name: string) {
  const store = await openStore({ name, pinIterations: 600_000, witness: memoryWitness() });
  await store.reviewCaughtUp();
  const verdict = await store.verify();
  const types = store.snapshot.state;
  store.close();
  const rows = await withRawDb(name, (db) => db.events.orderBy(':id').toArray());
  expect(verdict.intact).toBe(true);
  expect(await verifyRows(rows)).toMatchObject({ intact: true, count: rows.length });
  // The release's records are still there byte for byte, first in the log.
  expect(rows.slice(0, fixture.events.length)).toEqual(fixture.events);
  return { rows, state: types };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an upgrade killed half-way', () => {
  it.each([
    { from: 1 as const, to: 2 },
    { from: 1 as const, to: 3 },
    { from: 2 as const, to: 3 },
  ])(
    'schema step to version $to (from $from): rolled back whole, made at the next start',
    async ({ from, to }) => {
      const name = await databaseAt(from);
      const before = await stored(name);
      const killed = new KilledAt(name, to);
      await expect(killed.open()).rejects.toThrow();
      killed.close();
      // As the release left it: its version, its rows, nothing of the half-made step.
      const after = await stored(name);
      expect(after).toEqual(before);
      const { rows } = await startsIntact(name);
      const upgraded = rows.filter(
        (row) => (row as { event: { type: string } }).event.type === 'log-upgraded',
      );
      expect(upgraded).toHaveLength(1);
    },
    60_000,
  );

  it("the log's upgrade from release 0.1.0, killed inside its transaction: nothing of it stays", async () => {
    const name = await databaseAt(1);
    const append = EventLog.prototype.append;
    const spy = vi.spyOn(EventLog.prototype, 'append').mockImplementationOnce(function (
      this: EventLog,
      expected,
      records,
      extras = {},
    ) {
      // The records are added in the transaction, then it dies before committing.
      return append.call(this, expected, records, {
        ...extras,
        derived: {
          tables: extras.derived?.tables ?? [],
          write: () => Promise.reject(new Error('killed half-way')),
        },
      });
    });
    await expect(
      openStore({ name, pinIterations: 600_000, witness: memoryWitness() }),
    ).rejects.toThrow();
    expect(spy).toHaveBeenCalledTimes(1);
    const after = await stored(name);
    expect(after.events).toEqual(fixture.events);
    spy.mockRestore();
    const { rows, state } = await startsIntact(name);
    expect(state.upgraded).toBe(true);
    const types = rows.map((row) => (row as { event: { type: string } }).event.type);
    expect(types.filter((type) => type === 'log-upgraded')).toHaveLength(1);
    expect(types.filter((type) => type === 'device-identity')).toHaveLength(1);
  }, 60_000);

  it('the review rebuilt for a new version, killed inside a slice: resumed, equal to a rebuild', async () => {
    const { device } = await generatedDevice(21, 10);
    await withRawDb(device.name, (db) =>
      db.reviewState.put({ device: OWN_LOG, appliedSeq: 0, version: 1 }),
    );
    const push = ReviewProjector.prototype.push;
    let pushes = 0;
    vi.spyOn(ReviewProjector.prototype, 'push').mockImplementation(function (
      this: ReviewProjector,
      record,
      config,
    ) {
      pushes += 1;
      if (pushes === 6) return Promise.reject(new Error('killed half-way'));
      return push.call(this, record, config);
    });
    const db = new CounterStepsDb(device.name);
    const catchUp = new ReviewCatchUp(db, new EventLog(db), () => undefined, {
      sliceRecords: 40,
    });
    await expect(catchUp.run()).rejects.toThrow('killed half-way');
    db.close();
    vi.restoreAllMocks();
    const half = await withRawDb(device.name, (raw) => raw.reviewState.get(OWN_LOG));
    expect(half!.appliedSeq).toBeGreaterThan(0);
    expect(half!.appliedSeq).toBeLessThan(device.store.snapshot.state.head.seq);
    const store = await device.reopen();
    expect(store.snapshot.reviewCatchUp).toBeNull();
    const got = await withRawDb(device.name, async (raw) => ({
      services: await raw.services.orderBy('id').toArray(),
      rollups: await raw.rollups.orderBy('key').toArray(),
    }));
    const rows = await withRawDb(device.name, (raw) => raw.events.orderBy(':id').toArray());
    const want = await projectLog(OWN_LOG, [rows]);
    expect(got.services).toEqual(want.services.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(got.rollups).toEqual(want.rollups.sort((a, b) => (a.key < b.key ? -1 : 1)));
  }, 60_000);
});
