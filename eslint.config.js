// Flat config: ESLint's and typescript-eslint's recommended rules, syntax only (no type-aware
// rules, so lint stays fast; `npm run typecheck` does the type checking).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'dev-dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Globals per runtime, matching the tsconfigs (TypeScript files are checked by tsc anyway).
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/sw/**'], languageOptions: { globals: globals.serviceworker } },
  { files: ['*.{js,mjs,ts}', 'scripts/**', 'tests/**', 'bench/**'], languageOptions: { globals: globals.node } },
);
