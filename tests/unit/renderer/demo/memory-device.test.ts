/**
 * The in-memory device: keys kept as the key store keeps them, the fast sealing giving exactly
 * the records `sealRecord` gives, and exports made from memory as the Export button makes them.
 */
import { describe, expect, it } from 'vitest';
import { MemoryDevice } from '../../../../renderer/demo/memory-device';
import { sealRecord, type StoredRecord } from '../../../../core/domain/log/records';
import { verifyRows } from '../../../../core/domain/log/verify';
import { readExportZip } from '../../../../core/export/read-export';
import { verifyExport } from '../../../../core/export/verify-export';

const T0 = Date.parse('2026-11-23T01:00:00.000Z');
const PIN = '246810';
const OWN = '135792';
const labels = {
  business: (code: string) => code,
  step: (id: string) => id,
  complaintCategory: (code: string) => code,
};

/** A counter with a manager, a clerk who served one customer, and an auditor; nobody signed in. */
async function counterWithAService(options: { fast?: boolean } = {}): Promise<MemoryDevice> {
  const device = new MemoryDevice({ now: T0, ...options });
  device.tick = 5_000;
  await device.must({
    type: 'first-run',
    counter: '3',
    staffNo: '9001',
    pin: PIN,
    confirmation: PIN,
  });
  await device.must({
    type: 'change-config',
    change: { key: 'business-day', timeZone: 'Asia/Shanghai', startMinutes: 0 },
  });
  for (const [staffNo, role] of [
    ['1001', 'clerk'],
    ['7001', 'auditor'],
  ] as const) {
    await device.must({ type: 'create-account', staffNo, role, pin: PIN, confirmation: PIN });
  }
  await device.must({ type: 'sign-out' });
  await device.must({ type: 'sign-in', staffNo: '1001', pin: PIN });
  await device.must({ type: 'change-own-pin', currentPin: PIN, pin: OWN, confirmation: OWN });
  await device.must({ type: 'call-next', serviceId: null, nextTicket: 'A001' });
  await device.must({
    type: 'start-service',
    ticket: 'A001',
    title: 'ms',
    surname: '欧阳',
    businessType: 'bill-payment',
  });
  for (const stepId of [
    'stand-to-greet',
    'eye-contact-smile',
    'greet-aloud',
    'check-ticket',
    'invite-to-sit',
    'ask-needs',
    'address-by-surname',
  ] as const) {
    await device.must({ type: 'mark-done', stepId });
  }
  await device.must({ type: 'announce-money', dueFen: 5_000, receivedFen: 10_000 });
  await device.must({ type: 'recommend', offer: 'broadband', response: 'interested' });
  await device.must({ type: 'mark-done', stepId: 'confirm-anything-else' });
  await device.must({ type: 'mark-done', stepId: 'stand-to-see-off' });
  await device.must({ type: 'call-next', nextTicket: 'A002' });
  const serviceId = device.rows.find((row) => row.event.type === 'service-started')!.serviceId!;
  await device.must({ type: 'rate-service', serviceId, rating: 'satisfied', reasons: [] });
  await device.must({ type: 'sign-out' });
  return device;
}

async function exportAs(device: MemoryDevice, staffNo: string, pin: string) {
  await device.must({ type: 'sign-in', staffNo, pin });
  const made = await device.exportZip({ labels, locale: 'en' });
  await device.must({ type: 'sign-out' });
  const files = readExportZip(made.bytes);
  if (!files.ok) throw new Error(files.error);
  return { ...made, files: files.value };
}

describe('the in-memory device', { timeout: 30_000 }, () => {
  it('keeps only the private key in force, as the key store does', async () => {
    const device = await counterWithAService();
    const checkpoints = device.rows.filter((row) => row.event.type === 'checkpoint');
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    expect([...device.heldKeys.keys()]).toEqual([device.state.keys!.index]);
    expect(await verifyRows(device.rows)).toMatchObject({ intact: true, rulesChecked: true });
  });

  it('takes the rating from the customer display, with no staff number', async () => {
    const device = await counterWithAService();
    const rated = device.rows.find((row) => row.event.type === 'service-rated');
    expect(rated).toMatchObject({ staffNo: null, event: { rating: 'satisfied' } });
  });

  it('seals the fast way exactly the records sealRecord seals', async () => {
    const device = await counterWithAService({ fast: true });
    for (const row of device.rows) {
      const { hash: _hash, ...unsealed } = row;
      expect(await sealRecord(unsealed)).toEqual(row);
    }
    expect(await verifyRows(device.rows)).toMatchObject({ intact: true });
  });

  it('exports as the app does: sealed first, recorded after, and the next export continues it', async () => {
    const device = await counterWithAService({ fast: true });
    await device.must({ type: 'sign-in', staffNo: '7001', pin: PIN });
    await device.must({ type: 'change-own-pin', currentPin: PIN, pin: OWN, confirmation: OWN });
    await device.must({ type: 'sign-out' });
    const first = await exportAs(device, '7001', OWN);
    expect(first.fileName).toBe('counter-steps-3-2026-11-23.zip');
    const sealRow = device.rows.find(
      (row) => row.event.type === 'checkpoint' && row.event.reason === 'export',
    ) as StoredRecord;
    expect(first.result.manifest.records.last.seq).toBe(sealRow.seq);
    expect(device.rows.filter((row) => row.event.type === 'export-made')).toHaveLength(1);
    expect(await verifyExport(first.files)).toMatchObject({
      status: 'intact',
      rulesChecked: true,
    });

    device.now += 3_600_000;
    const second = await exportAs(device, '9001', PIN);
    expect(second.result.manifest.previousExport).toEqual({
      lastSeq: sealRow.seq,
      lastHash: sealRow.hash,
    });
    expect(await verifyExport(second.files, { previous: first.files })).toMatchObject({
      status: 'intact',
      continuesPrevious: true,
    });
  });

  it('refuses, with the domain’s reason, what the domain refuses', async () => {
    const device = await counterWithAService();
    await expect(device.must({ type: 'mark-done', stepId: 'stand-to-greet' })).rejects.toThrow(
      /not-signed-in/,
    );
  });
});
