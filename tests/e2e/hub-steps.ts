/**
 * What the hub specs do on the hub and on a device: the hub's manager signs in (setting the hub
 * up first when nobody has), a store and an enrolment code for it, a device enrolled from
 * Settings → Store hub pushing its log until the hub holds all of it, and a service served.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { HUB_ORIGIN, HUB_SETUP_CODE } from './hub-env';
import { openScreen, OPENING_STEPS, WORDS, startService, tapOnCard } from './fixtures';

const w = WORDS.en;
export const HUB_MANAGER = { staffNo: '8001', pin: '246813' };

/** The hub's manager signs in (setting the hub up first when nobody has). */
export async function hubManager(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${HUB_ORIGIN}/setup?lang=en`);
  if (page.url().endsWith('/setup?lang=en')) {
    await page.getByLabel('Setup code').fill(HUB_SETUP_CODE);
    await page.getByLabel('Staff number').fill(HUB_MANAGER.staffNo);
    await page.getByLabel('PIN', { exact: true }).fill(HUB_MANAGER.pin);
    await page.getByLabel('PIN again').fill(HUB_MANAGER.pin);
    await page.getByRole('button', { name: 'Create the manager' }).click();
    // Setup signs the new manager in: the hub opens, no second sign-in.
    await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
    return page;
  }
  await page.goto(`${HUB_ORIGIN}/login?lang=en`);
  await page.getByLabel('Staff number').fill(HUB_MANAGER.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(HUB_MANAGER.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  return page;
}

export async function enrolmentCode(hub: Page, store: string, name: string): Promise<string> {
  await hub.goto(`${HUB_ORIGIN}/admin`);
  await hub.getByLabel('Store code').fill(store);
  await hub.getByLabel('Store name').fill(name);
  await hub.getByRole('button', { name: 'Add the store' }).click();
  await hub.locator('form[action="/admin/code"] select[name="store"]').selectOption(store);
  await hub.getByRole('button', { name: 'Make a code' }).click();
  const code = await hub.locator('[data-enrol-code]').getAttribute('data-enrol-code');
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return code!;
}

/** Settings → Store hub: the address, the code, then a push until the hub holds everything. */
export async function enrolAndPush(page: Page, code: string) {
  await openScreen(page, 'Settings');
  const panel = page.locator('section.hub-panel');
  await panel.getByLabel('Hub address').fill(`${HUB_ORIGIN}/`);
  await panel.getByRole('button', { name: 'Use this hub' }).click();
  await expect(panel.locator('[data-fact="hub-origin"]')).toHaveText(HUB_ORIGIN);
  await panel.getByLabel('Enrolment code (from the hub)').fill(code.toLowerCase());
  await panel.getByRole('button', { name: 'Enrol this device' }).click();
  await expect(panel.locator('[data-fact="hub-enrolment"]')).toContainText('enrolled at');
  await panel.getByRole('button', { name: 'Push to the hub' }).click();
  await expect(panel.locator('[data-hub-head]')).toBeVisible();
  return Number(await panel.locator('[data-hub-head]').getAttribute('data-hub-head'));
}

/** One service on the open counter: the opening steps, then finished or left early. */
export async function serve(page: Page, ticket: string, finish: boolean, next = 'A002') {
  await startService(page, 'en', { ticket, title: 'ms', business: 'bill-payment' });
  for (const id of OPENING_STEPS.slice(0, finish ? 7 : 2)) await tapOnCard(page, id, w.done);
  if (finish) {
    await tapOnCard(page, 'recommend', w.recordRecommendation);
    await page.getByRole('button', { name: w.offer }).click();
    await page.getByRole('button', { name: w.response }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
    await tapOnCard(page, 'confirm-anything-else', w.done);
    await tapOnCard(page, 'stand-to-see-off', w.done);
    await tapOnCard(page, 'call-next', w.callNext);
    await page.getByRole('button', { name: w.call(next) }).click();
  } else {
    await page.getByRole('button', { name: 'Customer left' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Customer left', exact: true })
      .click();
  }
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();
}
