/**
 * The review's service rows and rollups kept in PostgreSQL, for the same ReviewProjector the
 * device runs (core/domain/review): the hub takes each pushed record into them inside the
 * push's transaction, so a store's dashboards are always those of the records it holds.
 */
import type { Config } from '../core/domain/device/config';
import { readRecords, type LogRecord } from '../core/domain/log/records';
import {
  REVIEW_EVENTS,
  ReviewProjector,
  type ReviewRows,
} from '../core/domain/review/review-projector';
import type { RollupRow } from '../core/domain/review/rollup';
import type { ServiceRow } from '../core/domain/review/service-row';
import type { Queryable } from './db';

/** Events the review takes in; the rest only move the device's state forward. */
export const PROJECTED = REVIEW_EVENTS;

const patKey = (row: ServiceRow) =>
  row.pattern ? `${row.device}|${row.clerk}|${row.day}|${row.pattern}` : null;

class PgReviewRows implements ReviewRows {
  /** The record being projected: rows later in the same push are not seen yet. */
  upTo = 0;

  constructor(
    private readonly tx: Queryable,
    private readonly device: string,
    private readonly store: string,
  ) {}

  private async records(sql: string, params: unknown[]): Promise<LogRecord[]> {
    const rows = await this.tx.query<{ body: string }>(sql, params);
    return readRecords(rows.map((row) => JSON.parse(row.body) as unknown)).records;
  }

  serviceRecords(serviceId: string) {
    return this.records(
      'SELECT body FROM records WHERE device = $1 AND service_id = $2 AND seq <= $3 AND type <> $4 ORDER BY seq',
      [this.device, serviceId, this.upTo, 'service-rated'],
    );
  }

  async service(sid: string) {
    const [row] = await this.tx.query<{ data: ServiceRow }>(
      'SELECT data FROM services WHERE sid = $1',
      [sid],
    );
    return row?.data;
  }

  async samePattern(row: ServiceRow) {
    const pat = patKey(row);
    if (!pat) return [];
    const rows = await this.tx.query<{ data: ServiceRow }>(
      'SELECT data FROM services WHERE pat = $1',
      [pat],
    );
    return rows.map((entry) => entry.data);
  }

  async rollup(key: string) {
    const [row] = await this.tx.query<{ data: RollupRow }>(
      'SELECT data FROM rollups WHERE key = $1',
      [key],
    );
    return row?.data;
  }

  async putService(row: ServiceRow) {
    await this.tx.query(
      `INSERT INTO services (sid, store_id, device, day, pat, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sid) DO UPDATE SET day = EXCLUDED.day, pat = EXCLUDED.pat, data = EXCLUDED.data`,
      [row.sid, this.store, this.device, row.day, patKey(row), JSON.stringify(row)],
    );
  }

  async putRollup(row: RollupRow) {
    await this.tx.query(
      `INSERT INTO rollups (key, store_id, device, day, data) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data`,
      [row.key, this.store, this.device, row.day, JSON.stringify(row)],
    );
  }

  amendments(record: LogRecord, target: string) {
    return this.records(
      'SELECT body FROM records WHERE device = $1 AND type = $2 AND target = $3 AND seq <= $4 ORDER BY seq',
      [this.device, 'service-amended', target, record.seq],
    );
  }
}

/** Takes `records` (already inserted in `tx`) into the store's review, each with its config. */
export async function projectRecords(
  tx: Queryable,
  device: string,
  store: string,
  records: readonly { record: LogRecord; config: Config }[],
): Promise<void> {
  const rows = new PgReviewRows(tx, device, store);
  const projector = new ReviewProjector(rows, device);
  for (const { record, config } of records) {
    rows.upTo = record.seq;
    await projector.push(record, config);
  }
}
