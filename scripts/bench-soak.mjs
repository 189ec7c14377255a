#!/usr/bin/env node
// An 8-hour shift in one page, the page never reloaded: the browser build in real Chromium over a
// profile on disk, 120 services (15 an "hour") tapped through the real clerk's screens at a
// compressed pace (back to back: the wall clock is not advanced), with the screen locked and
// unlocked for a break each hour. After each hour, after a garbage collection (CDP
// HeapProfiler.collectGarbage): the JavaScript heap used, DOM nodes, event listeners and documents
// (CDP Performance.getMetrics), and the storage the origin uses (navigator.storage.estimate, the
// IndexedDB log and review). Tap → next frame painted (the step card's Done) over the first hour
// and over the last. Targets: heap and DOM nodes flat within 10 % after the first hour; tap →
// painted at the end within 10 % of the start. Figures land in bench/soak.json; a Markdown table
// is printed for docs/performance.md. BENCH_SOAK_HOURS (default 8) and BENCH_SOAK_PER_HOUR
// (default 15) scale it down for a quick look; BENCH_PORT the port.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPage, freePort, quantiles } from './bench-probe.mjs';
import { launch, repo, serveBuild } from './bench-app-run.mjs';

const HOURS = Number(process.env.BENCH_SOAK_HOURS ?? 8);
const PER_HOUR = Number(process.env.BENCH_SOAK_PER_HOUR ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));
const MANAGER_PIN = '246810';

const served = await serveBuild(PORT);
const browser = await launch(served.origin);
const { page } = browser;
const started = Date.now();
try {
  const app = await appPage(page);
  await app.firstRun();
  await app.setTapGuard(0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async (hour, taps) => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? null;
    const paint = quantiles(taps.map((tap) => tap.paint));
    return {
      hour,
      heapMB: metric('JSHeapUsedSize') / 1024 ** 2,
      domNodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      documents: metric('Documents'),
      storageMB: (await app.storageUsage()) / 1024 ** 2,
      records: await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('counter-steps');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('events').objectStore('events').count();
              count.onsuccess = () => {
                resolve(count.result);
                open.result.close();
              };
            };
          }),
      ),
      tapToPaintP50: paint.p50,
      tapToPaintP95: paint.p95,
      taps: paint.n,
    };
  };
  const button = (name) => page.getByRole('button', { name, exact: true });
  /** A break: the screen locked, then unlocked with the PIN (two records, the lock screen shown). */
  const takeBreak = async () => {
    await button('Lock').click();
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
    await button('Unlock').click();
    await button('Start service').waitFor();
  };
  const hours = [];
  const before = await sample(0, []);
  let services = 0;
  for (let hour = 1; hour <= HOURS; hour += 1) {
    const taps = [];
    // tapThrough counts Done taps; a service here has 9 of them.
    while (services < hour * PER_HOUR) {
      const loop = await app.tapThrough(1, { bare: false });
      taps.push(...loop.taps);
      services += loop.services;
    }
    await takeBreak();
    // The probe's own list of taps (read above) would otherwise grow in the page's heap.
    await page.evaluate(() => {
      window.__taps.length = 0;
    });
    hours.push(await sample(hour, taps));
    const last = hours.at(-1);
    console.log(
      `hour ${hour}: ${services} services, ${last.records} records, heap ${last.heapMB.toFixed(1)} MB, ` +
        `${last.domNodes} nodes, ${last.listeners} listeners, storage ${last.storageMB.toFixed(1)} MB, ` +
        `tap → painted p50 ${last.tapToPaintP50.toFixed(1)} ms`,
    );
  }
  const first = hours[0];
  const end = hours.at(-1);
  const later = hours.slice(1);
  const spread = (key) => {
    const values = later.map((row) => row[key]);
    return values.length ? (Math.max(...values) - first[key]) / first[key] : 0;
  };
  const result = {
    measuredAt: new Date().toISOString(),
    chromium: browser.context.browser()?.version() ?? null,
    hours: HOURS,
    services,
    before,
    perHour: hours,
    growthAfterFirstHour: { heap: spread('heapMB'), domNodes: spread('domNodes') },
    tapToPaintEndVsStart: end.tapToPaintP50 / first.tapToPaintP50 - 1,
    targetsMet: {
      heapFlat: spread('heapMB') <= 0.1,
      domNodesFlat: spread('domNodes') <= 0.1,
      tapToPaint: end.tapToPaintP50 / first.tapToPaintP50 - 1 <= 0.1,
    },
    wallSeconds: (Date.now() - started) / 1000,
  };
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
  const f = (value, digits = 1) => value.toFixed(digits);
  console.log(
    '\n| hour | services | records | heap after GC (MB) | DOM nodes | listeners | storage (MB) | tap → painted p50 / p95 (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of [before, ...hours]) {
    console.log(
      `| ${row.hour} | ${row.hour * PER_HOUR} | ${row.records} | ${f(row.heapMB)} | ${row.domNodes} | ` +
        `${row.listeners} | ${f(row.storageMB)} | ${row.taps ? `${f(row.tapToPaintP50)} / ${f(row.tapToPaintP95)}` : '—'} |`,
    );
  }
  console.log(
    `\nAfter the first hour: heap ${f(result.growthAfterFirstHour.heap * 100)} %, DOM nodes ` +
      `${f(result.growthAfterFirstHour.domNodes * 100)} % (max over hour 1); tap → painted at the end ` +
      `${f(result.tapToPaintEndVsStart * 100)} % vs the first hour. Targets met: ` +
      JSON.stringify(result.targetsMet),
  );
} finally {
  await browser.close();
  await served.close();
}
