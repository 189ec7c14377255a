/** Exports made the way the auditor's Export button makes them, for the export and CLI tests. */
import { businessDay } from '../../../core/domain/device/config';
import { fingerprint } from '../../../core/domain/log/signing';
import { buildExport } from '../../../core/export/build-export';
import { concatBytes } from '../../../core/export/bytes';
import { readExportZip } from '../../../core/export/read-export';
import { Zip, ZipPassThrough } from 'fflate';
import {
  AUDITOR,
  CLERK,
  T0,
  fullService,
  staffedDevice,
  startCommand,
  type TestDevice,
} from './builders';

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
  names: typeof labels = labels,
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
      ...plan.value.days,
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
    personal:
      masking === 'none'
        ? await plan.value.personalValues(plan.value.first.seq, plan.value.last.seq)
        : [],
    locale: 'en',
    appVersion: 'test',
    config: after.config,
    labels: names,
    sink: async (chunk) => void chunks.push(chunk),
  });
  return { zip: concatBytes(chunks), result };
}

/** What the Export button does once the zip is saved: the export recorded in the log. */
export async function recordExport(
  device: TestDevice,
  { result }: { result: Awaited<ReturnType<typeof buildExport>> },
) {
  const { manifest } = result;
  await device.must({
    type: 'record-export',
    export: {
      from: manifest.range.from,
      to: manifest.range.to,
      firstSeq: manifest.records.first.seq,
      lastSeq: manifest.records.last.seq,
      masked: manifest.masking !== 'none',
      manifestSha256: result.manifestSha256,
      files: result.files.map(({ name, sha256 }) => ({ name, sha256 })),
    },
  });
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

const HOUR = 3600_000;

/**
 * Day 1 exported at 17:00 (T0 is 09:00 UTC, 17:00 in Shanghai) and recorded, the clerk serving
 * one more customer that evening, then day 2 exported and recorded: exports in sequence.
 */
export async function twoRecordedDays() {
  const device = await dayWithServices();
  const day1 = await exportDay(device);
  await recordExport(device, day1);
  await device.must({ type: 'sign-out' });
  device.clock.now = T0 + HOUR;
  await device.must({ type: 'sign-in', ...CLERK });
  await fullService(device, 'A030', 'A031');
  await device.must({ type: 'sign-out' });
  device.clock.now = T0 + 24 * HOUR;
  await device.must({ type: 'sign-in', ...CLERK });
  await fullService(device, 'B001', 'B002');
  const day2 = await exportDay(device);
  await recordExport(device, day2);
  return { device, day1, day2 };
}

/**
 * The files zipped again with `twice` stored twice under its name (the second copy changed), as
 * a crafted zip can hold it: fflate's streaming Zip writes every entry it is given.
 */
export function zipWithDuplicate(entries: Record<string, Uint8Array>, twice: string) {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const add = (name: string, bytes: Uint8Array) => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(bytes, true);
  };
  for (const [name, bytes] of Object.entries(entries)) add(name, bytes);
  add(twice, new TextEncoder().encode('service_id\r\nforged\r\n'));
  zip.end();
  return concatBytes(chunks);
}
