/**
 * The catalog as a seller's spreadsheet: one product a row, in the columns below. Money is in
 * decimal major units of the shop's currency ("12.90"), times are ISO 8601, tags and photos are
 * separated by `|`, hidden is true or false; a team buy's or a flash sale's columns are all empty
 * when the product has none. Every row is checked by the domain's own `validateProduct` (and
 * its stock by `validateInventory`): the rules live there once, and their problems are told here
 * by line and column. Pure: no DOM, no Dexie.
 *
 * An import may name any of the columns, as long as `id` or `name` is one: a row's `id` (or,
 * without one, its exact `name`) finds the product it changes, and a column left out keeps what
 * the product has. An empty name, price, stock or photos cell keeps it too (a spreadsheet cannot
 * hold photos, and the others cannot be empty); the other cells say what they say (an empty
 * description is none). A row that finds no product makes a new one, which needs a name, a price
 * and a stock. A team or flash price at or above the regular price is refused, as in the form.
 */
import { validateProduct } from '../../domain/validate/index.ts';
import { CSV_LIMITS, parseCsv } from './parse-csv.ts';
import { problem, shown, type CsvProblem } from './problems.ts';
import { currencyDigits, formatMinor, formatTime, joinList } from './values.ts';
import { PRODUCT_COLUMNS, type CatalogItem } from './catalog-columns.ts';
import type { ImportOptions } from './catalog-match.ts';
import { literal, writeCsv, type Cell } from './write-csv.ts';
import { optionCells, productWithOptions, type ComboCells } from './catalog-options.ts';
import type { Product } from '../../domain/index.ts';
import { readHeader, readRow } from './catalog-row.ts';

export { PRODUCT_COLUMNS, type CatalogItem, type Columns, type ProductColumn } from './catalog-columns.ts';

export { catalogLookup, type CatalogLookup, type ImportOptions } from './catalog-match.ts';


export interface CatalogRow extends CatalogItem {
  line: number;
}

/** The preview: every good row, and every problem by line (the file may be imported only with none). */
export interface CatalogParse {
  rows: CatalogRow[];
  errors: CsvProblem[];
}

/* ------------------------------------------------------------------ export */

export function productsToCsv(items: Iterable<CatalogItem>, currency: string): string {
  const digits = currencyDigits(currency);
  const money = (m: number | undefined): Cell => (m === undefined ? '' : literal(formatMinor(m, digits)));
  const time = (t: number | undefined): Cell => (t === undefined ? '' : literal(formatTime(t)));
  function* rows(): Generator<Cell[]> {
    for (const item of items) {
      const { product: p, stock } = item;
      const { team, flash } = p;
      const row = (price: number, count: number, options: Cell[]): Cell[] => [
        p.id, p.name, p.description, p.category, joinList(p.tags), money(price), count, p.hidden, joinList(p.photos),
        money(team?.price), team?.size, team?.windowHours,
        money(flash?.price), time(flash?.startsAt), time(flash?.endsAt), flash?.stock, flash?.perBuyerLimit,
        ...options,
      ];
      const combos = optionCells(item);
      if (combos.length === 0) yield row(p.price, stock, ['', '', '', '', '', '', '', '', '']);
      const cover = (x: boolean | number | ''): Cell => (typeof x === 'number' ? money(x) : x);
      for (const c of combos) {
        const [o1 = '', o2 = '', o3 = ''] = c.options;
        yield row(c.price, c.stock, [o1, o2, o3, c.sku, c.photo, c.sold, cover(c.team), cover(c.flash), team === undefined ? '' : team.anyCombination === true]);
      }
    }
  }
  return writeCsv(PRODUCT_COLUMNS, rows());
}

/* ------------------------------------------------------------------ import */


/**
 * An offer of a product with options, as its rows say it: one covering none of its combinations
 * (every cover cell false) is refused at the first row; each covered combination's price under
 * the offer (its own, or the offer's) must be below that combination's, said at its row, as the
 * form says it (engines/forms/product-offer-cover.ts).
 */
function offerCoverProblems(p: Product, cells: readonly ComboCells[], cover: { team: boolean; flash: boolean }, digits: number): CsvProblem[] {
  const out: CsvProblem[] = [];
  const combos = p.combinations ?? [];
  for (const offer of ['team', 'flash'] as const) {
    const o = p[offer];
    if (o === undefined) continue;
    const column = `${offer}_cover`;
    if (o.combinations?.length === 0) {
      const what = offer === 'team' ? 'team buy' : 'flash sale';
      out.push(problem(cells[0]!.line, 'cover-none', `the ${what} covers none of the combinations: mark one true (or leave the column empty on every row, for all of them)`, {}, column));
      continue;
    }
    combos.forEach((c, i) => {
      const own = o.combinations?.find((x) => x.id === c.id);
      if (o.combinations !== undefined && own === undefined) return;
      const asked = own?.price ?? o.price;
      if (asked < c.price) return;
      const price = formatMinor(c.price, digits);
      const where = own?.price !== undefined && cover[offer] ? column : `${offer}_price`;
      out.push(problem(cells[i]?.line ?? cells[0]!.line, 'not-below-price', `must be less than the price, ${price}`, { price }, where));
    });
  }
  return out;
}

/** Ids given on more than one line: each of those lines names the others. */
function duplicates(lines: ReadonlyMap<string, number[]>): CsvProblem[] {
  const out: CsvProblem[] = [];
  for (const [id, at] of lines) {
    if (at.length < 2) continue;
    for (const line of at) {
      const others = at.filter((l) => l !== line).join(', ');
      out.push(problem(line, 'duplicate-id', `the id ${shown(id)} is also on line ${others}`, { id: shown(id), lines: others }, 'id'));
    }
  }
  return out;
}

/**
 * Reads a products CSV: the rows that are good, and every problem by line and column. Nothing
 * is imported unless `errors` is empty: the caller imports all `rows` or none. Rows are found
 * among `options.existing` (see the top of this file).
 */
export function csvToProducts(text: string, currency: string, options: ImportOptions = {}): CatalogParse {
  const parsed = parseCsv(text, options.limits ?? CSV_LIMITS);
  if (!parsed.ok) return { rows: [], errors: [parsed.error] };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { rows: [], errors: [problem(1, 'empty', 'the file is empty')] };
  const at = readHeader(header);
  if (Array.isArray(at)) return { rows: [], errors: at };

  const digits = currencyDigits(currency);
  const rows: CatalogRow[] = [];
  const errors: CsvProblem[] = [];
  const idLines = new Map<string, number[]>();
  const width = header.fields.length;
  // The rows of each product with options, merged into one product once all are read.
  const combos = new Map<string, { first: CatalogRow; cells: ComboCells[]; base?: CatalogItem }>();
  for (const rec of records) {
    if (rec.fields.every((f) => f.trim() === '')) continue; // ",,,," left by a spreadsheet
    const extra = rec.fields.slice(width);
    if (rec.fields.length < width || extra.some((f) => f.trim() !== '')) {
      errors.push(problem(rec.line, 'field-count', `has ${rec.fields.length} cells; the header has ${width}`, { cells: rec.fields.length, header: width }));
      continue;
    }
    const item = readRow(rec, at, currency, digits, options, errors);
    if (item?.combo) {
      // A combination's row: its product may (must) be on other lines too.
      const group = combos.get(item.product.id);
      if (group) group.cells.push(item.combo);
      else {
        combos.set(item.product.id, { first: { line: rec.line, product: item.product, stock: 0 }, cells: [item.combo], ...(item.base && { base: item.base }) });
        rows.push(combos.get(item.product.id)!.first);
      }
      continue;
    }
    // One product on two lines (by id, or a name that found it): each line names the other.
    const id = item?.product.id ?? (at.id === undefined ? '' : (rec.fields[at.id] ?? '').trim());
    if (id !== '') {
      const lines = idLines.get(id);
      if (lines) lines.push(rec.line);
      else idLines.set(id, [rec.line]);
    }
    if (item) rows.push({ line: rec.line, product: item.product, stock: item.stock });
  }
  const cover = { team: at.team_cover !== undefined, flash: at.flash_cover !== undefined };
  for (const { first, cells, base } of combos.values()) {
    const merged = productWithOptions(first.product, cells, base?.product, cover);
    const said = offerCoverProblems(merged.product, cells, cover, digits);
    if (said.length > 0) {
      errors.push(...said);
      continue;
    }
    const checked = validateProduct(merged.product);
    if (!checked.ok) {
      for (const e of checked.errors) errors.push(problem(first.line, 'invalid', e, { message: e }));
      continue;
    }
    first.product = checked.value;
    first.stocks = merged.stocks;
  }
  if (rows.length === 0 && errors.length === 0) errors.push(problem(header.line, 'no-rows', 'the file has a header but no products'));
  errors.push(...duplicates(idLines));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
