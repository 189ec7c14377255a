/**
 * Two tabs of the app on one device, tapping at once, in real Chromium: one writer at a time (a Web
 * Lock, an in-page queue, and the append's own head check where there is no lock), so the chain
 * never forks, no tap that was taken is lost or doubled, and both tabs end up showing the same.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  OPENING_STEPS,
  WORDS,
  card,
  expectChainIntact,
  setUpCounter,
  startService,
  tapOnCard,
} from './fixtures';

const w = WORDS.en;
const HAND_OVERS = 12;

const stepDone = (rows: Record<string, unknown>[], stepId: string) =>
  rows.filter((row) => {
    const event = row.event as { type: string; stepId?: string };
    return event.type === 'step-done' && event.stepId === stepId;
  }).length;

/** What a tab shows: every step's status in the strip, and the card's step. */
const shown = (page: Page) =>
  page.evaluate(() => ({
    strip: [...document.querySelectorAll('[data-step-id]')].map(
      (chip) => `${chip.getAttribute('data-step-id')}=${chip.getAttribute('data-step-status')}`,
    ),
    card: document.querySelector('[data-card-step-id]')?.getAttribute('data-card-step-id'),
  }));

/** The first tab sets up and starts a service; the second opens the app on the same device. */
async function twoTabs(page: Page) {
  await setUpCounter(page, 'en');
  await startService(page, 'en', { ticket: 'A010', title: 'mr', business: 'bill-payment' });
  const second = await page.context().newPage();
  await second.goto('./?lang=en');
  await expect(second.locator('[data-step-id]')).toHaveCount(17);
  return second;
}

/** The first tab walks the opening steps on its card while the second taps Hand over again and again. */
async function tapTogether(first: Page, second: Page) {
  await Promise.all([
    (async () => {
      for (const id of OPENING_STEPS) await tapOnCard(first, id, w.done);
    })(),
    (async () => {
      for (let tap = 0; tap < HAND_OVERS; tap += 1) {
        await second.getByRole('button', { name: 'Hand over', exact: true }).click();
        await second.waitForTimeout((tap * 37) % 90);
      }
    })(),
  ]);
}

/** Both tabs settle on the same screen: the last opening step done, the card on the step after. */
async function expectSameScreen(first: Page, second: Page) {
  // The next every-customer step after the opening seven.
  for (const page of [first, second]) {
    await expect(card(page)).toHaveAttribute('data-card-step-id', 'recommend');
    await expect(page.locator('[data-step-id="address-by-surname"]')).toHaveAttribute(
      'data-step-status',
      'done',
    );
  }
  await expect
    .poll(async () => JSON.stringify(await shown(second)))
    .toBe(JSON.stringify(await shown(first)));
}

test('two tabs tapping at once: the chain never forks, every tap is in the log exactly once', async ({
  page,
}) => {
  const second = await twoTabs(page);
  await tapTogether(page, second);
  await expectSameScreen(page, second);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(second.getByRole('alert')).toHaveCount(0);

  const rows = await expectChainIntact(page);
  // One record per sequence number, numbered without a gap: nothing forked, nothing overwritten.
  expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
  expect(stepDone(rows, 'both-hands')).toBe(HAND_OVERS);
  for (const id of OPENING_STEPS) expect(stepDone(rows, id)).toBe(1);
  // Both tabs read the same log.
  expect(await expectChainIntact(second)).toEqual(rows);
});

test('both tabs tap Done on the same step at the same moment: it is recorded once', async ({
  page,
}) => {
  const second = await twoTabs(page);
  for (const id of OPENING_STEPS) {
    for (const tab of [page, second]) {
      await expect(card(tab)).toHaveAttribute('data-card-step-id', id);
      await expect(card(tab)).toHaveAttribute('data-armed', 'true');
    }
    // Both taps go out together (no waiting for the other tab's screen to settle first).
    const spots = await Promise.all(
      [page, second].map(async (tab) => {
        const box = await card(tab)
          .getByRole('button', { name: w.done, exact: true })
          .boundingBox();
        return { tab, x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
      }),
    );
    await Promise.all(spots.map(({ tab, x, y }) => tab.mouse.click(x, y)));
  }
  await expectSameScreen(page, second);
  const rows = await expectChainIntact(page);
  for (const id of OPENING_STEPS) expect(stepDone(rows, id)).toBe(1);
  // The second tap of each pair was stale, and dropped without a message.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(second.getByRole('alert')).toHaveCount(0);
});

test('where the browser has no Web Locks, the append’s head check alone keeps one chain', async ({
  page,
}) => {
  await page.context().addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
  });
  const second = await twoTabs(page);
  expect(await second.evaluate(() => 'locks' in navigator && navigator.locks)).toBeFalsy();
  await tapTogether(page, second);
  await expectSameScreen(page, second);
  const rows = await expectChainIntact(page);
  expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
  // A write that met the other tab's is folded in and decided again: still every tap, once.
  expect(stepDone(rows, 'both-hands')).toBe(HAND_OVERS);
  for (const id of OPENING_STEPS) expect(stepDone(rows, id)).toBe(1);
});
