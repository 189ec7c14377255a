/**
 * `npm run test:crash`: the crash loop in full (tests/e2e/crash-loop.spec.ts), 50 kills unless
 * CRASH_KILLS says otherwise; CRASH_SEED repeats a run's choices. The e2e suite runs it with 5.
 */
import { spawnSync } from 'node:child_process';

const env = { ...process.env, CRASH_KILLS: process.env.CRASH_KILLS ?? '50' };
const result = spawnSync(
  'npx',
  ['playwright', 'test', 'tests/e2e/crash-loop.spec.ts', ...process.argv.slice(2)],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
