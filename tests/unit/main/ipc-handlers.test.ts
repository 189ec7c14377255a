// @vitest-environment node
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../preload/contract';
import { contentSecurityPolicy, hubOriginOf } from '../../../main/security-headers';
import { isRequestAllowed } from '../../../main/request-policy';
import { createExportFiles } from '../../../main/export-files';
import {
  type IpcDeps,
  IPC_ERRORS,
  createIpcHandlers,
  handlersByChannel,
} from '../../../main/ipc-handlers';
import { MemoryFs } from './memory-fs';
import type { KeepAwake } from '../../../main/keep-awake';
import { createWitnessStore } from '../../../main/witness-store';
import { createHubSettings } from '../../../main/hub-settings';

const APP = 'app://counter-steps/index.html';
const exportsDir = resolve('/data/counter-steps/exports');

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

/** Hub settings over an in-memory hub.json. */
function memoryHubSettings() {
  const files = new Map<string, string>();
  return createHubSettings({
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
  });
}

function setup(overrides: Partial<IpcDeps> = {}) {
  const fs = new MemoryFs();
  const keepAwake = new FakeKeepAwake();
  const logs: string[] = [];
  const handlers = createIpcHandlers({
    appVersion: '0.1.0',
    kiosk: false,
    exports: createExportFiles({ exportsDir, fs }),
    keepAwake,
    witness: memoryWitnessStore((message) => logs.push(message)),
    hub: memoryHubSettings(),
    log: (message) => logs.push(message),
    ...overrides,
  });
  return { handlers, fs, keepAwake, logs };
}

/** A display window whose webContents has the id `displayId`; counts how often it was opened. */
function fakeDisplay(displayId: number) {
  const opened: number[] = [];
  return {
    opened,
    display: {
      viewOf: (senderId: number | null) =>
        senderId === displayId ? ('display' as const) : ('counter' as const),
      open: async () => {
        opened.push(Date.now());
        return { ok: true as const, value: null };
      },
    },
  };
}

const goodExport = { fileName: 'counter-steps-3-2026-11-23.zip' };

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
      expect(await handlers.beginExport(sender, [goodExport])).toEqual({
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
      value: { shell: 'electron', version: '1.2.3', kiosk: true, view: 'counter' },
    });
  });

  it('tells the display window it is the display, and every other window it is the counter', async () => {
    const { handlers } = setup({ display: fakeDisplay(42).display });
    expect(await handlers.getAppInfo(APP, [], 42)).toMatchObject({ value: { view: 'display' } });
    expect(await handlers.getAppInfo(APP, [], 7)).toMatchObject({ value: { view: 'counter' } });
    expect(await handlers.getAppInfo(APP, [])).toMatchObject({ value: { view: 'counter' } });
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

describe('openDisplay', () => {
  it('opens the customer display for the counter', async () => {
    const { display, opened } = fakeDisplay(42);
    const { handlers } = setup({ display });
    expect(await handlers.openDisplay(APP, [], 7)).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
  });

  it('is refused from the display itself, and with any argument', async () => {
    const { display, opened } = fakeDisplay(42);
    const { handlers } = setup({ display });
    expect(await handlers.openDisplay(APP, [], 42)).toEqual({
      ok: false,
      error: IPC_ERRORS.notFromCounter,
    });
    expect(await handlers.openDisplay(APP, [{ turned: true }], 7)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(opened).toEqual([]);
  });

  it('says so where main has no display to open', async () => {
    const { handlers } = setup();
    expect(await handlers.openDisplay(APP, [])).toEqual({ ok: false, error: 'unsupported' });
  });
});

describe('store hub settings', () => {
  const settings = {
    origin: 'http://127.0.0.1:8787',
    enrolment: null,
    lastPush: null,
  };

  it('keeps the hub the page sets, from the app only, and refuses an origin with more than an origin', async () => {
    const { handlers } = setup();
    expect(await handlers.getHub(APP, [])).toEqual({ ok: true, value: null });
    expect(await handlers.setHub('https://evil.example/', [{ settings }])).toEqual({
      ok: false,
      error: 'forbidden-sender',
    });
    expect(
      await handlers.setHub(APP, [{ settings: { ...settings, origin: 'http://a.b/path' } }]),
    ).toEqual({ ok: false, error: 'invalid-payload' });
    expect(await handlers.setHub(APP, [{ settings }])).toEqual({ ok: true, value: null });
    expect(await handlers.getHub(APP, [])).toEqual({ ok: true, value: settings });
    expect(await handlers.setHub(APP, [{ settings: null }])).toEqual({ ok: true, value: null });
    expect(await handlers.getHub(APP, [])).toEqual({ ok: true, value: null });
  });

  it('opens the CSP and the request filter to exactly the hub origin', async () => {
    const hub = memoryHubSettings();
    expect(hub.origin()).toBeNull();
    await hub.write(settings);
    expect(hub.origin()).toBe('http://127.0.0.1:8787');
    await hub.load();
    expect(hub.origin()).toBe('http://127.0.0.1:8787');
    expect(contentSecurityPolicy(hub.origin())).toContain(
      "connect-src 'self' http://127.0.0.1:8787;",
    );
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
    expect(contentSecurityPolicy("http://a.b 'unsafe-eval'")).toContain("connect-src 'self';");
    expect(isRequestAllowed('http://127.0.0.1:8787/api/v1/push', hub.origin())).toBe(true);
    expect(isRequestAllowed('http://127.0.0.1:8788/api/v1/push', hub.origin())).toBe(false);
    expect(isRequestAllowed('https://127.0.0.1:8787/', hub.origin())).toBe(false);
    expect(isRequestAllowed('http://127.0.0.1:8787/', null)).toBe(false);
    expect(hubOriginOf('http://u:p@hub.example:8443')).toBeNull();
    expect(hubOriginOf('https://hub.example:8443')).toBe('https://hub.example:8443');
  });
});
