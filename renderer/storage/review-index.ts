/**
 * The manager's review, kept in IndexedDB (tables `services`, `rollups`, `reviewState`): this
 * device's services as each command is appended, in the same transaction (`projectAppend`), and
 * another counter's from its records once its export has been added. Either can be rebuilt from
 * the log it came from, and is, whenever it is missing, behind, or written by an older version
 * of the code (REVIEW_VERSION).
 *
 * Reading: rollups for a period (the figures), service rows for a period with filters and pages
 * (the drill-down), and a service's records (its timeline).
 */
import type { Table } from 'dexie';
import { foldDevice, type DeviceState } from '../../core/domain/device/state';
import { readRecords, type LogRecord } from '../../core/domain/log/records';
import {
  REVIEW_EVENTS,
  REVIEW_VERSION,
  ReviewProjector,
  type ReviewRows,
} from '../../core/domain/review/review-projector';
import { isOverdue } from '../../core/domain/review/complaint-row';
import type { RollupRow } from '../../core/domain/review/rollup';
import type { ServiceRow } from '../../core/domain/review/service-row';
import type { CounterStepsDb, ReviewStateRow, StoredServiceRow } from './db';
import type { EventLog } from './event-log';

/**
 * Rows name the log they come from (`device`): another counter's by its device id, this device's
 * own log as `own` (the same whichever tablet it is on after a restore).
 */
export const OWN_LOG = 'own';

const PROJECTED = REVIEW_EVENTS;

const ENDS = new Set(['service-finished', 'service-abandoned']);

/** The key that finds a clerk's services of one timing pattern in one business day. */
export const patKey = (row: ServiceRow) =>
  row.pattern ? `${row.device}|${row.clerk}|${row.day}|${row.pattern}` : undefined;
export const stored = (row: ServiceRow): StoredServiceRow => {
  const pat = patKey(row);
  return pat ? { ...row, pat } : row;
};
export const plain = ({ pat: _, ...row }: StoredServiceRow): ServiceRow => row;

/** The review's rows read and written straight in IndexedDB (inside the caller's transaction). */
class TableRows implements ReviewRows {
  constructor(
    private readonly db: CounterStepsDb,
    private readonly log: EventLog,
  ) {}
  async serviceRecords(serviceId: string) {
    return (await this.log.service(serviceId)).records;
  }
  async service(sid: string) {
    const row = await this.db.services.where('sid').equals(sid).first();
    return row && plain(row);
  }
  async samePattern(row: ServiceRow) {
    const pat = patKey(row);
    return pat ? (await this.db.services.where('pat').equals(pat).toArray()).map(plain) : [];
  }
  rollup(key: string) {
    return this.db.rollups.get(key);
  }
  async putService(row: ServiceRow) {
    await this.db.services.put(stored(row));
  }
  async putRollup(row: RollupRow) {
    await this.db.rollups.put(row);
  }
  async amendments(_record: LogRecord, target: string) {
    const { records } = await this.log.ofTypes(['service-amended']);
    return records.filter(
      (record) => record.event.type === 'service-amended' && record.event.target === target,
    );
  }
}

/** The review's rows in memory, for a rebuild: written out at the end in bulk. */
class MemoryRows implements ReviewRows {
  readonly services = new Map<string, ServiceRow>();
  readonly rollups = new Map<string, RollupRow>();
  private readonly patterns = new Map<string, Set<string>>();
  private readonly open = new Map<string, LogRecord[]>();
  private readonly amended = new Map<string, LogRecord[]>();

  /** Keeps what the projector will ask for about `record` (call before pushing it). */
  take(record: LogRecord): void {
    const { event } = record;
    if (record.serviceId && event.type !== 'service-rated') {
      const list = this.open.get(record.serviceId) ?? [];
      list.push(record);
      this.open.set(record.serviceId, list);
    }
    if (event.type === 'service-amended') {
      const list = this.amended.get(event.target) ?? [];
      list.push(record);
      this.amended.set(event.target, list);
    }
  }
  /** Forgets a service's records once it has ended (call after pushing the record that ended it). */
  ended(record: LogRecord): void {
    if (record.serviceId && ENDS.has(record.event.type)) this.open.delete(record.serviceId);
  }
  async serviceRecords(serviceId: string) {
    return Promise.resolve(this.open.get(serviceId) ?? []);
  }
  async service(sid: string) {
    return Promise.resolve(this.services.get(sid));
  }
  async samePattern(row: ServiceRow) {
    const sids = this.patterns.get(patKey(row) ?? '') ?? new Set<string>();
    return Promise.resolve([...sids].flatMap((sid) => this.services.get(sid) ?? []));
  }
  async rollup(key: string) {
    return Promise.resolve(this.rollups.get(key));
  }
  async putService(row: ServiceRow) {
    this.services.set(row.sid, row);
    const pat = patKey(row);
    if (pat) this.patterns.set(pat, (this.patterns.get(pat) ?? new Set()).add(row.sid));
    return Promise.resolve();
  }
  async putRollup(row: RollupRow) {
    this.rollups.set(row.key, row);
    return Promise.resolve();
  }
  async amendments(_record: LogRecord, target: string) {
    return Promise.resolve(this.amended.get(target) ?? []);
  }
}

/**
 * A whole log's review, worked out in memory: the rows a rebuild writes (also used by the
 * dashboards' benchmark to fill a review without a log behind it).
 */
export async function projectLog(
  device: string,
  batches: AsyncIterable<unknown[]> | Iterable<unknown[]>,
): Promise<{ services: StoredServiceRow[]; rollups: RollupRow[]; lastSeq: number }> {
  const memory = new MemoryRows();
  const projector = new ReviewProjector(memory, device);
  let state: DeviceState | undefined;
  let lastSeq = 0;
  for await (const rows of batches) {
    for (const record of readRecords(rows).records) {
      memory.take(record);
      if (PROJECTED.has(record.event.type)) {
        await projector.push(record, (state ?? foldDevice([])).config);
      }
      memory.ended(record);
      state = foldDevice([record], state);
      lastSeq = record.seq;
    }
  }
  return {
    services: [...memory.services.values()].map(stored),
    rollups: [...memory.rollups.values()],
    lastSeq,
  };
}

export class ReviewIndex {
  private readonly tableRows: TableRows;

  constructor(
    private readonly db: CounterStepsDb,
    private readonly log: EventLog,
  ) {
    this.tableRows = new TableRows(db, log);
  }

  /** The tables an append writes besides the log's, for its transaction. */
  get tables(): Table[] {
    return [this.db.services, this.db.rollups, this.db.reviewState];
  }

  /**
   * Takes records just appended to this device's log into the review: call inside the append's
   * transaction, after the records were added. `before` is the state they were decided on.
   */
  async projectAppend(records: readonly LogRecord[], before: DeviceState): Promise<void> {
    // Only a review that had taken in everything before these records can take them in: one that
    // is missing, behind or older (an upgrade's first append comes before any review exists) is
    // left as it is, and the next start rebuilds it from the whole log.
    const applied = await this.db.reviewState.get(OWN_LOG);
    if (applied?.version !== REVIEW_VERSION || applied.appliedSeq !== before.head.seq) return;
    let state = before;
    const last = records.at(-1);
    const projector = new ReviewProjector(this.tableRows, OWN_LOG);
    for (const record of records) {
      if (PROJECTED.has(record.event.type)) await projector.push(record, state.config);
      state = foldDevice([record], state);
    }
    if (last) await this.setApplied(OWN_LOG, last.seq);
  }

  /** Whether this device's review is missing, behind its log or from older code. */
  async ownIsCurrent(headSeq: number): Promise<boolean> {
    const row = await this.db.reviewState.get(OWN_LOG);
    return row?.version === REVIEW_VERSION && row.appliedSeq === headSeq;
  }

  /** Rebuilds this device's review from its whole log. */
  async rebuildOwn(): Promise<void> {
    await this.rebuild(OWN_LOG, this.log.batches());
  }

  /** Rebuilds the review of another counter's log held here, when it is not current. */
  async refreshChain(device: string, headSeq: number, rows: AsyncIterable<unknown[]>) {
    const row = await this.db.reviewState.get(device);
    if (row?.version === REVIEW_VERSION && row.appliedSeq === headSeq) return;
    await this.rebuild(device, rows);
  }

  private async rebuild(device: string, batches: AsyncIterable<unknown[]>) {
    const { services, rollups, lastSeq } = await projectLog(device, batches);
    await this.db.transaction('rw', this.tables, async () => {
      await this.db.services.where('device').equals(device).delete();
      await this.db.rollups.where('device').equals(device).delete();
      await this.db.services.bulkPut(services);
      await this.db.rollups.bulkPut(rollups);
      await this.setApplied(device, lastSeq);
    });
  }

  private async setApplied(device: string, appliedSeq: number): Promise<void> {
    const row: ReviewStateRow = { device, appliedSeq, version: REVIEW_VERSION };
    await this.db.reviewState.put(row);
  }

  // Reading ------------------------------------------------------------------------------------

  /** Every rollup of the business days `from`..`to` (inclusive), of every log held here. */
  rollups(from: string, to: string): Promise<RollupRow[]> {
    return this.db.rollups.where('day').between(from, to, true, true).toArray();
  }

  async service(sid: string): Promise<ServiceRow | undefined> {
    const row = await this.db.services.where('sid').equals(sid).first();
    return row && plain(row);
  }

  /**
   * Services of `from`..`to`, newest first, having every one of `tags` (ServiceRow tags without
   * the day: `clerk:1001`, `flag:any`, `skip:greet-aloud`…), one page of them and how many in all;
   * with `overdueOn` (today's business day), only complaints whose follow-up is overdue then.
   */
  /** The latest business day on or before `day` with a service in any log held here. */
  async latestDay(day: string): Promise<string | null> {
    const row = await this.db.services.where('day').belowOrEqual(day).last();
    return row?.day ?? null;
  }

  async services(
    query: { from: string; to: string; tags: readonly string[]; overdueOn?: string },
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: ServiceRow[] }> {
    const { from, to, tags, overdueOn } = query;
    let keys: string[];
    if (tags.length === 0) {
      keys = (await this.db.services
        .where('day')
        .between(from, to, true, true)
        .primaryKeys()) as string[];
    } else {
      // Tags end with the business day, so one tag over a period is one range of the index.
      const sets = await Promise.all(
        tags.map(
          async (tag) =>
            (await this.db.services
              .where('tags')
              .between(`${tag}@${from}`, `${tag}@${to}`, true, true)
              .primaryKeys()) as string[],
        ),
      );
      sets.sort((a, b) => a.length - b.length);
      const [smallest = [], ...rest] = sets;
      const others = rest.map((set) => new Set(set));
      keys = smallest.filter((key) => others.every((set) => set.has(key)));
    }
    if (overdueOn !== undefined) {
      // Overdue depends on today, which no index holds: read the rows (open follow-ups: a few).
      const rows = await this.db.services.bulkGet(keys);
      keys = rows.flatMap((row) => (row && isOverdue(row.complaint, overdueOn) ? [row.id] : []));
    }
    keys.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const rows = await this.db.services.bulkGet(keys.slice(page.offset, page.offset + page.limit));
    return {
      total: keys.length,
      rows: rows.flatMap((row) => (row ? [plain(row)] : [])),
    };
  }
}
