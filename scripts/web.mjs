#!/usr/bin/env node
// Builds the browser version of the app and serves it on localhost (`npm run web`).
import { run, serveWeb } from './lib.mjs';

run('npx', ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn']);
serveWeb();
