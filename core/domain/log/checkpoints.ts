/**
 * Forward-secure checkpoints (after Bellare–Yee and Schneier–Kelsey's secure audit logs): at every
 * sign-out, at the close of each business day and at least every N records, the device signs the
 * head of its log and the public key that comes next, then destroys the private key it signed
 * with. Whoever holds the device later holds only the newest key, so nothing sealed before can be
 * rewritten and signed again without the first checkpoint after the change failing.
 */
import { businessDay } from '../device/config';
import type { PlannedRecord } from '../device/commands';
import type { DeviceState } from '../device/state';
import type { CheckpointReason, DomainEvent, EventOf, PublicKeyJwk } from './events';
import type { LogRecord } from './records';
import { checkpointPayload, sign, verifySignature, type SigningKeyPair } from './signing';

export type { CheckpointReason };

/**
 * Whether a checkpoint should follow `planned` (about to be appended to `before`), and why.
 * `now`: the wall clock, to tell when the business day has turned since the head was written.
 */
export function checkpointDue(
  before: DeviceState,
  planned: readonly PlannedRecord[],
  now: number,
): CheckpointReason | null {
  if (!before.keys || !before.identity || planned.length === 0) return null;
  if (planned.some((record) => record.event.type === 'signed-out')) return 'sign-out';
  const sinceCheckpoint = before.head.seq - before.keys.lastCheckpointSeq;
  if (
    sinceCheckpoint > 0 &&
    before.head.atMs !== null &&
    businessDay(before.head.atMs, before.config) !== businessDay(now, before.config)
  ) {
    return 'day-close';
  }
  if (sinceCheckpoint + planned.length >= before.config.checkpointEvery) return 'every-n';
  return null;
}

/** The checkpoint event sealing `head` with the current key and naming the next one. */
export async function makeCheckpoint(input: {
  device: string;
  head: { seq: number; hash: string };
  reason: CheckpointReason;
  keyIndex: number;
  key: Pick<SigningKeyPair, 'algorithm' | 'privateKey'>;
  nextKey: PublicKeyJwk;
}): Promise<DomainEvent> {
  const { device, head, reason, keyIndex, key, nextKey } = input;
  const signature = await sign(
    key,
    checkpointPayload({ device, upToSeq: head.seq, upToHash: head.hash, keyIndex, nextKey }),
  );
  return {
    type: 'checkpoint',
    reason,
    upToSeq: head.seq,
    upToHash: head.hash,
    keyIndex,
    nextKey,
    signature,
  };
}

export type CheckpointProblem = 'checkpoint-link' | 'checkpoint-key' | 'checkpoint-signature';

/** Checks a checkpoint record against the key chain as it stood before it. */
export async function checkCheckpoint(
  keys: { index: number; current: PublicKeyJwk },
  device: string,
  record: LogRecord & { event: EventOf<'checkpoint'> },
): Promise<CheckpointProblem | null> {
  const { event } = record;
  if (event.upToSeq !== record.seq - 1 || event.upToHash !== record.prevHash)
    return 'checkpoint-link';
  if (event.keyIndex !== keys.index) return 'checkpoint-key';
  const payload = checkpointPayload({
    device,
    upToSeq: event.upToSeq,
    upToHash: event.upToHash,
    keyIndex: event.keyIndex,
    nextKey: event.nextKey,
  });
  return (await verifySignature(keys.current, payload, event.signature))
    ? null
    : 'checkpoint-signature';
}
