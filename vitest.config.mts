import { defineConfig } from 'vitest/config';

// Unit tests only (tests/unit): the domain, storage on fake IndexedDB, main-process logic in Node.
// End-to-end tests are Playwright's (tests/e2e, tests/electron).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/hub/**/*.test.ts'],
    // IndexedDB for unit tests is fake-indexeddb, installed before any module (Dexie reads the
    // globals when it loads). End-to-end tests run real IndexedDB in real Chromium.
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
