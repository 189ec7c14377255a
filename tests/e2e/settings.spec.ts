/**
 * The manager's configuration screens in real Chromium: lists, targets, scripts, flag thresholds and
 * the business day, each saved as one config change that the clerk screen follows at once; bad
 * input refused by the domain with a message next to the field and nothing stored; no Settings for
 * an auditor. Screenshots of the whole settings screen and of the entry dialog at both tablet sizes
 * in Chinese and English (into tests/e2e/__screenshots__ with SCREENSHOTS=1, else test-results).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import {
  screensListed,
  openScreen,
  OPENING_STEPS,
  WORDS,
  card,
  eventTypes,
  expectChainIntact,
  expectStatus,
  readLog,
  setUpCounter,
  startService,
  tapOnCard,
  type Lang,
} from './fixtures';

const w = WORDS.en;
const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };
const AUDITOR = { staffNo: '7001', first: '975318', pin: '864209' };
const NEW_GREETING = 'Good day, {customer}! Welcome to counter {counter}.';

const shotDir = process.env.SCREENSHOTS
  ? join(import.meta.dirname, '__screenshots__')
  : join('test-results', 'screenshots');

async function addAccount(
  page: Page,
  person: { staffNo: string; first: string },
  role: 'Clerk' | 'Auditor',
) {
  await openScreen(page, 'Staff');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await form.getByLabel('Staff number').fill(person.staffNo);
  await form.getByRole('button', { name: role, exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill(person.first);
  await form.getByLabel('New PIN again').fill(person.first);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toHaveText(`Account ${person.staffNo} added.`);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /Shift summary/ })).toBeVisible();
  await page.getByRole('button', { name: 'OK' }).click();
}

/** The first sign-in with the PIN the manager gave, choosing one's own at once. */
async function firstSignIn(page: Page, person: { staffNo: string; first: string; pin: string }) {
  await page.getByLabel('Staff number').fill(person.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(person.first);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Current PIN').fill(person.first);
  await page.getByLabel('New PIN', { exact: true }).fill(person.pin);
  await page.getByLabel('New PIN again').fill(person.pin);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toHaveCount(0);
}

const configChanges = async (page: Page) =>
  (await readLog(page))
    .map((row) => row.event as { type: string; change?: Record<string, unknown> })
    .filter((event) => event.type === 'config-changed')
    .map((event) => event.change);

test('a manager edits lists, a target, a script, the flags and the business day; the counter follows at once', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  await addAccount(page, CLERK, 'Clerk');
  // The manager serves a customer, and is at step 3 when they open Settings.
  await openScreen(page, 'Counter');
  await startService(page, 'en', {
    ticket: 'A025',
    title: 'mr',
    surname: 'Zhang',
    business: 'bill-payment',
  });
  for (const id of OPENING_STEPS.slice(0, 2)) await tapOnCard(page, id, w.done);
  await expect(card(page)).toContainText('Hello, Mr Zhang!');
  await openScreen(page, 'Settings');

  // A new skip reason, named in all three languages; its code comes from the English name.
  const reasons = page.getByRole('region', { name: 'Skip reasons' });
  await reasons.getByRole('button', { name: 'Add', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name in 简体中文').fill('系统故障');
  await dialog.getByLabel('Name in 繁體中文').fill('系統故障');
  await dialog.getByLabel('Name in English').fill('System down');
  await expect(dialog.getByLabel('Code', { exact: true })).toHaveValue('system-down');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(reasons.locator('li[data-code="system-down"]')).toContainText('System down');
  await expect(reasons.getByRole('status')).toHaveText('Saved.');
  // "Other" stays; the others can go.
  await reasons.getByRole('button', { name: 'Edit Other' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove Other' })).toHaveCount(0);
  await expect(dialog).toContainText('This entry stays');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await reasons.getByRole('button', { name: 'Edit Forgot' }).click();
  await dialog.getByRole('button', { name: 'Remove Forgot' }).click();
  await expect(dialog).toContainText('Remove “Forgot”?');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(reasons.locator('li[data-code="forgot"]')).toHaveCount(0);

  // Bill payment's target: 3 → 4 minutes.
  const types = page.getByRole('region', { name: 'Business types' });
  await types.getByRole('button', { name: 'Edit Bill payment' }).click();
  await dialog.getByLabel('Target time (minutes)').fill('4');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(types.locator('li[data-code="bill-payment"]')).toContainText('4 min');

  // Greet aloud's English words, with the preview following each keystroke.
  const scripts = page.getByRole('region', { name: 'Scripts' });
  await expect(scripts.getByLabel('Step')).toHaveValue('greet-aloud');
  await expect(scripts.locator('[data-preview="en"]')).toHaveText('Hello, Mr Zhang!');
  await scripts.getByLabel('English', { exact: true }).fill(NEW_GREETING);
  await expect(scripts.locator('[data-preview="en"]')).toHaveText(
    'Good day, Mr Zhang! Welcome to counter 3.',
  );
  await expect(scripts.locator('[data-preview="zh-CN"]')).toHaveText('张先生您好！');
  await scripts.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(scripts.getByRole('status')).toHaveText('Saved.');
  await expect(scripts.getByText('A manager changed these words.')).toBeVisible();
  // Another step changed, then back to the standard (a change with no text).
  await scripts.getByLabel('Step').selectOption('thank-on-receipt');
  await expect(scripts.getByLabel('English', { exact: true })).toHaveValue(
    'Thank you, {customer}.',
  );
  await scripts.getByLabel('English', { exact: true }).fill('Thanks a lot, {surname}!');
  await expect(scripts.locator('[data-preview="en"]')).toHaveText('Thanks a lot, Zhang!');
  await scripts.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(scripts.getByLabel('Step')).toContainText('10. Thank on receipt (changed)');
  await scripts.getByRole('button', { name: 'Back to the standard' }).click();
  await expect(scripts.getByLabel('English', { exact: true })).toHaveValue(
    'Thank you, {customer}.',
  );
  await expect(scripts.getByText('These are the standard’s own words.')).toBeVisible();
  await scripts.getByLabel('Step').selectOption('greet-aloud');
  await expect(scripts.getByLabel('English', { exact: true })).toHaveValue(NEW_GREETING);

  // Flag thresholds and the business day.
  const flags = page.getByRole('form', { name: 'Pencil-whipping flags' });
  await flags.getByLabel('Fastest step (seconds)').fill('1.5');
  await flags.getByLabel('Steps in a burst').fill('6');
  await expect(flags).toContainText('6 or more steps marked within 5 s are a burst');
  await flags.getByRole('button', { name: 'Save' }).click();
  await expect(flags.getByRole('status')).toHaveText('Saved.');
  const day = page.getByRole('form', { name: 'Business day' });
  // The option's value as the select reports it (the property, which holds whether or not the
  // renderer writes the attribute when it equals the option's text, as for "UTC").
  await expect(day.getByLabel('Time zone').locator('option').first()).toHaveJSProperty(
    'value',
    await page.evaluate(() => new Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  await day.getByLabel('Time zone').selectOption('Asia/Hong_Kong');
  await day.getByLabel('Day starts at (HH:MM)').fill('04:00');
  await day.getByRole('button', { name: 'Save' }).click();
  await expect(day.getByRole('status')).toHaveText('Saved.');

  const changes = await configChanges(page);
  expect(changes.map((change) => change?.key)).toEqual([
    'skip-reasons',
    'skip-reasons',
    'business-types',
    'script',
    'script',
    'script',
    'flag-thresholds',
    'business-day',
  ]);
  expect((changes[0]!.value as { code: string; labels: unknown }[]).at(-1)).toEqual({
    code: 'system-down',
    labels: { 'zh-CN': '系统故障', 'zh-TW': '系統故障', en: 'System down' },
  });
  expect((changes[1]!.value as { code: string }[]).map((entry) => entry.code)).toEqual([
    'customer-declined',
    'customer-in-hurry',
    'not-possible-now',
    'other',
    'system-down',
  ]);
  expect(changes[3]).toEqual({
    key: 'script',
    stepId: 'greet-aloud',
    text: { 'zh-CN': '{customer}您好！', 'zh-TW': '{customer}您好！', en: NEW_GREETING },
  });
  expect(changes[5]).toEqual({ key: 'script', stepId: 'thank-on-receipt', text: null });
  expect(changes[6]).toMatchObject({ value: { minStepSeconds: 1.5, burstSteps: 6 } });
  expect(changes[7]).toEqual({
    key: 'business-day',
    timeZone: 'Asia/Hong_Kong',
    startMinutes: 240,
  });

  // Back at the counter, without a reload: the new words on the card, the new reason in Skip.
  await openScreen(page, 'Counter');
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'greet-aloud');
  await expect(card(page).locator('.script')).toHaveText(
    'Good day, Mr Zhang! Welcome to counter 3.',
  );
  await tapOnCard(page, 'greet-aloud', w.skip);
  await expect(page.getByRole('dialog').getByRole('button', { name: 'System down' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Customer left', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Customer left' }).click();
  await signOut(page);

  // A clerk on the same device: the new words, the new reason, the new target.
  await firstSignIn(page, CLERK);
  await startService(page, 'en', {
    ticket: 'A026',
    title: 'ms',
    surname: 'Li',
    business: 'bill-payment',
  });
  for (const id of OPENING_STEPS.slice(0, 2)) await tapOnCard(page, id, w.done);
  await expect(card(page).locator('.script')).toHaveText('Good day, Ms Li! Welcome to counter 3.');
  await tapOnCard(page, 'greet-aloud', w.skip);
  await page.getByRole('dialog').getByRole('button', { name: 'System down' }).click();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await expectStatus(page, 'greet-aloud', 'skipped');

  const rows = await expectChainIntact(page);
  const skip = rows.find((row) => (row.event as { type: string }).type === 'step-skipped');
  expect(skip?.event).toMatchObject({ stepId: 'greet-aloud', reason: 'system-down' });
  expect(skip?.staffNo).toBe(CLERK.staffNo);
  const started = rows.filter((row) => (row.event as { type: string }).type === 'service-started');
  expect(started.at(-1)?.event).toMatchObject({ businessType: 'bill-payment', targetSeconds: 240 });
});

test('bad input is refused by the domain with the message by the field, and nothing is stored (zh-CN)', async ({
  page,
}) => {
  await setUpCounter(page, 'zh-CN');
  await openScreen(page, '设置');
  const before = (await readLog(page)).length;

  const scripts = page.getByRole('region', { name: '服务话术' });
  await expect(scripts.getByText('{customer}', { exact: true })).toBeVisible();
  await scripts.getByLabel('English', { exact: true }).fill('Hello, {name}!');
  await expect(scripts.locator('[data-preview="en"]')).toHaveText('Hello, {name}!');
  await scripts.getByRole('button', { name: '保存', exact: true }).click();
  await expect(scripts.locator('[data-locale="en"]').getByRole('alert')).toHaveText(
    'English话术中的 {name} 不是可用的占位符。',
  );
  await expect(scripts.getByRole('status')).toHaveCount(0);

  const flags = page.getByRole('form', { name: '走过场标记' });
  await flags.getByLabel('连点步数').fill('30');
  await flags.getByRole('button', { name: '保存' }).click();
  await expect(flags.getByRole('alert')).toHaveText('连点步数：请输入 3 至 17 之间的整数。');

  const day = page.getByRole('form', { name: '营业日' });
  await day.getByLabel('每天开始时间（时:分）').fill('25:00');
  await day.getByRole('button', { name: '保存' }).click();
  await expect(day.getByRole('alert')).toHaveText('开始时间请按“时:分”填写，00:00 至 23:59。');

  const reasons = page.getByRole('region', { name: '跳过原因' });
  await reasons.getByRole('button', { name: '添加', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称（English）').fill('System down');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    '每一项都要填写三种语言的名称，每个最多 40 字。',
  );
  await dialog.getByRole('button', { name: '取消' }).click();

  expect(await readLog(page)).toHaveLength(before);
  await openScreen(page, '窗口');
  await startService(page, 'zh-CN', {
    ticket: 'A025',
    title: 'mr',
    surname: '张',
    business: 'bill-payment',
  });
  for (const id of OPENING_STEPS.slice(0, 2)) await tapOnCard(page, id, WORDS['zh-CN'].done);
  await expect(card(page).locator('.script')).toHaveText('张先生您好！');
  expect(eventTypes(await readLog(page))).not.toContain('config-changed');
});

test('an auditor has no Settings (nor Staff) tab', async ({ page }) => {
  await setUpCounter(page, 'en');
  await addAccount(page, AUDITOR, 'Auditor');
  await signOut(page);
  await firstSignIn(page, AUDITOR);
  await expect(page.getByText('Staff no. 7001')).toBeVisible();
  // An auditor looks (the review, the log) and changes nothing.
  await expect(await screensListed(page)).toHaveText(['Review', 'Log']);
  await openScreen(page, 'Log');
  await expect(page.getByRole('heading', { name: "This device's log" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Staff', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Skip reasons' })).toHaveCount(0);
});

const SIZES = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
} as const;

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  for (const [orientation, viewport] of Object.entries(SIZES)) {
    test(`the settings screen fits a ${orientation} tablet (${lang})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await setUpCounter(page, lang);
      await openScreen(page, lang === 'en' ? 'Settings' : '设置');
      await expect(page.locator('.script-editor')).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, select, input, textarea')]
          .filter((element) => (element as HTMLElement).offsetParent !== null)
          .map((element) => ({
            name: element.textContent?.trim(),
            box: element.getBoundingClientRect(),
          }))
          .filter(({ box }) => box.width < 48 || box.height < 48)
          .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      expect(small).toEqual([]);
      await page.screenshot({
        path: join(shotDir, `settings-full-${lang}-${orientation}.png`),
        fullPage: true,
      });
      await page
        .getByRole('region', { name: lang === 'en' ? 'Business types' : '业务类型' })
        .getByRole('button', { name: lang === 'en' ? 'Edit Bill payment' : '编辑缴费' })
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: join(shotDir, `settings-entry-${lang}-${orientation}.png`) });
    });
  }
}
