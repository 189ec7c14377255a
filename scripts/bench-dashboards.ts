/**
 * The manager's dashboards over a counter-year (`node --import tsx scripts/bench-dashboards.ts`,
 * run by `npm run bench`): the demo generator makes a year of one counter's log through the
 * domain (BENCH_YEAR_SERVICES a day, 30 by default: the rollups a dashboard reads are one per
 * clerk and day, so their number is a year's whatever the services a day; BENCH_YEAR_SERVICES=118
 * is the full COUNTER_YEAR), the review's own projector turns its export's log into rollups, and
 * tests/bench/dashboards times the figures screen painted for a day, a month and the year in real
 * Chromium, against reading the rollup rows alone, at 1×, 4× and 16× the rows (BENCH_SCALES).
 * Prints a table and writes bench/dashboards.json.
 */
// IndexedDB for the demo's store in Node: installed before any module that loads Dexie.
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import react from '@vitejs/plugin-react';
import { localeWords } from './locale-words-plugin.ts';
import { COUNTER_YEAR, generateDemo } from '../renderer/demo/generate';
import { FILES } from '../core/export/format';
import { readExportZip } from '../core/export/read-export';
import { projectLog } from '../renderer/storage/review-index';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { freePort } from './bench-probe.mjs';

const PER_DAY = Number(process.env.BENCH_YEAR_SERVICES ?? 30);
const SCALES = process.env.BENCH_SCALES ?? '1,4,16';
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 5);
const repo = join(import.meta.dirname, '..');

const generated = performance.now();
const { exports, truth } = await generateDemo({
  seed: 7,
  counters: 1,
  days: COUNTER_YEAR.days,
  servicesPerDay: PER_DAY,
});
const generateMs = performance.now() - generated;
const [year] = exports;
if (!year) throw new Error('the demo made no export');
const zip = readExportZip(year.bytes);
if (!zip.ok) throw new Error(`the demo export cannot be read: ${zip.error}`);
const rows = new TextDecoder()
  .decode(zip.value.get(FILES.log))
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as unknown);
const { rollups, services } = await projectLog('own', [rows]);

const root = join(repo, 'tests', 'bench', 'dashboards');
const outDir = mkdtempSync(join(tmpdir(), 'counter-steps-bench-dashboards-'));
const profile = mkdtempSync(join(tmpdir(), 'counter-steps-bench-dashboards-profile-'));
await build({
  root,
  base: './',
  configFile: false,
  // As the app's builds: the locale words in parts.
  plugins: [react(), localeWords(join(repo, 'core', 'i18n', 'locales'))],
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
});
writeFileSync(join(outDir, 'rollups.json'), JSON.stringify(rollups));
const port = await freePort();
const server = await preview({
  root,
  configFile: false,
  build: { outDir },
  preview: { port, host: '127.0.0.1', strictPort: true },
  logLevel: 'warn',
});
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumExecutable(chromium.executablePath()),
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error(`page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`page: ${message.text()}`);
  });
  await page.goto(`http://127.0.0.1:${port}/?runs=${RUNS}&scales=${SCALES}`);
  await page.waitForFunction(() => window.dashboardResult !== undefined, undefined, {
    timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 900_000),
  });
  const figures = await page.evaluate(() => window.dashboardResult);
  if (!Array.isArray(figures)) throw new Error(`benchmark failed: ${figures?.error}`);
  const result = {
    measuredAt: new Date().toISOString(),
    chromium: context.browser()?.version() ?? null,
    year: {
      days: COUNTER_YEAR.days,
      servicesPerDay: PER_DAY,
      services: truth.devices[0]?.services ?? null,
      records: rows.length,
      serviceRows: services.length,
      rollupRows: rollups.length,
      generateMs: Math.round(generateMs),
    },
    figures,
  };
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'dashboards.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\nDashboards over a counter-year (${result.year.services} services, ` +
      `${result.year.rollupRows} rollup rows at 1×) in real Chromium:`,
  );
  console.table(
    figures.map((figure) => ({
      data: `${figure.scale}×`,
      rows: figure.rollupRows,
      period: figure.period,
      'painted ms': figure.paintedMs.toFixed(1),
      'rows read ms': figure.readMs.toFixed(1),
      ratio: figure.ratio.toFixed(1),
      'read + a frame ms': figure.floorMs.toFixed(1),
      'ratio to that': figure.floorRatio.toFixed(1),
    })),
  );
} finally {
  await context.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(profile, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
}
