/**
 * What the IPC handler tests share: main's IPC handlers built over in-memory stand-ins (the
 * exports folder, the display's keep-awake blocker, witness.json and hub.json), a fake customer
 * display, the app's own sender, a good export and the senders that must be refused.
 */
import { resolve } from 'node:path';
import { createExportFiles } from '../../../main/export-files';
import { createHubSettings } from '../../../main/hub-settings';
import { createIpcHandlers, type IpcDeps } from '../../../main/ipc-handlers';
import type { KeepAwake } from '../../../main/keep-awake';
import { createKeyVault, type SafeStorageLike } from '../../../main/key-vault';
import { createWitnessStore, type WitnessFileSystem } from '../../../main/witness-store';
import { MemoryFs } from './memory-fs';

export const APP = 'app://counter-steps/index.html';
export const exportsDir = resolve('/data/counter-steps/exports');

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

/** Text files in memory (witness.json, hub.json): reads, writes and renames, as main does them. */
function memoryTextFs(): WitnessFileSystem {
  const files = new Map<string, string>();
  return {
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
  };
}

/** A witness store over an in-memory witness.json, as main builds it over the real disk. */
function memoryWitnessStore(log: (message: string) => void) {
  return createWitnessStore({ userDataDir: '/data', fs: memoryTextFs(), log });
}

/** safeStorage stand-in: a reversible scramble (the key vault's own tests check what it keeps). */
export const fakeSafeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => new TextEncoder().encode(`sealed:${text}`),
  decryptString: (bytes) => new TextDecoder().decode(bytes).slice('sealed:'.length),
};

/** Hub settings over an in-memory hub.json. */
export function memoryHubSettings() {
  return createHubSettings({ userDataDir: '/data', fs: memoryTextFs() });
}

/** Main's IPC handlers over the in-memory stand-ins (any dependency overridden), and those. */
export function setup(overrides: Partial<IpcDeps> = {}) {
  const fs = new MemoryFs();
  const keepAwake = new FakeKeepAwake();
  const logs: string[] = [];
  const witness = memoryWitnessStore((message) => logs.push(message));
  const textFs = memoryTextFs();
  const handlers = createIpcHandlers({
    appVersion: '0.1.0',
    kiosk: false,
    exports: createExportFiles({ exportsDir, fs }),
    keepAwake,
    witness,
    keys: createKeyVault({
      userDataDir: '/data',
      fs: textFs,
      safeStorage: fakeSafeStorage,
      witness,
    }),
    hub: memoryHubSettings(),
    log: (message) => logs.push(message),
    ...overrides,
  });
  return { handlers, fs, keepAwake, logs };
}

/** A display window whose webContents has the id `displayId`; counts how often it was opened. */
export function fakeDisplay(displayId: number) {
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

export const goodExport = { fileName: 'counter-steps-3-2026-11-23.zip' };

export const HOSTILE_SENDERS: Array<[string, string | null | undefined]> = [
  ['a remote page', 'https://example.com/'],
  ['a file page', 'file:///work/main/out/renderer/index.html'],
  ['another app host', 'app://other-host/'],
  ['a look-alike host', 'app://counter-steps.evil/'],
  ['a data URL', 'data:text/html,<script></script>'],
  ['about:blank', 'about:blank'],
  ['a destroyed frame', null],
  ['no frame at all', undefined],
];
