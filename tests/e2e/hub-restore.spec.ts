/**
 * A tablet restored from a backup, and the store hub, through the real screens: the old tablet
 * pushes and makes a backup; a fresh profile restores it and enrols with the hub, whose answer to
 * its push is that no manager approved the restore (and the automatic push stops); the hub's
 * manager makes a restore code for the device on the devices page; the tablet's manager types it
 * under Settings → Store hub, and the push goes through. Screenshots of the hub's restore code and
 * of the tablet's field, in Chinese and English (SCREENSHOTS=1).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_ORIGIN } from './hub-env';
import { SIZES, layoutProblems, shotDir } from './layout-check';
import { text } from './screens';
import { openScreen, MANAGER, setUpCounter, type Lang } from './fixtures';
import { enrolmentCode, hubManager, serve } from './hub-steps';

const STORE = { id: 'S-RESTORE', name: 'Restore street' };
const RESTORED_PIN = '802468';
/**
 * The tablets' clock: a business day long past, so that their services stay out of the hub's
 * default period (the newest day), which the other hub spec, sharing this hub, counts.
 */
const PAST = new Date('2026-03-02T02:00:00Z');

/**
 * Screenshots at both tablet sizes, each checked first: the tablet's screen for every layout
 * problem; the hub's page (a browser page, its controls 44 px like all of the hub's) for sideways
 * scrolling only.
 */
async function shoot(page: Page, name: string, lang: Lang, hubPage = false) {
  for (const size of ['landscape', 'portrait'] as const) {
    await page.setViewportSize(SIZES[size]);
    const problems = await layoutProblems(page);
    expect(hubPage ? problems.filter((problem) => problem.includes('sideways')) : problems).toEqual(
      [],
    );
    await page.screenshot({ path: join(shotDir, `${name}-${lang}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(SIZES.landscape);
}

/** The hub's devices page in `lang`: a restore code for the store's device. */
async function restoreCode(hub: Page, lang: Lang): Promise<string> {
  await hub.goto(`${HUB_ORIGIN}/devices?lang=${lang}`);
  const section = hub.locator('[data-section="restore"]');
  const option = section.locator('option', { hasText: STORE.name });
  await section.locator('select[name="device"]').selectOption(await option.getAttribute('value'));
  await section.getByRole('button').click();
  const code = await hub.locator('[data-restore-code]').getAttribute('data-restore-code');
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await shoot(hub, 'hub-restore-code', lang, true);
  return code!;
}

const hubHead = async (hub: Page) => {
  await hub.goto(`${HUB_ORIGIN}/devices?lang=en`);
  const row = hub.locator('[data-table="devices"] tr', { hasText: STORE.name });
  return Number(await row.locator('[data-head]').getAttribute('data-head'));
};

test('a restored tablet pushes only once the hub’s manager approved its restore with a code', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = await mkdtemp(join(tmpdir(), 'hub-restore-e2e-'));
  const hub = await hubManager(browser);

  // The old tablet: a service, enrolled and pushed, then a backup.
  const oldContext = await browser.newContext();
  await oldContext.clock.install({ time: PAST });
  const old = await oldContext.newPage();
  await setUpCounter(old, 'en', '7');
  await serve(old, 'A001', true);
  await openScreen(old, 'Settings');
  const oldPanel = old.locator('section.hub-panel');
  await oldPanel.getByLabel('Hub address').fill(HUB_ORIGIN);
  await oldPanel.getByRole('button', { name: 'Use this hub' }).click();
  await oldPanel
    .getByLabel('Enrolment code (from the hub)')
    .fill(await enrolmentCode(hub, STORE.id, STORE.name));
  await oldPanel.getByRole('button', { name: 'Enrol this device' }).click();
  await oldPanel.getByRole('button', { name: 'Push to the hub' }).click();
  await expect(oldPanel.locator('[data-hub-head]')).toBeVisible();
  await openScreen(old, 'Log');
  await old.getByRole('button', { name: 'From the first day (a backup)' }).click();
  const downloading = old.waitForEvent('download');
  await old.getByRole('button', { name: 'Export', exact: true }).click();
  const backup = join(dir, 'backup.zip');
  await (await downloading).saveAs(backup);
  await expect(old.locator('[data-export-path]')).toContainText('Exported');
  // The old tablet is gone (what it wrote after the backup would be a fork on the hub).
  await oldContext.close();
  const heldBefore = await hubHead(hub);

  // The new tablet restores the backup, enrols, and its push is refused.
  const tabletContext = await browser.newContext();
  await tabletContext.clock.install({ time: PAST });
  const tablet = await tabletContext.newPage();
  await tablet.goto('./?lang=en');
  await tablet
    .getByRole('button', { name: 'Replacing a tablet? Restore its backup instead' })
    .click();
  await tablet.getByLabel('Backup file (.zip)').setInputFiles(backup);
  await tablet.getByLabel("A manager's staff number from that counter").fill(MANAGER.staffNo);
  const restore = tablet.locator('section', {
    has: tablet.getByRole('heading', { name: 'Restore from a backup' }),
  });
  await restore.getByLabel('New PIN', { exact: true }).fill(RESTORED_PIN);
  await restore.getByLabel('New PIN again').fill(RESTORED_PIN);
  await tablet.getByRole('button', { name: 'Restore', exact: true }).click();
  await serve(tablet, 'A002', true, 'A003');

  await openScreen(tablet, 'Settings');
  const panel = tablet.locator('section.hub-panel');
  await panel.getByLabel('Hub address').fill(HUB_ORIGIN);
  await panel.getByRole('button', { name: 'Use this hub' }).click();
  await panel
    .getByLabel('Enrolment code (from the hub)')
    .fill(await enrolmentCode(hub, STORE.id, STORE.name));
  await panel.getByRole('button', { name: 'Enrol this device' }).click();
  await expect(panel.locator('[data-fact="hub-enrolment"]')).toContainText('enrolled at');
  // Enrolling saved the hub settings, so the automatic push tries at once: refused, it stops, and
  // the panel asks for the restore code (the field comes in above the buttons, so the test waits
  // for it before pressing Push: a click as it comes in can land on the field instead).
  await expect(panel.locator('[data-fact="hub-auto"]')).toContainText(text('en', 'hub.autoPaused'));
  await expect(panel.getByLabel('Restore code (from the hub)')).toBeVisible();
  // The manager's own push is refused alike, and says why.
  await panel.getByRole('button', { name: 'Push to the hub' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    text('en', 'hub.problem.refused.restore-not-approved'),
  );
  expect(await hubHead(hub)).toBe(heldBefore);
  await shoot(tablet, 'hub-restore-field', 'en');
  await panel.getByLabel('Restore code (from the hub)').fill('ABCD-EFGH-JKMN-PQRS');
  await panel.getByRole('button', { name: 'Approve the restore' }).click();
  await expect(panel.locator('[data-restore-approval] [role="alert"]')).toHaveText(
    text('en', 'hub.restore.badCode'),
  );

  // The hub's manager makes a restore code (in both languages; the last one is typed).
  await restoreCode(hub, 'en');
  const code = await restoreCode(hub, 'zh-CN');

  // The tablet, in Chinese after a reload: the automatic push is refused again, the field is back.
  await tablet.goto('./?lang=zh-CN');
  const t = (key: string, vars?: Record<string, string | number>) => text('zh-CN', key, vars);
  await openScreen(tablet, t('nav.settings'));
  const field = panel.getByLabel(t('hub.restore.code'));
  await expect(field).toBeVisible({ timeout: 30_000 });
  await shoot(tablet, 'hub-restore-field', 'zh-CN');
  await field.fill(code.toLowerCase());
  await panel.getByRole('button', { name: t('hub.restore.approve') }).click();
  await expect(panel.locator('[data-restore-approved]')).toHaveText(t('hub.restore.approved'));
  await panel.getByRole('button', { name: t('hub.push') }).click();
  await expect(panel.locator('[data-hub-head]')).toBeVisible();
  const head = Number(await panel.locator('[data-hub-head]').getAttribute('data-hub-head'));
  expect(head).toBeGreaterThan(heldBefore);
  expect(await hubHead(hub)).toBe(head);
  await expect(
    hub.locator('[data-section="restore"] option', { hasText: STORE.name }),
  ).toContainText('1 restore approved');
});
