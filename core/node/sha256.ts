/**
 * SHA-256 by Node's own crypto (OpenSSL): the same digests as the JavaScript one the browser uses
 * (a test compares them), several times faster on a counter-year's records. Used by the command
 * line verifier and the hub, which run in Node.
 */
import { createHash } from 'node:crypto';
import type { Sha256 } from '../domain/log/canonical';

export const NODE_SHA256: Sha256 = {
  hex: (data) => createHash('sha256').update(data).digest('hex'),
  incremental() {
    const hash = createHash('sha256');
    return {
      update: (part) => void hash.update(part),
      hex: () => hash.digest('hex'),
    };
  },
};
