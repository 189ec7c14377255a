/**
 * The export's complaints table: complaints.csv and the workbook's complaints sheet, read back
 * with third-party readers (papaparse, exceljs) — one row per complaint with its service, its
 * record, the manager's confirmation, the promised follow-up and its closing, and each complaint
 * step's outcome and time; and a changed row is caught by the verifier.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../core/domain/log/canonical';
import { COMPLAINT_COLUMNS, FILES } from '../../../../core/export/format';
import { verifyExport } from '../../../../core/export/verify-export';
import {
  CLERK,
  MANAGER,
  T0,
  staffedDevice,
  startCommand,
  type TestDevice,
} from '../../helpers/builders';
import { exportDay, files } from '../../helpers/exports';

type Outcome = 'escalated' | 'follow-up' | 'escalated-with-due';

async function complaintService(device: TestDevice, ticket: string, outcome: Outcome) {
  await device.must(startCommand({ ticket, businessType: 'complaint' }));
  await device.must({ type: 'mark-done', stepId: 'complaint-accept' });
  await device.must({
    type: 'skip',
    stepId: 'complaint-calm',
    reason: 'other',
    note: '客户很平静',
  });
  await device.must({ type: 'mark-done', stepId: 'complaint-clarify' });
  await device.must({ type: 'mark-done', stepId: 'complaint-explore' });
  const escalated = outcome !== 'follow-up';
  await device.must({
    type: 'record-complaint',
    category: escalated ? 'staff-attitude' : 'billing',
    summary: escalated ? '=营业员态度生硬' : '话费多扣，需核查',
    outcome: escalated ? 'escalated' : 'follow-up',
    due: outcome === 'escalated' ? null : outcome === 'follow-up' ? '2026-11-30' : '2026-12-01',
    manager: escalated ? MANAGER.staffNo : null,
    managerPin: escalated ? MANAGER.pin : null,
  });
  await device.must({ type: 'mark-done', stepId: 'complaint-thank' });
  const serviceId = device.store.snapshot.state.service!.serviceId;
  await device.must({ type: 'abandon', reason: 'customer-left' });
  return serviceId;
}

async function asManager(device: TestDevice) {
  await device.must({ type: 'lock', reason: 'manual' });
  await device.must({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
}

const decoder = new TextDecoder();

/** complaints.csv as papaparse reads it: UTF-8 with a BOM, a header row, CRLF. */
function complaintsCsv(entries: Map<string, Uint8Array>) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries.get(FILES.complaints));
  expect(text.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...COMPLAINT_COLUMNS]);
  return parsed.data;
}

async function threeComplaints() {
  const device = await staffedDevice();
  const escalated = await complaintService(device, 'C001', 'escalated');
  const followUp = await complaintService(device, 'C002', 'follow-up');
  const both = await complaintService(device, 'C003', 'escalated-with-due');
  await asManager(device);
  await device.must({
    type: 'close-follow-up',
    target: followUp,
    result: 'resolved',
    note: '已退还多扣话费',
  });
  return { device, ids: { escalated, followUp, both } };
}

describe('the complaints table of an export', () => {
  it('holds one row per complaint, the CSV as papaparse reads it and the sheet as exceljs does', async () => {
    const { device, ids } = await threeComplaints();
    const { zip, result } = await exportDay(device);
    const entries = files(zip);
    expect(await verifyExport(entries)).toMatchObject({ status: 'intact' });
    const rows = complaintsCsv(entries);
    const day = result.manifest.range.from;
    expect(rows.map((row) => row.service_id)).toEqual([ids.escalated, ids.followUp, ids.both]);
    const iso = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(rows[0]).toMatchObject({
      business_day: day,
      counter: expect.stringMatching(/.+/),
      clerk: CLERK.staffNo,
      ticket: 'C001',
      trigger: 'business-type',
      started_at: iso,
      category: 'staff-attitude',
      category_name: 'C:staff-attitude',
      // Kept as text, not a formula, in a spreadsheet that opens the CSV file.
      summary: "'=营业员态度生硬",
      outcome: 'escalated',
      recorded_at: iso,
      escalated_to: MANAGER.staffNo,
      escalation_confirmed_by: MANAGER.staffNo,
      follow_up_due: '',
      follow_up_result: '',
      step_accept: 'done',
      step_accept_at: iso,
      step_calm: 'skipped:other',
      step_calm_at: iso,
      step_clarify: 'done',
      step_explore: 'done',
      step_act: 'done',
      step_act_at: rows[0]!.recorded_at,
      step_thank: 'done',
      step_thank_at: iso,
    });
    expect(rows[1]).toMatchObject({
      ticket: 'C002',
      category: 'billing',
      summary: '话费多扣，需核查',
      outcome: 'follow-up',
      escalated_to: '',
      escalation_confirmed_by: '',
      follow_up_due: '2026-11-30',
      follow_up_result: 'resolved',
      follow_up_closed_by: MANAGER.staffNo,
      follow_up_closed_at: iso,
      follow_up_note: '已退还多扣话费',
    });
    // An escalation that promised a follow-up too carries its due day; not closed yet.
    expect(rows[2]).toMatchObject({
      ticket: 'C003',
      outcome: 'escalated',
      escalated_to: MANAGER.staffNo,
      escalation_confirmed_by: MANAGER.staffNo,
      follow_up_due: '2026-12-01',
      follow_up_result: '',
      follow_up_closed_by: '',
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(entries.get(FILES.workbook) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('complaints')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    const values: string[][] = [];
    sheet.eachRow((row) => {
      values.push(
        COMPLAINT_COLUMNS.map((_, index) => {
          const value = row.getCell(index + 1).value;
          return value === null || value === undefined ? '' : String(value);
        }),
      );
    });
    // The sheet holds the text as recorded, typed as text: the CSV's protective apostrophe is
    // the CSV's alone.
    expect(values).toEqual([
      [...COMPLAINT_COLUMNS],
      ...rows.map((row) =>
        COMPLAINT_COLUMNS.map((column) => (row[column] ?? '').replace(/^'(?=[=+\-@\t\r])/, '')),
      ),
    ]);
  });

  it('gives a follow-up closed on a later day a row of its own in that day’s export', async () => {
    const device = await staffedDevice();
    const followUp = await complaintService(device, 'C002', 'follow-up');
    const first = complaintsCsv(files((await exportDay(device)).zip));
    expect(first).toMatchObject([
      { service_id: followUp, follow_up_due: '2026-11-30', follow_up_result: '' },
    ]);
    device.clock.now = T0 + 24 * 3600_000;
    await asManager(device);
    await device.must({
      type: 'close-follow-up',
      target: followUp,
      result: 'customer-unreachable',
      note: '',
    });
    const later = complaintsCsv(files((await exportDay(device)).zip));
    expect(later).toMatchObject([
      {
        service_id: followUp,
        ticket: '',
        outcome: '',
        follow_up_result: 'customer-unreachable',
        follow_up_closed_by: MANAGER.staffNo,
      },
    ]);
  });

  it('is caught changed: a row edited, with or without its digest made to match', async () => {
    const { device } = await threeComplaints();
    const entries = files((await exportDay(device)).zip);
    const text = decoder.decode(entries.get(FILES.complaints));
    const edited = strToU8(text.replace(',escalated,', ',resolved,'));
    expect(decoder.decode(edited)).not.toBe(text);
    const rezip = (map: Map<string, Uint8Array>) => files(zipSync(Object.fromEntries(map)));

    const changed = new Map(entries).set(FILES.complaints, edited);
    expect(await verifyExport(rezip(changed))).toMatchObject({
      status: 'not-intact',
      problem: { kind: 'file-changed', file: FILES.complaints },
    });

    const manifest = JSON.parse(decoder.decode(entries.get(FILES.manifest)));
    for (const file of manifest.files) {
      if (file.name === FILES.complaints)
        Object.assign(file, { sha256: await sha256Hex(edited), bytes: edited.length });
    }
    changed.set(FILES.manifest, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
    expect(await verifyExport(rezip(changed))).toMatchObject({
      status: 'not-intact',
      problem: { kind: 'manifest-signature' },
    });
  });
});
