/**
 * A walk through every screen and dialog of the app, in one language at one size, calling `visit`
 * on each once it is showing: first run, the clerk's start panel, the shortcuts list, each clerk
 * dialog, a service with its step card, the words never to say, a complaint (its card and its
 * record), the change-PIN dialog, the manager's Staff (and reset-PIN dialog), Settings, the
 * follow-ups and Log, the review (empty with its offer of demo data, then with a service) and
 * mutual checks, the away screen, the lock screen, the customer display (calling, the rating
 * question, the reasons), the shift summary, sign-in and choosing one's own PIN. Labels come from
 * the locale files themselves, so the walk is the same in every language. The accessibility and
 * layout specs run their checks at each stop.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import en from '../../core/i18n/locales/en.json' with { type: 'json' };
import zhCN from '../../core/i18n/locales/zh-CN.json' with { type: 'json' };
import {
  openScreen,
  MANAGER,
  OPENING_STEPS,
  card,
  finishShortService,
  tapOnCard,
  type Lang,
} from './fixtures';

type Tree = { [key: string]: string | Tree };
const LOCALES: Record<Lang, Tree> = { en: en as Tree, 'zh-CN': zhCN as Tree };

/** The text of `key` in `lang`, with {{placeholders}} filled in, as the app shows it. */
export function text(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = LOCALES[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`No text ${key} in ${lang}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export type Visit = (name: string, page: Page) => Promise<void>;

const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };

export async function walkEveryScreen(
  context: BrowserContext,
  page: Page,
  lang: Lang,
  visit: Visit,
): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => text(lang, key, vars);
  const button = (name: string, scope: Page | ReturnType<Page['locator']> = page) =>
    scope.getByRole('button', { name, exact: true });
  const dialog = page.getByRole('dialog');
  const cancel = async () => {
    await button(t('common.cancel'), dialog).click();
    await expect(dialog).toHaveCount(0);
  };

  // First run.
  await page.goto(`./?lang=${lang}`);
  await expect(button(t('setup.submit'))).toBeVisible();
  await visit('first-run', page);
  await page.getByLabel(t('setup.counter')).fill('3');
  await page.getByLabel(t('setup.staffNo')).fill(MANAGER.staffNo);
  await page.getByLabel(t('pin.new'), { exact: true }).fill(MANAGER.pin);
  await page.getByLabel(t('pin.confirm')).fill(MANAGER.pin);
  await button(t('setup.submit')).click();

  // The start panel, the shortcuts list, calling a ticket.
  await expect(button(t('start.submit'))).toBeVisible();
  await visit('start', page);
  // The opening check (shown in place of the start panel until "Later") and the handover note.
  await button(t('shift.startCheck')).click();
  await expect(page.getByRole('heading', { name: t('shift.checkTitle') })).toBeVisible();
  await visit('opening-check', page);
  await button(t('shift.later')).click();
  await button(t('shift.writeHandover')).click();
  await visit('dialog-handover', page);
  await cancel();
  await page.getByRole('button', { name: t('shortcuts.title') }).click();
  await visit('dialog-shortcuts', page);
  await button(t('common.close'), dialog).click();
  await button(t('start.callNext')).click();
  await visit('dialog-call-next', page);
  await button(t('callNext.confirm', { ticket: 'A001' }), dialog).click();
  await expect(page.getByTestId('calling-ticket')).toHaveText('A001');

  // The customer display beside the counter.
  const display = await context.newPage();
  await display.setViewportSize(page.viewportSize()!);
  await display.goto(`./?display=1&lang=${lang}`);
  await expect(display.getByTestId('display-calling')).toContainText('A001');
  await visit('display', display);

  // A service: the step card and every clerk dialog.
  await page.getByRole('button', { name: t('titles.ms'), exact: true }).click();
  await page.getByRole('button', { name: t('business.bill-payment'), exact: true }).click();
  await button(t('start.submit')).click();
  await expect(page.locator('[data-step-id]')).toHaveCount(17);
  for (const id of OPENING_STEPS.slice(0, 3)) await tapOnCard(page, id, t('step.done'));
  await visit('service', page);
  await expect(card(page)).toHaveAttribute('data-armed', 'true');
  await button(t('step.skip'), card(page)).click();
  await expect(dialog).toBeVisible();
  await visit('dialog-skip', page);
  await cancel();
  for (const [quick, name] of [
    ['quick.money', 'dialog-money'],
    ['quick.recommend', 'dialog-recommend'],
    ['quick.surname', 'dialog-surname'],
    ['quick.abandon', 'dialog-abandon'],
  ] as const) {
    await button(t(quick)).click();
    if (quick === 'quick.money') {
      await page.getByLabel(t('money.due')).fill('80');
      await page.getByLabel(t('money.received')).fill('100');
    }
    // The clerk's dialogs load the first time they open (Decision 49): visit them once shown.
    await expect(dialog).toBeVisible();
    await visit(name, page);
    await cancel();
  }
  // The words never to say (one tap, in the top bar), then a complaint during this service: the
  // card comes first by itself, then the complaint's steps and its record.
  await button(t('phrases.button')).click();
  await expect(page.getByTestId('phrases-card')).toBeVisible();
  await visit('dialog-phrases', page);
  await button(t('common.close'), dialog).click();
  await button(t('quick.complaint')).click();
  await expect(page.getByTestId('phrases-card')).toBeVisible();
  await button(t('common.close'), dialog).click();
  await tapOnCard(page, 'complaint-accept', t('step.done'));
  await visit('service-complaint', page);
  await tapOnCard(page, 'complaint-calm', t('step.na'));
  await tapOnCard(page, 'complaint-clarify', t('step.done'));
  await tapOnCard(page, 'complaint-explore', t('step.done'));
  await tapOnCard(page, 'complaint-act', t('step.doneLabel.complaint-record'));
  await button(t('complaint.category.billing'), dialog).click();
  await dialog.getByLabel(t('complaint.record.summary')).fill('话费多扣');
  await button(t('complaint.outcome.follow-up'), dialog).click();
  await dialog.getByLabel(t('complaint.record.due')).fill('2099-12-31');
  await visit('dialog-complaint', page);
  await button(t('complaint.record.confirm'), dialog).click();
  await expect(dialog).toHaveCount(0);
  await tapOnCard(page, 'complaint-thank', t('step.done'));
  await button(t('session.changePin')).click();
  await visit('dialog-change-pin', page);
  await cancel();

  // The manager's screens.
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
  await visit('staff', page);
  await page
    .locator(`tr[data-staff-no="${CLERK.staffNo}"]`)
    .getByRole('button', { name: t('staff.resetPin') })
    .click();
  await visit('dialog-reset-pin', page);
  await cancel();
  await openScreen(page, t('nav.settings'));
  await expect(page.locator('[data-fact="version"]')).not.toHaveText('—');
  await visit('settings', page);
  await openScreen(page, t('nav.follow-ups'));
  await expect(page.locator('[data-follow-up]')).toHaveCount(1);
  await visit('follow-ups', page);
  await openScreen(page, t('nav.log'));
  await button(t('audit.verify')).click();
  await expect(page.locator('.verdict')).toBeVisible();
  await visit('log', page);
  // The review before any service ended (with the offer of demo data); then mutual checks.
  await openScreen(page, t('nav.review'));
  await expect(page.locator('.demo-offer')).toBeVisible();
  await visit('review-empty', page);
  await openScreen(page, t('nav.checks'));
  await expect(page.locator('main.review')).toBeVisible();
  await visit('mutual-check', page);
  await openScreen(page, t('nav.counter'));

  // Away from the seat, then the lock screen.
  await button(t('quick.leaveSeat')).click();
  await expect(page.getByRole('heading', { name: t('away.title') })).toBeVisible();
  await visit('away', page);
  await page.getByLabel(t('signIn.pin'), { exact: true }).fill(MANAGER.pin);
  await button(t('away.back')).click();
  // The seventeen steps and the complaint's six.
  await expect(page.locator('[data-step-id]')).toHaveCount(17 + 6);
  await button(t('session.lock')).click();
  await expect(page.getByRole('heading', { name: t('lock.title') })).toBeVisible();
  await visit('lock', page);
  await page.getByLabel(t('signIn.pin'), { exact: true }).fill(MANAGER.pin);
  await button(t('lock.unlock')).click();
  // The seventeen steps and the complaint's six.
  await expect(page.locator('[data-step-id]')).toHaveCount(17 + 6);

  // The rest of the service, then the customer is asked on the display.
  for (const id of OPENING_STEPS.slice(3)) await tapOnCard(page, id, t('step.done'));
  await finishShortServiceFrom(page, lang);
  await expect(display.getByRole('heading', { name: t('rating.question') })).toBeVisible();
  await visit('display-rating', display);
  await button(t('rating.dissatisfied'), display).click();
  await visit('display-reasons', display);
  await visit('start-after-service', page);
  await openScreen(page, t('nav.review'));
  await expect(page.locator('[data-figure="services"]')).toBeVisible();
  await visit('review', page);
  await openScreen(page, t('nav.counter'));

  // Signing out: the summary, then the sign-in screen; the new clerk chooses a PIN.
  await button(t('session.signOut')).click();
  await expect(
    page.getByRole('heading', { name: t('summary.title', { staffNo: MANAGER.staffNo }) }),
  ).toBeVisible();
  await visit('shift-summary', page);
  await button(t('summary.done')).click();
  await expect(page.getByRole('heading', { name: t('signIn.title') })).toBeVisible();
  await visit('sign-in', page);
  await page.getByLabel(t('signIn.staffNo')).fill(CLERK.staffNo);
  await page.getByLabel(t('signIn.pin'), { exact: true }).fill(CLERK.first);
  await button(t('signIn.submit')).click();
  await expect(page.getByRole('heading', { name: t('choosePin.title') })).toBeVisible();
  await visit('choose-pin', page);
  await display.close();
}

/** From the recommendation on: the rest of a short service, finished by calling A002. */
async function finishShortServiceFrom(page: Page, lang: Lang) {
  await finishShortService(page, lang, 'A002', { openingDone: true });
}
