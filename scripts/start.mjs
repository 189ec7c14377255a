#!/usr/bin/env node
// `npm start`: build and start the Electron app. If Electron's binary is missing, try to fetch it
// (`npx install-electron`); if that fails (no internet), say so and serve the browser build instead.
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';
import { run, serveWeb } from './lib.mjs';

let electron = findElectronBinary();
if (!electron.available) {
  console.log('Electron binary not installed; trying `npx install-electron`…');
  // Its own output on failure is a stack trace; the sentence below says what matters.
  spawnSync('npx', ['--no', 'install-electron'], { stdio: 'ignore', timeout: 180_000 });
  electron = findElectronBinary();
}

if (electron.available) {
  run('npx', ['electron-vite', 'preview']);
} else {
  console.log(
    '\nElectron could not be installed (its binary downloads from the internet, which this machine cannot reach), so the browser build is served instead.',
  );
  run('npx', ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn']);
  serveWeb();
}
