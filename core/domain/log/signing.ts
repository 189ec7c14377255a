/**
 * Signing keys for checkpoints and export manifests (WebCrypto, in the browser, Electron and Node
 * alike): Ed25519 where the platform has it, else ECDSA P-256. Private keys are generated
 * non-extractable; what is signed is always the canonical JSON of a small object.
 */
import { canonicalize, sha256Hex } from './canonical';
import { PublicKeyJwkSchema, type PublicKeyJwk } from './events';

export type KeyAlgorithm = 'Ed25519' | 'ECDSA-P256';

export interface SigningKeyPair {
  algorithm: KeyAlgorithm;
  privateKey: CryptoKey;
  publicKey: PublicKeyJwk;
}

const subtle = () => globalThis.crypto.subtle;

const GENERATE: Record<KeyAlgorithm, EcKeyGenParams | Algorithm> = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', namedCurve: 'P-256' },
};
const SIGN: Record<KeyAlgorithm, Algorithm | EcdsaParams> = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', hash: 'SHA-256' },
};

function publicJwk(jwk: JsonWebKey): PublicKeyJwk {
  // Only the public members: never `d`, whatever the platform put in the export.
  return PublicKeyJwkSchema.parse(
    jwk.kty === 'OKP'
      ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x }
      : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
  );
}

export async function generateSigningKey(
  preferred: KeyAlgorithm = 'Ed25519',
): Promise<SigningKeyPair> {
  for (const algorithm of [preferred, 'ECDSA-P256'] as const) {
    try {
      const pair = (await subtle().generateKey(GENERATE[algorithm], false, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const jwk = await subtle().exportKey('jwk', pair.publicKey);
      return { algorithm, privateKey: pair.privateKey, publicKey: publicJwk(jwk) };
    } catch (error) {
      if (algorithm === 'ECDSA-P256') throw error;
    }
  }
  throw new Error('no signing algorithm');
}

/** PKCS #8 header of a raw Ed25519 private key (RFC 8410): the 32-byte seed follows it. */
const ED25519_PKCS8 = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/**
 * The Ed25519 key whose 32-byte seed is `seed` (a person's key, derived from their PIN). The
 * private key returned cannot be exported; the public half is worked out once, on a copy.
 */
export async function keyFromSeed(seed: Uint8Array): Promise<SigningKeyPair> {
  const pkcs8 = new Uint8Array([...ED25519_PKCS8, ...seed]);
  const copy = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', copy);
  const privateKey = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  return { algorithm: 'Ed25519', privateKey, publicKey: publicJwk(jwk) };
}

export const algorithmOf = (key: PublicKeyJwk): KeyAlgorithm =>
  key.kty === 'OKP' ? 'Ed25519' : 'ECDSA-P256';

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  try {
    return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

export async function sign(
  key: Pick<SigningKeyPair, 'algorithm' | 'privateKey'>,
  payload: unknown,
): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalize(payload));
  return toBase64Url(
    new Uint8Array(await subtle().sign(SIGN[key.algorithm], key.privateKey, bytes)),
  );
}

/** False for a wrong signature, a malformed one or a key the platform cannot import. */
export async function verifySignature(
  key: PublicKeyJwk,
  payload: unknown,
  signature: string,
): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (!bytes) return false;
  const algorithm = algorithmOf(key);
  try {
    const imported = await subtle().importKey(
      'jwk',
      key as JsonWebKey,
      algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    return await subtle().verify(
      SIGN[algorithm],
      imported,
      bytes as BufferSource,
      new TextEncoder().encode(canonicalize(payload)),
    );
  } catch {
    return false;
  }
}

/** A key's fingerprint for people to compare: 32 hex digits in groups of four. */
export async function fingerprint(key: PublicKeyJwk): Promise<string> {
  const hex = await sha256Hex(canonicalize(key));
  return (hex.slice(0, 32).match(/.{4}/g) ?? []).join(' ');
}

/** What a checkpoint signs: the record before it, on this device, and the key that comes next. */
export function checkpointPayload(input: {
  device: string;
  upToSeq: number;
  upToHash: string;
  keyIndex: number;
  nextKey: PublicKeyJwk;
}): unknown {
  return { purpose: 'counter-steps/checkpoint', ...input };
}
