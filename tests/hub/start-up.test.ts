import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../hub/db';
import { openPostgresForHub, StartUpError } from '../../hub/start-up';
import { startPgServer, type PgServer } from './pg-server';

/** The same server, another database or user or port. */
function urlWith(base: string, change: { database?: string; user?: string; port?: string }) {
  const url = new URL(base);
  if (change.database) url.pathname = `/${change.database}`;
  if (change.user) url.username = change.user;
  if (change.port) url.port = change.port;
  return url.toString();
}

async function failure(url: string): Promise<string> {
  const error = await openPostgresForHub(url).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StartUpError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('opening the hub’s PostgreSQL database at start-up', { timeout: 120_000 }, () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer();
  }, 120_000);
  afterAll(() => server?.stop());

  it('creates a database that does not exist yet, and migrates it', async () => {
    const url = urlWith(server.url, { database: 'counter_steps' });
    const opened = await openPostgresForHub(url);
    expect(opened.created).toBe(true);
    expect(opened.ran.length).toBeGreaterThan(0);
    const [row] = await opened.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM accounts',
    );
    expect(row?.count).toBe(0);
    await opened.db.close();
    const again = await openPostgresForHub(url);
    expect([again.created, again.ran]).toEqual([false, []]);
    await again.db.close();
  });

  it('says in one line that no server answers at a wrong port', async () => {
    const message = await failure(urlWith(server.url, { port: '1' }));
    expect(message).toBe(
      'No PostgreSQL server answers at 127.0.0.1:1 (HUB_DATABASE_URL): start it, or correct the host and port.',
    );
  });

  it('says in one line what to do when the database is missing and the user may not create it', async () => {
    const admin = openPostgres(server.url);
    await admin.query('CREATE ROLE clerk LOGIN NOCREATEDB');
    await admin.close();
    const message = await failure(urlWith(server.url, { database: 'elsewhere', user: 'clerk' }));
    expect(message).toContain('"elsewhere" does not exist');
    expect(message).toContain('createdb -O clerk elsewhere');
  });

  it('refuses in one line a database a newer hub has migrated', async () => {
    const url = urlWith(server.url, { database: 'newer' });
    const opened = await openPostgresForHub(url);
    await opened.db.query(
      "INSERT INTO pgmigrations (name, run_on) VALUES ('9999999999999_from-the-future', now())",
    );
    await opened.db.close();
    const message = await failure(url);
    expect(message).toContain('migrated by a newer hub (migration 9999999999999_from-the-future');
  });
});
