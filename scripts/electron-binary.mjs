/**
 * Finds the Electron executable without triggering a download. `require('electron')` is not safe
 * for this: since Electron 42 it spawns `install-electron` when the binary is missing, which needs
 * GitHub and fails offline. This reads the `path.txt` the package writes after a successful
 * install and checks the file is really there. Used by `npm start` and the Electron specs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const INSTALL_HINT = 'npx install-electron needs internet';

/** @returns {{ available: true, executablePath: string } | { available: false, reason: string }} */
export function findElectronBinary(env = process.env) {
  const require = createRequire(import.meta.url);
  let packageDir;
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
