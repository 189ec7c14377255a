/**
 * The hub's complaint figures end to end: a device serves a bill payment that turns into a
 * complaint (resolved on the spot, network) and pushes its log; the store's dashboard on the hub
 * shows the complaint section with the device's own figures, and its count opens exactly that
 * service, marked with its category, whose timeline words the complaint as the device does.
 * Screenshots of the section at 1280×800 and 800×1280 in English and Chinese.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { HUB_ORIGIN } from './hub-env';
import { enrolAndPush, enrolmentCode, hubManager } from './hub-steps';
import { SIZES, shotDir } from './layout-check';
import { finishShortService, setUpCounter, startService, tapOnCard } from './fixtures';
import { text } from './screens';

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
  await device.getByRole('button', { name: 'Review', exact: true }).click();
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
  await expect(timeline.locator('li[data-kind="complaint-recorded"]')).toContainText(
    'No signal at home for a week',
  );
  await expect(timeline.locator('li[data-kind="complaint-started"]')).toHaveCount(1);
});
