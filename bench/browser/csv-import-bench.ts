/**
 * Runs in Chromium (served by Vite from csv-import-bench.html, driven by csv-import.bench.ts):
 * a seller's CSV import through the app's own code against the browser's real IndexedDB.
 *
 * `window.runCsvImportBench(rows)` writes a catalog of `rows` products as CSV, then times
 *   - reading it: `csvToProducts` (parse and validate every row), on the page's main thread;
 *   - queueing it: `importCatalog`, one transaction of `rows` product.save commands (each
 *     validated again and written with its outbox entry), strict durability;
 *   - the shop deciding and storing them: `LocalAuthority.run()` (reads the outbox, validates,
 *     `decideInto`, `storeDecisions` in one transaction), as the Data tab's import waits for;
 *   - exporting the catalog again: `exportCsv(db, 'products')`.
 * It deletes its database when done. Times are `performance.now()` in the page.
 */
import { Dexie } from 'dexie';
import type { BuyerId } from '../../src/domain/index.ts';
import { openDb } from '../../src/storage/index.ts';
import type { AppContext } from '../../src/app/context.ts';
import { importCatalog } from '../../src/app/actions/import-catalog.ts';
import { csvToProducts, productsToCsv } from '../../src/engines/csv/catalog-csv.ts';
import { exportCsv } from '../../src/app/queries/data.ts';
import { DEMO_SHOP } from '../../src/app/demo/demo-catalog.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { queueSellerCommand } from '../../src/app/queue-intent.ts';
import { CSV_T0, csvCatalog } from './csv-data.ts';

export interface CsvImportBenchResult {
  rows: number;
  bytes: number;
  parseMs: number;
  problems: number;
  queueMs: number;
  decideStoreMs: number;
  decisions: number;
  exportMs: number;
  /** Checks: products and outbox entries after the import, and whether the export has the same lines. */
  stored: number;
  outbox: number;
  sameExport: boolean;
}

declare global {
  interface Window {
    runCsvImportBench(rows: number): Promise<CsvImportBenchResult>;
  }
}

const sortedLines = (text: string) => text.split('\r\n').sort();

window.runCsvImportBench = async (count: number): Promise<CsvImportBenchResult> => {
  const text = productsToCsv(csvCatalog(count), 'CNY');
  const name = `csv-import-bench-${Date.now()}`;
  const db = openDb(name);
  const now = CSV_T0 + 1000;
  const ctx: AppContext = { store: db, buyer: () => 'bench' as BuyerId, nudge: () => undefined, now: () => now };
  const authority = new LocalAuthority(db, () => true, () => now);
  try {
    // The shop exists first (not timed), as on a seller's device.
    await queueSellerCommand(ctx, { kind: 'shop.save', shop: DEMO_SHOP });
    await authority.run();

    let t = performance.now();
    const { rows, errors } = csvToProducts(text, 'CNY');
    const parseMs = performance.now() - t;

    t = performance.now();
    await importCatalog(ctx, rows);
    const queueMs = performance.now() - t;

    t = performance.now();
    const decisions = await authority.run();
    const decideStoreMs = performance.now() - t;

    t = performance.now();
    const exported = await exportCsv(db, 'products', now);
    const exportMs = performance.now() - t;
    const a = sortedLines(exported.text);
    const b = sortedLines(text);
    return {
      rows: count,
      bytes: new Blob([text]).size,
      parseMs,
      problems: errors.length,
      queueMs,
      decideStoreMs,
      decisions: decisions.length,
      exportMs,
      stored: await db.products.count(),
      outbox: await db.outbox.count(),
      sameExport: a.length === b.length && a.every((line, i) => line === b[i]),
    };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
};
