import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import releaseNotes from './release-notes.json' with { type: 'json' };
import { securityHeadersFor } from './main/security-headers.ts';
import { callClips } from './scripts/call-clips-plugin.ts';
import { localeWords } from './scripts/locale-words-plugin.ts';

/**
 * Which version the build says it is. COUNTER_STEPS_VERSION overrides package.json's, so a test can
 * build a second, visibly different version of the app (tests/e2e/update.spec.ts).
 */
const version = process.env.COUNTER_STEPS_VERSION ?? pkg.version;

// The browser build: the same renderer as Electron's, installable and offline through a
// service worker that precaches every built asset, the ticket-calling clips included. A new
// version waits ('prompt') until the app applies it between services (app/UpdateGate.tsx).
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version), __WEB_BUILD__: 'true' },
  plugins: [
    react(),
    callClips(resolve(import.meta.dirname, 'assets/call')),
    localeWords(resolve(import.meta.dirname, 'core/i18n/locales')),
    // What this version changed, in one line per language: a page running the previous version
    // reads it from the server when this one is waiting to take over (app/UpdateGate.tsx).
    {
      name: 'release-note',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'release.json',
          source: JSON.stringify({ version, changes: releaseNotes }),
        });
      },
    },
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: null,
      manifest: {
        name: 'Counter Steps',
        short_name: 'Counter Steps',
        lang: 'zh-CN',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#f4f1ea',
        theme_color: '#1f4e5f',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: { globPatterns: ['**/*.{js,css,html,svg,json,woff2,opus}'] },
    }),
  ],
  build: {
    outDir: resolve(import.meta.dirname, process.env.COUNTER_STEPS_OUT_DIR ?? 'dist-web'),
    emptyOutDir: true,
    // One offline bundle for a kiosk tablet; there is no network to lazy-load from anyway.
    chunkSizeWarningLimit: 1024,
  },
  // The browser build is served with the same security headers as Electron's pages; the store
  // hub's origin, when it has one, is the only other place its CSP lets the page connect to.
  preview: {
    port: Number(process.env.E2E_PORT ?? 4173),
    strictPort: true,
    host: '127.0.0.1',
    headers: securityHeadersFor(process.env.COUNTER_STEPS_HUB_ORIGIN ?? null),
  },
});
