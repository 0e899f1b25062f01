/**
 * What a first visit downloads, measured on a built app (a `vite build` output folder). Shared
 * by bench/bundle.bench.ts and tests/build/bundle-size.test.ts, so the bench's figure and the
 * test's budget are the same number.
 *
 * First-screen JavaScript: index.html's entry `<script type="module" src>`, every
 * `<link rel="modulepreload">`, and whatever those chunks import statically (`import … from
 * "./x.js"`, `import "./x.js"`, `export … from "./x.js"`, recursively), and the strings the first
 * screen waits for (loaded with `import()` before the first render), but not what loads later. Each file is gzipped at level 9 on its own and the sizes added up, as a
 * server that compresses each response would send them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, posix, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first-screen JavaScript budget, gzipped: 50 KB. */
export const FIRST_SCREEN_JS_BUDGET = 50 * 1024;
/** The string areas src/ui/main.tsx loads before the first render (English counted). */
export const FIRST_SCREEN_STRINGS = ['common', 'catalog'] as const;

export interface FileSize {
  /** Path inside the dist folder, with forward slashes. */
  file: string;
  raw: number;
  gzip: number;
  /** Why it counts: 'entry', 'modulepreload', 'static import', 'stylesheet', … */
  via: string;
}

export interface Group {
  files: FileSize[];
  raw: number;
  gzip: number;
}

export interface FirstScreenSize {
  js: Group;
  css: Group;
  /** The service worker (sw.js), or undefined if the build has none. */
  sw: FileSize | undefined;
  /** The files the service worker precaches (its injected list), raw bytes. */
  precache: Group;
}

const gzipBytes = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

function group(files: FileSize[]): Group {
  return { files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

function sizeOf(distDir: string, file: string, via: string): FileSize {
  const buf = readFileSync(join(distDir, file));
  return { file, raw: buf.length, gzip: gzipBytes(buf), via };
}

/**
 * The file in `distDir` that an address in index.html names. Addresses carry the base path
 * ('/assets/x.js', '/my-shop/assets/x.js', './assets/x.js'), so leading folders are dropped
 * until a file is found.
 */
function fileFor(distDir: string, address: string): string {
  const path = decodeURIComponent(address.replace(/[?#].*$/, '').replace(/^[a-z]+:\/\/[^/]+/i, ''));
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    const full = join(distDir, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  throw new Error(`${address} in index.html is not a file in ${distDir}`);
}

/** The value of an attribute in one tag's text, or undefined. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The static imports of a built chunk (not `import()`), as written: './x.js', '../y.js'. */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  // `import{a as b}from"./x.js"`, `import*as a from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
  // After `import` comes a space, `{`, `*` or a quote, never `(` (that is a dynamic import).
  const re = /(?:^|[^\w$.])(?:import|export)(?:\s*[\w$*{][^"'();]*?\bfrom)?\s*(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(re)) {
    const spec = m[2]!;
    if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) out.add(spec);
  }
  return [...out];
}

export function firstScreenSize(distDir: string): FirstScreenSize {
  const htmlPath = join(distDir, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: build the app first`);
  const html = readFileSync(htmlPath, 'utf8');
  const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];

  const js: FileSize[] = [];
  const css: FileSize[] = [];
  const seen = new Set<string>();
  const addJs = (file: string, via: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    js.push(sizeOf(distDir, file, via));
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const spec of staticImports(code)) {
      const target = spec.startsWith('/') ? fileFor(distDir, spec) : posix.normalize(posix.join(posix.dirname(file), spec));
      if (!existsSync(join(distDir, target))) throw new Error(`${file} imports ${spec}, which is not in ${distDir}`);
      addJs(target, `static import of ${file}`);
    }
  };
  const entries: [string, string][] = [];
  for (const tag of tags) {
    const isScript = /^<script/i.test(tag);
    const rel = attr(tag, 'rel')?.toLowerCase();
    if (isScript && attr(tag, 'type') === 'module' && attr(tag, 'src') !== undefined) entries.push([attr(tag, 'src')!, 'entry']);
    else if (!isScript && rel === 'modulepreload' && attr(tag, 'href') !== undefined) entries.push([attr(tag, 'href')!, 'modulepreload']);
    else if (!isScript && rel === 'stylesheet' && attr(tag, 'href') !== undefined) {
      const file = fileFor(distDir, attr(tag, 'href')!);
      if (!css.some((f) => f.file === file)) css.push(sizeOf(distDir, file, 'stylesheet'));
    }
  }
  if (!entries.some(([, via]) => via === 'entry')) throw new Error(`${htmlPath} has no <script type="module" src>`);
  for (const [address, via] of entries) addJs(fileFor(distDir, address), via);
  // The strings the first screen waits for are loaded with import() before it renders
  // (src/ui/main.tsx); vite.config.ts names those chunks so that they can be counted here.
  const assets = readdirSync(join(distDir, 'assets'));
  for (const area of FIRST_SCREEN_STRINGS) {
    const chunk = assets.find((f) => f.startsWith(`i18n-en-${area}-`) && f.endsWith('.js'));
    if (!chunk) throw new Error(`No i18n-en-${area}-*.js chunk in ${distDir}/assets: check vite.config.ts's chunk names`);
    addJs(`assets/${chunk}`, 'strings loaded before the first render');
  }

  const swPath = join(distDir, 'sw.js');
  const sw = existsSync(swPath) ? sizeOf(distDir, 'sw.js', 'service worker') : undefined;
  const precache: FileSize[] = [];
  if (sw) {
    // workbox-build writes the list as JSON in place of self.__WB_MANIFEST (see precache-manifest.test.ts).
    const code = readFileSync(swPath, 'utf8');
    for (const m of code.matchAll(/"url":"([^"]+)"/g)) {
      const file = normalize(m[1]!).split(sep).join('/');
      if (!existsSync(join(distDir, file))) throw new Error(`sw.js precaches ${file}, which is not in ${distDir}`);
      precache.push(sizeOf(distDir, file, 'precache'));
    }
  }
  return { js: group(js), css: group(css), sw, precache: group(precache) };
}

/** All the JavaScript of a first visit to the demo, gzipped, at most: 60 KB (issue 15). */
export const FIRST_VISIT_JS_BUDGET = 60 * 1024;

/**
 * The chunks the demo's start-up loads once its first screen is painted (src/app/start-app.ts,
 * src/ui/main.tsx): the demo's seed, its authority and the device-data migration in one chunk,
 * and workbox-window for the service worker. Named by Vite after their modules.
 */
export const AFTER_FIRST_SCREEN = ['after-first-screen', 'workbox-window.prod.es5'] as const;

export interface FirstVisitSize {
  /** What is fetched before the first screen is interactive: the first screen's JavaScript (see firstScreenSize). */
  beforeInteractive: Group;
  /** What the demo then loads to open its shop (AFTER_FIRST_SCREEN and their static imports not already fetched). */
  afterFirstScreen: Group;
  /** Both: everything a first visit fetches before the demo shop's products show. */
  total: Group;
}

/**
 * A first visit to the demo, file by file: the first screen's files, then the chunks start-up
 * loads after it is painted, with whatever they import statically that is not there yet. The
 * e2e test first-visit.spec.ts checks in a real browser that these are the files fetched.
 */
export function firstVisitSize(distDir: string): FirstVisitSize {
  const before = firstScreenSize(distDir).js;
  const seen = new Set(before.files.map((f) => f.file));
  const after: FileSize[] = [];
  const add = (file: string, via: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    after.push(sizeOf(distDir, file, via));
    for (const spec of staticImports(readFileSync(join(distDir, file), 'utf8'))) {
      add(spec.startsWith('/') ? fileFor(distDir, spec) : posix.normalize(posix.join(posix.dirname(file), spec)), `static import of ${file}`);
    }
  };
  const assets = readdirSync(join(distDir, 'assets'));
  for (const name of AFTER_FIRST_SCREEN) {
    const chunk = assets.find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
    if (!chunk) throw new Error(`No ${name}-*.js chunk in ${distDir}/assets: check src/app/start-app.ts and src/ui/main.tsx`);
    add(`assets/${chunk}`, 'loaded after the first screen is painted');
  }
  const afterGroup = group(after);
  return { beforeInteractive: before, afterFirstScreen: afterGroup, total: group([...before.files, ...after]) };
}

/** "12.3 KB" (1 KB = 1,024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** One line per file, biggest first: "assets/index-abc.js  21.3 KB raw  8.1 KB gzip  (entry)". */
export function breakdown(g: Group): string {
  const width = Math.max(...g.files.map((f) => f.file.length), 4);
  return [...g.files]
    .sort((a, b) => b.gzip - a.gzip)
    .map((f) => `  ${f.file.padEnd(width)}  ${kb(f.raw).padStart(9)} raw  ${kb(f.gzip).padStart(8)} gzip  (${f.via})`)
    .join('\n');
}
