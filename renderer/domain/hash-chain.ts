/**
 * Tamper evidence: each record's hash is SHA-256 over the canonical serialisation of everything
 * in it except the hash itself, and that includes the previous record's hash. Changing, removing
 * or reordering any record breaks every link after it.
 */
import { GENESIS_HASH, LogRecordSchema, type LogRecord, type UnsealedRecord } from './events';

/**
 * JSON with object keys sorted by code point at every depth and no whitespace, so the same record
 * always has the same bytes whichever order its fields were written in. Values that JSON cannot
 * represent faithfully are rejected rather than silently changed.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical form has no non-finite numbers');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalize(item)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical form has no ${typeof value}`);
  }
}

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function sealRecord(record: UnsealedRecord): Promise<LogRecord> {
  return { ...record, hash: await sha256Hex(canonicalize(record)) };
}

export type ChainProblem = 'invalid-record' | 'sequence-gap' | 'broken-link' | 'hash-mismatch';

export type ChainVerdict =
  | { intact: true; count: number; lastHash: string }
  | {
      intact: false;
      count: number;
      firstBadSeq: number | null;
      index: number;
      problem: ChainProblem;
    };

/**
 * Walks records in sequence order. `from` lets a caller verify a slice (a day) whose first record
 * links to a known earlier hash; by default the slice must start the device's chain.
 */
export async function verifyChain(
  records: readonly unknown[],
  from: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH },
): Promise<ChainVerdict> {
  let expectedSeq = from.seq;
  let expectedPrev = from.prevHash;
  for (const [index, raw] of records.entries()) {
    const parsed = LogRecordSchema.safeParse(raw);
    const seqOf = (candidate: unknown): number | null => {
      const seq = (candidate as { seq?: unknown } | null)?.seq;
      return typeof seq === 'number' ? seq : null;
    };
    const bad = (problem: ChainProblem): ChainVerdict => ({
      intact: false,
      count: records.length,
      firstBadSeq: seqOf(raw),
      index,
      problem,
    });
    if (!parsed.success) return bad('invalid-record');
    const record = parsed.data;
    if (record.seq !== expectedSeq) return bad('sequence-gap');
    if (record.prevHash !== expectedPrev) return bad('broken-link');
    // Hash the record as stored, not as parsed: parsing drops unknown nested keys, and an added
    // key is tampering too.
    const { hash: _storedHash, ...unsealed } = raw as Record<string, unknown>;
    if ((await sha256Hex(canonicalize(unsealed))) !== record.hash) return bad('hash-mismatch');
    expectedSeq = record.seq + 1;
    expectedPrev = record.hash;
  }
  return { intact: true, count: records.length, lastHash: expectedPrev };
}
