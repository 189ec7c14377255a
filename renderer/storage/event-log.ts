/**
 * The append-only event log (table `events` in db.ts) and the PIN credentials written with it: the
 * only module that touches either table.
 *
 * Appending: the caller seals records (SHA-256 over the canonical form, linked to the head's
 * hash) before the transaction, because WebCrypto is asynchronous and an IndexedDB transaction
 * commits itself as soon as it waits on anything else; the transaction then re-checks the head and
 * adds everything (records, a new PIN's credential, the next signing key) at once, or nothing.
 *
 * There is no update and no delete here, nor anywhere else: corrections are new events.
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import type { EventType } from '../../core/domain/log/events';
import type { Head } from '../../core/domain/log/witness';
import { commitmentIn, type PersonalValue } from '../../core/domain/log/personal';
import {
  readRecords,
  seqOf,
  type LogRecord,
  type ReadResult,
  type StoredRecord,
} from '../../core/domain/log/records';
import type { Credential } from '../../core/domain/access/pin';
import type { CounterStepsDb, KeyRow } from './db';
import { StorageError, toStorageError } from './errors';

/** What one append writes besides the records. */
export interface AppendExtras {
  /** A new PIN's hash, stored with the `pin-set` record that commits to it. */
  credential?: Credential & { eventSeq: number };
  /** Signing keys named in this same append (the first key, the next one after a checkpoint). */
  keys?: KeyRow[];
  /** Derived tables kept in step with the log (the review), written in the same transaction. */
  derived?: { tables: Table[]; write: (records: readonly StoredRecord[]) => Promise<void> };
  /** The personal values the records commit to, kept beside them (personal.ts). */
  values?: readonly PersonalValue[];
  /** Personal values of records written before this time (ISO 8601) erased, as recorded. */
  eraseBefore?: string;
}

export class EventLog {
  constructor(readonly db: CounterStepsDb) {}

  /**
   * Puts a restored backup's rows into an empty log, exactly as they were, with the personal
   * values a full backup holds beside them, in one transaction; refuses (write-conflict) when the
   * log is not empty.
   */
  async restore(rows: readonly unknown[], values: readonly PersonalValue[] = []): Promise<void> {
    try {
      await this.db.transaction('rw', [this.db.events, this.db.personal], async () => {
        if ((await this.db.events.count()) > 0) throw new StorageError('write-conflict');
        await this.db.events.bulkAdd([...rows]);
        if (values.length > 0) await this.db.personal.bulkPut([...values]);
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** The last stored row, raw (null for an empty log). */
  async lastRow(): Promise<unknown> {
    return (await this.db.events.orderBy(':id').last()) ?? null;
  }

  /**
   * Adds `records` (already sealed, continuing `expected`) in one strict-durability transaction,
   * or nothing: a write-conflict if another writer moved the head in the meantime.
   */
  async append(
    expected: Head,
    records: readonly StoredRecord[],
    extras: AppendExtras = {},
  ): Promise<void> {
    try {
      await this.db.transaction(
        'rw',
        [
          this.db.events,
          this.db.credentials,
          this.db.keys,
          this.db.personal,
          ...(extras.derived?.tables ?? []),
        ],
        async () => {
          // Every request is made at once, the head check first: IndexedDB runs them in order
          // within the transaction, so nothing waits on a round trip it does not need, and any
          // failure (the head moved, a key taken) throws before the end, which aborts it all.
          const settled = await Promise.allSettled([
            this.db.events
              .orderBy(':id')
              .last()
              .then((current) => {
                if ((seqOf(current) ?? 0) !== expected.seq) {
                  throw new StorageError('write-conflict');
                }
              }),
            this.db.events.bulkAdd([...records]),
            extras.credential && this.db.credentials.add(extras.credential),
            extras.keys?.length && this.db.keys.bulkAdd(extras.keys),
            extras.values?.length && this.db.personal.bulkAdd([...extras.values]),
            extras.eraseBefore !== undefined &&
              this.db.personal.where('at').below(extras.eraseBefore).delete(),
            extras.derived?.write(records),
          ]);
          const failed = settled.find((result) => result.status === 'rejected');
          if (failed) throw failed.reason;
        },
      );
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Stored rows read, each personal value put back from the side table where it is held. */
  async read(rows: readonly unknown[]): Promise<ReadResult> {
    return readRecords(rows, await this.valuesFor(rows));
  }

  /** The personal values the side table holds for these rows' commitments. */
  async valuesFor(rows: readonly unknown[]): Promise<(commitment: string) => string | undefined> {
    const commitments: string[] = [];
    for (const row of rows) {
      const event = (row as { event?: { type?: unknown } } | null)?.event;
      const commitment =
        event && typeof event.type === 'string' ? commitmentIn(event as { type: string }) : null;
      if (commitment) commitments.push(commitment);
    }
    if (commitments.length === 0) return () => undefined;
    const held = new Map<string, string>();
    for (const value of await this.db.personal.bulkGet(commitments))
      if (value) held.set(value.commitment, value.value);
    return (commitment) => held.get(commitment);
  }

  /** The stored hash of the record at `seq`, as stored (null when there is none). */
  async hashAt(seq: number): Promise<string | null> {
    const hash = ((await this.db.events.get(seq)) as { hash?: unknown } | undefined)?.hash;
    return typeof hash === 'string' ? hash : null;
  }

  /** Records after sequence number `afterSeq`, in order. */
  async after(afterSeq: number): Promise<ReadResult> {
    return this.read(await this.db.events.where(':id').above(afterSeq).toArray());
  }

  async lastOfType(type: EventType): Promise<LogRecord | null> {
    const row = await this.db.events.where('event.type').equals(type).last();
    if (row === undefined) return null;
    const read = (await this.read([row])).records[0];
    return read ?? null;
  }

  /**
   * The newest records, read back from the end while `keep` holds for each row (the business
   * day's records, say), in sequence order.
   */
  async tailWhile(keep: (row: unknown) => boolean): Promise<ReadResult> {
    const rows = await this.db.events
      .orderBy(':id')
      .reverse()
      .until((row) => !keep(row))
      .toArray();
    return this.read(rows.reverse());
  }

  /** Every record of these types, in sequence order. */
  async ofTypes(types: readonly EventType[]): Promise<ReadResult> {
    return this.read(await this.rowsOfTypes(types));
  }

  /** The same, as stored (exports carry records exactly as written). */
  async rowsOfTypes(types: readonly EventType[]): Promise<unknown[]> {
    const rows = await this.db.events
      .where('event.type')
      .anyOf([...types])
      .toArray();
    return rows.sort((a, b) => (seqOf(a) ?? 0) - (seqOf(b) ?? 0));
  }

  /** The stored row at `seq`, raw (undefined when there is none). */
  async rowAt(seq: number): Promise<unknown> {
    return this.db.events.get(seq);
  }

  async service(serviceId: string): Promise<ReadResult> {
    return this.read(await this.db.events.where('serviceId').equals(serviceId).sortBy('seq'));
  }

  /** Records of one type by one author, after `afterSeq`: read by index, never by scanning. */
  async byAuthor(staffNo: string, type: EventType, afterSeq = 0): Promise<ReadResult> {
    const rows = await this.db.events
      .where('[staffNo+event.type+seq]')
      .between([staffNo, type, afterSeq + 1], [staffNo, type, Dexie.maxKey])
      .toArray();
    return this.read(rows);
  }

  async lastByAuthor(staffNo: string, type: EventType): Promise<LogRecord | null> {
    const row = await this.db.events
      .where('[staffNo+event.type+seq]')
      .between([staffNo, type, Dexie.minKey], [staffNo, type, Dexie.maxKey])
      .last();
    if (row === undefined) return null;
    const read = (await this.read([row])).records[0];
    return read ?? null;
  }

  /** The newest credentials row for a staff number, raw: the caller decides whether to trust it. */
  async credentialRow(staffNo: string): Promise<unknown> {
    return (await this.db.credentials.where('staffNo').equals(staffNo).last()) ?? null;
  }

  /** Raw rows in sequence order, `size` at a time, from `fromSeq` (to `toSeq`): verify and export stream these. */
  async *batches(size = 2000, fromSeq = 1, toSeq = Infinity): AsyncGenerator<unknown[]> {
    // Up to every key there is when unbounded: a forged row's key may be no number at all.
    const upper: IndexableType = toSeq === Infinity ? Dexie.maxKey : toSeq;
    let rows = await this.db.events
      .where(':id')
      .between(fromSeq, upper, true, true)
      .limit(size)
      .toArray();
    while (rows.length > 0) {
      yield rows;
      if (rows.length < size) return;
      // The raw key, not a parsed seq: a forged row may carry a key of another type.
      const lastKey = (rows.at(-1) as { seq: IndexableType }).seq;
      rows = await this.db.events
        .where(':id')
        .between(lastKey, upper, false, true)
        .limit(size)
        .toArray();
    }
  }

  /**
   * Runs `work` in one read-write transaction over the log and `tables` (derived from the log: the
   * review's catch-up reads the log and writes its rows at once), with the personal values beside
   * the log (records are read with them put back). Nothing here writes the log.
   */
  readingWith<T>(tables: Table[], work: () => Promise<T>): Promise<T> {
    return this.db.transaction('rw', [this.db.events, this.db.personal, ...tables], work);
  }

  /**
   * The last sequence number stored (keys that are no number, which only a forged row could have,
   * sort after every number and are left to verify).
   */
  async lastKey(): Promise<number> {
    const keys = await this.db.events.where(':id').below(Infinity).reverse().limit(1).primaryKeys();
    return keys[0] ?? 0;
  }

  /** Up to `limit` raw rows after `afterSeq` up to `toSeq`, with their keys. */
  async rowsAfter(
    afterSeq: number,
    toSeq: number,
    limit: number,
  ): Promise<{ keys: number[]; rows: unknown[] }> {
    const range = this.db.events.where(':id').between(afterSeq, toSeq, false, true).limit(limit);
    const [keys, rows] = await Promise.all([range.primaryKeys(), range.toArray()]);
    return { keys, rows };
  }

  async count(): Promise<number> {
    return this.db.events.count();
  }
}
