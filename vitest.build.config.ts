import { defineConfig } from 'vitest/config';

// Checks on the output of `vite build` (dist/): run after a build, see `npm run test:build`.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
  },
});
