/**
 * The routines around the services (issue 25), in Chinese and English: a clerk's first sign-in of
 * the day shows the opening check; an item found Not OK stays on the clerk's screen until put
 * right; a manager's check disagreeing on one item moves the Review's agreement by the computed
 * amount (11 of 12 items: 91.7 %); a handover note written at sign-out is shown to the next person
 * at the counter and acknowledged by them. The log is read back and verified at the end.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_OPENING_ITEMS } from '../../core/domain/shift/opening-items';
import {
  MANAGER,
  expectChainIntact,
  openScreen,
  setUpCounter,
  shortService,
  type Lang,
} from './fixtures';
import { join } from 'node:path';
import { shotDir } from './layout-check';
import { text } from './screens';

const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };
const BADGE = DEFAULT_OPENING_ITEMS.find((item) => item.code === 'badge')!;
const NAILS = DEFAULT_OPENING_ITEMS.find((item) => item.code === 'nails')!;

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`opening check, Not OK item, manager's check and agreement, handover (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const t = (key: string, vars?: Record<string, string | number>) => text(lang, key, vars);
    const button = (name: string, scope: Page | ReturnType<Page['locator']> = page) =>
      scope.getByRole('button', { name, exact: true });
    const itemText = (item: typeof BADGE) => item.text[lang];

    await setUpCounter(page, lang);
    await addClerk(page, t);
    await button(t('session.signOut')).click();
    await button(t('summary.done')).click();
    await signIn(page, t, CLERK.staffNo, CLERK.first);
    await page.getByLabel(t('pin.current')).fill(CLERK.first);
    await page.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.pin);
    await page.getByLabel(t('pin.confirm')).fill(CLERK.pin);
    await button(t('pin.save')).click();

    // First sign-in of the day: the opening check is due, and the clerk does it.
    await expect(page.getByText(t('shift.checkDue'))).toBeVisible();
    await button(t('shift.startCheck')).click();
    const form = page.locator('form.opening-check');
    for (const item of DEFAULT_OPENING_ITEMS.filter((i) => i.part === 'appearance')) {
      const name = item.code === 'badge' ? 'shift.notOkItem' : 'shift.okItem';
      await button(t(name, { item: itemText(item) }), form).click();
    }
    await form.getByLabel(t('shift.note')).fill(lang === 'en' ? 'left at home' : '忘在家里');
    // "All OK" for the counter part waits until each of its items has been on screen.
    const allOk = button(t('shift.allOk'), form);
    await allOk.scrollIntoViewIfNeeded();
    await form.locator('li[data-item="supplies"]').scrollIntoViewIfNeeded();
    await allOk.click();
    await expect(form.getByText(t('shift.answered', { count: 12, total: 12 }))).toBeVisible();
    await button(t('shift.recordOwn'), form).click();
    await expect(page.getByText(t('shift.checkDue'))).toHaveCount(0);

    // The Not OK item stays on the screen — also after a reload — until put right.
    const open = page.locator('.open-items li', { hasText: itemText(BADGE) });
    await expect(open).toBeVisible();
    await page.reload();
    await expect(open).toBeVisible();
    await page.screenshot({ path: join(shotDir, `shift-open-item-${lang}-landscape.png`) });
    // The customer comes first: the clerk serves with the item still open, and it stays.
    await shortService(page, lang, 'A001', 'A002');
    await expect(open).toBeVisible();
    await button(t('shift.fixed'), open).click();
    await expect(open).toHaveCount(0);

    // A handover note at sign-out.
    await button(t('shift.writeHandover')).click();
    const dialog = page.getByRole('dialog');
    const note = lang === 'en' ? 'Printer jams on page two' : '打印机第二页卡纸';
    await dialog.getByLabel(t('shift.handoverNote')).fill(note);
    await dialog.getByLabel(t('shift.handoverItem', { number: 1 })).fill('Ms Li — SIM');
    await button(t('shift.saveAndSignOut'), dialog).click();
    await button(t('summary.done')).click();

    // The manager signs in next at this counter: the handover shows, they acknowledge it.
    await signIn(page, t, MANAGER.staffNo, MANAGER.pin);
    const handover = page.locator('.handover-card');
    await expect(handover).toContainText(note);
    await expect(handover).toContainText('Ms Li — SIM');
    await page.screenshot({ path: join(shotDir, `shift-handover-${lang}-landscape.png`) });
    await button(t('shift.acknowledge'), handover).click();
    await expect(handover).toHaveCount(0);
    // The item carries over until closed.
    await expect(page.locator('.open-items li', { hasText: 'Ms Li — SIM' })).toBeVisible();

    // The manager's spot-check of the clerk: Not OK on the badge too, and on the nails.
    await openScreen(page, t('nav.checks'));
    await button(t('shift.othersOpen')).click();
    const others = page.locator('form.opening-check');
    for (const item of DEFAULT_OPENING_ITEMS) {
      const notOk = item.code === 'badge' || item.code === 'nails';
      await button(
        t(notOk ? 'shift.notOkItem' : 'shift.okItem', { item: itemText(item) }),
        others,
      ).click();
    }
    await button(t('shift.recordOthers'), others).click();
    await expect(
      page.getByText(t('shift.othersSaved', { staffNo: CLERK.staffNo, count: 12 })),
    ).toBeVisible();

    // The Review: agreement 11 of 12 items (the nails disagree), and the drill-down.
    await openScreen(page, t('nav.review'));
    await button(t('shift.reviewOpen')).click();
    const review = page.locator('.shift-review');
    await expect(review.getByTestId('shift-agreement')).toContainText('91.7');
    await expect(review.getByTestId('shift-agreement')).toContainText('11 / 12');
    await expect(review.getByTestId('shift-on-time')).toContainText('1 / 1');
    await expect(review.locator('.not-ok-items li').first()).toContainText(itemText(BADGE));
    await expect(review.locator('.not-ok-items')).toContainText(itemText(NAILS));
    await review.locator('.shift-checks summary').last().click();
    await page.screenshot({
      path: join(shotDir, `shift-review-${lang}-landscape.png`),
      fullPage: true,
    });

    const rows = await expectChainIntact(page);
    const types = rows.map((row) => (row.event as { type: string }).type);
    expect(types.filter((type) => type === 'opening-check-recorded')).toHaveLength(2);
    expect(types).toContain('handover-written');
    expect(types).toContain('handover-acknowledged');
  });
}

async function addClerk(page: Page, t: (key: string) => string) {
  await openScreen(page, t('nav.staff'));
  const form = page.locator('form', {
    has: page.getByRole('heading', { name: t('staff.newTitle') }),
  });
  await form.getByLabel(t('staff.staffNo')).fill(CLERK.staffNo);
  await form.getByRole('button', { name: t('role.clerk'), exact: true }).click();
  await form.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.first);
  await form.getByLabel(t('pin.confirm')).fill(CLERK.first);
  await form.getByRole('button', { name: t('staff.create') }).click();
  await expect(page.locator(`tr[data-staff-no="${CLERK.staffNo}"]`)).toBeVisible();
}

async function signIn(page: Page, t: (key: string) => string, staffNo: string, pin: string) {
  await page.getByLabel(t('signIn.staffNo')).fill(staffNo);
  await page.getByLabel(t('signIn.pin'), { exact: true }).fill(pin);
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
}
