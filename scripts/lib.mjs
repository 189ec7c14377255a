// Small helpers shared by the start scripts: run a command or stop with its exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Serves dist-web/ with `vite preview` and prints where; runs until interrupted. */
export function serveWeb() {
  console.log('\nCounter Steps (browser build): http://127.0.0.1:4173/\n');
  const child = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.mts'], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * The Electron executable if it is installed. Never `require('electron')` to find out: that starts a
 * download as a side effect.
 */
export function electronBinary() {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('electron/package.json'));
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}
