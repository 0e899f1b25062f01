// Flat config: ESLint's and typescript-eslint's recommended rules, syntax only (no type-aware
// rules, so lint stays fast; `npm run typecheck` does the type checking), and the layers.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { LAYERS, PURE } from './layers.js';

/*
 * The layers (layers.js, README "Layout", ARCHITECTURE.md section 7), as `no-restricted-imports`
 * per folder, so an editor flags a wrong import as it is typed. tests/layers.test.ts checks the
 * same rules (and what a lint rule cannot: dynamic imports, every file inside a layer folder).
 */
/** Where the Dexie database may be held (see tests/layers.test.ts, "storage in one place"). */
const HOLDS_DATABASE = ['storage', 'sync'];
const HANDS_DATABASE_ON = ['src/app/sync/start-remote.ts', 'src/app/sync/start-sync.ts'];
const DATABASE_NAMES = ['ShopDb', 'openDb', 'tablesOf'];
/** Folders nest at most this deep inside a layer (src/ui/components/seller/chart/ is 4). */
const MAX_DEPTH = 6;

/** The `no-restricted-imports` options for a file `depth` folders below src/ in `layer`. */
function restrictions(layer, depth, { workboxWindow = false, database = false } = {}) {
  const up = `^(?:\\.\\./){${depth}}`;
  const others = Object.keys(LAYERS).filter((l) => l !== layer && !LAYERS[layer].includes(l));
  const patterns = [];
  if (others.length > 0) {
    patterns.push({ regex: `${up}(?:${others.join('|')})/`, message: `${layer} may import ${LAYERS[layer].join(', ') || 'nothing'} (the layers: README "Layout").` });
  }
  if (PURE.includes(layer)) patterns.push({ regex: '^[^.]', message: `${layer} is pure: it imports no package.` });
  if (layer === 'sw') patterns.push({ regex: '^(?!workbox-)', message: 'The service worker imports workbox packages only.' });
  else if (!workboxWindow) patterns.push({ regex: '^workbox-', message: 'workbox belongs to src/sw (and workbox-window to src/app/register-sw.ts).' });
  if (!HOLDS_DATABASE.includes(layer) && !database) {
    patterns.push({
      regex: `${up}storage/`,
      importNames: DATABASE_NAMES,
      message: 'The Dexie database stays in src/storage: take a Store and storage’s typed functions.',
    });
  }
  const paths = HOLDS_DATABASE.includes(layer) || PURE.includes(layer) || layer === 'sw' ? [] : [{ name: 'dexie', message: 'Dexie is used in src/storage only.' }];
  return ['error', { paths, patterns }];
}

/** One config object per layer and depth (a relative import's `../` count depends on the depth). */
function layerConfigs() {
  const out = [];
  for (const layer of Object.keys(LAYERS)) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const files = [`src/${layer}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`];
      out.push({ files, rules: { 'no-restricted-imports': restrictions(layer, depth) } });
    }
  }
  // The bridge to the service worker, and the files that hand the database to the runners.
  out.push({ files: ['src/app/register-sw.ts'], rules: { 'no-restricted-imports': restrictions('app', 1, { workboxWindow: true }) } });
  for (const file of HANDS_DATABASE_ON) {
    const [, layer, ...rest] = file.split('/');
    out.push({ files: [file], rules: { 'no-restricted-imports': restrictions(layer, rest.length, { database: true }) } });
  }
  return out;
}

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'dev-dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Globals per runtime, matching the tsconfigs (TypeScript files are checked by tsc anyway).
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/sw/**'], languageOptions: { globals: globals.serviceworker } },
  { files: ['*.{js,mjs,ts}', 'scripts/**', 'tests/**', 'bench/**'], languageOptions: { globals: globals.node } },
  ...layerConfigs(),
);
