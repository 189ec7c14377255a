/**
 * The storage failing under the app, in real Chromium with real IndexedDB: a full disk (a real
 * QuotaExceededError: the origin's quota lowered through the DevTools protocol), a transaction
 * that fails, a database newer than the app, another window blocking the upgrade or taking the
 * database over, damaged database files. Each time the clerk or manager reads what happened and
 * what to do; nothing recorded is lost, nothing half-written shows as saved, nothing is deleted,
 * and no new empty log starts over an old one.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  openScreen,
  WORDS,
  expectChainIntact,
  expectStatus,
  readLog,
  setUpCounter,
  startService,
  tapOnCard,
} from './fixtures';
import { baseURL, indexedDbFiles, launchProfile, newProfileDir, removeProfile } from './profile';

const w = WORDS.en;

/** A page on the app's origin that is not the app: another window, an old or newer build. */
async function otherWindow(context: BrowserContext): Promise<Page> {
  await context.route('**/other-window.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>other</title>' }),
  );
  const page = await context.newPage();
  await page.goto('./other-window.html');
  return page;
}

/** The stores release 0.1.0 made (IndexedDB version 10). */
const RELEASE_0_1_0 = [
  { name: 'events', keyPath: 'seq' },
  { name: 'credentials', keyPath: 'id', autoIncrement: true },
];

/**
 * Opens `counter-steps` at `version` in `page` and keeps it open, deaf to versionchange; creates
 * `stores` when it makes the database (`marked`: with a row that must survive).
 */
async function holdDatabase(
  page: Page,
  version: number,
  stores: { name: string; keyPath: string; autoIncrement?: boolean; marked?: boolean }[] = [],
) {
  await page.evaluate(
    ({ version, stores }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('counter-steps', version);
        request.onupgradeneeded = () => {
          for (const { name, marked, ...options } of stores) {
            const created = request.result.createObjectStore(name, options);
            if (marked) created.add({ id: 1, note: `kept by version ${version}` });
          }
        };
        request.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = request.result;
          resolve();
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }),
    { version, stores },
  );
}

const databaseVersion = (page: Page) =>
  page.evaluate(
    async () =>
      (await indexedDB.databases()).find((db) => db.name === 'counter-steps')?.version ?? null,
  );

const startupScreen = (page: Page) => page.locator('[data-startup]');

/** Writes 64 KiB to a database of its own: 'ok', or the name of the error that stopped it. */
const probeWrite = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('quota-probe', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('probe');
        request.onerror = () => resolve(request.error?.name ?? 'error');
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('probe', 'readwrite', { durability: 'strict' });
          tx.objectStore('probe').put(
            crypto.getRandomValues(new Uint8Array(65_536)),
            Math.random(),
          );
          tx.oncomplete = () => (db.close(), resolve('ok'));
          tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'abort'));
        };
      }),
  );

test.describe('in a throwaway browser context', () => {
  test.use({ serviceWorkers: 'block' });

  test('a database newer than the app is not opened: a clear screen, and the database untouched', async ({
    context,
  }) => {
    const other = await otherWindow(context);
    await holdDatabase(other, 990, [{ name: 'future', keyPath: 'id', marked: true }]);
    await other.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());

    const page = await context.newPage();
    await page.goto('./?lang=en');
    await expect(startupScreen(page)).toHaveAttribute('data-startup', 'newer-version');
    await expect(
      page.getByRole('heading', { name: 'Counter Steps cannot open its records' }),
    ).toBeVisible();
    await expect(page.getByText('written by a newer version of Counter Steps')).toBeVisible();
    await expect(page.getByText('Install that newer version')).toBeVisible();
    await expect(page.getByLabel(w.counter)).toHaveCount(0);
    // Still the newer version's database, as it was: no table of this app added to it.
    expect(await databaseVersion(page)).toBe(990);
    const stores = await other.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const request = indexedDB.open('counter-steps');
          request.onsuccess = () => {
            resolve([...request.result.objectStoreNames]);
            request.result.close();
          };
        }),
    );
    expect(stores).toEqual(['future']);
  });

  test('another window holding an older connection: the app says so, and opens once it lets go', async ({
    context,
  }) => {
    const other = await otherWindow(context);
    // Release 0.1.0's layout, held open by a window that ignores requests to close.
    await holdDatabase(other, 10, RELEASE_0_1_0);
    const page = await context.newPage();
    await page.goto('./?lang=en');
    await expect(startupScreen(page)).toHaveAttribute('data-startup', 'database-blocked');
    await expect(page.getByText('still has the records open with an older version')).toBeVisible();
    await expect(page.getByText('This screen goes on by itself')).toBeVisible();
    await page.waitForTimeout(500);
    await expect(startupScreen(page)).toHaveAttribute('data-startup', 'database-blocked');

    await other.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect(page.getByLabel(w.counter)).toBeVisible();
    expect(await databaseVersion(page)).toBe(40);
  });

  test('a newer version opening the records in another window: this one stops, writing nothing more', async ({
    context,
    page,
  }) => {
    await setUpCounter(page, 'en');
    await startService(page, 'en', { ticket: 'A001', title: 'ms', business: 'bill-payment' });
    await tapOnCard(page, 'stand-to-greet', w.done);
    await expectStatus(page, 'stand-to-greet', 'done');
    const before = await readLog(page);

    const other = await otherWindow(context);
    await holdDatabase(other, 50);
    await expect(startupScreen(page)).toHaveAttribute('data-startup', 'closed-by-newer-version');
    await expect(page.getByText('this window stopped using them')).toBeVisible();
    await expect(page.locator('[data-step-id]')).toHaveCount(0);
    // Everything recorded is in the database the newer version now holds.
    const held = await other.evaluate(
      () =>
        new Promise<unknown[]>((resolve) => {
          const db = (window as unknown as { held: IDBDatabase }).held;
          const request = db.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => resolve(request.result);
        }),
    );
    expect(held).toEqual(before);
  });

  test('a transaction that fails: the step stays not saved, says so, and is saved when tapped again', async ({
    page,
  }) => {
    // The next append to the log aborts, as a failing disk would make it.
    await page.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      const scope = window as unknown as { failWrites: number };
      scope.failWrites = 0;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
        const request = add.apply(this, args as [unknown, IDBValidKey?]);
        if (this.name === 'events' && scope.failWrites > 0) {
          scope.failWrites -= 1;
          this.transaction.abort();
        }
        return request;
      } as typeof add;
    });
    await setUpCounter(page, 'en');
    await startService(page, 'en', { ticket: 'A002', title: 'mr', business: 'bill-payment' });
    await tapOnCard(page, 'stand-to-greet', w.done);
    await expectStatus(page, 'stand-to-greet', 'done');
    const before = await readLog(page);

    await page.evaluate(() => ((window as unknown as { failWrites: number }).failWrites = 1));
    await tapOnCard(page, 'eye-contact-smile', w.done);
    await expect(page.getByRole('alert')).toContainText(
      'This could not be saved. Nothing already recorded was lost. Please try again.',
    );
    await expectStatus(page, 'eye-contact-smile', 'pending');
    await expect(page.locator('article.step-card')).toHaveAttribute(
      'data-card-step-id',
      'eye-contact-smile',
    );
    expect(await readLog(page)).toEqual(before);

    await page.getByRole('button', { name: 'OK' }).click();
    await tapOnCard(page, 'eye-contact-smile', w.done);
    await expectStatus(page, 'eye-contact-smile', 'done');
    const rows = await expectChainIntact(page);
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows).toHaveLength(before.length + 1);
  });

  test('managers see storage used and left, a warning from 80 % full, and whether storage is persistent', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const mb = 1_048_576;
      navigator.storage.estimate = () => Promise.resolve({ usage: 850 * mb, quota: 1000 * mb });
    });
    await setUpCounter(page, 'en');
    await openScreen(page, 'Settings');
    await expect(page.locator('[data-fact="storage"]')).toHaveText('850.0 MB of 1000.0 MB');
    await expect(page.locator('[data-fact="storage-left"]')).toHaveText('150.0 MB (15 %)');
    await expect(page.locator('[data-fact="storage-warning"]')).toContainText(
      'Storage is 85 % full.',
    );
    await expect(page.locator('[data-fact="persistent"]')).toHaveText(/^(Granted|Not granted)/);
  });

  test('storage well below the threshold: no warning', async ({ page }) => {
    await setUpCounter(page, 'en');
    await openScreen(page, 'Settings');
    await expect(page.locator('[data-fact="storage-left"]')).toHaveText(/MB \(\d+\s%\)$/);
    await expect(page.locator('[data-fact="storage-warning"]')).toHaveCount(0);
  });
});

test.describe('in a browser profile on disk', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = newProfileDir('storage');
  });
  test.afterEach(() => removeProfile(dir));

  test('a full disk: the clerk reads so, the step stays not saved, earlier records intact, and it saves once space returns', async () => {
    test.setTimeout(120_000);
    const context = await launchProfile(dir, { serviceWorkers: 'block' });
    const page = context.pages()[0] ?? (await context.newPage());
    await setUpCounter(page, 'en');
    await startService(page, 'en', { ticket: 'A003', title: 'ms', business: 'bill-payment' });
    await tapOnCard(page, 'stand-to-greet', w.done);
    await expectStatus(page, 'stand-to-greet', 'done');
    const before = await readLog(page);

    // The origin's quota below what it already uses: the next write meets a real QuotaExceededError
    // (once Chromium's cache of free space, up to 30 s old, has run out: a probe waits for that).
    const cdp = await context.newCDPSession(page);
    const origin = new URL(baseURL()).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    await expect
      .poll(() => probeWrite(page), { timeout: 45_000, intervals: [1_000] })
      .toBe('QuotaExceededError');
    await tapOnCard(page, 'eye-contact-smile', w.done);
    await expect(page.getByRole('alert')).toContainText(
      "The device's storage is full, so this was not saved. Nothing already recorded was lost.",
    );
    await expectStatus(page, 'eye-contact-smile', 'pending');
    await page.getByRole('button', { name: 'OK' }).click();
    // Tapping again while still full: the same, nothing written.
    await tapOnCard(page, 'eye-contact-smile', w.done);
    await expect(page.getByRole('alert')).toContainText("The device's storage is full");
    expect(await readLog(page)).toEqual(before);

    // Space returns.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('button', { name: 'OK' }).click();
    await tapOnCard(page, 'eye-contact-smile', w.done);
    await expectStatus(page, 'eye-contact-smile', 'done');
    const rows = await expectChainIntact(page);
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows).toHaveLength(before.length + 1);
    await context.close();
  });

  test('damaged database files that the browser discards: no first run over them, a restore offered instead', async () => {
    let context = await launchProfile(dir, { serviceWorkers: 'block' });
    let page = context.pages()[0] ?? (await context.newPage());
    await setUpCounter(page, 'en');
    const recorded = (await readLog(page)).length;
    await context.close();
    // Every LevelDB file overwritten: Chromium finds the store corrupt and starts an empty one.
    for (const file of indexedDbFiles(dir)) {
      if (/(\.log|\.ldb|MANIFEST-\d+)$/.test(file)) writeFileSync(file, Buffer.alloc(4096, 0x5a));
    }
    context = await launchProfile(dir, { serviceWorkers: 'block' });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('./?lang=en');
    await expect(page.locator('[data-startup="records-missing"]')).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'The records on this device are missing' }),
    ).toBeVisible();
    await expect(page.getByText(`This device had recorded ${recorded} records`)).toBeVisible();
    await expect(page.getByText('Do not set the device up again.')).toBeVisible();
    // No first run: no counter number to give, no "create and sign in".
    await expect(page.getByRole('button', { name: w.createAndSignIn })).toHaveCount(0);
    await expect(page.getByLabel(w.counter)).toHaveCount(0);
    expect(await readLog(page)).toEqual([]);
    await context.close();
  });

  test('database files the browser cannot read: a clear screen, and the files left as they are', async () => {
    let context = await launchProfile(dir, { serviceWorkers: 'block' });
    let page = context.pages()[0] ?? (await context.newPage());
    await setUpCounter(page, 'en');
    await context.close();
    // CURRENT names a manifest that is not there: Chromium answers UnknownError.
    const current = indexedDbFiles(dir).find((file) => file.endsWith('CURRENT'))!;
    writeFileSync(current, 'MANIFEST-999999\n');
    // The data files (LevelDB's own LOG of what it did is not data).
    const dataFiles = () =>
      Object.fromEntries(
        indexedDbFiles(dir)
          .filter((file) => /(CURRENT|MANIFEST-\d+|\.log|\.ldb)$/.test(file))
          .map((file) => [file, readFileSync(file).toString('base64')]),
      );
    const files = dataFiles();
    context = await launchProfile(dir, { serviceWorkers: 'block' });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('./?lang=en');
    await expect(startupScreen(page)).toHaveAttribute('data-startup', 'database-unreadable');
    await expect(page.getByText("The browser could not read the records' files")).toBeVisible();
    await expect(page.getByLabel(w.counter)).toHaveCount(0);
    await context.close();
    expect(dataFiles()).toEqual(files);
  });
});
