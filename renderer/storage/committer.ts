/**
 * Turns what the domain decided into stored records: seals them after the head (and a signed
 * checkpoint when one is due), then appends everything — records, a new PIN's credential, new
 * signing keys and the review's rows — in one strict-durability transaction. The caller holds the
 * single-writer lock and folds the result into its state.
 */
import type { Credential } from '../../core/domain/access/pin';
import type { PlannedRecord } from '../../core/domain/device/commands';
import { foldDevice, type DeviceState } from '../../core/domain/device/state';
import { checkpointDue, type CheckpointReason } from '../../core/domain/log/checkpoints';
import type { MonoStamp } from '../../core/domain/log/clock';
import type { StoredRecord } from '../../core/domain/log/records';
import type { SigningKeyPair } from '../../core/domain/log/signing';
import type { KeyRow } from './db';
import type { EventLog } from './event-log';
import { keyRow } from './key-store';
import type { ReviewIndex } from './review-index';
import type { Sealer } from './sealer';

export interface CommitExtras {
  credential?: Credential;
  firstKey?: SigningKeyPair;
  forced?: CheckpointReason;
  /** The monotonic clock read with `now` (read at sealing when not given). */
  mono?: MonoStamp;
}

export interface Committed {
  sealed: StoredRecord[];
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
    const newKeys: KeyRow[] = extras.firstKey ? [keyRow(0, extras.firstKey)] : [];
    const due = extras.forced ?? checkpointDue(before, planned, now);
    let keyMissing = false;
    const sealed: StoredRecord[] = [];
    let state = before;
    const append = async (records: readonly PlannedRecord[]) => {
      const added = await this.sealer.seal(state, records, now, extras.mono);
      sealed.push(...added);
      state = foldDevice(added, state);
    };
    const checkpoint = async (reason: CheckpointReason) => {
      const made = await this.sealer.checkpoint(state, reason, extras.firstKey);
      if (made === 'key-missing') keyMissing = true;
      else if (made) {
        await append([{ staffNo: null, serviceId: null, event: made.event }]);
        newKeys.push(made.nextKey);
      }
    };
    // The day's close seals yesterday's last record before today's first one; every other
    // checkpoint seals what this command added.
    if (due === 'day-close') await checkpoint(due);
    await append(planned);
    if (due && due !== 'day-close') await checkpoint(due);

    const pinSet = sealed.find((record) => record.event.type === 'pin-set');
    await this.log.append(before.head, sealed, {
      credential:
        extras.credential && pinSet ? { ...extras.credential, eventSeq: pinSet.seq } : undefined,
      keys: newKeys,
      derived: {
        tables: this.reviewIndex.tables,
        write: (records) => this.reviewIndex.projectAppend(records, before),
      },
    });
    return { sealed, state, newKeys, keyMissing };
  }
}
