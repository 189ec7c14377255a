/**
 * The hub as a witness within seconds (hub/witness.ts), on both databases: a device's signed head
 * reports are kept as witnessed heads; a head behind one of them (or behind the records held) is a
 * rollback, another hash where one was witnessed a fork (as the head, as the report's anchor, or in
 * a pushed log, which is refused), and a screen whose calls grow while its head stands still is
 * stalled. Every alert is kept once, listed in the device's answers and on the hub's pages; a
 * report needs the device's signature. The judgement itself is tested alone first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { witnessPayload, type WitnessAnswer } from '../../core/domain/hub/protocol';
import { hashOf } from '../../core/domain/log/records';
import { sign } from '../../core/domain/log/signing';
import { judgeReport, STALLED_CALLS, type ReportFacts } from '../../hub/witness';
import type { KeyStore } from '../../renderer/storage/key-store';
import { businessDay } from '../../core/domain/device/config';
import { generatedDevice } from '../unit/helpers/review-data';
import { CLERK, MANAGER, fullService, testDevice, type TestDevice } from '../unit/helpers/builders';
import { dayWithServices, exportDay } from '../unit/helpers/exports';
import { DB_KINDS, counts, enrolCode, form, stopPgServers, testHub, type TestHub } from './helpers';

afterAll(() => stopPgServers());

const H = (n: number) => n.toString(16).padStart(64, '0');
const SCREEN = '11111111-1111-4111-8111-111111111111';

describe('judging a head report', () => {
  const facts = (patch: Partial<ReportFacts>): ReportFacts => ({
    report: { head: { seq: 10, hash: H(10) }, anchor: null, calls: 0, screen: SCREEN },
    newest: { seq: 8, hash: H(8) },
    held: { seq: 5 },
    atHead: null,
    atAnchor: null,
    screen: null,
    ...patch,
  });

  it('keeps a head that continues what it heard of', () => {
    expect(judgeReport(facts({}))).toEqual([]);
    expect(judgeReport(facts({ atHead: H(10) }))).toEqual([]);
  });

  it('calls a head behind a witnessed head, or behind the records held, a rollback', () => {
    const behind = { head: { seq: 7, hash: H(7) }, anchor: null, calls: 0, screen: SCREEN };
    expect(judgeReport(facts({ report: behind }))).toMatchObject([{ kind: 'rollback', seq: 8 }]);
    expect(judgeReport(facts({ report: behind, held: { seq: 9 } }))).toMatchObject([
      { kind: 'rollback', seq: 9 },
    ]);
  });

  it('calls another hash where one was witnessed or held a fork, at the head or the anchor', () => {
    expect(judgeReport(facts({ atHead: H(99) }))).toMatchObject([{ kind: 'fork', seq: 10 }]);
    const anchored = {
      head: { seq: 10, hash: H(10) },
      anchor: { seq: 8, hash: H(98) },
      calls: 0,
      screen: SCREEN,
    };
    expect(judgeReport(facts({ report: anchored, atAnchor: H(8) }))).toMatchObject([
      { kind: 'fork', seq: 8, heldHash: H(8), pushedHash: H(98) },
    ]);
    expect(
      judgeReport(
        facts({ report: { ...anchored, anchor: { seq: 8, hash: H(8) } }, atAnchor: H(8) }),
      ),
    ).toEqual([]);
  });

  it('calls a screen that called tickets while its head stood still stalled', () => {
    const seen = { screen: SCREEN, calls: 3, headSeq: 10 };
    const at = (calls: number, screen = SCREEN) =>
      judgeReport(
        facts({
          report: { head: { seq: 10, hash: H(10) }, anchor: null, calls, screen },
          screen: seen,
        }),
      );
    expect(at(3 + STALLED_CALLS - 1)).toEqual([]);
    expect(at(3 + STALLED_CALLS)).toMatchObject([{ kind: 'stalled', seq: 10 }]);
    // Another screen (a reload) starts its own count.
    expect(at(9, '22222222-2222-4222-8222-222222222222')).toEqual([]);
  });
});

describe.each(DB_KINDS)('the hub as a witness on %s', { timeout: 60_000 }, (kind) => {
  let test: TestHub;
  let device: TestDevice;
  let deviceId: string;
  let rows: (Record<string, unknown> & { seq: number; hash: string })[];
  /** The device's head, and the last checkpoint before it (the key in force signed it). */
  let head: number;

  beforeAll(async () => {
    test = await testHub(kind);
    device = (await generatedDevice(21, 14)).device;
    const enrolled = await device.store.hub.enrol(test.transport, await enrolCode(test));
    if (!enrolled.ok) throw new Error('not enrolled');
    deviceId = enrolled.value.device;
    rows = (await device.rows()) as typeof rows;
    head = rows.length;
    const lastCheckpoint = rows.findLast(
      (row) => (row.event as { type: string }).type === 'checkpoint',
    );
    expect(head - (lastCheckpoint?.seq ?? 0)).toBeGreaterThan(12);
  }, 180_000);
  afterAll(async () => test?.close());

  const at = (seq: number) => ({ seq, hash: rows[seq - 1]!.hash });

  /** A head report signed with the device's key in force, saying what the test wants. */
  async function report(
    reported: { seq: number; hash: string },
    anchor: { seq: number; hash: string | null } | null,
    calls = 0,
    screen = SCREEN,
  ) {
    const state = (device.store as unknown as { current: { state: { keys: { index: number } } } })
      .current.state;
    const keys = (device.store as unknown as { keys: KeyStore }).keys;
    const keyIndex = state.keys.index;
    const key = (await keys.key(keyIndex))!;
    const keyRecords = rows.filter((row) =>
      ['device-identity', 'device-restored', 'checkpoint'].includes(
        (row.event as { type: string }).type,
      ),
    );
    const body = { device: deviceId, head: reported, anchor, calls, screen };
    const response = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/witness',
      payload: {
        ...body,
        keyRecords,
        signature: { keyIndex, value: await sign(key, witnessPayload({ ...body, keyIndex })) },
      },
    });
    return { status: response.statusCode, body: response.json() as WitnessAnswer };
  }

  it('keeps each head a device reports, and answers with the newest and no alert', async () => {
    expect(await report(at(head - 10), null)).toEqual({
      status: 200,
      body: { witnessed: at(head - 10), alerts: [] },
    });
    expect(await report(at(head - 5), at(head - 10))).toEqual({
      status: 200,
      body: { witnessed: at(head - 5), alerts: [] },
    });
    expect(await test.hub.service.alerts()).toEqual([]);
  });

  it('refuses a report whose signature does not cover what it says, keeping nothing', async () => {
    const good = await report(at(head - 4), at(head - 5));
    expect(good.status).toBe(200);
    const response = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/witness',
      payload: {
        device: deviceId,
        head: at(head - 3),
        anchor: null,
        calls: 0,
        screen: SCREEN,
        keyRecords: [],
        signature: { keyIndex: 0, value: 'A'.repeat(86) },
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'bad-signature' });
    const [row] = await test.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM witnessed_heads WHERE device = $1',
      [deviceId],
    );
    expect(row!.n).toBe(3);
  });

  it('refuses a pushed log that rewrote a witnessed head, and raises a fork', async () => {
    const forged = rows.slice(0, head - 2).map((row) => ({ ...row }));
    const target = forged[head - 9]!;
    target.at = new Date(Date.parse(String(target.at)) + 1000).toISOString();
    target.hash = await hashOf(target);
    for (let index = head - 8; index < forged.length; index += 1) {
      forged[index]!.prevHash = forged[index - 1]!.hash;
      forged[index]!.hash = await hashOf(forged[index]);
    }
    const response = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/push',
      payload: (await device.store.hub.pushRequest(forged)) as object,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'fork', seq: head - 5 });
    expect(await counts(test.db, deviceId)).toEqual({ records: 0, head: 0 });
    expect(await test.hub.service.alerts()).toMatchObject([
      { device: deviceId, kind: 'fork', seq: head - 5 },
    ]);
  });

  it('takes the log as written, and lists the device’s alerts in the answer', async () => {
    const response = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/push',
      payload: (await device.store.hub.pushRequest(rows.slice(0, head - 2))) as object,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'stored',
      head: { seq: head - 2 },
      alerts: [{ kind: 'fork', seq: head - 5 }],
    });
  });

  it('raises a rollback for a head behind what it heard of, once', async () => {
    const behind = await report(at(head - 7), null);
    expect(behind.status).toBe(200);
    expect(behind.body.witnessed).toEqual(at(head - 4));
    expect(behind.body.alerts.map((alert) => [alert.kind, alert.seq])).toEqual([
      ['rollback', head - 2],
      ['fork', head - 5],
    ]);
    // The same rollback again is the same alert, not a new one.
    expect((await report(at(head - 6), null)).body.alerts).toHaveLength(2);
  });

  it('raises a fork for an anchor with another hash than the witnessed head', async () => {
    const answer = await report(at(head - 1), { seq: head - 4, hash: at(head - 3).hash });
    expect(answer.body.alerts[0]).toMatchObject({ kind: 'fork', seq: head - 4 });
    expect(answer.body.witnessed).toEqual(at(head - 4));
  });

  it('raises a stall when a screen keeps calling tickets with its head standing still', async () => {
    const screen = '33333333-3333-4333-8333-333333333333';
    expect((await report(at(head), null, 5, screen)).body.witnessed).toEqual(at(head));
    const once = await report(at(head), null, 6, screen);
    expect(once.body.alerts.some((alert) => alert.kind === 'stalled')).toBe(false);
    const twice = await report(at(head), null, 5 + STALLED_CALLS, screen);
    expect(twice.body.alerts[0]).toMatchObject({ kind: 'stalled', seq: head });
  });

  it('the device’s own client reports its head with its anchor, and reads its alerts', async () => {
    const answer = await device.store.hub.reportHead(test.transport, { id: SCREEN, calls: 0 });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.witnessed).toEqual(at(head));
    expect(answer.value.alerts.map((alert) => alert.kind).sort()).toEqual([
      'fork',
      'fork',
      'rollback',
      'stalled',
    ]);
  });

  it('shows the alerts on the devices page and the chain dashboard', async () => {
    const login = await form(test.hub.app, {
      url: '/login',
      payload: { staffNo: '8001', pin: '246813' },
    });
    const cookie = login.cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
    for (const url of ['/devices?lang=en', '/?lang=en']) {
      const page = await test.hub.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/data-alert="rollback"\s+data-device="[-0-9a-f]+"/);
      expect(page.body).toContain(`data-device="${deviceId}"`);
      expect(page.body).toContain(
        `the hub had heard of record ${String(head - 2)}, and the device now reports an earlier head`,
      );
      expect(page.body).toContain('data-alert="stalled"');
    }
  });
});

describe.each(DB_KINDS)(
  'a restore approved after the hub heard of later heads, on %s',
  { timeout: 60_000 },
  (kind) => {
    let test: TestHub;
    afterAll(async () => test?.close());

    it('takes the restored tablet’s records, keeping what the old tablet lost as a rollback', async () => {
      test = await testHub(kind);
      const original = await dayWithServices();
      const enrolled = await original.store.hub.enrol(test.transport, await enrolCode(test));
      if (!enrolled.ok) throw new Error('not enrolled');
      const deviceId = enrolled.value.device;
      const day = businessDay(original.clock.now, original.store.snapshot.state.config);
      const { zip } = await exportDay(original, day);
      expect((await original.store.hub.push(test.transport)).ok).toBe(true);
      // The old tablet goes on after the backup; the hub hears of its head, not of its records.
      await original.must({ type: 'lock', reason: 'manual' });
      await original.must({ type: 'sign-in', ...CLERK });
      await fullService(original, 'A100', 'A101');
      const lost = original.store.snapshot.state.head;
      const heard = await original.store.hub.reportHead(test.transport, { id: SCREEN, calls: 0 });
      expect(heard).toMatchObject({ ok: true, value: { witnessed: { seq: lost.seq } } });

      const restored = await testDevice();
      await restored.store.archive.restoreBackup(zip, {
        staffNo: MANAGER.staffNo,
        pin: '802468',
        confirmation: '802468',
      });
      await fullService(restored, 'E001', 'E002');
      // Before a hub manager approves the restore, its reports are refused like its pushes.
      expect(
        await restored.store.hub.reportHead(test.transport, { id: SCREEN, calls: 0 }),
      ).toMatchObject({ ok: false, error: { error: { error: 'restore-not-approved' } } });
      const code = await test.hub.service.restoreCode(test.manager, deviceId);
      if (!code.ok) throw new Error(code.error);
      expect((await restored.store.hub.approveRestore(test.transport, code.value.code)).ok).toBe(
        true,
      );
      const pushed = await restored.store.hub.push(test.transport);
      expect(pushed).toMatchObject({
        ok: true,
        value: { alerts: [{ kind: 'rollback', seq: lost.seq }] },
      });
      const report = await restored.store.hub.reportHead(test.transport, { id: SCREEN, calls: 0 });
      expect(report).toMatchObject({
        ok: true,
        value: { witnessed: { seq: restored.store.snapshot.state.head.seq } },
      });
      expect((await test.hub.service.alerts()).map((alert) => alert.kind)).toEqual(['rollback']);
    });
  },
);
