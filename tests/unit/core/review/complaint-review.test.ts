/**
 * Complaints in the manager's review, through the store on fake IndexedDB: each service's
 * complaint in its row (steps, times on the service's clock against the flow's targets, the
 * record, the follow-up closed later, also on its timeline), its tags, its rollup tallies and
 * the figures; the rows a
 * rebuild makes equal the incremental ones; a review written by the previous version (rows
 * without complaints) is rebuilt at start.
 */
import { describe, expect, it } from 'vitest';
import { complaintFigures } from '../../../../core/domain/review/complaint-figures';
import { DEFAULT_CONFIG } from '../../../../core/domain/device/config';
import type { RollupRow } from '../../../../core/domain/review/rollup';
import type { ServiceRow } from '../../../../core/domain/review/service-row';
import { timeline } from '../../../../core/domain/review/timeline';
import { REVIEW_VERSION } from '../../../../core/domain/review/review-projector';
import {
  CLERK,
  MANAGER,
  staffedDevice,
  startCommand,
  withRawDb,
  type TestDevice,
} from '../../helpers/builders';
import { complaintService } from '../../helpers/review-data';

const ALL = { from: '2000-01-01', to: '2100-01-01' };

async function tables(device: TestDevice) {
  return withRawDb(device.name, async (db) => ({
    services: (await db.services.orderBy('id').toArray()) as ServiceRow[],
    rollups: (await db.rollups.orderBy('key').toArray()) as RollupRow[],
  }));
}

const tagged = async (device: TestDevice, tags: string[], overdueOn?: string) =>
  (
    await device.store.review.services(
      { ...ALL, tags, ...(overdueOn ? { overdueOn } : {}) },
      { offset: 0, limit: 50 },
    )
  ).rows
    .map((row) => row.serviceId)
    .sort();

async function threeComplaints() {
  const device = await staffedDevice();
  const followUp = await complaintService(device, {
    ticket: 'A001',
    gaps: [70, 30, 100, 200, 250, 20],
    calm: 'done',
    clarify: 'done',
    record: { category: 'network', outcome: 'follow-up', due: '2026-11-24' },
  });
  const escalated = await complaintService(device, {
    ticket: 'A002',
    gaps: [40, 10, 90, 100, 400, 30],
    calm: 'na',
    clarify: 'skipped',
    record: { category: 'billing', outcome: 'escalated', due: '2026-11-25' },
    during: true,
  });
  // A customer who left during the complaint: never recorded.
  await device.must(startCommand({ ticket: 'A003', businessType: 'complaint' }));
  const left = device.store.snapshot.state.service?.serviceId ?? '';
  device.clock.now += 20_000;
  await device.must({ type: 'mark-done', stepId: 'complaint-accept' });
  device.clock.now += 20_000;
  await device.must({ type: 'abandon', reason: 'customer-left' });
  return { device, followUp, escalated, left };
}

describe('complaints in the review', () => {
  it('keeps each complaint in its row, timed from the tap before each step', async () => {
    const { device, followUp, escalated, left } = await threeComplaints();
    const row = await device.store.review.service(`own|${followUp}`);
    expect(row?.complaint).toEqual({
      trigger: 'business-type',
      category: 'network',
      outcome: 'follow-up',
      manager: null,
      confirmed: false,
      due: '2026-11-24',
      closed: null,
      steps: 'dddddd',
      ms: [70_000, 30_000, 100_000, 200_000, 250_000, 20_000],
      over: ['complaint-accept', 'complaint-explore'],
    });
    const other = await device.store.review.service(`own|${escalated}`);
    expect(other?.complaint).toMatchObject({
      trigger: 'during-service',
      category: 'billing',
      outcome: 'escalated',
      manager: MANAGER.staffNo,
      confirmed: true,
      due: '2026-11-25',
      steps: 'dnsddd',
      ms: [40_000, null, null, 100_000, 400_000, 30_000],
      over: ['complaint-act'],
    });
    expect((await device.store.review.service(`own|${left}`))?.complaint).toMatchObject({
      category: null,
      outcome: null,
      steps: 'dppppp',
      ms: [expect.any(Number), null, null, null, null, null],
    });
    expect(await tagged(device, ['complaint'])).toEqual([followUp, escalated, left].sort());
    expect(await tagged(device, ['complaint-category:none'])).toEqual([left]);
    expect(await tagged(device, ['complaint-followup'])).toEqual([followUp, escalated].sort());
    expect(await tagged(device, ['complaint-step-over:complaint-act'])).toEqual([escalated]);
    expect(await tagged(device, ['complaint-step-skip:complaint-clarify'])).toEqual([escalated]);
    expect(await tagged(device, ['complaint', `clerk:${CLERK.staffNo}`])).toHaveLength(3);
  });

  it('sums complaints into rollups and figures, and closes a follow-up later', async () => {
    const { device, followUp, escalated } = await threeComplaints();
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
    const before = await tables(device);
    await device.must({
      type: 'close-follow-up',
      target: followUp,
      result: 'resolved',
      note: 'called back',
    });
    const after = await tables(device);
    const closed = after.services.find((row) => row.serviceId === followUp);
    expect(closed?.complaint?.closed).toBe('resolved');
    expect(closed?.later).toHaveLength(1);
    const records = closed ? await device.store.review.timeline(closed) : [];
    expect(timeline(records).at(-1)).toMatchObject({
      kind: 'follow-up-closed',
      result: 'resolved',
      note: 'called back',
      by: MANAGER.staffNo,
    });
    expect(after.rollups[0]?.complaints?.closed).toBe(1);
    expect(before.rollups[0]?.complaints?.closed).toBe(0);

    const figures = complaintFigures(
      await device.store.review.rollups(ALL.from, ALL.to),
      DEFAULT_CONFIG.complaintFlow,
    );
    expect(figures).toMatchObject({
      total: 3,
      byClerk: [{ staffNo: CLERK.staffNo, count: 3 }],
      resolved: 0,
      resolvedShare: 0,
      escalations: 1,
      confirmed: 1,
      followUps: 2,
      openFollowUps: 1,
    });
    expect(figures.byCategory.filter((entry) => entry.count > 0)).toEqual([
      { code: 'billing', count: 1 },
      { code: 'network', count: 1 },
      { code: 'none', count: 1 },
    ]);
    const [accept, calm, clarify, , act] = figures.steps;
    expect(accept).toMatchObject({ done: 3, over: 1, targetSeconds: 60 });
    expect(calm).toMatchObject({ done: 1, na: 1, notMarked: 1, averageMs: 30_000 });
    expect(clarify).toMatchObject({ done: 1, skipped: 1, notMarked: 1, averageMs: 100_000 });
    expect(act).toMatchObject({ done: 2, averageMs: 325_000, over: 1, overShare: 0.5 });

    // Overdue: open, and due before today; the closed one never is.
    expect(await tagged(device, ['complaint-followup-open'], '2026-11-25')).toEqual([]);
    expect(await tagged(device, ['complaint-followup-open'], '2026-11-26')).toEqual([escalated]);
    expect(await tagged(device, ['complaint-followup-closed'])).toEqual([followUp]);
  });

  it('rebuilds the same complaint rows and rollups, and rebuilds a review of the previous version', async () => {
    const { device, followUp } = await threeComplaints();
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
    await device.must({
      type: 'close-follow-up',
      target: followUp,
      result: 'customer-unreachable',
      note: '',
    });
    const incremental = await tables(device);
    expect(incremental.rollups.some((rollup) => rollup.complaints?.count === 3)).toBe(true);
    // What the previous version left: rows and rollups without complaints, marked version 2.
    await withRawDb(device.name, async (db) => {
      const services = await db.services.toArray();
      await db.services.bulkPut(
        services.map(({ complaint: _complaint, ...row }) => row as unknown as ServiceRow),
      );
      const rollups = await db.rollups.toArray();
      await db.rollups.bulkPut(rollups.map(({ complaints: _complaints, ...row }) => row));
      const state = await db.reviewState.get('own');
      if (state) await db.reviewState.put({ ...state, version: REVIEW_VERSION - 1 });
    });
    await device.reopen();
    expect(await tables(device)).toEqual(incremental);
    expect(
      await withRawDb(device.name, async (db) => (await db.reviewState.get('own'))?.version),
    ).toBe(REVIEW_VERSION);
  });
});
