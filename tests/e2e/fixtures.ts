/**
 * Shared steps for the end-to-end specs. Each test gets a fresh browser context, so a fresh
 * IndexedDB; the log is read back raw from IndexedDB and verified here in Node (hashes, links,
 * rules and signatures, with the same domain code the app and the command-line verifier use).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { STEP_IDS, type StepId } from '../../core/domain/flow/flow-definition';
import type { AnyStepId } from '../../core/domain/service/commands';
import { verifyRows } from '../../core/domain/log/verify';

export type Lang = 'en' | 'zh-CN';

/** The words the specs click, per language (they must match the locale files). */
export const WORDS = {
  en: {
    counter: 'Counter number',
    managerNo: "Manager's staff number",
    newPin: 'New PIN',
    newPinAgain: 'New PIN again',
    createAndSignIn: 'Create and sign in',
    pin: 'PIN',
    ticket: 'Ticket',
    business: { 'bill-payment': 'Bill payment', 'new-subscription': 'New subscription' },
    titles: { mr: 'Mr', ms: 'Ms' },
    surname: 'Surname (optional)',
    startService: 'Start service',
    done: 'Done',
    skip: 'Skip',
    na: 'Not applicable',
    moneyHelper: 'Money helper',
    due: 'Amount due (yuan)',
    received: 'Amount received (yuan)',
    recordMoney: 'Record — said aloud',
    recordRecommendation: 'Record recommendation',
    offer: 'Home broadband',
    response: 'Interested',
    record: 'Record',
    leaveSeat: 'Leave seat',
    back: 'Back at the counter',
    callNext: 'Call next',
    call: (ticket: string) => `Call ${ticket}`,
    nowCalling: 'Now calling',
  },
  'zh-CN': {
    counter: '窗口号',
    managerNo: '值班经理工号',
    newPin: '新密码',
    newPinAgain: '再次输入新密码',
    createAndSignIn: '创建并登录',
    pin: '密码',
    ticket: '票号',
    business: { 'bill-payment': '缴费', 'new-subscription': '入网' },
    titles: { mr: '先生', ms: '女士' },
    surname: '姓氏（可选）',
    startService: '开始服务',
    done: '完成',
    skip: '跳过',
    na: '不适用',
    moneyHelper: '唱收唱付助手',
    due: '应收金额（元）',
    received: '实收金额（元）',
    recordMoney: '记录（已唱收唱付）',
    recordRecommendation: '记录推荐',
    offer: '家庭宽带',
    response: '有兴趣',
    record: '记录',
    leaveSeat: '离座',
    back: '已回座',
    callNext: '叫号',
    call: (ticket: string) => `呼叫 ${ticket}`,
    nowCalling: '正在呼叫',
  },
} as const;

/** The first manager, created by the first-run setup; runs the counter in most specs. */
export const MANAGER = { staffNo: '9001', pin: '246810' };

/** First run on a fresh device: counter 3 and the first manager, who is then signed in. */
export async function setUpCounter(page: Page, lang: Lang, counter = '3') {
  const w = WORDS[lang];
  await page.goto(`./?lang=${lang}`);
  await page.getByLabel(w.counter).fill(counter);
  await page.getByLabel(w.managerNo).fill(MANAGER.staffNo);
  await page.getByLabel(w.newPin, { exact: true }).fill(MANAGER.pin);
  await page.getByLabel(w.newPinAgain).fill(MANAGER.pin);
  await page.getByRole('button', { name: w.createAndSignIn }).click();
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();
}

/** On the lock screen after leaving the seat: the PIN, then "back at the counter". */
export async function comeBack(page: Page, lang: Lang, pin = MANAGER.pin) {
  const w = WORDS[lang];
  await page.getByLabel(w.pin, { exact: true }).fill(pin);
  await page.getByRole('button', { name: w.back }).click();
  await expect(
    page.getByRole('heading', { name: lang === 'en' ? 'Away from the seat' : '离座中' }),
  ).toHaveCount(0);
}

export async function startService(
  page: Page,
  lang: Lang,
  options: {
    ticket: string;
    title: 'mr' | 'ms';
    surname?: string;
    business: 'bill-payment' | 'new-subscription';
  },
) {
  const w = WORDS[lang];
  await page.getByLabel(w.ticket, { exact: true }).fill(options.ticket);
  await page.getByRole('button', { name: w.titles[options.title], exact: true }).click();
  if (options.surname) await page.getByLabel(w.surname).fill(options.surname);
  await page.getByRole('button', { name: w.business[options.business], exact: true }).click();
  await page.getByRole('button', { name: w.startService }).click();
  await expect(page.locator('[data-step-id]')).toHaveCount(17);
}

export const step = (page: Page, id: AnyStepId) => page.locator(`[data-step-id="${id}"]`);

export async function expectStatus(
  page: Page,
  id: AnyStepId,
  status: 'pending' | 'done' | 'skipped' | 'na',
) {
  await expect(step(page, id)).toHaveAttribute('data-step-status', status);
}

/** The step card's own buttons (the quick actions and the strip have similar names). */
export const card = (page: Page) => page.locator('article.step-card');

/**
 * Taps a button on the step card once the card shows step `id` and accepts taps (a new step ignores
 * them for a moment, against accidental double taps): never tap blindly.
 */
export async function tapOnCard(page: Page, id: AnyStepId, label: string) {
  await expect(card(page)).toHaveAttribute('data-card-step-id', id);
  await expect(card(page)).toHaveAttribute('data-armed', 'true');
  await card(page).getByRole('button', { name: label, exact: true }).click();
}

/** Every row of the device log, straight from IndexedDB, in sequence order. */
export async function readLog(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('events', 'readonly').objectStore('events').getAll();
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown>[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

export async function expectChainIntact(page: Page): Promise<Record<string, unknown>[]> {
  const rows = await readLog(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(await verifyRows(rows)).toMatchObject({ intact: true, count: rows.length });
  return rows;
}

export const eventTypes = (rows: Record<string, unknown>[]) =>
  rows.map((row) => (row.event as { type: string }).type);

/** Steps 1–7, done one after the other on the card at the start of every service. */
export const OPENING_STEPS: readonly StepId[] = STEP_IDS.slice(0, 7);

/**
 * A short service: the every-customer steps done on the card, a recommendation, and finished by
 * calling `next` on step 17 (the conditional steps close as not applicable).
 */
export async function shortService(page: Page, lang: Lang, ticket: string, next: string) {
  await startService(page, lang, { ticket, title: 'ms', business: 'bill-payment' });
  await finishShortService(page, lang, next);
}

/** The open service's every-customer steps and a recommendation, then `next` called on step 17. */
export async function finishShortService(
  page: Page,
  lang: Lang,
  next: string,
  { openingDone = false }: { openingDone?: boolean } = {},
) {
  const w = WORDS[lang];
  if (!openingDone) for (const id of OPENING_STEPS) await tapOnCard(page, id, w.done);
  await tapOnCard(page, 'recommend', w.recordRecommendation);
  await page.getByRole('button', { name: w.offer }).click();
  await page.getByRole('button', { name: w.response }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
  await tapOnCard(page, 'confirm-anything-else', w.done);
  await tapOnCard(page, 'stand-to-see-off', w.done);
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call(next) }).click();
  await expect(page.getByTestId('calling-ticket')).toHaveText(next);
}

/** The element is what a tap at its centre reaches: nothing (a dialog's backdrop) covers it. */
export async function expectOnTop(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  const reached = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="alert"]')?.textContent ?? null,
    { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
  );
  expect(reached).toBe(await locator.textContent());
}

/**
 * Opens one of the signed-in screens by its name in the top bar (`nav.*`): through the screens
 * menu, which keeps the top bar to one row, when the menu is there and closed.
 */
export async function openScreen(page: Page, name: string) {
  const menu = page.locator('.topbar .screens-menu > button[aria-expanded]');
  const tab = page.locator('.topbar').getByRole('button', { name, exact: true });
  // Wait for the top bar (after an unlock it comes back a moment later).
  await expect(menu.or(tab).first()).toBeVisible();
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false')
    await menu.click();
  await tab.click();
}

/** The screens the signed-in person may open, as listed by the opened screens menu. */
export async function screensListed(page: Page): Promise<Locator> {
  const menu = page.locator('.topbar .screens-menu > button[aria-expanded]');
  if ((await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
  return page.getByRole('navigation', { name: 'Screens' }).getByRole('button');
}

/**
 * Adds another counter's export through the Log screen's panel (`panel`), confirming when the
 * tablet asks (a device it never held, a log starting mid-way, a counter in use): the tests' logs
 * are made elsewhere on purpose. `add` and `addAnyway` are the buttons' words in the screen's language.
 */
export async function addCounterLog(
  panel: Locator,
  file: string,
  words: { add: string; addAnyway: string },
) {
  const confirm = panel.getByRole('alertdialog');
  const status = panel.getByRole('status');
  // The last add's message may still be on screen: wait for the question or a new message.
  const before = (await status.count()) > 0 ? await status.textContent() : null;
  await panel.locator('input[type="file"]').setInputFiles(file);
  await panel.getByRole('button', { name: words.add, exact: true }).click();
  await expect
    .poll(
      async () =>
        (await confirm.isVisible()) ||
        ((await status.count()) > 0 && (await status.textContent()) !== before),
      { timeout: 30_000 },
    )
    .toBe(true);
  if (!(await confirm.isVisible())) return;
  const asked = (await status.count()) > 0 ? await status.textContent() : null;
  await confirm.getByRole('button', { name: words.addAnyway, exact: true }).click();
  // Done when the question is gone and the message is the add's own.
  await expect
    .poll(
      async () =>
        !(await confirm.isVisible()) &&
        (await status.count()) > 0 &&
        ![before, asked].includes(await status.textContent()),
      { timeout: 60_000 },
    )
    .toBe(true);
}
