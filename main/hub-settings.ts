/**
 * The store hub's settings in `hub.json` in the user-data folder: its origin and this device's
 * enrolment there. Main reads the origin for the pages' CSP (`connect-src`) and for the request
 * filter, so the page can reach exactly that origin and nothing else. Written beside itself and
 * renamed; a missing or unreadable file means no hub (the app works offline without one).
 */
import { join } from 'node:path';
import { HubSettingsSchema, type HubSettings, type Result } from '../preload/contract';
import { hubOriginOf } from './security-headers';

export const HUB_FILE_NAME = 'hub.json';

export interface HubSettingsStore {
  read(): Promise<Result<HubSettings | null>>;
  write(settings: HubSettings | null): Promise<Result<null>>;
  /** The configured origin, for the CSP and the request filter (null: none). */
  origin(): string | null;
  /** Loads the file once at start. */
  load(): Promise<void>;
}

export function createHubSettings(deps: {
  userDataDir: string;
  fs: {
    readFile(path: string): Promise<string>;
    writeFile(path: string, data: string): Promise<void>;
    rename(from: string, to: string): Promise<void>;
    mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  };
  log?: (message: string) => void;
}): HubSettingsStore {
  const filePath = join(deps.userDataDir, HUB_FILE_NAME);
  let current: HubSettings | null = null;
  return {
    async load() {
      try {
        const parsed = HubSettingsSchema.safeParse(JSON.parse(await deps.fs.readFile(filePath)));
        current = parsed.success && hubOriginOf(parsed.data.origin) ? parsed.data : null;
      } catch {
        current = null;
      }
    },
    read: () => Promise.resolve({ ok: true, value: current }),
    async write(settings) {
      if (settings && hubOriginOf(settings.origin) !== settings.origin)
        return { ok: false, error: 'invalid-origin' };
      try {
        await deps.fs.mkdir(deps.userDataDir, { recursive: true });
        await deps.fs.writeFile(`${filePath}.tmp`, `${JSON.stringify(settings)}\n`);
        await deps.fs.rename(`${filePath}.tmp`, filePath);
      } catch (error) {
        deps.log?.(`hub settings: ${error instanceof Error ? error.message : String(error)}`);
        return { ok: false, error: 'write-failed' };
      }
      current = settings;
      return { ok: true, value: null };
    },
    origin: () => (current ? hubOriginOf(current.origin) : null),
  };
}
