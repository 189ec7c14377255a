/**
 * The device's IndexedDB database: its whole schema and every version, in one place.
 *
 * `events` keeps the append-only, hash-chained log, keyed by the device-wide sequence number. Rows
 * are stored as written and typed `unknown` here on purpose: everything read back goes through
 * zod (domain/log/records.ts), so a damaged row is reported instead of trusted. Only
 * event-log.ts touches it (lint enforces this).
 *
 * `credentials` keeps PIN hashes (PBKDF2, see domain/access/pin.ts), apart from the log so that
 * exporting the log never exports them. Append-only: a new PIN is a new row, and a row is used
 * only if it matches its owner's latest `pin-set` commitment in the log.
 *
 * `keys` keeps the device's checkpoint signing keys (non-extractable CryptoKeys, see
 * key-store.ts): the current one, and the next one from the moment a checkpoint names it. The one
 * thing the app deletes: an old private key, once a checkpoint has moved past it.
 *
 * `chains` and `chainRecords` hold other counters' logs, added from their exports to review them
 * here (read-only: this device never appends to them); importer.ts checks each export first.
 *
 * `services`, `rollups` and `reviewState` are the manager's review (review-index.ts): derived from
 * the logs, written in the same transaction as the records they come from, rebuilt from the logs
 * whenever they are missing, behind or of an older version. They are the one place rows are
 * replaced: they are figures about the log, never the log.
 *
 * Versions: 1 (release 0.1.0, log schema v1); 2 adds `keys`, the other counters' logs and the
 * index that reads a staff member's records of one type after a sequence number; 3 adds the
 * review's tables. No upgrade changes a stored row of the log.
 */
import Dexie, { type Table } from 'dexie';
import type { PublicKeyJwk } from '../../core/domain/log/events';
import type { PersonalValue } from '../../core/domain/log/personal';
import type { RollupRow } from '../../core/domain/review/rollup';
import type { ServiceRow } from '../../core/domain/review/service-row';

export const DATABASE_NAME = 'counter-steps';
/** The schema version below (Dexie's; IndexedDB's is ten times it). A database above it is newer. */
export const DATABASE_VERSION = 4;

export interface KeyRow {
  index: number;
  algorithm: 'Ed25519' | 'ECDSA-P256';
  privateKey: CryptoKey;
  publicKey: PublicKeyJwk;
}

/** Another counter's log held read-only (from its exports): where it stands. */
export interface ChainRow {
  device: string;
  counter: string | null;
  firstKey: PublicKeyJwk;
  fingerprint: string;
  firstSeq: number;
  headSeq: number;
  headHash: string;
  importedAt: string;
}

/** One record of another counter's log, exactly as that device stored it. */
export interface ChainRecordRow {
  device: string;
  seq: number;
  row: unknown;
}

/** A service row as stored, with the key that finds the clerk's day's services of one pattern. */
export interface StoredServiceRow extends ServiceRow {
  pat?: string;
}

/** How far the review has taken in a log (this device's or another counter's), and with which code. */
export interface ReviewStateRow {
  device: string;
  appliedSeq: number;
  version: number;
}

/**
 * Another IndexedDB implementation than the page's (an in-memory one, for a demo counter's scratch
 * database): Dexie runs the same tables over it.
 */
export interface IndexedDbBackend {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class CounterStepsDb extends Dexie {
  events!: Table<unknown, number>;
  credentials!: Table<unknown, number>;
  keys!: Table<KeyRow, number>;
  chains!: Table<ChainRow, string>;
  chainRecords!: Table<ChainRecordRow, [string, number]>;
  services!: Table<StoredServiceRow, string>;
  rollups!: Table<RollupRow, string>;
  reviewState!: Table<ReviewStateRow, string>;
  /**
   * Personal values beside the log (personal.ts, decision 0068): each with its salt, keyed by the
   * commitment its record holds. Not covered by the chain: erasing one changes no hash.
   */
  personal!: Table<PersonalValue, string>;

  /**
   * `autoOpen: false` (the app's store, see open-database.ts): opened once, explicitly, and never
   * reopened behind the app's back once closed — not even when a newer version in another window
   * asked it to close, which would otherwise open that newer database with this older code.
   */
  constructor(
    name: string = DATABASE_NAME,
    options: { autoOpen?: boolean; scratch?: boolean; backend?: IndexedDbBackend } = {},
  ) {
    // Chromium acknowledges writes before they reach the disk unless asked for strict durability;
    // a power cut at the counter must not lose a step the clerk saw recorded. A scratch database
    // (a demo counter's, deleted once exported) is not worth a flush to disk per command.
    super(name, {
      chromeTransactionDurability: options.scratch ? 'relaxed' : 'strict',
      autoOpen: options.autoOpen ?? true,
      ...options.backend,
    });
    this.version(1).stores({
      events: 'seq, serviceId, event.type, [staffNo+event.type]',
      credentials: '++id, staffNo',
    });
    this.version(2).stores({
      events: 'seq, serviceId, event.type, [staffNo+event.type+seq]',
      credentials: '++id, staffNo',
      keys: 'index',
      chains: 'device',
      chainRecords: '[device+seq]',
    });
    // DATABASE_VERSION is the last of these.
    this.version(3).stores({
      services: 'id, &sid, day, device, *tags, pat',
      rollups: 'key, day, device',
      reviewState: 'device',
    });
    this.version(4).stores({ personal: 'commitment, seq, at' });
  }
}
