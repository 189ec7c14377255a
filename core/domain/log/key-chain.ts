/**
 * The chain of key records: the device identity names the first key, each checkpoint is signed
 * with the key in force and names the next, a restore starts a new chain under a new device id.
 * Walking these records (and nothing else) proves which key is in force at the end, without the
 * records between them: the export verifier checks a manifest's key records this way, and the
 * hub checks the key a device signs its pushes and its enrolment with.
 */
import { canonicalize } from './canonical';
import type { PublicKeyJwk } from './events';
import { hashOf, readRecord, seqOf } from './records';
import { checkpointPayload, verifySignature } from './signing';

/** Where the chain stands: the key in force (its index) and the device id checkpoints name. */
export interface KeyChainState {
  index: number;
  key: PublicKeyJwk;
  device: string;
  /** The sequence number of the last key record taken. */
  seq: number;
}

export type KeyRecordProblem = {
  seq: number | null;
  detail: 'hash' | 'order' | 'first' | 'key' | 'signature';
};

export type KeyStep =
  | {
      ok: true;
      state: KeyChainState;
      seq: number;
      hash: string;
      /** For a checkpoint: the record it seals up to. */
      sealedUpTo: number | null;
    }
  | ({ ok: false } & KeyRecordProblem);

/**
 * Takes one key record after `current` (null before the first, which must be the device identity
 * with `firstKey`). Checks its hash, its order and, for a checkpoint, its signature.
 */
export async function stepKeyChain(
  current: KeyChainState | null,
  row: unknown,
  firstKey: PublicKeyJwk,
): Promise<KeyStep> {
  const read = readRecord(row);
  const seq = seqOf(row);
  if (!read.ok || (await hashOf(row)) !== read.value.hash)
    return { ok: false, seq, detail: 'hash' };
  const record = read.value;
  if (current && record.seq <= current.seq) return { ok: false, seq, detail: 'order' };
  const { event } = record;
  const done = (state: KeyChainState, sealedUpTo: number | null = null): KeyStep => ({
    ok: true,
    state,
    seq: record.seq,
    hash: record.hash,
    sealedUpTo,
  });
  if (!current) {
    if (event.type !== 'device-identity') return { ok: false, seq, detail: 'first' };
    if (canonicalize(event.publicKey) !== canonicalize(firstKey))
      return { ok: false, seq, detail: 'key' };
    return done({ index: 0, key: event.publicKey, device: event.deviceId, seq: record.seq });
  }
  if (event.type === 'device-restored') {
    return done({ index: 0, key: event.publicKey, device: event.deviceId, seq: record.seq });
  }
  if (event.type !== 'checkpoint') return { ok: false, seq, detail: 'first' };
  if (event.keyIndex !== current.index) return { ok: false, seq, detail: 'key' };
  const payload = checkpointPayload({
    device: current.device,
    upToSeq: event.upToSeq,
    upToHash: event.upToHash,
    keyIndex: event.keyIndex,
    nextKey: event.nextKey,
  });
  if (!(await verifySignature(current.key, payload, event.signature)))
    return { ok: false, seq, detail: 'signature' };
  return done(
    { index: current.index + 1, key: event.nextKey, device: current.device, seq: record.seq },
    event.upToSeq,
  );
}
