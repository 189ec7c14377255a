/** The hub's one INSERT of a push's records, beside the few fields its queries need. */
import { canonicalize } from '../core/domain/log/canonical';
import type { LogRecord } from '../core/domain/log/records';
import type { Queryable } from './db';

const TARGETED = new Set(['service-amended', 'spot-check-recorded']);

/** One INSERT for the whole batch: each column an array parameter, unnested by PostgreSQL. */
export async function insertRecords(
  tx: Queryable,
  device: string,
  rows: readonly Record<string, unknown>[],
  records: readonly LogRecord[],
): Promise<void> {
  await tx.query(
    `INSERT INTO records (device, seq, hash, prev_hash, at, type, service_id, target, body)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[],
       $7::uuid[], $8::uuid[], $9::text[])`,
    [
      device,
      records.map((record) => record.seq),
      records.map((record) => record.hash),
      records.map((record) => record.prevHash),
      records.map((record) => record.at),
      records.map((record) => record.event.type),
      records.map((record) => record.serviceId),
      records.map((record) =>
        TARGETED.has(record.event.type) && 'target' in record.event ? record.event.target : null,
      ),
      rows.map((row) => canonicalize(row)),
    ],
  );
}
