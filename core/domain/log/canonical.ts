/**
 * The bytes a record is hashed and signed over: JSON with object keys sorted by code point at every
 * depth and no whitespace, so the same record always has the same bytes whichever order its fields
 * were written in. Values that JSON cannot represent faithfully are refused, never changed.
 */
import { sha256 } from '@noble/hashes/sha256';

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
      // Built by concatenation: the verifier canonicalizes every record of a log.
      if (Array.isArray(value)) {
        let out = '[';
        for (let index = 0; index < value.length; index += 1) {
          if (index > 0) out += ',';
          out += canonicalize(value[index]);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, as `<` does.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (out.length > 1) out += ',';
        out += `${JSON.stringify(key)}:${canonicalize(item)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical form has no ${typeof value}`);
  }
}

const encoder = new TextEncoder();

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * A synchronous SHA-256: for the many small inputs of a whole log, where WebCrypto's asynchronous
 * digest costs far more in round trips than in hashing, and for files read a part at a time.
 */
export interface Sha256 {
  /** The hex digest of `data` (a string is hashed as its UTF-8 bytes). */
  hex(data: string | Uint8Array): string;
  /** A digest fed a part at a time. */
  incremental(): { update(part: Uint8Array): void; hex(): string };
}

/** In pure JavaScript (@noble/hashes): everywhere. Node's own is faster (core/node/sha256.ts). */
export const JS_SHA256: Sha256 = {
  hex: (data) => toHex(sha256(typeof data === 'string' ? encoder.encode(data) : data)),
  incremental() {
    const hash = sha256.create();
    return {
      update: (part) => void hash.update(part),
      hex: () => toHex(hash.digest()),
    };
  },
};

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(
    new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource)),
  );
}
