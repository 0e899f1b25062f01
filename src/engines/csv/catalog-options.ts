/**
 * Products with options in the catalog CSV (issue 13): one row per combination. Each row of a
 * product with options carries the product's own columns (the first row's are the product's),
 * the combination's price and stock in `price` and `stock`, its values in `option1`…`option3`
 * as "Group: value" ("Weight: 250 g"), its id in `sku` (its SKU code), its photo in `sku_photo`
 * and whether it is sold in `sku_sold`; whether the team buy and the flash sale cover it in
 * `team_cover` and `flash_cover` (true: at the offer's price; an amount: at that price of its own;
 * false: not; empty on every row of the product: the offer covers all its combinations); and
 * in `team_any` whether one team may mix them (the first row's says). A
 * product without options stays one row with those cells empty. The ids of values and combinations the shop has are kept (found by their words),
 * so a round trip changes nothing; new ones get ids made from their words. Pure.
 */
import type { CombinationId, CombinationStock, Money, OfferCombination, Product } from '../../domain/index.ts';
import type { CatalogItem } from './catalog-columns.ts';

export const OPTION_COLUMNS = ['option1', 'option2', 'option3', 'sku', 'sku_photo', 'sku_sold', 'team_cover', 'flash_cover', 'team_any'] as const;
export type OptionColumn = (typeof OPTION_COLUMNS)[number];

/** A combination row's cell of an offer's cover: covered (at a price of its own, if given) or not. */
export type CoverCell = { covered: false } | { covered: true; price?: Money };

/** One combination row as read: its values by group ("Weight" → "250 g"), and its own cells. */
export interface ComboCells {
  /** The file's line it is on, where a problem of the whole product's is said. */
  line: number;
  values: { group: string; value: string }[];
  sku: string;
  photo: string;
  sold: boolean;
  price: number;
  stock: number;
  /** Its team_cover and flash_cover cells (undefined: empty). */
  team?: CoverCell | undefined;
  flash?: CoverCell | undefined;
  /** Its team_any cell (undefined: empty); the first row's is the product's. */
  teamAny?: boolean | undefined;
}

/** "Weight: 250 g" → its group and value; undefined for an empty cell, or what it lacks. */
export function readOptionCell(cell: string): { group: string; value: string } | 'no-group' | undefined {
  const s = cell.trim();
  if (s === '') return undefined;
  const at = s.indexOf(':');
  if (at <= 0 || s.slice(at + 1).trim() === '') return 'no-group';
  return { group: s.slice(0, at).trim(), value: s.slice(at + 1).trim() };
}

/** The option cells of a product's rows, one list a combination (empty for a product without options). */
export function optionCells(item: CatalogItem): {
  options: string[]; sku: string; photo: string; sold: boolean; price: number; stock: number;
  /** Whether each offer covers it: at the offer's price (true), its own (an amount), not (false); '' for an offer of all. */
  team: boolean | Money | ''; flash: boolean | Money | '';
}[] {
  const p = item.product;
  if (p.options === undefined || p.combinations === undefined || p.combinations.length === 0) return [];
  const names = new Map(p.options.flatMap((g) => g.values.map((v) => [v.id as string, `${g.name}: ${v.name}`] as const)));
  const stocks = new Map((item.stocks ?? []).map((s) => [s.combination as string, s.stock]));
  const cover = (list: readonly OfferCombination[] | undefined, id: CombinationId): boolean | Money | '' => {
    if (list === undefined) return '';
    const entry = list.find((x) => x.id === id);
    return entry === undefined ? false : (entry.price ?? true);
  };
  return p.combinations.map((c) => ({
    options: c.values.map((v) => names.get(v) ?? ''),
    sku: c.id,
    photo: c.photo ?? '',
    sold: c.sold,
    price: c.price,
    stock: stocks.get(c.id) ?? 0,
    team: cover(p.team?.combinations, c.id),
    flash: cover(p.flash?.combinations, c.id),
  }));
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$/;

/** An id from words where they make one ("250 g" → "250-g"), else `prefix` and a number; never one already taken. */
function idFrom(words: string, prefix: string, taken: Set<string>): string {
  const slug = words.trim().replace(/\s+/g, '-').slice(0, 40);
  let id = ID.test(slug) && !taken.has(slug) ? slug : '';
  for (let n = 1; id === ''; n++) if (!taken.has(`${prefix}${n}`)) id = `${prefix}${n}`;
  taken.add(id);
  return id;
}

/**
 * A product with options from its rows: `first` is the product as its first row reads (name,
 * description…, its offers without their lists), `rows` each combination's cells, `was` the
 * product as the shop has it (its ids kept), `cover` whether the file has the team_cover and
 * flash_cover columns. Groups and values come in the order the rows first name them. An offer's
 * list is the rows' cover cells, or, in a file without that column, the one the shop has (so a
 * sheet of prices alone neither widens nor drops it). The result is for the domain's validator
 * to judge (duplicate combinations, more than 3 groups or 100 combinations, a kept list naming
 * a combination no longer there…).
 */
export function productWithOptions(
  first: Product, rows: readonly ComboCells[], was: Product | undefined, cover: { team: boolean; flash: boolean } = { team: false, flash: false },
): { product: Product; stocks: CombinationStock[] } {
  const groups: { name: string; values: { id: string; name: string }[] }[] = [];
  const oldGroup = (name: string) => was?.options?.find((g) => g.name === name);
  const taken = new Set<string>((was?.options ?? []).flatMap((g) => g.values.map((v) => v.id as string)));
  const valueId = (group: string, value: string): string => {
    let g = groups.find((x) => x.name === group);
    if (!g) groups.push((g = { name: group, values: [] }));
    let v = g.values.find((x) => x.name === value);
    if (!v) {
      const old = oldGroup(group)?.values.find((x) => x.name === value);
      v = { id: old?.id ?? idFrom(value, 'v', taken), name: value };
      g.values.push(v);
    }
    return v.id;
  };
  const comboTaken = new Set<string>([...(was?.combinations ?? []).map((c) => c.id as string), ...rows.map((r) => r.sku).filter((s) => s !== '')]);
  const combinations = rows.map((r) => {
    const values = r.values.map(({ group, value }) => valueId(group, value));
    const old = was?.combinations?.find((c) => c.values.length === values.length && c.values.every((v, i) => v === values[i]));
    const id = r.sku !== '' ? r.sku : (old?.id ?? idFrom(values.join('-'), 'c', comboTaken));
    return { id, values, price: r.price, sold: r.sold, ...(r.photo !== '' ? { photo: r.photo } : {}) };
  });
  const sold = combinations.filter((c) => c.sold);
  const price = Math.min(...(sold.length > 0 ? sold : combinations).map((c) => c.price));
  const product = { ...first, price, options: groups, combinations } as unknown as Product;
  for (const offer of ['team', 'flash'] as const) {
    const o = product[offer];
    if (o === undefined) continue;
    const listed = cover[offer] && rows.some((r) => r[offer] !== undefined)
      ? rows.flatMap((r, i) => {
        const cell = r[offer];
        return cell?.covered ? [{ id: combinations[i]!.id as CombinationId, ...(cell.price !== undefined && { price: cell.price }) }] : [];
      })
      : cover[offer] ? undefined : was?.[offer]?.combinations;
    const withList: Record<string, unknown> = { ...o };
    delete withList.combinations;
    if (listed !== undefined) withList.combinations = listed;
    // Whether one team may mix combinations: the first row's team_any, or (empty, or a file
    // without the column) the shop's.
    const any = rows[0]?.teamAny ?? was?.team?.anyCombination === true;
    if (offer === 'team' && any) withList.anyCombination = true;
    (product as unknown as Record<string, unknown>)[offer] = withList;
  }
  return { product, stocks: combinations.map((c, i) => ({ combination: c.id, stock: rows[i]!.stock })) as CombinationStock[] };
}
