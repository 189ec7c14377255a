/**
 * Sealing planned records and adding signed checkpoints, with no storage behind it: the records
 * link after the head, the checkpoint stands where its reason says, and the log verifies.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedRecord } from '../../../../core/domain/device/commands';
import { INITIAL_STATE, type DeviceState } from '../../../../core/domain/device/state';
import { checkCheckpoint, type CheckpointReason } from '../../../../core/domain/log/checkpoints';
import { hashOf, type StoredRecord } from '../../../../core/domain/log/records';
import {
  sealCommit,
  sealPlanned,
  signCheckpoint,
  type SealStamp,
} from '../../../../core/domain/log/sealing';
import { generateSigningKey, type SigningKeyPair } from '../../../../core/domain/log/signing';

const T0 = Date.parse('2026-11-23T01:00:00.000Z');
const stamp = (now: number): SealStamp => ({
  now,
  mono: { boot: 'boot-1', ms: now - T0 },
  newId: () => globalThis.crypto.randomUUID(),
});
const device = (event: PlannedRecord['event']): PlannedRecord => ({
  staffNo: null,
  serviceId: null,
  event,
});

describe('sealing', () => {
  it('refuses to seal a record that would name no device', async () => {
    const sealed = await sealPlanned(
      INITIAL_STATE,
      [device({ type: 'device-set-up', counter: '3' })],
      stamp(T0),
    );
    expect(sealed).toEqual({ ok: false, error: 'no-device' });
  });

  it('links the records after the head and puts each checkpoint where its reason says', async () => {
    const keys = new Map<number, SigningKeyPair>([[0, await generateSigningKey()]]);
    const rows: StoredRecord[] = [];
    let state: DeviceState = INITIAL_STATE;
    const commit = async (
      planned: PlannedRecord[],
      now: number,
      due: CheckpointReason | null = null,
    ) => {
      const made = await sealCommit(state, planned, due, {
        seal: async (at, records) => {
          const sealed = await sealPlanned(at, records, stamp(now));
          if (!sealed.ok) throw new Error(sealed.error);
          return sealed.value;
        },
        checkpoint: async (at, reason) => {
          const signed = await signCheckpoint(at, reason, (index) => keys.get(index));
          if (signed === null || signed === 'key-missing') return null;
          keys.set(signed.nextIndex, signed.nextKey);
          return signed.event;
        },
      });
      rows.push(...made.sealed);
      state = made.state;
      return made.sealed.map((record) => record.event.type);
    };

    const first = keys.get(0) as SigningKeyPair;
    expect(
      await commit(
        [
          device({
            type: 'device-identity',
            deviceId: globalThis.crypto.randomUUID(),
            algorithm: first.algorithm,
            publicKey: first.publicKey,
          }),
          device({ type: 'device-set-up', counter: '3' }),
        ],
        T0,
      ),
    ).toEqual(['device-identity', 'device-set-up']);
    expect(rows.map((row) => [row.seq, row.counter])).toEqual([
      [1, null],
      [2, '3'],
    ]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);

    const later = T0 + 60_000;
    expect(
      await commit([device({ type: 'device-set-up', counter: '4' })], later, 'sign-out'),
    ).toEqual(['device-set-up', 'checkpoint']);
    expect(
      await commit([device({ type: 'device-set-up', counter: '5' })], later, 'day-close'),
    ).toEqual(['checkpoint', 'device-set-up']);
    expect(state.keys?.index).toBe(2);
    expect(await signCheckpoint(state, 'every-n', () => undefined)).toBe('key-missing');
    expect(await signCheckpoint(INITIAL_STATE, 'every-n', (index) => keys.get(index))).toBeNull();

    // Each record hashed as stored and linked to the one before; each checkpoint over the head
    // before it, signed with the key in force then.
    let prevHash = INITIAL_STATE.head.hash;
    let chain = { index: 0, current: first.publicKey };
    for (const row of rows) {
      expect(row.prevHash).toBe(prevHash);
      expect(row.hash).toBe(await hashOf(row));
      prevHash = row.hash;
      const { event } = row;
      if (event.type !== 'checkpoint') continue;
      expect(await checkCheckpoint(chain, row.device, { ...row, event })).toBeNull();
      chain = { index: event.keyIndex + 1, current: event.nextKey };
    }
  });
});
