/**
 * What the first visit downloads: the app built with Vite's JS API (vite.config.ts, into a
 * temporary folder), then the first screen's JavaScript and CSS, the service worker and the
 * precache, sized by bench/bundle-size.ts (the same code as tests/build/bundle-size.test.ts).
 */
import { buildApp } from './build-app.ts';
import { breakdown, FIRST_SCREEN_JS_BUDGET, FIRST_VISIT_JS_BUDGET, firstScreenSize, firstVisitSize, kb } from './bundle-size.ts';
import { count, type Row } from './table.ts';

export async function bundleBench(): Promise<Row[]> {
  let built;
  try {
    built = await buildApp();
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    return [{ name: 'bundle', size: '', ms: NaN, throughput: '', note: 'not measured', failed: `vite build failed: ${why}` }];
  }
  const { outDir, ms } = built;
  const size = firstScreenSize(outDir);
  const { js, css, sw, precache } = size;
  const list = (files: { file: string; gzip: number }[]) =>
    [...files].sort((a, b) => b.gzip - a.gzip).map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzip)}`).join(', ');
  const ok = js.gzip <= FIRST_SCREEN_JS_BUDGET;
  const build = `time: the one vite build these sizes come from`;
  const rows: Row[] = [
    {
      name: 'bundle: first screen JS (gzip)',
      size: kb(js.gzip),
      ms,
      throughput: `${js.files.length} files, ${kb(js.raw)} raw`,
      note: `goal < ${kb(FIRST_SCREEN_JS_BUDGET)} gzip: ${ok ? 'met' : 'NOT met'} (${Math.round((js.gzip / FIRST_SCREEN_JS_BUDGET) * 100)}% of it); `
        + `entry + modulepreloads + their static imports, each gzip -9: ${list(js.files)}; ${build}`,
    },
    firstVisitRow(outDir, ms, list, build),
    {
      name: 'bundle: first screen CSS (gzip)',
      size: kb(css.gzip),
      ms,
      throughput: `${css.files.length} files, ${kb(css.raw)} raw`,
      note: `index.html's stylesheets: ${list(css.files) || 'none'}; no goal set; ${build}`,
    },
    {
      name: 'bundle: service worker (gzip)',
      size: sw ? kb(sw.gzip) : 'none',
      ms,
      throughput: sw ? `${kb(sw.raw)} raw` : '',
      note: `sw.js, fetched on the first visit after the page; no goal set; ${build}`,
    },
    {
      name: 'bundle: precache total (raw)',
      size: kb(precache.raw),
      ms,
      throughput: `${count(precache.files.length)} files, ${kb(precache.gzip)} gzip`,
      note: `what the service worker downloads to work offline (its injected list, uncompressed sizes); no goal set; ${build}`,
    },
  ];
  if (!ok) process.stderr.write(`first screen JS over budget:\n${breakdown(js)}\n`);
  return rows;
}

/** A first visit to the demo (issue 15): what is fetched before its first screen, and what then opens the shop. */
function firstVisitRow(outDir: string, ms: number, list: (files: { file: string; gzip: number }[]) => string, build: string): Row {
  const { beforeInteractive: before, afterFirstScreen: after, total } = firstVisitSize(outDir);
  const ok = before.gzip <= FIRST_VISIT_JS_BUDGET;
  return {
    name: 'bundle: first visit JS, before interactive (gzip)',
    size: kb(before.gzip),
    ms,
    throughput: `${before.files.length} files; then ${after.files.length} files, ${kb(after.gzip)} to open the demo shop (${kb(total.gzip)} in all)`,
    note: `goal <= ${kb(FIRST_VISIT_JS_BUDGET)} gzip before interactive: ${ok ? 'met' : 'NOT met'}; the demo's seed, authority and workbox-window `
      + `load after the first screen is painted: ${list(after.files)}; ${build}`,
  };
}
