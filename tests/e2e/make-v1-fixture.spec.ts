/**
 * Builds the schema-v1 fixture (tests/fixtures/release-0.1.0.json) with release 0.1.0's own app:
 * a manager, a clerk and an auditor; services done, skipped, with money, away from the seat and
 * abandoned; wrong PINs, locks and sign-outs. Run once at that release, kept for history:
 *   FIXTURE=1 npx playwright test tests/e2e/make-v1-fixture.spec.ts
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  MANAGER,
  OPENING_STEPS,
  WORDS,
  comeBack,
  expectChainIntact,
  expectStatus,
  setUpCounter,
  startService,
  step,
  tapOnCard,
} from './fixtures';

const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };
const AUDITOR = { staffNo: '7001', first: '975318', pin: '864209' };
const w = WORDS.en;

async function addAccount(page: Page, person: { staffNo: string; first: string }, role: string) {
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await form.getByLabel('Staff number').fill(person.staffNo);
  await form.getByRole('button', { name: role, exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill(person.first);
  await form.getByLabel('New PIN again').fill(person.first);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toHaveText(`Account ${person.staffNo} added.`);
}

async function signIn(page: Page, person: { staffNo: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /Shift summary/ })).toBeVisible();
  await page.getByRole('button', { name: 'OK' }).click();
}

async function firstSignIn(page: Page, person: { staffNo: string; first: string; pin: string }) {
  await signIn(page, { staffNo: person.staffNo, pin: person.first });
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  await page.getByLabel('Current PIN').fill(person.first);
  await page.getByLabel('New PIN', { exact: true }).fill(person.pin);
  await page.getByLabel('New PIN again').fill(person.pin);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toHaveCount(0);
}

async function dump(page: Page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['events', 'credentials'], 'readonly');
          const events = tx.objectStore('events').getAll();
          const credentialKeys = tx.objectStore('credentials').getAllKeys();
          const credentials = tx.objectStore('credentials').getAll();
          tx.oncomplete = () => {
            resolve({
              idbVersion: db.version,
              events: events.result,
              credentials: (credentials.result as unknown[]).map((value, index) => ({
                key: credentialKeys.result[index],
                value,
              })),
            });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test.skip(!process.env.FIXTURE, 'run with FIXTURE=1 to rebuild the v1 fixture');

test('builds the release-0.1.0 fixture', async ({ page }) => {
  test.setTimeout(180_000);
  await setUpCounter(page, 'en');
  await addAccount(page, CLERK, 'Clerk');
  await addAccount(page, AUDITOR, 'Auditor');
  // A full service by the manager, with money, a recommendation and an absence.
  await page.getByRole('button', { name: 'Counter', exact: true }).click();
  await startService(page, 'en', { ticket: 'A001', title: 'ms', surname: 'Li', business: 'bill-payment' });
  for (const id of OPENING_STEPS) {
    await tapOnCard(page, id, w.done);
    await expectStatus(page, id, 'done');
  }
  await step(page, 'announce-money').click();
  await tapOnCard(page, 'announce-money', w.moneyHelper);
  await page.getByLabel(w.due).fill('80.5');
  await page.getByLabel(w.received).fill('100');
  await page.getByRole('button', { name: w.recordMoney }).click();
  await expectStatus(page, 'announce-money', 'done');
  await tapOnCard(page, 'recommend', w.recordRecommendation);
  await page.getByRole('button', { name: w.offer }).click();
  await page.getByRole('button', { name: w.response }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
  await expectStatus(page, 'recommend', 'done');
  await step(page, 'apologise-leaving').click();
  await tapOnCard(page, 'apologise-leaving', w.leaveSeat);
  await comeBack(page, 'en', MANAGER.pin);
  await tapOnCard(page, 'confirm-anything-else', w.done);
  await tapOnCard(page, 'stand-to-see-off', w.done);
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call('A002') }).click();
  await signOut(page);

  // Two wrong PINs, then the clerk's first sign-in and a service with a skip and one abandoned.
  await signIn(page, { staffNo: CLERK.staffNo, pin: '999999' });
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, { staffNo: CLERK.staffNo, pin: '999998' });
  await expect(page.getByRole('alert')).toBeVisible();
  await firstSignIn(page, CLERK);
  await startService(page, 'en', { ticket: 'A002', title: 'mr', business: 'new-subscription' });
  await tapOnCard(page, 'stand-to-greet', w.done);
  await tapOnCard(page, 'eye-contact-smile', w.skip);
  await page.getByRole('button', { name: 'Customer in a hurry' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Skip this step' }).click();
  await expectStatus(page, 'eye-contact-smile', 'skipped');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('PIN', { exact: true }).fill(CLERK.pin);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Customer left' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Customer left', exact: true }).click();
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();
  await signOut(page);

  await firstSignIn(page, AUDITOR);
  await page.getByRole('button', { name: 'Verify the hash chain' }).click();
  await expect(page.getByRole('status')).toContainText('Intact');
  await signOut(page);

  const rows = await expectChainIntact(page);
  expect(rows.length).toBeGreaterThan(40);
  const data = await dump(page);
  writeFileSync(
    'tests/fixtures/release-0.1.0.json',
    JSON.stringify({ release: '0.1.0', commit: '426e077', schema: 1, ...(data as object) }, null, 1),
  );
});
