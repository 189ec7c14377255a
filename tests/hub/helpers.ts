/** The hub under test: on PGlite in memory or on a throwaway PostgreSQL server, driven by inject. */
import { buildHub, type Hub } from '../../hub/app';
import { openPglite, openPostgres, type Db } from '../../hub/db';
import { migrate } from '../../hub/migrate';
import type { Account } from '../../hub/accounts';
import type { HubTransport } from '../../renderer/storage';
import { startPgServer, type PgServer } from './pg-server';

export type DbKind = 'pglite' | 'postgres';
export const DB_KINDS: DbKind[] = ['pglite', 'postgres'];

export interface TestHub {
  hub: Hub;
  db: Db;
  manager: Account;
  transport: HubTransport;
  close(): Promise<void>;
}

const servers: PgServer[] = [];

/** A fresh database of `kind` with the hub's schema (a server of its own for PostgreSQL). */
export async function freshDb(kind: DbKind): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return db;
  }
  const server = await startPgServer();
  servers.push(server);
  const db = openPostgres(server.url);
  await migrate(db);
  return db;
}

export function stopPgServers(): void {
  for (const server of servers.splice(0)) server.stop();
}

export const MANAGER = { staffNo: '8001', pin: '246813' };

export async function testHub(kind: DbKind, now?: () => number): Promise<TestHub> {
  const db = await freshDb(kind);
  const hub = await buildHub({ db, pinIterations: 1_000, now });
  const code = await hub.service.setupCode();
  const made = await hub.service.createFirstManager({
    code: code ?? '',
    staffNo: MANAGER.staffNo,
    pin: MANAGER.pin,
    confirmation: MANAGER.pin,
  });
  if (!made.ok) throw new Error(`setup refused: ${made.error}`);
  const transport: HubTransport = async ({ method, path, body }) => {
    const response = await hub.app.inject({ method, url: path, payload: body as object });
    return { status: response.statusCode, body: response.json() as unknown };
  };
  return {
    hub,
    db,
    manager: made.value,
    transport,
    async close() {
      await hub.app.close();
      await db.close();
    },
  };
}

/** A store and a fresh enrolment code for it. */
export async function enrolCode(test: TestHub, store = 'S001', name = 'Store 1'): Promise<string> {
  await test.hub.service.addStore(test.manager, store, name);
  const code = await test.hub.service.enrolCode(test.manager, store);
  if (!code.ok) throw new Error(code.error);
  return code.value.code;
}

export async function counts(db: Db, device: string) {
  const [row] = await db.query<{ records: number; head: number }>(
    `SELECT (SELECT count(*)::int FROM records WHERE device = $1) AS records,
            coalesce((SELECT head_seq FROM devices WHERE id = $1), -1) AS head`,
    [device],
  );
  return row!;
}

/**
 * A form posted as a browser posts it from the hub's own page: with the anti-forgery secret's
 * cookie and the token the page put in the form (hub/web/csrf.ts), and the hub's own Origin.
 */
export async function form(
  app: Hub['app'],
  request: {
    url: string;
    headers?: { cookie?: string };
    payload?: Record<string, unknown>;
    /** The page the form is on (its token is taken from there); /login unless said. */
    from?: string;
  },
) {
  const page = await app.inject({
    method: 'GET',
    url: request.from ?? '/login',
    headers: request.headers ?? {},
  });
  const secret = page.cookies.find((entry) => entry.name === 'hub_csrf')?.value;
  const token = /name="_csrf" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
  const cookies = [request.headers?.cookie, secret ? `hub_csrf=${secret}` : undefined];
  return app.inject({
    method: 'POST',
    url: request.url,
    headers: {
      origin: 'http://localhost:80',
      cookie: cookies.filter((part) => part).join('; '),
    },
    payload: { ...(request.payload ?? {}), _csrf: token },
  });
}
