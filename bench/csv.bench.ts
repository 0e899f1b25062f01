/**
 * Importing a 10,000-row catalog CSV, in Node: writing the file (`productsToCsv`), reading it
 * (`parseCsv`), reading and checking every row with the domain's validator (`csvToProducts`),
 * and the shop's authority deciding the 10,000 `product.save` commands (`decide`). Then the same
 * import in Chromium's IndexedDB through the app's own code (browser/csv-import.bench.ts), unless
 * BENCH_CSV_BROWSER=0. BENCH_CSV_ROWS changes the size (default 10,000).
 */
import { isDeepStrictEqual } from 'node:util';
import { decide, emptyState } from '../src/domain/index.ts';
import { csvToProducts, productsToCsv } from '../src/engines/csv/catalog-csv.ts';
import { parseCsv } from '../src/engines/csv/parse-csv.ts';
import { browserCsvImportBench } from './browser/csv-import.bench.ts';
import { saveCommands } from './browser/catalog-data.ts';
import { CSV_T0, csvCatalog } from './browser/csv-data.ts';
import { count, measure, perSecond, type Row } from './table.ts';

export function csvRows(): number {
  const n = Number((process.env.BENCH_CSV_ROWS ?? '10000').replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_CSV_ROWS must be a whole number');
  return n;
}

export async function csvBench(): Promise<Row[]> {
  const n = csvRows();
  const items = csvCatalog(n);
  const rowsLabel = `${count(n)} rows`;
  const out: Row[] = [];

  const written = await measure(() => productsToCsv(items, 'CNY'));
  const text = written.result;
  const size = `${rowsLabel} (${(Buffer.byteLength(text) / 1_048_576).toFixed(1)} MB)`;
  out.push({
    name: 'csv: export (productsToCsv)', size, ms: written.ms, throughput: perSecond(n, written.ms, 'rows'),
    note: 'products → CSV text: money in major units, ISO times, | lists, quoting, formula guard',
  });

  const parsed = await measure(() => parseCsv(text));
  out.push({
    name: 'csv: parse only (parseCsv)', size, ms: parsed.ms, throughput: perSecond(n, parsed.ms, 'rows'),
    note: 'RFC 4180 records with line numbers; one in seven rows has a quoted line break',
    ...(!parsed.result.ok && { failed: parsed.result.error.message }),
  });

  const checked = await measure(() => csvToProducts(text, 'CNY'));
  const { rows, errors } = checked.result;
  const exact = rows.length === n && isDeepStrictEqual(rows.map(({ product, stock }) => ({ product, stock })), items);
  out.push({
    name: 'csv: parse + validate (csvToProducts)', size, ms: checked.ms, throughput: perSecond(n, checked.ms, 'rows'),
    note: 'cells → products, every row through validateProduct and its stock through validateInventory, duplicate ids; '
      + `check: ${count(rows.length)} rows, ${errors.length} problems, deep-equal to the products exported: ${exact}`,
    ...((errors.length > 0 || !exact) && { failed: `${errors.length} problems; exact round trip: ${exact}` }),
  });

  // One bad row among them: named, and nothing else reported.
  const lines = text.split('\r\n');
  const at = lines.findIndex((l) => l.startsWith(`${items[Math.floor(n * 0.7)]!.product.id},`));
  lines[at] = lines[at]!.replace(/,(\d+)\.(\d\d),/, ',$1.$2.0,');
  const bad = await measure(() => csvToProducts(lines.join('\r\n'), 'CNY'));
  const one = bad.result.errors.length === 1 && bad.result.errors[0]!.column === 'price';
  out.push({
    name: 'csv: a file with one bad row', size, ms: bad.ms, throughput: perSecond(n, bad.ms, 'rows'),
    note: `the same file with a price "12.34.0" on the row of ${items[Math.floor(n * 0.7)]!.product.id}; check: `
      + `${bad.result.errors.length} problem (${bad.result.errors[0] ? `line ${bad.result.errors[0].line}, ${bad.result.errors[0].column}` : 'none'})`,
    ...(!one && { failed: `expected one price problem, got ${bad.result.errors.length}` }),
  });

  const intents = saveCommands(rows, CSV_T0);
  const decided = await measure(() => decide(emptyState(), intents, CSV_T0 + 1000));
  const saved = decided.result.decisions.filter((d) => d.kind === 'product.saved').length;
  out.push({
    name: 'csv: decide the product.save commands (decide)', size: `${count(n)} commands`, ms: decided.ms,
    throughput: perSecond(n, decided.ms, 'commands'),
    note: `the domain's authority from an empty shop, one batch; check: ${count(saved)} product.saved, ${count(decided.result.state.products.size)} products`,
    ...((saved !== n || decided.result.state.products.size !== n) && { failed: `${saved} saved of ${n}` }),
  });

  if (process.env.BENCH_CSV_BROWSER !== '0') out.push(...(await browserCsvImportBench(n)));
  return out;
}
