/**
 * Opening the hub's database at start-up, for `hub/server.ts`: on a PostgreSQL server, the
 * database named in HUB_DATABASE_URL is created when it does not exist yet and the user may create
 * it; the schema is brought up to date. Every way this can fail that an operator can fix (server
 * down, wrong password, database missing and not creatable, a database migrated by a newer hub) is
 * a StartUpError whose message is one line saying what to do — never a stack trace.
 */
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from './db';
import { migrate, MIGRATIONS_DIR } from './migrate';

/** A start-up failure said in one line, with what to do about it. */
export class StartUpError extends Error {}

export interface OpenedDb {
  db: Db;
  /** Migrations run now. */
  ran: string[];
  /** The database did not exist and was created. */
  created: boolean;
}

/** The error's code, also from the first of several (Node tries ::1 then 127.0.0.1). */
function codeOf(error: unknown): string | undefined {
  const found = error as { code?: unknown; errors?: unknown[] } | null;
  if (typeof found?.code === 'string') return found.code;
  return found?.errors?.length ? codeOf(found.errors[0]) : undefined;
}

/** Host, port, user and database of a connection string, for messages (never its password). */
function partsOf(url: string) {
  const parsed = new URL(url);
  return {
    where: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`,
    user: decodeURIComponent(parsed.username) || process.env.USER || 'postgres',
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}

/** The one line an operator reads for a failure to reach or use the server at `url`. */
export function connectionProblem(error: unknown, url: string): string {
  const { where, user, database } = partsOf(url);
  switch (codeOf(error)) {
    case 'ECONNREFUSED':
      return `No PostgreSQL server answers at ${where} (HUB_DATABASE_URL): start it, or correct the host and port.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host in HUB_DATABASE_URL (${where}) is unknown: correct it.`;
    case 'ETIMEDOUT':
      return `The PostgreSQL server at ${where} does not answer (timed out): check the network and the address in HUB_DATABASE_URL.`;
    case '28P01':
      return `PostgreSQL at ${where} refused the password of user "${user}": correct the password in HUB_DATABASE_URL.`;
    case '28000':
      return `PostgreSQL at ${where} does not let user "${user}" connect to "${database}" (no such role, or pg_hba.conf): check the user in HUB_DATABASE_URL and pg_hba.conf.`;
    case '42501':
      return `The database "${database}" does not exist at ${where} and user "${user}" may not create it: create it (createdb -O ${user} ${database}) or grant CREATEDB, then start the hub again.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `The hub's database at ${where} cannot be used: ${message.split('\n')[0]}`;
    }
  }
}

/** Creates `database` through the server's maintenance database, `postgres`. */
async function createDatabase(url: string, database: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  // CREATE DATABASE takes no parameters: only a plain name is created, so nothing is quoted.
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(database)) {
    throw new StartUpError(
      `The database "${database}" does not exist; the hub creates only plain names (letters, digits, _): create it yourself, then start the hub again.`,
    );
  }
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- a checked plain name (above); no parameter possible
    await client.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    // Another hub created it in the meantime: that is what was wanted.
    if (codeOf(error) !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/** Refuses a database whose schema a newer hub migrated: this code would misread it. */
async function checkNotNewer(db: Db): Promise<void> {
  const [table] = await db.query<{ name: string | null }>(
    "SELECT to_regclass('pgmigrations')::text AS name",
  );
  if (!table?.name) return;
  const known = new Set(readdirSync(MIGRATIONS_DIR).map((file) => file.replace(/\.[^.]+$/, '')));
  const unknown = (await db.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id'))
    .map((row) => row.name)
    .filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new StartUpError(
      `The database was migrated by a newer hub (migration ${unknown.at(-1)} is not in this one): run that newer version of the hub, or point HUB_DATABASE_URL at another database.`,
    );
  }
}

/** Opens (creating if it may) and migrates the PostgreSQL database at `url`. */
export async function openPostgresForHub(url: string): Promise<OpenedDb> {
  let created = false;
  let db = openPostgres(url);
  try {
    try {
      await db.query('SELECT 1');
    } catch (error) {
      if (codeOf(error) !== '3D000') throw error;
      await db.close();
      await createDatabase(url, partsOf(url).database);
      created = true;
      db = openPostgres(url);
      await db.query('SELECT 1');
    }
    await checkNotNewer(db);
    return { db, ran: await migrate(db), created };
  } catch (error) {
    await db.close().catch(() => undefined);
    if (error instanceof StartUpError) throw error;
    throw new StartUpError(connectionProblem(error, url));
  }
}

/** The hub's database from its settings: a PostgreSQL server, or PGlite on disk or in memory. */
export async function openHubDb(settings: {
  url: string | undefined;
  dataDir: string;
  memory: boolean;
}): Promise<OpenedDb> {
  if (settings.url) return openPostgresForHub(settings.url);
  const db = await openPglite(settings.memory ? null : settings.dataDir);
  try {
    await checkNotNewer(db);
    return { db, ran: await migrate(db), created: false };
  } catch (error) {
    await db.close().catch(() => undefined);
    if (error instanceof StartUpError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StartUpError(
      `The hub's data in ${settings.dataDir} cannot be opened: ${message.split('\n')[0]}`,
    );
  }
}
