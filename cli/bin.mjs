#!/usr/bin/env node
// `npx counter-steps verify …`: the verifier as built by `npm run build:node` (which `npm ci` runs
// through the `prepare` script), so no TypeScript is compiled at run time. See cli/verify.ts.
import { existsSync } from 'node:fs';

const built = new URL('../out/node/cli.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error('counter-steps: the verifier is not built yet: run `npm run build:node` first.');
  process.exit(2);
}
await import(built.href);
