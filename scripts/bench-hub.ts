/**
 * `npm run bench:hub`: the store hub under load, on loopback only, bounded in count and time.
 *
 * A simulated chain of STORES stores × COUNTERS counters: each counter's log is generated through
 * the app's own domain commands and storage (tests/unit/helpers/review-data.ts, on fake
 * IndexedDB: sign-ins, services with skips, money, recommendations, absences, abandoned and
 * pencil-whipped services, checkpoints), enrolled with a one-time code and pushed to a real hub
 * over HTTP on 127.0.0.1 by the device's own hub client, CONCURRENCY devices at a time. Prints:
 * throughput, push latency (p50/p95/max), PostgreSQL's size per million records, and the chain
 * dashboard's time as the number of stores grows (measured on the stores pushed, then on their
 * rollups copied under new store ids up to 500 stores).
 *
 * Options: --db postgres|pglite (default postgres: a throwaway server from tests/hub/pg-server.ts)
 * --stores N (default 20) --counters N (6) --services N (40 per counter) --concurrency N (8).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { buildHub } from '../hub/app';
import { openPglite, openPostgres, type Db } from '../hub/db';
import { dashboard } from '../hub/dashboard';
import { migrate } from '../hub/migrate';
import { fetchTransport } from '../renderer/platform/bridge';
import type { HubTransport } from '../core/domain/hub/protocol';
import { startPgServer, type PgServer } from '../tests/hub/pg-server';
import { generatedDevice } from '../tests/unit/helpers/review-data';

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const DB = arg('db', 'postgres') as 'postgres' | 'pglite';
const STORES = Number(arg('stores', '20'));
const COUNTERS = Number(arg('counters', '6'));
const SERVICES = Number(arg('services', '40'));
const CONCURRENCY = Number(arg('concurrency', '8'));
const DEADLINE = Date.now() + 40 * 60_000;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  let server: PgServer | null = null;
  let db: Db;
  if (DB === 'postgres') {
    server = await startPgServer();
    db = openPostgres(server.url);
  } else db = await openPglite(null);
  try {
    await migrate(db);
    // Every simulated device enrols from this one address: no limit on codes tried a minute.
    const hub = await buildHub({
      db,
      pinIterations: 1_000,
      name: 'bench',
      guessesPerMinute: Number.MAX_SAFE_INTEGER,
    });
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    const address = hub.app.server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const setup = await hub.service.setupCode();
    const manager = await hub.service.createFirstManager({
      code: setup ?? '',
      staffNo: '8001',
      pin: '246813',
      confirmation: '246813',
    });
    if (!manager.ok) throw new Error(manager.error);
    const sizeBefore = await hub.service.databaseBytes();

    console.log(
      `hub bench: ${DB}, ${STORES} stores × ${COUNTERS} counters, ${SERVICES} services each, ${CONCURRENCY} pushing at once`,
    );
    // 1. The devices' logs, through the app's own commands.
    const started = performance.now();
    const devices: {
      store: string;
      device: Awaited<ReturnType<typeof generatedDevice>>['device'];
    }[] = [];
    for (let store = 0; store < STORES; store += 1) {
      const id = `S${String(store + 1).padStart(3, '0')}`;
      await hub.service.addStore(manager.value, id, `Store ${store + 1}`);
      for (let counter = 0; counter < COUNTERS; counter += 1) {
        if (Date.now() > DEADLINE) throw new Error('bench deadline passed while generating');
        const { device } = await generatedDevice(store * 100 + counter + 1, SERVICES);
        devices.push({ store: id, device });
      }
      process.stdout.write(`\r  generated ${devices.length} device logs`);
    }
    const records = (
      await Promise.all(devices.map(async ({ device }) => device.store.snapshot.state.head.seq))
    ).reduce((sum, count) => sum + count, 0);
    console.log(
      `\r  generated ${devices.length} device logs, ${records} records, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // 2. Enrol and push, CONCURRENCY at a time, timing every push request.
    const latencies: number[] = [];
    const timed =
      (transport: HubTransport): HubTransport =>
      async (request) => {
        const start = performance.now();
        const answer = await transport(request);
        if (request.path === '/api/v1/push') latencies.push(performance.now() - start);
        return answer;
      };
    const dashboardTimes: { stores: number; ms: number; rollups: number }[] = [];
    const measureDashboard = async (stores: number) => {
      const start = performance.now();
      const rows = await hub.service.rollups('2000-01-01', '2999-12-31', null);
      const board = dashboard(rows);
      dashboardTimes.push({ stores, ms: performance.now() - start, rollups: rows.length });
      return board;
    };
    const pushStarted = performance.now();
    let next = 0;
    let pushedStores = 0;
    // Stores go in a few at a time so the dashboard can be timed as they grow.
    const steps = [...new Set([1, 5, 10, 20, 50, STORES].filter((count) => count <= STORES))];
    let pushTime = 0;
    for (const stores of steps) {
      const until = stores * COUNTERS;
      const slice = async () => {
        while (next < until && Date.now() < DEADLINE) {
          const entry = devices[next++];
          if (!entry) break;
          const code = await hub.service.enrolCode(manager.value, entry.store);
          if (!code.ok) throw new Error(code.error);
          const transport = timed(fetchTransport(origin));
          const enrolled = await entry.device.store.hub.enrol(transport, code.value.code);
          if (!enrolled.ok) throw new Error(`enrol: ${JSON.stringify(enrolled.error)}`);
          const pushed = await entry.device.store.hub.push(transport, { batch: 500 });
          if (!pushed.ok) throw new Error(`push: ${JSON.stringify(pushed.error)}`);
        }
      };
      const start = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, slice));
      pushTime += performance.now() - start;
      pushedStores = stores;
      await measureDashboard(stores);
      process.stdout.write(`\r  pushed ${pushedStores} stores`);
    }
    const wall = pushTime / 1000;
    const sizeAfter = await hub.service.databaseBytes();
    const [{ held } = { held: 0 }] = await db.query<{ held: number }>(
      'SELECT count(*)::int AS held FROM records',
    );
    console.log(
      `\r  pushed ${pushedStores} stores (${((performance.now() - pushStarted) / 1000).toFixed(1)} s with dashboard timings)`,
    );

    // 3. The dashboard past the stores pushed: their rollups copied under new store ids.
    const [{ count: base } = { count: 0 }] = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM rollups',
    );
    for (const target of [100, 250, 500].filter((count) => count > STORES)) {
      const copies = Math.ceil(target / STORES) - 1;
      await db.query('DELETE FROM rollups WHERE store_id LIKE $1', ['%#copy%']);
      for (let copy = 1; copy <= copies; copy += 1) {
        await db.query(
          `INSERT INTO rollups (key, store_id, device, day, data)
           SELECT key || $1, store_id || $1, device, day, data FROM rollups WHERE store_id NOT LIKE $2`,
          [`#copy${copy}`, '%#copy%'],
        );
      }
      await measureDashboard(STORES * (copies + 1));
    }

    const verified = held === records;
    console.log('');
    console.log(
      `  records held by the hub: ${held} of ${records} (${verified ? 'all' : 'NOT ALL'})`,
    );
    console.log(
      `  throughput: ${(held / wall).toFixed(0)} records/s, ${(latencies.length / wall).toFixed(1)} pushes/s (${latencies.length} pushes of ≤500 records in ${wall.toFixed(1)} s)`,
    );
    console.log(
      `  push latency: p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(Math.max(...latencies))}`,
    );
    const grown = sizeAfter - sizeBefore;
    console.log(
      `  PostgreSQL size: ${(grown / 1024 ** 2).toFixed(1)} MiB for ${held} records = ${(((grown / held) * 1e6) / 1024 ** 3).toFixed(2)} GiB per million records (records, review rows, rollups, indexes)`,
    );
    console.log(`  chain dashboard (rollups read + figures), by stores (base rollups ${base}):`);
    for (const entry of dashboardTimes)
      console.log(
        `    ${String(entry.stores).padStart(4)} stores: ${ms(entry.ms)} (${entry.rollups} rollup rows)`,
      );
    await hub.app.close();
    for (const { device } of devices) device.store.close();
    if (!verified) process.exitCode = 1;
  } finally {
    await db.close();
    server?.stop();
  }
}

await main();
