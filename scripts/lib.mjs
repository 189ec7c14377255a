// Small helpers shared by the start scripts: run a command or stop with its exit code.
import { spawn, spawnSync } from 'node:child_process';

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
