/**
 * What the forgery specs share: writing IndexedDB directly and recomputing every hash, as
 * DevTools would, and a counter with a clerk who chose their own PIN.
 */
import { expect, type Page } from '@playwright/test';
import { hashOf } from '../../core/domain/log/records';
import { openScreen, MANAGER, setUpCounter, WORDS } from './fixtures';

export type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  prevHash: string;
  event: Record<string, unknown>;
};

export const CLERK = { staffNo: '1001', pin: '135792' };

/** Replaces the log in IndexedDB with `rows` (and adds `credential` rows), as DevTools can. */
export async function writeIndexedDb(page: Page, rows: Row[], credentials: unknown[] = []) {
  await page.evaluate(
    ({ rows, credentials }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['events', 'credentials'], 'readwrite');
          const events = tx.objectStore('events');
          events.clear();
          for (const row of rows) events.add(row);
          for (const credential of credentials) tx.objectStore('credentials').add(credential);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { rows, credentials },
  );
}

/** Recomputes every hash and link from `from` on (and the head each checkpoint names). */
export async function rehash(rows: Row[], from: number): Promise<Row[]> {
  for (let index = from; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (index > 0) row.prevHash = rows[index - 1]!.hash;
    if (row.event.type === 'checkpoint') row.event.upToHash = row.prevHash;
    row.hash = await hashOf(row);
  }
  return rows;
}

/** A counter with a clerk who chose their own PIN and is signed in. */
export async function counterWithClerk(page: Page) {
  await setUpCounter(page, 'en');
  await openScreen(page, 'Staff');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await form.getByLabel('Staff number').fill(CLERK.staffNo);
  await form.getByRole('button', { name: 'Clerk', exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill('975318');
  await form.getByLabel('New PIN again').fill('975318');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toHaveText('Account 1001 added.');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await signIn(page, { staffNo: CLERK.staffNo, pin: '975318' });
  await page.getByLabel('Current PIN').fill('975318');
  await page.getByLabel('New PIN', { exact: true }).fill(CLERK.pin);
  await page.getByLabel('New PIN again').fill(CLERK.pin);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('button', { name: WORDS.en.startService })).toBeVisible();
}

export async function signIn(page: Page, person: { staffNo: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The manager takes over the (locked) counter and verifies the log. */
export async function managerVerifies(page: Page) {
  // On the lock screen, someone else signs in; with no session, the sign-in screen is there.
  const lock = page.getByRole('button', { name: 'Lock', exact: true });
  const other = page.getByRole('button', { name: 'Sign in as someone else' });
  const signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
  await expect(lock.or(other).or(signInButton).first()).toBeVisible();
  // A card open over the screen (a complaint's words never to say) is put away first.
  if (await page.locator('.backdrop').isVisible()) {
    await page.keyboard.press('Escape');
    await expect(page.locator('.backdrop')).toHaveCount(0);
  }
  if (await lock.isVisible()) {
    await lock.click();
    await other.click();
  } else if (await other.isVisible()) await other.click();
  await signIn(page, MANAGER);
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  return page.locator('.verdict');
}
