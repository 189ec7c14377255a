/**
 * A day's export that stays the size of a day (decision 0074): when the auditor holds the
 * previous export, the next one's key chain starts where the previous one's ended — at the last
 * key record that export carried up to its own last record — instead of at the device's first
 * key. The manifest names that start (`keyChainFrom`: the record's seq, the index of the key in
 * force after it, that key and its fingerprint) and carries only the key records after it; the
 * verifier takes the start from the previous export (`--previous`) and checks it is the same.
 */
import type { PublicKeyJwk } from '../domain/log/events';

export interface KeyChainFrom {
  /** The last key record the previous export's chain held (≤ its last record). */
  seq: number;
  /** The index of the key in force after that record (key 0 = identity key, i+1 = checkpoint i's nextKey). */
  keyIndex: number;
  key: PublicKeyJwk;
  fingerprint: string;
}

type KeyEvent = {
  type?: string;
  publicKey?: PublicKeyJwk;
  nextKey?: PublicKeyJwk;
  keyIndex?: number;
};

/**
 * Where the key chain stands after the last key record with seq ≤ `upTo`, read from the stored
 * key records (in sequence order) without checking them — the verifier checks the result against
 * the previous export's own checked chain. Null when no key record is that early.
 */
export function keyChainAt(
  keyRecords: readonly Record<string, unknown>[],
  upTo: number,
): Omit<KeyChainFrom, 'fingerprint'> | null {
  let found: Omit<KeyChainFrom, 'fingerprint'> | null = null;
  for (const row of keyRecords) {
    const seq = row.seq as number;
    if (typeof seq !== 'number' || seq > upTo) break;
    const event = (row.event ?? {}) as KeyEvent;
    if ((event.type === 'device-identity' || event.type === 'device-restored') && event.publicKey)
      found = { seq, keyIndex: 0, key: event.publicKey };
    else if (event.type === 'checkpoint' && event.nextKey && typeof event.keyIndex === 'number')
      found = { seq, keyIndex: event.keyIndex + 1, key: event.nextKey };
  }
  return found;
}
