/**
 * A tablet restored from a backup pushes on to the hub as the same device (on both databases):
 * the log keeps its first device id, and the hub walks its key chain through the restore to the new
 * tablet's keys. The old tablet, going on after the backup, is a fork and refused; a stranger
 * signing for the log with its own keys is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../core/domain/device/config';
import { pushPayload } from '../../core/domain/hub/protocol';
import { hashOf } from '../../core/domain/log/records';
import { generateSigningKey, sign } from '../../core/domain/log/signing';
import { CLERK, MANAGER, fullService, testDevice, type TestDevice } from '../unit/helpers/builders';
import { dayWithServices, exportDay } from '../unit/helpers/exports';
import { DB_KINDS, counts, enrolCode, stopPgServers, testHub, type TestHub } from './helpers';

afterAll(() => stopPgServers());

describe.each(DB_KINDS)(
  'a restored tablet pushing to the hub on %s',
  { timeout: 60_000 },
  (kind) => {
    let test: TestHub;
    let original: TestDevice;
    let restored: TestDevice;
    let deviceId = '';

    beforeAll(async () => {
      test = await testHub(kind);
      original = await dayWithServices();
    }, 180_000);
    afterAll(async () => test?.close());

    const head = (device: TestDevice) => device.store.snapshot.state.head;

    it('takes the original tablet’s log, then the restored tablet’s as the same device', async () => {
      const enrolled = await original.store.hub.enrol(test.transport, await enrolCode(test));
      expect(enrolled.ok).toBe(true);
      if (!enrolled.ok) return;
      deviceId = enrolled.value.device;
      expect((await original.store.hub.push(test.transport)).ok).toBe(true);
      const pushedBefore = head(original).seq;

      // The backup: an export from the log's first day; the tablet pushes what the export added.
      const day = businessDay(original.clock.now, original.store.snapshot.state.config);
      const { zip } = await exportDay(original, day);
      expect((await original.store.hub.push(test.transport)).ok).toBe(true);
      expect(head(original).seq).toBeGreaterThan(pushedBefore);

      restored = await testDevice();
      const done = await restored.store.archive.restoreBackup(zip, {
        staffNo: MANAGER.staffNo,
        pin: '802468',
        confirmation: '802468',
      });
      expect(done).toMatchObject({ ok: true });
      const identity = restored.store.snapshot.state.identity!;
      expect(identity.deviceId).not.toBe(deviceId);
      await fullService(restored, 'E001', 'E002');

      // Refused until a hub manager approves the restore, then taken.
      const before = await counts(test.db, deviceId);
      expect(await restored.store.hub.push(test.transport)).toMatchObject({
        ok: false,
        error: { kind: 'refused', error: { error: 'restore-not-approved' } },
      });
      expect(await counts(test.db, deviceId)).toEqual(before);
      const code = await test.hub.service.restoreCode(test.manager, deviceId);
      if (!code.ok) throw new Error(code.error);
      expect(await restored.store.hub.approveRestore(test.transport, code.value.code)).toEqual({
        ok: true,
        value: { device: deviceId, approved: 1 },
      });
      const pushed = await restored.store.hub.push(test.transport);
      expect(pushed).toMatchObject({
        ok: true,
        value: { head: { seq: head(restored).seq, hash: head(restored).hash } },
      });
      expect(pushed.ok && pushed.value.pushed).toBe(head(restored).seq - head(original).seq);
      expect(await counts(test.db, deviceId)).toEqual({
        records: head(restored).seq,
        head: head(restored).seq,
      });
      const devices = await test.hub.service.devices();
      expect(devices.map((device) => device.id)).toEqual([deviceId]);
      const [restoredType] = await test.db.query<{ type: string }>(
        "SELECT type FROM records WHERE device = $1 AND type = 'device-restored'",
        [deviceId],
      );
      expect(restoredType?.type).toBe('device-restored');
      // The restored tablet's service is in the store's review, under the log's device.
      const [services] = await test.db.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM services WHERE device = $1 AND data ->> 'ticket' = 'E001'",
        [deviceId],
      );
      expect(services?.count).toBe(1);

      // It pushes on: the next service, under its new keys (after a fresh checkpoint too).
      await fullService(restored, 'E002', 'E003');
      await restored.must({ type: 'seal-for-export' });
      expect(await restored.store.hub.push(test.transport)).toMatchObject({ ok: true });
      expect((await counts(test.db, deviceId)).head).toBe(head(restored).seq);
      expect(await test.hub.service.alerts()).toEqual([]);
    });

    it('refuses the old tablet going on after the backup as a fork, and raises it', async () => {
      const before = await counts(test.db, deviceId);
      const backedUp = head(original).seq;
      await original.must({ type: 'lock', reason: 'manual' });
      await original.must({ type: 'sign-in', ...CLERK });
      await fullService(original, 'A100', 'A101');
      // Its client sees that the hub's head is not its own record: a fork, nothing sent.
      expect(await original.store.hub.push(test.transport)).toMatchObject({
        ok: false,
        error: { kind: 'forked' },
      });
      // Sent anyway, its records after the backup: the hub holds other records at those numbers.
      const rows = await original.rows();
      const request = (await original.store.hub.pushRequest(rows.slice(backedUp)))!;
      expect(request.rows[0]!.seq).toBe(backedUp + 1);
      const answer = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/push',
        payload: request,
      });
      expect(answer.statusCode).toBe(409);
      expect(answer.json()).toMatchObject({ error: 'fork', seq: backedUp + 1 });
      expect(await counts(test.db, deviceId)).toEqual(before);
      expect((await test.hub.service.alerts()).map((alert) => alert.kind)).toEqual(['fork']);
    });

    it('refuses a stranger signing for the restored log with its own keys', async () => {
      const before = await counts(test.db, deviceId);
      const stranger = await dayWithServices();
      const theirs = await stranger.rows();
      const request = (await stranger.store.hub.pushRequest(theirs.slice(0, 5)))!;
      const answer = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/push',
        payload: { ...request, device: deviceId },
      });
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'bad-signature' });
      // The restored tablet's own key records with a stranger's signature: refused too.
      const mine = await restored.rows();
      const own = (await restored.store.hub.pushRequest(mine.slice(-3)))!;
      const forged = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/push',
        payload: { ...own, signature: { ...own.signature, value: request.signature.value } },
      });
      expect(forged.statusCode).toBe(403);
      expect(await counts(test.db, deviceId)).toEqual(before);
    });

    it('refuses a restore claimed in the key records that no manager approved, signed by its own key', async () => {
      const before = await counts(test.db, deviceId);
      await fullService(restored, 'E003', 'E004');
      const rows = await restored.rows();
      const fresh = rows.filter((row) => Number(row.seq) > before.head);
      const own = (await restored.store.hub.pushRequest(fresh))!;
      const forger = await generateSigningKey();
      const claimed: Record<string, unknown> = {
        ...own.keyRecords.find((row) => (row.event as { type: string }).type === 'device-restored'),
      };
      claimed.seq = 999_999;
      claimed.event = {
        ...(claimed.event as object),
        publicKey: forger.publicKey,
        algorithm: forger.algorithm,
      };
      claimed.hash = await hashOf(claimed);
      const payload = pushPayload({
        device: deviceId,
        keyIndex: 0,
        first: { seq: Number(fresh[0]!.seq), prevHash: String(fresh[0]!.prevHash) },
        last: { seq: Number(fresh.at(-1)!.seq), hash: String(fresh.at(-1)!.hash) },
        count: fresh.length,
      });
      const answer = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/push',
        payload: {
          ...own,
          keyRecords: [own.keyRecords[0]!, claimed],
          signature: { keyIndex: 0, value: await sign(forger, payload) },
        },
      });
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'restore-not-approved', seq: 999_999 });
      expect(await counts(test.db, deviceId)).toEqual(before);
      // The same records, signed by the restored tablet itself: taken.
      expect(await restored.store.hub.push(test.transport)).toMatchObject({ ok: true });
      expect((await counts(test.db, deviceId)).head).toBe(head(restored).seq);
    });
  },
);
