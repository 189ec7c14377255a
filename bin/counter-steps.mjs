#!/usr/bin/env node
// `npx counter-steps verify …`: runs the TypeScript verifier directly through tsx (a dependency),
// so an auditor needs no build step. See cli/verify.ts for the options.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/verify.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
