// The first screen's JavaScript, gzipped, must stay within its budget: an exact limit, so a
// change that pushes it over fails CI. Measured on dist/ by the same code as the bundle bench
// (bench/bundle-size.ts: entry script, modulepreloads and their static imports, each gzip -9).
// Needs `vite build` first.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AFTER_FIRST_SCREEN, breakdown, FIRST_SCREEN_JS_BUDGET, FIRST_VISIT_JS_BUDGET, firstScreenSize, firstVisitSize, kb,
} from '../../bench/bundle-size.ts';

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

// A first visit to the demo (issue 15): everything fetched before the first screen is painted,
// which start-up keeps to the first screen's files (the demo's seed, its authority and
// workbox-window load after: src/app/start-app.ts, src/ui/main.tsx; first-visit.spec.ts checks
// in a browser that these are the files fetched), within 60 KB; and what then opens the shop.
describe('a first visit to the demo', () => {
  it(`fetches at most ${kb(FIRST_VISIT_JS_BUDGET)} of JavaScript before its first screen, none of it what opens the demo shop`, () => {
    const { beforeInteractive, afterFirstScreen, total } = firstVisitSize(DIST);
    const report = `first visit: ${beforeInteractive.files.length} files, ${kb(beforeInteractive.gzip)} gzip (${beforeInteractive.gzip} B) before the `
      + `first screen:\n${breakdown(beforeInteractive)}\nthen ${afterFirstScreen.files.length} files, ${kb(afterFirstScreen.gzip)} gzip to open the demo `
      + `shop:\n${breakdown(afterFirstScreen)}\ntotal ${total.files.length} files, ${kb(total.gzip)} gzip (${total.gzip} B)`;
    console.log(report);
    expect(beforeInteractive.gzip <= FIRST_VISIT_JS_BUDGET, report).toBe(true);
    // The first screen and the shop's opening share nothing: a static import of the seed, the
    // authority or the domain from the first screen's code would put them back before it.
    const first = new Set(beforeInteractive.files.map((f) => f.file));
    for (const name of AFTER_FIRST_SCREEN) expect([...first].some((f) => f.startsWith(`assets/${name}-`)), report).toBe(false);
    expect([...first].some((f) => /^assets\/(domain|seed-demo-shop|local-authority|demo-catalog|write-intent|storage)-/.test(f)), report).toBe(false);
    expect(afterFirstScreen.files.map((f) => f.file).some((f) => f.startsWith('assets/domain-')), report).toBe(true);
  });
});
