// Keeps the imports between layers going one way (ARCHITECTURE.md section 7, README "Layout"):
//   ui → {app, engines, domain};  app → {sync, storage, engines, domain};  sync → {storage, domain};
//   storage → {engines, domain};  engines → {domain};  domain → nothing;
//   sw → nothing (workbox packages only).
// Plus: domain and engines import no package at all (they are pure), and workbox-* stays in the
// service worker, except workbox-window in src/app/register-sw.ts.
// Imports are read with TypeScript's own pre-processor (static, `import type`,
// `export … from` and dynamic `import('…')`), not with a regex that comments could fool.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS, PURE as LAYERS_PURE } from '../layers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

// The layers and what each may import: one list, shared with eslint.config.js.
const ALLOWED: Record<string, readonly string[]> = LAYERS;
const PURE = new Set(LAYERS_PURE);

interface SourceFile {
  /** Path relative to the repository root, with '/' separators: 'src/ui/App.tsx'. */
  path: string;
  text: string;
}

/** The layer a repository-relative path belongs to, or undefined outside src/<layer>/. */
function layerOf(path: string): string | undefined {
  const [top, layer, ...rest] = path.split('/');
  return top === 'src' && layer !== undefined && rest.length > 0 && layer in ALLOWED ? layer : undefined;
}

/** Every rule broken by `files`, one line each: 'src/ui/App.tsx:3 imports ../sw/sw.ts (ui → sw)'. */
function checkLayers(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    if (from === undefined) {
      problems.push(`${file.path} is not inside a layer folder (src/{${Object.keys(ALLOWED).join(',')}}/)`);
      continue;
    }
    for (const ref of ts.preProcessFile(file.text, true, true).importedFiles) {
      const spec = ref.fileName;
      const line = file.text.slice(0, ref.pos).split('\n').length;
      const where = `${file.path}:${line} imports '${spec}'`;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = spec.startsWith('/')
          ? spec.slice(1)
          : relative(ROOT, resolve(ROOT, dirname(file.path), spec)).split(sep).join('/');
        const to = layerOf(target.split('?')[0] ?? target);
        if (to === undefined) problems.push(`${where}: outside the src/ layers`);
        else if (to !== from && !ALLOWED[from]?.includes(to)) problems.push(`${where}: ${from} → ${to} is not allowed`);
        continue;
      }
      // A package (or node: built-in).
      if (PURE.has(from)) problems.push(`${where}: ${from} is pure and imports no package`);
      else if (spec.startsWith('workbox-')) {
        const bridge = file.path === 'src/app/register-sw.ts' && spec === 'workbox-window';
        if (from !== 'sw' && !bridge) problems.push(`${where}: workbox belongs to src/sw (and workbox-window to src/app/register-sw.ts)`);
      } else if (from === 'sw') problems.push(`${where}: the service worker imports workbox packages only`);
    }
  }
  return problems;
}

/*
 * Storage in one place: Dexie is storage's, so nothing outside src/storage may reach the Dexie
 * database. That takes the `dexie` package, or one of the storage names that hand out the
 * database itself (`ShopDb`, `openDb`, `tablesOf`), or a whole storage module at once (a
 * namespace import, `export *`, a dynamic import of db.ts or the index). Everything else gets
 * an opaque `Store` and storage's typed reads and writes, so a table, `.where(`, `.toArray(` or
 * `transaction(` cannot be written outside storage: there is nothing to call them on.
 * src/sync still holds the database, and so do the two files that open it for the sync runner
 * and hand it over (until sync takes a Store). The demo's authority runner takes a Store (the
 * authority loop it shares with the seller's runner is storage's), and the app opens the demo's
 * database as a Store (`openStore`).
 */
const DATABASE_NAMES = new Set(['ShopDb', 'openDb', 'tablesOf']);
const HOLDS_DATABASE = ['src/storage/', 'src/sync/'];
const HANDS_DATABASE_ON = new Set([
  'src/app/sync/start-remote.ts', // opens a shop's database for the sync runner
  'src/app/sync/start-sync.ts', // gives it to the sync runner
]);

/** Every way `files` reach the Dexie database outside storage, one line each. */
function checkStorageSealed(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (HOLDS_DATABASE.some((dir) => file.path.startsWith(dir)) || HANDS_DATABASE_ON.has(file.path)) continue;
    if (!/storage|dexie/.test(file.text)) continue; // nothing to look at (parsing every file is slow)
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.ES2022, false, file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const at = (node: ts.Node) => `${file.path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const inStorage = (spec: string) => {
      if (!spec.startsWith('.')) return false;
      const target = relative(ROOT, resolve(ROOT, dirname(file.path), spec)).split(sep).join('/');
      return target.startsWith('src/storage/');
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const spec = node.moduleSpecifier.text;
        if (spec === 'dexie' || spec.startsWith('dexie/')) problems.push(`${at(node)} imports '${spec}': Dexie is used in src/storage only`);
        else if (inStorage(spec)) {
          const names: string[] = [];
          let whole = false;
          if (ts.isImportDeclaration(node)) {
            const bindings = node.importClause?.namedBindings;
            if (bindings && ts.isNamespaceImport(bindings)) whole = true;
            else if (bindings) for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
            if (node.importClause?.name) names.push('default');
          } else if (node.exportClause === undefined || ts.isNamespaceExport(node.exportClause)) whole = true;
          else for (const el of node.exportClause.elements) names.push((el.propertyName ?? el.name).text);
          if (whole) problems.push(`${at(node)} takes all of '${spec}' at once: name what is used (never the database)`);
          for (const name of names.filter((n) => DATABASE_NAMES.has(n))) problems.push(`${at(node)} takes ${name} from '${spec}': the Dexie database stays in src/storage`);
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) {
          if (arg.text === 'dexie') problems.push(`${at(node)} imports 'dexie': Dexie is used in src/storage only`);
          else if (inStorage(arg.text) && /\/(db|index)\.ts$/.test(arg.text)) problems.push(`${at(node)} loads '${arg.text}', which hands out the database`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

/**
 * Import circles among `files` (static, type-only and dynamic imports alike: a circle of types
 * is still two files that cannot be read apart), each as its files sorted, found as the
 * strongly connected components of the import graph (Tarjan).
 */
function findCycles(files: readonly SourceFile[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = ts.preProcessFile(file.text, true, true).importedFiles
      .map((ref) => ref.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(ROOT, resolve(ROOT, dirname(file.path), spec.split('?')[0] ?? spec)).split(sep).join('/'));
    graph.set(file.path, deps);
  }
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return cycles;
}

function readSources(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(ROOT, full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
    });
}

describe('layers', () => {
  it('src/ imports go one way: ui → app → {sync, storage} → engines → domain', () => {
    const files = readSources(SRC);
    expect(files.length).toBeGreaterThan(0);
    expect(checkLayers(files)).toEqual([]);
  });

  it('the checker reports what it should (so the test above can fail)', () => {
    const bad: SourceFile[] = [
      { path: 'src/domain/money.ts', text: "import Dexie from 'dexie';\nimport { x } from '../ui/App.tsx';" },
      { path: 'src/storage/db.ts', text: "export { y } from '../sync/outbox.ts';" },
      { path: 'src/app/use.ts', text: "const m = await import('../ui/App.tsx');\nimport 'workbox-routing';" },
      { path: 'src/ui/App.tsx', text: "import type { Order } from '../sync/x.ts';\nimport { Workbox } from 'workbox-window';" },
      { path: 'src/sw/sw.ts', text: "import { Money } from '../domain/money.ts';\nimport 'idb-keyval';" },
      { path: 'src/engines/csv/x.ts', text: "import { openDb } from '../../storage/db.ts';\nimport 'dexie';" },
      { path: 'src/domain/y.ts', text: "import { parseCsv } from '../engines/csv/parse-csv.ts';" },
      { path: 'src/sync/z.ts', text: "import { parseCsv } from '../engines/csv/parse-csv.ts';" },
      { path: 'src/stray.ts', text: '' },
    ];
    expect(checkLayers(bad)).toEqual([
      "src/domain/money.ts:1 imports 'dexie': domain is pure and imports no package",
      "src/domain/money.ts:2 imports '../ui/App.tsx': domain → ui is not allowed",
      "src/storage/db.ts:1 imports '../sync/outbox.ts': storage → sync is not allowed",
      "src/app/use.ts:1 imports '../ui/App.tsx': app → ui is not allowed",
      "src/app/use.ts:2 imports 'workbox-routing': workbox belongs to src/sw (and workbox-window to src/app/register-sw.ts)",
      "src/ui/App.tsx:1 imports '../sync/x.ts': ui → sync is not allowed",
      "src/ui/App.tsx:2 imports 'workbox-window': workbox belongs to src/sw (and workbox-window to src/app/register-sw.ts)",
      "src/sw/sw.ts:1 imports '../domain/money.ts': sw → domain is not allowed",
      "src/sw/sw.ts:2 imports 'idb-keyval': the service worker imports workbox packages only",
      "src/engines/csv/x.ts:1 imports '../../storage/db.ts': engines → storage is not allowed",
      "src/engines/csv/x.ts:2 imports 'dexie': engines is pure and imports no package",
      "src/domain/y.ts:1 imports '../engines/csv/parse-csv.ts': domain → engines is not allowed",
      "src/sync/z.ts:1 imports '../engines/csv/parse-csv.ts': sync → engines is not allowed",
      'src/stray.ts is not inside a layer folder (src/{ui,app,sync,storage,engines,domain,sw}/)',
    ]);
  });

  it('accepts the allowed directions and the register-sw bridge', () => {
    const good: SourceFile[] = [
      { path: 'src/ui/App.tsx', text: "import { a } from '../app/x.ts';\nimport type { M } from '../domain/money.ts';\nimport { h } from 'preact';" },
      { path: 'src/app/register-sw.ts', text: "import { Workbox } from 'workbox-window';" },
      { path: 'src/app/buy.ts', text: "import '../sync/outbox.ts';\nimport '../storage/db.ts';\nimport './other.ts';" },
      { path: 'src/sync/outbox.ts', text: "import '../storage/db.ts';\nimport '../domain/events.ts';" },
      { path: 'src/sw/sw.ts', text: "import { precacheAndRoute } from 'workbox-precaching';" },
      { path: 'src/domain/x/y.ts', text: "import '../money.ts';\n// import 'dexie' in a comment is not an import" },
      { path: 'src/engines/csv/a.ts', text: "import '../../domain/money.ts';\nimport './b.ts';" },
      { path: 'src/storage/queries.ts', text: "import { queryTerms } from '../engines/search/words.ts';" },
      { path: 'src/ui/x.tsx', text: "import { parseCsv } from '../engines/csv/parse-csv.ts';" },
    ];
    expect(checkLayers(good)).toEqual([]);
  });
});

describe('storage in one place', () => {
  it("nothing outside src/storage reaches the Dexie database (but the runners' wiring, listed)", () => {
    expect(checkStorageSealed(readSources(SRC))).toEqual([]);
  });

  it('the checker reports what it should (so the test above can fail)', () => {
    const bad: SourceFile[] = [
      { path: 'src/app/queries/x.ts', text: "import { liveQuery } from 'dexie';\nimport type { ShopDb } from '../../storage/db.ts';" },
      { path: 'src/ui/y.tsx', text: "import { openDb as open, getShop } from '../storage/index.ts';\nexport { tablesOf } from '../storage/db.ts';" },
      { path: 'src/app/z.ts', text: "import * as storage from '../storage/queries.ts';\nexport * from '../storage/cart.ts';\nconst m = await import('../storage/db.ts');" },
    ];
    expect(checkStorageSealed(bad)).toEqual([
      "src/app/queries/x.ts:1 imports 'dexie': Dexie is used in src/storage only",
      "src/app/queries/x.ts:2 takes ShopDb from '../../storage/db.ts': the Dexie database stays in src/storage",
      "src/ui/y.tsx:1 takes openDb from '../storage/index.ts': the Dexie database stays in src/storage",
      "src/ui/y.tsx:2 takes tablesOf from '../storage/db.ts': the Dexie database stays in src/storage",
      "src/app/z.ts:1 takes all of '../storage/queries.ts' at once: name what is used (never the database)",
      "src/app/z.ts:2 takes all of '../storage/cart.ts' at once: name what is used (never the database)",
      "src/app/z.ts:3 loads '../storage/db.ts', which hands out the database",
    ]);
  });

  it("accepts storage's typed functions, its Store type, and the database inside storage and sync", () => {
    const good: SourceFile[] = [
      { path: 'src/app/queries/x.ts', text: "import { getShop } from '../../storage/queries.ts';\nimport type { Store } from '../../storage/store.ts';" },
      { path: 'src/storage/live.ts', text: "import { liveQuery } from 'dexie';\nimport type { ShopDb } from './db.ts';" },
      { path: 'src/sync/pull.ts', text: "import type { ShopDb } from '../storage/index.ts';" },
      { path: 'src/app/sync/start-remote.ts', text: "import { openDb } from '../../storage/db.ts';" },
      { path: 'src/ui/z.tsx', text: "// import { ShopDb } from '../storage/db.ts' in a comment is not an import\nconst s = 'dexie';" },
    ];
    expect(checkStorageSealed(good)).toEqual([]);
  });
});

describe('import circles', () => {
  it('there are none in src/', () => {
    expect(findCycles(readSources(SRC))).toEqual([]);
  });

  it('the finder finds them, type-only and dynamic ones too (so the test above can fail)', () => {
    const files: SourceFile[] = [
      { path: 'src/storage/db.ts', text: "import type { PhotoRow } from './photos.ts';" },
      { path: 'src/storage/photos.ts', text: "import type { ShopDb } from './db.ts';\nimport './rows.ts';" },
      { path: 'src/storage/rows.ts', text: '' },
      { path: 'src/app/start-app.ts', text: "const m = await import('./sync/start-remote.ts');" },
      { path: 'src/app/sync/start-remote.ts', text: "import type { RunningApp } from '../start-app.ts';\nimport '../context.ts';" },
      { path: 'src/app/context.ts', text: '' },
      { path: 'src/ui/a.ts', text: "import './b.ts';" },
      { path: 'src/ui/b.ts', text: "import './c.ts';" },
      { path: 'src/ui/c.ts', text: "import './a.ts';" },
    ];
    expect(findCycles(files).sort()).toEqual([
      ['src/app/start-app.ts', 'src/app/sync/start-remote.ts'],
      ['src/storage/db.ts', 'src/storage/photos.ts'],
      ['src/ui/a.ts', 'src/ui/b.ts', 'src/ui/c.ts'],
    ]);
  });
});

/** UI files named as hooks (`use-*.ts`) outside the one hooks folder. */
function straysFromHooks(paths: readonly string[]): string[] {
  return paths.filter((p) => p.startsWith('src/ui/') && /\/use-[^/]+\.tsx?$/.test(p) && !p.startsWith('src/ui/hooks/'));
}

describe('one hooks folder', () => {
  it("the UI's hooks live in src/ui/hooks", () => {
    expect(straysFromHooks(readSources(SRC).map((f) => f.path))).toEqual([]);
  });

  it('the finder finds a stray hook (so the test above can fail)', () => {
    expect(straysFromHooks(['src/ui/hooks/use-app.ts', 'src/ui/components/shop/use-x.ts', 'src/app/use-y.ts'])).toEqual(['src/ui/components/shop/use-x.ts']);
  });
});
