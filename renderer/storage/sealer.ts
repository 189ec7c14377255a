/**
 * Turns planned records into stored ones: stamps them (device, counter, time, monotonic offset, a
 * fresh id), links and hashes them after a head, and makes signed checkpoints with the key in
 * force (from key-store.ts) naming a freshly made next key. Nothing here writes: the store
 * appends what this returns in one transaction.
 */
import type { PlannedRecord } from '../domain/device/commands';
import type { DeviceState } from '../domain/device/state';
import { makeCheckpoint, type CheckpointReason } from '../domain/log/checkpoints';
import type { MonoStamp } from '../domain/log/clock';
import type { DomainEvent } from '../domain/log/events';
import { sealRecord, type StoredRecord } from '../domain/log/records';
import { generateSigningKey, type SigningKeyPair } from '../domain/log/signing';
import type { KeyRow } from './db';
import type { Clock } from './clock';
import { StorageError } from './errors';
import { keyRow, type KeyStore } from './key-store';

export class Sealer {
  constructor(
    private readonly keys: KeyStore,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async seal(
    state: DeviceState,
    planned: readonly PlannedRecord[],
    now: number,
    /** The monotonic clock read together with `now`; read here when not given. */
    mono: MonoStamp = { boot: this.clock.boot, ms: Math.max(0, Math.round(this.clock.mono())) },
  ): Promise<StoredRecord[]> {
    const at = new Date(now).toISOString();
    let device = state.identity?.deviceId ?? null;
    let counter = state.counter;
    let prevHash = state.head.hash;
    const sealed: StoredRecord[] = [];
    for (const [offset, { staffNo, serviceId, event }] of planned.entries()) {
      if (event.type === 'device-identity' || event.type === 'device-restored')
        device = event.deviceId;
      if (event.type === 'device-set-up') counter = event.counter;
      if (device === null) throw new StorageError('log-unreadable');
      const record = await sealRecord({
        v: 2,
        seq: state.head.seq + 1 + offset,
        id: this.newId(),
        at,
        mono,
        device,
        staffNo,
        counter,
        serviceId,
        event,
        prevHash,
      });
      sealed.push(record);
      prevHash = record.hash;
    }
    return sealed;
  }

  /**
   * A checkpoint over `state`'s head, signed with the key in force, naming a freshly made next
   * key; null when the log has no key chain yet, 'key-missing' when the key in force is gone.
   */
  async checkpoint(
    state: DeviceState,
    reason: CheckpointReason,
    firstKey: SigningKeyPair | undefined,
  ): Promise<{ event: DomainEvent; nextKey: KeyRow } | null | 'key-missing'> {
    if (!state.keys || !state.identity) return null;
    const index = state.keys.index;
    const signer = index === 0 && firstKey ? firstKey : await this.keys.key(index);
    if (!signer) return 'key-missing';
    const next = await generateSigningKey(signer.algorithm);
    const event = await makeCheckpoint({
      device: state.identity.deviceId,
      head: state.head,
      reason,
      keyIndex: index,
      key: signer,
      nextKey: next.publicKey,
    });
    return { event, nextKey: keyRow(index + 1, next) };
  }
}
