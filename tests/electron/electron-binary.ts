/**
 * Finds the Electron executable without triggering a download. `require('electron')` is not
 * safe here: since Electron 42 it spawns `install-electron` when the binary is missing, which
 * needs GitHub and hangs or fails offline. This reads the same `path.txt` the package writes
 * after a successful install and checks the file is really there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary =
  { available: true; executablePath: string } | { available: false; reason: string };

const INSTALL_HINT = 'npx install-electron needs internet';

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed (npm install)' };
  }

  const pathFile = join(packageDir, 'path.txt');
  const relativeExecutable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!overrideDir && relativeExecutable === '') {
    return { available: false, reason: `the Electron binary is not installed (${INSTALL_HINT})` };
  }
  const executablePath = overrideDir
    ? join(overrideDir, relativeExecutable || 'electron')
    : join(packageDir, 'dist', relativeExecutable);
  if (!existsSync(executablePath)) {
    return {
      available: false,
      reason: `the Electron binary is missing at ${executablePath} (${INSTALL_HINT})`,
    };
  }
  return { available: true, executablePath };
}
