// The layer rule as ESLint applies it (eslint.config.js, `no-restricted-imports` per folder and
// depth): an editor flags an import against the layers as it is typed. This checks that the
// rule fires where tests/layers.test.ts would fail, and stays quiet on allowed imports.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function restricted(filePath: string, text: string): Promise<number[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
}

describe('the layers as a lint rule', () => {
  it('flags imports against the layers, at any depth', async () => {
    expect(await restricted('src/domain/x.ts', "export { a } from '../ui/App.tsx';\nexport { b } from 'dexie';\n")).toEqual([1, 2]);
    expect(await restricted('src/engines/csv/x.ts', "export { a } from '../../storage/queries.ts';\nexport { b } from '../../domain/money.ts';\n")).toEqual([1]);
    expect(await restricted('src/storage/x.ts', "export type { a } from '../app/context.ts';\nexport { b } from '../engines/search/words.ts';\n")).toEqual([1]);
    expect(await restricted('src/ui/components/seller/chart/x.tsx', "export { a } from '../../../../sync/couch-client.ts';\nexport { b } from '../../../../app/context.ts';\n")).toEqual([1]);
    expect(await restricted('src/sw/sw.ts', "export { a } from 'idb-keyval';\nexport { b } from 'workbox-routing';\n")).toEqual([1]);
    expect(await restricted('src/app/x.ts', "export { Workbox } from 'workbox-window';\n")).toEqual([1]);
    expect(await restricted('src/app/register-sw.ts', "export { Workbox } from 'workbox-window';\n")).toEqual([]);
  });

  it('keeps a same-named folder inside a layer apart from the layer (src/app/sync is app)', async () => {
    expect(await restricted('src/app/queries/x.ts', "export { a } from '../sync/remote.ts';\nexport { b } from '../../sync/couch-client.ts';\n")).toEqual([]);
    expect(await restricted('src/ui/screens/x.tsx', "export { a } from '../../app/sync/remote.ts';\nexport { b } from '../../sync/couch-client.ts';\n")).toEqual([2]);
  });

  it('keeps the Dexie database in storage (and the runners’ wiring)', async () => {
    const text = "export { liveQuery } from 'dexie';\nexport type { ShopDb } from '../../storage/db.ts';\nexport { getShop } from '../../storage/queries.ts';\n";
    expect(await restricted('src/app/queries/x.ts', text)).toEqual([1, 2]);
    // ui may not import storage at all, and never the database: both say so.
    expect(await restricted('src/ui/screens/x.tsx', "export { openDb } from '../../storage/db.ts';\n")).toEqual([1, 1]);
    expect(await restricted('src/app/sync/start-remote.ts', "export { openDb } from '../../storage/db.ts';\n")).toEqual([]);
    expect(await restricted('src/app/start-app.ts', "export { openDb } from '../storage/db.ts';\n")).toEqual([1]);
    expect(await restricted('src/sync/x.ts', "export type { ShopDb } from '../storage/db.ts';\n")).toEqual([]);
  });
});
