/**
 * The defects found when the app was tried as a new user would, each tried again in real
 * Chromium: double taps, an auditor over a clerk's locked screen, full names typed as surnames.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  openScreen,
  MANAGER,
  WORDS,
  card,
  expectChainIntact,
  expectStatus,
  readLog,
  setUpCounter,
  startService,
} from './fixtures';

const w = WORDS.en;

/** The centre of the card's Done, once the card takes taps. */
async function doneButton(page: Page) {
  await expect(card(page)).toHaveAttribute('data-armed', 'true');
  const box = await card(page).getByRole('button', { name: w.done, exact: true }).boundingBox();
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

/** Taps the card's Done twice at the same spot, at least `gapMs` apart (a loaded machine only makes the gap longer). */
async function doubleTap(page: Page, gapMs: number) {
  const { x, y } = await doneButton(page);
  await page.mouse.click(x, y);
  if (gapMs > 0) await page.waitForTimeout(gapMs);
  await page.mouse.click(x, y);
}

/**
 * Taps the card's Done twice, the second stamped `gapMs` after the first (the time stamp the
 * browser gives each input event, which the tap guard judges), however late a loaded machine
 * delivers it: a double tap `gapMs` apart is that, not "two clicks and a sleep".
 */
async function stampedDoubleTap(page: Page, gapMs: number) {
  const { x, y } = await doneButton(page);
  const cdp = await page.context().newCDPSession(page);
  const tap = async (at: number) => {
    for (const type of ['mousePressed', 'mouseReleased'] as const)
      await cdp.send('Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        clickCount: 1,
        timestamp: at,
      });
  };
  const first = Date.now() / 1000;
  await tap(first);
  // The worst case: the second tap reaches the page only after the next step is painted under it.
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'eye-contact-smile');
  await tap(first + gapMs / 1000);
  await cdp.detach();
}

for (const gapMs of [0, 40, 100]) {
  test(`a double tap ${gapMs} ms apart marks exactly one step`, async ({ page }) => {
    await setUpCounter(page, 'en');
    await startService(page, 'en', { ticket: 'A001', title: 'mr', business: 'bill-payment' });
    await stampedDoubleTap(page, gapMs);
    await expectStatus(page, 'stand-to-greet', 'done');
    await expect(card(page)).toHaveAttribute('data-card-step-id', 'eye-contact-smile');
    // Give a wrongly accepted second tap every chance to land before looking.
    await page.waitForTimeout(600);
    await expectStatus(page, 'eye-contact-smile', 'pending');
    const done = (await readLog(page)).filter(
      (row) => (row.event as { type: string }).type === 'step-done',
    );
    expect(done).toHaveLength(1);
  });
}

test('the guard is the manager’s setting: at 0 ms, a double tap 100 ms apart reaches the next step', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  await openScreen(page, 'Settings');
  const setting = page.locator('form', { hasText: 'Ignore taps on a new step' });
  await setting.getByRole('textbox').fill('0');
  await setting.getByRole('button', { name: 'Save' }).click();
  await expect(setting.getByRole('status')).toHaveText('Saved.');
  await openScreen(page, 'Counter');
  await startService(page, 'en', { ticket: 'A001', title: 'mr', business: 'bill-payment' });
  await doubleTap(page, 100);
  await expectStatus(page, 'stand-to-greet', 'done');
  await expectStatus(page, 'eye-contact-smile', 'done');
});

test('a second tap 500 ms after the first marks the next step', async ({ page }) => {
  await setUpCounter(page, 'en');
  await startService(page, 'en', { ticket: 'A001', title: 'mr', business: 'bill-payment' });
  await doubleTap(page, 500);
  await expectStatus(page, 'stand-to-greet', 'done');
  await expectStatus(page, 'eye-contact-smile', 'done');
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'greet-aloud');
});

test('an auditor signing in over a clerk’s locked service can sign out; the clerk resumes the service', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  // The manager adds an auditor, then runs the counter.
  await openScreen(page, 'Staff');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await form.getByLabel('Staff number').fill('7001');
  await form.getByRole('button', { name: 'Auditor', exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill('975318');
  await form.getByLabel('New PIN again').fill('975318');
  await form.getByRole('button', { name: 'Add account' }).click();
  await openScreen(page, 'Counter');
  await startService(page, 'en', { ticket: 'A080', title: 'ms', business: 'bill-payment' });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await page.getByLabel('Staff number').fill('7001');
  await page.getByLabel('PIN', { exact: true }).fill('975318');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Current PIN').fill('975318');
  await page.getByLabel('New PIN', { exact: true }).fill('864209');
  await page.getByLabel('New PIN again').fill('864209');
  await page.getByRole('button', { name: 'Save PIN' }).click();
  // The auditor's screens (the review first; the log a tab away).
  await expect(page.getByText('Counter 3 · Staff no. 7001')).toBeVisible();
  await openScreen(page, 'Log');
  await expect(page.getByRole('heading', { name: "This device's log" })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /Shift summary/ })).toBeVisible();
  await page.getByRole('button', { name: 'OK' }).click();

  // The manager signs in again and finds the service where it was.
  await expect(page.getByText('A service is open at this counter: ticket A080')).toBeVisible();
  await page.getByLabel('Staff number').fill(MANAGER.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'stand-to-greet');
  await expect(page.getByText('Ticket A080 · Bill payment')).toBeVisible();

  const rows = await expectChainIntact(page);
  const ends = rows
    .filter((row) => (row.event as { type: string }).type === 'signed-out')
    .map((row) => [row.staffNo, (row.event as { reason: string }).reason]);
  // The manager's locked session ended when the auditor signed in; the auditor's own ended too.
  expect(ends).toEqual([
    ['7001', 'replaced'],
    ['7001', 'self'],
  ]);
});

test('a refusal leaves the screen once the corrected form is sent again, even when the form stops it itself', async ({
  page,
}) => {
  await setUpCounter(page, 'zh-CN');
  const z = WORDS['zh-CN'];
  const refusal = '为保护隐私只保存姓氏：请填“王”，不要填“王小明”。';
  await page.getByLabel(z.ticket, { exact: true }).fill('A011');
  await page.getByRole('button', { name: z.titles.mr, exact: true }).click();
  await page.getByLabel(z.surname).fill('王小明');
  await page.getByRole('button', { name: z.business['bill-payment'], exact: true }).click();
  await page.getByRole('button', { name: z.startService }).click();
  await expect(page.getByRole('alert')).toContainText(refusal);
  // The surname is corrected, but the ticket was cleared by mistake: only that is said now.
  await page.getByLabel(z.surname).fill('王');
  await page.getByLabel(z.ticket, { exact: true }).fill('');
  await page.getByRole('button', { name: z.startService }).click();
  await expect(page.getByRole('alert')).toHaveText('请输入票号。');
  await expect(page.getByText(refusal)).toHaveCount(0);
  await page.getByLabel(z.ticket, { exact: true }).fill('A011');
  await page.getByRole('button', { name: z.startService }).click();
  await expect(page.locator('.customer')).toHaveText('王先生');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a full name typed as the surname is refused, saying why; a compound surname is kept', async ({
  page,
}) => {
  await setUpCounter(page, 'zh-CN');
  const z = WORDS['zh-CN'];
  await page.getByLabel(z.ticket, { exact: true }).fill('A010');
  await page.getByRole('button', { name: z.titles.mr, exact: true }).click();
  await page.getByLabel(z.surname).fill('王小明');
  await page.getByRole('button', { name: z.business['bill-payment'], exact: true }).click();
  await page.getByRole('button', { name: z.startService }).click();
  await expect(page.getByRole('alert')).toContainText(
    '为保护隐私只保存姓氏：请填“王”，不要填“王小明”。',
  );
  await page.getByLabel(z.surname).fill('欧阳');
  await page.getByRole('button', { name: z.startService }).click();
  await expect(page.locator('[data-step-id]')).toHaveCount(17);
  await expect(page.locator('.customer')).toHaveText('欧阳先生');
});
