import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { basePath } from './scripts/base-path.ts';

// The header's orange (--brand in src/ui/app.css): the browser's bar and the installed app's
// frame match the app. Keep in step with BRAND in scripts/make-icons.mjs and index.html.
const THEME = '#c2410c';

/** The manifest's screenshots, taken by `npm run screenshots` (scripts/take-screenshots.ts) in these sizes. */
export const SCREENSHOTS = [
  { src: 'screenshots/narrow.webp', sizes: '540x1110', type: 'image/webp', form_factor: 'narrow', label: 'The catalog on a phone: search, categories, team buys and flash sales, offline too' },
  { src: 'screenshots/wide.webp', sizes: '1280x800', type: 'image/webp', form_factor: 'wide', label: 'The catalog on a computer' },
] as const;

// `npm run dev` and `npm start` pass /couch/ on to a CouchDB-compatible server (by default the
// one `npm run sync-server` starts), so the app and its server share one origin: no CORS, and
// the session cookie is first-party. A real deployment does the same with its own proxy.
const COUCH_PROXY = {
  '/couch/': {
    target: process.env.COUCH_URL ?? 'http://127.0.0.1:5984',
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/couch\//, '/'),
  },
};

export default defineConfig({
  // Everything (assets, manifest, service worker scope) is relative to this, so the same
  // build works at the root of a host or under a sub-path. See README "Deploying".
  base: basePath(),
  server: { proxy: COUCH_PROXY },
  preview: { proxy: COUCH_PROXY },
  build: {
    // No preload lists for lazy chunks: Vite writes, into the entry, every lazy screen's list of
    // the chunks it imports (about 1 KB gzip with 30-odd screens and strings areas, growing with
    // each), so the first screen paid for what it never shows. Without them a lazy screen's
    // imports are fetched once it has arrived: one more round trip on a first visit only, since
    // the service worker precaches every chunk and later visits read them from the device.
    modulePreload: false,
    rollupOptions: {
      output: {
        // Fewer, larger chunks for the first screen: each file gzips on its own, so tiny shared
        // chunks (Vite's preload helper) cost more than their bytes (0.4 KB saved). Storage's
        // words.ts stays out: only the search (loaded when something is typed) and writes need it.
        // The settings (idb-keyval) go with them: the first screen reads them, and left alone
        // they became a chunk of their own once the header's menu, a lazy chunk, shared them.
        // The photos' reader too (the catalog's cards read it), split off once sync's photo
        // uploads shared it.
        advancedChunks: {
          groups: [
            { name: 'queries', test: /\/src\/storage\/(queries|errors|settings|photos)\.ts$|\/node_modules\/idb-keyval\// },
            { name: 'preact', test: /\/node_modules\/preact\/|preload-helper/ },
          ],
        },
        // Strings chunks named by language and area (i18n-en-catalog-….js): the bundle
        // budget (bench/bundle-size.ts) counts the ones the first screen waits for.
        chunkFileNames: (chunk) => {
          const strings = /\/src\/ui\/i18n\/(en|zh)\/(\w+)\.ts$/.exec(chunk.facadeModuleId ?? '');
          return strings ? `assets/i18n-${strings[1]}-${strings[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  plugins: [
    preact(),
    VitePWA({
      // Our own small service worker (src/sw/sw.ts); the plugin only injects the precache list.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // The app waits for the user's word before a new version takes over...
      registerType: 'prompt',
      // ...and registers the worker itself, through workbox-window (src/app/register-sw.ts).
      injectRegister: false,
      injectManifest: {
        // The app shell. The plugin adds manifest.webmanifest and the manifest's icons itself
        // (listing them here too would precache them twice). The demo shop's pictures (40 small
        // SVGs, 48 KB) too, so a product first seen offline has its picture; other photos are
        // cached at run time (src/sw/sw.ts).
        globPatterns: ['**/*.{js,css,html}', 'photos/*.svg'],
      },
      manifest: {
        name: 'Offline Shop',
        short_name: 'Shop',
        description: 'A shop that works with no network: browse, buy and sell offline.',
        theme_color: THEME,
        background_color: '#ffffff',
        display: 'standalone',
        // Relative, so the installed app opens where it was served from (sub-paths too).
        start_url: '.',
        scope: '.',
        // Drawn by scripts/make-icons.mjs (which says what each is for).
        icons: [
          { src: 'icons/icon-48.png', sizes: '48x48', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon-monochrome-512.png', sizes: '512x512', type: 'image/png', purpose: 'monochrome' },
        ],
        // Chromium shows its richer install dialog with these; they are not precached (not the app shell).
        screenshots: SCREENSHOTS.map((s) => ({ ...s })),
      },
    }),
  ],
});
