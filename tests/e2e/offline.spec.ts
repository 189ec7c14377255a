/**
 * The browser build works without a network once it has been opened: the service worker serves
 * the app, and the data was on the device all along.
 */
import { expect, test } from '@playwright/test';
import { expectChainIntact, setUpCounter } from './fixtures';

test('the browser build opens and keeps working offline after its first visit', async ({
  page,
  context,
}) => {
  await setUpCounter(page, 'en');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load happened before the worker controlled the page; make sure it controls it now.
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start service' })).toBeVisible();
  await page.getByLabel('Ticket', { exact: true }).fill('A001');
  await page.getByRole('button', { name: 'Ms', exact: true }).click();
  await page.getByRole('button', { name: 'Enquiry', exact: true }).click();
  await page.getByRole('button', { name: 'Start service' }).click();
  await expect(page.locator('[data-step-id]')).toHaveCount(17);
  await expectChainIntact(page);
});
