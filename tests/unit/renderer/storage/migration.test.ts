/**
 * Every released schema, upgraded by this version of the app: each fixture in tests/fixtures is a
 * device database exactly as a release left it. Opened by the current app, every record and every
 * credential is kept byte for byte, the chain verifies, and the review's derived tables are built
 * equal to a projection made afresh from the upgraded log. A new fixture is picked up by itself;
 * its release's IndexedDB schema goes in RELEASED_SCHEMAS (a fixture without one fails here).
 */
import Dexie from 'dexie';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldDevice, type DeviceState } from '../../../../core/domain/device/state';
import { canonicalize } from '../../../../core/domain/log/canonical';
import { readRecords, type LogRecord } from '../../../../core/domain/log/records';
import { verifyRows } from '../../../../core/domain/log/verify';
import {
  REVIEW_VERSION,
  ReviewProjector,
  type ReviewRows,
} from '../../../../core/domain/review/review-projector';
import type { RollupRow } from '../../../../core/domain/review/rollup';
import type { ServiceRow } from '../../../../core/domain/review/service-row';
import { memoryWitness, openStore } from '../../../../renderer/storage';
import { withRawDb } from '../../helpers/builders';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

/** Each release's IndexedDB schema, by its IndexedDB version (Dexie's version × 10). */
const RELEASED_SCHEMAS: Record<number, Record<string, string>> = {
  // Release 0.1.0: Dexie version(1).
  10: { events: 'seq, serviceId, event.type, [staffNo+event.type]', credentials: '++id, staffNo' },
};

interface Fixture {
  release: string;
  schema: number;
  idbVersion: number;
  events: Record<string, unknown>[];
  credentials: { key: number; value: Record<string, unknown> }[];
}

const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    file,
    fixture: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Fixture,
  }));

/** The release's database, made with its own schema, holding the fixture's rows. */
async function releasedDatabase(fixture: Fixture): Promise<string> {
  const stores = RELEASED_SCHEMAS[fixture.idbVersion];
  if (!stores) throw new Error(`no schema for IndexedDB version ${fixture.idbVersion}`);
  const name = `release-${fixture.release}-${crypto.randomUUID()}`;
  const db = new Dexie(name);
  db.version(fixture.idbVersion / 10).stores(stores);
  await db.open();
  expect(db.verno * 10).toBe(fixture.idbVersion);
  await db.table('events').bulkAdd(fixture.events);
  for (const { key, value } of fixture.credentials) await db.table('credentials').add(value, key);
  db.close();
  return name;
}

/** The review's rows, projected afresh from the whole log in memory (none of review-index.ts). */
async function freshProjection(rows: readonly unknown[]) {
  const services = new Map<string, ServiceRow>();
  const rollups = new Map<string, RollupRow>();
  const records: LogRecord[] = [];
  const memory: ReviewRows = {
    serviceRecords: async (serviceId) => records.filter((r) => r.serviceId === serviceId),
    service: async (sid) => services.get(sid),
    samePattern: async (row) =>
      [...services.values()].filter(
        (other) =>
          other.pattern === row.pattern && other.clerk === row.clerk && other.day === row.day,
      ),
    rollup: async (key) => rollups.get(key),
    putService: async (row) => void services.set(row.sid, structuredClone(row)),
    putRollup: async (row) => void rollups.set(row.key, structuredClone(row)),
    amendments: async (_record, target) =>
      records.filter((r) => r.event.type === 'service-amended' && r.event.target === target),
  };
  const projector = new ReviewProjector(memory, 'own');
  let state: DeviceState = foldDevice([]);
  for (const record of readRecords(rows).records) {
    records.push(record);
    await projector.push(record, state.config);
    state = foldDevice([record], state);
  }
  const byKey = <T>(map: Map<string, T>, key: (item: T) => string) =>
    [...map.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    services: byKey(services, (row) => row.id),
    rollups: byKey(rollups, (row) => row.key),
  };
}

describe.each(fixtures)('the database of $file', ({ fixture }) => {
  it('is upgraded keeping every record and credential byte for byte; the chain verifies', async () => {
    const name = await releasedDatabase(fixture);
    const store = await openStore({ name, pinIterations: 600_000, witness: memoryWitness() });
    const { rows, credentials, version } = await withRawDb(name, async (db) => ({
      rows: (await db.events.orderBy(':id').toArray()) as Record<string, unknown>[],
      credentials: await db.credentials.toArray(),
      version: db.verno,
    }));
    expect(version * 10).toBeGreaterThan(fixture.idbVersion);
    // Byte for byte: the same JSON, keys in the same order, for every record the release wrote.
    const kept = rows.slice(0, fixture.events.length);
    expect(kept.map((row) => JSON.stringify(row))).toEqual(
      fixture.events.map((row) => JSON.stringify(row)),
    );
    expect(kept.map((row) => canonicalize(row))).toEqual(
      fixture.events.map((row) => canonicalize(row)),
    );
    expect(credentials.map((row) => JSON.stringify(row))).toEqual(
      fixture.credentials.map(({ value }) => JSON.stringify(value)),
    );
    // Only records were added after them (the upgrade's), and the whole chain verifies.
    expect(rows.length).toBeGreaterThan(fixture.events.length);
    expect(await verifyRows(rows)).toMatchObject({ intact: true, count: rows.length });
    expect(await store.verify()).toMatchObject({ intact: true, count: rows.length });
    store.close();
  }, 30_000);

  it('gets the review built from its log, equal to a fresh projection of it', async () => {
    const name = await releasedDatabase(fixture);
    const store = await openStore({ name, pinIterations: 600_000, witness: memoryWitness() });
    // Built behind the screens, not before they show (review-catch-up.ts).
    await store.reviewCaughtUp();
    store.close();
    const stored = await withRawDb(name, async (db) => ({
      rows: (await db.events.orderBy(':id').toArray()) as unknown[],
      services: (await db.services.orderBy('id').toArray()).map(({ pat: _pat, ...row }) => row),
      rollups: await db.rollups.orderBy('key').toArray(),
      state: await db.reviewState.get('own'),
    }));
    const fresh = await freshProjection(stored.rows);
    expect(stored.services).toEqual(fresh.services);
    expect(stored.rollups).toEqual(fresh.rollups);
    expect(stored.state).toEqual({
      device: 'own',
      appliedSeq: stored.rows.length,
      version: REVIEW_VERSION,
    });
    // And the rows say what the release's records say: each ended service, its recorded duration.
    const ended = fixture.events.filter((row) =>
      ['service-finished', 'service-abandoned'].includes((row.event as { type: string }).type),
    );
    expect(ended.length).toBeGreaterThan(0);
    expect(stored.services.map((row) => [row.serviceId, row.outcome, row.durationMs])).toEqual(
      ended.map((row) => [
        row.serviceId,
        (row.event as { type: string }).type === 'service-finished' ? 'finished' : 'abandoned',
        (row.event as { durationMs: number }).durationMs,
      ]),
    );
  }, 30_000);
});
