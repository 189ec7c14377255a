/**
 * `npm run hub`: starts the store hub. Settings come from the environment:
 *
 * - HUB_DATABASE_URL — a PostgreSQL connection string (a chain's server); when unset, the hub runs
 *   PGlite embedded, with its data in HUB_DATA_DIR (default `hub-data/` here);
 * - HUB_HOST, HUB_PORT — where it listens (default 127.0.0.1:8787; put TLS in front of it, e.g. a
 *   reverse proxy, before it leaves the machine);
 * - HUB_NAME — the hub's name in the manifests of its exports;
 * - HUB_SETUP_CODE — a setup code of your choosing for the first manager (else one is made and
 *   printed; either works once, and only while the hub has no account);
 * - HUB_MEMORY=1 — PGlite in memory, gone when the hub stops (the end-to-end tests use it);
 * - HUB_TLS_CERT, HUB_TLS_KEY — PEM files: the hub serves HTTPS itself (Secure cookies, HSTS);
 * - HUB_TRUST_PROXY=1 — behind a reverse proxy that terminates TLS and sets X-Forwarded-For and
 *   X-Forwarded-Proto (docs/hub.md): the hub believes them. Never set it on an open port.
 *
 * It creates the database if it may and brings the schema up to date (node-pg-migrate) before it
 * listens; a start-up failure is one line saying what to do (hub/start-up.ts), exit code 1.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildHub } from './app';
import { openHubDb, StartUpError } from './start-up';

/** A failure at start-up is one line saying what to do (hub/start-up.ts), and a non-zero exit. */
function stop(error: unknown): never {
  const message =
    error instanceof StartUpError
      ? error.message
      : (error as { code?: unknown } | null)?.code === 'EADDRINUSE'
        ? `Port ${env.HUB_PORT ?? 8787} is in use on ${env.HUB_HOST ?? '127.0.0.1'}: stop what uses it, or choose another HUB_PORT.`
        : `The hub cannot start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  console.error(message);
  process.exit(1);
}

const env = process.env;
const url = env.HUB_DATABASE_URL;
const dataDir = resolve(env.HUB_DATA_DIR ?? 'hub-data');
const memory = env.HUB_MEMORY === '1';
const { db, ran, created } = await openHubDb({ url, dataDir, memory }).catch(stop);
if (created) console.log('The database in HUB_DATABASE_URL did not exist: created it.');
let https: { cert: Buffer; key: Buffer } | undefined;
try {
  https =
    env.HUB_TLS_CERT && env.HUB_TLS_KEY
      ? { cert: readFileSync(env.HUB_TLS_CERT), key: readFileSync(env.HUB_TLS_KEY) }
      : undefined;
} catch (error) {
  stop(error);
}
const hub = await buildHub({
  db,
  name: env.HUB_NAME,
  logger: env.HUB_LOG === '1',
  trustProxy: env.HUB_TRUST_PROXY === '1',
  ...(https ? { https } : {}),
});
const port = Number(env.HUB_PORT ?? 8787);
const host = env.HUB_HOST ?? '127.0.0.1';
await hub.app.listen({ port, host }).catch(stop);

const where = url ? 'PostgreSQL server' : memory ? 'PGlite in memory' : `PGlite in ${dataDir}`;
console.log(
  `Counter Steps hub on ${https ? 'https' : 'http'}://${host}:${port}/ (${where}; migrations run: ${ran.length}; ` +
    `devices' reviews rebuilt: ${hub.reviewsRebuilt})`,
);
const setup = await hub.service.setupCode(env.HUB_SETUP_CODE);
if (setup) console.log(`No account yet: open /setup with the one-time setup code ${setup}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void hub.app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}
