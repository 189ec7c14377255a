/**
 * One-time codes: a manager's enrolment code for a device (valid for a day), a manager's restore
 * code for one enrolled device (valid for a day: hub/restore-approvals.ts) and the setup code for
 * the hub's first manager. Only their SHA-256 is stored; each works once.
 */
import { sha256Hex } from '../core/domain/log/canonical';
import { EnrolCodeSchema } from '../core/domain/hub/protocol';
import type { Queryable } from './db';

/** Letters and digits people do not confuse (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ENROL_CODE_TTL_MS = 24 * 3_600_000;

export function newCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return (chars.match(/.{4}/g) ?? []).join('-');
}

/** The code as typed (case and spaces aside) → what is stored. */
export function hashCode(code: string): Promise<string> {
  const parsed = EnrolCodeSchema.safeParse(code);
  return sha256Hex(`counter-steps/hub-code:${parsed.success ? parsed.data : code}`);
}

export async function makeCode(
  tx: Queryable,
  input: {
    purpose: 'enrol' | 'setup' | 'restore';
    store: string | null;
    /** For a restore code: the device it is for. */
    device?: string;
    by: string | null;
    now: number;
    ttlMs?: number;
  },
  code = newCode(),
): Promise<{ code: string; expiresAt: number }> {
  const expiresAt = input.now + (input.ttlMs ?? ENROL_CODE_TTL_MS);
  await tx.query(
    'INSERT INTO codes (code_hash, purpose, store_id, created_by, expires_at, device) VALUES ($1, $2, $3, $4, $5, $6)',
    [await hashCode(code), input.purpose, input.store, input.by, expiresAt, input.device ?? null],
  );
  return { code, expiresAt };
}
