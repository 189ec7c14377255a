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
// (default 500) sets the number of taps; BENCH_PORT the port (a free one otherwise).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { clerkScripts } from './clerk-js.mjs';
import { appPage, freePort, quantiles } from './bench-probe.mjs';

const TAPS = Number(process.env.BENCH_TAPS ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));
const repo = join(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'counter-steps-bench-app-'));
const profile = mkdtempSync(join(tmpdir(), 'counter-steps-bench-profile-'));

const configFile = join(repo, 'vite.web.config.mts');
await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const clerkJs = await clerkScripts(outDir);
const server = await preview({
  configFile,
  build: { outDir },
  preview: { port: PORT, host: '127.0.0.1', strictPort: true },
  logLevel: 'warn',
});
const origin = `http://127.0.0.1:${PORT}`;

const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumExecutable(chromium.executablePath()),
  args: CHROMIUM_ARGS,
  baseURL: `${origin}/`,
  viewport: { width: 1280, height: 800 },
  hasTouch: true,
});
const started = Date.now();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const app = await appPage(page);
  await app.firstRun();
  await app.setTapGuard(0);
  const usageBefore = await app.storageUsage();
  const { taps, bare, bareTaps, services } = await app.tapThrough(TAPS);
  const usageAfter = await app.storageUsage();
  const startup = await app.startup(origin, { warm: 5, cold: 3 });

  const commit = quantiles(taps.map((tap) => tap.commit));
  const paint = quantiles(taps.map((tap) => tap.paint));
  const put = quantiles(bare);
  const putTapped = quantiles(bareTaps);
  const appPath = quantiles(taps.map((tap) => tap.commit - tap.handler));
  const result = {
    measuredAt: new Date().toISOString(),
    chromium: context.browser()?.version() ?? null,
    taps: taps.length,
    tapGuardMs: 0,
    recordBytes: quantiles(taps.map((tap) => tap.bytes)).p50,
    transactionsPerTap: {
      max: Math.max(...taps.map((tap) => tap.transactions)),
      readWriteMax: Math.max(...taps.map((tap) => tap.readWrite)),
      mean: taps.reduce((sum, tap) => sum + tap.transactions, 0) / taps.length,
    },
    tapToCommitMs: commit,
    // The same, from the moment the page ran the click handler: the app's own path.
    handlerToCommitMs: appPath,
    inputToHandlerMs: quantiles(taps.map((tap) => tap.handler)),
    tapToWriteOpenedMs: quantiles(taps.map((tap) => tap.opened)),
    barePutMs: put,
    ratio: { p50: commit.p50 / put.p50, p95: commit.p95 / put.p95 },
    barePutAfterClickMs: putTapped,
    ratioToPutAfterClick: { p50: commit.p50 / putTapped.p50, p95: commit.p95 / putTapped.p95 },
    appPathRatio: { p50: appPath.p50 / put.p50, p95: appPath.p95 / put.p95 },
    tapToPaintMs: paint,
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
  };
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'app.json'), `${JSON.stringify(result, null, 2)}\n`);
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
  await context.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(profile, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
}
