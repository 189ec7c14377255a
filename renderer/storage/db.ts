/**
 * The device's IndexedDB database: its whole schema and every version, in one place.
 *
 * `events` keeps the append-only, hash-chained log, keyed by the device-wide sequence number.
 * Rows are stored as written and typed `unknown` here on purpose: everything read back goes through
 * zod (see event-log.ts), so a damaged row is reported instead of trusted.
 *
 * `credentials` keeps PIN hashes (PBKDF2, see domain/pin.ts), apart from the log so that exporting
 * the log never exports them. Also append-only: a new PIN is a new row; the latest row per staff
 * number is the one in force, and each row names the `pin-set` event it belongs to.
 */
import Dexie, { type Table } from 'dexie';

export const DATABASE_NAME = 'counter-steps';

export class CounterStepsDb extends Dexie {
  events!: Table<unknown, number>;
  credentials!: Table<unknown, number>;

  constructor(name: string = DATABASE_NAME) {
    // Chromium acknowledges writes before they reach the disk unless asked for strict durability;
    // a power cut at the counter must not lose a step the clerk saw recorded.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      events: 'seq, serviceId, event.type, [staffNo+event.type]',
      credentials: '++id, staffNo',
    });
  }
}
