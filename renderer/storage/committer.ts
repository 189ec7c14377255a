/**
 * Turns what the domain decided into stored records: seals them after the head (and a signed
 * checkpoint when one is due) through the domain's `sealCommit` (sealing.ts), then appends everything — records, a new PIN's credential, new
 * signing keys and the review's rows — in one strict-durability transaction. The caller holds the
 * single-writer lock and folds the result into its state.
 */
import type { Credential } from '../../core/domain/access/pin';
import type { PlannedRecord } from '../../core/domain/device/commands';
import type { DeviceState } from '../../core/domain/device/state';
import { checkpointDue, type CheckpointReason } from '../../core/domain/log/checkpoints';
import { sealCommit, type Signer } from '../../core/domain/log/sealing';
import type { MonoStamp } from '../../core/domain/log/clock';
import { restoreRecord, type LogRecord, type StoredRecord } from '../../core/domain/log/records';
import type { KeyRow } from './db';
import type { EventLog } from './event-log';
import { keyRow, type NewFirstKey } from './key-store';
import type { ReviewIndex } from './review-index';
import type { Sealer } from './sealer';

export interface CommitExtras {
  credential?: Credential;
  firstKey?: NewFirstKey;
  forced?: CheckpointReason;
  /** The monotonic clock read with `now` (read at sealing when not given). */
  mono?: MonoStamp;
  /** Who can sign records carrying their authority in this commit, by staff number. */
  signers?: ReadonlyMap<string, Signer>;
}

export interface Committed {
  /** As stored: personal values committed (personal.ts). */
  sealed: StoredRecord[];
  /** The same records as the screens read them, personal values put back. */
  records: LogRecord[];
  /** `before` with the sealed records folded in. */
  state: DeviceState;
  newKeys: KeyRow[];
  /** A checkpoint was due and the key in force to sign it is gone. */
  keyMissing: boolean;
}

export class Committer {
  constructor(
    private readonly log: EventLog,
    private readonly sealer: Sealer,
    private readonly reviewIndex: ReviewIndex,
  ) {}

  async commit(
    before: DeviceState,
    planned: readonly PlannedRecord[],
    now: number,
    extras: CommitExtras = {},
  ): Promise<Committed> {
    const first = extras.firstKey?.pair;
    const newKeys: KeyRow[] = first ? [keyRow(0, first)] : [];
    // What this commit sealed so far: stored only at the end, so a checkpoint's keeper is shown it.
    const fresh: StoredRecord[] = [];
    const due = extras.forced ?? checkpointDue(before, planned, now);
    let keyMissing = false;
    // Where the checkpoint goes and how the records fold is the domain's (sealing.ts); the
    // store supplies its clock, ids and the key store.
    const { sealed, values, state } = await sealCommit(before, planned, due, {
      seal: async (at, records) => {
        const added = await this.sealer.seal(at, records, now, extras.mono, extras.signers);
        fresh.push(...added.records);
        return added;
      },
      checkpoint: async (at, reason) => {
        const made = await this.sealer.checkpoint(at, reason, fresh, extras.firstKey);
        if (made === 'key-missing') keyMissing = true;
        if (made === null || made === 'key-missing') return null;
        if (made.nextKey) newKeys.push(made.nextKey);
        return made.event;
      },
    });

    const pinSet = sealed.find((record) => record.event.type === 'pin-set');
    const held = new Map(values.map((kept) => [kept.commitment, kept.value]));
    const records = sealed.map((record) =>
      restoreRecord(record, (commitment) => held.get(commitment)),
    );
    const erased = sealed.find((record) => record.event.type === 'personal-values-erased');
    await this.log.append(before.head, sealed, {
      values,
      // The erasure is recorded and done in the one transaction: both, or neither.
      eraseBefore:
        erased?.event.type === 'personal-values-erased' ? erased.event.before : undefined,
      credential:
        extras.credential && pinSet ? { ...extras.credential, eventSeq: pinSet.seq } : undefined,
      keys: newKeys,
      derived: {
        tables: this.reviewIndex.tables,
        write: () => this.reviewIndex.projectAppend(records, before),
      },
    });
    return { sealed, records, state, newKeys, keyMissing };
  }
}
