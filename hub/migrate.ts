/**
 * Brings the database's schema up to date with node-pg-migrate, running the SQL files in
 * hub/migrations (the same files for PGlite and a PostgreSQL server) in one transaction, under
 * node-pg-migrate's advisory lock, recording each in `pgmigrations`.
 */
import { join } from 'node:path';
import { runner } from 'node-pg-migrate';
import type { ClientBase } from 'pg';
import type { Db } from './db';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export async function migrate(db: Db): Promise<string[]> {
  const client = await db.migrationClient();
  try {
    const ran = await runner({
      // node-pg-migrate only calls `query` on a client it is given.
      dbClient: client as unknown as ClientBase,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: 'pgmigrations',
      singleTransaction: true,
      checkOrder: true,
      log: () => undefined,
    });
    return ran.map((migration) => migration.name);
  } finally {
    await client.release();
  }
}
