// @vitest-environment node
import { mkdtemp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../core/domain/log/events';
import { checkpointPayload, verifySignature } from '../../../core/domain/log/signing';
import { CheckpointRequestSchema, StatementRequestSchema } from '../../../preload/contract';
import { KEY_VAULT_FILE_NAME, createKeyVault, type SafeStorageLike } from '../../../main/key-vault';
import { createWitnessStore } from '../../../main/witness-store';
import { DEVICE, headOf, records } from './log-rows';

const LOG = 'counter-steps';
const realFs = { readFile: (path: string) => readFile(path, 'utf8'), writeFile, rename, mkdir };

/** safeStorage stand-in: a reversible scramble, and a switch for "no keyring". */
function fakeSafeStorage(): SafeStorageLike & { available: boolean; used: number } {
  const fake = {
    available: true,
    used: 0,
    isEncryptionAvailable: () => fake.available,
    encryptString: (text: string) => {
      fake.used += 1;
      return Uint8Array.from(Buffer.from(`sealed:${text}`).map((byte) => byte ^ 0x5a));
    },
    decryptString: (bytes: Uint8Array) => {
      const text = Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString();
      if (!text.startsWith('sealed:')) throw new Error('not sealed here');
      return text.slice('sealed:'.length);
    },
  };
  return fake;
}

async function setUp() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'key-vault-'));
  const witness = createWitnessStore({ userDataDir, fs: realFs });
  const safeStorage = fakeSafeStorage();
  const vault = createKeyVault({ userDataDir, fs: realFs, safeStorage, witness });
  return { userDataDir, witness, safeStorage, vault };
}

describe('the signing keys main keeps', () => {
  it('makes a first key and gives the page only its public half; at rest it is under safeStorage', async () => {
    const { userDataDir, vault, safeStorage } = await setUp();
    const first = await vault.firstKey(LOG);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(Object.keys(first.value.publicKey)).not.toContain('d');
    expect(safeStorage.used).toBe(1);
    const text = await readFile(join(userDataDir, KEY_VAULT_FILE_NAME), 'utf8');
    expect(text).not.toMatch(/"d"|PRIVATE|MC4CAQAwBQYDK2Vw/);
  });

  it('signs a checkpoint over the witnessed head, naming a next key it made itself', async () => {
    const { vault, witness } = await setUp();
    const first = await vault.firstKey(LOG);
    if (!first.ok) throw new Error('no first key');
    const rows = await records({ seq: 0, hash: GENESIS_HASH }, 3);
    expect(await witness.advance(LOG, headOf(rows), rows)).toEqual({ ok: true, value: null });

    const signed = await vault.signCheckpoint({
      log: LOG,
      device: DEVICE,
      keyIndex: 0,
      head: headOf(rows),
      rows: [],
    });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const payload = checkpointPayload({
      device: DEVICE,
      upToSeq: 3,
      upToHash: headOf(rows).hash,
      keyIndex: 0,
      nextKey: signed.value.nextKey,
    });
    expect(await verifySignature(first.value.publicKey, payload, signed.value.signature)).toBe(
      true,
    );
    expect(signed.value.nextKey).not.toEqual(first.value.publicKey);
  });

  it('refuses a checkpoint the page asks with a next key of its own', () => {
    const planted = CheckpointRequestSchema.safeParse({
      log: LOG,
      device: DEVICE,
      keyIndex: 0,
      head: { seq: 1, hash: 'a'.repeat(64) },
      rows: [],
      nextKey: { kty: 'OKP', crv: 'Ed25519', x: 'planted' },
    });
    expect(planted.success).toBe(false);
  });

  it('signs nothing over a head it has not witnessed, nor over rows that rewrite the witnessed log', async () => {
    const { vault, witness } = await setUp();
    await vault.firstKey(LOG);
    const rows = await records({ seq: 0, hash: GENESIS_HASH }, 4);
    await witness.advance(LOG, headOf(rows.slice(0, 2)), rows.slice(0, 2));

    // A head named without the rows that lead to it.
    const unseen = { log: LOG, device: DEVICE, keyIndex: 0, head: headOf(rows), rows: [] };
    expect(await vault.signCheckpoint(unseen)).toEqual({ ok: false, error: 'not-witnessed' });

    // The rows after the witnessed head, as stored: signed.
    const extended = await vault.signCheckpoint({ ...unseen, rows: rows.slice(2) });
    expect(extended.ok).toBe(true);

    // A witnessed record rewritten and every hash after it made again: not from the witnessed head.
    const rewritten = await records({ seq: 1, hash: rows[0]!.hash }, 3, 'rewritten');
    expect(
      await vault.signCheckpoint({ ...unseen, head: headOf(rewritten), rows: rewritten }),
    ).toEqual({ ok: false, error: 'not-witnessed' });
    // A row altered but its stored hash kept.
    const altered = [{ ...rows[2]!, mono: { boot: 'edited', ms: 1 } }, rows[3]!];
    expect(await vault.signCheckpoint({ ...unseen, rows: altered })).toEqual({
      ok: false,
      error: 'not-witnessed',
    });
  });

  it('destroys the key it signed with once the witness passes the checkpoint; the next key is then in force', async () => {
    const { userDataDir, vault, witness } = await setUp();
    await vault.firstKey(LOG);
    const rows = await records({ seq: 0, hash: GENESIS_HASH }, 2);
    await witness.advance(LOG, headOf(rows), rows);
    const request = { log: LOG, device: DEVICE, keyIndex: 0, head: headOf(rows), rows: [] };
    const signed = await vault.signCheckpoint(request);
    if (!signed.ok) throw new Error(signed.error);
    const before = JSON.parse(await readFile(join(userDataDir, KEY_VAULT_FILE_NAME), 'utf8'));
    const keyZeroSecret: string = before.logs[LOG].chains[DEVICE].current.secret;

    // Asked again before the checkpoint is stored (a retried commit): the same next key.
    const again = await vault.signCheckpoint(request);
    expect(again.ok && again.value.nextKey).toEqual(signed.value.nextKey);

    const after = await records(headOf(rows), 1);
    await witness.advance(LOG, headOf(after), after);
    await vault.settle(LOG);
    expect(await vault.keyInForce(LOG, DEVICE)).toEqual({ ok: true, value: 1 });
    expect(await readFile(join(userDataDir, KEY_VAULT_FILE_NAME), 'utf8')).not.toContain(
      keyZeroSecret,
    );
    // Key 0 is gone: nothing earlier can be signed again.
    expect(await vault.signCheckpoint({ ...request, head: headOf(after) })).toEqual({
      ok: false,
      error: 'key-index',
    });
    const next = await vault.signCheckpoint({ ...request, keyIndex: 1, head: headOf(after) });
    if (!next.ok) throw new Error(next.error);
    const payload = checkpointPayload({
      device: DEVICE,
      upToSeq: headOf(after).seq,
      upToHash: headOf(after).hash,
      keyIndex: 1,
      nextKey: next.value.nextKey,
    });
    expect(await verifySignature(signed.value.nextKey, payload, next.value.signature)).toBe(true);
  });

  it('signs statements with the key in force, never a checkpoint', async () => {
    const { vault, witness } = await setUp();
    const first = await vault.firstKey(LOG);
    if (!first.ok) throw new Error(first.error);
    const rows = await records({ seq: 0, hash: GENESIS_HASH }, 1);
    await witness.advance(LOG, headOf(rows), rows);
    const manifest = { purpose: 'counter-steps/export-manifest' as const, days: 1 };
    const signed = await vault.signStatement({
      log: LOG,
      device: DEVICE,
      keyIndex: 0,
      payload: manifest,
    });
    if (!signed.ok) throw new Error(signed.error);
    expect(await verifySignature(first.value.publicKey, manifest, signed.value.value)).toBe(true);

    const disguised = StatementRequestSchema.safeParse({
      log: LOG,
      device: DEVICE,
      keyIndex: 0,
      payload: checkpointPayload({
        device: DEVICE,
        upToSeq: 1,
        upToHash: rows[0]!.hash,
        keyIndex: 0,
        nextKey: first.value.publicKey,
      }),
    });
    expect(disguised.success).toBe(false);
  });

  it('keeps no key where safeStorage cannot encrypt, and says so', async () => {
    const { vault, safeStorage } = await setUp();
    safeStorage.available = false;
    expect(await vault.firstKey(LOG)).toEqual({ ok: false, error: 'no-safe-storage' });
  });

  it('reports an unreadable key file and leaves it as it is', async () => {
    const { userDataDir, vault } = await setUp();
    await writeFile(join(userDataDir, KEY_VAULT_FILE_NAME), '{"version":1,"logs":');
    expect(await vault.firstKey(LOG)).toEqual({ ok: false, error: 'vault-unreadable' });
    expect(await readFile(join(userDataDir, KEY_VAULT_FILE_NAME), 'utf8')).toBe(
      '{"version":1,"logs":',
    );
  });
});

describe('the witness main keeps', () => {
  it('moves forward only over rows that lead from the witnessed head', async () => {
    const { witness } = await setUp();
    const rows = await records({ seq: 0, hash: GENESIS_HASH }, 4);
    expect(await witness.advance(LOG, headOf(rows.slice(0, 2)), rows.slice(0, 2))).toEqual({
      ok: true,
      value: null,
    });
    // A head named alone, past the witnessed one: refused.
    expect(await witness.advance(LOG, headOf(rows))).toEqual({ ok: false, error: 'unlinked' });
    // A rewrite after the witnessed head's predecessor, re-hashed to the end: refused.
    const rewritten = await records({ seq: 1, hash: rows[0]!.hash }, 3, 'rewritten');
    expect(await witness.advance(LOG, headOf(rewritten), rewritten.slice(1))).toEqual({
      ok: false,
      error: 'unlinked',
    });
    expect(await witness.advance(LOG, headOf(rows), rows.slice(2))).toEqual({
      ok: true,
      value: null,
    });
  });
});
