/**
 * Formula injection, everywhere a person can type: a business type named by a manager, the
 * names the app gives steps and complaint categories, a clerk's skip note, a complaint's summary,
 * a follow-up's note, a correction's reason — all hostile. Read back with third-party readers
 * only (papaparse, exceljs, the export's own datapackage.json read as plain JSON): in the CSV
 * files every text column is neutralised, in the workbook every cell is a value (never a formula)
 * and every text cell holds exactly what was recorded, with no apostrophe.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rawRows, staffedDevice, startCommand } from '../../helpers/builders';
import { exportDay, files } from '../../helpers/exports';
import { asManager } from '../../helpers/review-data';

const HYPERLINK = '=HYPERLINK("http://evil.invalid","x")';
const HOSTILE = {
  business: HYPERLINK,
  step: '+SUM(1,2)',
  category: '@cmd',
  note: '-2+3',
  summary: '=1+1',
  followUp: '=IMPORTXML(A1,"//a")',
  reason: "=cmd|' /C calc'!A0",
};
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
/** What a spreadsheet would run: a cell starting with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

async function hostileExport() {
  const device = await staffedDevice();
  // A service whose step is skipped with a hostile note, and a complaint with a follow-up.
  await device.must(startCommand({ ticket: 'A001' }));
  await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
  await device.must({
    type: 'skip',
    stepId: 'eye-contact-smile',
    reason: 'other',
    note: HOSTILE.note,
  });
  await device.must({ type: 'abandon', reason: 'customer-left' });
  await device.must(startCommand({ ticket: 'C001', businessType: 'complaint' }));
  await device.must({ type: 'mark-done', stepId: 'complaint-accept' });
  await device.must({
    type: 'record-complaint',
    category: 'billing',
    summary: HOSTILE.summary,
    outcome: 'follow-up',
    due: '2026-11-30',
    manager: null,
    managerPin: null,
  });
  const complaintService = device.store.snapshot.state.service!.serviceId;
  await device.must({ type: 'abandon', reason: 'customer-left' });
  await asManager(device);
  await device.must({
    type: 'close-follow-up',
    target: complaintService,
    result: 'resolved',
    note: HOSTILE.followUp,
  });
  const started = (
    (await rawRows(device.name)) as {
      serviceId: string;
      event: { type: string; ticket?: string };
    }[]
  ).find((row) => row.event.type === 'service-started' && row.event.ticket === 'A001');
  await device.must({
    type: 'amend-service',
    target: started!.serviceId,
    change: { kind: 'step', stepId: 'eye-contact-smile', outcome: 'done', skipReason: null },
    reason: HOSTILE.reason,
  });
  const { zip } = await exportDay(device, undefined, 'none', undefined, {
    business: () => HOSTILE.business,
    step: () => HOSTILE.step,
    complaintCategory: () => HOSTILE.category,
  });
  return files(zip);
}

interface Field {
  name: string;
  type: string;
}
interface Resource {
  path: string;
  schema: { fields: Field[] };
}

const parse = (bytes: Uint8Array | undefined) =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  });

describe('hostile text in an export', { timeout: 60_000 }, () => {
  it('is neutralised in every text column of every CSV file, and no cell of any column starts a formula', async () => {
    const entries = await hostileExport();
    const descriptor = JSON.parse(new TextDecoder().decode(entries.get('datapackage.json'))) as {
      resources: Resource[];
    };
    expect(descriptor.resources.map((resource) => resource.path)).toEqual([
      'services.csv',
      'step-events.csv',
      'complaints.csv',
    ]);
    let textCells = 0;
    for (const resource of descriptor.resources) {
      const table = parse(entries.get(resource.path));
      expect(table.errors).toEqual([]);
      expect(table.meta.fields).toEqual(resource.schema.fields.map((field) => field.name));
      for (const field of resource.schema.fields) {
        for (const row of table.data) {
          const cell = row[field.name] ?? '';
          if (field.type === 'string') {
            textCells += 1;
            expect(cell, `${resource.path} ${field.name}`).not.toMatch(FORMULA_START);
          } else if (FORMULA_START.test(cell)) {
            // Only a negative number may start with "-" outside a text column.
            expect(Number.isFinite(Number(cell)), `${resource.path} ${field.name}`).toBe(true);
          }
        }
      }
    }
    expect(textCells).toBeGreaterThan(50);

    // Each hostile text is there, kept as text with the protective apostrophe.
    const services = parse(entries.get('services.csv')).data;
    expect(services.map((row) => row.business_type_name)).toContain(`'${HYPERLINK}`);
    const steps = parse(entries.get('step-events.csv')).data;
    expect(steps.map((row) => row.step_name)).toContain(`'${HOSTILE.step}`);
    expect(steps.map((row) => row.note)).toContain(`'${HOSTILE.note}`);
    expect(steps.map((row) => row.amendment_reason)).toContain(`'${HOSTILE.reason}`);
    const complaints = parse(entries.get('complaints.csv')).data;
    expect(complaints[0]).toMatchObject({
      category_name: `'${HOSTILE.category}`,
      summary: `'${HOSTILE.summary}`,
      follow_up_note: `'${HOSTILE.followUp}`,
    });
  });

  it('is written into the workbook as text cells holding what was recorded: no formula, no apostrophe', async () => {
    const entries = await hostileExport();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(entries.get('log.xlsx') as unknown as ArrayBuffer);
    const csvOf: Record<string, string> = {
      services: 'services.csv',
      'step events': 'step-events.csv',
      complaints: 'complaints.csv',
    };
    let compared = 0;
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
        });
      });
      const file = csvOf[sheet.name];
      if (!file) return;
      // Every cell equals the CSV's, the CSV's protective apostrophe dropped: what was recorded.
      const csv = Papa.parse<string[]>(
        new TextDecoder().decode(entries.get(file)).replace(/^\ufeff/, ''),
        { skipEmptyLines: true },
      ).data;
      csv.forEach((cells, index) => {
        const row = sheet.getRow(index + 1);
        cells.forEach((text, column) => {
          const cell = row.getCell(column + 1);
          const recorded = text.replace(/^'(?=[=+\-@\t\r])/, '');
          const value = cell.value === null ? '' : String(cell.value);
          expect(value, `${sheet.name} ${cell.address}`).toBe(recorded);
          compared += 1;
        });
      });
    });
    expect(compared).toBeGreaterThan(200);
    const services = workbook.getWorksheet('services')!;
    const header = services.getRow(1).values as string[];
    const named = services.getRow(2).getCell(header.indexOf('business_type_name'));
    expect(named.type).toBe(ExcelJS.ValueType.String);
    expect(named.value).toBe(HYPERLINK);
    const complaints = workbook.getWorksheet('complaints')!;
    const complaintHeader = complaints.getRow(1).values as string[];
    expect(complaints.getRow(2).getCell(complaintHeader.indexOf('summary')).value).toBe(
      HOSTILE.summary,
    );
    expect(complaints.getRow(2).getCell(complaintHeader.indexOf('follow_up_note')).value).toBe(
      HOSTILE.followUp,
    );
  });

  // LibreOffice is a second, independent spreadsheet: Debian's libreoffice-calc-nogui when it is
  // installed (it is not part of scripts/test-setup.sh: too large for every machine).
  it.skipIf(!SOFFICE)(
    'opens in LibreOffice with no formula anywhere and every sheet’s text as recorded',
    { timeout: 180_000 },
    async () => {
      const entries = await hostileExport();
      const dir = await mkdtemp(join(tmpdir(), 'export-soffice-'));
      await writeFile(join(dir, 'log.xlsx'), entries.get('log.xlsx')!);
      const run = (filter: string) =>
        promisify(execFile)(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            filter,
            '--outdir',
            dir,
            join(dir, 'log.xlsx'),
          ],
          { timeout: 150_000 },
        );
      // The flat OpenDocument form says which cells LibreOffice took for formulas: none.
      await run('fods');
      const flat = await readFile(join(dir, 'log.fods'), 'utf8');
      expect(flat).toContain('table:table-cell');
      expect(flat).not.toContain('table:formula');
      // Every sheet as CSV (LibreOffice 7.2+: the last token -1 writes each sheet to its own file).
      await run('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
      const written = await readdir(dir);
      for (const [sheet, file] of [
        ['services', 'services.csv'],
        ['step events', 'step-events.csv'],
        ['complaints', 'complaints.csv'],
      ] as const) {
        const name = written.find((entry) => entry === `log-${sheet}.csv`);
        expect(name, `${sheet} in ${written.join(', ')}`).toBeDefined();
        const seen = Papa.parse<string[]>(await readFile(join(dir, name!), 'utf8'), {
          skipEmptyLines: true,
        }).data;
        const recorded = Papa.parse<string[]>(
          new TextDecoder().decode(entries.get(file)).replace(/^\ufeff/, ''),
          { skipEmptyLines: true },
        ).data.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, '')));
        expect(seen.map((row) => row.slice(0, recorded[0]!.length))).toEqual(recorded);
      }
      expect(flat).toContain('=HYPERLINK(&quot;http://evil.invalid&quot;,&quot;x&quot;)');
    },
  );
});
