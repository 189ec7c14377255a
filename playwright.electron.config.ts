import { defineConfig } from '@playwright/test';

/**
 * The Electron shell specs (tests/electron): Playwright's `_electron` launches the built app,
 * so there is no web server and no browser project. Build first with `npx electron-vite build`.
 * Where the Electron binary is not installed the specs skip and print why.
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test starts a whole Electron; on two cores they run one at a time.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
