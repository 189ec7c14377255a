/** Real log rows (hashed and linked as the device stores them) for main's witness and key tests. */
import type { DomainEvent } from '../../../core/domain/log/events';
import { sealRecord, type StoredRecord } from '../../../core/domain/log/records';
import type { Head } from '../../../core/domain/log/witness';

export const DEVICE = '11111111-1111-4111-8111-111111111111';

/** A chain of real records (hashed and linked as the device stores them). */
export async function records(from: Head, count: number, note = 'x'): Promise<StoredRecord[]> {
  const made: StoredRecord[] = [];
  let prev = from;
  for (let index = 0; index < count; index += 1) {
    const event: DomainEvent = { type: 'log-upgraded', fromSchema: 1, credentials: [] };
    const record = await sealRecord({
      v: 2,
      seq: prev.seq + 1,
      id: `00000000-0000-4000-8000-${String(prev.seq + 1).padStart(12, '0')}`,
      at: '2026-11-23T09:00:00.000Z',
      mono: { boot: note, ms: prev.seq },
      device: DEVICE,
      staffNo: null,
      counter: null,
      serviceId: null,
      event,
      prevHash: prev.hash,
    });
    made.push(record);
    prev = { seq: record.seq, hash: record.hash };
  }
  return made;
}

export const headOf = (rows: StoredRecord[]): Head => {
  const last = rows.at(-1)!;
  return { seq: last.seq, hash: last.hash };
};
