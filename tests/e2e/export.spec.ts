/**
 * The auditor's export, end to end in real Chromium: the zip the browser downloads is read with
 * third-party readers only (papaparse for the CSV files, read-excel-file for the workbook, ajv for
 * log.jsonl against its JSON Schema) and checked by the command-line verifier in a plain Node
 * process. Then the attacks an auditor must catch: a byte changed in the zip, and the device's log
 * rewritten with every hash recomputed before a second export.
 */
import { expect, test, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { hashOf } from '../../core/domain/log/records';
import {
  openScreen,
  MANAGER,
  OPENING_STEPS,
  WORDS,
  readLog,
  setUpCounter,
  startService,
  tapOnCard,
} from './fixtures';
import { text } from './screens';

const w = WORDS.en;
const BIN = join(import.meta.dirname, '..', '..', 'cli', 'bin.mjs');
type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  prevHash: string;
  event: Record<string, unknown>;
};

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, out: stdout.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout.trim() || failed.stderr.trim() };
  }
}

/** Two services by the manager: one finished with money, one the customer left. */
async function aDayOfServices(page: Page) {
  await setUpCounter(page, 'en');
  await startService(page, 'en', {
    ticket: 'A001',
    title: 'ms',
    surname: '欧阳',
    business: 'bill-payment',
  });
  for (const id of OPENING_STEPS) await tapOnCard(page, id, w.done);
  await page.getByRole('button', { name: 'Money', exact: true }).click();
  await page.getByLabel(w.due).fill('80');
  await page.getByLabel(w.received).fill('100');
  await page.getByRole('button', { name: w.recordMoney }).click();
  await tapOnCard(page, 'recommend', w.recordRecommendation);
  await page.getByRole('button', { name: w.offer }).click();
  await page.getByRole('button', { name: w.response }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
  await tapOnCard(page, 'confirm-anything-else', w.done);
  await tapOnCard(page, 'stand-to-see-off', w.done);
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call('A002') }).click();
  await startService(page, 'en', {
    ticket: 'A002',
    title: 'mr',
    surname: 'Zhang',
    business: 'new-subscription',
  });
  await tapOnCard(page, 'stand-to-greet', w.done);
  await page.getByRole('button', { name: 'Customer left' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Customer left', exact: true })
    .click();
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();
}

/** Log → Export today; returns the downloaded zip's path and bytes. */
async function exportToday(page: Page, dir: string, name: string) {
  await openScreen(page, 'Log');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const path = join(dir, name);
  await download.saveAs(path);
  await expect(page.locator('[data-export-path]')).toContainText('Exported');
  return {
    path,
    bytes: new Uint8Array(await readFile(path)),
    suggested: download.suggestedFilename(),
  };
}

test('an export opens in third-party readers and verifies intact with the command-line verifier', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
  await aDayOfServices(page);
  const { path, bytes, suggested } = await exportToday(page, dir, 'day.zip');
  expect(suggested).toMatch(/^counter-steps-3-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(bytes);

  const services = Papa.parse<Record<string, string>>(
    new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(files['services.csv'])
      .replace(/^\ufeff/, ''),
    { header: true, skipEmptyLines: true },
  );
  expect(services.errors).toEqual([]);
  expect(
    services.data.map((row) => [row.ticket, row.surname, row.business_type_name, row.outcome]),
  ).toEqual([
    ['A001', '欧阳', 'Bill payment', 'finished'],
    ['A002', 'Zhang', 'New subscription', 'abandoned'],
  ]);
  expect(services.data[0]).toMatchObject({
    money_due_yuan: '80',
    money_change_yuan: '20',
    steps_kept_pct: '100',
  });
  const steps = Papa.parse<Record<string, string>>(
    new TextDecoder().decode(files['step-events.csv']),
    {
      header: true,
      skipEmptyLines: true,
    },
  );
  // Steps 1–7, 8 (money), 12, 15, 16 and 17 done; 9, 10, 11, 13 and 14 closed as not applicable.
  expect(steps.data.filter((row) => row.ticket === 'A001' && row.outcome === 'done')).toHaveLength(
    12,
  );

  const workbook = await readXlsxFile(Buffer.from(files['log.xlsx']!));
  expect(workbook.map((sheet) => sheet.sheet)).toEqual([
    'services',
    'step events',
    'daily summary',
    'complaints',
  ]);
  // No complaint in this day: the complaints table has its header row alone, in both files.
  expect(workbook[3]!.data).toHaveLength(1);
  expect(workbook[3]!.data[0]).toContain('follow_up_due');
  const complaints = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['complaints.csv']);
  expect(complaints.startsWith('\ufeff')).toBe(true);
  expect(Papa.parse(complaints.slice(1), { skipEmptyLines: true }).data).toEqual([
    workbook[3]!.data[0],
  ]);
  const sheet = workbook[0]!.data;
  expect(sheet[0]).toContain('surname');
  expect(sheet.slice(1).map((row) => row[sheet[0]!.indexOf('surname')])).toEqual(['欧阳', 'Zhang']);
  const daily = workbook[2]!.data;
  expect(daily[1]?.slice(1, 4)).toEqual([2, 1, 1]);

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(new TextDecoder().decode(files['log.schema.json'])));
  const lines = new TextDecoder().decode(files['log.jsonl']).trim().split('\n');
  const invalid = lines.filter((line) => !validate(JSON.parse(line)));
  expect(invalid).toEqual([]);
  expect(lines.length).toBeGreaterThan(25);

  const verified = await cli('verify', path, '--lang', 'en');
  expect(`${verified.code} ${verified.out}`).toMatch(/^0 /);
  expect(verified.out).toMatch(/^Intact: \d+ records, 1 to \d+/);

  // One byte changed inside log.jsonl, zipped again: the verifier names the file.
  const changed = new TextDecoder().decode(files['log.jsonl']).replace('"A001"', '"A00l"');
  await writeFile(join(dir, 'changed.zip'), zipSync({ ...files, 'log.jsonl': strToU8(changed) }));
  expect(await cli('verify', join(dir, 'changed.zip'))).toEqual({
    code: 1,
    out: 'NOT INTACT: log.jsonl was changed after the export was made.',
  });

  // The same two files checked in the app (Log → Verify an export file), off the page's thread.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const panel = page.locator('section', { hasText: 'Verify an export file' });
  const verdict = panel.locator('[data-verdict]');
  await panel.getByLabel('Export file (.zip)').setInputFiles(path);
  await panel.getByRole('button', { name: 'Verify the file' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'intact');
  await expect(verdict).toContainText(/Intact: \d+ records, 1 to \d+/);
  await panel.getByLabel('Export file (.zip)').setInputFiles(join(dir, 'changed.zip'));
  await panel.getByRole('button', { name: 'Verify the file' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'not-intact');
  await expect(verdict).toContainText(
    'NOT INTACT: log.jsonl was changed after the export was made.',
  );
  expect(workers.filter((url) => url.includes('verify-worker'))).toHaveLength(2);
});

test('a log rewritten on the device, every hash recomputed, fails the next export at its first checkpoint and against the one before', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
  await aDayOfServices(page);
  // Sign out and in: a checkpoint seals the services.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByLabel('Staff number').fill(MANAGER.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const first = await exportToday(page, dir, 'first.zip');

  // DevTools: change the money of the first service, recompute every hash after it.
  const rows = (await readLog(page)) as Row[];
  const index = rows.findIndex((row) => row.event.type === 'money-announced');
  rows[index]!.event = { ...rows[index]!.event, dueFen: 100, changeFen: 9900 };
  for (let at = index; at < rows.length; at += 1) {
    const row = rows[at]!;
    if (at > 0) row.prevHash = rows[at - 1]!.hash;
    if (row.event.type === 'checkpoint') row.event.upToHash = row.prevHash;
    row.hash = await hashOf(row);
  }
  await page.evaluate(
    (replacement) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          tx.objectStore('events').clear();
          for (const row of replacement) tx.objectStore('events').add(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
  // Also clear the witness, as someone covering their tracks would.
  await page.evaluate(() => localStorage.removeItem('counter-steps:witness:counter-steps'));
  await page.reload();
  // The manager's sign-in after the rewrite no longer holds its signature (its place in the log
  // changed): no session opens from it, and the manager signs in again with the PIN.
  await page.getByLabel('Staff number').fill(MANAGER.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const second = await exportToday(page, dir, 'second.zip');

  const alone = await cli('verify', second.path);
  expect(alone.code).toBe(1);
  expect(alone.out).toMatch(
    /^NOT INTACT: the key records are not a valid chain at record \d+ \(the signature is wrong\)/,
  );
  const checkpoint = rows.find((row, at) => at > index && row.event.type === 'checkpoint')!;
  expect(alone.out).toContain(`record ${checkpoint.seq}`);

  // The first export, made before the rewrite, is intact; checked against it, the second is not.
  expect((await cli('verify', first.path)).code).toBe(0);
  const together = await cli('verify', second.path, '--previous', first.path);
  expect(together.code).toBe(1);
});

test('a backup restored into a fresh profile reproduces the same services, and goes on verifying', async ({
  page,
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
  await aDayOfServices(page);
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'From the first day (a backup)' }).click();
  const backup = await exportToday(page, dir, 'backup.zip');

  const fresh = await browser.newContext();
  const tablet = await fresh.newPage();
  await tablet.goto('./?lang=en');
  await tablet
    .getByRole('button', { name: 'Replacing a tablet? Restore its backup instead' })
    .click();
  await tablet.getByLabel('Backup file (.zip)').setInputFiles(backup.path);
  await tablet.getByLabel("A manager's staff number from that counter").fill(MANAGER.staffNo);
  const restore = tablet.locator('section', {
    has: tablet.getByRole('heading', { name: 'Restore from a backup' }),
  });
  await restore.getByLabel('New PIN', { exact: true }).fill('802468');
  await restore.getByLabel('New PIN again').fill('802468');
  await tablet.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(tablet.getByRole('button', { name: w.startService })).toBeVisible();

  await openScreen(tablet, 'Log');
  await tablet.getByRole('button', { name: 'Verify the log' }).click();
  await expect(tablet.locator('.verdict').first()).toContainText('Intact');
  await tablet.getByRole('button', { name: 'From the first day (a backup)' }).click();
  const again = await exportToday(tablet, dir, 'again.zip');
  const services = (bytes: Uint8Array) =>
    Papa.parse<Record<string, string>>(new TextDecoder().decode(unzipSync(bytes)['services.csv']), {
      header: true,
      skipEmptyLines: true,
    }).data;
  expect(services(again.bytes)).toEqual(services(backup.bytes));
  expect((await cli('verify', again.path)).code).toBe(0);
  await fresh.close();
});

test('the Log screen’s file pickers are buttons in the screen’s language, 48 px tall at least, and name the file chosen', async ({
  page,
}) => {
  const t = (key: string) => text('zh-CN', key);
  await setUpCounter(page, 'zh-CN');
  await openScreen(page, t('nav.log'));
  const fields = page.locator('.file-field');
  // Verify an export file (the file and the one before it) and the other counters' imports.
  await expect(fields).toHaveCount(3);
  for (const field of await fields.all()) {
    const button = field.locator('label.file-button');
    await expect(button).toHaveText(t('fileField.choose'));
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect((await button.boundingBox())!.width).toBeGreaterThanOrEqual(48);
    // The browser's own control ("Choose File", in English whatever the screen) is not seen.
    const input = field.locator('input[type="file"]');
    expect(await input.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
    await expect(field.locator('.file-chosen')).toHaveText(t('fileField.none'));
  }
  const dir = await mkdtemp(join(tmpdir(), 'picker-'));
  const zip = join(dir, '窗口3-导出.zip');
  await writeFile(zip, zipSync({ 'log.jsonl': strToU8('') }));
  const first = fields.first();
  await first.getByLabel(t('verifyFile.file')).setInputFiles(zip);
  await expect(first.locator('.file-chosen')).toHaveText('窗口3-导出.zip');
  // Tapping the button opens the picker (the label is the input's).
  const chooser = page.waitForEvent('filechooser');
  await fields.nth(1).locator('label.file-button').click();
  await (await chooser).setFiles(zip);
  await expect(fields.nth(1).locator('.file-chosen')).toHaveText('窗口3-导出.zip');
});

test('a counter this tablet has never held is added only once the manager confirms, the reasons shown', async ({
  page,
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
  await aDayOfServices(page);
  const day = await exportToday(page, dir, 'day.zip');
  const manifest = JSON.parse(new TextDecoder().decode(unzipSync(day.bytes)['manifest.json'])) as {
    device: { fingerprint: string };
  };

  const fresh = await browser.newContext();
  const tablet = await fresh.newPage();
  await setUpCounter(tablet, 'en', '7');
  await openScreen(tablet, 'Log');
  const panel = tablet.locator('section', {
    has: tablet.getByRole('heading', { name: "Other counters' logs" }),
  });
  await panel.getByLabel('Export file (.zip)').setInputFiles(day.path);
  await panel.getByRole('button', { name: 'Add the export' }).click();
  const confirm = panel.getByRole('alertdialog', {
    name: "Check before adding this counter's log",
  });
  await expect(confirm).toContainText("This tablet has never held this device's log.");
  await expect(confirm).toContainText(manifest.device.fingerprint);
  await expect(panel.locator('[data-chain]')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Add it anyway' }).click();
  await expect(panel.getByRole('status')).toContainText(/Added \d+ records of counter 3\./);
  await expect(panel.locator('[data-chain]')).toHaveCount(1);
  await fresh.close();
});

test('a day exported at 17:00, the evening worked on, and the next day exported: the pair verifies and a fresh tablet takes both in', async ({
  page,
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
  // 17:00 in Shanghai (the device's time zone), the counter still open after the export.
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await aDayOfServices(page);
  const day1 = await exportToday(page, dir, 'day1.zip');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByLabel('Staff number').fill(MANAGER.staffNo);
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await startService(page, 'en', {
    ticket: 'A003',
    title: 'ms',
    surname: '李',
    business: 'bill-payment',
  });
  await page.getByRole('button', { name: 'Customer left' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Customer left', exact: true })
    .click();
  await expect(page.getByRole('button', { name: w.startService })).toBeVisible();

  // The next morning.
  await page.clock.fastForward(24 * 3600_000);
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await startService(page, 'en', {
    ticket: 'B001',
    title: 'mr',
    surname: 'Wang',
    business: 'bill-payment',
  });
  await page.getByRole('button', { name: 'Customer left' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Customer left', exact: true })
    .click();
  const day2 = await exportToday(page, dir, 'day2.zip');
  expect(day2.suggested).toContain('2026-11-24');

  const pair = await cli('verify', day2.path, '--previous', day1.path, '--lang', 'en');
  expect(pair.out).toContain('It continues the earlier export without a gap or a change.');
  expect(pair.code).toBe(0);
  // The evening's service travels in the second export, under its own day.
  const evening = Papa.parse<Record<string, string>>(
    new TextDecoder().decode(unzipSync(day2.bytes)['services.csv']).replace(/^\ufeff/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
  expect(evening.map((row) => [row.ticket, row.business_day])).toEqual([
    ['A003', '2026-11-23'],
    ['B001', '2026-11-24'],
  ]);

  const fresh = await browser.newContext();
  const tablet = await fresh.newPage();
  await setUpCounter(tablet, 'en', '7');
  await openScreen(tablet, 'Log');
  const panel = tablet.locator('section', {
    has: tablet.getByRole('heading', { name: "Other counters' logs" }),
  });
  await panel.getByLabel('Export file (.zip)').setInputFiles(day1.path);
  await panel.getByRole('button', { name: 'Add the export' }).click();
  await panel.getByRole('button', { name: 'Add it anyway' }).click();
  await expect(panel.getByRole('status')).toContainText(/Added \d+ records of counter 3\./);
  await panel.getByLabel('Export file (.zip)').setInputFiles(day2.path);
  await panel.getByRole('button', { name: 'Add the export' }).click();
  await expect(panel.getByRole('status')).toContainText(/Added \d+ records of counter 3\./);
  await fresh.close();
});
