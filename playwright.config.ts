import { defineConfig, devices } from '@playwright/test';
import { basePath } from './scripts/base-path.ts';
import { e2ePort } from './scripts/e2e-port.ts';

// End-to-end tests against the production build (`vite preview` serves dist/), because the
// service worker is registered in production builds only. Run through `npm run test:e2e`,
// which builds first. Served on loopback only.
// E2E_OUT_DIR lets two checkouts (or two people) build and test side by side without serving
// each other's dist/. The port is E2E_PORT if given, else a free one (scripts/e2e-port.ts).
const PORT = e2ePort();
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}${basePath()}`;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  // Says which server the sync specs use (real CouchDB when ../shared/couchdb is there).
  globalSetup: './tests/e2e/global-setup.ts',
  forbidOnly: !!process.env.CI,
  use: { baseURL: BASE_URL },
  webServer: {
    command: `npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: BASE_URL,
    // Never test against a stray server left from an older build.
    reuseExistingServer: false,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium (scripts/ensure-chromium.sh): `playwright install` cannot
        // download browsers here. No sandbox because CI runs as root.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
});
