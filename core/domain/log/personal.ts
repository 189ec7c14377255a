/**
 * Personal values kept out of the hashed record (decision 0068). A customer's surname, a complaint's
 * summary and the free-text notes may identify someone, so from the first record written under this
 * rule the record holds, in place of each such value, a salted commitment —
 * `{ "commitment": hex(SHA-256(salt ‖ UTF-8(value))) }`, the salt 16 random bytes — and the value
 * with its salt is kept beside the log (a side table the chain does not cover). Erasing a value
 * later, or leaving it out of a masked export, changes no hash; whoever holds the value and its
 * salt can check it against the record. Records written before the rule keep their plaintext and
 * verify as they always did. An empty note or an absent surname holds nothing personal and stays
 * as it is.
 */
import { z } from '../zod';
import { JS_SHA256, toHex, type Sha256 } from './canonical';

export const CommitmentSchema = z.strictObject({
  commitment: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/** Which field of which event holds a personal value. */
export const PERSONAL_FIELDS: Readonly<Record<string, string>> = {
  'service-started': 'surname',
  'customer-named': 'surname',
  'complaint-recorded': 'summary',
  'step-skipped': 'note',
  'complaint-step': 'note',
  'spot-check-recorded': 'note',
  'follow-up-closed': 'note',
};

/** A personal value with its salt: what the side table keeps and a full export carries. */
export interface PersonalValue {
  /** The record that holds the commitment. */
  seq: number;
  commitment: string;
  /** 32 lowercase hex digits (16 bytes). */
  salt: string;
  value: string;
  /** The record's time (ISO 8601 UTC): retention counts from it. */
  at: string;
}

export const PersonalValueSchema = z.strictObject({
  seq: z.int().check(z.positive()),
  commitment: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  salt: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  value: z.string().check(z.minLength(1), z.maxLength(200)),
  at: z.iso.datetime(),
});

const encoder = new TextEncoder();

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/** hex(SHA-256(salt bytes ‖ UTF-8 bytes of value)). */
export function commitmentOf(salt: string, value: string, sha: Sha256 = JS_SHA256): string {
  const saltBytes = fromHex(salt);
  const valueBytes = encoder.encode(value);
  const bytes = new Uint8Array(saltBytes.length + valueBytes.length);
  bytes.set(saltBytes);
  bytes.set(valueBytes, saltBytes.length);
  return sha.hex(bytes);
}

export function newSalt(): string {
  return toHex(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

type EventLike = { type: string } & Record<string, unknown>;

/** The personal field of `event` when it holds a value to commit (non-empty text). */
function plainValue(event: EventLike): { field: string; value: string } | null {
  const field = PERSONAL_FIELDS[event.type];
  if (!field) return null;
  const value = event[field];
  return typeof value === 'string' && value !== '' ? { field, value } : null;
}

/** The commitment held by `event`'s personal field, or null (none, or plaintext). */
export function commitmentIn(event: { type: string }): string | null {
  const field = PERSONAL_FIELDS[event.type];
  if (!field) return null;
  const value = (event as EventLike)[field];
  const parsed = CommitmentSchema.safeParse(value);
  return parsed.success ? parsed.data.commitment : null;
}

/**
 * `event` as the record holds it: its personal value (if any) replaced by a commitment under a
 * fresh salt, and the value to keep beside it (seq and time filled in by the caller).
 */
export function commitEvent<E extends { type: string }>(
  event: E,
  salt: () => string = newSalt,
): { event: E; value: { commitment: string; salt: string; value: string } | null } {
  const plain = plainValue(event as unknown as EventLike);
  if (!plain) return { event, value: null };
  const saltHex = salt();
  const commitment = commitmentOf(saltHex, plain.value);
  return {
    event: { ...event, [plain.field]: { commitment } },
    value: { commitment, salt: saltHex, value: plain.value },
  };
}

/** Looks a commitment's value up (the side table, an export's personal.jsonl); undefined: not held. */
export type PersonalLookup = (commitment: string) => string | undefined;

export const NO_VALUES: PersonalLookup = () => undefined;

/**
 * `event` with a committed personal value put back from `lookup`, or null where it is not held
 * (erased, masked, never sent): what the screens and the figures read.
 */
export function restoreEvent<E extends { type: string }>(event: E, lookup: PersonalLookup): E {
  const commitment = commitmentIn(event);
  if (commitment === null) return event;
  const field = PERSONAL_FIELDS[event.type] as string;
  return { ...event, [field]: lookup(commitment) ?? null };
}

/** Why a personal value does not stand for the commitment its record holds, or null. */
export function personalValueProblem(
  value: PersonalValue,
  committed: ReadonlyMap<string, number>,
  sha: Sha256 = JS_SHA256,
): 'not-committed' | 'wrong-record' | 'mismatch' | null {
  const seq = committed.get(value.commitment);
  if (seq === undefined) return 'not-committed';
  if (seq !== value.seq) return 'wrong-record';
  return commitmentOf(value.salt, value.value, sha) === value.commitment ? null : 'mismatch';
}
