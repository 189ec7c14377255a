// The page side of scripts/bench-app.mjs: a probe installed before the app's own code, and the
// clerk's moves through the English screens (real clicks through Playwright).
import { createServer } from 'node:net';

/** A port nothing on loopback listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** p50, p95 and p99 (nearest rank) of the numbers given, in their unit; null values are left out. */
export function quantiles(values) {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * Runs in the page before the app. A click on the step card's main button starts a tap; the tap
 * counts every IndexedDB transaction opened until its write to the log completes (the moment it is
 * durable: strict durability), the bytes put in the log, and the frame painted after the strip
 * shows the step done. `window.__ready` is when the clerk's screen (the start panel or the step
 * card) was first painted and could be tapped.
 */
function probe() {
  const scope = window;
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  scope.__taps = [];
  scope.__ready = null;
  // The limit under the same conditions as a tap: a real click (on the header, which does nothing
  // else) that makes one bare strict put of `__bareSize` bytes, timed from the click's own time.
  scope.__bareTaps = [];
  scope.__bareSize = 500;
  document.addEventListener(
    'click',
    (event) => {
      if (!(event.target instanceof Element) || !event.target.closest('h1.who')) return;
      const at = event.timeStamp;
      const open = new Promise((resolve, reject) => {
        const request = indexedDB.open('bench-bare', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('rows');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      scope.__bareDb ??= open;
      void scope.__bareDb.then((db) => {
        const key = scope.__bareTaps.length;
        const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
        tx.objectStore('rows').put({ key, text: 'x'.repeat(scope.__bareSize) }, `tap-${key}`);
        tx.oncomplete = () => scope.__bareTaps.push(performance.now() - at);
      });
    },
    true,
  );
  let tap = null;
  document.addEventListener(
    'click',
    (event) => {
      const button =
        event.target instanceof Element && event.target.closest('article.step-card .primary');
      const step = document.querySelector('[data-card-step-id]')?.getAttribute('data-card-step-id');
      if (!button || !step) return;
      tap = {
        step,
        at: event.timeStamp,
        // When the page got to run the click (the input's own time is `at`).
        handler: performance.now() - event.timeStamp,
        transactions: 0,
        readWrite: 0,
        bytes: 0,
        opened: null,
        commit: null,
        shown: null,
        paint: null,
      };
      scope.__taps.push(tap);
    },
    true,
  );
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const opened = transaction.apply(this, args);
    const current = tap;
    if (current && current.commit === null && this.name !== 'bench-bare') {
      current.transactions += 1;
      const [stores, mode] = args;
      if (mode === 'readwrite' && [stores].flat().includes('events')) {
        current.readWrite += 1;
        current.opened = performance.now() - current.at;
        opened.addEventListener('complete', () => {
          current.commit = performance.now() - current.at;
        });
      }
    }
    return opened;
  };
  for (const method of ['add', 'put']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (value, ...rest) {
      if (tap && tap.commit === null && this.name === 'events') {
        tap.bytes += JSON.stringify(value).length;
      }
      return original.call(this, value, ...rest);
    };
  }
  new MutationObserver(() => {
    if (scope.__ready === null && document.querySelector('main.start, [data-card-step-id]')) {
      scope.__ready = 0;
      afterPaint((now) => (scope.__ready = now));
    }
    const current = tap;
    if (!current || current.shown !== null) return;
    const chip = document.querySelector(`[data-step-id="${current.step}"]`);
    if (chip?.getAttribute('data-step-status') !== 'done') return;
    current.shown = performance.now() - current.at;
    afterPaint((now) => (current.paint = now - current.at));
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-step-status', 'data-card-step-id', 'class'],
  });
}

/** In the page: one strict-durability put of `size` bytes into a database of its own. */
async function barePut({ size, key }) {
  const scope = window;
  scope.__bare ??= await new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-bare', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const payload = { key, text: 'x'.repeat(Math.max(0, size - 40)) };
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const tx = scope.__bare.transaction('rows', 'readwrite', { durability: 'strict' });
    tx.objectStore('rows').put(payload, key);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return performance.now() - started;
}

const MANAGER = { staffNo: '9001', pin: '246810' };
const OPENING = 7;

export async function appPage(page) {
  await page.addInitScript(probe);
  const button = (name, scope = page) => scope.getByRole('button', { name, exact: true });
  const card = page.locator('article.step-card');
  const dialog = page.getByRole('dialog');
  const armed = page.locator('article.step-card[data-armed="true"]');
  const cardStep = () => card.getAttribute('data-card-step-id');

  /** A real click on the header that makes a bare strict put of `size` bytes; its time. */
  async function bareTap(size) {
    const before = await page.evaluate((bytes) => {
      window.__bareSize = Math.max(0, bytes - 40);
      return window.__bareTaps.length;
    }, size);
    await page.locator('h1.who').click();
    await page.waitForFunction((count) => window.__bareTaps.length > count, before);
    return page.evaluate((count) => window.__bareTaps[count], before);
  }

  /** A service worker installing may reload the page itself meanwhile: then load again. */
  async function reloadPage(tries = 3) {
    try {
      await page.reload();
    } catch (error) {
      if (tries <= 1) throw error;
      await page.waitForTimeout(500);
      await reloadPage(tries - 1);
    }
  }

  async function tapDone(label = 'Done') {
    const before = await page.evaluate(() => window.__taps.length);
    await armed.waitFor();
    await button(label, card).click();
    await page.waitForFunction(
      (count) => {
        const tap = window.__taps[count];
        return tap && tap.paint !== null && tap.commit !== null;
      },
      before,
      { timeout: 30_000 },
    );
    return page.evaluate((count) => window.__taps[count], before);
  }

  return {
    async firstRun() {
      await page.goto('./?lang=en');
      await page.getByLabel('Counter number').fill('3');
      await page.getByLabel("Manager's staff number").fill(MANAGER.staffNo);
      await page.getByLabel('New PIN', { exact: true }).fill(MANAGER.pin);
      await page.getByLabel('New PIN again').fill(MANAGER.pin);
      await button('Create and sign in').click();
      await button('Start service').waitFor();
    },

    /** A fresh tablet restores a backup through the first-run screens; ms from Restore to ready. */
    async restore(zipPath) {
      await page.goto('./?lang=en');
      await button('Replacing a tablet? Restore its backup instead').click();
      await page.getByLabel('Backup file (.zip)').setInputFiles(zipPath);
      await page.getByLabel("A manager's staff number from that counter").fill(MANAGER.staffNo);
      const form = page.locator('section', {
        has: page.getByRole('heading', { name: 'Restore from a backup' }),
      });
      await form.getByLabel('New PIN', { exact: true }).fill(MANAGER.pin);
      await form.getByLabel('New PIN again').fill(MANAGER.pin);
      const started = Date.now();
      await button('Restore').click();
      await button('Start service').waitFor({ timeout: 3_600_000 });
      return Date.now() - started;
    },

    /** One reload to the clerk's screen, ms from navigation to painted and tappable. */
    async reload() {
      await reloadPage();
      await page.waitForFunction(() => window.__ready > 0, undefined, { timeout: 3_600_000 });
      return page.evaluate(() => window.__ready);
    },

    /**
     * Marks this device's review as written by older code (as after an update that changed
     * REVIEW_VERSION): the next start rebuilds it from the whole log before the screen shows.
     */
    staleReview: () =>
      page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('counter-steps');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('reviewState', 'readwrite');
              const store = tx.objectStore('reviewState');
              const read = store.get('own');
              read.onsuccess = () => store.put({ ...read.result, version: -1 });
              tx.oncomplete = () => resolve(open.result.close());
              tx.onerror = () => reject(tx.error);
            };
          }),
      ),

    async setTapGuard(ms) {
      // The screens are behind the top bar's Menu (builds before it had tabs in the bar).
      const openScreen = async (name) => {
        const menu = page.locator('.topbar .screens-menu > button');
        if ((await menu.count()) > 0 && (await menu.getAttribute('aria-expanded')) !== 'true')
          await menu.click();
        await button(name).click();
      };
      await openScreen('Settings');
      const setting = page.locator('form', { hasText: 'Ignore taps on a new step' });
      await setting.getByRole('textbox').fill(String(ms));
      await button('Save', setting).click();
      await setting.getByRole('status').getByText('Saved.').waitFor();
      await openScreen('Counter');
      await button('Start service').waitFor();
    },

    storageUsage: () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0),

    /** Goes to `path` and waits for the clerk's screen: ms from navigation to painted and tappable. */
    async load(path = './') {
      await page.goto(path);
      await page.waitForFunction(() => window.__ready > 0, undefined, { timeout: 60_000 });
      return page.evaluate(() => window.__ready);
    },

    /**
     * Services through the card until `count` Done taps were timed; a bare put after each unless
     * `bare` is false (scripts/bench-startup.mjs times the taps alone).
     */
    async tapThrough(count, { bare: withBare = true } = {}) {
      const taps = [];
      const bare = [];
      const bareTaps = [];
      let services = 0;
      let ticket = 1;
      await page.getByLabel('Ticket', { exact: true }).fill('A001');
      while (taps.length < count) {
        await button('Ms').click();
        await button('Bill payment').click();
        await button('Start service').click();
        await card.waitFor();
        for (let step = 0; step < OPENING; step += 1) taps.push(await tapDone());
        for (const size of withBare ? taps.slice(-OPENING).map((tap) => tap.bytes) : []) {
          bare.push(await page.evaluate(barePut, { size, key: bare.length }));
          bareTaps.push(await bareTap(size));
        }
        await armed.waitFor();
        await button('Record recommendation', card).click();
        await button('Home broadband').click();
        await button('Interested').click();
        await button('Record', dialog).click();
        await dialog.waitFor({ state: 'detached' });
        while ((await cardStep()) !== 'call-next') {
          taps.push(await tapDone());
          if (!withBare) continue;
          bare.push(await page.evaluate(barePut, { size: taps.at(-1).bytes, key: bare.length }));
          bareTaps.push(await bareTap(taps.at(-1).bytes));
        }
        ticket += 1;
        const next = `A${String(ticket).padStart(3, '0')}`;
        await armed.waitFor();
        await button('Call next', card).click();
        await button(`Call ${next}`).click();
        await page.getByTestId('calling-ticket').getByText(next).waitFor();
        services += 1;
      }
      return { taps, bare, bareTaps, services };
    },

    /** Reloads to the clerk's screen: warm (as is) and cold (cache and service worker cleared). */
    async startup(origin, { warm, cold }) {
      const cdp = await page.context().newCDPSession(page);
      const load = async () => {
        await reloadPage();
        await page.waitForFunction(() => window.__ready > 0, undefined, { timeout: 60_000 });
        return page.evaluate(() => window.__ready);
      };
      const warmRuns = [];
      const first = await load();
      for (let run = 0; run < warm; run += 1) warmRuns.push(await load());
      const coldRuns = [];
      for (let run = 0; run < cold; run += 1) {
        await cdp.send('Network.clearBrowserCache');
        await cdp.send('Storage.clearDataForOrigin', {
          origin,
          storageTypes: 'service_workers,cache_storage',
        });
        coldRuns.push(await load());
      }
      const summary = (runs) => {
        const { n, p50 } = quantiles(runs);
        return { n, p50: Number(p50.toFixed(1)), max: Number(Math.max(...runs).toFixed(1)) };
      };
      return {
        first: Number(first.toFixed(1)),
        warm: summary(warmRuns),
        cold: summary(coldRuns),
      };
    },
  };
}
