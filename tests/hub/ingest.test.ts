/**
 * The hub's ingestion against both databases it runs on (PGlite, embedded; a real PostgreSQL
 * server on loopback): enrolment, push, replay, gap, fork, wrong signature, unenrolled device,
 * malformed and oversized bodies — each refusal with its code and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../core/domain/log/canonical';
import { hashOf } from '../../core/domain/log/records';
import { figures } from '../../core/domain/review/figures';
import { generatedDevice } from '../unit/helpers/review-data';
import type { TestDevice } from '../unit/helpers/builders';
import { DB_KINDS, counts, enrolCode, stopPgServers, testHub, type TestHub } from './helpers';

afterAll(() => stopPgServers());

// Generous limits: these run real databases and the verifier on a shared 2-core machine.
describe.each(DB_KINDS)('hub ingestion on %s', { timeout: 60_000 }, (kind) => {
  let test: TestHub;
  let device: TestDevice;
  let deviceId: string;

  beforeAll(async () => {
    test = await testHub(kind);
    device = (await generatedDevice(14, 30)).device;
  }, 180_000);
  afterAll(async () => test?.close());

  const post = (url: string, payload: unknown) =>
    test.hub.app.inject({ method: 'POST', url, payload: payload as object });

  it('enrols a device with a one-time code, once', async () => {
    const bad = await device.store.hub.enrol(test.transport, 'AAAA-BBBB-CCCC-DDDD');
    expect(bad).toMatchObject({
      ok: false,
      error: { kind: 'refused', error: { error: 'bad-code' } },
    });
    const code = await enrolCode(test);
    const enrolled = await device.store.hub.enrol(test.transport, code);
    expect(enrolled.ok).toBe(true);
    if (!enrolled.ok) return;
    deviceId = enrolled.value.device;
    expect(enrolled.value.store).toEqual({ id: 'S001', name: 'Store 1' });
    expect(enrolled.value.head.seq).toBe(0);
    const again = await device.store.hub.enrol(test.transport, code);
    expect(again).toMatchObject({ ok: false, error: { error: { error: 'bad-code' } } });
  });

  it('refuses pushes from a device that is not enrolled, storing nothing', async () => {
    const stranger = (await generatedDevice(3, 1)).device;
    const rows = await stranger.rows();
    const request = await stranger.store.hub.pushRequest(rows.slice(0, 10));
    const response = await post('/api/v1/push', request);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: 'not-enrolled' });
    expect((await counts(test.db, request!.device)).records).toBe(0);
  });

  it('takes the first records, and the same batch again is a no-op', async () => {
    const rows = await device.rows();
    const request = await device.store.hub.pushRequest(rows.slice(0, 40));
    const first = await post('/api/v1/push', request);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'stored', added: 40, head: { seq: 40 } });
    const replay = await post('/api/v1/push', request);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ status: 'duplicate', added: 0, head: { seq: 40 } });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('asks again for a gap, storing nothing', async () => {
    const rows = await device.rows();
    const request = await device.store.hub.pushRequest(rows.slice(45, 60));
    const response = await post('/api/v1/push', request);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'gap', expected: 41 });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('refuses a wrong signature, storing nothing', async () => {
    const rows = await device.rows();
    const request = (await device.store.hub.pushRequest(rows.slice(40, 60)))!;
    const other = (await device.store.hub.pushRequest(rows.slice(40, 61)))!;
    const response = await post('/api/v1/push', { ...request, signature: other.signature });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'bad-signature' });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('refuses a fork (a held record pushed with another hash) and raises it as tampering', async () => {
    const rows = await device.rows();
    const forged = rows.slice(30, 45).map((row) => ({ ...row }));
    const target = forged[5]!;
    target.at = new Date(Date.parse(String(target.at)) + 1000).toISOString();
    target.hash = await hashOf(target);
    for (let index = 6; index < forged.length; index += 1) {
      forged[index]!.prevHash = forged[index - 1]!.hash;
      forged[index]!.hash = await hashOf(forged[index]);
    }
    const request = await device.store.hub.pushRequest(forged);
    const response = await post('/api/v1/push', request);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'fork', seq: 36 });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
    const alerts = await test.hub.service.alerts();
    expect(alerts).toMatchObject([{ device: deviceId, kind: 'fork', seq: 36 }]);
  });

  it('refuses records that do not verify (a rewritten record after the head), storing nothing', async () => {
    const rows = await device.rows();
    const batch = rows.slice(40, 50).map((row) => ({ ...row }));
    batch[3] = { ...batch[3], staffNo: '4242' };
    const request = await device.store.hub.pushRequest(batch);
    const response = await post('/api/v1/push', request);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: 'not-intact',
      seq: 44,
      problem: { kind: 'hash-mismatch', seq: 44 },
    });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('refuses a record dated back past the clock tolerance (a backdated record), storing nothing', async () => {
    const rows = await device.rows();
    const batch = rows.slice(40, 50).map((row) => structuredClone(row));
    batch[0]!.at = new Date(Date.parse(rows[39]!.at as string) - 26 * 3_600_000).toISOString();
    for (const [index, row] of batch.entries()) {
      if (index > 0) row.prevHash = batch[index - 1]!.hash;
      row.hash = await hashOf(row);
    }
    const response = await post('/api/v1/push', await device.store.hub.pushRequest(batch));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: 'not-intact',
      seq: 41,
      detail: 'rule clock-went-back',
      problem: { kind: 'rule', seq: 41, rule: 'clock-went-back' },
    });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('refuses a malformed body with its reason, storing nothing', async () => {
    const missing = await post('/api/v1/push', { device: deviceId, rows: [] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'malformed' });
    const notJson = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/push',
      headers: { 'content-type': 'application/json' },
      payload: '{"device":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: 'malformed' });
    const rows = await device.rows();
    const unordered = (await device.store.hub.pushRequest([rows[41]!, rows[40]!]))!;
    const response = await post('/api/v1/push', unordered);
    expect(response.statusCode).toBe(400);
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('refuses an oversized body unread', async () => {
    const response = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/push',
      headers: { 'content-type': 'application/json' },
      payload: canonicalize({ device: deviceId, rows: [{ pad: 'x'.repeat(5 * 1024 * 1024) }] }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: 'too-large' });
    expect(await counts(test.db, deviceId)).toEqual({ records: 40, head: 40 });
  });

  it('catches up resumably, with progress, and then holds the same figures as the device', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const stopped = await device.store.hub.push(test.transport, {
      batch: 100,
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress.fraction);
        if (progress.hubSeq >= 240) controller.abort();
      },
    });
    expect(stopped).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    const partway = await counts(test.db, deviceId);
    expect(partway.head).toBe(240);
    const resumed = await device.store.hub.push(test.transport, {
      batch: 100,
      onProgress: (progress) => seen.push(progress.fraction),
    });
    expect(resumed.ok).toBe(true);
    const head = device.store.snapshot.state.head.seq;
    expect(await counts(test.db, deviceId)).toEqual({ records: head, head });
    expect(seen.at(-1)).toBe(1);

    const mine = figures(await device.store.review.rollups('2000-01-01', '2999-12-31'));
    const hubs = figures(await test.hub.service.rollups('2000-01-01', '2999-12-31', 'S001'));
    expect(hubs.total).toEqual(mine.total);
    expect(hubs.byClerk).toEqual(mine.byClerk);
    expect(hubs.byDay).toEqual(mine.byDay);
    expect(hubs.total.services).toBe(30);

    const again = await device.store.hub.push(test.transport);
    expect(again).toMatchObject({ ok: true, value: { pushed: 0 } });
  });

  it('rebuilds a device’s review written by older code: at start, and before its next push', async () => {
    const period = ['2000-01-01', '2999-12-31', 'S001'] as const;
    const before = figures(await test.hub.service.rollups(...period));
    expect(before.total.services).toBe(30);
    expect(await test.hub.ingest.refreshReviews()).toBe(0);
    // Rows as an older version of the review's code might have left them.
    const older = async () => {
      await test.db.query('UPDATE devices SET review_version = 1 WHERE id = $1', [deviceId]);
      await test.db.query('DELETE FROM services WHERE device = $1', [deviceId]);
      await test.db.query(
        `UPDATE rollups SET data = jsonb_set(data, '{services}', '0') WHERE device = $1`,
        [deviceId],
      );
      expect(figures(await test.hub.service.rollups(...period)).total.services).toBe(0);
    };
    const serviceRows = async () =>
      (
        await test.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM services WHERE device = $1',
          [deviceId],
        )
      )[0]?.n;

    await older();
    expect(await test.hub.ingest.refreshReviews()).toBe(1);
    expect(figures(await test.hub.service.rollups(...period))).toEqual(before);
    expect(await serviceRows()).toBe(30);

    // The next push finds the rows stale and rebuilds them before it adds its own.
    await older();
    await device.must({ type: 'sign-out' });
    const pushed = await device.store.hub.push(test.transport);
    expect(pushed.ok && pushed.value.pushed).toBeGreaterThan(0);
    expect(figures(await test.hub.service.rollups(...period))).toEqual(before);
    expect(await serviceRows()).toBe(30);
    expect(await counts(test.db, deviceId)).toEqual({
      records: device.store.snapshot.state.head.seq,
      head: device.store.snapshot.state.head.seq,
    });
  });
});
