/**
 * The witness of the log's head: a (seq, hash) kept outside the log that only ever moves forward.
 * A hash chain cannot see its own truncation; comparing the log with its witness can. This is the
 * rule every keeper of a witness applies (Electron's main process, the browser build's second
 * storage area, the hub later).
 */
import { z } from '../zod';
import type { Result } from '../result';
import { HashSchema } from './events';
import { hashOf, readRecord } from './records';

export const HeadSchema = z.strictObject({ seq: z.int().check(z.gte(0)), hash: HashSchema });
export type Head = z.infer<typeof HeadSchema>;

/**
 * `unlinked`: the rows sent to move the witness do not lead from the witnessed head to the new one
 * (a record before it was rewritten or removed); only a keeper that checks rows says so.
 */
export type WitnessRefusal = 'behind' | 'forked' | 'unlinked' | 'unavailable';

/** The stored rows after `seq` up to `upTo` (both sequence numbers), in order. */
export type RowsAfter = (seq: number, upTo: number) => Promise<readonly unknown[]>;

export function judgeAdvance(current: Head | null, next: Head): WitnessRefusal | null {
  if (!current) return null;
  if (next.seq < current.seq) return 'behind';
  if (next.seq === current.seq && next.hash !== current.hash) return 'forked';
  return null;
}

/** Where a witness is kept: the platform implements this (Electron's main process, the browser). */
export interface Witness {
  read(): Promise<Head | null>;
  /**
   * Moves forward to `head`; a lower seq, or the same seq with another hash, is refused. A keeper
   * that checks the chain (Electron's main) reads the rows in between through `rowsAfter`.
   */
  advance(head: Head, rowsAfter?: RowsAfter): Promise<Result<null, WitnessRefusal>>;
}

/** Most rows one call may carry to move a witness (the page sends more in several calls). */
export const MAX_WITNESSED_ROWS = 500;

/**
 * The head `rows` lead to from `from`: each row read as a record, hashed exactly as stored, with
 * the next sequence number and linked to the row before (the first to `from`). Null when any row
 * fails: a keeper that checks this before moving its witness (Electron's main) cannot be moved
 * past a rewritten or removed record, whatever head the page names. `from` null: the rows are
 * only checked among themselves (a witness taken on first use).
 */
export async function headAfter(from: Head | null, rows: readonly unknown[]): Promise<Head | null> {
  let head = from;
  for (const row of rows) {
    const read = readRecord(row);
    if (!read.ok) return null;
    const record = read.value;
    if ((await hashOf(row)) !== record.hash) return null;
    if (head && (record.seq !== head.seq + 1 || record.prevHash !== head.hash)) return null;
    head = { seq: record.seq, hash: record.hash };
  }
  return head;
}
