// @vitest-environment node
import { mkdtemp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, type SaveExportRequest } from '../../../preload/contract';
import {
  type ExportFileSystem,
  type IpcDeps,
  IPC_ERRORS,
  createIpcHandlers,
  decodeExportContents,
  handlersByChannel,
  resolveExportPath,
} from '../../../main/ipc-handlers';
import type { KeepAwake } from '../../../main/keep-awake';
import { createWitnessStore } from '../../../main/witness-store';

const APP = 'app://counter-steps/index.html';
const exportsDir = resolve('/data/counter-steps/exports');

/** In-memory file system that records every call. */
class MemoryFs implements ExportFileSystem {
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>();
  readonly calls: string[] = [];
  failWrites = false;
  async mkdir(dir: string): Promise<undefined> {
    this.calls.push(`mkdir ${dir}`);
    this.dirs.add(dir);
    return undefined;
  }
  async writeFile(filePath: string, data: Uint8Array): Promise<void> {
    this.calls.push(`write ${filePath}`);
    if (this.failWrites) throw new Error('ENOSPC: no space left on device');
    this.files.set(filePath, data);
  }
  async rename(from: string, to: string): Promise<void> {
    this.calls.push(`rename ${from} -> ${to}`);
    const data = this.files.get(from);
    if (!data) throw new Error('ENOENT');
    this.files.delete(from);
    this.files.set(to, data);
  }
  async rm(filePath: string): Promise<void> {
    this.calls.push(`rm ${filePath}`);
    this.files.delete(filePath);
  }
}

class FakeKeepAwake implements KeepAwake {
  readonly calls: boolean[] = [];
  on = false;
  fail = false;
  set(on: boolean): void {
    if (this.fail) throw new Error('blocker unavailable');
    this.calls.push(on);
    this.on = on;
  }
  isOn(): boolean {
    return this.on;
  }
}

/** A witness store over an in-memory witness.json, as main builds it over the real disk. */
function memoryWitnessStore(log: (message: string) => void) {
  const files = new Map<string, string>();
  return createWitnessStore({
    userDataDir: '/data',
    fs: {
      readFile: async (path) => {
        const text = files.get(path);
        if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return text;
      },
      writeFile: async (path, data) => void files.set(path, data),
      rename: async (from, to) => {
        files.set(to, files.get(from) ?? '');
        files.delete(from);
      },
      mkdir: async () => undefined,
    },
    log,
  });
}

function setup(overrides: Partial<IpcDeps> = {}) {
  const fs = new MemoryFs();
  const keepAwake = new FakeKeepAwake();
  const logs: string[] = [];
  const handlers = createIpcHandlers({
    appVersion: '0.1.0',
    kiosk: false,
    exportsDir,
    fs,
    keepAwake,
    witness: memoryWitnessStore((message) => logs.push(message)),
    log: (message) => logs.push(message),
    ...overrides,
  });
  return { handlers, fs, keepAwake, logs };
}

const goodExport: SaveExportRequest = {
  fileName: 'events-2025-11-23.csv',
  contents: 'a,b\n1,2\n',
  encoding: 'utf8',
};

const HOSTILE_SENDERS: Array<[string, string | null | undefined]> = [
  ['a remote page', 'https://example.com/'],
  ['a file page', 'file:///work/main/out/renderer/index.html'],
  ['another app host', 'app://other-host/'],
  ['a look-alike host', 'app://counter-steps.evil/'],
  ['a data URL', 'data:text/html,<script></script>'],
  ['about:blank', 'about:blank'],
  ['a destroyed frame', null],
  ['no frame at all', undefined],
];

describe('handlersByChannel', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = setup();
    const channels = handlersByChannel(handlers).map(([channel]) => channel);
    expect(channels.sort()).toEqual(Object.values(CHANNELS).sort());
  });
});

describe('sender check', () => {
  it.each(HOSTILE_SENDERS)(
    'every channel refuses %s before looking at the payload',
    async (_label, sender) => {
      const { handlers, fs, keepAwake } = setup();
      expect(await handlers.getAppInfo(sender, [])).toEqual({
        ok: false,
        error: IPC_ERRORS.forbiddenSender,
      });
      expect(await handlers.setKeepAwake(sender, [{ on: true }])).toEqual({
        ok: false,
        error: IPC_ERRORS.forbiddenSender,
      });
      expect(await handlers.saveExport(sender, [goodExport])).toEqual({
        ok: false,
        error: IPC_ERRORS.forbiddenSender,
      });
      expect(fs.calls).toEqual([]);
      expect(keepAwake.calls).toEqual([]);
    },
  );
});

describe('getAppInfo', () => {
  it('reports the Electron shell, app version and kiosk flag', async () => {
    const { handlers } = setup({ kiosk: true, appVersion: '1.2.3' });
    expect(await handlers.getAppInfo(APP, [])).toEqual({
      ok: true,
      value: { shell: 'electron', version: '1.2.3', kiosk: true },
    });
  });

  it.each([[[{}]], [[null]], [['x']], [[undefined, undefined]]])(
    'refuses arguments %j',
    async (args) => {
      const { handlers } = setup();
      expect(await handlers.getAppInfo(APP, args)).toEqual({
        ok: false,
        error: IPC_ERRORS.invalidPayload,
      });
    },
  );
});

describe('setKeepAwake', () => {
  it('turns the display blocker on and off', async () => {
    const { handlers, keepAwake } = setup();
    expect(await handlers.setKeepAwake(APP, [{ on: true }])).toEqual({ ok: true, value: null });
    expect(await handlers.setKeepAwake(APP, [{ on: false }])).toEqual({ ok: true, value: null });
    expect(keepAwake.calls).toEqual([true, false]);
  });

  it.each([
    ['no payload', []],
    ['a bare boolean', [true]],
    ['a string flag', [{ on: 'true' }]],
    ['a number flag', [{ on: 1 }]],
    ['an extra key', [{ on: true, type: 'prevent-app-suspension' }]],
    ['a missing key', [{}]],
    ['two arguments', [{ on: true }, { on: false }]],
  ])('refuses %s without touching the blocker', async (_label, args) => {
    const { handlers, keepAwake, logs } = setup();
    expect(await handlers.setKeepAwake(APP, args)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(keepAwake.calls).toEqual([]);
    if (args.length <= 1) expect(logs.join('\n')).toMatch(/invalid payload/);
  });

  it('turns a blocker failure into a short error code', async () => {
    const { handlers, keepAwake } = setup();
    keepAwake.fail = true;
    expect(await handlers.setKeepAwake(APP, [{ on: true }])).toEqual({
      ok: false,
      error: IPC_ERRORS.keepAwakeFailed,
    });
  });
});

describe('saveExport', () => {
  it('writes the file inside the exports folder via a partial file and returns its path', async () => {
    const { handlers, fs } = setup();
    const result = await handlers.saveExport(APP, [goodExport]);
    const target = join(exportsDir, goodExport.fileName);
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(new TextDecoder().decode(fs.files.get(target))).toBe(goodExport.contents);
    expect([...fs.files.keys()]).toEqual([target]);
    expect(fs.calls[0]).toBe(`mkdir ${exportsDir}`);
    expect(fs.calls.at(-1)).toMatch(/^rename .*\.part -> /);
  });

  it('accepts Chinese file names', async () => {
    const { handlers } = setup();
    const result = await handlers.saveExport(APP, [
      { ...goodExport, fileName: '柜台日志 2025-11.json' },
    ]);
    expect(result).toEqual({
      ok: true,
      value: { path: join(exportsDir, '柜台日志 2025-11.json') },
    });
  });

  it('decodes base64 contents to bytes', async () => {
    const { handlers, fs } = setup();
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const contents = Buffer.from(bytes).toString('base64');
    const result = await handlers.saveExport(APP, [
      { fileName: 'report.xlsx', contents, encoding: 'base64' },
    ]);
    expect(result.ok).toBe(true);
    expect([...(fs.files.get(join(exportsDir, 'report.xlsx')) ?? [])]).toEqual([...bytes]);
  });

  it.each([
    ['parent traversal', '../x.csv'],
    ['Windows traversal', '..\\x.csv'],
    ['an absolute path', '/etc/x.csv'],
    ['a Windows absolute path', 'C:\\x.csv'],
    ['a sub-folder', 'a/b.csv'],
    ['a Windows sub-folder', 'a\\b.csv'],
    ['a dot file', '.bashrc.csv'],
    ['a disallowed extension', 'run.sh'],
    ['an executable extension', 'report.csv.exe'],
    ['no extension', 'report'],
    ['a NUL byte', 'x.csv\0.txt'],
    ['a newline', 'x\n.csv'],
    ['an empty name', ''],
    ['a name over 120 characters', `${'a'.repeat(121)}.csv`],
  ])('refuses %s in fileName and writes nothing', async (_label, fileName) => {
    const { handlers, fs } = setup();
    const result = await handlers.saveExport(APP, [{ ...goodExport, fileName }]);
    expect(result).toEqual({ ok: false, error: IPC_ERRORS.invalidPayload });
    expect(fs.calls).toEqual([]);
  });

  it('refuses a Windows device name the schema lets through', async () => {
    const { handlers, fs } = setup();
    const result = await handlers.saveExport(APP, [{ ...goodExport, fileName: 'CON.csv' }]);
    expect(result).toEqual({ ok: false, error: IPC_ERRORS.invalidFileName });
    expect(fs.calls).toEqual([]);
  });

  it.each([
    ['a non-object payload', ['events.csv']],
    ['no payload', []],
    ['contents as a number', [{ ...goodExport, contents: 42 }]],
    ['an unknown encoding', [{ ...goodExport, encoding: 'latin1' }]],
    ['an extra key', [{ ...goodExport, directory: '/etc' }]],
    ['a missing key', [{ fileName: goodExport.fileName, contents: goodExport.contents }]],
    ['fileName as an array', [{ ...goodExport, fileName: ['a.csv'] }]],
    [
      'a prototype-pollution key',
      [JSON.parse('{"fileName":"a.csv","contents":"","encoding":"utf8","__proto__":{"x":1}}')],
    ],
    ['two arguments', [goodExport, goodExport]],
  ])('refuses %s', async (_label, args) => {
    const { handlers, fs } = setup();
    expect(await handlers.saveExport(APP, args)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(fs.calls).toEqual([]);
  });

  it('refuses contents over the 50 MiB limit', async () => {
    const { handlers, fs } = setup();
    const contents = 'x'.repeat(50 * 1024 * 1024 + 1);
    expect(await handlers.saveExport(APP, [{ ...goodExport, contents }])).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(fs.calls).toEqual([]);
  });

  it.each(['not base64!', 'QUJD$', 'QUJ', 'QU=J'])(
    'refuses base64 contents %j that are not canonical',
    async (contents) => {
      const { handlers, fs } = setup();
      const result = await handlers.saveExport(APP, [
        { fileName: 'r.xlsx', contents, encoding: 'base64' },
      ]);
      expect(result).toEqual({ ok: false, error: IPC_ERRORS.invalidPayload });
      expect(fs.calls).toEqual([]);
    },
  );

  it('reports a failed write as write-failed, without the OS message, and cleans up', async () => {
    const { handlers, fs, logs } = setup();
    fs.failWrites = true;
    const result = await handlers.saveExport(APP, [goodExport]);
    expect(result).toEqual({ ok: false, error: IPC_ERRORS.writeFailed });
    expect(JSON.stringify(result)).not.toContain('ENOSPC');
    expect(logs.join('\n')).toContain('ENOSPC');
    expect(fs.calls.at(-1)).toMatch(/^rm .*\.part$/);
  });
});

describe('resolveExportPath', () => {
  it('resolves a plain name directly inside the folder', () => {
    expect(resolveExportPath(exportsDir, 'a.csv')).toBe(join(exportsDir, 'a.csv'));
  });

  it.each([
    '../a.csv',
    '..\\a.csv',
    '/etc/a.csv',
    'a/b.csv',
    '..',
    '.',
    '',
    'x\0.csv',
    'C:a.csv',
    'nul.txt',
  ])('returns null for %j', (fileName) => {
    expect(resolveExportPath(exportsDir, fileName)).toBeNull();
  });
});

describe('decodeExportContents', () => {
  it('encodes UTF-8 text including Chinese', () => {
    expect(
      new TextDecoder().decode(
        decodeExportContents({ contents: '柜台', encoding: 'utf8' }) ?? undefined,
      ),
    ).toBe('柜台');
  });

  it('accepts empty base64 and padded base64', () => {
    expect(decodeExportContents({ contents: '', encoding: 'base64' })).toEqual(Buffer.alloc(0));
    expect(decodeExportContents({ contents: 'QQ==', encoding: 'base64' })).toEqual(
      Buffer.from('A'),
    );
  });
});

describe('saveExport on a real disk', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('creates the exports folder, writes the file and leaves nothing else behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'counter-steps-exports-'));
    const realExportsDir = join(dir, 'userData', 'exports');
    const { handlers } = setup({
      exportsDir: realExportsDir,
      fs: { mkdir, writeFile, rename, rm },
    });
    const result = await handlers.saveExport(APP, [goodExport]);
    expect(result).toEqual({
      ok: true,
      value: { path: join(realExportsDir, goodExport.fileName) },
    });
    expect(await readFile(join(realExportsDir, goodExport.fileName), 'utf8')).toBe(
      goodExport.contents,
    );
    expect(await readdir(realExportsDir)).toEqual([goodExport.fileName]);
    expect(await readdir(dir)).toEqual(['userData']);
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
