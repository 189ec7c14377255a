/**
 * The store's own words never to say, end to end in real Chromium, in English and in Chinese: a
 * manager adds pairs under Settings (one in a single language), signs out, and a clerk sees them
 * on the card after the standard's — from the top bar and first in a complaint; a pair the
 * manager retires leaves the card; a refused pair says why by its language and nothing is
 * stored. Screenshots of the Settings section and of the card with added pairs at 1280×800 and
 * 800×1280 (into tests/e2e/__screenshots__ with SCREENSHOTS=1, else test-results).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { Locale } from '../../core/domain/locale';
import {
  openScreen,
  MANAGER,
  expectChainIntact,
  readLog,
  setUpCounter,
  startService,
  type Lang,
} from './fixtures';
import { layoutProblems, shotDir } from './layout-check';
import { text } from './screens';

const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };
const SIZES = { landscape: { width: 1280, height: 800 }, portrait: { width: 800, height: 1280 } };

/** Pairs a manager adds: one in all three languages, one in Chinese only. */
const QUEUE = {
  'zh-CN': { never: '后面排队去！', instead: '请您先取号，我会尽快为您办理。' },
  'zh-TW': { never: '後面排隊去！', instead: '請您先取號，我會盡快為您辦理。' },
  en: {
    never: 'Get in line!',
    instead: 'Please take a ticket; I will serve you as soon as I can.',
  },
};
const BUSY = { 'zh-CN': { never: '没看我正忙着吗？', instead: '请您稍等，我马上为您办理。' } };

function words(page: Page, lang: Lang) {
  const t = (key: string, vars?: Record<string, string | number>) => text(lang, key, vars);
  const button = (name: string, scope: Page | ReturnType<Page['locator']> = page) =>
    scope.getByRole('button', { name, exact: true });
  const section = page.getByRole('region', { name: t('settings.phrases.title') });
  const card = page.getByTestId('phrases-card');
  return { t, button, section, card, dialog: page.getByRole('dialog') };
}

/** Types a pair into the add form (its languages as given) and adds it. */
async function addPair(
  page: Page,
  lang: Lang,
  pair: Partial<Record<Locale, { never: string; instead: string }>>,
) {
  const { t, button, section } = words(page, lang);
  for (const [locale, { never, instead }] of Object.entries(pair)) {
    const fields = section.getByRole('group', { name: t(`language.${locale}`) });
    await fields.getByLabel(t('phrases.never')).fill(never);
    await fields.getByLabel(t('phrases.instead')).fill(instead);
  }
  await button(t('settings.phrases.add'), section).click();
}

async function addClerk(page: Page, lang: Lang) {
  const { t, button } = words(page, lang);
  await openScreen(page, t('nav.staff'));
  const form = page.locator('form', {
    has: page.getByRole('heading', { name: t('staff.newTitle') }),
  });
  await form.getByLabel(t('staff.staffNo')).fill(CLERK.staffNo);
  await button(t('role.clerk'), form).click();
  await form.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.first);
  await form.getByLabel(t('pin.confirm')).fill(CLERK.first);
  await button(t('staff.create'), form).click();
  await expect(page.locator(`tr[data-staff-no="${CLERK.staffNo}"]`)).toBeVisible();
}

async function signOut(page: Page, lang: Lang) {
  const { t, button } = words(page, lang);
  await button(t('session.signOut')).click();
  await button(t('summary.done')).click();
  await expect(page.getByRole('heading', { name: t('signIn.title') })).toBeVisible();
}

async function signIn(page: Page, lang: Lang, staffNo: string, pin: string) {
  const { t, button } = words(page, lang);
  await page.getByLabel(t('signIn.staffNo')).fill(staffNo);
  await page.getByLabel(t('signIn.pin'), { exact: true }).fill(pin);
  await button(t('signIn.submit')).click();
}

/** The clerk's first sign-in, choosing their own PIN. */
async function clerkFirstSignIn(page: Page, lang: Lang) {
  const { t, button } = words(page, lang);
  await signIn(page, lang, CLERK.staffNo, CLERK.first);
  await page.getByLabel(t('pin.current')).fill(CLERK.first);
  await page.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.pin);
  await page.getByLabel(t('pin.confirm')).fill(CLERK.pin);
  await button(t('pin.save')).click();
  await expect(button(t('start.submit'))).toBeVisible();
}

/** The rows of the card's table, as [never, instead] in order. */
const cardRows = (page: Page) =>
  page
    .getByTestId('phrases-card')
    .locator('tr[data-phrase]')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute('data-phrase'),
        ...[...row.querySelectorAll('td')].map((cell) => cell.textContent),
      ]),
    );

/** axe's WCAG 2.1 A/AA and best-practice violations on screen now, by rule and element. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
  );
}

const phraseChanges = async (page: Page) =>
  (await readLog(page))
    .map((row) => row.event as { type: string; change?: { key: string } })
    .filter((event) => event.type === 'config-changed' && event.change?.key.startsWith('phrase-'))
    .map((event) => event.change);

for (const lang of ['en', 'zh-CN'] as const satisfies readonly Lang[]) {
  test(`a manager adds pairs, a clerk sees them after the standard's; a retired pair leaves the card (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { t, button, section, card, dialog } = words(page, lang);
    await setUpCounter(page, lang);
    await addClerk(page, lang);
    await openScreen(page, t('nav.settings'));
    await expect(section.locator('tr[data-phrase="standard"]')).toHaveCount(8);
    await addPair(page, lang, QUEUE);
    await expect(section.getByRole('status')).toHaveText(t('settings.phrases.added'));
    await addPair(page, lang, BUSY);
    await expect(section.locator('tr[data-phrase="p2"]')).toContainText(BUSY['zh-CN'].never);
    // The form is empty again, ready for the next.
    await expect(
      section.getByRole('group', { name: t('language.zh-CN') }).getByLabel(t('phrases.never')),
    ).toHaveValue('');
    await signOut(page, lang);

    // The clerk: the standard's eight, then the store's own two, in the screen's language or
    // the one the pair was written in.
    await clerkFirstSignIn(page, lang);
    await button(t('phrases.button')).click();
    const queue = QUEUE[lang];
    await expect(card.getByRole('rowheader', { name: t('phrases.storeOwn') })).toBeVisible();
    const rows = await cardRows(page);
    expect(rows).toHaveLength(10);
    expect(rows.slice(8)).toEqual([
      ['p1', queue.never, queue.instead],
      ['p2', BUSY['zh-CN'].never, BUSY['zh-CN'].instead],
    ]);
    await expect(card.locator('tr[data-phrase="p2"] td').first()).toHaveAttribute('lang', 'zh-CN');
    await button(t('common.close'), dialog).click();

    // A complaint during a service: the card comes first, with the store's own.
    await startService(page, lang, { ticket: 'A001', title: 'ms', business: 'bill-payment' });
    await button(t('quick.complaint')).click();
    await expect(card.locator('tr[data-phrase="p1"]')).toContainText(queue.never);
    await button(t('common.close'), dialog).click();
    await button(t('quick.abandon')).click();
    await button(t('abandonReason.customer-left'), dialog).click();
    await expect(dialog).toHaveCount(0);
    await signOut(page, lang);

    // The manager retires the first pair.
    await signIn(page, lang, MANAGER.staffNo, MANAGER.pin);
    await openScreen(page, t('nav.settings'));
    await button(t('settings.phrases.retireOne', { words: queue.never }), section).click();
    await expect(dialog).toContainText(t('settings.phrases.retireTitle', { words: queue.never }));
    await button(t('settings.phrases.retire'), dialog).click();
    await expect(dialog).toHaveCount(0);
    await expect(section.locator('tr[data-phrase="p1"]')).toHaveCount(0);
    await expect(section.locator('tr[data-phrase="p2"]')).toBeVisible();
    await signOut(page, lang);

    await signIn(page, lang, CLERK.staffNo, CLERK.pin);
    await button(t('phrases.button')).click();
    await expect(card.locator('tr[data-phrase="p2"]')).toBeVisible();
    await expect(card).not.toContainText(queue.never);
    expect((await cardRows(page)).map(([id]) => id).slice(7)).toEqual(['standard', 'p2']);

    expect(await phraseChanges(page)).toEqual([
      { key: 'phrase-added', id: 'p1', text: QUEUE },
      { key: 'phrase-added', id: 'p2', text: BUSY },
      { key: 'phrase-retired', id: 'p1' },
    ]);
    const log = await expectChainIntact(page);
    const retired = log.find(
      (row) => (row.event as { change?: { key: string } }).change?.key === 'phrase-retired',
    );
    expect(retired?.staffNo).toBe(MANAGER.staffNo);
  });

  test(`a refused pair says why, by its language, and nothing is stored (${lang})`, async ({
    page,
  }) => {
    const { t, button, section } = words(page, lang);
    await setUpCounter(page, lang);
    await openScreen(page, t('nav.settings'));
    const before = (await readLog(page)).length;
    const fieldset = (locale: Locale) => section.locator(`fieldset[data-locale="${locale}"]`);

    // Nothing typed.
    await button(t('settings.phrases.add'), section).click();
    await expect(section.getByRole('alert')).toHaveText(t('configProblem.phrase-empty'));
    // The standard's own words (without its full stop).
    await addPair(page, lang, { 'zh-CN': { never: '不知道', instead: '我帮您问问。' } });
    await expect(section.getByRole('alert')).toHaveText(
      t('configProblem.phrase-duplicate', { words: '不知道' }),
    );
    // The words not to say, without what to say instead: said by the language left half done.
    await addPair(page, lang, {
      'zh-CN': { never: '', instead: '' },
      'zh-TW': { never: '不關我的事！', instead: '' },
    });
    await expect(fieldset('zh-TW').getByRole('alert')).toHaveText(
      t('configProblem.phrase-instead-missing', { language: t('language.zh-TW') }),
    );
    await expect(fieldset('zh-CN').getByRole('alert')).toHaveCount(0);
    // Too long.
    const language = t('language.en');
    await addPair(page, lang, {
      'zh-TW': { never: '', instead: '' },
      en: { never: 'No. '.repeat(16), instead: 'Let me help.' },
    });
    await expect(fieldset('en').getByRole('alert')).toHaveText(
      t('configProblem.phrase-too-long', { language, side: t('phrases.never'), max: 60 }),
    );
    await expect(section.getByRole('status')).toHaveCount(0);
    expect(await readLog(page)).toHaveLength(before);
    expect(await phraseChanges(page)).toEqual([]);
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`the section and the card with added pairs fit a ${size} tablet (${lang})`, async ({
      page,
    }) => {
      const { t, button, section, card } = words(page, lang);
      await page.setViewportSize(viewport);
      await setUpCounter(page, lang);
      await openScreen(page, t('nav.settings'));
      await addPair(page, lang, QUEUE);
      await expect(section.locator('tr[data-phrase="p1"]')).toBeVisible();
      await addPair(page, lang, BUSY);
      await expect(section.locator('tr[data-phrase="p2"]')).toBeVisible();
      // A refusal shown, as the manager would see it.
      await addPair(page, lang, { en: { never: 'Whatever.', instead: '' } });
      await expect(section.locator('fieldset[data-locale="en"]').getByRole('alert')).toBeVisible();
      await section.locator('tr[data-phrase="p1"]').scrollIntoViewIfNeeded();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await section.screenshot({ path: join(shotDir, `settings-phrases-${lang}-${size}.png`) });

      await openScreen(page, t('nav.counter'));
      await button(t('phrases.button')).click();
      await expect(card.locator('tr[data-phrase="p2"]')).toBeVisible();
      await card.locator('tr[data-phrase="p2"]').scrollIntoViewIfNeeded();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shotDir, `phrases-card-added-${lang}-${size}.png`) });
    });
  }
}
