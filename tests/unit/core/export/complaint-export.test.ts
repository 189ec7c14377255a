/**
 * A day with complaints, through the real store (the manager's PIN checked as the app checks it),
 * exported and verified by the same code the command-line verifier runs: every complaint record
 * is in the export, its schema and its rules.
 */
import { describe, expect, it } from 'vitest';
import { FILES } from '../../../../core/export/format';
import { verifyExport } from '../../../../core/export/verify-export';
import {
  CLERK,
  MANAGER,
  staffedDevice,
  startCommand,
  type TestDevice,
} from '../../helpers/builders';
import { exportDay, files } from '../../helpers/exports';

const STEPS = ['complaint-accept', 'complaint-clarify', 'complaint-explore'] as const;

async function complaintService(
  device: TestDevice,
  ticket: string,
  outcome: 'escalated' | 'follow-up',
): Promise<void> {
  await device.must(startCommand({ ticket, businessType: 'complaint' }));
  for (const stepId of STEPS) await device.must({ type: 'mark-done', stepId });
  await device.must({
    type: 'record-complaint',
    category: outcome === 'escalated' ? 'staff-attitude' : 'billing',
    summary: outcome === 'escalated' ? '营业员态度生硬' : '话费多扣，需核查',
    outcome,
    due: outcome === 'follow-up' ? '2026-11-30' : null,
    manager: outcome === 'escalated' ? MANAGER.staffNo : null,
    managerPin: outcome === 'escalated' ? MANAGER.pin : null,
  });
  await device.must({ type: 'mark-done', stepId: 'complaint-thank' });
  await device.must({ type: 'abandon', reason: 'customer-left' });
}

describe('an export of a day with complaints', () => {
  it('holds every complaint record and verifies intact, rules and schema included', async () => {
    const device = await staffedDevice();
    await complaintService(device, 'C001', 'escalated');
    await complaintService(device, 'C002', 'follow-up');
    const serviceId = device.store.snapshot.state.service!.serviceId;
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
    await device.must({
      type: 'close-follow-up',
      target: serviceId,
      result: 'resolved',
      note: '已退还多扣话费',
    });

    const { zip } = await exportDay(device);
    const entries = files(zip);
    expect(await verifyExport(entries)).toMatchObject({ status: 'intact', rulesChecked: true });
    const records = new TextDecoder()
      .decode(entries.get(FILES.log))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { staffNo: string | null; event: { type: string } });
    const byType = (type: string) => records.filter((record) => record.event.type === type);
    expect(byType('complaint-started')).toHaveLength(2);
    expect(byType('complaint-step').length).toBeGreaterThanOrEqual(8);
    expect(byType('complaint-recorded').map((record) => record.staffNo)).toEqual([
      CLERK.staffNo,
      CLERK.staffNo,
    ]);
    expect(byType('escalation-confirmed').map((record) => record.staffNo)).toEqual([
      MANAGER.staffNo,
    ]);
    expect(byType('follow-up-closed').map((record) => record.staffNo)).toEqual([MANAGER.staffNo]);
    const schema = new TextDecoder().decode(entries.get(FILES.schema));
    for (const type of ['complaint-recorded', 'escalation-confirmed', 'follow-up-closed']) {
      expect(schema).toContain(type);
    }
  });
});
