/**
 * The restore-approval migration on a hub that already holds a restored tablet's log (on both
 * databases): the restore it took before approvals existed is recorded as approved by nobody, so
 * the tablet goes on pushing after the upgrade; restore codes need their device.
 */
import { randomUUID } from 'node:crypto';
import { runner } from 'node-pg-migrate';
import type { ClientBase } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../hub/db';
import { MIGRATIONS_DIR, migrate } from '../../hub/migrate';
import { DB_KINDS, stopPgServers } from './helpers';
import { startPgServer } from './pg-server';

afterAll(() => stopPgServers());

/** A database migrated up to, not including, the restore approvals. */
async function before(kind: (typeof DB_KINDS)[number]): Promise<{ db: Db; stop: () => void }> {
  let stop: () => void = () => undefined;
  let db: Db;
  if (kind === 'pglite') db = await openPglite(null);
  else {
    const server = await startPgServer();
    stop = () => server.stop();
    db = openPostgres(server.url);
  }
  const client = await db.migrationClient();
  try {
    await runner({
      dbClient: client as unknown as ClientBase,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      count: 3,
      migrationsTable: 'pgmigrations',
      singleTransaction: true,
      log: () => undefined,
    });
  } finally {
    await client.release();
  }
  return { db, stop };
}

describe.each(DB_KINDS)('the restore-approval migration on %s', { timeout: 120_000 }, (kind) => {
  it('keeps a restore the hub held before as approved, and asks restore codes for a device', async () => {
    const { db, stop } = await before(kind);
    try {
      const device = randomUUID();
      const key = { kty: 'OKP', crv: 'Ed25519', x: 'c29tZS1wdWJsaWMta2V5LWJ5dGVzLTMyLWxvbmcteA' };
      await db.query("INSERT INTO stores (id, name) VALUES ('S1', 'Store 1')");
      await db.query(
        `INSERT INTO devices (id, store_id, first_key, fingerprint, enrolled_at)
         VALUES ($1, 'S1', '{}', 'f', 0)`,
        [device],
      );
      const body = { seq: 7, event: { type: 'device-restored', publicKey: key } };
      await db.query(
        `INSERT INTO records (device, seq, hash, prev_hash, at, type, body)
         VALUES ($1, 7, 'h7', 'h6', now(), 'device-restored', $2)`,
        [device, JSON.stringify(body)],
      );
      // This migration runs now (and any later ones after it).
      expect((await migrate(db))[0]).toBe('1764300000000_restore-approval');
      const approvals = await db.query<{
        device: string;
        public_key: unknown;
        restore_seq: number;
        code_hash: string | null;
      }>('SELECT device, public_key, restore_seq, code_hash FROM restore_approvals');
      expect(approvals).toEqual([{ device, public_key: key, restore_seq: 7, code_hash: null }]);
      await expect(
        db.query(
          "INSERT INTO codes (code_hash, purpose, store_id, expires_at) VALUES ('x', 'restore', 'S1', 1)",
        ),
      ).rejects.toThrow();
      await db.query(
        "INSERT INTO codes (code_hash, purpose, store_id, expires_at, device) VALUES ('y', 'restore', 'S1', 1, $1)",
        [device],
      );
    } finally {
      await db.close();
      stop();
    }
  });
});
