/**
 * Switching the language re-renders the whole screen: on the clerk's screen mid-service (the first
 * part of the words), on the review (its own namespace) and in Settings (the later part of the
 * words), after each switch no text of the language before is left on screen, the page says its
 * language, and the choice outlives a reload unless `?lang=` names another.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../core/domain/locale';
import reviewEn from '../../core/i18n/review/en.json' with { type: 'json' };
import reviewZhCN from '../../core/i18n/review/zh-CN.json' with { type: 'json' };
import reviewZhTW from '../../core/i18n/review/zh-TW.json' with { type: 'json' };
import en from '../../core/i18n/locales/en.json' with { type: 'json' };
import zhCN from '../../core/i18n/locales/zh-CN.json' with { type: 'json' };
import zhTW from '../../core/i18n/locales/zh-TW.json' with { type: 'json' };
import { openScreen, setUpCounter, shortService, startService } from './fixtures';

type Tree = { [key: string]: string | Tree };
const WORDS: Record<Locale, Tree[]> = {
  en: [en, reviewEn],
  'zh-CN': [zhCN, reviewZhCN],
  'zh-TW': [zhTW, reviewZhTW],
};

function texts(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of texts(value, path)) out.set(inner, text);
  }
  return out;
}

/**
 * Texts of `from` that no screen in `to` can show: those that differ from `to`'s text at the
 * same key, have no placeholder, and are long enough not to be part of another text by chance.
 */
function leftovers(from: Locale, to: Locale): string[] {
  return WORDS[from].flatMap((tree, index) => {
    const other = texts(WORDS[to][index]!);
    const everyOther = new Set(other.values());
    return [...texts(tree)]
      .filter(([key, text]) => other.get(key) !== text && !everyOther.has(text))
      .map(([, text]) => text)
      .filter((text) => !text.includes('{{') && (from === 'en' ? /\w+ \w+/ : /.{4}/u).test(text));
  });
}

/** What the screen shows, but the language buttons (each named in its own language). */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const language = [...document.querySelectorAll<HTMLElement>('.language')];
    let text = document.body.innerText;
    for (const group of language) text = text.split(group.innerText).join('');
    return text;
  });
}

async function switchTo(page: Page, from: Locale, to: Locale, scope: string) {
  await page.locator(`.language button[lang="${to}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(page.locator(`.language button[lang="${to}"]`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const shown = await screenText(page);
  const left = leftovers(from, to).filter((text) => shown.includes(text));
  expect(left, `${scope}: ${from} → ${to}`).toEqual([]);
  // The words of the language now on screen are there (not keys).
  expect(shown).not.toMatch(/\b[a-z]+\.[a-z][\w-]*\.[\w.-]+\b/);
}

test('switching the language re-renders every screen: clerk, review, settings', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setUpCounter(page, 'en');
  await shortService(page, 'en', 'A001', 'A002');
  await startService(page, 'en', { ticket: 'A002', title: 'mr', business: 'new-subscription' });
  const order: Locale[] = ['en', 'zh-CN', 'zh-TW', 'en'];
  for (let index = 1; index < order.length; index += 1) {
    await switchTo(page, order[index - 1]!, order[index]!, 'clerk');
  }

  // The review (its own namespace of words): the navigation names it in English now.
  await openScreen(page, en.nav.review);
  await expect(page.locator('[data-review-ready], .review').first()).toBeVisible();
  for (let index = 1; index < order.length; index += 1) {
    await switchTo(page, order[index - 1]!, order[index]!, 'review');
  }

  // Settings (the later part of the words, loaded with it, for each language switched to).
  await openScreen(page, en.nav.settings);
  await expect(page.getByRole('heading', { name: en.settings.screen })).toBeVisible();
  for (let index = 1; index < order.length; index += 1) {
    await switchTo(page, order[index - 1]!, order[index]!, 'settings');
  }

  // The last choice is remembered on this device; `?lang=` wins over it for that visit.
  await switchTo(page, 'en', 'zh-TW', 'settings');
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await page.goto('./?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
