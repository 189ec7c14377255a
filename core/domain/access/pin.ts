/**
 * PINs: the rules a new PIN must meet, PBKDF2-HMAC-SHA256 hashing through WebCrypto, the commitment
 * the log keeps to each credential, a constant-time comparison, and the growing wait after
 * repeated failures.
 */
import { z } from '../zod';
import { canonicalize, sha256Hex, toHex } from '../log/canonical';
import type { PublicKeyJwk } from '../log/events';
import { keyFromSeed, type SigningKeyPair } from '../log/signing';

/** OWASP's current minimum for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const HASH_BITS = 256;

/**
 * A credential that also unlocks its owner's signing key: the PBKDF2 output K is never stored;
 * the row keeps SHA-256("counter-steps/pin-check" ‖ K), and the Ed25519 seed is
 * SHA-256("counter-steps/person-key" ‖ K), so nothing in the row signs without the PIN.
 */
export const PERSON_KEY_ALGORITHM = 'PBKDF2-HMAC-SHA256+Ed25519';

export const CredentialSchema = z.object({
  staffNo: z.string(),
  algorithm: z.enum(['PBKDF2-HMAC-SHA256', PERSON_KEY_ALGORITHM]),
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

const labelled = async (label: string, secret: Uint8Array): Promise<Uint8Array> => {
  const prefix = new TextEncoder().encode(label);
  const bytes = new Uint8Array(prefix.length + secret.length);
  bytes.set(prefix);
  bytes.set(secret, prefix.length);
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
};

/** The person's signing key (Ed25519) that the PBKDF2 output K gives: see PERSON_KEY_ALGORITHM. */
const keyOfDerived = async (derived: Uint8Array): Promise<SigningKeyPair> =>
  keyFromSeed(await labelled('counter-steps/person-key', derived));

/**
 * A new PIN's credential, and the signing key it unlocks (its public half goes in the log's
 * `pin-set` record; the private half lives in memory only).
 */
export async function makeCredential(
  staffNo: string,
  pin: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ credential: Credential; key: SigningKeyPair }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const derived = await derive(pin, salt, iterations);
  return {
    credential: {
      staffNo,
      algorithm: PERSON_KEY_ALGORITHM,
      iterations,
      salt: toHex(salt),
      hash: toHex(await labelled('counter-steps/pin-check', derived)),
    },
    key: await keyOfDerived(derived),
  };
}

/**
 * Whether `pin` matches, and (for a credential of PERSON_KEY_ALGORITHM) the signing key it
 * unlocks. The iteration count is the app's own, never the stored row's.
 */
export async function openPin(
  credential: Credential,
  pin: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ match: boolean; key: SigningKeyPair | null }> {
  const derived = await derive(pin, fromHex(credential.salt), iterations);
  const withKey = credential.algorithm === PERSON_KEY_ALGORITHM;
  const check = withKey ? await labelled('counter-steps/pin-check', derived) : derived;
  const match =
    credential.iterations === iterations && constantTimeEqual(check, fromHex(credential.hash));
  return { match, key: match && withKey ? await keyOfDerived(derived) : null };
}

/** A credential without a signing key (the hub's own accounts; the device's before 0063). */
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
  return (await openPin(credential, pin, iterations)).match;
}

/** The `personKey` member of a `pin-set` event, when the new PIN unlocks a key. */
export const personKeyOf = (newPin: { personKey?: PublicKeyJwk }): { personKey?: PublicKeyJwk } =>
  newPin.personKey ? { personKey: newPin.personKey } : {};

/** Failures in a row before the account has to wait. */
export const FAILURES_BEFORE_WAIT = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** 0 for the first four failures in a row; then 30 s, 1 min, 2 min, 4 min… up to an hour. */
export function waitAfterFailures(failuresInARow: number): number {
  if (failuresInARow < FAILURES_BEFORE_WAIT) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failuresInARow - FAILURES_BEFORE_WAIT));
}
