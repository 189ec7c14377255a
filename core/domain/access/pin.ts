/**
 * PINs: the rules a new PIN must meet, PBKDF2-HMAC-SHA256 hashing through WebCrypto, the commitment
 * the log keeps to each credential, a constant-time comparison, and the growing wait after
 * repeated failures.
 */
import { z } from '../zod';
import { canonicalize, sha256Hex, toHex } from '../log/canonical';

/** OWASP's current minimum for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const HASH_BITS = 256;

export const CredentialSchema = z.object({
  staffNo: z.string(),
  algorithm: z.literal('PBKDF2-HMAC-SHA256'),
  iterations: z.int().check(z.positive()),
  salt: z.string().check(z.regex(/^[0-9a-f]+$/)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Credential = z.infer<typeof CredentialSchema>;

export type PinRefusal = 'pin-format' | 'pin-too-simple' | 'pins-differ';

/**
 * What the log's `pin-set` event commits to: SHA-256 over the staff number, algorithm, iterations,
 * salt and derived key. The salt never leaves the device, so an exported commitment cannot be used
 * to guess the PIN; a credentials row is trusted only if it matches its owner's latest commitment.
 */
export function credentialCommitment(credential: Credential): Promise<string> {
  const { staffNo, algorithm, iterations, salt, hash } = credential;
  return sha256Hex(canonicalize({ staffNo, algorithm, iterations, salt, hash }));
}

/** 6 to 12 digits, not one digit repeated and not a straight run such as 123456 or 987654. */
export function checkNewPin(pin: string, confirmation: string): PinRefusal | null {
  if (!/^\d{6,12}$/.test(pin)) return 'pin-format';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => digit - (digits[index] ?? 0)));
  const [only] = steps;
  if (steps.size === 1 && only !== undefined && [0, 1, -1].includes(only)) return 'pin-too-simple';
  if (pin !== confirmation) return 'pins-differ';
  return null;
}

const fromHex = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPin(
  staffNo: string,
  pin: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<Credential> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return {
    staffNo,
    algorithm: 'PBKDF2-HMAC-SHA256',
    iterations,
    salt: toHex(salt),
    hash: toHex(await derive(pin, salt, iterations)),
  };
}

/** Compares every byte whatever the first difference, so timing says nothing about the PIN. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  }
  return difference === 0;
}

/**
 * Whether `pin` matches. The iteration count is the app's own (`iterations`), never the stored
 * row's: a row written with fewer iterations to make guessing cheap is simply never a match.
 */
export async function verifyPin(
  credential: Credential,
  pin: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<boolean> {
  const derived = await derive(pin, fromHex(credential.salt), iterations);
  return (
    credential.iterations === iterations && constantTimeEqual(derived, fromHex(credential.hash))
  );
}

/** Failures in a row before the account has to wait. */
export const FAILURES_BEFORE_WAIT = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** 0 for the first four failures in a row; then 30 s, 1 min, 2 min, 4 min… up to an hour. */
export function waitAfterFailures(failuresInARow: number): number {
  if (failuresInARow < FAILURES_BEFORE_WAIT) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failuresInARow - FAILURES_BEFORE_WAIT));
}
