/**
 * The device's checkpoint signing keys, kept by the main process (`signing-keys.json` in the
 * user-data folder, each private key encrypted with Electron's `safeStorage`), out of the page's
 * reach. The page can ask for three things, each through a checked IPC call:
 *
 * - a first key for a new device identity (first run, a restore): main makes it and answers with
 *   its public half only;
 * - a checkpoint: main signs one only over the head its witness (witness-store.ts) holds, or over
 *   rows the page sends that extend that head (main hashes and links them itself), with the key
 *   in force, and names as next key one it made itself. Once the witness moves past the head it
 *   signed, the key it signed with is destroyed and the next one is in force;
 * - a statement (an export's manifest, a request to the hub) signed with the key in force: never
 *   a checkpoint, whatever the page sends.
 *
 * No call returns a private key, and none lets the page name the next key: DevTools in the page
 * can still use the key in force for what it signs today, but can neither plant an extractable
 * next key nor get a checkpoint over a rewritten log (docs/security.md).
 */
import { dirname, join } from 'node:path';
import { z } from '../core/domain/zod';
import { PublicKeyJwkSchema, type PublicKeyJwk } from '../core/domain/log/events';
import { checkpointPayload, sign, type KeyAlgorithm } from '../core/domain/log/signing';
import type { Head } from '../core/domain/log/witness';
import {
  LogNameSchema,
  type CheckpointRequest,
  type Result,
  type SignedCheckpointAnswer,
  type StatementRequest,
} from '../preload/contract';
import { leadsTo, type WitnessFileSystem, type WitnessStore } from './witness-store';

export const KEY_VAULT_FILE_NAME = 'signing-keys.json';

/** Electron's `safeStorage`, as far as the vault uses it (tests give a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
}

const AlgorithmSchema = z.enum(['Ed25519', 'ECDSA-P256']);

/** A private key at rest: PKCS#8, encrypted by safeStorage, in base64. */
const SealedKeySchema = z.strictObject({
  algorithm: AlgorithmSchema,
  publicKey: PublicKeyJwkSchema,
  secret: z.string().check(z.minLength(1)),
});
type SealedKey = z.infer<typeof SealedKeySchema>;

const ChainKeysSchema = z.strictObject({
  /** The index of the key in force. */
  index: z.int().check(z.gte(0)),
  current: SealedKeySchema,
  /** The next key, from the moment a checkpoint named it until the witness passes that checkpoint. */
  next: z.nullable(SealedKeySchema),
  /** The last head signed with `current` (its seq). */
  signedUpTo: z.nullable(z.int().check(z.gte(0))),
});
type ChainKeys = z.infer<typeof ChainKeysSchema>;

const LogKeysSchema = z.strictObject({
  /** A first key made for an identity whose first checkpoint has not been signed yet. */
  pendingFirst: z.nullable(SealedKeySchema),
  /** Per device id (a restore starts a new chain under a new id). */
  chains: z.record(z.uuid(), ChainKeysSchema),
});
type LogKeys = z.infer<typeof LogKeysSchema>;

const VaultFileSchema = z.object({
  version: z.literal(1),
  logs: z.record(LogNameSchema, LogKeysSchema),
});
type VaultFile = z.infer<typeof VaultFileSchema>;

export type VaultError =
  | 'no-safe-storage'
  | 'vault-unreadable'
  | 'write-failed'
  | 'key-missing'
  | 'key-index'
  | 'not-witnessed';

export interface KeyVault {
  firstKey(log: string): Promise<Result<{ algorithm: KeyAlgorithm; publicKey: PublicKeyJwk }>>;
  signCheckpoint(request: CheckpointRequest): Promise<Result<SignedCheckpointAnswer>>;
  signStatement(
    request: StatementRequest,
  ): Promise<Result<{ algorithm: KeyAlgorithm; value: string }>>;
  /** The index of the key in force main holds for `device`'s chain, null when it holds none. */
  keyInForce(log: string, device: string): Promise<Result<number | null>>;
  /** After the witness moved: destroys each key whose checkpoint the witness has passed. */
  settle(log: string): Promise<void>;
}

const GENERATE = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', namedCurve: 'P-256' },
} as const;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** A key pair made in main: its private half goes straight under safeStorage. */
async function makeKey(safe: SafeStorageLike): Promise<SealedKey> {
  const subtle = globalThis.crypto.subtle;
  for (const algorithm of ['Ed25519', 'ECDSA-P256'] as const) {
    try {
      const pair = (await subtle.generateKey(GENERATE[algorithm], true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const jwk = await subtle.exportKey('jwk', pair.publicKey);
      const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
      const publicKey = PublicKeyJwkSchema.parse(
        jwk.kty === 'OKP'
          ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x }
          : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
      );
      return {
        algorithm,
        publicKey,
        secret: toBase64(safe.encryptString(toBase64(pkcs8))),
      };
    } catch (error) {
      if (algorithm === 'ECDSA-P256') throw error;
    }
  }
  throw new Error('no signing algorithm');
}

async function openKey(safe: SafeStorageLike, sealed: SealedKey) {
  const pkcs8 = fromBase64(safe.decryptString(fromBase64(sealed.secret)));
  const privateKey = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    pkcs8,
    GENERATE[sealed.algorithm],
    false,
    ['sign'],
  );
  return { algorithm: sealed.algorithm, privateKey };
}

/** The chain once the witness has passed the head its key in force signed. */
function settled(chain: ChainKeys, witnessed: Head | null): ChainKeys {
  if (!chain.next || chain.signedUpTo === null || !witnessed) return chain;
  if (witnessed.seq <= chain.signedUpTo) return chain;
  return { index: chain.index + 1, current: chain.next, next: null, signedUpTo: null };
}

/**
 * The keys of `device`'s chain; a device main holds no chain for yet gets the first key made last
 * for this log (its identity's), as key 0, when key 0 is asked for.
 */
function chainFor(keys: LogKeys, device: string, keyIndex: number): ChainKeys | null {
  const chain = keys.chains[device];
  if (chain) return chain;
  if (keyIndex !== 0 || !keys.pendingFirst) return null;
  return { index: 0, current: keys.pendingFirst, next: null, signedUpTo: null };
}

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

export function createKeyVault(deps: {
  userDataDir: string;
  fs: WitnessFileSystem;
  safeStorage: SafeStorageLike;
  witness: WitnessStore;
  log?: (message: string) => void;
}): KeyVault {
  const filePath = join(deps.userDataDir, KEY_VAULT_FILE_NAME);
  const log = deps.log ?? (() => undefined);
  const safe = deps.safeStorage;
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
  const fail = (error: VaultError): { ok: false; error: string } => ({ ok: false, error });

  async function load(): Promise<VaultFile | null> {
    let text: string;
    try {
      text = await deps.fs.readFile(filePath);
    } catch (error) {
      if (isMissing(error)) return { version: 1, logs: {} };
      return null;
    }
    try {
      const parsed = VaultFileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function save(file: VaultFile): Promise<boolean> {
    const partial = `${filePath}.part`;
    try {
      await deps.fs.mkdir(dirname(filePath), { recursive: true });
      await deps.fs.writeFile(partial, JSON.stringify(file));
      await deps.fs.rename(partial, filePath);
      return true;
    } catch (error) {
      log(`writing ${KEY_VAULT_FILE_NAME}: ${error instanceof Error ? error.message : error}`);
      return false;
    }
  }

  async function witnessed(name: string): Promise<Head | null | 'unreadable'> {
    const read = await deps.witness.read(name);
    return read.ok ? read.value : 'unreadable';
  }

  /** Runs `work` on the log's keys, settled against the witness; saves what it returns. */
  function withLog<T>(
    name: string,
    work: (
      keys: LogKeys,
      head: Head | null,
    ) => Promise<{ keys: LogKeys; answer: Result<T> } | Result<T>>,
  ): Promise<Result<T>> {
    return serial(async () => {
      if (!safe.isEncryptionAvailable()) return fail('no-safe-storage');
      const file = await load();
      if (!file) {
        log(`${KEY_VAULT_FILE_NAME} is unreadable; it is kept as it is`);
        return fail('vault-unreadable');
      }
      const head = await witnessed(name);
      if (head === 'unreadable') return fail('not-witnessed');
      const before = file.logs[name] ?? { pendingFirst: null, chains: {} };
      const chains = Object.fromEntries(
        Object.entries(before.chains).map(([device, chain]) => [device, settled(chain, head)]),
      );
      const current: LogKeys = { ...before, chains };
      const done = await work(current, head);
      const { keys, answer } = 'answer' in done ? done : { keys: current, answer: done };
      if (JSON.stringify(keys) !== JSON.stringify(before)) {
        if (!(await save({ version: 1, logs: { ...file.logs, [name]: keys } })))
          return fail('write-failed');
      }
      return answer;
    });
  }

  return {
    firstKey: (name) =>
      withLog(name, async (keys) => {
        const made = await makeKey(safe);
        return {
          keys: { ...keys, pendingFirst: made },
          answer: { ok: true, value: { algorithm: made.algorithm, publicKey: made.publicKey } },
        };
      }),

    signCheckpoint: (request) =>
      withLog(request.log, async (keys, head) => {
        if (!head || !(await leadsTo(head, request.rows, request.head))) {
          log(`checkpoint over seq ${request.head.seq} refused: not witnessed`);
          return fail('not-witnessed');
        }
        const chain = chainFor(keys, request.device, request.keyIndex);
        if (!chain) return fail('key-missing');
        if (request.keyIndex !== chain.index) return fail('key-index');
        const next = chain.next ?? (await makeKey(safe));
        const signature = await sign(
          await openKey(safe, chain.current),
          checkpointPayload({
            device: request.device,
            upToSeq: request.head.seq,
            upToHash: request.head.hash,
            keyIndex: chain.index,
            nextKey: next.publicKey,
          }),
        );
        const bound = keys.chains[request.device] === undefined;
        return {
          keys: {
            pendingFirst: bound ? null : keys.pendingFirst,
            chains: {
              ...keys.chains,
              [request.device]: { ...chain, next, signedUpTo: request.head.seq },
            },
          },
          answer: {
            ok: true,
            value: { algorithm: chain.current.algorithm, nextKey: next.publicKey, signature },
          },
        };
      }),

    signStatement: (request) =>
      withLog(request.log, async (keys) => {
        const chain = chainFor(keys, request.device, request.keyIndex);
        if (!chain) return fail('key-missing');
        if (request.keyIndex !== chain.index) return fail('key-index');
        const value = await sign(await openKey(safe, chain.current), request.payload);
        return { ok: true, value: { algorithm: chain.current.algorithm, value } };
      }),

    keyInForce: (name, device) =>
      withLog(name, async (keys) => ({
        ok: true,
        value: chainFor(keys, device, 0)?.index ?? null,
      })),

    settle: async (name) => {
      await withLog(name, async () => ({ ok: true, value: null }));
    },
  };
}
