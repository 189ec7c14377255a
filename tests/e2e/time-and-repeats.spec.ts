/**
 * Issue 21, attacks 3 and 4, tried in real Chromium as someone with DevTools would: the page's
 * clock set back 26 hours (Date overridden in the page), a backdated record and a finished service
 * copied under a new service id, each appended to IndexedDB with every hash recomputed. The first
 * is refused with a plain message and nothing is written; the others are named by Verify.
 */
import { expect, test, type Page } from '@playwright/test';
import { hashOf } from '../../core/domain/log/records';
import { openScreen, MANAGER, readLog, setUpCounter, shortService, WORDS } from './fixtures';

type Row = Record<string, unknown> & {
  seq: number;
  id: string;
  at: string;
  hash: string;
  prevHash: string;
  serviceId: string | null;
  staffNo: string | null;
  event: Record<string, unknown>;
};

const CLERK = { staffNo: '1001', pin: '135792' };
const HOUR = 3_600_000;

/** Appends `rows` to the log in IndexedDB, as DevTools can. */
async function appendToIndexedDb(page: Page, rows: Row[]) {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          for (const row of rows) tx.objectStore('events').add(row);
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

/** Links and hashes `records` after `last`, each with a fresh record id. */
async function forgeAfter(last: Row, records: Partial<Row>[]): Promise<Row[]> {
  const forged: Row[] = [];
  let previous = last;
  for (const record of records) {
    const row = {
      ...previous,
      ...record,
      id: crypto.randomUUID(),
      seq: previous.seq + 1,
      prevHash: previous.hash,
    } as Row;
    delete (row as Partial<Row>).hash;
    row.hash = await hashOf(row);
    forged.push(row);
    previous = row;
  }
  return forged;
}

async function signIn(page: Page, person: { staffNo: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
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

/** The manager takes over the counter (locking the clerk's screen) and verifies the log. */
async function managerVerifies(page: Page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, MANAGER);
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  return page.locator('.verdict');
}

test('with the page’s clock set back 26 hours, a service is refused with a plain message and nothing is written', async ({
  page,
}) => {
  await counterWithClerk(page);
  const before = await readLog(page);
  // DevTools: the page's clock, 26 hours back.
  await page.evaluate((back) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() - back;
  }, 26 * HOUR);
  await page.getByLabel(WORDS.en.ticket, { exact: true }).fill('A001');
  await page.getByRole('button', { name: WORDS.en.titles.mr, exact: true }).click();
  await page.getByRole('button', { name: WORDS.en.business['bill-payment'], exact: true }).click();
  await page.getByRole('button', { name: WORDS.en.startService }).click();
  await expect(page.getByRole('alert')).toContainText(
    /^The tablet's clock went back: it reads .+, but the last record was written at .+\. Nothing was recorded\. Fix the tablet's date and time, then try again\./,
  );
  await expect(page.locator('[data-step-id]')).toHaveCount(0);
  expect(await readLog(page)).toEqual(before);
});

test('a service appended by hand, dated into yesterday, is named by Verify', async ({ page }) => {
  await counterWithClerk(page);
  const rows = (await readLog(page)) as Row[];
  const last = rows.at(-1)!;
  const [forged] = await forgeAfter(last, [
    {
      at: new Date(Date.parse(last.at) - 26 * HOUR).toISOString(),
      staffNo: CLERK.staffNo,
      serviceId: crypto.randomUUID(),
      event: {
        type: 'service-started',
        ticket: 'A050',
        title: 'mr',
        surname: null,
        businessType: 'bill-payment',
        targetSeconds: 300,
      },
    },
  ]);
  await appendToIndexedDb(page, [forged!]);
  await page.reload();
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${forged!.seq} (service-started by 1001) breaks a rule: dated before the record before it by more than the clock tolerance: the device's clock went back.`,
  );
});

test('a finished service copied under a new service id and appended is named by Verify', async ({
  page,
}) => {
  await counterWithClerk(page);
  await shortService(page, 'en', 'A001', 'A002');
  const rows = (await readLog(page)) as Row[];
  const started = rows.find((row) => row.event.type === 'service-started')!;
  const original = rows.filter((row) => row.serviceId === started.serviceId);
  expect(original.at(-1)!.event.type).toBe('service-finished');
  // The copy: the same records under a new service id, re-dated to now, one second apart.
  const copyId = crypto.randomUUID();
  const last = rows.at(-1)!;
  const forged = await forgeAfter(
    last,
    original.map((row, index) => ({
      ...row,
      serviceId: copyId,
      at: new Date(Date.parse(last.at) + (index + 1) * 1_000).toISOString(),
    })),
  );
  await appendToIndexedDb(page, forged);
  await page.reload();
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${forged[0]!.seq} (service-started by 1001) breaks a rule: a service started for a ticket already served that business day.`,
  );
});
