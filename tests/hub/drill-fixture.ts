/**
 * A hub holding one counter's log with everything a drill-down shows: services over three business
 * days (skips, flags, abandoned ones), a rating, an amendment of a step and of a business type, a
 * spot-check — pushed from the device, so the hub's rows can be compared with the device's own.
 */
import { expect } from 'vitest';
import type { ServiceRow } from '../../core/domain/review/service-row';
import {
  asManager,
  generatedDevice,
  observedAll,
  rateLast,
  type Generated,
} from '../unit/helpers/review-data';
import { enrolCode, testHub, type DbKind, type TestHub } from './helpers';

export interface DrillFixture {
  test: TestHub;
  generated: Generated;
  /** The hub's id of the device. */
  deviceId: string;
  /** The business days the services are on, oldest first. */
  days: string[];
  /** The device's own rows, newest first. */
  rows: ServiceRow[];
}

export async function drillFixture(kind: DbKind): Promise<DrillFixture> {
  const test = await testHub(kind);
  const generated = await generatedDevice(7, 30);
  const { device, serviceIds } = generated;
  await rateLast(device, 'satisfied');
  await asManager(device);
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
  const enrolled = await device.store.hub.enrol(test.transport, await enrolCode(test));
  expect(enrolled.ok).toBe(true);
  expect((await device.store.hub.push(test.transport)).ok).toBe(true);
  const all = await device.store.review.services(
    { from: '2000-01-01', to: '2999-12-31', tags: [] },
    { offset: 0, limit: 1_000 },
  );
  const days = [...new Set(all.rows.map((row) => row.day))].sort();
  return {
    test,
    generated,
    deviceId: enrolled.ok ? enrolled.value.device : '',
    days,
    rows: all.rows,
  };
}
