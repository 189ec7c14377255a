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
import type { StoredRecord } from '../../core/domain/log/records';
import { sealPlanned, type Sealed, type Signer } from '../../core/domain/log/sealing';
import { personPayload } from '../../core/domain/log/person-signatures';
import { sign } from '../../core/domain/log/signing';
import type { Clock } from './clock';
import { StorageError } from './errors';
import type { MadeCheckpoint, NewFirstKey, SigningKeys } from './key-store';

export class Sealer {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async seal(
    state: DeviceState,
    planned: readonly PlannedRecord[],
    now: number,
    /** The monotonic clock read together with `now`; read here when not given. */
    mono: MonoStamp = { boot: this.clock.boot, ms: Math.max(0, Math.round(this.clock.mono())) },
    /** The keys of the people whose records carry their authority here (decision 0063). */
    signers: ReadonlyMap<string, Signer> = new Map(),
  ): Promise<Sealed> {
    const sealed = await sealPlanned(state, planned, {
      now,
      mono,
      newId: this.newId,
      sign: async (record) => {
        const key = record.staffNo === null ? undefined : signers.get(record.staffNo);
        return key ? sign(key, personPayload(record)) : undefined;
      },
    });
    if (!sealed.ok) throw new StorageError('log-unreadable');
    return sealed.value;
  }

  /**
   * A checkpoint over `state`'s head (its last `fresh` records sealed, not yet stored), signed
   * with the key in force by whoever keeps it (key-store.ts), naming the next key; null when the
   * log has no key chain yet, 'key-missing' when the key in force cannot sign.
   */
  checkpoint(
    state: DeviceState,
    reason: CheckpointReason,
    fresh: readonly StoredRecord[],
    firstKey: NewFirstKey | undefined,
  ): Promise<MadeCheckpoint | null | 'key-missing'> {
    return this.keys.checkpoint(state, reason, fresh, firstKey);
  }
}
