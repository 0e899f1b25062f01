/**
 * The options part of the seller's product form (issue 13), as pure functions: up to 3 groups
 * of values as typed, the combinations they make (each with its price, stock, photo and whether
 * it is sold, as typed), the edits a seller makes to them, and the reading of it all into the
 * product's `options`, `combinations` and the save's `stocks`.
 *
 * Ids are what keep history: a value or a combination keeps its id through renames, reorders,
 * and groups or values added and removed around it, so orders already placed keep their
 * snapshot and the shop its stock rows. New ones get ids from `newId` (made on the device, never
 * reused: a removed combination's stock row stays in the shop under its id).
 */
import {
  MAX_COMBINATIONS, MAX_OPTION_GROUPS,
  type Combination, type CombinationId, type CombinationStock, type FlashSale, type Inventory,
  type OptionGroup, type OptionValueId, type Product, type TeamOffer,
} from '../../domain/index.ts';
import { validateProduct } from '../../domain/validate/index.ts';
import { MAX_COUNT } from '../../domain/validate/scalars.ts';
import {
  fieldErrors, FormReading, parseProductForm, readMoney, readWhole, REQUIRED, specialPriceErrors,
  type FieldErrors, type FormResult, type MoneyReader, type ProductFormValues,
} from './product-form.ts';
import { coverPriceErrors, isCoverField, readOfferCover } from './product-offer-cover.ts';

export interface ValueRow { id: string; name: string }
export interface GroupRow { name: string; values: ValueRow[] }
export interface CombinationRow {
  id: string;
  /** One value id per group, in the groups' order. */
  values: string[];
  price: string;
  stock: string;
  sold: boolean;
  /** One of the product's photos, or '' for the product's own. */
  photo: string;
}
export interface OptionsFormValues {
  groups: GroupRow[];
  /** The combinations, in the order the groups make them; unchanged while there would be too many. */
  rows: CombinationRow[];
}

/** Makes a new id for a value ('v') or a combination ('c'); the form asks again if it is taken. */
export type NewId = (kind: 'v' | 'c') => string;

export const NO_OPTIONS: OptionsFormValues = { groups: [], rows: [] };

/** The form's options filled from a product as it is, with its combinations' shelves. */
export function optionsFormValues(product: Product, skus: readonly Inventory[], reader: MoneyReader): OptionsFormValues {
  if (product.options === undefined || product.combinations === undefined) return NO_OPTIONS;
  const stock = new Map(skus.map((s) => [s.combination as string | undefined, s.stock]));
  return {
    groups: product.options.map((g) => ({ name: g.name, values: g.values.map((v) => ({ id: v.id, name: v.name })) })),
    rows: product.combinations.map((c) => ({
      id: c.id, values: [...c.values], price: reader.moneyText(c.price), stock: String(stock.get(c.id) ?? 0), sold: c.sold, photo: c.photo ?? '',
    })),
  };
}

/** How many combinations the groups make (each value of each group with each of the others'). */
export function combinationCount(groups: readonly GroupRow[]): number {
  return groups.length === 0 ? 0 : groups.reduce((n, g) => n * g.values.length, 1);
}

/** Every combination of the groups' values, in order: the first group's first value with each of the rest… */
function keysOf(groups: readonly GroupRow[]): string[][] {
  let keys: string[][] = [[]];
  for (const g of groups) keys = keys.flatMap((k) => g.values.map((v) => [...k, v.id]));
  return keys;
}

/**
 * The rows for `groups`, made from `old` ones: each combination keeps the row (id, price, stock,
 * sold, photo) of the old one whose values still there it names, the closest first (so renaming
 * or moving a value, removing a group or a value, or adding a group keeps what it can); a new one
 * takes the price of the closest old row (or `price`), no stock, and is sold. Past 100 the old
 * rows stay as they were, so nothing typed is lost while the seller removes values.
 */
export function rowsFor(groups: readonly GroupRow[], old: readonly CombinationRow[], newId: NewId, price = ''): CombinationRow[] {
  const count = combinationCount(groups);
  if (count === 0) return [];
  if (count > MAX_COMBINATIONS) return [...old];
  const live = new Set(groups.flatMap((g) => g.values.map((v) => v.id)));
  const taken = new Set(old.map((r) => r.id));
  const used = new Set<number>();
  const overlap = (row: CombinationRow, key: readonly string[]) => row.values.filter((v) => key.includes(v)).length;
  return keysOf(groups).map((key) => {
    let best = -1;
    let bestShared = 0;
    old.forEach((row, i) => {
      if (used.has(i)) return;
      const still = row.values.filter((v) => live.has(v));
      if (!still.every((v) => key.includes(v))) return;
      const shared = overlap(row, key);
      if (shared > bestShared) [best, bestShared] = [i, shared];
    });
    if (best >= 0) {
      used.add(best);
      return { ...old[best]!, values: key };
    }
    let near: CombinationRow | undefined;
    let nearShared = 0;
    for (const row of old) {
      const shared = overlap(row, key);
      if (shared > nearShared) [near, nearShared] = [row, shared];
    }
    let id = newId('c');
    while (taken.has(id)) id = newId('c');
    taken.add(id);
    return { id, values: key, price: near?.price ?? price, stock: '0', sold: true, photo: '' };
  });
}

/* ------------------------------------------------------------------ the seller's edits */

type Edit = (v: OptionsFormValues, newId: NewId, price?: string) => OptionsFormValues;

const regroup = (v: OptionsFormValues, groups: GroupRow[], newId: NewId, price?: string): OptionsFormValues =>
  ({ groups, rows: rowsFor(groups, v.rows, newId, price) });

const valueIds = (v: OptionsFormValues) => new Set(v.groups.flatMap((g) => g.values.map((x) => x.id)));

function freshValueId(v: OptionsFormValues, newId: NewId): string {
  const taken = valueIds(v);
  let id = newId('v');
  while (taken.has(id)) id = newId('v');
  return id;
}

/** A new group, with one empty value to fill in (at most 3 groups). */
export const addGroup: Edit = (v, newId, price) =>
  v.groups.length >= MAX_OPTION_GROUPS ? v : regroup(v, [...v.groups, { name: '', values: [{ id: freshValueId(v, newId), name: '' }] }], newId, price);

export const renameGroup = (v: OptionsFormValues, g: number, name: string): OptionsFormValues =>
  ({ ...v, groups: v.groups.map((x, i) => (i === g ? { ...x, name } : x)) });

/** Removes a group: each combination of the others keeps the row of one that had its values. */
export const removeGroup = (v: OptionsFormValues, g: number, newId: NewId, price?: string): OptionsFormValues =>
  regroup(v, v.groups.filter((_, i) => i !== g), newId, price);

export const addValue = (v: OptionsFormValues, g: number, newId: NewId, price?: string): OptionsFormValues =>
  regroup(v, v.groups.map((x, i) => (i === g ? { ...x, values: [...x.values, { id: freshValueId(v, newId), name: '' }] } : x)), newId, price);

/** Renames a value: its id, and so its combinations and what orders say of them, stay. */
export const renameValue = (v: OptionsFormValues, g: number, j: number, name: string): OptionsFormValues =>
  ({ ...v, groups: v.groups.map((x, i) => (i === g ? { ...x, values: x.values.map((y, k) => (k === j ? { ...y, name } : y)) } : x)) });

/** Removes a value and its combinations; the last value of a group takes the group with it. */
export function removeValue(v: OptionsFormValues, g: number, j: number, newId: NewId, price?: string): OptionsFormValues {
  const group = v.groups[g];
  if (group === undefined) return v;
  if (group.values.length <= 1) return removeGroup(v, g, newId, price);
  return regroup(v, v.groups.map((x, i) => (i === g ? { ...x, values: x.values.filter((_, k) => k !== j) } : x)), newId, price);
}

/** Moves a value up (-1) or down (+1) within its group: buyers see the chips in this order. */
export function moveValue(v: OptionsFormValues, g: number, j: number, by: -1 | 1, newId: NewId): OptionsFormValues {
  const values = [...(v.groups[g]?.values ?? [])];
  const k = j + by;
  if (k < 0 || k >= values.length) return v;
  [values[j], values[k]] = [values[k]!, values[j]!];
  return regroup(v, v.groups.map((x, i) => (i === g ? { ...x, values } : x)), newId);
}

export const setRow = (v: OptionsFormValues, r: number, patch: Partial<Pick<CombinationRow, 'price' | 'stock' | 'sold' | 'photo'>>): OptionsFormValues =>
  ({ ...v, rows: v.rows.map((x, i) => (i === r ? { ...x, ...patch } : x)) });

/** A combination's values in words ("red, M"), blanks shown as "…". */
export function rowLabel(v: OptionsFormValues, row: CombinationRow): string {
  const names = new Map(v.groups.flatMap((g) => g.values.map((x) => [x.id, x.name.trim()] as const)));
  return row.values.map((id) => names.get(id) || '…').join(', ');
}

/** Whether a form field is one of this part's (its errors go when the groups change, as the rows may move). */
export const isOptionsField = (field: string) => /^(options|combinations)\b/.test(field) || isCoverField(field);

/* ------------------------------------------------------------------ reading */

export interface ReadOptions {
  options: OptionGroup[];
  combinations: Combination[];
  stocks: CombinationStock[];
}

/** A combination stand-in price, for checking the rest when a row's price is wrong. */
const STAND_IN_PRICE = 1;

/**
 * Reads the options part: undefined without groups; else the groups (names trimmed), the
 * combinations and their stocks, or what is wrong, by field (`options[0].name`,
 * `options[1].values[2].name`, `combinations[3].price`, `combinations` when there are too many).
 */
export function parseOptionsForm(v: OptionsFormValues, reader: MoneyReader): FormResult<ReadOptions | undefined> {
  if (v.groups.length === 0) return { ok: true, value: undefined };
  const r = new FormReading();
  const count = combinationCount(v.groups);
  if (count > MAX_COMBINATIONS) r.errors.combinations = { code: 'too-many', max: MAX_COMBINATIONS };
  v.groups.forEach((g, i) => { if (g.values.length === 0) r.errors[`options[${i}].values`] = REQUIRED; });
  const options = v.groups.map((g) => ({ name: g.name.trim(), values: g.values.map((x) => ({ id: x.id as OptionValueId, name: x.name.trim() })) }));
  const rows = count > MAX_COMBINATIONS ? [] : v.rows;
  const combinations: Combination[] = [];
  const stocks: CombinationStock[] = [];
  rows.forEach((row, i) => {
    const price = r.take(`combinations[${i}].price`, readMoney(row.price, reader), REQUIRED);
    const stock = r.take(`combinations[${i}].stock`, readWhole(row.stock), REQUIRED);
    const id = row.id as CombinationId;
    combinations.push({ id, values: row.values as OptionValueId[], price: (price ?? STAND_IN_PRICE) as Combination['price'], sold: row.sold, ...(row.photo !== '' && { photo: row.photo }) });
    stocks.push({ combination: id, stock: stock ?? 0 });
    if (stock !== undefined && stock < 0) r.errors[`combinations[${i}].stock`] ??= { code: 'too-small', min: 0 };
    if (stock !== undefined && stock > MAX_COUNT) r.errors[`combinations[${i}].stock`] ??= { code: 'too-large', max: MAX_COUNT };
  });
  // The domain's rules on names (required, short, not repeated) and on prices, said by field.
  const checked = count > MAX_COMBINATIONS
    ? validateProduct({ ...STAND_IN, options, combinations: [{ id: 'c', values: options.map((g) => g.values[0]?.id ?? 'v'), price: 1, sold: true }] })
    : validateProduct({ ...STAND_IN, options, combinations });
  const result = r.finish(checked);
  return result.ok ? { ok: true, value: { options, combinations, stocks } } : { ok: false, errors: onlyOptions(result.errors) };
}

/** A product the domain takes, around the options being checked. */
const STAND_IN = { id: 'p', name: 'p', description: '', category: '', tags: [], price: 1, photos: [], hidden: false };

const onlyOptions = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).filter(([k]) => isOptionsField(k)));

/** The lowest price among the combinations sold (all if none is): what lists show as the product's price. */
function listPrice(combinations: readonly Combination[]): number {
  const sold = combinations.filter((c) => c.sold);
  return Math.min(...(sold.length > 0 ? sold : combinations).map((c) => c.price));
}

/**
 * Reads the whole product form, options included. Without groups it is the plain form (a
 * product that had options loses them; their stock rows stay in the shop as history). With
 * groups the product's price is the lowest sold, its stock that of its combinations (a flash
 * sale may not promise more than those it covers hold together), and its offers cover the
 * combinations the seller picked (product-offer-cover.ts), each offer price below the price of
 * each combination it covers.
 */
export function parseProductWithOptions(
  v: ProductFormValues, o: OptionsFormValues, reader: MoneyReader, original?: Product, soldInSale = 0,
): FormResult<{ product: Product; stock: number; stocks?: CombinationStock[] }> {
  const bare = original === undefined ? undefined : withoutOptions(original);
  if (o.groups.length === 0) return parseProductForm(v, reader, bare, soldInSale);
  const opts = parseOptionsForm(o, reader);
  const read = opts.ok ? opts.value! : undefined;
  const ids = combinationCount(o.groups) > MAX_COMBINATIONS ? [] : o.rows.map((r) => r.id);
  const covers = new FormReading();
  const teamList = v.team ? readOfferCover(v.teamCover, ids, 'team', reader, covers) : undefined;
  const flashList = v.flash ? readOfferCover(v.flashCover, ids, 'flash', reader, covers) : undefined;
  const price = read ? reader.moneyText(listPrice(read.combinations) as Product['price']) : '1';
  const inSale = flashList === undefined ? undefined : new Set<string>(flashList.map((c) => c.id));
  const total = read
    ? Math.min(MAX_COUNT, read.stocks.reduce((s, x, i) => s + (read.combinations[i]!.sold && (inSale?.has(x.combination) ?? true) ? x.stock : 0), 0))
    : MAX_COUNT;
  const picked = teamList !== undefined || flashList !== undefined;
  const rest = parseProductForm({ ...v, price, stock: String(total) }, reader, bare, soldInSale, !picked);
  const errors: FieldErrors = { ...(rest.ok ? {} : rest.errors), ...(opts.ok ? {} : opts.errors), ...covers.errors };
  // The list price and stock are the combinations': their errors are said at the rows.
  delete errors.price;
  delete errors.stock;
  if (!rest.ok || read === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  const product: Product = { ...rest.value.product, options: read.options, combinations: read.combinations };
  if (product.team) {
    const team: TeamOffer = { ...product.team, ...(teamList && { combinations: teamList }) };
    if (v.teamAny) team.anyCombination = true;
    product.team = team;
  }
  if (product.flash && flashList) product.flash = { ...product.flash, combinations: flashList } as FlashSale;
  const checked = validateProduct(product);
  // What only the whole can tell (an offer's list, combinations naming the same values): said at
  // the field it is of: an options' field, an offer's pick, or the options as a whole.
  if (!checked.ok) return { ok: false, errors: fieldErrors(checked.errors, (p) => (isOptionsField(p) ? p : coverFieldOf(p, ids, product) ?? 'options')) };
  // Offers on picked combinations: each price below each covered combination's; an offer on
  // all of them (the other, if any), below the lowest, as for a product without options.
  const special = picked
    ? { ...specialPriceErrors({ price: product.price, ...(!teamList && { team: product.team }), ...(!flashList && { flash: product.flash }) }), ...coverPriceErrors(checked.value, ids) }
    : {};
  if (Object.keys(special).length > 0) return { ok: false, errors: special };
  return { ok: true, value: { product: checked.value, stock: 0, stocks: read.stocks } };
}

/** A domain path into an offer's list (`team.combinations[2].price`) → the form's field of that pick. */
function coverFieldOf(path: string, ids: readonly string[], product: Product): string | undefined {
  const m = /^(team|flash)\.combinations(?:\[(\d+)\](\.price)?)?/.exec(path);
  if (!m) return undefined;
  const offer = m[1] as 'team' | 'flash';
  const id = m[2] === undefined ? undefined : product[offer]?.combinations?.[Number(m[2])]?.id;
  return id !== undefined && m[3] !== undefined ? `${offer}.cover[${ids.indexOf(id)}]` : `${offer}.cover`;
}

function withoutOptions(p: Product): Product {
  const rest = { ...p };
  delete rest.options;
  delete rest.combinations;
  return rest;
}
