/**
 * An update of the installed browser app never costs a record or an open service. A second,
 * visibly different version of the app is built (COUNTER_STEPS_VERSION, its own folder), and the
 * same origin starts serving it — as a store's web server does after a deploy — while the tablet
 * is offline with a service open. Back online, the service worker fetches and installs the new
 * version, which then waits: the page says so and keeps running the old version until the service
 * is finished; then it reloads into the new one, and everything stored is still there and intact.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  openScreen,
  eventTypes,
  expectChainIntact,
  finishShortService,
  readLog,
  setUpCounter,
  shortService,
  startService,
} from './fixtures';
import { startStaticServer, type StaticServer } from './static-server';
import NOTES from '../../release-notes.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..', '..');
const V1_DIR = join(ROOT, 'dist-web');
const V2_VERSION = '0.1.0-next';

let server: StaticServer;
let v2Dir: string;

// Playwright reads a hook's fixtures from the destructuring pattern; this one needs none.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  v2Dir = testInfo.outputPath('dist-web-next');
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, COUNTER_STEPS_VERSION: V2_VERSION, COUNTER_STEPS_OUT_DIR: v2Dir },
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stderr).toBe(0);
  server = await startStaticServer(V1_DIR, 4190 + testInfo.workerIndex);
});

test.afterAll(async () => {
  await server?.close();
});

/** The version Settings → This device shows (the manager is signed in). */
async function shownVersion(page: Page): Promise<string | null> {
  await openScreen(page, 'Settings');
  const version = await page.locator('[data-fact="version"]').textContent();
  await openScreen(page, 'Counter');
  return version;
}

test('a new version waits while a service is open and applies once it is finished, keeping every record', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
  });
  const page = await context.newPage();
  await setUpCounter(page, 'en');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await expect.poll(() => shownVersion(page)).toBe('0.1.0');

  // Offline: the app, its clips and the data are all on the device.
  await context.setOffline(true);
  await page.reload();
  await shortService(page, 'en', 'A001', 'A002');
  await expect(page.locator('.start-calling')).toHaveAttribute('data-call-state', 'heard');

  // A new version is deployed while the tablet is offline with a service open.
  await startService(page, 'en', { ticket: 'A002', title: 'mr', business: 'bill-payment' });
  const before = await readLog(page);
  server.serve(v2Dir);
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await context.setOffline(false);
  await expect(page.getByTestId('update-waiting')).toHaveText(
    'Update ready — it will apply after this service.',
    { timeout: 30_000 },
  );
  // One line says what the new version changed (its release.json, from release-notes.json).
  await expect(page.getByTestId('update-changes')).toHaveText(
    `New version ${V2_VERSION}: ${NOTES.en}`,
  );
  // Waiting means waiting: the page was not reloaded, the service is on screen.
  await page.waitForTimeout(2_000);
  expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
  await expect(page.locator('[data-step-id]')).toHaveCount(17);

  await finishShortService(page, 'en', 'A003');
  await expect(page.getByTestId('update-waiting')).toHaveCount(0);
  // A few quiet seconds after the service, the page reloads into the new version.
  await expect
    .poll(() => page.evaluate(() => 'stillTheSamePage' in window).catch(() => 'reloading'), {
      timeout: 30_000,
    })
    .toBe(false);
  await expect(page.getByTestId('calling-ticket')).toHaveText('A003');
  await expect.poll(() => shownVersion(page)).toBe(V2_VERSION);

  // Nothing stored was lost: every record from before is there, byte for byte, and the chain
  // (with the service finished across the update) verifies.
  const after = await expectChainIntact(page);
  expect(after.slice(0, before.length)).toEqual(before);
  const types = eventTypes(after);
  expect(types.filter((type) => type === 'service-started')).toHaveLength(2);
  expect(types.filter((type) => type === 'service-finished')).toHaveLength(2);
  await context.close();
});

test('a new version never reloads under an open dialog; it applies once the dialog is closed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  server.serve(V1_DIR);
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await setUpCounter(page, 'en');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();

  // A new version arrives while the dialog is open (coming back online makes the app look).
  server.serve(v2Dir);
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(page.getByTestId('update-changes')).toContainText(V2_VERSION, { timeout: 30_000 });
  // Well past the quiet time the update waits for: still the same page, the dialog still open.
  await page.waitForTimeout(8_000);
  expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
  await expect(dialog).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => 'stillTheSamePage' in window).catch(() => 'reloading'), {
      timeout: 30_000,
    })
    .toBe(false);
  await expect.poll(() => shownVersion(page)).toBe(V2_VERSION);
  await expectChainIntact(page);
  await context.close();
});
