/**
 * The ways a clerk forged the log from DevTools in release 0.1.0, tried again in real Chromium the
 * same way: the test writes IndexedDB directly, recomputing every hash, as DevTools would. Each
 * forgery is refused at sign-in or named by Verify (the record and the rule it breaks), and the
 * head's witness shows a shortened or rewritten log to everyone at the device.
 */
import { expect, test, type Page } from '@playwright/test';
import { hashPin } from '../../core/domain/access/pin';
import { hashOf } from '../../core/domain/log/records';
import {
  screensListed,
  openScreen,
  MANAGER,
  readLog,
  setUpCounter,
  startService,
  tapOnCard,
  WORDS,
} from './fixtures';

type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  prevHash: string;
  event: Record<string, unknown>;
};

const CLERK = { staffNo: '1001', pin: '135792' };

/** Replaces the log in IndexedDB with `rows` (and adds `credential` rows), as DevTools can. */
async function writeIndexedDb(page: Page, rows: Row[], credentials: unknown[] = []) {
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
async function rehash(rows: Row[], from: number): Promise<Row[]> {
  for (let index = from; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (index > 0) row.prevHash = rows[index - 1]!.hash;
    if (row.event.type === 'checkpoint') row.event.upToHash = row.prevHash;
    row.hash = await hashOf(row);
  }
  return rows;
}

/** A counter with a clerk who chose their own PIN and is signed in. */
async function counterWithClerk(page: Page) {
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

async function signIn(page: Page, person: { staffNo: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The manager takes over the (locked) counter and verifies the log. */
async function managerVerifies(page: Page) {
  if (await page.getByRole('button', { name: 'Lock', exact: true }).isVisible()) {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, MANAGER);
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  return page.locator('.verdict');
}

test('a clerk’s forged sign-in as manager gives no manager screens, and Verify names the record', async ({
  page,
}) => {
  await counterWithClerk(page);
  const rows = (await readLog(page)) as Row[];
  const last = rows.at(-1)!;
  const forged = {
    ...last,
    id: crypto.randomUUID(),
    seq: last.seq + 1,
    prevHash: last.hash,
    staffNo: CLERK.staffNo,
    serviceId: null,
    event: { type: 'signed-in', role: 'manager' },
  } as Row;
  forged.hash = await hashOf(forged);
  // First the clerk ends their session by signing out, then writes the forged sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  const signedOut = (await readLog(page)) as Row[];
  const tail = signedOut.at(-1)!;
  forged.seq = tail.seq + 1;
  forged.prevHash = tail.hash;
  forged.hash = await hashOf(forged);
  await writeIndexedDb(page, [...signedOut, forged]);
  await page.reload();
  // The session is the clerk's, with the clerk's role: no Staff, Settings or Log.
  await expect(page.getByText('Clerk', { exact: true })).toBeVisible();
  await expect(await screensListed(page)).toHaveText(['Counter', 'Mutual check']);
  await page.keyboard.press('Escape');
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${forged.seq} (signed-in by 1001) breaks a rule: the sign-in claims a role the account does not have.`,
  );
});

test('a clerk’s role rewritten to manager, every hash after it recomputed, fails at the first checkpoint and at the witness', async ({
  page,
}) => {
  await counterWithClerk(page);
  const rows = (await readLog(page)) as Row[];
  const index = rows.findIndex(
    (row) => row.event.type === 'account-created' && row.event.subject === CLERK.staffNo,
  );
  rows[index]!.event.role = 'manager';
  for (const row of rows)
    if (row.staffNo === CLERK.staffNo && row.event.type === 'signed-in') row.event.role = 'manager';
  await writeIndexedDb(page, await rehash(rows, index));
  await page.reload();
  // The head's witness (localStorage in the browser build) saw another history.
  await expect(page.locator('.integrity-banner')).toContainText(
    `Record ${rows.length} of this device's log is not the one that was written.`,
  );
  // The rewritten account is a manager now, which is what the forger wanted; Verify says it is forged.
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  const checkpoint = rows.find((row, at) => at > index && row.event.type === 'checkpoint')!;
  await expect(page.locator('.verdict')).toContainText(
    `Not intact: the signature of checkpoint ${checkpoint.seq} is wrong: the records it seals were changed.`,
  );
});

test('a credentials row with one PBKDF2 iteration, added for the manager, does not sign anyone in', async ({
  page,
}) => {
  await counterWithClerk(page);
  const forged = await hashPin(MANAGER.staffNo, '111222', 1);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await writeIndexedDb(page, (await readLog(page)) as Row[], [{ ...forged, eventSeq: null }]);
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, { staffNo: MANAGER.staffNo, pin: '111222' });
  await expect(page.getByRole('alert')).toHaveText(
    "This account's stored PIN does not match the log, so it cannot be used. A manager must reset the PIN.",
  );
  const last = ((await readLog(page)) as Row[]).at(-1)!;
  expect(last.event).toMatchObject({ type: 'sign-in-failed', reason: 'credential-mismatch' });
});

test('the newest records deleted and a forged one appended: the witness and Verify both say so', async ({
  page,
}) => {
  await counterWithClerk(page);
  await startService(page, 'en', { ticket: 'A001', title: 'mr', business: 'bill-payment' });
  await tapOnCard(page, 'stand-to-greet', WORDS.en.done);
  await tapOnCard(page, 'eye-contact-smile', WORDS.en.done);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  const rows = (await readLog(page)) as Row[];
  // Remove the last four records (two steps, the lock…), then append a record of one's choosing.
  const kept = rows.slice(0, -4);
  const tail = kept.at(-1)!;
  const forged = {
    ...tail,
    id: crypto.randomUUID(),
    seq: tail.seq + 1,
    prevHash: tail.hash,
    event: { type: 'screen-locked', reason: 'manual' },
  } as Row;
  forged.hash = await hashOf(forged);
  await writeIndexedDb(page, [...kept, forged]);
  await page.reload();
  await expect(page.locator('.integrity-banner')).toContainText(
    `Records are missing from this device's log: it ends at record ${forged.seq}, but record ${rows.length} had been written.`,
  );
  // Signing in appends records again; Verify then finds them where the witness saw others.
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    /Not intact: (records were removed: the log ends at record \d+|record \d+ is not the one that was written there)/,
  );
});
