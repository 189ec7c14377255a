/**
 * The hardened Electron shell, driven for real: the built app (out/main, out/preload,
 * out/renderer) in the Electron binary. Where the binary cannot be installed (no internet for
 * GitHub releases) every test here is skipped and the reason printed, never silently passed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ElectronApplication,
  type Page,
  _electron as electron,
  expect,
  test as base,
} from '@playwright/test';
import { CHANNELS } from '../../preload/channels';
import type { AppInfo, Result } from '../../preload/contract';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN_ENTRY = join(ROOT, 'out', 'main', 'index.js');
const BUILD_FILES = [
  MAIN_ENTRY,
  join(ROOT, 'out', 'preload', 'index.cjs'),
  join(ROOT, 'out', 'renderer', 'index.html'),
];
const APP_URL = 'app://counter-steps/';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const binary = findElectronBinary();
const skipReason = binary.available ? '' : `Electron specs skipped: ${binary.reason}`;
// The runner loads this file once to list tests and each worker loads it again; print only in
// the runner so the reason appears once in the output.
if (!binary.available && process.env.TEST_WORKER_INDEX === undefined) console.log(skipReason);

interface Fixtures {
  /** Starts the built app with its own fresh profile; closed and removed after the test. */
  launch: (env?: Record<string, string>) => Promise<{ app: ElectronApplication; page: Page }>;
}

const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  launch: async ({}, use) => {
    const started: Array<{ app: ElectronApplication; userData: string }> = [];
    await use(async (env = {}) => {
      if (!binary.available) throw new Error(skipReason);
      const userData = await mkdtemp(join(tmpdir(), 'counter-steps-electron-'));
      const app = await electron.launch({
        executablePath: binary.executablePath,
        args: [MAIN_ENTRY],
        cwd: ROOT,
        env: {
          ...process.env,
          COUNTER_STEPS_USER_DATA_DIR: userData,
          COUNTER_STEPS_KIOSK: '0',
          ...env,
        },
      });
      started.push({ app, userData });
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      return { app, page };
    });
    for (const { app, userData } of started) {
      await app.close().catch(() => undefined);
      await rm(userData, { recursive: true, force: true });
    }
  },
});

test.describe('Electron shell', () => {
  test.skip(!binary.available, skipReason);

  test.beforeAll(() => {
    const missing = BUILD_FILES.filter((file) => !existsSync(file));
    // A missing build is a setup mistake, not a reason to skip: fail loudly.
    if (missing.length > 0)
      throw new Error(`Build first (npx electron-vite build); missing: ${missing.join(', ')}`);
  });

  test('opens its one window on app://counter-steps/', async ({ launch }) => {
    const { app, page } = await launch();
    expect(page.url()).toBe(APP_URL);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // The page is the built renderer (its React root), not the protocol handler's 404.
    expect(await page.locator('#root').count()).toBe(1);
  });

  test('serves the page with the Content-Security-Policy header', async ({ launch }) => {
    const { page } = await launch();
    const csp = await page.evaluate(async () =>
      (await fetch('./')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('stays on the app when the page tries to navigate away or open a window', async ({
    launch,
  }) => {
    const { app, page } = await launch();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    // Give a navigation that was not blocked time to commit before checking.
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(APP_URL);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('exposes window.counterSteps and nothing of Node or ipcRenderer', async ({ launch }) => {
    const { page } = await launch();
    const seen = await page.evaluate(async () => ({
      keys: Object.keys(window.counterSteps ?? {}).sort(),
      info: await window.counterSteps?.getAppInfo(),
      leaks: ['require', 'process', 'ipcRenderer', 'electron', 'module'].filter(
        (name) => name in window,
      ),
    }));
    expect(seen.keys).toEqual(Object.keys(CHANNELS).sort());
    expect(seen.info).toEqual({
      ok: true,
      value: { shell: 'electron', version: pkg.version, kiosk: false, view: 'counter' },
    } satisfies Result<AppInfo>);
    expect(seen.leaks).toEqual([]);
  });

  test('turning to the customer opens the display window, which main alone calls the display', async ({
    launch,
  }) => {
    const { app, page } = await launch();
    const opening = app.waitForEvent('window');
    expect(await page.evaluate(() => window.counterSteps?.openDisplay())).toEqual({
      ok: true,
      value: null,
    });
    const display = await opening;
    await display.waitForLoadState('domcontentloaded');
    expect(display.url()).toBe(`${APP_URL}#display-turned`);
    expect(await display.evaluate(() => window.counterSteps?.getAppInfo())).toMatchObject({
      ok: true,
      value: { view: 'display' },
    });
    expect(await page.evaluate(() => window.counterSteps?.getAppInfo())).toMatchObject({
      ok: true,
      value: { view: 'counter' },
    });
    // The display cannot open another display, and the counter's page cannot claim to be one.
    expect(await display.evaluate(() => window.counterSteps?.openDisplay())).toEqual({
      ok: false,
      error: 'not-from-counter',
    });
    await page.evaluate(() => {
      window.location.hash = 'display';
    });
    expect(await page.evaluate(() => window.counterSteps?.getAppInfo())).toMatchObject({
      value: { view: 'counter' },
    });
  });

  test('main refuses a traversing export file name sent through the bridge', async ({ launch }) => {
    const { page } = await launch();
    const result = await page.evaluate(() =>
      window.counterSteps?.beginExport({ fileName: '../escape.zip' }),
    );
    expect(result).toEqual({ ok: false, error: 'invalid-payload' });
  });

  test('opens in kiosk mode when COUNTER_STEPS_KIOSK=1', async ({ launch }) => {
    const { app, page } = await launch({ COUNTER_STEPS_KIOSK: '1' });
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isKiosk()),
    ).toBe(true);
    const info = await page.evaluate(() => window.counterSteps?.getAppInfo());
    expect(info).toMatchObject({ ok: true, value: { kiosk: true } });
  });

  test('has no DevTools unless started with the development flag', async ({ launch }) => {
    const { app } = await launch();
    const opened = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      contents?.openDevTools();
      return contents?.isDevToolsOpened();
    });
    expect(opened).toBe(false);
  });

  test('keeps the witness of the log in main, and refuses to move it back', async ({ launch }) => {
    const { page } = await launch();
    const hash = (fill: string) => fill.repeat(64);
    const results = await page.evaluate(
      async ({ a, b }) => {
        const api = window.counterSteps;
        return [
          await api?.advanceWitness({ log: 'probe', head: { seq: 9, hash: a } }),
          await api?.advanceWitness({ log: 'probe', head: { seq: 3, hash: b } }),
          await api?.readWitness({ log: 'probe' }),
        ];
      },
      { a: hash('a'), b: hash('b') },
    );
    expect(results).toEqual([
      { ok: true, value: null },
      { ok: false, error: 'behind' },
      { ok: true, value: { seq: 9, hash: hash('a') } },
    ]);
  });
});
