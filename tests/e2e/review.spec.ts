/**
 * The manager's review on generated data, in real Chromium: two demo counters' exports (made by
 * the demo generator, through the app's own rules) are added under Log, and every figure the
 * review shows is compared with the same figure computed in this test from the exports' raw
 * records (review-expected.ts, no app code). The services flagged are exactly the ones the
 * generator planted. A spot-check moves the agreement figure; an amendment shows beside what the
 * clerk recorded; an auditor sees the figures but cannot change anything; on an empty tablet a
 * manager can load demo data from the review itself.
 */
import 'fake-indexeddb/auto';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, type DemoTruth } from '../../renderer/demo/generate';
import { screensListed, openScreen, setUpCounter, shortService, addCounterLog } from './fixtures';
import { duration, expectedFigures, logOf, type Expected } from './review-expected';
import { text } from './screens';

const FROM = '2026-11-02';
const TO = '2026-11-04';

let files: string[] = [];
let truth: DemoTruth;
let expected: Expected;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const demo = await generateDemo({
    seed: 11,
    counters: 2,
    days: 3,
    servicesPerDay: 30,
    startDate: FROM,
    locale: 'en',
  });
  truth = demo.truth;
  const dir = mkdtempSync(join(tmpdir(), 'review-'));
  files = demo.exports.map(({ fileName, bytes }) => {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    return path;
  });
  expected = expectedFigures(
    demo.exports.map(({ bytes }) => logOf(bytes)),
    FROM,
    TO,
  );
});

const t = (key: string, vars?: Record<string, string | number>) => text('en', key, vars);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function addExports(page: Page) {
  await openScreen(page, t('nav.log'));
  const panel = page.locator('section', {
    has: page.getByRole('heading', { name: t('importing.title') }),
  });
  for (const file of files) {
    await addCounterLog(panel, file, {
      add: t('importing.add'),
      addAnyway: t('importing.confirm.add'),
    });
    await expect(panel.getByRole('status')).toContainText('Added');
  }
}

async function showRange(page: Page) {
  await openScreen(page, t('nav.review'));
  await button(page, 'Range').click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill(FROM);
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(TO);
  await expect(page.locator('[data-figure="services"]')).toBeVisible();
}

const tile = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`);

test('every figure on screen equals the same figure computed from the raw records', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await setUpCounter(page, 'en', '9');
  await addExports(page);
  await showRange(page);

  const e = expected;
  await expect(tile(page, 'services')).toContainText(String(e.services));
  await expect(tile(page, 'services')).toContainText(
    `${e.finished} finished, ${e.abandoned} ended early`,
  );
  await expect(tile(page, 'kept')).toContainText(`${e.done} done of ${e.applicable} that applied`);
  await expect(tile(page, 'kept')).toContainText(`${Math.round((100 * e.done) / e.applicable)}%`);
  await expect(tile(page, 'average')).toContainText(duration(e.averageMs!));
  await expect(tile(page, 'over')).toContainText(`${e.overTarget} service`);
  await expect(tile(page, 'satisfied')).toContainText(`of ${e.answered} rating`);
  await expect(tile(page, 'satisfied')).toContainText(
    `${Math.round((100 * e.satisfied) / e.answered)}%`,
  );
  await expect(tile(page, 'agreement')).toContainText(`${e.checks} service`);
  await expect(tile(page, 'agreement')).toContainText(
    `${Math.round((100 * e.agree) / e.observed)}%`,
  );

  // Per step: done of applicable, skipped and n/a (n/a never counts against anyone).
  for (const [step, tally] of e.steps) {
    await expect(page.locator(`.step-bars [data-step="${step}"] .bar-detail`)).toContainText(
      `${tally.done}/${tally.done + tally.skipped} · skipped ${tally.skipped} · n/a ${tally.na}`,
    );
  }
  // Each cell of the step × clerk heat map.
  for (const [cell, tally] of e.cells) {
    if (tally.done + tally.skipped === 0) continue;
    await expect(page.locator(`[data-cell="${cell}"]`)).toHaveAttribute(
      'aria-label',
      new RegExp(`\\(${tally.done} of ${tally.done + tally.skipped}\\)$`),
    );
  }
  // Skip reasons.
  for (const [reason, count] of e.skipReasons) {
    await expect(page.locator(`tr[data-row="${reason}"] td`).first()).toHaveText(String(count));
  }

  // Flagged: exactly the services the generator planted, and only those.
  const planted = new Set(
    truth.devices.flatMap((device) => [
      ...device.fastBurst,
      ...device.farOverTarget,
      ...device.repeatedPattern.flatMap((pattern) => pattern.serviceIds),
    ]),
  );
  expect(planted.size).toBeGreaterThan(0);
  await expect(tile(page, 'flagged')).toContainText(String(planted.size));
  await tile(page, 'flagged').click();
  await expect(page.getByText(`${planted.size} services`)).toBeVisible();
  const listed = await page
    .locator('tr[data-service]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-service')));
  expect(new Set(listed)).toEqual(planted);
});

test('a spot-check moves the agreement figure; an auditor sees the review but changes nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setUpCounter(page, 'en', '9');
  await shortService(page, 'en', 'A001', 'A002');
  await openScreen(page, t('nav.review'));
  await expect(tile(page, 'agreement')).toContainText('—');
  await tile(page, 'services').click();
  await page.locator('tr[data-service] button.link').first().click();
  await button(page, 'Record a spot-check').click();
  // Every step "not seen" but the first, which the clerk recorded done and the manager saw not done.
  const form = page.locator('section.spot-check');
  await form
    .locator('ol.observations li')
    .first()
    .getByRole('button', { name: 'Not done' })
    .click();
  await button(page, 'Save').click();
  await expect(
    page.getByText("Your observation agreed with the clerk's record on 0 of 1 steps observed."),
  ).toBeVisible();
  await button(page, 'Close').click();

  // The manager corrects a step: a new record, the clerk's outcome still shown beside it.
  await button(page, 'Amend').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('A step').selectOption('greet-aloud');
  await dialog.getByRole('button', { name: 'Skipped', exact: true }).click();
  await dialog.getByRole('button', { name: 'Forgot', exact: true }).click();
  await dialog.getByLabel('Reason').fill('seen on camera: no greeting');
  await dialog.getByRole('button', { name: 'Save the amendment' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-step="greet-aloud"]')).toContainText('(recorded: Done)');
  await expect(page.locator('.timeline-view')).toContainText('seen on camera: no greeting');
  await button(page, '‹ Back').click();
  await button(page, '‹ Back').click();
  await expect(tile(page, 'agreement')).toContainText('0%');
  await expect(tile(page, 'agreement')).toContainText('1 service checked');

  // An auditor: the review and the log, nothing to change.
  await openScreen(page, 'Staff');
  const add = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await add.getByLabel('Staff number').fill('7001');
  await add.getByRole('button', { name: 'Auditor', exact: true }).click();
  await add.getByLabel('New PIN', { exact: true }).fill('975318');
  await add.getByLabel('New PIN again').fill('975318');
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toHaveText('Account 7001 added.');
  await button(page, 'Sign out').click();
  await button(page, 'OK').click();
  await page.getByLabel('Staff number').fill('7001');
  await page.getByLabel('PIN', { exact: true }).fill('975318');
  await button(page, 'Sign in').click();
  await page.getByLabel('Current PIN').fill('975318');
  await page.getByLabel('New PIN', { exact: true }).fill('864209');
  await page.getByLabel('New PIN again').fill('864209');
  await button(page, 'Save PIN').click();
  await expect(await screensListed(page)).toHaveText(['Review', 'Log']);
  await page.keyboard.press('Escape');
  await expect(tile(page, 'agreement')).toContainText('0%');
  await tile(page, 'services').click();
  await page.locator('tr[data-service] button.link').first().click();
  await expect(page.locator('.timeline-view')).toBeVisible();
  await expect(button(page, 'Record a spot-check')).toHaveCount(0);
  await expect(button(page, 'Amend')).toHaveCount(0);
});

test('on an empty tablet a manager loads demo data from the review: no idle lock over it, and the review lands on its latest day', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The page's timers under the test's hand: the idle lock's wait can be run through at once.
  await page.clock.install();
  await setUpCounter(page, 'en', '2');
  await openScreen(page, t('nav.review'));
  await button(page, 'Load demo data…').click();
  const started = Date.now();
  await button(page, 'Add demo data for good').click();
  const offer = page.locator('section.demo-offer');
  await expect(offer.getByRole('status')).toBeVisible();
  // Longer than the idle lock's 3 minutes without a touch, while the demo is being made.
  await page.clock.runFor('05:00');
  await expect(page.locator('.lock')).toHaveCount(0);
  await expect(tile(page, 'services')).toBeVisible({ timeout: 240_000 });
  console.log(
    `Demo data loaded through the button in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await expect(page.locator('.lock')).toHaveCount(0);

  // The latest demo day is yesterday (the tablet's business day), shown as a day…
  const yesterday = await page.evaluate(() => {
    const date = new Date(Date.now() - 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  });
  await expect(button(page, 'Day')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('textbox', { name: 'Day', exact: true })).toHaveValue(yesterday);
  // …and the week and the month chosen next are the ones that hold it.
  await button(page, 'Week').click();
  const weekFrom = await page.getByRole('textbox', { name: 'Day', exact: true }).inputValue();
  expect(weekFrom <= yesterday).toBe(true);
  expect(Date.parse(yesterday) - Date.parse(weekFrom)).toBeLessThan(7 * 86_400_000);
  await button(page, 'Month').click();
  await expect(page.getByRole('textbox', { name: 'Day', exact: true })).toHaveValue(
    `${yesterday.slice(0, 8)}01`,
  );
  await expect(tile(page, 'services')).toBeVisible();

  // Three demo counters, none of them this tablet's own (counter 2).
  await expect(page.locator('.counter-pick option')).toHaveText([
    'All counters',
    'Counter 1',
    'Counter 3',
    'Counter 4',
  ]);
  await openScreen(page, t('nav.log'));
  await expect(page.locator('tr[data-chain]')).toHaveCount(3);
  // Opened again, the review shows the latest day with services (today has none), not an empty
  // today; and the offer is gone once anything is held.
  await openScreen(page, t('nav.review'));
  await expect(page.getByRole('textbox', { name: 'Day', exact: true })).toHaveValue(yesterday);
  await expect(tile(page, 'services')).toBeVisible();
  await expect(button(page, 'Load demo data…')).toHaveCount(0);
});
