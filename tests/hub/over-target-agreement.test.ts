/**
 * One rule for "over target" (isOverTarget: finished, and longer than its target) gives the same
 * answer wherever it is shown: the device's review (its `over` tag and its figure), the export's
 * `over_target` column and the store hub's figure and list, for the same services — among them one
 * the customer left after an hour, long past its target, which none of them counts.
 */
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { figures } from '../../core/domain/review/figures';
import { servicesPage } from '../../hub/drill';
import {
  PLAIN_ALWAYS_STEPS,
  startCommand,
  staffedDevice,
  type TestDevice,
} from '../unit/helpers/builders';
import { exportDay, files } from '../unit/helpers/exports';
import { enrolCode, stopPgServers, testHub } from './helpers';

afterAll(() => stopPgServers());

const WIDE = { from: '2000-01-01', to: '2999-12-31' };
const HOUR = 3_600_000;

/** A service that lasts `ms`: walked to its end and finished, or left by the customer. */
async function serve(
  device: TestDevice,
  ticket: string,
  next: string,
  ms: number,
  end: 'finish' | 'abandon',
) {
  await device.must(startCommand({ ticket }));
  const serviceId = device.store.snapshot.state.service?.serviceId ?? '';
  device.clock.now += ms;
  if (end === 'abandon') {
    await device.must({ type: 'abandon', reason: 'customer-left' });
    return serviceId;
  }
  // As fullService walks it: every step, then calling the next ticket finishes the service.
  for (const stepId of PLAIN_ALWAYS_STEPS.slice(0, 7))
    await device.must({ type: 'mark-done', stepId });
  await device.must({ type: 'announce-money', dueFen: 8000, receivedFen: 10000 });
  await device.must({ type: 'mark-done', stepId: 'both-hands' });
  await device.must({ type: 'recommend', offer: 'broadband', response: 'interested' });
  for (const stepId of ['confirm-anything-else', 'stand-to-see-off'] as const) {
    await device.must({ type: 'mark-done', stepId });
  }
  await device.must({ type: 'call-next', nextTicket: next });
  return serviceId;
}

describe('over target, on the device, in the export and on the hub', () => {
  it('counts the same services everywhere: finished ones past their target only', async () => {
    const device = await staffedDevice();
    const long = await serve(device, 'A001', 'A002', HOUR, 'finish');
    const quick = await serve(device, 'A002', 'A003', 5_000, 'finish');
    const left = await serve(device, 'A003', 'A004', HOUR, 'abandon');

    // The device's review: the `over` tag and the over-target figure.
    const rows = (
      await device.store.review.services({ ...WIDE, tags: [] }, { offset: 0, limit: 100 })
    ).rows;
    expect(rows.map((row) => row.serviceId).sort()).toEqual([long, quick, left].sort());
    const leftRow = rows.find((row) => row.serviceId === left);
    expect(leftRow?.durationMs).toBeGreaterThan((leftRow?.targetSeconds ?? Infinity) * 1000);
    const tagged = rows.filter((row) => row.tags.some((tag) => tag.startsWith('over@')));
    expect(tagged.map((row) => row.serviceId)).toEqual([long]);
    const deviceFigures = figures(await device.store.review.rollups(WIDE.from, WIDE.to));
    expect(deviceFigures.total.overTarget).toBe(1);

    // The store hub: the same log pushed, its figure and the list behind it.
    const hub = await testHub('pglite');
    try {
      const enrolled = await device.store.hub.enrol(hub.transport, await enrolCode(hub));
      expect(enrolled.ok).toBe(true);
      expect((await device.store.hub.push(hub.transport)).ok).toBe(true);
      const hubFigures = figures(await hub.hub.service.rollups(WIDE.from, WIDE.to, null));
      expect(hubFigures.total.overTarget).toBe(1);
      const over = await servicesPage(
        hub.db,
        { ...WIDE, store: null, tags: ['over'] },
        { offset: 0, limit: 100 },
      );
      expect(over.rows.map((row) => row.serviceId)).toEqual([long]);
    } finally {
      await hub.close();
    }

    // The export's services.csv: yes for the one finished past its target, no for the others.
    const { zip } = await exportDay(device);
    const csv = new TextDecoder().decode(files(zip).get('services.csv'));
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    const column = Object.fromEntries(parsed.data.map((row) => [row.service_id, row.over_target]));
    expect(column).toEqual({ [long]: 'yes', [quick]: 'no', [left]: 'no' });
  }, 120_000);
});
