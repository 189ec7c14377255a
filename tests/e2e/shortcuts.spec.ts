/**
 * The clerk's keyboard shortcuts: Space = Done, S = Skip, N = Call next, Esc closes a dialog, "?"
 * lists them; none of them fires while the clerk types in a field.
 */
import { expect, test } from '@playwright/test';
import { card, expectStatus, setUpCounter, startService } from './fixtures';

test('Space marks the step done, S asks why to skip, N calls next, Esc closes, ? lists the keys', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  await startService(page, 'en', { ticket: 'A025', title: 'ms', business: 'bill-payment' });

  await expect(card(page)).toHaveAttribute('data-armed', 'true');
  await page.keyboard.press('Space');
  await expectStatus(page, 'stand-to-greet', 'done');
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'eye-contact-smile');

  await expect(card(page)).toHaveAttribute('data-armed', 'true');
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /Skip/ })).toBeVisible();
  // Keys do nothing over a dialog: Space does not mark the step behind it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectStatus(page, 'eye-contact-smile', 'pending');

  await page.keyboard.press('n');
  await expect(dialog.getByRole('heading', { name: 'Call the next customer' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('?');
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  for (const line of ['Done', 'Skip', 'Call next', 'Close', 'Show this list']) {
    await expect(dialog).toContainText(line);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // The "?" button opens the same list.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectStatus(page, 'eye-contact-smile', 'pending');
});

test('typing in a field never triggers a shortcut', async ({ page }) => {
  await setUpCounter(page, 'en');
  const ticket = page.getByLabel('Ticket', { exact: true });
  await ticket.fill('');
  await ticket.pressSequentially('n s');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(ticket).toHaveValue('NS');
  await startService(page, 'en', { ticket: 'A025', title: 'ms', business: 'bill-payment' });
  await page.getByRole('button', { name: 'Add surname' }).click();
  const surname = page.getByRole('dialog').getByRole('textbox');
  await surname.pressSequentially('Sn ');
  await expect(surname).toHaveValue('Sn ');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expectStatus(page, 'stand-to-greet', 'pending');
});
