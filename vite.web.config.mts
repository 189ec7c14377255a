import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { securityHeadersFor } from './main/security-headers.ts';

// The browser build: the same renderer as Electron's, installable and offline through a
// service worker that precaches every built asset.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __WEB_BUILD__: 'true' },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
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
      workbox: { globPatterns: ['**/*.{js,css,html,svg,json,woff2}'] },
    }),
  ],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
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
