/**
 * Accounts, roles and the screen lock, end to end in real Chromium: first run, a manager adding
 * people, sign-in and its waits, the idle lock with a service open, auditors kept read-only,
 * PIN resets and the sign-out summary.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  screensListed,
  openScreen,
  MANAGER,
  WORDS,
  tapOnCard,
  eventTypes,
  expectChainIntact,
  expectStatus,
  readLog,
  setUpCounter,
  startService,
} from './fixtures';

/** `first`: the PIN the manager gives; `pin`: the one its owner chooses at the first sign-in. */
const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };
const AUDITOR = { staffNo: '7001', first: '975318', pin: '864209' };
const w = WORDS.en;

async function addAccount(
  page: Page,
  person: { staffNo: string; first: string },
  role: 'Clerk' | 'Manager' | 'Auditor',
) {
  await openScreen(page, 'Staff');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await form.getByLabel('Staff number').fill(person.staffNo);
  await form.getByRole('button', { name: role, exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill(person.first);
  await form.getByLabel('New PIN again').fill(person.first);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toHaveText(`Account ${person.staffNo} added.`);
  await expect(page.locator(`tr[data-staff-no="${person.staffNo}"]`)).toContainText(role);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /Shift summary/ })).toBeVisible();
}

async function signIn(page: Page, person: { staffNo: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The first sign-in with the PIN the manager gave: its owner must choose their own at once. */
async function firstSignIn(page: Page, person: { staffNo: string; first: string; pin: string }) {
  await signIn(page, { staffNo: person.staffNo, pin: person.first });
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  await page.getByLabel('Current PIN').fill(person.first);
  await page.getByLabel('New PIN', { exact: true }).fill(person.pin);
  await page.getByLabel('New PIN again').fill(person.pin);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toHaveCount(0);
}

/** First run, then the manager adds a clerk and signs out; the sign-in screen is showing. */
async function storeWithClerk(page: Page, extra: 'auditor' | null = null) {
  await setUpCounter(page, 'en');
  await addAccount(page, CLERK, 'Clerk');
  if (extra === 'auditor') await addAccount(page, AUDITOR, 'Auditor');
  await signOut(page);
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('a manager adds a clerk, who signs in with their own PIN and sees only the counter', async ({
  page,
}) => {
  await storeWithClerk(page);
  await firstSignIn(page, CLERK);
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();
  await expect(page.getByText('Staff no. 1001')).toBeVisible();
  // The screens menu lists the clerk's two screens only: no Staff, no Settings.
  await expect(await screensListed(page)).toHaveText(['Counter', 'Mutual check']);
  await page.keyboard.press('Escape');

  const rows = await expectChainIntact(page);
  expect(eventTypes(rows)).toEqual([
    'device-identity',
    'device-set-up',
    'account-created',
    'pin-set',
    'signed-in',
    'account-created',
    'pin-set',
    'signed-out',
    'checkpoint',
    'signed-in',
    'pin-set',
  ]);
  // The PIN and its hash are nowhere in the log.
  expect(JSON.stringify(rows)).not.toContain(CLERK.pin);
});

test('five wrong PINs make the account wait; the wait survives a reload and every failure is logged', async ({
  page,
}) => {
  await page.clock.install();
  await storeWithClerk(page);
  for (const left of ['4 tries', '3 tries', '2 tries', '1 try']) {
    await signIn(page, { staffNo: CLERK.staffNo, pin: '999999' });
    await expect(page.getByRole('alert')).toHaveText(
      `Staff number or PIN is wrong. ${left} left before a wait.`,
    );
  }
  await signIn(page, { staffNo: CLERK.staffNo, pin: '999999' });
  await expect(page.getByRole('alert')).toContainText(
    'Too many wrong PINs in a row. Try again after',
  );

  await page.reload();
  await signIn(page, CLERK);
  await expect(page.getByRole('alert')).toContainText('Too many wrong PINs in a row');

  await page.clock.fastForward('00:31');
  await firstSignIn(page, CLERK);
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();

  const rows = await expectChainIntact(page);
  const failures = rows
    .map((row) => row.event as { type: string; reason?: string })
    .filter((event) => event.type === 'sign-in-failed');
  expect(failures.map((event) => event.reason)).toEqual([
    'wrong-pin',
    'wrong-pin',
    'wrong-pin',
    'wrong-pin',
    'wrong-pin',
    'waiting',
  ]);
  expect(eventTypes(rows).filter((type) => type === 'account-locked-out')).toHaveLength(1);
});

test('the screen locks when idle with a service open; unlocking brings the service back untouched', async ({
  page,
}) => {
  await page.clock.install();
  await storeWithClerk(page);
  await firstSignIn(page, CLERK);
  await startService(page, 'en', {
    ticket: 'A050',
    title: 'ms',
    surname: 'Chen',
    business: 'bill-payment',
  });
  await tapOnCard(page, 'stand-to-greet', w.done);
  await tapOnCard(page, 'eye-contact-smile', w.done);

  await page.clock.fastForward('03:01');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(
    page.getByText('A service is open at this counter: ticket A050, started by staff no. 1001.'),
  ).toBeVisible();

  await page.getByLabel('PIN', { exact: true }).fill('999999');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Staff number or PIN is wrong');
  await page.getByLabel('PIN', { exact: true }).fill(CLERK.pin);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();

  await expectStatus(page, 'stand-to-greet', 'done');
  await expectStatus(page, 'eye-contact-smile', 'done');
  await expectStatus(page, 'greet-aloud', 'pending');
  const rows = await expectChainIntact(page);
  expect(
    rows
      .map((row) => row.event)
      .filter((event) => (event as { type: string }).type === 'screen-locked'),
  ).toEqual([{ type: 'screen-locked', reason: 'idle' }]);
});

test('another clerk signing in at a locked counter sees whose service is open', async ({
  page,
}) => {
  await storeWithClerk(page);
  await firstSignIn(page, CLERK);
  await startService(page, 'en', { ticket: 'A060', title: 'mr', business: 'bill-payment' });
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, MANAGER);
  await expect(
    page.getByText('Ticket A060 was started by staff no. 1001; you are continuing it.'),
  ).toBeVisible();
});

test('an auditor can verify the log but cannot start a service or change settings', async ({
  page,
}) => {
  await storeWithClerk(page, 'auditor');
  await firstSignIn(page, AUDITOR);
  // The auditor starts on the review; the log is a tab away.
  await openScreen(page, 'Log');
  await expect(page.getByRole('heading', { name: "This device's log" })).toBeVisible();
  await expect(page.getByRole('button', { name: w.startService })).toHaveCount(0);
  await expect(await screensListed(page)).toHaveText(['Review', 'Log']);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.getByRole('status')).toContainText(
    /^Intact: \d+ records, every hash, link, rule and signature checked\./,
  );
  const before = (await readLog(page)).length;
  await page.reload();
  expect((await readLog(page)).length).toBe(before);
});

test('a manager resets a clerk’s forgotten PIN; the old one stops working', async ({ page }) => {
  await setUpCounter(page, 'en');
  await addAccount(page, CLERK, 'Clerk');
  await page.locator('tr[data-staff-no="1001"]').getByRole('button', { name: 'Reset PIN' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New PIN', { exact: true }).fill('111111');
  await dialog.getByLabel('New PIN again').fill('111111');
  await dialog.getByRole('button', { name: 'Save PIN' }).click();
  await expect(dialog.getByRole('alert')).toContainText('too easy to guess');
  await dialog.getByLabel('New PIN', { exact: true }).fill('802468');
  await dialog.getByLabel('New PIN again').fill('802468');
  await dialog.getByRole('button', { name: 'Save PIN' }).click();
  await expect(dialog).toHaveCount(0);

  await signOut(page);
  await page.getByRole('button', { name: 'OK' }).click();
  await signIn(page, { staffNo: CLERK.staffNo, pin: CLERK.first });
  await expect(page.getByRole('alert')).toContainText('Staff number or PIN is wrong');
  await firstSignIn(page, { ...CLERK, first: '802468' });
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();
  const rows = await expectChainIntact(page);
  // Created by the manager, reset by the manager, then chosen by the clerk.
  expect(
    rows
      .map((row) => row.event)
      .filter((event) => (event as { type: string }).type === 'pin-set')
      .slice(-3),
  ).toEqual([
    expect.objectContaining({ type: 'pin-set', subject: '1001', reason: 'created' }),
    expect.objectContaining({ type: 'pin-set', subject: '1001', reason: 'reset' }),
    expect.objectContaining({ type: 'pin-set', subject: '1001', reason: 'changed' }),
  ]);
});

test('signing out shows the shift summary, and its figures match the services done', async ({
  page,
}) => {
  await storeWithClerk(page);
  await firstSignIn(page, CLERK);

  // One service ended early after two steps…
  await startService(page, 'en', { ticket: 'A070', title: 'mr', business: 'bill-payment' });
  await tapOnCard(page, 'stand-to-greet', w.done);
  await tapOnCard(page, 'eye-contact-smile', w.done);
  await page.getByRole('button', { name: 'Customer left' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Customer left' }).click();

  // …and one finished, with one step skipped.
  await startService(page, 'en', { ticket: 'A071', title: 'ms', business: 'bill-payment' });
  for (const id of ['stand-to-greet', 'eye-contact-smile', 'greet-aloud', 'check-ticket'] as const)
    await tapOnCard(page, id, w.done);
  await tapOnCard(page, 'invite-to-sit', w.skip);
  await page.getByRole('dialog').getByRole('button', { name: 'Customer in a hurry' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Skip this step' }).click();
  for (const id of ['ask-needs', 'address-by-surname'] as const) await tapOnCard(page, id, w.done);
  await tapOnCard(page, 'recommend', w.recordRecommendation);
  await page.getByRole('button', { name: 'Data pack' }).click();
  await page.getByRole('button', { name: 'Accepted' }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
  await tapOnCard(page, 'confirm-anything-else', w.done);
  await tapOnCard(page, 'stand-to-see-off', w.done);
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call('A072') }).click();

  await signOut(page);
  await expect(page.locator('[data-figure="services"]')).toHaveText('2');
  await expect(page.locator('[data-figure="finished"]')).toHaveText('1 / 1');
  // Ended early after two steps: 2 applied, both done; its other 9 every-customer steps were never
  // reached (counted apart), its 6 conditional steps did not apply. Finished: 11 applied (10 done,
  // 1 skipped), 6 conditional steps not applicable. Together: 12 of 13.
  await expect(page.locator('[data-figure="completion"]')).toHaveText('92% (12 of 13 steps)');
  await expect(page.locator('[data-figure="not-reached"]')).toHaveText('9 steps');
  await expect(page.locator('[data-figure="skips"]')).toHaveText('1');
  await expect(page.getByText('Customer in a hurry: 1')).toBeVisible();

  const rows = await expectChainIntact(page);
  const signedOut = rows
    .map((row) => row.event as { type: string; summary?: unknown })
    .findLast((event) => event.type === 'signed-out');
  expect(signedOut).toMatchObject({
    summary: {
      services: 2,
      finished: 1,
      abandoned: 1,
      stepsDone: 12,
      stepsApplicable: 13,
      stepsNotReached: 9,
      skips: 1,
    },
  });
});

test('a record changed behind the app’s back is named by the log check', async ({ page }) => {
  await setUpCounter(page, 'en');
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.getByRole('status')).toContainText('Intact: 5 records');

  // Someone edits record 3 (the manager's account) directly in IndexedDB.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onsuccess = () => {
          const store = open.result.transaction('events', 'readwrite').objectStore('events');
          const get = store.get(3);
          get.onsuccess = () => {
            const record = get.result as { event: { role: string } };
            record.event.role = 'auditor';
            const put = store.put(record);
            put.onsuccess = () => resolve();
            put.onerror = () => reject(put.error);
          };
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Not intact: the content of record 3 was changed.',
  );
});
