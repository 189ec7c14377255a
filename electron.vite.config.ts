import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };
import { callClips } from './scripts/call-clips-plugin';
import { localeWords } from './scripts/locale-words-plugin';

// Three builds: main (Node, ESM), preload (sandboxed, so CommonJS with every dependency
// bundled in), renderer (the same app the browser build ships, on React, with the same call clips).
export default defineConfig({
  main: {
    build: {
      lib: { entry: resolve(import.meta.dirname, 'main/index.ts') },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(import.meta.dirname, 'preload/index.ts') },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    define: { __APP_VERSION__: JSON.stringify(pkg.version), __WEB_BUILD__: 'false' },
    plugins: [
      react(),
      callClips(resolve(import.meta.dirname, 'assets/call')),
      localeWords(resolve(import.meta.dirname, 'core/i18n/locales')),
    ],
    build: {
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
