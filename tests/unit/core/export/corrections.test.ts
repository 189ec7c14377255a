/**
 * A manager's correction travels with the export beside what the clerk recorded: the step events
 * keep the clerk's outcome and add the amendment as its own row (who, why, the new outcome); the
 * service's row counts the corrected outcome and lists the amendment. Read back with papaparse.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FILES } from '../../../../core/export/format';
import { CLERK, MANAGER, rawRows } from '../../helpers/builders';
import { dayWithServices, exportDay, files } from '../../helpers/exports';
import { asManager } from '../../helpers/review-data';

const csv = (bytes: Uint8Array | undefined) =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes).slice(1), {
    header: true,
    skipEmptyLines: true,
  });

describe('an amended service in an export', () => {
  it('carries the clerk’s record and the manager’s correction, each as written', async () => {
    const device = await dayWithServices();
    const rows = (await rawRows(device.name)) as {
      serviceId: string | null;
      event: { type: string; ticket?: string };
    }[];
    const started = rows.find(
      (row) => row.event.type === 'service-started' && row.event.ticket === 'A026',
    );
    const target = started?.serviceId as string;
    await asManager(device);
    await device.must({
      type: 'amend-service',
      target,
      change: { kind: 'step', stepId: 'eye-contact-smile', outcome: 'done', skipReason: null },
      reason: 'seen on camera',
    });
    const { zip } = await exportDay(device);
    const entries = files(zip);

    const steps = csv(entries.get(FILES.stepEvents));
    expect(steps.errors).toEqual([]);
    const ofStep = steps.data.filter(
      (row) => row.service_id === target && row.step_id === 'eye-contact-smile',
    );
    expect(ofStep.map((row) => [row.outcome, row.clerk, row.amendment_reason])).toEqual([
      ['skipped', CLERK.staffNo, ''],
      ['amended:done', MANAGER.staffNo, 'seen on camera'],
    ]);

    const services = csv(entries.get(FILES.services));
    const service = services.data.find((row) => row.ticket === 'A026');
    expect(service?.amendments).toContain(`${MANAGER.staffNo}: seen on camera`);
    // Corrected: the skipped step now counts as done (before, 1 of 2 kept).
    expect(service?.steps_skipped).toBe('0');
    expect(service?.steps_kept_pct).toBe('100');
  });
});
