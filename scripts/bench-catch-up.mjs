#!/usr/bin/env node
// The review catching up behind the clerk (decision 0072), in real Chromium over a profile on
// disk: a device holding BENCH_CATCH_UP_DAYS days of a busy counter (scripts/bench-seed.ts,
// restored through the first-run screens), its review then marked as written by older code (as
// after an update that changed REVIEW_VERSION) and the page loaded again. Measured: the start to
// the clerk's screen, tap → painted for services tapped through while the review catches up, and
// how long the catch-up takes to the last record; the same taps after it for comparison. Prints
// one line per scale; bench/catch-up.json keeps them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPage, freePort, quantiles } from './bench-probe.mjs';
import { launch, repo, serveBuild } from './bench-app-run.mjs';

const DAYS = process.env.BENCH_CATCH_UP_DAYS ?? '4,16';
const TAPS = Number(process.env.BENCH_CATCH_UP_TAPS ?? 45);
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));

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

/** Where the review stands and the log's head, from IndexedDB. */
const reviewAt = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['reviewState', 'events']);
          const state = tx.objectStore('reviewState').get('own');
          const head = tx.objectStore('events').openCursor(null, 'prev');
          tx.oncomplete = () => {
            open.result.close();
            resolve({ applied: state.result?.appliedSeq ?? 0, head: head.result?.key ?? 0 });
          };
        };
      }),
  );

const served = await serveBuild(PORT);
const scales = [];
try {
  for (const log of logs) {
    const browser = await launch(served.origin);
    try {
      const app = await appPage(browser.page);
      const restoreMs = await app.restore(log.path);
      await app.setTapGuard(0);
      // Caught up after the restore before the "update".
      for (;;) {
        const { applied, head } = await reviewAt(browser.page);
        if (applied === head) break;
        await browser.page.waitForTimeout(200);
      }
      await app.staleReview();
      const updateStart = Date.now();
      const startMs = await app.reload();
      const during = await app.tapThrough(TAPS, { bare: false });
      const atTapsEnd = await reviewAt(browser.page);
      for (;;) {
        const { applied, head } = await reviewAt(browser.page);
        if (applied === head) break;
        await browser.page.waitForTimeout(100);
      }
      const catchUpSeconds = (Date.now() - updateStart) / 1000;
      const after = await app.tapThrough(TAPS, { bare: false });
      const paint = (taps) => quantiles(taps.map((tap) => tap.paint));
      const row = {
        days: log.days,
        records: log.records,
        restoreSeconds: restoreMs / 1000,
        startAfterUpdateMs: startMs,
        tapToPaintDuring: paint(during.taps),
        reviewAtTapsEnd: atTapsEnd,
        catchUpSeconds,
        tapToPaintAfter: paint(after.taps),
      };
      scales.push(row);
      console.log(
        `${log.days} days (${log.records} records): restore ${row.restoreSeconds.toFixed(1)} s; ` +
          `start after the update ${startMs.toFixed(0)} ms; tap → painted during the catch-up ` +
          `${row.tapToPaintDuring.p50.toFixed(1)} / ${row.tapToPaintDuring.p95.toFixed(1)} ms ` +
          `(review at ${atTapsEnd.applied} of ${atTapsEnd.head} after ${during.services} services), ` +
          `after it ${row.tapToPaintAfter.p50.toFixed(1)} / ${row.tapToPaintAfter.p95.toFixed(1)} ms; ` +
          `caught up ${catchUpSeconds.toFixed(1)} s after the start`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  await served.close();
  rmSync(seeds, { recursive: true, force: true });
}
mkdirSync(join(repo, 'bench'), { recursive: true });
writeFileSync(
  join(repo, 'bench', 'catch-up.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), scales }, null, 2)}\n`,
);
