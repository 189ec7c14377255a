/**
 * The hub takes a restored tablet's new keys only once a hub manager approved the restore with a
 * one-time restore code (on both databases): without one, a forged restore written into the log
 * by someone holding its identity record is refused, and so is the real tablet; a code is taken
 * once, for its own device, before it expires, and never an enrolment code; once approved, a
 * tablet restored far behind the hub's copy (more than one push of 500 records) catches up.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../core/domain/device/config';
import { pushPayload } from '../../core/domain/hub/protocol';
import { hashOf } from '../../core/domain/log/records';
import { generateSigningKey, sign } from '../../core/domain/log/signing';
import { MANAGER, fullService, testDevice, type TestDevice } from '../unit/helpers/builders';
import { dayWithServices, exportDay } from '../unit/helpers/exports';
import { DB_KINDS, counts, enrolCode, stopPgServers, testHub, type TestHub } from './helpers';

afterAll(() => stopPgServers());

const DAY_MS = 24 * 3_600_000;
const refused = (error: string) => ({ ok: false, error: { kind: 'refused', error: { error } } });

describe.each(DB_KINDS)(
  'restores approved by a hub manager on %s',
  { timeout: 120_000 },
  (kind) => {
    let test: TestHub;
    let clock = Date.now();
    let restored: TestDevice;
    let deviceId = '';
    /** The hub's head when the tablet was restored; the backup goes far beyond it. */
    let hubBefore = 0;

    const head = (device: TestDevice) => device.store.snapshot.state.head;
    const restoreCode = async (device = deviceId) => {
      const made = await test.hub.service.restoreCode(test.manager, device);
      if (!made.ok) throw new Error(made.error);
      return made.value.code;
    };

    beforeAll(async () => {
      test = await testHub(kind, () => clock);
      const original = await dayWithServices();
      const enrolled = await original.store.hub.enrol(test.transport, await enrolCode(test));
      if (!enrolled.ok) throw new Error('enrolment refused');
      deviceId = enrolled.value.device;
      expect((await original.store.hub.push(test.transport)).ok).toBe(true);
      hubBefore = head(original).seq;
      // A busy day after the last push: over 500 records the hub does not hold, then the backup.
      for (let ticket = 100; head(original).seq - hubBefore <= 560; ticket += 1)
        await fullService(original, `B${ticket}`, `B${ticket + 1}`);
      const day = businessDay(original.clock.now, original.store.snapshot.state.config);
      const { zip } = await exportDay(original, day);
      restored = await testDevice();
      const done = await restored.store.archive.restoreBackup(zip, {
        staffNo: MANAGER.staffNo,
        pin: '802468',
        confirmation: '802468',
      });
      if (!done.ok) throw new Error('restore refused');
    }, 600_000);
    afterAll(async () => test?.close());

    it('refuses the restored tablet’s pushes until its restore is approved', async () => {
      expect(await restored.store.hub.push(test.transport)).toMatchObject(
        refused('restore-not-approved'),
      );
      expect((await counts(test.db, deviceId)).head).toBe(hubBefore);
    });

    it('refuses an enrolment code, another device’s restore code, an expired one', async () => {
      expect(
        await restored.store.hub.approveRestore(test.transport, await enrolCode(test)),
      ).toEqual(refused('bad-code'));
      const other = await dayWithServices();
      const otherEnrolled = await other.store.hub.enrol(test.transport, await enrolCode(test));
      if (!otherEnrolled.ok) throw new Error('enrolment refused');
      const theirs = await restoreCode(otherEnrolled.value.device);
      expect(await restored.store.hub.approveRestore(test.transport, theirs)).toMatchObject(
        refused('bad-code'),
      );
      const late = await restoreCode();
      clock += DAY_MS + 60_000;
      expect(await restored.store.hub.approveRestore(test.transport, late)).toEqual(
        refused('bad-code'),
      );
      clock -= DAY_MS + 60_000;
      expect(await restored.store.hub.approveRestore(test.transport, 'not a code')).toEqual(
        refused('bad-code'),
      );
      // Nobody but a manager makes one, and only for a device the hub has.
      expect(await test.hub.service.restoreCode(test.manager, randomUUID())).toEqual({
        ok: false,
        error: 'unknown-device',
      });
      const [approvals] = await test.db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM restore_approvals',
      );
      expect(approvals?.count).toBe(0);
      expect(await restored.store.hub.push(test.transport)).toMatchObject(
        refused('restore-not-approved'),
      );
    });

    it('approves with a fresh code; the tablet far behind then catches up, 500 records a push', async () => {
      const code = await restoreCode();
      expect(await restored.store.hub.approveRestore(test.transport, code)).toEqual({
        ok: true,
        value: { device: deviceId, approved: 1 },
      });
      const rows = await restored.rows();
      const restore = rows.find(
        (row) => (row.event as { type: string }).type === 'device-restored',
      )!;
      // The restore record is more than one push past the hub's copy.
      expect(Number(restore.seq) - hubBefore).toBeGreaterThan(500);
      const pushed = await restored.store.hub.push(test.transport);
      expect(pushed).toMatchObject({
        ok: true,
        value: { head: { seq: head(restored).seq, hash: head(restored).hash } },
      });
      expect(pushed.ok && pushed.value.pushed).toBe(head(restored).seq - hubBefore);
      expect(await counts(test.db, deviceId)).toEqual({
        records: head(restored).seq,
        head: head(restored).seq,
      });
      // The used code approves nothing more: a second restore, claimed with it, is refused.
      const forger = await generateSigningKey();
      const claimed: Record<string, unknown> = {
        ...restore,
        seq: head(restored).seq + 1,
        prevHash: head(restored).hash,
        event: { ...(restore.event as object), publicKey: forger.publicKey },
      };
      claimed.hash = await hashOf(claimed);
      const request = (await restored.store.hub.pushRequest(rows.slice(-1)))!;
      const answer = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/restore',
        payload: {
          code,
          device: deviceId,
          keyRecords: [...request.keyRecords, claimed],
          signature: request.signature,
        },
      });
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toEqual({ error: 'bad-code' });
    });

    it('refuses a forged restore written into the log by someone holding its identity record', async () => {
      const before = await counts(test.db, deviceId);
      const [held] = await test.db.query<{ hash: string }>(
        'SELECT head_hash AS hash FROM devices WHERE id = $1',
        [deviceId],
      );
      const rows = await restored.rows();
      const restore = rows.find(
        (row) => (row.event as { type: string }).type === 'device-restored',
      )!;
      const forger = await generateSigningKey();
      const forged: Record<string, unknown> = {
        ...restore,
        seq: before.head + 1,
        prevHash: held!.hash,
        event: {
          ...(restore.event as object),
          deviceId: randomUUID(),
          publicKey: forger.publicKey,
          algorithm: forger.algorithm,
        },
      };
      forged.hash = await hashOf(forged);
      const keyRecords = (await restored.store.hub.pushRequest(rows.slice(-1)))!.keyRecords;
      const payload = pushPayload({
        device: deviceId,
        keyIndex: 0,
        first: { seq: before.head + 1, prevHash: held!.hash },
        last: { seq: before.head + 1, hash: String(forged.hash) },
        count: 1,
      });
      const answer = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/push',
        payload: {
          device: deviceId,
          rows: [forged],
          keyRecords: [...keyRecords, forged],
          signature: { keyIndex: 0, value: await sign(forger, payload) },
        },
      });
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'restore-not-approved', seq: before.head + 1 });
      expect(await counts(test.db, deviceId)).toEqual(before);
      // The real tablet goes on.
      await fullService(restored, 'E001', 'E002');
      expect(await restored.store.hub.push(test.transport)).toMatchObject({ ok: true });
      expect((await counts(test.db, deviceId)).head).toBe(head(restored).seq);
    });
  },
);
