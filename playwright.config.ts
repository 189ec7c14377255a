import { chromium, defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/chromium.mjs';
import { HUB_ORIGIN, HUB_PORT, HUB_SETUP_CODE } from './tests/e2e/hub-env';

/**
 * End-to-end tests drive the real browser build, served by `vite preview`, in real Chromium with
 * real IndexedDB (which Chromium: see scripts/chromium.mjs).
 */
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry on CI, reported as "flaky" rather than hidden; locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(chromium.executablePath()),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `npx vite build --config vite.web.config.mts --logLevel warn && npx vite preview --config vite.web.config.mts --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      // The pages may connect to the test hub, and only to it (see main/security-headers.ts).
      env: { E2E_PORT: String(PORT), COUNTER_STEPS_HUB_ORIGIN: HUB_ORIGIN },
      // Always this checkout's fresh build, never whatever else is listening on the port.
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The hub as it ships: built JavaScript in plain Node.
      command: 'npm run hub --silent',
      url: `${HUB_ORIGIN}/login`,
      env: {
        HUB_MEMORY: '1',
        HUB_PORT: String(HUB_PORT),
        HUB_SETUP_CODE,
        HUB_NAME: 'E2E hub',
      },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
