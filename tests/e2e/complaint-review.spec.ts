/**
 * The review's complaint figures on generated data, in real Chromium: two demo counters' exports
 * (with complaints of every outcome, escalations confirmed, follow-ups closed and left open) are
 * added under Log; every complaint figure on screen equals the same figure computed in this test
 * from the exports' raw records (complaint-expected.ts, no app code), and clicking a figure lists
 * exactly the complaints behind it.
 */
import 'fake-indexeddb/auto';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../renderer/demo/generate';
import { COMPLAINT_STEPS, expectedComplaints } from './complaint-expected';
import { openScreen, setUpCounter, addCounterLog } from './fixtures';
import { duration, logOf, type Row } from './review-expected';
import { text } from './screens';

const FROM = '2026-11-02';
const TO = '2026-11-05';

let files: string[] = [];
let logs: Row[][] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const demo = await generateDemo({
    seed: 7,
    counters: 2,
    days: 4,
    servicesPerDay: 40,
    startDate: FROM,
    locale: 'en',
  });
  const dir = mkdtempSync(join(tmpdir(), 'complaints-'));
  files = demo.exports.map(({ fileName, bytes }) => {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    return path;
  });
  logs = demo.exports.map(({ bytes }) => logOf(bytes));
});

const t = (key: string, vars?: Record<string, string | number>) => text('en', key, vars);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const section = (page: Page) => page.locator('section.complaints');
const tile = (page: Page, id: string) => page.locator(`[data-figure="complaint-${id}"]`);
const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

/** The services the list shows (every page), after a figure was clicked; then back. */
async function listed(page: Page, open: () => Promise<void>): Promise<string[]> {
  await open();
  const list = page.locator('section.services');
  await expect(list.locator('[data-total]')).toBeVisible();
  const total = Number(await list.locator('[data-total]').getAttribute('data-total'));
  const ids: string[] = [];
  for (;;) {
    const rows = list.locator('tr[data-service]');
    await expect(rows).toHaveCount(Math.min(25, total - ids.length));
    ids.push(
      ...(await rows.evaluateAll((all) =>
        all.map((row) => row.getAttribute('data-service') ?? ''),
      )),
    );
    if (ids.length >= total) break;
    const first = await rows.first().getAttribute('data-service');
    await button(page, 'Next ›').click();
    // The next page's rows, not the last page's still on screen while it loads.
    await expect(rows.first()).not.toHaveAttribute('data-service', first ?? '');
  }
  await button(page, '‹ Back').click();
  await expect(section(page)).toBeVisible();
  return ids.sort();
}

test('every complaint figure equals the raw records’, and opens exactly the complaints behind it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await setUpCounter(page, 'en', '9');
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
  await openScreen(page, t('nav.review'));
  await button(page, 'Range').click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill(FROM);
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(TO);
  await expect(tile(page, 'complaints')).toBeVisible();

  // Today, as the tablet's business day says it (the overdue tile names it).
  const note = await tile(page, 'overdueFollowUps').locator('.tile-note').textContent();
  const today = /(\d{4}-\d{2}-\d{2})/.exec(note ?? '')?.[1] ?? '';
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const e = expectedComplaints(logs, FROM, TO, today);
  const total = e.complaints.length;
  // The data is worth checking: every outcome, an escalation, follow-ups open and closed.
  expect(total).toBeGreaterThanOrEqual(8);
  expect(e.resolved * e.escalated * e.confirmed * e.open * e.overdue.length).toBeGreaterThan(0);
  expect(e.followUps).toBeGreaterThan(e.open);

  await expect(tile(page, 'complaints').locator('.tile-value')).toHaveText(String(total));
  await expect(tile(page, 'resolvedShare').locator('.tile-value')).toHaveText(
    percent(e.resolved, total),
  );
  await expect(tile(page, 'resolvedShare').locator('.tile-note')).toHaveText(
    `${e.resolved} of ${total}`,
  );
  await expect(tile(page, 'escalations').locator('.tile-value')).toHaveText(String(e.escalated));
  await expect(tile(page, 'escalations').locator('.tile-note')).toHaveText(
    `${e.confirmed} confirmed by the manager`,
  );
  await expect(tile(page, 'followUps').locator('.tile-value')).toHaveText(String(e.followUps));
  await expect(tile(page, 'followUps').locator('.tile-note')).toHaveText(`${e.open} still open`);
  await expect(tile(page, 'overdueFollowUps').locator('.tile-value')).toHaveText(
    String(e.overdue.length),
  );

  for (const [category, ids] of e.byCategory) {
    await expect(section(page).locator(`tr[data-category="${category}"] td`)).toHaveText(
      String(ids.length),
    );
  }
  for (const [clerk, count] of e.byClerk) {
    await expect(section(page).locator(`tr[data-clerk="${clerk}"] td`)).toHaveText(String(count));
  }
  for (const id of COMPLAINT_STEPS) {
    const step = e.steps.get(id)!;
    const row = section(page).locator(`tr[data-step="${id}"]`);
    await expect(row.locator('td').nth(0)).toContainText(
      step.averageMs === null ? '—' : duration(step.averageMs),
    );
    await expect(row.locator('td').nth(1)).toHaveText(
      `${step.done > 0 ? percent(step.over, step.done) : '—'} (${step.over})`,
    );
    await expect(row.locator('td').nth(2)).toHaveText(
      `${step.done} done${step.skipped} skipped${step.na} n/a`,
    );
  }

  // Every figure opens exactly the complaints behind it.
  const ids = (list: { serviceId: string }[]) => list.map((c) => c.serviceId).sort();
  expect(await listed(page, () => tile(page, 'complaints').click())).toEqual(ids(e.complaints));
  expect(await listed(page, () => tile(page, 'resolvedShare').click())).toEqual(
    ids(e.complaints.filter((c) => c.outcome === 'resolved')),
  );
  expect(await listed(page, () => tile(page, 'escalations').click())).toEqual(
    ids(e.complaints.filter((c) => c.outcome === 'escalated')),
  );
  expect(await listed(page, () => tile(page, 'followUps').click())).toEqual(
    ids(e.complaints.filter((c) => c.due !== null)),
  );
  expect(await listed(page, () => tile(page, 'overdueFollowUps').click())).toEqual(
    [...e.overdue].sort(),
  );
  const [category, inCategory] = [...e.byCategory].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(
    await listed(page, () =>
      section(page).locator(`tr[data-category="${category}"] button`).click(),
    ),
  ).toEqual([...inCategory].sort());
  const [clerk] = [...e.byClerk][0]!;
  expect(
    await listed(page, () => section(page).locator(`tr[data-clerk="${clerk}"] button`).click()),
  ).toEqual(ids(e.complaints.filter((c) => c.clerk === clerk)));
  const over = COMPLAINT_STEPS.find((id) => e.steps.get(id)!.over > 0)!;
  expect(
    await listed(page, () =>
      section(page).locator(`tr[data-step="${over}"] td`).nth(1).getByRole('button').click(),
    ),
  ).toEqual([...e.steps.get(over)!.overIds].sort());
});
