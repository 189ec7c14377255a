/**
 * The store hub end to end: a manager sets the hub up and makes enrolment codes in a browser; two
 * device profiles (each its own IndexedDB, as two tablets) serve customers, enrol with the hub
 * from Settings → Store hub and push their logs through the page's CSP; the hub's chain dashboard
 * then shows exactly the union of both devices' own review figures, and a figure clicked lists
 * exactly the services behind it, one of which opens its timeline. Then a third device serves a
 * bill payment that turns into a complaint (resolved on the spot) and pushes it: its store's
 * dashboard shows the complaint section with the device's own figures, and its count opens exactly
 * that service, marked with its category, whose timeline words the complaint as the device does
 * (screenshots of the section at both sizes in English and Chinese).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { HUB_ORIGIN } from './hub-env';
import { enrolAndPush, enrolmentCode, hubManager, serve } from './hub-steps';
import { SIZES, shotDir } from './layout-check';
import { openScreen, finishShortService, setUpCounter, startService, tapOnCard } from './fixtures';
import { text } from './screens';

/** The device's own review tiles for today: services, and steps done of those that applied. */
async function deviceFigures(page: Page) {
  await openScreen(page, 'Review');
  const services = Number(await page.locator('[data-figure="services"] .tile-value').textContent());
  const note = (await page.locator('[data-figure="kept"] .tile-note').textContent()) ?? '';
  const [done, applicable] = (note.match(/\d+/g) ?? []).map(Number);
  return { services, done: done!, applicable: applicable! };
}

test('two devices push to one hub, whose chain dashboard is the union of their figures', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hub = await hubManager(browser);
  const codes = [
    await enrolmentCode(hub, 'S-NORTH', 'North street'),
    await enrolmentCode(hub, 'S-SOUTH', 'South street'),
  ];

  const devices: Page[] = [];
  for (const [index, counter] of ['3', '5'].entries()) {
    const page = await (await browser.newContext()).newPage();
    await setUpCounter(page, 'en', counter);
    await serve(page, 'A001', true);
    if (index === 0) await serve(page, 'A002', false);
    devices.push(page);
  }
  const heads: number[] = [];
  for (const [index, page] of devices.entries())
    heads.push(await enrolAndPush(page, codes[index]!));

  const figuresOf = await Promise.all(devices.map(deviceFigures));
  const union = figuresOf.reduce((sum, each) => ({
    services: sum.services + each.services,
    done: sum.done + each.done,
    applicable: sum.applicable + each.applicable,
  }));
  expect(union.services).toBe(3);

  await hub.goto(`${HUB_ORIGIN}/?lang=en`);
  await expect(hub.locator('[data-figure="services"]')).toHaveAttribute(
    'data-value',
    String(union.services),
  );
  await expect(hub.locator('[data-figure="kept"]')).toHaveAttribute(
    'data-value',
    `${union.done}/${union.applicable}`,
  );
  await expect(hub.locator('[data-table="stores"] tbody tr')).toHaveCount(2);

  await hub.goto(`${HUB_ORIGIN}/devices?lang=en`);
  for (const [index, head] of heads.entries()) {
    const row = hub.locator('[data-table="devices"] tr', {
      hasText: index === 0 ? 'North street' : 'South street',
    });
    await expect(row.locator(`[data-head="${head}"]`)).toHaveCount(1);
  }

  // Nobody presses Push again: the first counter serves one more customer and its manager signs
  // out; the automatic push brings the shift to the hub a few seconds later.
  const first = devices[0]!;
  await openScreen(first, 'Counter');
  await serve(first, 'A003', true, 'A004');
  await first.getByRole('button', { name: 'Sign out' }).click();
  await expect(first.getByRole('heading', { level: 1 })).toBeVisible();
  await expect
    .poll(
      async () => {
        await hub.goto(`${HUB_ORIGIN}/?lang=en`);
        return hub.locator('[data-figure="services"]').getAttribute('data-value');
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(String(union.services + 1));

  // The drill-down: North street's services on the chain's ranking open exactly its three
  // services, newest first; one opens its timeline, as the device recorded it.
  await hub.goto(`${HUB_ORIGIN}/?lang=en`);
  await hub.locator('[data-table="stores"] tr[data-key="S-NORTH"] a[data-drill="stores"]').click();
  await expect(hub.locator('[data-total]')).toHaveAttribute('data-total', '3');
  const rows = hub.locator('[data-table="services"] tbody tr');
  await expect(rows).toHaveCount(3);
  const tickets = await rows.locator('td:nth-child(6)').allTextContents();
  expect(tickets.map((ticket) => ticket.trim())).toEqual(['A003', 'A002', 'A001']);
  await expect(rows.nth(1)).toContainText('Ended early');
  await expect(hub.locator('[data-table="services"]')).toContainText('North street');
  await expect(hub.locator('[data-table="services"]')).not.toContainText('South street');
  const listUrl = hub.url();
  await rows.nth(0).getByRole('link').click();
  await expect(hub.locator('[data-timeline]')).toContainText('Ticket A003');
  const timelineUrl = hub.url();
  const kinds = await hub
    .locator('[data-table="timeline"] li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  expect(kinds[0]).toBe('started');
  expect(kinds).toContain('recommended');
  expect(kinds).toEqual(expect.arrayContaining(['called-next', 'finished']));
  await expect(hub.locator('[data-table="timeline"]')).toContainText('Started, ticket A003');

  // A tile of a store's dashboard: the services it counts, in Chinese too.
  await hub.goto(`${HUB_ORIGIN}/?store=S-SOUTH&lang=zh-CN`);
  await hub.locator('a[data-figure="services"]').click();
  await expect(hub.locator('[data-total]')).toHaveAttribute('data-total', '1');
  await expect(hub.locator('[data-table="services"] tbody tr')).toHaveCount(1);
  await expect(hub.locator('h2[data-drill]')).toContainText('South street');

  // The drill-down's pages at tablet sizes (into __screenshots__ with SCREENSHOTS=1).
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const size of ['landscape', 'portrait'] as const) {
      await hub.setViewportSize(SIZES[size]);
      for (const [name, url] of [
        ['hub-services', listUrl],
        ['hub-timeline', timelineUrl],
      ] as const) {
        await hub.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await hub.screenshot({
          path: join(shotDir, `${name}-${lang}-${size}.png`),
          fullPage: true,
        });
      }
    }
  }
});

// After the test above (one worker runs a file in order): its chain figures stay its own.
const t = (key: string, vars?: Record<string, string | number>) => text('en', key, vars);
const GREETING = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
  'address-by-surname',
] as const;

/** A bill payment whose customer complains about the network; resolved on the spot. */
async function complaint(page: Page) {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const dialog = page.getByRole('dialog');
  await startService(page, 'en', { ticket: 'C001', title: 'ms', business: 'bill-payment' });
  for (const id of GREETING) await tapOnCard(page, id, t('step.done'));
  await button(t('quick.complaint')).click();
  await expect(page.getByTestId('phrases-card')).toBeVisible();
  await dialog.getByRole('button', { name: t('common.close'), exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await tapOnCard(page, 'complaint-accept', t('step.done'));
  await tapOnCard(page, 'complaint-calm', t('step.na'));
  await tapOnCard(page, 'complaint-clarify', t('step.done'));
  await tapOnCard(page, 'complaint-explore', t('step.done'));
  await tapOnCard(page, 'complaint-act', t('step.doneLabel.complaint-record'));
  await dialog.getByRole('button', { name: t('complaint.category.network'), exact: true }).click();
  await dialog.getByLabel(t('complaint.record.summary')).fill('No signal at home for a week');
  await dialog.getByRole('button', { name: t('complaint.outcome.resolved'), exact: true }).click();
  await dialog.getByRole('button', { name: t('complaint.record.confirm'), exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await tapOnCard(page, 'complaint-thank', t('step.done'));
  await finishShortService(page, 'en', 'C002', { openingDone: true });
}

test('a complaint pushed to the hub shows in the store’s complaint section and opens its service', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hub = await hubManager(browser);
  const code = await enrolmentCode(hub, 'S-EAST', 'East street');
  const device = await (await browser.newContext()).newPage();
  await setUpCounter(device, 'en', '7');
  await complaint(device);
  await enrolAndPush(device, code);

  // The device's own complaint figures, as its Review shows them.
  await openScreen(device, 'Review');
  const own = device.locator('section.complaints');
  await expect(own.locator('[data-figure="complaint-complaints"] .tile-value')).toHaveText('1');
  await expect(own.locator('[data-figure="complaint-resolvedShare"] .tile-value')).toHaveText(
    '100%',
  );

  await hub.goto(`${HUB_ORIGIN}/?store=S-EAST&lang=en`);
  const section = hub.locator('section.complaints');
  await expect(section.getByRole('heading', { name: 'Complaints' })).toBeVisible();
  await expect(section.locator('[data-figure="complaint-complaints"]')).toHaveAttribute(
    'data-value',
    '1',
  );
  await expect(section.locator('[data-figure="complaint-resolvedShare"] .value')).toHaveText(
    '100%',
  );
  await expect(section.locator('[data-figure="complaint-escalations"]')).toHaveAttribute(
    'data-value',
    '0/0',
  );
  await expect(
    section.locator('[data-table="complaint-categories"] tr[data-category="network"] td'),
  ).toHaveAttribute('data-value', '1');
  await expect(section.locator('[data-table="complaint-steps"] tbody tr')).toHaveCount(6);

  // Screenshots of the section (into __screenshots__ with SCREENSHOTS=1).
  const dashboard = hub.url();
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const size of ['landscape', 'portrait'] as const) {
      await hub.setViewportSize(SIZES[size]);
      await hub.goto(`${HUB_ORIGIN}/?store=S-EAST&lang=${lang}`);
      await hub
        .locator('section.complaints')
        .screenshot({ path: join(shotDir, `hub-complaints-${lang}-${size}.png`) });
    }
  }
  await hub.setViewportSize(SIZES.landscape);
  await hub.goto(dashboard);

  // The count opens exactly the complaint's service, marked with its category.
  await section.locator('a[data-figure="complaint-complaints"]').click();
  await expect(hub.locator('[data-total]')).toHaveAttribute('data-total', '1');
  const rows = hub.locator('[data-table="services"] tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('C001');
  await expect(rows.first().locator('[data-complaint="network"]')).toHaveText('Complaint: Network');
  await expect(hub.locator('h2[data-drill]')).toContainText('Complaints');
  await rows.first().getByRole('link').click();
  const timeline = hub.locator('[data-table="timeline"]');
  // The summary stays on the tablet: the hub holds its commitment only (decision 0068).
  const recorded = timeline.locator('li[data-kind="complaint-recorded"]');
  await expect(recorded).toContainText('Complaint recorded: Network');
  await expect(recorded).toContainText('(erased or not held here)');
  await expect(recorded).not.toContainText('No signal at home for a week');
  await expect(timeline.locator('li[data-kind="complaint-started"]')).toHaveCount(1);
});
