/**
 * The export workflow the auditor's Export button, the demo and the tests share
 * (storage/export-service.ts): seal, plan, build into a target, record; and every way it stops
 * short drops the partial file.
 */
import { describe, expect, it } from 'vitest';
import { businessDay } from '../../../../core/domain/device/config';
import { readExportZip } from '../../../../core/export/read-export';
import { verifyExport } from '../../../../core/export/verify-export';
import {
  makeExport,
  memoryTarget,
  type ExportRequest,
  type ExportTarget,
} from '../../../../renderer/storage';
import { AUDITOR, fullService, staffedDevice, type TestDevice } from '../../helpers/builders';

const labels = {
  business: (code: string) => `B:${code}`,
  step: (id: string) => `S:${id}`,
  complaintCategory: (code: string) => `C:${code}`,
};

async function auditorAt(device: TestDevice) {
  await fullService(device);
  await device.must({ type: 'lock', reason: 'manual' });
  await device.must({ type: 'sign-in', ...AUDITOR });
  const today = businessDay(device.clock.now, device.store.snapshot.state.config);
  const request: ExportRequest = {
    range: { from: today, to: today },
    masking: 'none',
    locale: 'en',
    appVersion: 'test',
    labels,
  };
  return request;
}

describe('the export workflow', () => {
  it('seals the log, writes a zip that verifies, and records the export with its digests', async () => {
    const device = await staffedDevice();
    const request = await auditorAt(device);
    const target = memoryTarget();
    const made = await makeExport(device.store, request, target);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const read = readExportZip(target.bytes());
    if (!read.ok) throw new Error(read.error);
    expect(await verifyExport(read.value)).toMatchObject({ status: 'intact' });
    const rows = await device.rows();
    expect(rows.at(-2)).toMatchObject({ event: { type: 'checkpoint', reason: 'export' } });
    expect(rows.at(-1)).toMatchObject({
      staffNo: AUDITOR.staffNo,
      event: { type: 'export-made', manifestSha256: made.value.result.manifestSha256 },
    });
    expect(made.value.result.manifest.exportedAt).toBe(new Date(device.clock.now).toISOString());
  });

  it('drops the partial file and records nothing when the target refuses a write', async () => {
    const device = await staffedDevice();
    const request = await auditorAt(device);
    const aborted: string[] = [];
    const target: ExportTarget = {
      begin: async (fileName) => fileName,
      write: async () => false,
      finish: async () => 'never',
      abort: async (handle) => void aborted.push(handle),
    };
    const made = await makeExport(device.store, request, target);
    expect(made).toEqual({ ok: false, error: { kind: 'write-failed' } });
    expect(aborted).toHaveLength(1);
    expect((await device.rows()).at(-1)).toMatchObject({ event: { type: 'checkpoint' } });
  });

  it('names a range with no records as the plan’s problem', async () => {
    const device = await staffedDevice();
    const request = await auditorAt(device);
    const made = await makeExport(
      device.store,
      { ...request, range: { from: '2020-01-01', to: '2020-01-01' } },
      memoryTarget(),
    );
    expect(made).toEqual({ ok: false, error: { kind: 'plan', problem: 'no-records' } });
  });

  it('stops when cancelled, dropping the partial file', async () => {
    const device = await staffedDevice();
    const request = await auditorAt(device);
    const abort = new AbortController();
    abort.abort();
    const aborted: string[] = [];
    const target = {
      ...memoryTarget(),
      abort: async (handle: string) => void aborted.push(handle),
    };
    await expect(
      makeExport(device.store, { ...request, signal: abort.signal }, target),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(aborted).toHaveLength(1);
  });
});
