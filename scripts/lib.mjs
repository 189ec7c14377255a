// Small helpers shared by the start scripts: run a command or stop with its exit code.
import { spawn, spawnSync } from 'node:child_process';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Serves dist-web/ with `vite preview` and prints where; runs until interrupted. */
export function serveWeb() {
  console.log('\nCounter Steps (browser build): http://127.0.0.1:4173/');
  // The page's CSP lets it reach one hub only, named here (vite.web.config.mts passes it on).
  const hub = process.env.COUNTER_STEPS_HUB_ORIGIN;
  console.log(
    hub
      ? `Store hub it may reach: ${hub}\n`
      : 'No store hub allowed: start with COUNTER_STEPS_HUB_ORIGIN=<the hub address> to enrol (docs/hub.md)\n',
  );
  const child = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.mts'], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
