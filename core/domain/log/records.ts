/**
 * A log record: an event with who, where, when, its place in the device's sequence and its link in
 * the hash chain. Two schema versions exist on devices:
 *
 * - v1 (release 0.1.0): no device id; every record written by a staff member.
 * - v2 (today): names the device that wrote it; the device's own records (identity, checkpoints,
 *   the upgrade) have no staff number.
 *
 * A record is hashed exactly as stored, so old records stay verifiable under their own rules;
 * `readRecord` restores either version into today's in-memory shape (Excalidraw's restore-on-read):
 * nothing unvalidated reaches the screens, and nothing v1 did not record is invented.
 */
import { z } from '../zod';
import { CounterSchema, StaffNumberSchema } from '../catalog';
import { err, ok, type Result } from '../result';
import { JS_SHA256, canonicalize, sha256Hex, type Sha256 } from './canonical';
import {
  DomainEventSchema,
  HashSchema,
  V1EventSchema,
  restoreV1Event,
  type DomainEvent,
  type RecordedEvent,
} from './events';
import { NO_VALUES, restoreEvent, type PersonalLookup } from './personal';

export const LOG_SCHEMA_VERSION = 2;

/** A signature, base64url (RFC 4648 §5) without padding. */
export const SignatureSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{40,200}$/));

const envelope = {
  seq: z.int().check(z.positive()),
  id: z.uuid(),
  /** Wall-clock time, ISO 8601 UTC. */
  at: z.iso.datetime(),
  /**
   * Milliseconds since this page load (`boot`) began, from the monotonic clock. Within one boot, a
   * gap between `at` deltas and `mono.ms` deltas shows the wall clock was changed.
   */
  mono: z.object({
    boot: z.string().check(z.minLength(1), z.maxLength(64)),
    ms: z.int().check(z.gte(0)),
  }),
  serviceId: z.nullable(z.uuid()),
  prevHash: HashSchema,
  hash: HashSchema,
};

export const V1RecordSchema = z.strictObject({
  ...envelope,
  v: z.literal(1),
  staffNo: StaffNumberSchema,
  counter: CounterSchema,
  event: V1EventSchema,
});

export const V2RecordSchema = z.strictObject({
  ...envelope,
  v: z.literal(2),
  device: z.uuid(),
  /** Who did it; null for what the device itself records (identity, checkpoints, the upgrade). */
  staffNo: z.nullable(StaffNumberSchema),
  /** Null only before the device was given its counter (its identity record). */
  counter: z.nullable(CounterSchema),
  event: DomainEventSchema,
  /**
   * Its author's signature, for a record that carries a person's authority (a sign-in, a
   * manager's approval…): person-signatures.ts says which, with which key, over what.
   */
  sig: z.optional(SignatureSchema),
});
export type StoredRecord = z.infer<typeof V2RecordSchema>;
export type UnsealedRecord = Omit<StoredRecord, 'hash'>;

/** Any record, restored into today's shape. `device` is null for v1 records. */
export interface LogRecord {
  v: 1 | 2;
  seq: number;
  id: string;
  at: string;
  mono: { boot: string; ms: number };
  device: string | null;
  staffNo: string | null;
  counter: string | null;
  serviceId: string | null;
  event: RecordedEvent;
  prevHash: string;
  hash: string;
  sig?: string;
}

/** A stored row that failed validation: reported with what was wrong, never dropped. */
export interface InvalidRecord {
  seq: number | null;
  issues: string[];
}

export function seqOf(row: unknown): number | null {
  const seq = (row as { seq?: unknown } | null | undefined)?.seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : null;
}

function invalid(row: unknown, error: z.core.$ZodError | string): InvalidRecord {
  return {
    seq: seqOf(row),
    issues:
      typeof error === 'string'
        ? [error]
        : error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`),
  };
}

/**
 * A stored row, validated and restored into today's shape. A personal value the record holds as a
 * commitment (personal.ts) is put back from `values`, or null where it is not held.
 */
export function readRecord(
  row: unknown,
  values: PersonalLookup = NO_VALUES,
): Result<LogRecord, InvalidRecord> {
  const version = (row as { v?: unknown } | null | undefined)?.v;
  if (version === 2) {
    const parsed = V2RecordSchema.safeParse(row);
    return parsed.success
      ? ok(restoreRecord(parsed.data, values))
      : err(invalid(row, parsed.error));
  }
  if (version === 1) {
    const parsed = V1RecordSchema.safeParse(row);
    if (!parsed.success) return err(invalid(row, parsed.error));
    return ok({ ...parsed.data, device: null, event: restoreV1Event(parsed.data.event) });
  }
  return err(invalid(row, `unknown record version ${String(version)}`));
}

/** A v2 row exactly as stored (personal values as their commitments), or null. */
export function storedRecordOf(row: unknown): StoredRecord | null {
  const parsed = V2RecordSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/** Every row read; the ones that failed validation listed apart. */
export interface ReadResult {
  records: LogRecord[];
  invalid: InvalidRecord[];
}

export function readRecords(
  rows: readonly unknown[],
  values: PersonalLookup = NO_VALUES,
): ReadResult {
  const result: ReadResult = { records: [], invalid: [] };
  for (const row of rows) {
    const read = readRecord(row, values);
    if (read.ok) result.records.push(read.value);
    else result.invalid.push(read.error);
  }
  return result;
}

/** A stored record as the screens read it: its committed personal value put back or null. */
export function restoreRecord(record: StoredRecord, values: PersonalLookup = NO_VALUES): LogRecord {
  return { ...record, event: restoreEvent(record.event, values) as RecordedEvent };
}

/** The hash a stored row should carry: SHA-256 over everything in it but the hash, as stored. */
export function hashOf(row: unknown): Promise<string> {
  const { hash: _hash, ...unsealed } = row as Record<string, unknown>;
  return sha256Hex(canonicalize(unsealed));
}

/** `hashOf`, computed synchronously with `sha`: the same value, for verifying many records. */
export const hashOfWith =
  (sha: Sha256) =>
  (row: unknown): string => {
    const { hash: _hash, ...unsealed } = row as Record<string, unknown>;
    return sha.hex(canonicalize(unsealed));
  };

/** `hashOf`, computed synchronously in JavaScript. */
export const hashOfNow = hashOfWith(JS_SHA256);

export async function sealRecord(record: UnsealedRecord): Promise<StoredRecord> {
  const sealed = { ...record, hash: await hashOf(record) };
  // Never write what could not be read back.
  return V2RecordSchema.parse(sealed);
}

export type { DomainEvent };
