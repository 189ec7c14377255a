#!/usr/bin/env node
// The start-up check of the whole log (renderer/storage/log-watch.ts) measured on a device holding
// months of its own log: a fresh tablet in Chromium restores a backup the demo generator made
// (scripts/bench-seed.ts, BENCH_WATCH_DAYS business days of 118 services, default 4 and 16), then
// the start-up to the clerk's screen is measured warm (BENCH_WATCH_RUNS reloads, default 5) with
// the check running in its worker, and again with the worker's script refused (no check at all),
// and the time from navigation until the check has gone round the whole log. Prints JSON; writes
// no bench file. BENCH_PORT sets the port (a free one otherwise).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPage, freePort, quantiles } from './bench-probe.mjs';
import { launch, repo, serveBuild } from './bench-app-run.mjs';

const DAYS = process.env.BENCH_WATCH_DAYS ?? '4,16';
const RUNS = Number(process.env.BENCH_WATCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));
const KEY = 'counter-steps:log-checked:counter-steps';
const median = (runs) => Number(quantiles(runs).p50.toFixed(1));

const seeds = mkdtempSync(join(tmpdir(), 'counter-steps-bench-seed-'));
const logs = JSON.parse(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repo, 'scripts', 'bench-seed.ts'), '--days', DAYS, '--out', seeds],
    { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
    .trim()
    .split('\n')
    .at(-1),
);

const served = await serveBuild(PORT);
const results = [];
try {
  for (const log of logs) {
    const browser = await launch(served.origin);
    try {
      const { page } = browser;
      const app = await appPage(page);
      await app.restore(log.path);
      const head = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('counter-steps');
            open.onsuccess = () => {
              const request = open.result
                .transaction('events')
                .objectStore('events')
                .openCursor(null, 'prev');
              request.onsuccess = () => {
                resolve(request.result?.key ?? 0);
                open.result.close();
              };
            };
          }),
      );
      // With the check: the clerk's screen, then the pass round the whole log (its place drops
      // back below the head as the pass from record 1 begins, and comes back to the head).
      const withCheck = [];
      const checkDone = [];
      for (let run = 0; run < RUNS; run += 1) {
        withCheck.push(await app.reload());
        await page.waitForFunction(
          ([key, seq]) => {
            const at = JSON.parse(localStorage.getItem(key) ?? 'null')?.seq ?? 0;
            if (at < seq) window.__passBegun = true;
            return window.__passBegun && at === seq;
          },
          [KEY, head],
          { timeout: 600_000, polling: 20 },
        );
        checkDone.push(await page.evaluate(() => performance.now()));
      }
      // Without: the worker's script refused, so no check runs at all.
      await page.route('**/log-watch-worker*', (route) => route.abort());
      const withoutCheck = [];
      for (let run = 0; run < RUNS; run += 1) withoutCheck.push(await app.reload());
      await page.unroute('**/log-watch-worker*');
      results.push({
        days: log.days,
        records: head,
        startupWithCheckMs: median(withCheck),
        startupWithoutCheckMs: median(withoutCheck),
        checkRoundTheLogMs: median(checkDone),
        loadAverage: Number(loadavg()[0].toFixed(2)),
      });
      console.error(JSON.stringify(results.at(-1)));
    } finally {
      await browser.close();
    }
  }
} finally {
  await served.close();
}
console.log(JSON.stringify(results, null, 2));
