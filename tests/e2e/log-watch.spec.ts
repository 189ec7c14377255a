/**
 * A record changed in the middle of the log, found at the next start without anyone pressing
 * Verify: the check of the whole log runs behind the clerk's screen in a worker, takes up where
 * the last start's check stopped (its place in localStorage), and names the record in the red
 * banner the witness uses — while the clerk goes on calling tickets. The test changes IndexedDB
 * directly, as DevTools would, once the last start's check has gone past the record it changes.
 */
import { expect, test, type Page } from '@playwright/test';
import { hashOf } from '../../core/domain/log/records';
import { MANAGER, WORDS, openScreen, readLog, setUpCounter, shortService } from './fixtures';

type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  prevHash: string;
  at: string;
  serviceId: string | null;
  event: Record<string, unknown>;
};

const CLERK = { staffNo: '1001', pin: '135792' };
const POSITION_KEY = 'counter-steps:log-checked:counter-steps';
const banner = (page: Page) => page.locator('.integrity-banner');

/** Replaces the log in IndexedDB with `rows`, as DevTools can. */
async function writeLog(page: Page, rows: Row[]) {
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

async function signIn(page: Page, person: { staffNo: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * The manager serves a customer (the records in the middle), adds a clerk and signs out; the
 * clerk signs in and chooses a PIN. Then the app starts again and its check goes to the head.
 */
async function clerkAfterAService(page: Page): Promise<Row[]> {
  await setUpCounter(page, 'en');
  await shortService(page, 'en', 'A001', 'A002');
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
  await page.reload();
  const rows = (await readLog(page)) as Row[];
  // This start's check has gone to the head and remembers it: a change behind it must still be found.
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), POSITION_KEY))
    .toBe(JSON.stringify({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash }));
  await expect(banner(page)).toHaveCount(0);
  return rows;
}

/** A record of the manager's service, in the middle of the log, that start-up does not read. */
function middleOf(rows: Row[]): Row {
  const service = rows.filter(
    (row) =>
      row.serviceId !== null &&
      row.serviceId === rows.find((r) => r.event.type === 'service-started')!.serviceId,
  );
  return service[3]!;
}

/** The clerk is not held up: a ticket is called, and its record is written. */
async function clerkCallsATicket(page: Page) {
  const before = (await readLog(page)).length;
  await page.getByRole('button', { name: 'Call next', exact: true }).click();
  await page.getByRole('button', { name: /^Call A\d+$/ }).click();
  await expect(page.getByTestId('calling-ticket')).toHaveText(/^A\d+$/);
  await expect.poll(async () => (await readLog(page)).length).toBeGreaterThan(before);
}

/**
 * What a check names first in a log re-hashed from `from`: a record signed by a person whose
 * signature the re-hash broke (it covers the previous hash, decision 0063), else `otherwise`.
 */
function firstNamed(
  rows: Row[],
  from: number,
  before: number,
  otherwise: string,
): { seq: number; text: string } {
  const signed = rows.find((row, at) => at >= from && row.seq < before && 'sig' in row);
  return signed
    ? {
        seq: signed.seq,
        text: `record ${signed.seq} (${signed.event.type} by ${String(signed.staffNo)}) breaks a rule: it carries a person’s authority but its signature is not theirs, or not for this record at this place in the log.`,
      }
    : { seq: before, text: otherwise };
}

/**
 * The clerk's sign-in was re-hashed with the rest: its signature no longer holds for its new
 * place, so no session opens from it (decision 0063). The clerk signs in again and calls on.
 */
async function clerkSignsInAgainAndCallsOn(page: Page) {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, CLERK);
  await clerkCallsATicket(page);
}

const alarm = (problem: string) =>
  `This device's log is not intact: ${problem} Tell the manager and the auditor.`;

test('a field of a middle record changed without a new hash is named at the next start, and the clerk calls on', async ({
  page,
}) => {
  const rows = await clerkAfterAService(page);
  const middle = middleOf(rows);
  middle.at = new Date(Date.parse(middle.at) + 1).toISOString();
  await writeLog(page, rows);
  await page.reload();
  await expect(banner(page)).toHaveText(alarm(`the content of record ${middle.seq} was changed.`));
  await clerkCallsATicket(page);
  await expect(banner(page)).toHaveText(alarm(`the content of record ${middle.seq} was changed.`));
});

test('a middle record deleted is named at the next start', async ({ page }) => {
  const rows = await clerkAfterAService(page);
  const middle = middleOf(rows);
  await writeLog(
    page,
    rows.filter((row) => row.seq !== middle.seq),
  );
  await page.reload();
  await expect(banner(page)).toHaveText(
    alarm(`a record is missing before record ${middle.seq + 1}.`),
  );
  await clerkCallsATicket(page);
});

test('a field added inside a middle record is named at the next start', async ({ page }) => {
  const rows = await clerkAfterAService(page);
  const middle = middleOf(rows);
  middle.event.note = 'added later';
  await writeLog(page, rows);
  await page.reload();
  await expect(banner(page)).toHaveText(alarm(`the content of record ${middle.seq} was changed.`));
  await clerkCallsATicket(page);
});

test('the log re-hashed from a middle record to the end: the first checkpoint after it is named, beside the witness, and Verify says the same', async ({
  page,
}) => {
  const rows = await clerkAfterAService(page);
  const middle = middleOf(rows);
  const from = rows.indexOf(middle);
  middle.at = new Date(Date.parse(middle.at) + 1).toISOString();
  // Every hash and link recomputed, the checkpoints left as they were: none seals the new head.
  for (let index = from; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (index > from) row.prevHash = rows[index - 1]!.hash;
    row.hash = await hashOf(row);
  }
  const checkpoint = rows.find((row, at) => at > from && row.event.type === 'checkpoint')!;
  const named = firstNamed(
    rows,
    from,
    checkpoint.seq,
    `checkpoint ${checkpoint.seq} does not seal the record before it.`,
  );
  await writeLog(page, rows);
  await page.reload();
  await expect(banner(page).locator('p')).toHaveText([
    `Record ${rows.at(-1)!.seq} of this device's log is not the one that was written. Tell the manager and the auditor.`,
    alarm(named.text),
  ]);
  await clerkSignsInAgainAndCallsOn(page);
  // The manager takes over the counter and verifies: one message, no "no signed checkpoint yet".
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, MANAGER);
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.locator('.verdict p')).toHaveText([
    `Not intact: ${named.text}`,
    `The ${named.seq - 1} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
  ]);
});

test('the log re-hashed and every checkpoint after it moved to the new head: the first one’s signature is named', async ({
  page,
}) => {
  const rows = await clerkAfterAService(page);
  const middle = middleOf(rows);
  const from = rows.indexOf(middle);
  middle.at = new Date(Date.parse(middle.at) + 1).toISOString();
  for (let index = from; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (index > from) row.prevHash = rows[index - 1]!.hash;
    if (row.event.type === 'checkpoint') row.event.upToHash = row.prevHash;
    row.hash = await hashOf(row);
  }
  const checkpoint = rows.find((row, at) => at > from && row.event.type === 'checkpoint')!;
  const named = firstNamed(
    rows,
    from,
    checkpoint.seq,
    `the signature of checkpoint ${checkpoint.seq} is wrong: the records it seals were changed.`,
  );
  await writeLog(page, rows);
  await page.reload();
  await expect(banner(page)).toContainText(alarm(named.text));
  await clerkSignsInAgainAndCallsOn(page);
});
