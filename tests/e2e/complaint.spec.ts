/**
 * Complaints end to end in real Chromium, in English and in Chinese: a complaint service whose
 * complaint the manager on duty takes over with their own PIN on the clerk's tablet; a bill
 * payment that turns into a complaint, promises a follow-up, and finishes its own steps; the
 * follow-up shown overdue once the clock has moved on, and closed by the manager; the words never
 * to say one tap away from every clerk screen. Screenshots of the complaint card and the phrases
 * card at 1280×800 and 800×1280.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import {
  openScreen,
  MANAGER,
  card,
  eventTypes,
  expectChainIntact,
  expectStatus,
  finishShortService,
  setUpCounter,
  tapOnCard,
  type Lang,
} from './fixtures';
import { text } from './screens';

const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };
const GREETING = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
] as const;

const shotDir = process.env.SCREENSHOTS
  ? join(import.meta.dirname, '__screenshots__')
  : join('test-results', 'screenshots');
const SIZES = { landscape: { width: 1280, height: 800 }, portrait: { width: 800, height: 1280 } };

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(shotDir, `${name}-${lang}-${size}.png`) });
  }
  await page.setViewportSize(SIZES.landscape);
}

function words(page: Page, lang: Lang) {
  const t = (key: string, vars?: Record<string, string | number>) => text(lang, key, vars);
  const button = (name: string, scope: Page | ReturnType<Page['locator']> = page) =>
    scope.getByRole('button', { name, exact: true });
  const dialog = page.getByRole('dialog');
  return { t, button, dialog };
}

/** The phrases card is showing (its first pair in this language), then it is closed. */
async function closePhrases(page: Page, lang: Lang) {
  const { t, button, dialog } = words(page, lang);
  await expect(page.getByTestId('phrases-card')).toContainText(
    lang === 'en' ? 'Let me find out for you.' : '我先帮您咨询一下。',
  );
  await button(t('common.close'), dialog).click();
  await expect(dialog).toHaveCount(0);
}

/** Starts a service with the given business type (its label from the locale files). */
async function start(page: Page, lang: Lang, ticket: string, business: string) {
  const { t, button } = words(page, lang);
  await page.getByLabel(t('start.ticket'), { exact: true }).fill(ticket);
  await button(t('titles.ms')).click();
  await page.getByLabel(t('start.surname')).fill(lang === 'en' ? 'Wang' : '王');
  await button(t(`business.${business}`)).click();
  await button(t('start.submit')).click();
  await expect(page.locator('[data-step-id]').first()).toBeVisible();
}

/** Opens the complaint form on the act step, picks the category and outcome, types the summary. */
async function fillComplaint(
  page: Page,
  lang: Lang,
  form: { category: string; outcome: string; summary: string },
) {
  const { t, button, dialog } = words(page, lang);
  await tapOnCard(page, 'complaint-act', t('step.doneLabel.complaint-record'));
  await button(t(`complaint.category.${form.category}`), dialog).click();
  await dialog.getByLabel(t('complaint.record.summary')).fill(form.summary);
  await button(t(`complaint.outcome.${form.outcome}`), dialog).click();
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a complaint service, escalated to the manager on duty with their own PIN (${lang})`, async ({
    page,
  }) => {
    const { t, button, dialog } = words(page, lang);
    await setUpCounter(page, lang);
    // The manager adds a clerk and leaves the counter to them.
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
    await button(t('session.signOut')).click();
    await button(t('summary.done')).click();
    await page.getByLabel(t('signIn.staffNo')).fill(CLERK.staffNo);
    await page.getByLabel(t('signIn.pin'), { exact: true }).fill(CLERK.first);
    await button(t('signIn.submit')).click();
    await page.getByLabel(t('pin.current')).fill(CLERK.first);
    await page.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.pin);
    await page.getByLabel(t('pin.confirm')).fill(CLERK.pin);
    await button(t('pin.save')).click();

    // A complaint from the start: the words never to say come first, then the greeting.
    await start(page, lang, 'C001', 'complaint');
    await closePhrases(page, lang);
    await expect(page.locator('.strip-complaint [data-step-id]')).toHaveCount(6);
    for (const id of GREETING) await tapOnCard(page, id, t('step.done'));
    await expect(card(page)).toHaveAttribute('data-card-step-id', 'complaint-accept');
    await expect(card(page)).toContainText(
      lang === 'en'
        ? 'Ms Wang, I am very sorry for the trouble.'
        : '王女士，非常抱歉给您带来了不便',
    );
    await expect(card(page)).toHaveAttribute('data-armed', 'true');
    await shoot(page, 'complaint-card', lang);
    for (const id of [
      'complaint-accept',
      'complaint-calm',
      'complaint-clarify',
      'complaint-explore',
    ] as const)
      await tapOnCard(page, id, t('step.done'));

    // The summary refuses a phone number, and says why.
    await fillComplaint(page, lang, {
      category: 'network',
      outcome: 'escalated',
      summary:
        lang === 'en' ? 'No signal at home, call 138 0013 8000' : '家里没信号，回电13800138000',
    });
    await dialog.getByLabel(t('complaint.record.manager')).fill(MANAGER.staffNo);
    await dialog.getByLabel(t('complaint.record.managerPin')).fill(MANAGER.pin);
    // The manager takes it over and a call back is promised as well.
    await dialog.getByLabel(t('complaint.record.dueOptional')).fill('2099-12-31');
    await button(t('complaint.record.confirm'), dialog).click();
    await expect(page.getByRole('alert')).toContainText(t('summaryProblem.phone-number'));
    await dialog
      .getByLabel(t('complaint.record.summary'))
      .fill(lang === 'en' ? 'No signal at home for a week' : '家里一周没有信号');
    // A wrong manager PIN is refused (and logged as the manager's); then the right one.
    await dialog.getByLabel(t('complaint.record.managerPin')).fill('999999');
    await button(t('complaint.record.confirm'), dialog).click();
    await expect(page.getByRole('alert')).toContainText(t('refusal.wrong-pin_other', { count: 4 }));
    await dialog.getByLabel(t('complaint.record.managerPin')).fill(MANAGER.pin);
    await button(t('complaint.record.confirm'), dialog).click();
    await expect(dialog).toHaveCount(0);
    await expectStatus(page, 'complaint-act', 'done');

    // Thanks, then the service's own steps go on to the end.
    await tapOnCard(page, 'complaint-thank', t('step.done'));
    await tapOnCard(page, 'address-by-surname', t('step.done'));
    await finishShortService(page, lang, 'C002', { openingDone: true });

    const rows = await expectChainIntact(page);
    const types = eventTypes(rows);
    expect(types).toContain('complaint-started');
    const confirmed = rows.find(
      (row) => (row.event as { type: string }).type === 'escalation-confirmed',
    );
    expect(confirmed?.staffNo).toBe(MANAGER.staffNo);
    const recorded = rows.find(
      (row) => (row.event as { type: string }).type === 'complaint-recorded',
    );
    expect(recorded).toMatchObject({
      staffNo: CLERK.staffNo,
      event: {
        category: 'network',
        outcome: { kind: 'escalated', manager: MANAGER.staffNo, due: '2099-12-31' },
      },
    });
    expect(
      rows.some(
        (row) =>
          row.staffNo === MANAGER.staffNo &&
          (row.event as { type: string; during?: string }).during === 'escalation',
      ),
    ).toBe(true);
  });

  test(`a bill payment turns into a complaint, promises a follow-up, finishes its own steps; the follow-up falls overdue (${lang})`, async ({
    page,
  }) => {
    const { t, button, dialog } = words(page, lang);
    await page.clock.install();
    await setUpCounter(page, lang);
    await start(page, lang, 'A001', 'bill-payment');
    for (const id of [...GREETING, 'address-by-surname'] as const)
      await tapOnCard(page, id, t('step.done'));

    // The customer complains: one tap, the phrases card first, then the complaint's steps.
    await button(t('quick.complaint')).click();
    await expect(page.getByTestId('phrases-card')).toBeVisible();
    await shoot(page, 'phrases-card', lang);
    await closePhrases(page, lang);
    await tapOnCard(page, 'complaint-accept', t('step.done'));
    await tapOnCard(page, 'complaint-calm', t('step.na'));
    await tapOnCard(page, 'complaint-clarify', t('step.done'));
    await tapOnCard(page, 'complaint-explore', t('step.done'));

    const tomorrow = await page.evaluate(() =>
      new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE'),
    );
    await fillComplaint(page, lang, {
      category: 'billing',
      outcome: 'follow-up',
      summary:
        lang === 'en'
          ? 'Charged twice, ID 11010519491231002X'
          : '重复扣费，身份证11010519491231002X',
    });
    await dialog.getByLabel(t('complaint.record.due')).fill(tomorrow);
    await button(t('complaint.record.confirm'), dialog).click();
    await expect(page.getByRole('alert')).toContainText(t('summaryProblem.id-number'));
    await dialog
      .getByLabel(t('complaint.record.summary'))
      .fill(lang === 'en' ? 'Charged twice this month' : '本月重复扣费');
    await button(t('complaint.record.confirm'), dialog).click();
    await expect(dialog).toHaveCount(0);
    await tapOnCard(page, 'complaint-thank', t('step.done'));

    // The bill payment resumes its own steps where it was, and finishes.
    await expect(card(page)).toHaveAttribute('data-card-step-id', 'recommend');
    await finishShortService(page, lang, 'A002', { openingDone: true });
    const served = eventTypes(await expectChainIntact(page));
    // Its own steps after the complaint's: thanks, see-off, call next, then the finish.
    const thanked = served.lastIndexOf('complaint-step');
    expect(served.indexOf('complaint-started')).toBeLessThan(thanked);
    expect(served.slice(thanked)).toEqual(
      expect.arrayContaining(['step-done', 'next-called', 'service-finished']),
    );

    // The follow-up, on the manager's list: not due yet, then overdue three days on.
    await openScreen(page, t('nav.follow-ups'));
    const followUp = page.locator('[data-follow-up]');
    await expect(followUp).toHaveAttribute('data-standing', 'upcoming');
    await page.clock.fastForward(3 * 86_400_000);
    // Three days without a touch locked the screen: the manager comes back with the PIN.
    await expect(page.getByRole('heading', { name: t('lock.title') })).toBeVisible();
    await page.getByLabel(t('signIn.pin'), { exact: true }).fill(MANAGER.pin);
    await button(t('lock.unlock')).click();
    await openScreen(page, t('nav.follow-ups'));
    await expect(followUp).toHaveAttribute('data-standing', 'overdue');
    await expect(page.locator('[data-figure="overdue-follow-ups"]')).toContainText('1');
    await followUp.getByRole('button').click();
    await dialog.getByRole('button').nth(0).click();
    await dialog.getByRole('button').last().click();
    await expect(followUp).toHaveAttribute('data-standing', 'closed');
    const rows = await expectChainIntact(page);
    expect(eventTypes(rows)).toContain('follow-up-closed');
  });

  test(`the words never to say are one tap away on every clerk screen (${lang})`, async ({
    page,
  }) => {
    const { t, button } = words(page, lang);
    await setUpCounter(page, lang);
    const open = async () => {
      await button(t('phrases.button')).click();
      await closePhrases(page, lang);
    };
    await open(); // the start panel
    await start(page, lang, 'A001', 'bill-payment');
    await open(); // a service
    await openScreen(page, t('nav.checks'));
    await open(); // the mutual checks
  });
}
