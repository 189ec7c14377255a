/**
 * A browser profile on disk, as a tablet has one: Chromium launched over a directory that outlives
 * the browser (closed, crashed or killed), so its IndexedDB is really written to and read back
 * from files. Used where the test needs what only a real profile does: quota enforcement, damaged
 * database files, and kill -9 (the crash loop).
 */
import { chromium, test, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/chromium.mjs';

/** The e2e build's address (playwright.config.ts serves it). */
export function baseURL(): string {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error('no baseURL in the Playwright config');
  return url;
}

export const newProfileDir = (label: string) =>
  mkdtempSync(join(tmpdir(), `counter-steps-${label}-`));

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function launchProfile(
  dir: string,
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumExecutable(chromium.executablePath()),
    args: CHROMIUM_ARGS,
    baseURL: baseURL(),
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
}

/** The profile's IndexedDB files for the app's origin (LevelDB: CURRENT, MANIFEST-*, *.log, *.ldb). */
export function indexedDbFiles(dir: string): string[] {
  const { host, port } = new URL(baseURL());
  const leveldb = join(
    dir,
    'Default',
    'IndexedDB',
    `http_${host.replace(/:\d+$/, '')}_${port}.indexeddb.leveldb`,
  );
  return readdirSync(leveldb).map((name) => join(leveldb, name));
}
