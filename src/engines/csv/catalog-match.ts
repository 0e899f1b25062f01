/**
 * Which product of the shop a CSV row changes (catalog-csv.ts): the one its id names, or
 * without an id, the one its exact name names; none is a new product.
 */
import type { CatalogItem, Columns } from './catalog-columns.ts';
import type { CsvLimits, CsvRecord } from './parse-csv.ts';
import { problem, shown, type CsvProblem } from './problems.ts';
import { unguardFormula } from './write-csv.ts';

type ProductColumn = keyof Columns;

/** The shop's products as this device has them: what a row that names only some columns changes. */
export interface CatalogLookup {
  byId(id: string): CatalogItem | undefined;
  /** The products named exactly so (after trimming). */
  byName(name: string): readonly CatalogItem[];
}

export interface ImportOptions {
  /** The shop's products (none: every row is a new product). */
  existing?: CatalogLookup;
  /** An id for a new product found by neither id nor name. */
  newId?: () => string;
  limits?: CsvLimits;
}

/** A lookup over a list of products (the Data tab reads the catalog into one). */
export function catalogLookup(items: Iterable<CatalogItem>): CatalogLookup {
  const byId = new Map<string, CatalogItem>();
  const byName = new Map<string, CatalogItem[]>();
  for (const item of items) {
    byId.set(item.product.id, item);
    const name = item.product.name.trim();
    byName.set(name, [...(byName.get(name) ?? []), item]);
  }
  return { byId: (id) => byId.get(id), byName: (name) => byName.get(name.trim()) ?? [] };
}

/** Which product a row changes (undefined: a new one), or why it cannot say; its id either way. */
export function findProduct(rec: CsvRecord, at: Columns, options: ImportOptions): { id: string; base?: CatalogItem } | CsvProblem {
  const cell = (c: ProductColumn) => (at[c] === undefined ? '' : (rec.fields[at[c]] ?? '').trim());
  const id = cell('id');
  if (id !== '') {
    const base = options.existing?.byId(id);
    return base ? { id, base } : { id };
  }
  const name = unguardFormula(cell('name')).trim();
  if (name === '') return problem(rec.line, 'no-key', 'has neither an id nor a name, to say which product it is');
  const found = options.existing?.byName(name) ?? [];
  if (found.length > 1) {
    const ids = found.map((f) => f.product.id).join(', ');
    return problem(rec.line, 'ambiguous-name', `${found.length} products are named ${shown(name)} (${ids}): give the id of the one meant`, { name: shown(name), count: found.length, ids }, 'name');
  }
  if (found[0]) return { id: found[0].product.id, base: found[0] };
  return { id: options.newId?.() ?? '' };
}

