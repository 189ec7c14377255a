/**
 * The hub's own signing key (Ed25519, kept in its database): it signs the manifests of the exports
 * the hub makes, since it holds no device's private key. Its fingerprint is shown on the hub's
 * pages; an auditor compares it with the one in a hub export's verdict.
 */
import type { PublicKeyJwk } from '../core/domain/log/events';
import { fingerprint, sign, type SigningKeyPair } from '../core/domain/log/signing';
import type { Db } from './db';

export interface HubKey {
  signer: Pick<SigningKeyPair, 'algorithm' | 'privateKey'>;
  publicKey: PublicKeyJwk;
  fingerprint: string;
  sign(payload: unknown): Promise<string>;
}

const subtle = () => globalThis.crypto.subtle;

export async function hubKey(db: Db): Promise<HubKey> {
  let [row] = await db.query<{ private_jwk: JsonWebKey; public_jwk: PublicKeyJwk }>(
    'SELECT private_jwk, public_jwk FROM hub_key WHERE id = 1',
  );
  if (!row) {
    const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const privateJwk = await subtle().exportKey('jwk', pair.privateKey);
    const full = await subtle().exportKey('jwk', pair.publicKey);
    const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: full.x } as PublicKeyJwk;
    await db.query(
      `INSERT INTO hub_key (id, algorithm, private_jwk, public_jwk) VALUES (1, 'Ed25519', $1, $2)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(privateJwk), JSON.stringify(publicJwk)],
    );
    [row] = await db.query('SELECT private_jwk, public_jwk FROM hub_key WHERE id = 1');
  }
  if (!row) throw new Error('no hub key');
  const privateKey = await subtle().importKey('jwk', row.private_jwk, { name: 'Ed25519' }, false, [
    'sign',
  ]);
  const signer = { algorithm: 'Ed25519' as const, privateKey };
  return {
    signer,
    publicKey: row.public_jwk,
    fingerprint: await fingerprint(row.public_jwk),
    sign: (payload) => sign(signer, payload),
  };
}
