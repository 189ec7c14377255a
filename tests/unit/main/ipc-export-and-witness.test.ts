// @vitest-environment node
/** Main's IPC handlers for exports (written in parts, then renamed) and for the log's witness. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_ERRORS } from '../../../main/ipc-handlers';
import { APP, exportsDir, goodExport, setup } from './ipc-support';

describe('the export channels', () => {
  it('write an export in parts beside its name, then rename it into the exports folder', async () => {
    const { handlers, fs } = setup();
    const begun = await handlers.beginExport(APP, [goodExport]);
    expect(begun).toMatchObject({ ok: true, value: { handle: expect.any(String) } });
    const handle = begun.ok ? begun.value.handle : '';
    expect(await handlers.writeExport(APP, [{ handle, chunk: new Uint8Array([80, 75]) }])).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers.writeExport(APP, [{ handle, chunk: new Uint8Array([3, 4]) }])).toEqual({
      ok: true,
      value: null,
    });
    const target = join(exportsDir, goodExport.fileName);
    expect(await handlers.finishExport(APP, [{ handle }])).toEqual({
      ok: true,
      value: { path: target },
    });
    expect([...(fs.files.get(target) ?? [])]).toEqual([80, 75, 3, 4]);
    expect([...fs.files.keys()]).toEqual([target]);
  });

  it('leave nothing behind when an export is cancelled', async () => {
    const { handlers, fs } = setup();
    const begun = await handlers.beginExport(APP, [goodExport]);
    const handle = begun.ok ? begun.value.handle : '';
    await handlers.writeExport(APP, [{ handle, chunk: new Uint8Array(10) }]);
    expect(await handlers.abortExport(APP, [{ handle }])).toEqual({ ok: true, value: null });
    expect(fs.files.size).toBe(0);
    expect(await handlers.finishExport(APP, [{ handle }])).toEqual({
      ok: false,
      error: 'unknown-export',
    });
  });

  it.each([
    ['a traversing name', [{ fileName: '../escape.zip' }]],
    ['a folder in the name', [{ fileName: 'a/b.zip' }]],
    ['another kind of file', [{ fileName: 'script.js' }]],
    ['an extra field', [{ fileName: 'a.zip', path: '/etc' }]],
  ])('refuse %s before touching the disk', async (_what, args) => {
    const { handlers, fs } = setup();
    expect(await handlers.beginExport(APP, args)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(fs.calls).toEqual([]);
  });

  it.each([
    [
      'a chunk that is not bytes',
      [{ handle: '00000000-0000-4000-8000-000000000000', chunk: 'PK' }],
    ],
    ['a handle that is not one', [{ handle: 'x', chunk: new Uint8Array(1) }]],
  ])('refuse %s', async (_what, args) => {
    const { handlers } = setup();
    expect(await handlers.writeExport(APP, args)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
  });
});

describe('the witness channels', () => {
  const head = (seq: number, fill = 'a') => ({ seq, hash: fill.repeat(64) });

  it('reads nothing at first, then the head the page advanced to', async () => {
    const { handlers } = setup();
    expect(await handlers.readWitness(APP, [{ log: 'counter-steps' }])).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers.advanceWitness(APP, [{ log: 'counter-steps', head: head(5) }])).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers.readWitness(APP, [{ log: 'counter-steps' }])).toEqual({
      ok: true,
      value: head(5),
    });
  });

  it("refuses to go back, or to another hash at the same record, and says so in main's log", async () => {
    const { handlers, logs } = setup();
    await handlers.advanceWitness(APP, [{ log: 'counter-steps', head: head(9) }]);
    expect(await handlers.advanceWitness(APP, [{ log: 'counter-steps', head: head(4) }])).toEqual({
      ok: false,
      error: 'behind',
    });
    expect(
      await handlers.advanceWitness(APP, [{ log: 'counter-steps', head: head(9, 'b') }]),
    ).toEqual({
      ok: false,
      error: 'forked',
    });
    expect(await handlers.readWitness(APP, [{ log: 'counter-steps' }])).toEqual({
      ok: true,
      value: head(9),
    });
    expect(logs.some((line) => line.includes('from seq 9 to 4'))).toBe(true);
  });

  it.each([
    ['no payload', []],
    ['a negative seq', [{ log: 'counter-steps', head: { seq: -1, hash: 'a'.repeat(64) } }]],
    ['a hash that is not hex', [{ log: 'counter-steps', head: { seq: 3, hash: 'z'.repeat(64) } }]],
    ['a log name with a path in it', [{ log: '../x', head: { seq: 3, hash: 'a'.repeat(64) } }]],
    [
      'an extra field',
      [{ log: 'counter-steps', head: { seq: 3, hash: 'a'.repeat(64) }, force: true }],
    ],
  ])('refuses %s without touching the witness', async (_what, args) => {
    const { handlers } = setup();
    expect(await handlers.advanceWitness(APP, args)).toEqual({
      ok: false,
      error: 'invalid-payload',
    });
    expect(await handlers.readWitness(APP, [{ log: 'counter-steps' }])).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses a sender that is not the app', async () => {
    const { handlers } = setup();
    expect(
      await handlers.advanceWitness('https://evil.example/', [
        { log: 'counter-steps', head: head(1) },
      ]),
    ).toEqual({ ok: false, error: 'forbidden-sender' });
  });
});
