/**
 * Calling a ticket through the clerk's screen, in real Chromium: the app fetches its own clips
 * (shipped beside index.html), the call player decodes and schedules exactly the clips
 * call-announcement.ts gives for that ticket, counter and language, and the call is heard to the
 * end with no audio error. The start panel reports what the player scheduled (`data-last-call`)
 * and how the call went (`data-call-state`).
 */
import { expect, test, type Page } from '@playwright/test';
import { announcementClips } from '../../core/domain/call-announcement';
import { WORDS, setUpCounter } from './fixtures';

function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

test('calling a ticket plays the chime and the clips for that ticket and counter, and Repeat plays them again', async ({
  page,
}) => {
  const errors = watchForErrors(page);
  const fetched: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/call/')) fetched.push(path);
  });
  const w = WORDS['zh-CN'];
  await setUpCounter(page, 'zh-CN', '12');
  await page.getByRole('button', { name: w.callNext, exact: true }).click();
  await page.getByRole('button', { name: w.call('A001') }).click();

  const panel = page.locator('.start-calling');
  const expected = announcementClips('A001', '12', 'zh-CN');
  expect(expected).toEqual([
    'chime',
    'zh-CN/qing',
    'zh-CN/letter-a',
    'zh-CN/yi',
    'zh-CN/hao-guke-dao',
    'zh-CN/shi',
    'zh-CN/er',
    'zh-CN/hao-chuangkou-banli',
  ]);
  await expect(panel).toHaveAttribute('data-last-call', expected.join(' '));
  await expect(panel).toHaveAttribute('data-call-state', 'heard');
  expect([...new Set(fetched)].sort()).toEqual(expected.map((name) => `/call/${name}.opus`).sort());

  // Repeat: the same clips again, from the decoded copies (nothing fetched a second time).
  const before = fetched.length;
  await page.getByRole('button', { name: '重复叫号' }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'calling');
  await expect(panel).toHaveAttribute('data-call-state', 'heard');
  await expect(panel).toHaveAttribute('data-last-call', expected.join(' '));
  expect(fetched).toHaveLength(before);

  // In English the call is English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Call next', exact: true }).click();
  await page.getByRole('button', { name: 'Call A002' }).click();
  await expect(panel).toHaveAttribute(
    'data-last-call',
    announcementClips('A002', '12', 'en').join(' '),
  );
  await expect(panel).toHaveAttribute('data-call-state', 'heard');
  await expect(page.locator('.call-problem')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('after a reload, Repeat calls the ticket on screen', async ({ page }) => {
  const errors = watchForErrors(page);
  await setUpCounter(page, 'en');
  await page.getByRole('button', { name: 'Call next', exact: true }).click();
  await page.getByRole('button', { name: 'Call A001' }).click();
  await expect(page.getByTestId('calling-ticket')).toHaveText('A001');
  await page.reload();
  const panel = page.locator('.start-calling');
  await expect(panel).not.toHaveAttribute('data-call-state');
  await page.getByRole('button', { name: 'Repeat call' }).click();
  await expect(panel).toHaveAttribute(
    'data-last-call',
    announcementClips('A001', '3', 'en').join(' '),
  );
  await expect(panel).toHaveAttribute('data-call-state', 'heard');
  expect(errors).toEqual([]);
});
