#!/usr/bin/env node
// Packaging step: sets the Electron fuses (packaging/fuses.mjs) on a packaged executable and
// prints them as read back from the binary. Usage: node scripts/flip-fuses.mjs <executable>
import { FuseV1Options } from '@electron/fuses';
import { applyFuses } from '../packaging/fuses.mjs';

const [executable] = process.argv.slice(2);
if (!executable) {
  console.error('Usage: node scripts/flip-fuses.mjs <path to the packaged Electron executable>');
  process.exit(2);
}
const wire = await applyFuses(executable);
for (const [index, state] of Object.entries(wire)) {
  if (index === 'version') continue;
  console.log(`${FuseV1Options[index] ?? index}: ${state}`);
}
