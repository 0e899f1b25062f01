import { defineConfig } from 'vitest/config';

// Unit tests: Node, no browser. tests/e2e is Playwright's; tests/build needs a fresh
// `vite build` first and runs from `npm run test:e2e` (vitest.build.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/build/**', '**/node_modules/**'],
    environment: 'node',
    // A test's time limit finds a hang, it does not measure speed (that is `npm run bench`): on
    // CI's two busy cores, tests over thousands of fake-indexeddb rows or a whole-tree lint take
    // several seconds, past the default 5.
    testTimeout: 20_000,
    // Says which server the sync tests use (real CouchDB when ../shared/couchdb is there).
    globalSetup: ['tests/sync/announce-server.ts'],
  },
});
