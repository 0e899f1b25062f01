// The first screen's JavaScript, gzipped, must stay within its budget: an exact limit, so a
// change that pushes it over fails CI. Measured on dist/ by the same code as the bundle bench
// (bench/bundle-size.ts: entry script, modulepreloads and their static imports, each gzip -9).
// Needs `vite build` first.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breakdown, FIRST_SCREEN_JS_BUDGET, firstScreenSize, kb } from '../../bench/bundle-size.ts';

const DIST = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'dist');

describe('the first screen', () => {
  it(`ships at most ${kb(FIRST_SCREEN_JS_BUDGET)} of JavaScript, gzipped`, () => {
    const { js } = firstScreenSize(DIST);
    expect(js.files.length, 'no entry script found in dist/index.html').toBeGreaterThan(0);
    const message = `first-screen JavaScript is ${kb(js.gzip)} gzip (${js.gzip} bytes), over the ${kb(FIRST_SCREEN_JS_BUDGET)} `
      + `(${FIRST_SCREEN_JS_BUDGET} bytes) budget by ${js.gzip - FIRST_SCREEN_JS_BUDGET} bytes:\n${breakdown(js)}`;
    expect(js.gzip <= FIRST_SCREEN_JS_BUDGET, message).toBe(true);
  });
});
