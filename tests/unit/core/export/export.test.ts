/**
 * Exports end to end in Node: a device's day through the store, built into a zip, opened and
 * verified by the same code the command-line verifier runs; then the zip tampered with in each
 * way an auditor must catch.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { FILES } from '../../../../core/export/format';
import { readExportZip } from '../../../../core/export/read-export';
import { verifyExport } from '../../../../core/export/verify-export';
import { DAILY_COLUMNS } from '../../../../core/export/workbook';
import { fingerprint } from '../../../../core/domain/log/signing';
import { AUDITOR, CLERK, T0, fullService } from '../../helpers/builders';
import { dayWithServices, exportDay, files } from '../../helpers/exports';

describe('an export', () => {
  it('verifies intact, every file listed and every record checked, from the log’s beginning', async () => {
    const device = await dayWithServices();
    const { zip, result } = await exportDay(device);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      [
        FILES.complaints,
        FILES.dataPackage,
        FILES.log,
        FILES.manifest,
        FILES.personal,
        FILES.schema,
        FILES.services,
        FILES.stepEvents,
        FILES.workbook,
      ].sort(),
    );
    const verdict = await verifyExport(files(zip));
    expect(verdict).toMatchObject({
      status: 'intact',
      rulesChecked: true,
      keyCheck: 'self-consistent',
    });
    expect(verdict.records).toBe(result.manifest.records.count);
    expect(verdict.sealedUpTo).toBe(result.manifest.records.last.seq - 1);
  });

  it('holds services and step events a CSV parser reads back, Chinese intact, formulas kept as text', async () => {
    const device = await dayWithServices();
    const { zip } = await exportDay(device);
    const entries = files(zip);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries.get(FILES.services));
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('\r\n');
    const services = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(services.errors).toEqual([]);
    expect(
      services.data.map((row) => [row.ticket, row.outcome, row.surname, row.steps_kept_pct]),
    ).toEqual([
      ['A025', 'finished', '张', '100'],
      ['A026', 'abandoned', '欧阳', '50'],
    ]);
    const steps = Papa.parse<Record<string, string>>(
      new TextDecoder().decode(entries.get(FILES.stepEvents)).slice(1),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    const skipped = steps.data.find((row) => row.outcome === 'skipped');
    expect(skipped).toMatchObject({
      step_id: 'eye-contact-smile',
      note: `'=HYPERLINK("x")`,
      clerk: CLERK.staffNo,
    });
  });

  it('holds a workbook spreadsheet readers open: the CSV files’ sheets and values, a bold frozen header', async () => {
    const device = await dayWithServices();
    const { zip, result } = await exportDay(device);
    const entries = files(zip);
    const book = entries.get(FILES.workbook)!;
    const sheets = await readXlsxFile(Buffer.from(book));
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'services',
      'step events',
      'daily summary',
      'complaints',
    ]);
    // The CSV's text cells carry a protective apostrophe before =, +, -, @; the workbook's
    // text cells are typed as text instead, and hold the text as recorded.
    const csv = (name: string) =>
      Papa.parse<string[]>(new TextDecoder().decode(entries.get(name)), {
        skipEmptyLines: true,
      }).data.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, '')));
    const asText = (rows: unknown[][]) =>
      rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    expect(asText(sheets[0]!.data)).toEqual(csv(FILES.services));
    expect(asText(sheets[1]!.data)).toEqual(csv(FILES.stepEvents));
    expect(sheets[2]!.data).toEqual([
      [...DAILY_COLUMNS],
      [
        result.manifest.range.from,
        2,
        1,
        1,
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
      ],
    ]);

    // A second reader, for what the values do not show: the header's style and the frozen row.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book as unknown as ArrayBuffer);
    const services = workbook.getWorksheet('services')!;
    expect(services.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(services.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(services.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(services.getColumn(1).width).toBe('service_id'.length + 2);
    expect(workbook.creator).toBe('Counter Steps');
    expect(workbook.created.toISOString().slice(0, 19)).toBe(
      result.manifest.exportedAt.slice(0, 19),
    );
  });

  it('masks surnames when asked, and says so in its signed manifest', async () => {
    const device = await dayWithServices();
    const { zip, result } = await exportDay(device, undefined, 'surname');
    const text = new TextDecoder().decode(files(zip).get(FILES.services));
    // The records hold commitments; a masked export carries no value, not even an initial.
    expect(text).not.toContain('张');
    expect(text).not.toContain('欧');
    expect(files(zip).has(FILES.personal)).toBe(false);
    expect(result.manifest.masking).toBe('surname');
    expect((await verifyExport(files(zip))).status).toBe('intact');
  });

  it('is recorded in the log: who, the range, the digests', async () => {
    const device = await dayWithServices();
    const { result } = await exportDay(device);
    await device.must({
      type: 'record-export',
      export: {
        from: result.manifest.range.from,
        to: result.manifest.range.to,
        firstSeq: result.manifest.records.first.seq,
        lastSeq: result.manifest.records.last.seq,
        masked: false,
        manifestSha256: result.manifestSha256,
        files: result.files.map(({ name, sha256 }) => ({ name, sha256 })),
      },
    });
    expect((await device.rows()).at(-1)).toMatchObject({
      staffNo: AUDITOR.staffNo,
      event: { type: 'export-made', manifestSha256: result.manifestSha256 },
    });
    expect(await device.store.verify()).toMatchObject({ intact: true });
  });

  it('checks a later day’s export continues an earlier one, and a day with no records is refused', async () => {
    const device = await dayWithServices();
    const day1 = await exportDay(device);
    device.clock.now = T0 + 24 * 3600_000;
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', ...CLERK });
    await fullService(device, 'B001', 'B002');
    const day2 = await exportDay(device);
    expect(day2.result.manifest.records.first.seq).toBe(day1.result.manifest.records.last.seq + 1);
    const verdict = await verifyExport(files(day2.zip), { previous: files(day1.zip) });
    expect(verdict).toMatchObject({
      status: 'intact',
      rulesChecked: false,
      continuesPrevious: true,
    });
    expect(await device.store.archive.planExport({ from: '2020-01-01', to: '2020-01-01' })).toEqual(
      {
        ok: false,
        error: 'no-records',
      },
    );
  });
});

describe('a tampered export', () => {
  const rezip = (entries: Map<string, Uint8Array>) => zipSync(Object.fromEntries(entries));

  it('names the file whose bytes changed', async () => {
    const device = await dayWithServices();
    const entries = files((await exportDay(device)).zip);
    const csv = new TextDecoder().decode(entries.get(FILES.services)).replace('A025', 'A999');
    entries.set(FILES.services, strToU8(csv));
    expect(await verifyExport(files(rezip(entries)))).toMatchObject({
      status: 'not-intact',
      problem: { kind: 'file-changed', file: FILES.services },
    });
  });

  it('names an edit of the manifest (its signature)', async () => {
    const device = await dayWithServices();
    const entries = files((await exportDay(device)).zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries.get(FILES.manifest)));
    manifest.exportedBy.staffNo = '9999';
    entries.set(FILES.manifest, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
    expect(await verifyExport(files(rezip(entries)))).toMatchObject({
      problem: { kind: 'manifest-signature' },
    });
  });

  it('refuses a manifest laid out otherwise than the app writes it, values unchanged', async () => {
    const device = await dayWithServices();
    const entries = files((await exportDay(device)).zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries.get(FILES.manifest)));
    entries.set(FILES.manifest, strToU8(JSON.stringify(manifest)));
    expect(await verifyExport(files(rezip(entries)))).toMatchObject({
      status: 'unusable',
      problem: { kind: 'manifest-unreadable' },
    });
  });

  it('says a file is not an export, or not a zip at all, as unusable', async () => {
    expect(readExportZip(strToU8('hello'))).toEqual({ ok: false, error: 'not-a-zip' });
    const verdict = await verifyExport(files(zipSync({ 'other.txt': strToU8('x') })));
    expect(verdict).toMatchObject({ status: 'unusable', problem: { kind: 'not-an-export' } });
  });

  it('accepts the device’s fingerprint and refuses another key', async () => {
    const device = await dayWithServices();
    const entries = files((await exportDay(device)).zip);
    const print = await fingerprint(device.store.snapshot.state.identity!.firstKey);
    expect(await verifyExport(entries, { expectedKey: print })).toMatchObject({
      status: 'intact',
      keyCheck: 'matched',
    });
    expect(
      await verifyExport(entries, { expectedKey: '0000 1111 2222 3333 4444 5555 6666 7777' }),
    ).toMatchObject({
      problem: { kind: 'first-key-mismatch' },
    });
  });
});
