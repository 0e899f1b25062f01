/**
 * A catalog with options (issue 13, part B): 10,000 products × 20 combinations (4 colours × 5
 * sizes, 200,000 SKUs) beside 10,000 products without options, side by side in one run: the
 * CSV export and import (one row per combination: 200,000 rows against 10,000), and search p95
 * over the in-memory index with option values searchable ("red", "XL", "red XL").
 * The import is measured past the app's own file limits (CSV_LIMITS: 50,000 rows, 10 MB), which a
 * catalog this size in one file exceeds. BENCH_OPTIONS_PRODUCTS changes the size (default 10,000).
 * Beside the import, its raw ceiling: the same text only split into records (parseCsv), which
 * every import does first; the rest of the import's time is reading, checking and merging rows.
 * Last, a product page with 20 combinations rendered in the built app in Chromium
 * (browser/product-page.bench.ts; BENCH_OPTIONS_PAGE=0 leaves it out).
 */
import { searchTags, type CombinationId, type Money, type OptionValueId, type Product, type ProductId } from '../src/domain/index.ts';
import { csvToProducts, productsToCsv, type CatalogItem } from '../src/engines/csv/catalog-csv.ts';
import { parseCsv } from '../src/engines/csv/parse-csv.ts';
import { SearchIndex } from '../src/engines/search/search-index.ts';
import { count, formatMs, measure, perSecond, type Row } from './table.ts';
import { productPageRows } from './browser/product-page.bench.ts';

const COLOURS = ['red', 'blue', 'black', 'white'];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];
const KINDS = ['shirt', 'dress', 'jacket', 'scarf', 'hat', 'shoe', 'sock', 'coat'];
const GOAL_P95_MS = 16;

function catalog(n: number, options: boolean): CatalogItem[] {
  return Array.from({ length: n }, (_, i): CatalogItem => {
    const id = `p${String(i).padStart(6, '0')}` as ProductId;
    const kind = KINDS[i % KINDS.length]!;
    const product: Product = {
      id, name: `${kind} ${i % 997}`, description: '', category: `Clothing ${i % 20}`, tags: [kind],
      price: (1000 + (i % 500)) as Money, photos: [], hidden: false,
    };
    if (!options) return { product, stock: 20 };
    product.options = [
      { name: 'Colour', values: COLOURS.map((c) => ({ id: c as OptionValueId, name: c })) },
      { name: 'Size', values: SIZES.map((s) => ({ id: s as OptionValueId, name: s })) },
    ];
    product.combinations = COLOURS.flatMap((c) => SIZES.map((s) => ({
      id: `${c}-${s}` as CombinationId, values: [c as OptionValueId, s as OptionValueId], price: product.price, sold: true,
    })));
    return { product, stock: 0, stocks: product.combinations.map((c) => ({ combination: c.id, stock: 1 })) };
  });
}

function p95(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

async function shape(label: string, items: CatalogItem[]): Promise<Row[]> {
  const rows: Row[] = [];
  const n = items.length;
  const lines = items.reduce((s, i) => s + (i.product.combinations?.length ?? 1), 0);
  const written = await measure(() => productsToCsv(items, 'CNY'), { runs: 1 });
  const size = `${count(n)} products, ${count(lines)} rows (${(Buffer.byteLength(written.result) / 1_048_576).toFixed(1)} MB)`;
  rows.push({ name: `options: csv export, ${label}`, size, ms: written.ms, throughput: perSecond(lines, written.ms, 'rows'), note: 'productsToCsv' });
  const limits = { maxRecords: 10_000_000, maxChars: 2_000_000_000 };
  const raw = await measure(() => parseCsv(written.result, limits), { runs: 1 });
  const read = await measure(() => csvToProducts(written.result, 'CNY', { limits }), { runs: 1 });
  const ok = read.result.errors.length === 0 && read.result.rows.length === n;
  rows.push({
    name: `options: csv import, ${label}`, size, ms: read.ms, throughput: perSecond(lines, read.ms, 'rows'),
    note: `csvToProducts: every row read and checked, a product's rows merged and validated; ${count(read.result.rows.length)} products, ${read.result.errors.length} problems; `
      + `raw ceiling (the text split into records alone, parseCsv) ${formatMs(raw.ms)} ms, ${(read.ms / raw.ms).toFixed(1)}× that`,
    ...(!ok && { failed: read.result.errors[0]?.message ?? `got ${read.result.rows.length} products` }),
  });
  const inputs = items.map(({ product: p }) => ({ id: p.id, name: p.name, category: p.category, tags: searchTags(p), price: p.price, hidden: p.hidden }));
  const built = await measure(() => SearchIndex.build(inputs), { runs: 1 });
  rows.push({ name: `options: search index build, ${label}`, size: `${count(n)} products`, ms: built.ms, throughput: perSecond(n, built.ms, 'products'), note: 'option values as tags' });
  const index = built.result;
  const queries = ['red', 'XL', 'red XL', 'shirt', 'shirt XL', 'blue scarf', 'dress 42', 'coat black L', 'hat', 'white'];
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < 20; round++) {
    for (const search of queries) {
      const t0 = performance.now();
      found += index.query({ search, sort: 'relevance', offset: 0, limit: 24 }).total;
      times.push(performance.now() - t0);
    }
  }
  const p = p95(times);
  rows.push({
    name: `options: search p95, ${label}`, size: `${count(times.length)} queries`, ms: p, throughput: perSecond(times.length, times.reduce((a, b) => a + b, 0), 'queries'),
    note: `p95 of ${queries.length} searches × 20 ('red', 'XL', 'red XL'…), page of 24; goal ≤ ${GOAL_P95_MS} ms: ${p <= GOAL_P95_MS ? 'met' : 'MISSED'}; median ${formatMs(times.sort((a, b) => a - b)[times.length >> 1]!)}; ${count(found)} hits in all`,
  });
  return rows;
}

export async function optionsCatalogBench(): Promise<Row[]> {
  const n = Number(process.env.BENCH_OPTIONS_PRODUCTS ?? '10000');
  const rows = [...(await shape('without options', catalog(n, false))), ...(await shape('20 combinations each', catalog(n, true)))];
  if (process.env.BENCH_OPTIONS_PAGE !== '0') rows.push(...(await productPageRows()));
  return rows;
}
