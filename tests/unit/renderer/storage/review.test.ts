/**
 * The manager's review on generated data: rollups written with each append equal rollups rebuilt
 * from the log (amendments, ratings, spot-checks, a complaint and its follow-up closed included); the figures equal the same figures
 * counted straight from the raw records; the pencil-whipped services are flagged.
 */
import { describe, expect, it } from 'vitest';
import { STEP_IDS, type StepId } from '../../../../core/domain/flow/flow-definition';
import { figures } from '../../../../core/domain/review/figures';
import type { RollupRow } from '../../../../core/domain/review/rollup';
import type { ServiceRow } from '../../../../core/domain/review/service-row';
import { CLERK, startCommand, withRawDb, type TestDevice } from '../../helpers/builders';
import {
  asManager,
  complaintService,
  generatedDevice,
  observedAll,
  rateLast,
  type Generated,
} from '../../helpers/review-data';

const ALL_DAYS = { from: '2000-01-01', to: '2100-01-01' };

async function tables(device: TestDevice) {
  return withRawDb(device.name, async (db) => ({
    services: (await db.services.orderBy('id').toArray()) as ServiceRow[],
    rollups: await db.rollups.orderBy('key').toArray(),
  }));
}

/** Drops the review (as an older version would leave it) and opens the store again: a rebuild. */
async function rebuilt(device: TestDevice) {
  await withRawDb(device.name, (db) => db.reviewState.clear());
  await device.reopen();
  return tables(device);
}

/** Each service's steps, counted straight from the raw rows: the last outcome of each step. */
function countFromRows(rows: Record<string, unknown>[]) {
  const services = new Map<string, Map<string, string>>();
  const amendments: { target: string; stepId: string; outcome: string }[] = [];
  for (const row of rows) {
    const event = row.event as Record<string, unknown>;
    const serviceId = row.serviceId as string | null;
    if (event.type === 'service-amended') {
      const change = event.change as Record<string, string>;
      if (change.kind === 'step') {
        amendments.push({
          target: event.target as string,
          stepId: change.stepId ?? '',
          outcome: change.outcome ?? '',
        });
      }
      continue;
    }
    if (!serviceId) continue;
    const steps = services.get(serviceId) ?? new Map<string, string>();
    services.set(serviceId, steps);
    const mark = (id: string, outcome: string) => steps.set(id, outcome);
    switch (event.type) {
      case 'step-done':
        mark(event.stepId as string, 'done');
        break;
      case 'step-skipped':
        mark(event.stepId as string, 'skipped');
        break;
      case 'step-not-applicable':
        mark(event.stepId as string, 'na');
        break;
      case 'seat-left':
        mark('apologise-leaving', 'done');
        break;
      case 'seat-returned':
        mark('thank-returning', 'done');
        break;
      case 'money-announced':
        mark('announce-money', 'done');
        break;
      case 'recommendation-recorded':
        mark('recommend', 'done');
        break;
      case 'next-called':
        mark('call-next', 'done');
        break;
      case 'service-finished':
      case 'service-abandoned':
        steps.set('ended', 'yes');
    }
  }
  for (const { target, stepId, outcome } of amendments) services.get(target)?.set(stepId, outcome);
  const perStep = Object.fromEntries(STEP_IDS.map((id) => [id, { done: 0, skipped: 0, na: 0 }]));
  for (const steps of services.values()) {
    if (!steps.has('ended')) continue;
    for (const id of STEP_IDS) {
      const outcome = steps.get(id) as 'done' | 'skipped' | 'na' | undefined;
      if (outcome && perStep[id]) perStep[id][outcome] += 1;
    }
  }
  return perStep;
}

describe('the review', () => {
  let generated: Generated;

  it('writes with each append the same rows and rollups a rebuild from the log makes', async () => {
    generated = await generatedDevice(7, 30);
    const { device, serviceIds } = generated;
    const complaint = await complaintService(device, {
      ticket: 'C001',
      gaps: [70, 30, 100, 200, 250, 20],
      calm: 'done',
      clarify: 'skipped',
      record: { category: 'network', outcome: 'follow-up', due: '2099-01-01' },
    });
    await rateLast(device, 'satisfied');
    await asManager(device);
    await device.must({ type: 'close-follow-up', target: complaint, result: 'resolved', note: '' });
    const [first = '', second = ''] = serviceIds;
    await device.must({
      type: 'amend-service',
      target: first,
      change: { kind: 'step', stepId: 'greet-aloud', outcome: 'skipped', skipReason: 'forgot' },
      reason: 'seen on camera',
    });
    await device.must({
      type: 'amend-service',
      target: second,
      change: { kind: 'business-type', businessType: 'complaint' },
      reason: 'was a complaint',
    });
    await device.must({
      type: 'record-spot-check',
      target: second,
      kind: 'spot-check',
      observations: { ...observedAll('done', ['stand-to-greet']), 'greet-aloud': 'skipped' },
      note: '',
    });
    const incremental = await tables(device);
    expect(incremental.services).toHaveLength(serviceIds.length + 1);
    expect(incremental.services.find((row) => row.serviceId === complaint)?.complaint?.closed).toBe(
      'resolved',
    );
    expect(incremental.rollups.some((rollup) => rollup.complaints?.closed === 1)).toBe(true);
    expect(await rebuilt(device)).toEqual(incremental);
  }, 60_000);

  it('counts each step as the raw records do: done ÷ (done + skipped), not applicable apart', async () => {
    const { device } = generated;
    const rows = await device.rows();
    const expected = countFromRows(rows);
    const { total } = figures(await device.store.review.rollups(ALL_DAYS.from, ALL_DAYS.to));
    for (const step of total.steps) {
      const counted = expected[step.id] ?? { done: 0, skipped: 0, na: 0 };
      expect({ id: step.id, done: step.done, skipped: step.skipped, na: step.na }).toEqual({
        id: step.id,
        ...counted,
      });
      expect(step.applicable).toBe(counted.done + counted.skipped);
    }
    const amended = await device.store.review.services(
      { ...ALL_DAYS, tags: ['amended'] },
      { offset: 0, limit: 10 },
    );
    expect(amended.total).toBe(2);
    expect(
      amended.rows.find((row) => row.businessType === 'complaint')?.recorded.businessType,
    ).not.toBe('complaint');
  });

  it('flags the pencil-whipped services, and a service far over its target', async () => {
    const { device, whipped } = generated;
    const { services } = await tables(device);
    for (const row of services) {
      const fast = row.flags.includes('fast') || row.flags.includes('burst');
      expect({ id: row.serviceId, fast }).toEqual({
        id: row.serviceId,
        fast: whipped.includes(row.serviceId),
      });
      expect(row.flags.includes('over-target')).toBe(row.durationMs > 2 * row.targetSeconds * 1000);
    }
    const flagged = await device.store.review.services(
      { ...ALL_DAYS, tags: ['flag:burst'] },
      { offset: 0, limit: 50 },
    );
    expect(flagged.rows.map((row) => row.serviceId).sort()).toEqual([...whipped].sort());
  });

  it('shows a spot-check against what the clerk recorded', async () => {
    const { device, serviceIds } = generated;
    const [, second = ''] = serviceIds;
    const rollups: RollupRow[] = await device.store.review.rollups(ALL_DAYS.from, ALL_DAYS.to);
    const { checks, checkedServices } = figures(rollups);
    expect(checkedServices).toBe(1);
    const row = await device.store.review.service(`own|${second}`);
    const recorded = (id: StepId) => row?.recorded.steps[STEP_IDS.indexOf(id)];
    const byStep = Object.fromEntries(checks.map((check) => [check.id, check.tally]));
    expect(byStep['stand-to-greet']).toEqual(
      ['d', 'l'].includes(recorded('stand-to-greet') ?? '') ? [1, 0] : [0, 1],
    );
    expect(byStep['greet-aloud']).toEqual(
      ['s', 'p'].includes(recorded('greet-aloud') ?? '') ? [1, 0] : [0, 1],
    );
    const timeline = row ? await device.store.review.timeline(row) : [];
    expect(timeline.at(-1)?.event.type).toBe('spot-check-recorded');
    expect(timeline[0]?.event.type).toBe('service-started');
  });

  it('flags the same rhythm repeated in a clerk’s day, every one of them', async () => {
    const { device } = await generatedDevice(11, 0);
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', staffNo: CLERK.staffNo, pin: CLERK.pin });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      device.clock.now += 60_000;
      await device.must(startCommand({ ticket: `B${index + 1}` }));
      ids.push(device.store.snapshot.state.service?.serviceId ?? '');
      for (const stepId of ['stand-to-greet', 'eye-contact-smile', 'greet-aloud'] as const) {
        device.clock.now += 4_000;
        await device.must({ type: 'mark-done', stepId });
      }
      for (const stepId of [
        'check-ticket',
        'invite-to-sit',
        'ask-needs',
        'address-by-surname',
        'confirm-anything-else',
        'stand-to-see-off',
      ] as const) {
        device.clock.now += 7_000;
        await device.must(
          stepId === 'confirm-anything-else'
            ? { type: 'recommend', offer: 'broadband', response: 'declined' }
            : { type: 'mark-done', stepId },
        );
        if (stepId === 'confirm-anything-else') await device.must({ type: 'mark-done', stepId });
      }
      device.clock.now += 3_000;
      await device.must({ type: 'call-next', nextTicket: `B${index + 2}` });
      const rows = (await tables(device)).services;
      const repeated = rows.filter((row) => row.flags.includes('repeated')).length;
      expect(repeated).toBe(index === 2 ? 3 : 0);
    }
  });
});
