/**
 * The in-memory device's log: the rows as stored, with the indexes the store keeps in IndexedDB —
 * where each service's records lie (to fold an amendment's target), the key chain's records, the
 * amendments and the last export (what an export needs), and where a business day's rows begin.
 */
import { businessDay, type Config } from '../../core/domain/device/config';
import type { StoredRecord } from '../../core/domain/log/records';
import { foldService, type ServiceState } from '../../core/domain/service/engine';

/** The rows in sequence order, and the indexes kept as they are added. */
export class MemoryLog {
  /** Every record as stored, in sequence order. */
  readonly rows: StoredRecord[] = [];
  /** Rows that carry the key chain (identity, restore, checkpoints): an export's keyRecords. */
  readonly keyRows: StoredRecord[] = [];
  readonly amendmentRows: StoredRecord[] = [];
  lastExport: StoredRecord | null = null;
  /** Where each service's records lie among `rows` (first and last index). */
  private readonly spans = new Map<string, { from: number; to: number }>();

  /** Adds sealed records after the last row, and to the indexes. */
  add(sealed: readonly StoredRecord[]): void {
    for (const record of sealed) {
      const index = this.rows.length;
      this.rows.push(record);
      const { event, serviceId } = record;
      if (serviceId) {
        const span = this.spans.get(serviceId);
        if (span) span.to = index;
        else this.spans.set(serviceId, { from: index, to: index });
      }
      if (
        event.type === 'device-identity' ||
        event.type === 'device-restored' ||
        event.type === 'checkpoint'
      )
        this.keyRows.push(record);
      else if (event.type === 'service-amended') this.amendmentRows.push(record);
      else if (event.type === 'export-made') this.lastExport = record;
    }
  }

  /** The row with sequence number `seq`. */
  rowAt(seq: number): StoredRecord | undefined {
    const first = this.rows[0];
    return first ? this.rows[seq - first.seq] : undefined;
  }

  /** The index of the first row whose business day is on or after `day` (rows.length if none). */
  firstOnOrAfter(day: string, config: Config): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const row = this.rows[middle] as StoredRecord;
      if (businessDay(Date.parse(row.at), config) >= day) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** A service folded from its records, as the store folds an amendment's target. */
  serviceState(serviceId: string): ServiceState | null {
    const span = this.spans.get(serviceId);
    if (!span) return null;
    const events = [];
    for (let index = span.from; index <= span.to; index += 1) {
      const record = this.rows[index] as StoredRecord;
      if (record.serviceId !== serviceId) continue;
      events.push({
        serviceId,
        seq: record.seq,
        atMs: Date.parse(record.at),
        staffNo: record.staffNo,
        event: record.event,
      });
    }
    return foldService(events);
  }
}
