#!/usr/bin/env node
// The browser build as a clerk meets it, in real Chromium over a profile on disk (real IndexedDB,
// strict durability): builds the web app, serves it on loopback, and measures
//  - every tap on the step card's Done: tap → its write transaction complete (durable), and tap →
//    the next frame painted after the screen shows the step done; how many IndexedDB transactions
//    the tap opened; the bytes it wrote;
//  - after each tap, in the same page, a bare strict-durability IndexedDB put of the same size
//    (the limit a tap can approach), so each pair shares the machine's load of that moment;
//  - start-up to the clerk's screen interactive: warm (reload) and cold (HTTP cache and service
//    worker cleared first);
//  - the JavaScript the clerk's screen loads (scripts/clerk-js.mjs), as shipped and gzipped;
//  - storage used per service, from the browser's own estimate, over the services tapped through.
// Figures land in bench/app.json (scripts/bench-report.mjs puts them in the table). BENCH_TAPS
// (default 500) sets the number of taps; BENCH_PORT the port (a free one otherwise). The same
// figures on a device whose own log holds 1×, 4× and 16× a busy stretch: bench-app-growth.mjs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clerkScripts } from './clerk-js.mjs';
import { appPage, freePort } from './bench-probe.mjs';
import { launch, repo, serveBuild, tapFigures } from './bench-app-run.mjs';

const TAPS = Number(process.env.BENCH_TAPS ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));
const appJson = join(repo, 'bench', 'app.json');

const served = await serveBuild(PORT);
const clerkJs = await clerkScripts(served.outDir);
const browser = await launch(served.origin);
const started = Date.now();
try {
  const app = await appPage(browser.page);
  await app.firstRun();
  await app.setTapGuard(0);
  const usageBefore = await app.storageUsage();
  const loop = await app.tapThrough(TAPS);
  const { services } = loop;
  const usageAfter = await app.storageUsage();
  const startup = await app.startup(served.origin, { warm: 5, cold: 3 });
  const figures = tapFigures(loop);
  const { tapToCommitMs: commit, barePutMs: put, barePutAfterClickMs: putTapped } = figures;
  const { handlerToCommitMs: appPath, tapToPaintMs: paint } = figures;
  // The growth runs (scripts/bench-app-growth.mjs) are kept from their own, last run.
  const growth = existsSync(appJson) ? JSON.parse(readFileSync(appJson, 'utf8')).growth : undefined;
  const result = {
    measuredAt: new Date().toISOString(),
    chromium: browser.context.browser()?.version() ?? null,
    tapGuardMs: 0,
    ...figures,
    startupMs: startup,
    clerkJs: {
      files: clerkJs.files.map(({ file, gzip }) => ({ file, gzipKB: gzip / 1024 })),
      KB: clerkJs.bytes / 1024,
      gzipKB: clerkJs.gzip / 1024,
    },
    storage: {
      services,
      usageBytes: usageAfter - usageBefore,
      perThousandServicesMB:
        services > 0 ? (((usageAfter - usageBefore) / services) * 1000) / 1024 ** 2 : null,
    },
    wallSeconds: (Date.now() - started) / 1000,
    growth,
  };
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(appJson, `${JSON.stringify(result, null, 2)}\n`);
  const f = (value) => value.toFixed(1);
  console.log(`\nThe app in real Chromium (${result.chromium}), profile on disk:`);
  console.table({
    'tap → durable commit': { p50: f(commit.p50), p95: f(commit.p95), n: commit.n },
    'click handler → durable commit': { p50: f(appPath.p50), p95: f(appPath.p95), n: appPath.n },
    'bare strict put, same size': { p50: f(put.p50), p95: f(put.p95), n: put.n },
    'click → bare strict put (same size)': {
      p50: f(putTapped.p50),
      p95: f(putTapped.p95),
      n: putTapped.n,
    },
    'ratio tap / click → bare put': {
      p50: f(result.ratioToPutAfterClick.p50),
      p95: f(result.ratioToPutAfterClick.p95),
      n: '',
    },
    'ratio tap / bare': { p50: f(result.ratio.p50), p95: f(result.ratio.p95), n: '' },
    'ratio handler / bare': {
      p50: f(result.appPathRatio.p50),
      p95: f(result.appPathRatio.p95),
      n: '',
    },
    'tap → next frame painted': { p50: f(paint.p50), p95: f(paint.p95), n: paint.n },
    'start-up warm → clerk screen': { ...startup.warm, n: startup.warm.n },
    'start-up cold → clerk screen': { ...startup.cold, n: startup.cold.n },
  });
  console.log(
    `IndexedDB transactions per tap: at most ${result.transactionsPerTap.max} ` +
      `(${result.transactionsPerTap.readWriteMax} read-write); record ${result.recordBytes} bytes; ` +
      `clerk JS ${f(result.clerkJs.gzipKB)} KB gzip; ` +
      `storage ${result.storage.perThousandServicesMB?.toFixed(1)} MB per 1,000 services`,
  );
} finally {
  await browser.close();
  await served.close();
}
