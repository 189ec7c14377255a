/**
 * Device settings: `settings.json` in Electron's userData folder. Written by whoever sets up
 * the tablet, read once at start. Anything missing, unreadable or malformed falls back to
 * defaults field by field, so a bad edit can never stop the app from starting.
 * COUNTER_STEPS_KIOSK=1 (or 0) overrides the file, for tests and for trying kiosk mode.
 * DevTools exist only with the explicit development flag COUNTER_STEPS_DEVTOOLS=1, never from the
 * file: with DevTools anyone at the counter could rewrite the log from inside the app.
 */
import { join } from 'node:path';
import { z } from '../core/domain/zod';

export const SETTINGS_FILE_NAME = 'settings.json';
export const KIOSK_ENV_VAR = 'COUNTER_STEPS_KIOSK';
export const DEVTOOLS_ENV_VAR = 'COUNTER_STEPS_DEVTOOLS';

export const SettingsSchema = z.object({
  kiosk: z.catch(z.boolean(), false),
});
export type Settings = z.infer<typeof SettingsSchema> & { devTools: boolean };

export const DEFAULT_SETTINGS: Settings = Object.freeze({ kiosk: false, devTools: false });

/** Returns the current valid shape of whatever was stored; never throws. */
export function restoreSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_SETTINGS };
  const parsed = SettingsSchema.safeParse(raw);
  // DevTools are never read from the file (see above).
  return parsed.success ? { ...parsed.data, devTools: false } : { ...DEFAULT_SETTINGS };
}

export function applyEnvOverrides(
  settings: Settings,
  env: Readonly<Record<string, string | undefined>>,
): Settings {
  const kiosk = env[KIOSK_ENV_VAR];
  const withKiosk =
    kiosk === '1'
      ? { ...settings, kiosk: true }
      : kiosk === '0'
        ? { ...settings, kiosk: false }
        : settings;
  return { ...withKiosk, devTools: env[DEVTOOLS_ENV_VAR] === '1' };
}

export interface LoadSettingsDeps {
  userDataDir: string;
  readTextFile: (filePath: string) => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
}

export async function loadSettings({
  userDataDir,
  readTextFile,
  env,
}: LoadSettingsDeps): Promise<Settings> {
  let raw: unknown = undefined;
  try {
    raw = JSON.parse(await readTextFile(join(userDataDir, SETTINGS_FILE_NAME)));
  } catch {
    // Missing file or broken JSON: defaults, as documented above.
  }
  return applyEnvOverrides(restoreSettings(raw), env);
}
