// @vitest-environment node
import { mkdtemp, readFile, rename, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WITNESS_FILE_NAME, createWitnessStore } from '../../../main/witness-store';

const head = (seq: number, fill = 'a') => ({ seq, hash: fill.repeat(64) });
const realFs = { readFile: (path: string) => readFile(path, 'utf8'), writeFile, rename, mkdir };

async function storeOnDisk() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'witness-'));
  const logs: string[] = [];
  return {
    userDataDir,
    logs,
    store: createWitnessStore({ userDataDir, fs: realFs, log: (line) => logs.push(line) }),
  };
}

describe('the witness file', () => {
  it('keeps each log’s head across a restart of main, and only moves it forward', async () => {
    const { userDataDir, store } = await storeOnDisk();
    await store.advance('counter-steps', head(7, 'b'));
    await store.advance('other-log', head(1, 'c'));
    const again = createWitnessStore({ userDataDir, fs: realFs });
    expect(await again.read('counter-steps')).toEqual({ ok: true, value: head(7, 'b') });
    expect(await again.read('other-log')).toEqual({ ok: true, value: head(1, 'c') });
    expect(await again.advance('counter-steps', head(6))).toEqual({ ok: false, error: 'behind' });
    // Past the witnessed head, only with the rows that lead there (key-vault.test.ts has those).
    expect(await again.advance('counter-steps', head(9))).toEqual({ ok: false, error: 'unlinked' });
    expect(JSON.parse(await readFile(join(userDataDir, WITNESS_FILE_NAME), 'utf8'))).toMatchObject({
      version: 1,
      logs: { 'counter-steps': head(7, 'b') },
    });
  });

  it('reports an unreadable file and keeps it as it is, rather than starting again from nothing', async () => {
    const { userDataDir, store, logs } = await storeOnDisk();
    await writeFile(join(userDataDir, WITNESS_FILE_NAME), '{"version":1,"logs":{"counter-steps":');
    expect(await store.read('counter-steps')).toEqual({ ok: false, error: 'witness-unreadable' });
    expect(await store.advance('counter-steps', head(1))).toEqual({
      ok: false,
      error: 'witness-unreadable',
    });
    expect(await readFile(join(userDataDir, WITNESS_FILE_NAME), 'utf8')).toBe(
      '{"version":1,"logs":{"counter-steps":',
    );
    expect(logs.join('\n')).toContain('unreadable');
  });

  it('takes concurrent advances one at a time, so none is lost', async () => {
    const { store } = await storeOnDisk();
    await Promise.all([1, 2, 3, 4, 5].map((seq) => store.advance(`log-${seq}`, head(seq))));
    for (const seq of [1, 2, 3, 4, 5]) {
      expect(await store.read(`log-${seq}`)).toEqual({ ok: true, value: head(seq) });
    }
  });
});
