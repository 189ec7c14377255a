#!/usr/bin/env node
// Growth: the app benchmark's tap and start-up figures on a device whose own log holds 1×, 4× and
// 16× a busy stretch (by default 4, 16 and 64 business days of 118 services), so they show
// whether a tap or a start-up costs more as the log grows. For each scale the demo generator makes
// the counter's whole log through the domain's own commands and exports it as a backup
// (scripts/bench-seed.ts); a fresh tablet in real Chromium, over a profile on disk, restores it
// through the first-run screens (the restore is timed: Restore pressed → the clerk's screen), the
// first start after it is timed (one reload), then the same tap loop as scripts/bench-app.mjs
// (BENCH_GROWTH_TAPS taps, default 150, each paired with a bare strict put after a real click)
// and the same warm and cold start-ups; last, the start after an update that changed
// REVIEW_VERSION (the review marked as from older code, so the start rebuilds it from the log). Figures land in bench/app.json under `growth` (the rest of
// the file is left as bench-app.mjs wrote it). BENCH_GROWTH_DAYS (default 4,16,64) sets the
// scales; BENCH_PORT the port (a free one otherwise).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPage, freePort } from './bench-probe.mjs';
import { launch, repo, serveBuild, tapFigures } from './bench-app-run.mjs';

const TAPS = Number(process.env.BENCH_GROWTH_TAPS ?? 150);
const DAYS = process.env.BENCH_GROWTH_DAYS ?? '4,16,64';
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));
const appJson = join(repo, 'bench', 'app.json');
const started = Date.now();
const seconds = (ms) => Number((ms / 1000).toFixed(1));

const seeds = mkdtempSync(join(tmpdir(), 'counter-steps-bench-seed-'));
console.log(`Generating the logs (${DAYS} days)…`);
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
const scales = [];
try {
  for (const log of logs) {
    const browser = await launch(served.origin);
    try {
      const loadAverageAtStart = Number(loadavg()[0].toFixed(2));
      const app = await appPage(browser.page);
      console.log(`${log.days} days (${log.records} records): restoring…`);
      const restoreMs = await app.restore(log.path);
      const storageBytes = await app.storageUsage();
      const firstStartMs = await app.reload();
      console.log(
        `  restored in ${seconds(restoreMs)} s; first start ${firstStartMs.toFixed(0)} ms`,
      );
      await app.setTapGuard(0);
      const figures = tapFigures(await app.tapThrough(TAPS));
      const startupMs = await app.startup(served.origin, { warm: 5, cold: 3 });
      await app.staleReview();
      const reviewRebuildStartMs = await app.reload();
      const afterRebuildMs = await app.reload();
      const { tapToCommitMs: c, barePutAfterClickMs: k, tapToPaintMs: p } = figures;
      scales.push({
        scale: log.days / logs[0].days,
        ...log,
        path: undefined,
        loadAverageAtStart,
        restoreSeconds: seconds(restoreMs),
        storageAfterRestoreMB: Number((storageBytes / 1024 ** 2).toFixed(1)),
        firstStartAfterRestoreMs: Number(firstStartMs.toFixed(1)),
        ...figures,
        startupMs,
        // The first start after an update that changed REVIEW_VERSION (the review rebuilt from
        // the whole log before the screen shows), and the start after it.
        reviewRebuildStartMs: Number(reviewRebuildStartMs.toFixed(1)),
        startAfterRebuildMs: Number(afterRebuildMs.toFixed(1)),
      });
      console.log(
        `  tap → durable ${c.p50.toFixed(1)} / ${c.p95.toFixed(1)} ms (put after a click ` +
          `${k.p50.toFixed(1)} / ${k.p95.toFixed(1)} ms, ` +
          `${figures.ratioToPutAfterClick.p50.toFixed(1)}× / ` +
          `${figures.ratioToPutAfterClick.p95.toFixed(1)}×); painted ${p.p50.toFixed(1)} / ` +
          `${p.p95.toFixed(1)} ms; start-up warm ${startupMs.warm.p50} cold ${startupMs.cold.p50} ms; ` +
          `after a REVIEW_VERSION change ${reviewRebuildStartMs.toFixed(0)} ms, then ` +
          `${afterRebuildMs.toFixed(0)} ms`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  await served.close();
  rmSync(seeds, { recursive: true, force: true });
}

const growth = {
  measuredAt: new Date().toISOString(),
  tapsPerScale: TAPS,
  scales,
  wallSeconds: seconds(Date.now() - started),
};
mkdirSync(join(repo, 'bench'), { recursive: true });
const app = existsSync(appJson) ? JSON.parse(readFileSync(appJson, 'utf8')) : {};
writeFileSync(appJson, `${JSON.stringify({ ...app, growth }, null, 2)}\n`);
console.log(`\nbench/app.json: growth written (${growth.wallSeconds} s).`);
