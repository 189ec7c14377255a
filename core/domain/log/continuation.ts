/**
 * Whether rows from another device's log continue what is already held of it, exactly: every
 * record held at the same sequence number must have the same hash, the first new record must link
 * to the held head, and nothing may be missing in between. The device's import of another
 * counter's export and the hub's ingestion of a push both judge with this, so a gap, a fork and a
 * replay mean the same everywhere.
 */

export interface HeldHead {
  seq: number;
  hash: string;
}

export interface ChainRow {
  seq: number;
  hash: string;
  prevHash: string;
}

export type Continuation<T extends ChainRow> =
  /** Nothing new: every row is held already, with the same hash (a replay). */
  | { kind: 'duplicate' }
  /** `fresh` continues the held head; rows already held matched. */
  | { kind: 'continues'; fresh: T[] }
  /** Rows from..to are missing between what is held and what came. */
  | { kind: 'gap'; from: number; to: number }
  /** The record at `seq` differs from the one held (or does not link to it): history rewritten. */
  | { kind: 'fork'; seq: number };

/** The sequence numbers whose held hashes `judgeContinuation` needs (rows at or before the head). */
export const heldSeqsNeeded = (head: HeldHead | null, rows: readonly ChainRow[]): number[] =>
  head ? rows.filter((row) => row.seq <= head.seq).map((row) => row.seq) : [];

/**
 * `rows`: in sequence, without holes (the caller's verification of the rows' own links says so).
 * `heldHashes`: the held hash of every sequence number from `heldSeqsNeeded`. `firstSeq`: where
 * a log held from nothing must start (1 for a whole log; an import may start anywhere).
 */
export function judgeContinuation<T extends ChainRow>(
  head: HeldHead | null,
  rows: readonly T[],
  heldHashes: ReadonlyMap<number, string>,
  firstSeq: number | null = null,
): Continuation<T> {
  const first = rows[0];
  if (!first) return { kind: 'duplicate' };
  if (!head) {
    if (firstSeq !== null && first.seq > firstSeq)
      return { kind: 'gap', from: firstSeq, to: first.seq - 1 };
    return { kind: 'continues', fresh: [...rows] };
  }
  if (first.seq > head.seq + 1) return { kind: 'gap', from: head.seq + 1, to: first.seq - 1 };
  for (const row of rows) {
    if (row.seq > head.seq) break;
    const held = heldHashes.get(row.seq);
    if (held !== undefined && held !== row.hash) return { kind: 'fork', seq: row.seq };
  }
  const fresh = rows.filter((row) => row.seq > head.seq);
  const next = fresh[0];
  if (!next) return { kind: 'duplicate' };
  if (next.seq === head.seq + 1 && next.prevHash !== head.hash)
    return { kind: 'fork', seq: next.seq };
  return { kind: 'continues', fresh };
}
