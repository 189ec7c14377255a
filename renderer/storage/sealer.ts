/**
 * Turns planned records into stored ones: stamps them (device, counter, time, monotonic offset, a
 * fresh id), links and hashes them after a head, and makes signed checkpoints with the key in
 * force (from key-store.ts) naming a freshly made next key — both as the domain's sealing.ts
 * does, with this device's clock, ids and keys. Nothing here writes: the store appends what this
 * returns in one transaction.
 */
import type { PlannedRecord } from '../../core/domain/device/commands';
import type { DeviceState } from '../../core/domain/device/state';
import type { CheckpointReason } from '../../core/domain/log/checkpoints';
import type { MonoStamp } from '../../core/domain/log/clock';
import type { DomainEvent } from '../../core/domain/log/events';
import { sealPlanned, signCheckpoint, type Sealed } from '../../core/domain/log/sealing';
import type { SigningKeyPair } from '../../core/domain/log/signing';
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
  ): Promise<Sealed> {
    const sealed = await sealPlanned(state, planned, { now, mono, newId: this.newId });
    if (!sealed.ok) throw new StorageError('log-unreadable');
    return sealed.value;
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
    const made = await signCheckpoint(state, reason, (index) =>
      index === 0 && firstKey ? firstKey : this.keys.key(index),
    );
    if (made === null || made === 'key-missing') return made;
    return { event: made.event, nextKey: keyRow(made.nextIndex, made.nextKey) };
  }
}
