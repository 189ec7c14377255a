/**
 * The append-only event log (table `events` in db.ts). The only code that writes events.
 *
 * Appending: under a cross-tab lock, read the head, seal each new record (SHA-256 over its canonical
 * form, linked to the head's hash), then add them all in one transaction that first re-checks the
 * head. Hashing happens outside the transaction because WebCrypto is asynchronous and an
 * IndexedDB transaction commits itself as soon as it waits on anything else.
 *
 * There is no update and no delete here, nor anywhere else: corrections are new events.
 */
import {
  GENESIS_HASH,
  LogRecordSchema,
  type DomainEvent,
  type DomainEventType,
  type LogRecord,
} from '../domain/events';
import { sealRecord, verifyChain, type ChainVerdict } from '../domain/hash-chain';
import { CredentialSchema, type Credential } from '../domain/pin';
import type { CounterStepsDb } from './db';
import { StorageError, toStorageError } from './errors';

export interface Clock {
  /** Wall-clock epoch milliseconds. */
  now(): number;
  /** Monotonic milliseconds since `boot` began. */
  mono(): number;
  boot: string;
}

export const browserClock: Clock = {
  now: () => Date.now(),
  mono: () => performance.now(),
  boot: globalThis.crypto.randomUUID(),
};

export interface AppendContext {
  staffNo: string;
  counter: string;
  serviceId: string | null;
}

/** A stored row that failed validation: reported with what was wrong, never dropped. */
export interface InvalidRecord {
  seq: number | null;
  issues: string[];
}

export interface ReadResult {
  records: LogRecord[];
  invalid: InvalidRecord[];
}

const LOCK_NAME = 'counter-steps:event-log';

export class EventLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: CounterStepsDb,
    private readonly clock: Clock = browserClock,
    private readonly newId: () => string = () => globalThis.crypto.randomUUID(),
  ) {}

  get now(): number {
    return this.clock.now();
  }

  /**
   * Runs `work` with the log to itself: across tabs through the Web Locks API where there is one,
   * and always in order within this page, so two quick taps cannot both decide on the same state.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    const run = (): Promise<T> => (locks ? (locks.request(LOCK_NAME, work) as Promise<T>) : work());
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Appends; the caller must already hold `exclusive`. One call is one transaction, which also
   * adds `credential` (a new PIN hash) when given, so a PIN and its `pin-set` event land together.
   */
  async appendHeld(
    context: AppendContext,
    events: readonly DomainEvent[],
    credential?: Credential,
  ): Promise<LogRecord[]> {
    if (events.length === 0) return [];
    try {
      const head = await this.head();
      const wallMs = this.clock.now();
      const at = new Date(wallMs).toISOString();
      const mono = { boot: this.clock.boot, ms: Math.max(0, Math.round(this.clock.mono())) };
      const sealed: LogRecord[] = [];
      let prevHash = head.hash;
      for (const [offset, event] of events.entries()) {
        const record = await sealRecord({
          v: 1,
          seq: head.seq + 1 + offset,
          id: this.newId(),
          at,
          mono,
          staffNo: context.staffNo,
          counter: context.counter,
          serviceId: context.serviceId,
          event,
          prevHash,
        });
        // Never write what could not be read back.
        LogRecordSchema.parse(record);
        sealed.push(record);
        prevHash = record.hash;
      }
      await this.db.transaction('rw', this.db.events, this.db.credentials, async () => {
        const current = await this.db.events.orderBy(':id').last();
        if (seqOf(current) !== (head.seq === 0 ? null : head.seq)) {
          throw new StorageError('write-conflict');
        }
        await this.db.events.bulkAdd(sealed);
        if (credential) {
          const pinSet = sealed.find((record) => record.event.type === 'pin-set');
          await this.db.credentials.add({ ...credential, eventSeq: pinSet?.seq ?? null });
        }
      });
      return sealed;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** The last record's sequence number and hash; the genesis link for an empty log. */
  async head(): Promise<{ seq: number; hash: string }> {
    const last = await this.db.events.orderBy(':id').last();
    if (last === undefined) return { seq: 0, hash: GENESIS_HASH };
    const seq = seqOf(last);
    const hash = (last as { hash?: unknown }).hash;
    if (seq === null || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
      // Linking to a record we cannot read would hide the damage behind a valid-looking chain.
      throw new StorageError('log-unreadable');
    }
    return { seq, hash };
  }

  async readService(serviceId: string): Promise<ReadResult> {
    return validate(await this.db.events.where('serviceId').equals(serviceId).sortBy('seq'));
  }

  async lastOfType(type: DomainEventType): Promise<ReadResult> {
    const last = await this.db.events.where('event.type').equals(type).last();
    return validate(last === undefined ? [] : [last]);
  }

  /** Every record of these types, in sequence order (device-level events: accounts, config). */
  async ofTypes(types: readonly DomainEventType[]): Promise<ReadResult> {
    const rows = await this.db.events
      .where('event.type')
      .anyOf([...types])
      .toArray();
    return validate(rows.sort((a, b) => (seqOf(a) ?? 0) - (seqOf(b) ?? 0)));
  }

  /** Records of one type written under one staff number, after sequence number `afterSeq`. */
  async byStaffAndType(staffNo: string, type: DomainEventType, afterSeq = 0): Promise<ReadResult> {
    const rows = await this.db.events
      .where('[staffNo+event.type]')
      .equals([staffNo, type])
      .filter((row) => (seqOf(row) ?? 0) > afterSeq)
      .toArray();
    return validate(rows);
  }

  /** Everything after sequence number `afterSeq`, in order (a shift, since its sign-in). */
  async after(afterSeq: number): Promise<ReadResult> {
    return validate(await this.db.events.where(':id').above(afterSeq).toArray());
  }

  /** The PIN hash in force for a staff number; stays inside storage (see AuthRepository). */
  async credential(staffNo: string): Promise<Credential | null> {
    const row = await this.db.credentials.where('staffNo').equals(staffNo).last();
    const parsed = CredentialSchema.safeParse(row);
    return parsed.success ? parsed.data : null;
  }

  async readAll(): Promise<unknown[]> {
    return this.db.events.orderBy(':id').toArray();
  }

  async verify(): Promise<ChainVerdict> {
    return verifyChain(await this.readAll());
  }
}

function seqOf(row: unknown): number | null {
  const seq = (row as { seq?: unknown } | undefined)?.seq;
  return typeof seq === 'number' ? seq : null;
}

export function validate(rows: readonly unknown[]): ReadResult {
  const result: ReadResult = { records: [], invalid: [] };
  for (const row of rows) {
    const parsed = LogRecordSchema.safeParse(row);
    if (parsed.success) result.records.push(parsed.data);
    else
      result.invalid.push({
        seq: seqOf(row),
        issues: parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`,
        ),
      });
  }
  return result;
}
