#!/usr/bin/env node
// The storage path timed in real Chromium (real IndexedDB, strict durability, WebCrypto):
// builds tests/bench/browser, serves it on loopback, drives it headless and prints the figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';

const root = join(import.meta.dirname, '..', 'tests', 'bench', 'browser');
const outDir = mkdtempSync(join(tmpdir(), 'counter-steps-bench-'));
await build({ root, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  root,
  build: { outDir },
  preview: { port: 4179, host: '127.0.0.1', strictPort: true },
  logLevel: 'warn',
});

const browser = await chromium.launch({
  executablePath: chromiumExecutable(chromium.executablePath()),
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:4179/');
  await page.waitForFunction(() => window.benchResult !== undefined, undefined, {
    timeout: 120_000,
  });
  const result = await page.evaluate(() => window.benchResult);
  if (!Array.isArray(result)) throw new Error(`benchmark failed: ${result?.error}`);
  console.log(
    `\nStorage in real Chromium (${await browser.version()}), IndexedDB strict durability:`,
  );
  console.table(
    result.map(({ name, samples, medianMs, p95Ms }) => ({
      what: name,
      samples,
      'median ms': medianMs.toFixed(1),
      'p95 ms': p95Ms.toFixed(1),
    })),
  );
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
