// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DEVTOOLS_ENV_VAR,
  KIOSK_ENV_VAR,
  SETTINGS_FILE_NAME,
  applyEnvOverrides,
  loadSettings,
  restoreSettings,
} from '../../../main/settings';

const userDataDir = '/home/clerk/.config/counter-steps';

function readerOf(files: Record<string, string>) {
  const reads: string[] = [];
  const readTextFile = async (filePath: string) => {
    reads.push(filePath);
    const text = files[filePath];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  return { readTextFile, reads };
}

const settingsPath = join(userDataDir, SETTINGS_FILE_NAME);

describe('restoreSettings', () => {
  it('keeps a valid stored value', () => {
    expect(restoreSettings({ kiosk: true })).toEqual({ kiosk: true, devTools: false });
  });

  it('falls back per field when a value has the wrong type', () => {
    expect(restoreSettings({ kiosk: 'yes' })).toEqual({ kiosk: false, devTools: false });
  });

  it('drops unknown keys rather than failing', () => {
    expect(restoreSettings({ kiosk: true, theme: 'dark' })).toEqual({
      kiosk: true,
      devTools: false,
    });
  });

  it.each([null, 42, 'kiosk', [true], undefined])('returns defaults for %j', (raw) => {
    expect(restoreSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('applyEnvOverrides', () => {
  it(`${KIOSK_ENV_VAR}=1 turns kiosk on and =0 turns it off`, () => {
    expect(applyEnvOverrides({ kiosk: false, devTools: false }, { [KIOSK_ENV_VAR]: '1' })).toEqual({
      kiosk: true,
      devTools: false,
    });
    expect(applyEnvOverrides({ kiosk: true, devTools: false }, { [KIOSK_ENV_VAR]: '0' })).toEqual({
      kiosk: false,
      devTools: false,
    });
  });

  it('ignores other values of the variable', () => {
    expect(
      applyEnvOverrides({ kiosk: false, devTools: false }, { [KIOSK_ENV_VAR]: 'true' }),
    ).toEqual({
      kiosk: false,
      devTools: false,
    });
    expect(applyEnvOverrides({ kiosk: true, devTools: false }, {})).toEqual({
      kiosk: true,
      devTools: false,
    });
  });
});

describe('loadSettings', () => {
  it('reads settings.json from the userData folder', async () => {
    const { readTextFile, reads } = readerOf({ [settingsPath]: '{"kiosk":true}' });
    expect(await loadSettings({ userDataDir, readTextFile, env: {} })).toEqual({
      kiosk: true,
      devTools: false,
    });
    expect(reads).toEqual([settingsPath]);
  });

  it('uses defaults when the file is missing', async () => {
    const { readTextFile } = readerOf({});
    expect(await loadSettings({ userDataDir, readTextFile, env: {} })).toEqual({
      kiosk: false,
      devTools: false,
    });
  });

  it('uses defaults when the file is not JSON', async () => {
    const { readTextFile } = readerOf({ [settingsPath]: '{"kiosk": tru' });
    expect(await loadSettings({ userDataDir, readTextFile, env: {} })).toEqual({
      kiosk: false,
      devTools: false,
    });
  });

  it('lets the environment variable override the file', async () => {
    const { readTextFile } = readerOf({ [settingsPath]: '{"kiosk":false}' });
    const env = { [KIOSK_ENV_VAR]: '1' };
    expect(await loadSettings({ userDataDir, readTextFile, env })).toEqual({
      kiosk: true,
      devTools: false,
    });
  });

  it('applies the override even when the file is missing', async () => {
    const { readTextFile } = readerOf({});
    const env = { [KIOSK_ENV_VAR]: '1' };
    expect(await loadSettings({ userDataDir, readTextFile, env })).toEqual({
      kiosk: true,
      devTools: false,
    });
  });
});

describe('DevTools', () => {
  it('come only from the development flag, never from settings.json', async () => {
    const { readTextFile } = readerOf({ [settingsPath]: '{"kiosk":false,"devTools":true}' });
    expect(await loadSettings({ userDataDir, readTextFile, env: {} })).toEqual({
      kiosk: false,
      devTools: false,
    });
    expect(
      await loadSettings({ userDataDir, readTextFile, env: { [DEVTOOLS_ENV_VAR]: '1' } }),
    ).toEqual({
      kiosk: false,
      devTools: true,
    });
    expect(
      await loadSettings({ userDataDir, readTextFile, env: { [DEVTOOLS_ENV_VAR]: 'yes' } }),
    ).toMatchObject({
      devTools: false,
    });
  });
});
