/**
 * What DevTools can still do to the browser build's log, and the store hub catching each within one
 * push (hub/witness.ts): the device reports its head after every finished service and checkpoint,
 * the hub keeps every head it heard of, and an alert shows on the hub's devices page and on the
 * tablet's manager screens. Each test works the real screens in real Chromium, then changes
 * IndexedDB, localStorage and signatures from the page as DevTools would:
 *
 * - attack 6: a checkpoint naming a next key the attacker made (signed with the key in force, which
 *   cannot be exported but can sign), then a sealed record rewritten and its checkpoint re-signed
 *   with the planted key: Verify says Intact, the hub says fork;
 * - attack 7: every store and the witness snapshotted, a shift worked, the snapshot put back: the
 *   hub says the head went backwards;
 * - attack 8: a record after the last checkpoint rewritten, the witness edited to match: the hub,
 *   having heard of the original head, says fork.
 *
 * The tablets' clock is a past business day, so that their services stay out of the hub's default
 * period, which hub.spec.ts (sharing this hub) counts.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { canonicalize } from '../../core/domain/log/canonical';
import { checkpointPayload } from '../../core/domain/log/signing';
import { HUB_ORIGIN } from './hub-env';
import { enrolAndPush, enrolmentCode, hubManager, serve } from './hub-steps';
import { MANAGER, openScreen, setUpCounter } from './fixtures';
import { text } from './screens';
import {
  editWitness,
  heardOf,
  hubAlerts,
  log,
  rehash,
  rewrite,
  writeEvents,
  type Row,
} from './witness-steps';

const PAST = new Date('2026-03-03T02:00:00Z');

/** A counter on its own tablet, enrolled with the hub under `store`, its log pushed. */
async function enrolledTablet(browser: Browser, hub: Page, store: string) {
  const context = await browser.newContext();
  await context.clock.install({ time: PAST });
  const page = await context.newPage();
  await setUpCounter(page, 'en', '4');
  await serve(page, 'A001', true);
  await enrolAndPush(page, await enrolmentCode(hub, store, `${store} street`));
  await openScreen(page, 'Counter');
  return page;
}

/** The alert the tablet's manager sees, in the tablet's words. */
const banner = (page: Page) => page.locator('[data-hub-alerts]');

async function verify(page: Page) {
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  return page.locator('.verdict');
}

test('attack 8: a record after the last checkpoint rewritten, the witness edited: the hub says fork', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hub = await hubManager(browser);
  const store = 'S-W8';
  const tablet = await enrolledTablet(browser, hub, store);
  // A service finished: its head reaches the hub within seconds, long before the next push.
  await serve(tablet, 'A002', true, 'A003');
  const heard = await heardOf(hub, tablet, store);

  // DevTools: the second service's first step moved by a second, every hash after it recomputed,
  // and the witness in localStorage set to the new head.
  const rows = await log(tablet);
  const sealed = rows.findLast((row) => row.event.type === 'checkpoint')?.seq ?? 0;
  // A record of the second service, after the last checkpoint.
  const index = rows.findLastIndex((row) => row.serviceId !== null && row.seq > sealed) - 3;
  expect(rows[index]!.seq).toBeGreaterThan(sealed);
  rewrite(rows[index]!);
  await writeEvents(tablet, await rehash(rows, index));
  await editWitness(tablet, { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
  await tablet.reload();
  // Nothing on the tablet can tell: no banner of its own, and Verify finds the log intact.
  await expect(tablet.locator('.integrity-banner:not(.hub-alerts)')).toHaveCount(0);
  await expect(await verify(tablet)).toContainText('Intact');

  // The hub, at the tablet's first contact after the change (its head report on opening).
  await expect
    .poll(async () => (await hubAlerts(hub, store)).map((alert) => alert.kind), {
      timeout: 20_000,
      intervals: [500],
    })
    .toContain('fork');
  const [alert] = await hubAlerts(hub, store);
  expect(alert).toMatchObject({ kind: 'fork', seq: heard });
  await expect(banner(tablet).locator('[data-alert="fork"]')).toHaveText(
    new RegExp(text('en', 'hubAlerts.fork', { seq: heard }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  // The next push is refused as a fork too: the hub keeps what it heard of.
  await openScreen(tablet, 'Settings');
  await tablet
    .locator('section.hub-panel')
    .getByRole('button', { name: 'Push to the hub' })
    .click();
  await expect(tablet.locator('section.hub-panel').getByRole('alert')).toBeVisible();
});

/** Every object store of the app's database and its localStorage, copied aside (DevTools). */
async function snapshot(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (dump[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            const aside = indexedDB.open('attacker-snapshot', 1);
            aside.onupgradeneeded = () => aside.result.createObjectStore('dump');
            aside.onsuccess = () => {
              const copy = aside.result.transaction('dump', 'readwrite');
              copy.objectStore('dump').put(dump, 'stores');
              copy.objectStore('dump').put({ ...localStorage }, 'localStorage');
              copy.oncomplete = () => {
                aside.result.close();
                resolve();
              };
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The snapshot put back over every store and localStorage. */
async function putBack(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const aside = indexedDB.open('attacker-snapshot', 1);
        aside.onsuccess = () => {
          const read = aside.result.transaction('dump', 'readonly').objectStore('dump');
          const stores = read.get('stores');
          const storage = read.get('localStorage');
          read.transaction.oncomplete = () => {
            aside.result.close();
            const dump = stores.result as Record<string, unknown[]>;
            localStorage.clear();
            for (const [key, value] of Object.entries(storage.result as Record<string, string>))
              localStorage.setItem(key, value);
            const open = indexedDB.open('counter-steps');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction([...db.objectStoreNames], 'readwrite');
              for (const name of db.objectStoreNames) {
                const target = tx.objectStore(name);
                target.clear();
                for (const row of dump[name] ?? []) {
                  if (target.keyPath === null) continue;
                  target.put(row);
                }
              }
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          };
        };
        aside.onerror = () => reject(aside.error);
      }),
  );
}

test('attack 7: every store and the witness put back after a shift: the hub says the head went back', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hub = await hubManager(browser);
  const store = 'S-W7';
  const tablet = await enrolledTablet(browser, hub, store);
  const before = (await log(tablet)).at(-1)!.seq;
  await snapshot(tablet);

  // A shift: two services, then the manager signs out (a checkpoint); the hub hears of each head.
  await serve(tablet, 'A002', true, 'A003');
  await serve(tablet, 'A003', true, 'A004');
  await tablet.getByRole('button', { name: 'Sign out' }).click();
  await tablet.getByRole('button', { name: 'OK' }).click();
  const heard = await heardOf(hub, tablet, store);
  expect(heard).toBeGreaterThan(before);

  // DevTools: the snapshot back, keys and witness included; the manager's session with it.
  await putBack(tablet);
  await tablet.reload();
  expect((await log(tablet)).at(-1)!.seq).toBe(before);
  await expect(tablet.locator('.integrity-banner:not(.hub-alerts)')).toHaveCount(0);

  // The hub, at the tablet's first contact (its head report as the screen opens).
  await expect(banner(tablet).locator('[data-alert="rollback"]')).toContainText(
    text('en', 'hubAlerts.rollback', { seq: heard }),
    { timeout: 20_000 },
  );
  expect(await hubAlerts(hub, store)).toMatchObject([{ kind: 'rollback', seq: heard }]);
  await hub.goto(`${HUB_ORIGIN}/?lang=en`);
  // The chain's dashboard lists every device's alerts (other specs share this hub): this store's.
  await expect(
    hub.locator('[data-section="alerts"] tr[data-alert="rollback"]', { hasText: store }),
  ).toContainText(`the hub had heard of record ${heard}`);
  await expect(tablet.getByText(`Staff no. ${MANAGER.staffNo}`)).toBeVisible();
});

const base64url = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64url');
const SIGN = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', hash: 'SHA-256' },
} as const;

/**
 * DevTools plants a next key: an extractable key pair made by the attacker, named as the next key
 * by a checkpoint signed in the page with the key in force (it cannot be exported, but it signs),
 * and put in the keys table as the key that checkpoint names. Returns the planted private key.
 */
async function plantNextKey(page: Page): Promise<{ key: CryptoKey; algorithm: keyof typeof SIGN }> {
  const rows = await log(page);
  const last = rows.at(-1)!;
  const device = String(rows[0]!.event.deviceId);
  const index = rows.filter((row) => row.event.type === 'checkpoint').length;
  const algorithm = await page.evaluate(
    (index) =>
      new Promise<'Ed25519' | 'ECDSA-P256'>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').get(index);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { algorithm: 'Ed25519' | 'ECDSA-P256' }).algorithm);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    index,
  );
  const pair = (await crypto.subtle.generateKey(
    (algorithm === 'Ed25519'
      ? { name: 'Ed25519' }
      : { name: 'ECDSA', namedCurve: 'P-256' }) as EcKeyGenParams,
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const full = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const nextKey =
    full.kty === 'OKP'
      ? { kty: full.kty, crv: full.crv, x: full.x }
      : { kty: full.kty, crv: full.crv, x: full.x, y: full.y };
  const payload = canonicalize(
    checkpointPayload({
      device,
      upToSeq: last.seq,
      upToHash: last.hash,
      keyIndex: index,
      nextKey: nextKey as Parameters<typeof checkpointPayload>[0]['nextKey'],
    }),
  );
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const signature = await page.evaluate(
    ({ index, payload, privateJwk, nextKey, algorithm }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('keys').objectStore('keys').get(index);
          get.onsuccess = async () => {
            const inForce = get.result as { privateKey: CryptoKey };
            const params = (
              algorithm === 'Ed25519'
                ? { name: 'Ed25519' }
                : { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }
            ) as EcdsaParams & EcKeyImportParams;
            const bytes = new Uint8Array(
              await crypto.subtle.sign(
                params,
                inForce.privateKey,
                new TextEncoder().encode(payload),
              ),
            );
            const planted = await crypto.subtle.importKey('jwk', privateJwk, params, true, [
              'sign',
            ]);
            const tx = db.transaction('keys', 'readwrite');
            tx.objectStore('keys').put({
              index: index + 1,
              algorithm,
              privateKey: planted,
              publicKey: nextKey,
            });
            tx.objectStore('keys').delete(index);
            tx.oncomplete = () => {
              db.close();
              resolve(
                btoa(String.fromCharCode(...bytes))
                  .replace(/\+/g, '-')
                  .replace(/\//g, '_')
                  .replace(/=+$/, ''),
              );
            };
            tx.onerror = () => reject(tx.error);
          };
        };
      }),
    { index, payload, privateJwk, nextKey, algorithm },
  );
  const checkpoint: Row = {
    ...last,
    id: crypto.randomUUID(),
    seq: last.seq + 1,
    prevHash: last.hash,
    serviceId: null,
    staffNo: null,
    event: {
      type: 'checkpoint',
      reason: 'every-n',
      upToSeq: last.seq,
      upToHash: last.hash,
      keyIndex: index,
      nextKey,
      signature,
    },
  };
  await writeEvents(page, await rehash([...rows, checkpoint], rows.length));
  return { key: pair.privateKey, algorithm };
}

test('attack 6: a planted next key, then sealed records rewritten and re-signed: the hub says fork', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hub = await hubManager(browser);
  const store = 'S-W6';
  const tablet = await enrolledTablet(browser, hub, store);
  const planted = await plantNextKey(tablet);
  await tablet.reload();

  // The shift goes on, sealed by the device with the planted key when the manager signs out.
  await openScreen(tablet, 'Counter');
  await serve(tablet, 'A002', true, 'A003');
  await tablet.getByRole('button', { name: 'Sign out' }).click();
  await tablet.getByRole('button', { name: 'OK' }).click();
  const heard = await heardOf(hub, tablet, store);

  // Later, DevTools rewrites a sealed record of that shift and re-signs its checkpoint with the
  // planted key (every hash after it recomputed, the witness edited to the new head).
  const rows = await log(tablet);
  const checkpoints = rows.filter((row) => row.event.type === 'checkpoint');
  const [plantedAt, sealedBy] = checkpoints.slice(-2) as [Row, Row];
  expect(sealedBy.event.keyIndex).toBe(Number(plantedAt.event.keyIndex) + 1);
  const index = rows.findIndex((row) => row.seq > plantedAt.seq && row.serviceId !== null) + 2;
  rewrite(rows[index]!);
  const device = String(rows[0]!.event.deviceId);
  for (let at = index; at < rows.length; at += 1) {
    const row = rows[at]!;
    row.prevHash = rows[at - 1]!.hash;
    if (row === sealedBy) {
      row.event.upToHash = row.prevHash;
      const payload = checkpointPayload({
        device,
        upToSeq: Number(row.event.upToSeq),
        upToHash: row.prevHash,
        keyIndex: Number(row.event.keyIndex),
        nextKey: row.event.nextKey as Parameters<typeof checkpointPayload>[0]['nextKey'],
      });
      row.event.signature = base64url(
        await crypto.subtle.sign(
          SIGN[planted.algorithm],
          planted.key,
          new TextEncoder().encode(canonicalize(payload)),
        ),
      );
    }
    await rehash(rows, at);
  }
  await writeEvents(tablet, rows);
  await editWitness(tablet, { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
  await tablet.reload();
  await tablet.getByLabel('Staff number').fill(MANAGER.staffNo);
  await tablet.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await tablet.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Nothing on the tablet can tell: every signature holds.
  await expect(await verify(tablet)).toContainText('Intact');
  await expect(tablet.locator('.integrity-banner:not(.hub-alerts)')).toHaveCount(0);

  // The hub had heard of the head before the rewrite: a fork, at the first contact after it.
  await expect(banner(tablet).locator('[data-alert="fork"]')).toContainText(
    text('en', 'hubAlerts.fork', { seq: heard }),
    { timeout: 20_000 },
  );
  expect(await hubAlerts(hub, store)).toMatchObject([{ kind: 'fork', seq: heard }]);
  // And the next push of the records is refused as the same fork.
  await openScreen(tablet, 'Settings');
  const panel = tablet.locator('section.hub-panel');
  await panel.getByRole('button', { name: 'Push to the hub' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  expect(await hubAlerts(hub, store)).toHaveLength(1);
});
