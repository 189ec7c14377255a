/**
 * The device's checkpoint signing keys, behind one port (`SigningKeys`) with two keepers:
 *
 * - `KeyStore` (the browser build, tests, the demo): non-extractable private CryptoKeys in the
 *   table `keys` (IndexedDB can hold them; no script can read their bytes, but any script of the
 *   origin can sign with them). The key in force is the one the log's latest checkpoint named;
 *   once a checkpoint signed with a key is stored, that key is deleted.
 * - `MainKeys` (main-keys.ts, Electron): main keeps the keys, signs checkpoints only over heads it
 *   has witnessed and chooses the next key itself; the page never holds a private key.
 */
import type { DeviceState } from '../../core/domain/device/state';
import type { CheckpointReason } from '../../core/domain/log/checkpoints';
import type { DomainEvent, PublicKeyJwk } from '../../core/domain/log/events';
import type { StoredRecord } from '../../core/domain/log/records';
import { signCheckpoint } from '../../core/domain/log/sealing';
import {
  generateSigningKey,
  sign,
  type KeyAlgorithm,
  type SigningKeyPair,
} from '../../core/domain/log/signing';
import type { CounterStepsDb, KeyRow } from './db';

/** The key in force, able to sign a statement (an export's manifest, a request to the hub). */
export interface StatementSigner {
  keyIndex: number;
  algorithm: KeyAlgorithm;
  sign(payload: unknown): Promise<string>;
}

/** A first key for a new identity; `pair` when the page keeps it (stored with the commit). */
export interface NewFirstKey {
  algorithm: KeyAlgorithm;
  publicKey: PublicKeyJwk;
  pair: SigningKeyPair | null;
}

export interface MadeCheckpoint {
  event: DomainEvent;
  /** The next key's row, when the page keeps it. */
  nextKey: KeyRow | null;
}

export interface SigningKeys {
  firstKey(): Promise<NewFirstKey>;
  /**
   * A checkpoint over `state`'s head (whose last `fresh` records are sealed but not yet stored),
   * naming the next key; null when the log has no key chain yet, 'key-missing' when the key in
   * force cannot sign.
   */
  checkpoint(
    state: DeviceState,
    reason: CheckpointReason,
    fresh: readonly StoredRecord[],
    firstKey?: NewFirstKey,
  ): Promise<MadeCheckpoint | null | 'key-missing'>;
  /** The key in force of `state`'s chain, or null when it is not held. */
  signer(state: DeviceState): Promise<StatementSigner | null>;
  /** Destroys every private key but the one in force (where the page keeps them). */
  retireAllBut(index: number): Promise<void>;
  /** Whether any key of `state`'s chain is held (none: a restored backup not finished yet). */
  holdsAny(state: DeviceState): Promise<boolean>;
}

export const keyRow = (
  index: number,
  pair: { algorithm: KeyAlgorithm; privateKey: CryptoKey; publicKey: KeyRow['publicKey'] },
): KeyRow => ({ index, ...pair });

export class KeyStore implements SigningKeys {
  constructor(private readonly db: CounterStepsDb) {}

  async key(index: number): Promise<KeyRow | null> {
    return (await this.db.keys.get(index)) ?? null;
  }

  async firstKey(): Promise<NewFirstKey> {
    const pair = await generateSigningKey();
    return { algorithm: pair.algorithm, publicKey: pair.publicKey, pair };
  }

  async checkpoint(
    state: DeviceState,
    reason: CheckpointReason,
    _fresh: readonly StoredRecord[],
    firstKey?: NewFirstKey,
  ): Promise<MadeCheckpoint | null | 'key-missing'> {
    const made = await signCheckpoint(state, reason, (index) =>
      index === 0 && firstKey?.pair ? firstKey.pair : this.key(index),
    );
    if (made === null || made === 'key-missing') return made;
    return { event: made.event, nextKey: keyRow(made.nextIndex, made.nextKey) };
  }

  async signer(state: DeviceState): Promise<StatementSigner | null> {
    const index = state.keys?.index;
    if (index === undefined) return null;
    const key = await this.key(index);
    if (!key) return null;
    return { keyIndex: index, algorithm: key.algorithm, sign: (payload) => sign(key, payload) };
  }

  async holdsAny(): Promise<boolean> {
    return (await this.db.keys.count()) > 0;
  }

  async retireAllBut(index: number): Promise<void> {
    const stale = (await this.db.keys.toCollection().primaryKeys()).filter((key) => key !== index);
    if (stale.length > 0) await this.db.keys.bulkDelete(stale);
  }
}
