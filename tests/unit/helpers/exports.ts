/** Exports made the way the auditor's Export button makes them, for the export and CLI tests. */
import { businessDay } from '../../../core/domain/device/config';
import { fingerprint } from '../../../core/domain/log/signing';
import { buildExport } from '../../../core/export/build-export';
import { concatBytes } from '../../../core/export/bytes';
import { readExportZip } from '../../../core/export/read-export';
import { AUDITOR, fullService, staffedDevice, startCommand, type TestDevice } from './builders';

const labels = {
  business: (code: string) => `B:${code}`,
  step: (id: string) => `S:${id}`,
  complaintCategory: (code: string) => `C:${code}`,
};

/**
 * The auditor takes over the counter and does what the Export button does: seal, plan, build.
 * Returns the zip's bytes.
 */
export async function exportDay(
  device: TestDevice,
  day?: string,
  masking: 'none' | 'surname' = 'none',
  by: { staffNo: string; pin: string } = AUDITOR,
) {
  const { store } = device;
  if (store.snapshot.state.session?.staffNo !== by.staffNo) {
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...by });
  }
  const today = day ?? businessDay(device.clock.now, store.snapshot.state.config);
  await device.must({ type: 'seal-for-export' });
  const plan = await store.archive.planExport({ from: today, to: today });
  if (!plan.ok) throw new Error(plan.error);
  const chunks: Uint8Array[] = [];
  const after = store.snapshot.state;
  const result = await buildExport({
    ...plan.value,
    range: {
      from: today,
      to: today,
      timeZone: after.config.timeZone,
      dayStartMinutes: after.config.dayStartMinutes,
    },
    device: {
      id: after.identity!.deviceId,
      counter: after.counter,
      firstKey: after.identity!.firstKey,
      fingerprint: await fingerprint(after.identity!.firstKey),
    },
    exportedBy: { staffNo: after.session!.staffNo, role: after.session!.role },
    exportedAt: new Date(device.clock.now).toISOString(),
    masking,
    locale: 'en',
    appVersion: 'test',
    config: after.config,
    labels,
    sink: async (chunk) => void chunks.push(chunk),
  });
  return { zip: concatBytes(chunks), result };
}

export async function dayWithServices() {
  const device = await staffedDevice();
  await fullService(device, 'A025', 'A026');
  await device.must(startCommand({ ticket: 'A026', surname: '欧阳' }));
  await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
  await device.must({
    type: 'skip',
    stepId: 'eye-contact-smile',
    reason: 'other',
    note: '=HYPERLINK("x")',
  });
  await device.must({ type: 'abandon', reason: 'customer-left' });
  return device;
}

export const files = (zip: Uint8Array) => {
  const read = readExportZip(zip);
  if (!read.ok) throw new Error(read.error);
  return read.value;
};
