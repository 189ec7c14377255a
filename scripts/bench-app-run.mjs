// What scripts/bench-app.mjs and scripts/bench-app-growth.mjs share: the web build served on
// loopback, Chromium over a profile on disk, and the tap figures made from a tap loop's timings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { quantiles } from './bench-probe.mjs';

export const repo = join(import.meta.dirname, '..');

/**
 * Builds the web app into a folder of its own and serves it on `port`; `close` removes both.
 * `root` is the source tree to build (this one unless given: scripts/bench-before.mjs makes an
 * earlier commit's), with its own vite.web.config.mts.
 */
export async function serveBuild(port, { root = repo } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'counter-steps-bench-app-'));
  const configFile = join(root, 'vite.web.config.mts');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile,
    build: { outDir },
    preview: { port, host: '127.0.0.1', strictPort: true },
    logLevel: 'warn',
  });
  return {
    outDir,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.httpServer.close(resolve));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium over a fresh profile on disk, or over `profile` (a folder the caller made, such as a
 * copy of a seeded one); `close` removes the profile too.
 */
export async function launch(
  origin,
  { profile = mkdtempSync(join(tmpdir(), 'counter-steps-bench-profile-')) } = {},
) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(chromium.executablePath()),
    args: CHROMIUM_ARGS,
    baseURL: `${origin}/`,
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
  });
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The figures of a tap loop (`tapThrough`), each tap next to the bare puts paired with it. */
export function tapFigures({ taps, bare, bareTaps }) {
  const commit = quantiles(taps.map((tap) => tap.commit));
  const put = quantiles(bare);
  const putTapped = quantiles(bareTaps);
  const appPath = quantiles(taps.map((tap) => tap.commit - tap.handler));
  return {
    taps: taps.length,
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
    tapToPaintMs: quantiles(taps.map((tap) => tap.paint)),
  };
}
