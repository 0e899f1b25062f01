/**
 * One row of a catalog CSV read into a product (and its stock, or a combination's cells), and
 * the header into columns: every problem named by line and column. catalog-csv.ts reads the
 * file with these; the rules themselves are the domain's validators.
 */
import { specialPriceErrors } from '../forms/product-form.ts';
import { flashBeyondStock, type Money } from '../../domain/index.ts';
import { validateInventory, validateProduct } from '../../domain/validate/index.ts';
import { fromValidator } from './from-validator.ts';
import type { CsvRecord } from './parse-csv.ts';
import { problem, shown, type CsvProblem } from './problems.ts';
import { formatMinor, readBool, readMoney, readTime, readWhole, splitList } from './values.ts';
import { PRODUCT_COLUMNS, type CatalogItem, type Columns, type ProductColumn } from './catalog-columns.ts';
import { findProduct, type ImportOptions } from './catalog-match.ts';
import { readOptionCell, type ComboCells, type CoverCell } from './catalog-options.ts';
import { unguardFormula } from './write-csv.ts';

const TEAM: readonly ProductColumn[] = ['team_price', 'team_size', 'team_window_hours'];
const FLASH: readonly ProductColumn[] = ['flash_price', 'flash_starts_at', 'flash_ends_at', 'flash_stock', 'flash_per_buyer_limit'];
const MONEY_COLUMNS: ReadonlySet<ProductColumn> = new Set(['price', 'team_price', 'flash_price']);

/** The validator's paths (`team.windowHours`, `tags[2]`) and the columns they come from. */
const PATH_COLUMN: Readonly<Record<string, ProductColumn>> = {
  id: 'id', name: 'name', description: 'description', category: 'category', tags: 'tags', price: 'price', photos: 'photos',
  hidden: 'hidden', stock: 'stock', 'team.price': 'team_price', 'team.size': 'team_size', 'team.windowHours': 'team_window_hours',
  'flash.price': 'flash_price', 'flash.startsAt': 'flash_starts_at', 'flash.endsAt': 'flash_ends_at',
  'flash.stock': 'flash_stock', 'flash.perBuyerLimit': 'flash_per_buyer_limit',
};

export function readHeader(rec: CsvRecord): Columns | CsvProblem[] {
  const known = new Set<string>(PRODUCT_COLUMNS);
  const at = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  rec.fields.forEach((field, i) => {
    const name = field.trim().toLowerCase();
    if (name === '') return; // a spreadsheet's empty column past the last: nothing is read from it
    if (!known.has(name)) unknown.push(name);
    else if (at.has(name)) repeated.push(name);
    else at.set(name, i);
  });
  const problems: CsvProblem[] = [];
  const list = (xs: readonly string[]) => xs.map((x) => shown(x).slice(1, -1)).join(', ');
  const expected = PRODUCT_COLUMNS.join(',');
  if (!at.has('id') && !at.has('name')) {
    problems.push(problem(rec.line, 'no-key-column', `the header needs an id or a name column, to find each row's product; the columns are ${expected}`, { expected }));
  }
  if (unknown.length > 0) {
    problems.push(problem(rec.line, 'unknown-columns', `the header has columns this shop does not know: ${list(unknown)}; the columns are ${expected}`, { columns: list(unknown), expected }));
  }
  if (repeated.length > 0) {
    problems.push(problem(rec.line, 'repeated-columns', `the header has the same column twice: ${list(repeated)}`, { columns: list(repeated) }));
  }
  return problems.length > 0 ? problems : (Object.fromEntries(at) as Columns);
}

const NUMBER_REASONS: Readonly<Record<string, (value: string, currency: string, digits: number) => [CsvProblem['code'], string]>> = {
  money: (v) => ['money', `must be an amount such as 12.90, got ${shown(v)}`],
  decimals: (v, currency, digits) => ['money-decimals', `has more decimals than ${currency} has (${digits}), got ${shown(v)}`],
  large: (v) => ['money-large', `is far too large, got ${shown(v)}`],
  number: (v) => ['number', `must be a whole number, got ${shown(v)}`],
  time: (v) => ['time', `must be a date and time such as 2026-11-11T20:00:00+08:00, got ${shown(v)}`],
  bool: (v) => ['bool', `must be true or false, got ${shown(v)}`],
};

/** Reads one row; its problems are added to `problems`. */
export function readRow(
  rec: CsvRecord, at: Columns, currency: string, digits: number, options: ImportOptions, problems: CsvProblem[],
): (CatalogItem & { combo?: ComboCells; base?: CatalogItem }) | undefined {
  const before = problems.length;
  const found = findProduct(rec, at, options);
  if ('code' in found) {
    problems.push(found);
    return undefined;
  }
  const base = found.base;
  const was = base?.product;
  const unreadable = new Set<ProductColumn>();
  const has = (c: ProductColumn) => at[c] !== undefined;
  const raw = (c: ProductColumn) => (at[c] === undefined ? '' : (rec.fields[at[c]] ?? ''));
  const text = (c: ProductColumn) => unguardFormula(raw(c));
  /** A cell that says nothing: the column is left out, or (for the columns that cannot be empty) the cell is. */
  const keeps = (c: ProductColumn) => base !== undefined && (!has(c) || raw(c).trim() === '');
  const bad = (c: ProductColumn, reason: string, value: string) => {
    const [code, message] = (NUMBER_REASONS[reason] ?? NUMBER_REASONS.number!)(value, currency, digits);
    problems.push(problem(rec.line, code, message, { value: shown(value), currency, digits }, c));
    unreadable.add(c);
    return undefined;
  };
  const value = <T>(c: ProductColumn, read: (s: string) => { ok: true; value: T } | { ok: false; reason: string }): T | undefined => {
    const s = raw(c).trim();
    if (s === '') return undefined;
    const r = read(s);
    return r.ok ? r.value : bad(c, r.reason, s);
  };
  const money = (c: ProductColumn) => value(c, (s) => readMoney(s, digits));
  const whole = (c: ProductColumn) => value(c, readWhole);
  const time = (c: ProductColumn) => value(c, readTime);
  const given = (cs: readonly ProductColumn[]) => cs.some((c) => raw(c).trim() !== '');

  // A new product needs what a product cannot be without: said once for the row (rather than
  // "is required" in cells the sheet may not even have).
  const lacking = new Set<ProductColumn>(base === undefined ? (['name', 'price', 'stock'] as const).filter((c) => raw(c).trim() === '') : []);
  if (lacking.size > 0) {
    const columns = [...lacking].join(', ');
    problems.push(problem(rec.line, 'new-product', `finds no product${found.id ? ` with the id ${shown(found.id)}` : ' by that name'}, and a new one needs ${columns}`, { columns }));
  }

  const product: Record<string, unknown> = {
    id: found.id,
    name: keeps('name') ? was!.name : text('name'),
    // A line break in a cell comes back as CRLF from some spreadsheets: the shop keeps "\n".
    description: has('description') || !was ? text('description').replace(/\r\n?/g, '\n') : was.description,
    category: has('category') || !was ? text('category') : was.category,
    tags: has('tags') || !was ? splitList(text('tags')) : was.tags,
    price: keeps('price') ? was!.price : money('price'),
    photos: keeps('photos') ? was!.photos : splitList(text('photos')),
    hidden: was?.hidden ?? false,
  };
  if (has('hidden') && !keeps('hidden')) {
    const hidden = readBool(raw('hidden').trim());
    if (hidden.ok) product.hidden = hidden.value;
    else bad('hidden', 'bool', raw('hidden'));
  }
  // An offer's columns: all of them in the header and empty is none; a column left out keeps
  // the product's (a sheet of team prices alone changes those prices).
  // Which combinations the shop's offer covers is not this row's to say alone: a product with
  // options gets its list back from all its rows (catalog-options.ts productWithOptions), one
  // without options has none.
  const offer = (cols: readonly ProductColumn[], was: object | undefined, fields: Record<string, [ProductColumn, () => unknown]>) => {
    let old: Record<string, unknown> | undefined;
    if (was !== undefined) {
      old = { ...was };
      delete old.combinations;
      delete old.anyCombination;
    }
    if (!cols.some(has)) return old;
    if (!given(cols)) return cols.every(has) ? undefined : old;
    const out: Record<string, unknown> = { ...old };
    for (const [key, [c, read]] of Object.entries(fields)) if (has(c)) out[key] = read();
    return out;
  };
  const team = offer(TEAM, was?.team, {
    price: ['team_price', () => money('team_price')], size: ['team_size', () => whole('team_size')], windowHours: ['team_window_hours', () => whole('team_window_hours')],
  });
  if (team) product.team = team;
  const flash = offer(FLASH, was?.flash, {
    price: ['flash_price', () => money('flash_price')],
    startsAt: ['flash_starts_at', () => time('flash_starts_at')],
    endsAt: ['flash_ends_at', () => time('flash_ends_at')],
    stock: ['flash_stock', () => whole('flash_stock')],
    perBuyerLimit: ['flash_per_buyer_limit', () => whole('flash_per_buyer_limit')],
  });
  if (flash) product.flash = flash;
  const stock = keeps('stock') ? base!.stock : whole('stock');

  const checked = validateProduct(product);
  const stockChecked = validateInventory({ productId: 'p', stock, flashSold: 0 });
  const errors = [...(checked.ok ? [] : checked.errors), ...(stockChecked.ok ? [] : stockChecked.errors.filter((e) => e.startsWith('stock')))];
  for (const error of errors) {
    const p = fromValidator(rec.line, error, digits, PATH_COLUMN, MONEY_COLUMNS);
    // A cell that could not even be read has said so already: not "is required" on top.
    if (p.column === undefined || !(unreadable.has(p.column as ProductColumn) || lacking.has(p.column as ProductColumn))) problems.push(p);
  }
  // A combination's row: its offers' prices are checked against it once the product's rows say
  // which combinations each covers (catalog-csv.ts).
  const comboRow = (['option1', 'option2', 'option3', 'sku'] as const).some((c) => raw(c).trim() !== '');
  if (checked.ok && !comboRow) {
    for (const [path, e] of Object.entries(specialPriceErrors(checked.value))) {
      if (e.code !== 'not-below-price') continue;
      const price = formatMinor(e.price, digits);
      problems.push(problem(rec.line, 'not-below-price', `must be less than the price, ${price}`, { price }, PATH_COLUMN[path]));
    }
  }
  // A sale's units come off the one shelf: it may not promise more than is there, as the form
  // says (what the running sale sold is off the stock already, so it counts on both sides).
  const sale = checked.ok ? checked.value.flash : undefined;
  if (sale !== undefined && stock !== undefined && !comboRow) {
    const sold = was?.flash !== undefined && was.flash.startsAt === sale.startsAt ? base?.flashSold ?? 0 : 0;
    if (flashBeyondStock(sale, stock, sold) > 0) {
      const max = stock + sold;
      problems.push(problem(rec.line, 'over-stock', `must be at most ${max}: the sale's units come out of the stock`, { max }, 'flash_stock'));
    }
  }
  // A combination's row (catalog-options.ts): its values, SKU, photo and whether it is sold.
  const values: ComboCells['values'] = [];
  for (const c of ['option1', 'option2', 'option3'] as const) {
    const cell = readOptionCell(text(c));
    if (cell === 'no-group') problems.push(problem(rec.line, 'option-cell', `must name its group and value, such as "Weight: 250 g", got ${shown(text(c))}`, { value: shown(text(c)) }, c));
    else if (cell) values.push(cell);
  }
  const sku = raw('sku').trim();
  let sold = true;
  if (raw('sku_sold').trim() !== '') {
    const read = readBool(raw('sku_sold').trim());
    if (read.ok) sold = read.value;
    else bad('sku_sold', 'bool', raw('sku_sold'));
  }
  const cover = (c: 'team_cover' | 'flash_cover', offer: object | undefined): CoverCell | undefined => {
    const s = raw(c).trim();
    if (s === '') return undefined;
    // Words only: "1" or "0" here is an amount (in a currency without decimals, a price of its own).
    const word = s.toLowerCase();
    const flag = word === 'true' || word === 'yes' ? true : word === 'false' || word === 'no' ? false : undefined;
    const money = flag === undefined ? readMoney(s, digits) : undefined;
    if (money !== undefined && !money.ok) {
      problems.push(problem(rec.line, 'cover-cell', `must be true, false or an amount such as 12.90, got ${shown(s)}`, { value: shown(s) }, c));
      return undefined;
    }
    const cell: CoverCell = money?.ok ? { covered: true, price: money.value as Money } : { covered: flag === true };
    if (!comboRow) problems.push(problem(rec.line, 'cover-no-options', 'must be empty: only a product with options says which of its combinations an offer covers', {}, c));
    else if (cell.covered && offer === undefined) problems.push(problem(rec.line, 'cover-no-offer', `must be empty or false: the product has no ${c === 'team_cover' ? 'team buy' : 'flash sale'}`, {}, c));
    return cell;
  };
  const teamCover = cover('team_cover', team);
  const flashCover = cover('flash_cover', flash);
  let teamAny: boolean | undefined;
  if (raw('team_any').trim() !== '') {
    const read = readBool(raw('team_any').trim());
    if (!read.ok) bad('team_any', 'bool', raw('team_any'));
    else if (read.value && !comboRow) problems.push(problem(rec.line, 'any-no-options', 'must be empty or false: only a team buy of a product with options may mix its combinations', {}, 'team_any'));
    else if (read.value && team === undefined) problems.push(problem(rec.line, 'cover-no-offer', 'must be empty or false: the product has no team buy', {}, 'team_any'));
    else teamAny = read.value;
  }
  if (problems.length > before || !checked.ok || stock === undefined) return undefined;
  const item = { product: checked.value, stock, ...(base && { base }) };
  if (values.length === 0 && sku === '') return item;
  return {
    ...item,
    combo: { line: rec.line, values, sku, photo: text('sku_photo').trim(), sold, price: checked.value.price, stock, team: teamCover, flash: flashCover, teamAny },
  };
}
