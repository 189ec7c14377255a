/**
 * What the manager's screens read (review-index.ts keeps it): rollups for a period, services with
 * filters and pages, and one service's records for its timeline, from this device's log or from
 * another counter's held here.
 */
import { readRecords, type LogRecord } from '../../core/domain/log/records';
import type { RollupRow } from '../../core/domain/review/rollup';
import type { ServiceRow } from '../../core/domain/review/service-row';
import type { CounterStepsDb } from './db';
import type { EventLog } from './event-log';
import { OWN_LOG, type ReviewIndex } from './review-index';

export interface ServiceQuery {
  /** Business days, inclusive. */
  from: string;
  to: string;
  /** Tags every service listed must have (see ServiceRow tags): `clerk:1001`, `flag:any`… */
  tags: readonly string[];
  /** Only complaints whose follow-up is open and due before this business day (today). */
  overdueOn?: string;
}

export interface ServicePage {
  total: number;
  rows: ServiceRow[];
}

export class Review {
  constructor(
    private readonly index: ReviewIndex,
    private readonly log: EventLog,
    private readonly db: CounterStepsDb,
  ) {}

  /** Rollups of every log held here for business days `from`..`to`. */
  rollups(from: string, to: string): Promise<RollupRow[]> {
    return this.index.rollups(from, to);
  }

  /** The latest business day on or before `day` that has a service (null: none has). */
  latestDay(day: string): Promise<string | null> {
    return this.index.latestDay(day);
  }

  services(query: ServiceQuery, page: { offset: number; limit: number }): Promise<ServicePage> {
    return this.index.services(query, page);
  }

  service(sid: string): Promise<ServiceRow | undefined> {
    return this.index.service(sid);
  }

  /**
   * This device's records the shift's figures read (shift-figures.ts): the opening checks, the
   * handovers and the services' starts (for "checked before the first service"), in order.
   */
  async shiftRecords(): Promise<LogRecord[]> {
    return (await this.log.ofTypes(SHIFT_FIGURE_TYPES)).records;
  }

  /** The service's own records, then its amendments, rating and checks, in sequence order. */
  async timeline(row: ServiceRow): Promise<LogRecord[]> {
    if (row.device === OWN_LOG) {
      const own = (await this.log.service(row.serviceId)).records;
      const later = await Promise.all(row.later.map((seq) => this.log.rowAt(seq)));
      return merge(own, (await this.log.read(later.filter(Boolean))).records);
    }
    const span = await this.db.chainRecords
      .where('[device+seq]')
      .between([row.device, row.firstSeq], [row.device, row.lastSeq], true, true)
      .toArray();
    const later = await this.db.chainRecords.bulkGet(
      row.later.map((seq) => [row.device, seq] as [string, number]),
    );
    const own = readRecords(span.map((entry) => entry.row)).records.filter(
      (record) => record.serviceId === row.serviceId,
    );
    return merge(own, readRecords(later.flatMap((entry) => (entry ? [entry.row] : []))).records);
  }
}

const SHIFT_FIGURE_TYPES = [
  'service-started',
  'opening-check-recorded',
  'handover-written',
  'handover-acknowledged',
] as const;

function merge(own: readonly LogRecord[], later: readonly LogRecord[]): LogRecord[] {
  const bySeq = new Map<number, LogRecord>();
  for (const record of [...own, ...later]) bySeq.set(record.seq, record);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
