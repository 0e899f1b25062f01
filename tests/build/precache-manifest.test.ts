// Reads the built service worker and checks that the list of files it precaches holds the
// app shell (so the app starts offline) and not the worker itself. Needs `vite build` first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'dist');

function read(name: string): string {
  const path = join(DIST, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return readFileSync(path, 'utf8');
}

describe('the built service worker', () => {
  const sw = read('sw.js');
  // workbox-build writes the list as JSON in place of self.__WB_MANIFEST.
  const precached = Array.from(sw.matchAll(/"url":"([^"]+)"/g), (m) => m[1] ?? '');

  it('had its precache list injected', () => {
    expect(sw).not.toContain('__WB_MANIFEST');
    expect(precached.length).toBeGreaterThan(0);
  });

  it('precaches index.html, the entry script, its styles and the web manifest', () => {
    const html = read('index.html');
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
    const style = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(html)?.[1];
    expect(entry, 'entry script in dist/index.html').toBeDefined();
    expect(precached).toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    // index.html names assets with the base path in front ('/my-shop/assets/…').
    for (const asset of [entry, style]) {
      if (asset === undefined) continue;
      expect(precached.some((url) => asset.endsWith(`/${url}`)), `${asset} is precached`).toBe(true);
    }
  });

  // "Reload to update" goes through update.html (src/app/register-sw.ts): the old worker must answer it
  // from its precache, offline too, and not with the app's shell (which would load the whole app).
  it('precaches update.html, the quiet page a new version takes over from', () => {
    expect(precached).toContain('update.html');
  });

  it('does not precache itself, nor any file twice', () => {
    expect(precached.filter((url) => /(^|\/)sw\.m?js$/.test(url))).toEqual([]);
    expect(new Set(precached).size).toBe(precached.length);
  });
});
