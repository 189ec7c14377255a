/**
 * Every screen at the two tablet sizes in Chinese and English: nothing spills sideways, every
 * button is a target of at least 48 × 48 px, step labels are readable (16 px at least) and fit
 * their chips, the first run's button is on screen without scrolling, and in portrait the
 * customer and ticket come before the quick actions. A screenshot of each is written for a
 * person to look at (into tests/e2e/__screenshots__ with SCREENSHOTS=1, else into test-results).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import {
  OPENING_STEPS,
  WORDS,
  tapOnCard,
  setUpCounter,
  startService,
  step,
  type Lang,
} from './fixtures';

const SIZES = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
} as const;

const shotDir = process.env.SCREENSHOTS
  ? join(import.meta.dirname, '__screenshots__')
  : join('test-results', 'screenshots');

async function checkLayout(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.offsetParent !== null)
      .map((button) => ({ name: button.textContent?.trim(), box: button.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 48 || box.height < 48)
      .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
  const unreadable = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.chip-name')]
      .filter(
        (label) =>
          parseFloat(getComputedStyle(label).fontSize) < 16 ||
          label.scrollWidth > label.clientWidth + 1 ||
          label.scrollHeight > label.clientHeight + 1,
      )
      .map((label) => `${label.textContent} ${getComputedStyle(label).fontSize}`),
  );
  expect(unreadable).toEqual([]);
}

/** The element's box, which must be on screen. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  expect(found, selector).not.toBeNull();
  return found!;
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  for (const [orientation, viewport] of Object.entries(SIZES)) {
    test(`the clerk screen fits a ${orientation} tablet with 48 px targets (${lang})`, async ({
      page,
    }) => {
      const w = WORDS[lang];
      await page.setViewportSize(viewport);
      await page.goto(`./?lang=${lang}`);
      await expect(page.getByRole('button', { name: w.createAndSignIn })).toBeVisible();
      await checkLayout(page);
      const create = await box(page, 'form.first-run button[type="submit"]');
      expect(create.y + create.height).toBeLessThanOrEqual(viewport.height);
      await page.screenshot({ path: join(shotDir, `first-run-${lang}-${orientation}.png`) });
      await setUpCounter(page, lang);
      await checkLayout(page);
      await page.screenshot({ path: join(shotDir, `start-${lang}-${orientation}.png`) });

      await startService(page, lang, {
        ticket: 'A025',
        title: 'mr',
        surname: lang === 'en' ? 'Zhang' : '张',
        business: 'bill-payment',
      });
      for (const id of OPENING_STEPS) {
        await tapOnCard(page, id, w.done);
      }
      await step(page, 'both-hands').click();
      await checkLayout(page);
      if (orientation === 'portrait') {
        const customer = await box(page, '.customer');
        const quick = await box(page, '.quick');
        expect(customer.y + customer.height).toBeLessThanOrEqual(quick.y);
      }
      await page.screenshot({ path: join(shotDir, `service-${lang}-${orientation}.png`) });

      await page
        .getByRole('button', { name: lang === 'en' ? 'Money' : '收付款', exact: true })
        .click();
      await page.getByLabel(w.due).fill('80');
      await page.getByLabel(w.received).fill('100');
      await checkLayout(page);
      await page.screenshot({ path: join(shotDir, `money-${lang}-${orientation}.png`) });
      await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : '取消' }).click();

      await page
        .getByRole('button', { name: lang === 'en' ? 'Staff' : '员工', exact: true })
        .click();
      await checkLayout(page);
      await page.screenshot({ path: join(shotDir, `staff-${lang}-${orientation}.png`) });

      for (const [tab, name] of [
        ['Settings', '设置'],
        ['Log', '日志'],
      ] as const) {
        await page.getByRole('button', { name: lang === 'en' ? tab : name, exact: true }).click();
        // The manager's screens load lazily: wait for the screen, not its loading line.
        await expect(page.locator('main.admin .panel').first()).toBeVisible();
        if (tab === 'Log') {
          await page
            .getByRole('button', { name: lang === 'en' ? 'Verify the log' : '校验日志' })
            .click();
          await expect(page.locator('.verdict')).toBeVisible();
        }
        await checkLayout(page);
        await page.screenshot({
          path: join(shotDir, `${tab.toLowerCase()}-${lang}-${orientation}.png`),
        });
      }

      await page
        .getByRole('button', { name: lang === 'en' ? 'Counter' : '窗口', exact: true })
        .click();
      await page
        .getByRole('button', { name: lang === 'en' ? 'Leave seat' : '离座', exact: true })
        .click();
      await checkLayout(page);
      await page.screenshot({ path: join(shotDir, `away-${lang}-${orientation}.png`) });
    });
  }
}
