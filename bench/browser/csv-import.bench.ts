
/**
 * A seller's CSV import in a real browser: Chromium (through Playwright) runs the app's own
 * import code against its IndexedDB, served by a Vite dev server on port 4187 from
 * bench/browser/csv-import-bench.html; see csv-import-bench.ts for what is timed. One timed
 * run (each run fills a fresh database): the figures are a phone-sized job's order of magnitude.
 */
import { count, perSecond, type Row } from '../table.ts';
import type { CsvImportBenchResult } from './csv-import-bench.ts';
import { ms, withBenchPage } from './chromium.ts';

const PORT = 4187;
const PAGE_URL = 'bench/browser/csv-import-bench.html';

export async function browserCsvImportBench(rows: number): Promise<Row[]> {
  return withBenchPage({ page: PAGE_URL, port: PORT, ready: 'runCsvImportBench', include: ['dexie', 'idb-keyval'] }, async (page) => {
    process.stderr.write(`  browser csv import: ${count(rows)} rows…\n`);
    return rowsFor(await page.evaluate((n) => window.runCsvImportBench(n), rows));
  });
}

function rowsFor(r: CsvImportBenchResult): Row[] {
  const size = `${count(r.rows)} rows (${(r.bytes / 1_048_576).toFixed(1)} MB)`;
  const total = r.parseMs + r.queueMs + r.decideStoreMs;
  const stored = r.stored === r.rows && r.outbox === 0 && r.decisions === r.rows;
  return [
    {
      name: 'browser csv: parse + validate', size, ms: r.parseMs, throughput: perSecond(r.rows, r.parseMs, 'rows'),
      note: `csvToProducts in Chromium, on the page's thread (the Data tab's preview); ${r.problems} problems`,
      ...(r.problems > 0 && { failed: `${r.problems} problems in a good file` }),
    },
    {
      name: 'browser csv: queue (importCatalog)', size, ms: r.queueMs, throughput: perSecond(r.rows, r.queueMs, 'rows'),
      note: 'one IndexedDB transaction of every product.save with its outbox entry (validated again), strict durability',
    },
    {
      name: 'browser csv: decide + store (authority)', size, ms: r.decideStoreMs, throughput: perSecond(r.rows, r.decideStoreMs, 'rows'),
      note: `LocalAuthority.run(): outbox read, validateIntent, decideInto, storeDecisions; check: ${count(r.decisions)} decisions, `
        + `${count(r.stored)} products stored, ${r.outbox} left in the outbox`,
      ...(!stored && { failed: `${r.decisions} decisions, ${r.stored} products, ${r.outbox} in the outbox` }),
    },
    {
      name: 'browser csv: import, end to end', size, ms: total, throughput: perSecond(r.rows, total, 'rows'),
      note: `the three above: file text to products stored (${ms(r.parseMs)} + ${ms(r.queueMs)} + ${ms(r.decideStoreMs)})`,
    },
    {
      name: 'browser csv: export (exportCsv)', size, ms: r.exportMs, throughput: perSecond(r.rows, r.exportMs, 'rows'),
      note: `listProducts (all, hidden too) and productsToCsv; check: the same lines as the file imported: ${r.sameExport}`,
      ...(!r.sameExport && { failed: 'the export differs from the file imported' }),
    },
  ];
}
