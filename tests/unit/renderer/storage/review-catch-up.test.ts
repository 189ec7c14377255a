/**
 * The review caught up behind the clerk (review-catch-up.ts): records appended while it catches up
 * are counted exactly once, a catch-up stopped half-way (a crash, a reload) resumes where it
 * stopped, and either way the rows end equal to a rebuild of the whole log from scratch.
 */
import { describe, expect, it } from 'vitest';
import { REVIEW_VERSION } from '../../../../core/domain/review/review-projector';
import { CounterStepsDb } from '../../../../renderer/storage/db';
import { EventLog } from '../../../../renderer/storage/event-log';
import { ReviewCatchUp, type CatchUpProgress } from '../../../../renderer/storage/review-catch-up';
import { OWN_LOG, projectLog } from '../../../../renderer/storage/review-index';
import { withRawDb, type TestDevice } from '../../helpers/builders';
import { generatedDevice, moreServices } from '../../helpers/review-data';

async function tables(name: string) {
  return withRawDb(name, async (db) => ({
    services: await db.services.orderBy('id').toArray(),
    rollups: await db.rollups.orderBy('key').toArray(),
    state: await db.reviewState.get(OWN_LOG),
  }));
}

/** The review a rebuild of the whole log in memory makes (what the start-up used to do). */
async function fromScratch(name: string) {
  const rows = await withRawDb(name, (db) => db.events.orderBy(':id').toArray());
  const { services, rollups, lastSeq } = await projectLog(OWN_LOG, [rows]);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
  return { services: services.sort(byId), rollups: rollups.sort(byKey), lastSeq };
}

/** What an update to a newer review version finds: a review written by older code. */
async function olderReview(device: TestDevice) {
  await withRawDb(device.name, async (db) => {
    const state = await db.reviewState.get(OWN_LOG);
    await db.reviewState.put({ device: OWN_LOG, appliedSeq: state?.appliedSeq ?? 0, version: 1 });
  });
}

function catchUp(name: string, onProgress: (progress: CatchUpProgress | null) => void) {
  const db = new CounterStepsDb(name);
  return {
    db,
    // Small slices, so that appends land between them.
    run: new ReviewCatchUp(db, new EventLog(db), onProgress, { sliceRecords: 9, paceMs: 1 }),
  };
}

describe('the review caught up behind the clerk', () => {
  it('counts every record appended during the catch-up exactly once', async () => {
    const { device } = await generatedDevice(11, 14);
    await olderReview(device);
    const seen: CatchUpProgress[] = [];
    const { db, run } = catchUp(device.name, (progress) => progress && seen.push(progress));
    // The clerk goes on serving while the review catches up.
    const [, added] = await Promise.all([run.run(), moreServices(device, 5, 6, 500)]);
    db.close();
    // Appends after the catch-up ended are taken in by the appends themselves.
    await moreServices(device, 6, 2, 600);
    const head = device.store.snapshot.state.head.seq;
    const got = await tables(device.name);
    const want = await fromScratch(device.name);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.some((progress) => progress.head > seen[0]!.head)).toBe(true);
    expect(got.state).toEqual({ device: OWN_LOG, appliedSeq: head, version: REVIEW_VERSION });
    expect(got.services).toEqual(want.services);
    expect(got.rollups).toEqual(want.rollups);
    for (const id of added) {
      expect(got.services.filter((row) => row.serviceId === id).length).toBeLessThanOrEqual(1);
    }
    const finished = got.rollups.reduce((sum, rollup) => sum + rollup.services, 0);
    expect(finished).toBe(got.services.length);
  }, 60_000);

  it('resumes where a catch-up stopped half-way, and ends as a rebuild from scratch', async () => {
    const { device } = await generatedDevice(12, 16);
    await olderReview(device);
    let slices = 0;
    const first = catchUp(device.name, () => {
      slices += 1;
      // The page goes away after a few slices.
      if (slices === 4) first.run.stop();
    });
    await first.run.run();
    first.db.close();
    const half = await tables(device.name);
    const head = device.store.snapshot.state.head.seq;
    expect(half.state?.version).toBe(REVIEW_VERSION);
    expect(half.state!.appliedSeq).toBeGreaterThan(0);
    expect(half.state!.appliedSeq).toBeLessThan(head);
    // A record arrives while nothing catches up: the append leaves it for the catch-up.
    await moreServices(device, 7, 1, 700);
    const resumed: CatchUpProgress[] = [];
    const second = catchUp(device.name, (progress) => progress && resumed.push(progress));
    await second.run.run();
    second.db.close();
    // Taken up where it stood, not from the first record.
    expect(resumed[0]!.applied).toBeGreaterThan(half.state!.appliedSeq);
    const got = await tables(device.name);
    const want = await fromScratch(device.name);
    expect(got.services).toEqual(want.services);
    expect(got.rollups).toEqual(want.rollups);
    expect(got.state?.appliedSeq).toBe(device.store.snapshot.state.head.seq);
  }, 60_000);

  it('lets the store open at once and says how far the review has come', async () => {
    const { device } = await generatedDevice(13, 12);
    await olderReview(device);
    device.store.close();
    const { openStore } = await import('../../../../renderer/storage');
    const store = await openStore({ name: device.name, pinIterations: 1_000 });
    // Open, the review not yet caught up: the counter is usable meanwhile.
    expect(store.snapshot.reviewCatchUp).not.toBeNull();
    await store.reviewCaughtUp();
    expect(store.snapshot.reviewCatchUp).toBeNull();
    store.close();
    const got = await tables(device.name);
    const want = await fromScratch(device.name);
    expect(got.services).toEqual(want.services);
    expect(got.rollups).toEqual(want.rollups);
  }, 60_000);
});
