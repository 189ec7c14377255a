/**
 * What the witness spec does as DevTools would on a tablet (IndexedDB, localStorage, WebCrypto in
 * the page) and what it reads off the hub's devices page: the head the hub heard of, and the
 * alerts it holds against a store's device.
 */
import { expect, type Page } from '@playwright/test';
import { hashOf } from '../../core/domain/log/records';
import { HUB_ORIGIN } from './hub-env';
import { readLog } from './fixtures';

export type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  prevHash: string;
  event: Record<string, unknown>;
};

export const log = async (page: Page) => (await readLog(page)) as Row[];

/** Replaces the log in IndexedDB with `rows`, as DevTools can. */
export async function writeEvents(page: Page, rows: Row[]) {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          const events = tx.objectStore('events');
          events.clear();
          for (const row of rows) events.add(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** Recomputes every hash and link from index `from` on (checkpoints are the caller's). */
export async function rehash(rows: Row[], from: number): Promise<Row[]> {
  for (let index = from; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (index > 0) row.prevHash = rows[index - 1]!.hash;
    row.hash = await hashOf(row);
  }
  return rows;
}

/** The head's witness in localStorage, edited to `head` (the browser build's only witness). */
export async function editWitness(page: Page, head: { seq: number; hash: string }) {
  const edited = await page.evaluate((head) => {
    const keys = Object.keys(localStorage).filter((key) =>
      key.startsWith('counter-steps:witness:'),
    );
    for (const key of keys) localStorage.setItem(key, JSON.stringify(head));
    return keys.length;
  }, head);
  expect(edited).toBeGreaterThan(0);
}

/** Any record's content changed: a step's time moved by a second. */
export function rewrite(row: Row) {
  row.at = new Date(Date.parse(String(row.at)) + 1000).toISOString();
}

const deviceRow = (hub: Page, store: string) =>
  hub.locator('[data-table="devices"] tr', { hasText: store });

/** The head the hub heard of from the store's device (its devices page). */
export async function witnessedSeq(hub: Page, store: string): Promise<number> {
  await hub.goto(`${HUB_ORIGIN}/devices?lang=en`);
  const cell = deviceRow(hub, store).locator('[data-witnessed]');
  if ((await cell.count()) === 0) return -1;
  return Number(await cell.getAttribute('data-witnessed'));
}

/** Waits until the hub heard of the device's head as it is now (seconds, not a push later). */
export async function heardOf(hub: Page, device: Page, store: string): Promise<number> {
  const seq = (await log(device)).at(-1)!.seq;
  await expect
    .poll(() => witnessedSeq(hub, store), { timeout: 20_000, intervals: [500] })
    .toBeGreaterThanOrEqual(seq);
  return seq;
}

/** The alerts the hub's devices page lists for the store's device: kind and record. */
export async function hubAlerts(hub: Page, store: string) {
  await hub.goto(`${HUB_ORIGIN}/devices?lang=en`);
  const rows = hub.locator('[data-table="alerts"] tbody tr', { hasText: store });
  return rows.evaluateAll((items) =>
    items.map((item) => ({
      kind: item.getAttribute('data-alert'),
      seq: Number(item.getAttribute('data-seq')),
      text: item.textContent ?? '',
    })),
  );
}
