import { MAX_COMBINATIONS, MAX_OPTION_GROUPS, type Combination, type OfferCombination, type OptionGroup, type OptionValue, type Product } from '../catalog.ts';
import type { CombinationStock } from '../events.ts';
import type { CombinationId, OptionValueId } from '../ids.ts';
import { arrayOf, type Check, child, type Ctx, fields, quote, unique } from './check.ts';
import { bool, optionId, PHOTO, PRICE, STOCK, text } from './scalars.ts';

/* Products with options: the groups, the combinations, and how they must agree. */

/** A group's or a value's name: short, as it sits on a chip and in a line's words. */
const OPTION_NAME = text({ max: 40, required: true });
/** Values in one group: more could never all be in combinations, of which there are at most 100. */
export const MAX_VALUES = MAX_COMBINATIONS;

export const optionValueId = optionId<OptionValueId>();
export const combinationId = optionId<CombinationId>();

/** Names compared as a buyer reads them: "Red" and " red" are the same chip. */
const sameName = (name: string) => name.trim().toLowerCase();

const optionValue: Check<OptionValue> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({ id: f.req('id', optionValueId), name: f.req('name', OPTION_NAME) });
};

const optionGroup: Check<OptionGroup> = (x, path, ctx) => {
  const before = ctx.count;
  const f = fields(x, path, ctx);
  const g = f.end({ name: f.req('name', OPTION_NAME), values: f.req('values', arrayOf(optionValue, 1, MAX_VALUES)) });
  if (ctx.count === before) unique(g.values, (v) => sameName(v.name), child(path, 'values'), 'name', ctx);
  return g;
};

/** Up to 3 groups, named apart, and every value id once in the whole product (a combination names values by id alone). */
export const optionGroups: Check<OptionGroup[]> = (x, path, ctx) => {
  const before = ctx.count;
  const groups = arrayOf(optionGroup, 1, MAX_OPTION_GROUPS)(x, path, ctx);
  if (ctx.count === before) {
    unique(groups, (g) => sameName(g.name), path, 'name', ctx);
    const first = new Map<string, string>();
    groups.forEach((g, i) => g.values.forEach((v, j) => {
      const at = `${path}[${i}].values[${j}]`;
      const earlier = first.get(v.id);
      if (earlier === undefined) first.set(v.id, at);
      else ctx.add(`${at}.id`, `repeats ${earlier}.id ${quote(v.id)}: a value's id names it in the whole product`);
    }));
  }
  return groups;
};

const combination: Check<Combination> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    id: f.req('id', combinationId),
    values: f.req('values', arrayOf(optionValueId, 1, MAX_OPTION_GROUPS)),
    price: f.req('price', PRICE),
    ...f.opt('photo', PHOTO),
    sold: f.req('sold', bool),
  });
};

export const combinations: Check<Combination[]> = (x, path, ctx) => {
  const before = ctx.count;
  const list = arrayOf(combination, 1, MAX_COMBINATIONS)(x, path, ctx);
  if (ctx.count === before) unique(list, (c) => c.id, path, 'id', ctx);
  return list;
};

const offerCombination: Check<OfferCombination> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({ id: f.req('id', combinationId), ...f.opt('price', PRICE) });
};

/** The combinations an offer covers: each once. Whether the product has them is `checkProductOptions`' to say. */
export const offerCombinations: Check<OfferCombination[]> = (x, path, ctx) => {
  const before = ctx.count;
  const list = arrayOf(offerCombination, 1, MAX_COMBINATIONS)(x, path, ctx);
  if (ctx.count === before) unique(list, (c) => c.id, path, 'id', ctx);
  return list;
};

/**
 * A product's options and combinations, once each is well formed on its own: both or neither;
 * each combination names one value of each group, in the groups' order; no two name the same
 * values; an offer lists only combinations the product has.
 */
export function checkProductOptions(p: Product, path: string, ctx: Ctx): void {
  const { options: groups, combinations: combos } = p;
  if (groups !== undefined && combos === undefined) ctx.add(child(path, 'combinations'), 'is required with options: each combination sold has its price and stock');
  if (combos !== undefined && groups === undefined) ctx.add(child(path, 'options'), 'is required with combinations: they are combinations of option values');
  const ids = new Set((combos ?? []).map((c) => c.id));
  for (const offer of ['team', 'flash'] as const) {
    const listed = p[offer]?.combinations;
    if (listed === undefined) continue;
    const at = child(child(path, offer), 'combinations');
    if (combos === undefined) ctx.add(at, 'only a product with options can list combinations');
    else listed.forEach((c, i) => { if (!ids.has(c.id)) ctx.add(`${at}[${i}].id`, `${quote(c.id)} is not a combination of this product`); });
  }
  if (groups === undefined || combos === undefined) return;

  const names = groups.map((g) => g.name).join(', ');
  const seen = new Map<string, number>();
  combos.forEach((c, i) => {
    const at = `${child(path, 'combinations')}[${i}].values`;
    if (c.values.length !== groups.length) {
      ctx.add(at, `must name one value of each of the ${groups.length} groups (${names}), in that order, got ${c.values.length}`);
      return;
    }
    let known = true;
    c.values.forEach((v, g) => {
      const group = groups[g]!;
      if (!group.values.some((value) => value.id === v)) {
        known = false;
        ctx.add(`${at}[${g}]`, `${quote(v)} is not a value of ${group.name}`);
      }
    });
    if (!known) return;
    const key = c.values.join('/');
    const j = seen.get(key);
    if (j === undefined) seen.set(key, i);
    else ctx.add(at, `names the same values as ${child(path, 'combinations')}[${j}]: each combination is sold once`);
  });
}

const combinationStock: Check<CombinationStock> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({ combination: f.req('combination', combinationId), stock: f.req('stock', STOCK) });
};

/** A save's or a base's stock of each combination: each once. */
export const combinationStocks: Check<CombinationStock[]> = (x, path, ctx) => {
  const before = ctx.count;
  const list = arrayOf(combinationStock, 0, MAX_COMBINATIONS)(x, path, ctx);
  if (ctx.count === before) unique(list, (s) => s.combination, path, 'combination', ctx);
  return list;
};

/** A product save's stocks: of each of the product's combinations, and of nothing else. */
export function checkSaveStocks(p: Product, stocks: readonly CombinationStock[] | undefined, path: string, ctx: Ctx): void {
  const at = child(path, 'stocks');
  if (p.combinations === undefined) {
    if (stocks !== undefined) ctx.add(at, 'only a product with options has stocks by combination: its stock is `stock`');
    return;
  }
  if (stocks === undefined) {
    ctx.add(at, 'is required for a product with options: the stock of each combination');
    return;
  }
  const ids = new Set(p.combinations.map((c) => c.id));
  stocks.forEach((s, i) => { if (!ids.has(s.combination)) ctx.add(`${at}[${i}].combination`, `${quote(s.combination)} is not a combination of this product`); });
  const given = new Set(stocks.map((s) => s.combination));
  const missing = p.combinations.filter((c) => !given.has(c.id)).map((c) => quote(c.id));
  if (missing.length > 0) ctx.add(at, `must give the stock of every combination: missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
}
