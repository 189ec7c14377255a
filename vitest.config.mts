import { defineConfig } from 'vitest/config';

// Unit tests only (tests/unit): the domain, storage on fake IndexedDB, main-process logic in Node.
// End-to-end tests are Playwright's (tests/e2e, tests/electron).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
