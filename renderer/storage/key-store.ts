/**
 * The device's checkpoint signing keys (table `keys`): non-extractable private CryptoKeys, stored
 * as CryptoKey objects (IndexedDB can hold them; no script can read their bytes). The key in force
 * is the one the log's latest checkpoint named; once a checkpoint signed with a key is stored,
 * that key is deleted, so whoever holds the device later cannot sign anything earlier again.
 */
import type { KeyAlgorithm } from '../../core/domain/log/signing';
import type { CounterStepsDb, KeyRow } from './db';

export class KeyStore {
  constructor(private readonly db: CounterStepsDb) {}

  async key(index: number): Promise<KeyRow | null> {
    return (await this.db.keys.get(index)) ?? null;
  }

  /** Destroys every private key but the one in force. */
  async retireAllBut(index: number): Promise<void> {
    const stale = (await this.db.keys.toCollection().primaryKeys()).filter((key) => key !== index);
    if (stale.length > 0) await this.db.keys.bulkDelete(stale);
  }
}

export const keyRow = (
  index: number,
  pair: { algorithm: KeyAlgorithm; privateKey: CryptoKey; publicKey: KeyRow['publicKey'] },
): KeyRow => ({ index, ...pair });
