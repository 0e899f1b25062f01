import type { Combination, Inventory, OfferCombination, Product } from './catalog.ts';
import type { CombinationId, OptionValueId } from './ids.ts';
import { flashSoldOf, hasOptions, skuKey, type SkuKey } from './sku-key.ts';
import { offerPrice } from './offer-price.ts';
import type { Money } from './money.ts';

/**
 * Products with options, read: which combination a line means, its words, its price under an
 * offer, what a buyer can still choose. The ids and why they are what they are: catalog.ts.
 */

// Where stock is kept, and whether a product has options: in a file of their own, so that the
// app's first screen (storage's rows and catalog reads) carries these few lines and not the rest.
export { flashSoldOf, hasOptions, productStock, skuKey, skuKeyOf, type SkuKey } from './sku-key.ts';

interface Index {
  combinations: Map<string, Combination>;
  values: Map<string, string>;
}

/** Products are immutable snapshots: each is indexed once, the first time a line asks. */
const indexes = new WeakMap<Product, Index>();

function indexOf(p: Product): Index {
  let index = indexes.get(p);
  if (index === undefined) {
    index = { combinations: new Map(), values: new Map() };
    for (const c of p.combinations ?? []) if (!index.combinations.has(c.id)) index.combinations.set(c.id, c);
    for (const g of p.options ?? []) for (const v of g.values) if (!index.values.has(v.id)) index.values.set(v.id, v.name);
    indexes.set(p, index);
  }
  return index;
}

/** The product's combination with this id, if it has one. */
export function findCombination(p: Product, id: CombinationId | undefined): Combination | undefined {
  return id === undefined || !hasOptions(p) ? undefined : indexOf(p).combinations.get(id);
}

/** A combination's values in words, in the groups' order: "250 g, tin". */
export function combinationLabel(p: Product, c: Pick<Combination, 'values'>): string {
  const { values } = indexOf(p);
  return c.values.map((v) => values.get(v) ?? v).join(', ');
}

/** Why a line's combination cannot be sold (see `combinationToSell`). */
export type CombinationProblemCode = 'combination-needed' | 'unknown-combination' | 'combination-off';

/**
 * The combination a line for `product` names, ready to sell (undefined: the implicit one), or
 * why it cannot be sold, in words that name the field (`path`): a product with options needs one
 * of its combinations, turned on; a product without options takes no combination at all. The
 * pricing function (and so the cart, the checkout and the authority) and `validateOrderLines` ask this.
 */
export function combinationToSell(product: Product, combination: CombinationId | undefined, path: string):
  | { combination: Combination | undefined }
  | { problem: { code: CombinationProblemCode; message: string } } {
  if (!hasOptions(product)) {
    return combination === undefined
      ? { combination: undefined }
      : { problem: { code: 'unknown-combination', message: `${path}: ${product.name} has no options, so no combination "${combination}"` } };
  }
  if (combination === undefined) {
    const groups = (product.options ?? []).map((g) => g.name).join(', ');
    return { problem: { code: 'combination-needed', message: `${path}: choose ${groups} of ${product.name}` } };
  }
  const c = indexOf(product).combinations.get(combination);
  if (c === undefined) return { problem: { code: 'unknown-combination', message: `${path}: "${combination}" is not a combination of ${product.name}` } };
  if (!c.sold) return { problem: { code: 'combination-off', message: `${path}: ${product.name}, ${combinationLabel(product, c)} is not for sale at the moment` } };
  return { combination: c };
}

/** What an offer asks over some of a product's combinations, before the buyer has chosen one. */
export interface OfferSpan {
  /** Its lowest and highest price over the combinations it covers of those asked about. */
  min: Money;
  max: Money;
  /** Those it covers, in the product's order (none for a product without options). */
  covered: Combination[];
  /** How many were asked about (those for sale, by default). */
  of: number;
}

/**
 * An offer (a team buy, a flash sale) over the combinations `among` picks (by default those for
 * sale): the prices it asks for those it covers (`offerPrice`), or undefined if it covers none of
 * them. What the product page says before a choice and a card says while the catalog is filtered
 * by a value: not the offer's own price, which may be no combination's (each may have one of its
 * own) or that of combinations the buyer cannot have. A product without options: its price.
 */
export function offerSpan(
  p: Product, offer: { price: Money; combinations?: readonly OfferCombination[] | undefined },
  among: (c: Combination) => boolean = (c) => c.sold,
): OfferSpan | undefined {
  if (!hasOptions(p)) return { min: offer.price, max: offer.price, covered: [], of: 0 };
  const asked = p.combinations!.filter(among);
  const covered: Combination[] = [];
  const prices: number[] = [];
  for (const c of asked) {
    const price = offerPrice(offer, c.id);
    if (price !== undefined) {
      covered.push(c);
      prices.push(price);
    }
  }
  if (covered.length === 0) return undefined;
  return { min: Math.min(...prices) as Money, max: Math.max(...prices) as Money, covered, of: asked.length };
}

/** True when an offer's span is one price for every combination asked about: the page may name it plainly. */
export function isWholeSpan(span: OfferSpan): boolean {
  return span.min === span.max && span.covered.length === span.of;
}

/**
 * The product as a buyer sees it once a combination is chosen: that combination's price (and its
 * photo first), and its team buy and flash sale at their prices for it (`offerPrice`), or without
 * an offer that does not cover it, so no page offers a price the shop would refuse.
 */
export function productInCombination(p: Product, c: Combination): Product {
  const shown: Product = { ...p, price: c.price, photos: c.photo ? [c.photo, ...p.photos] : p.photos };
  const team = p.team && offerPrice(p.team, c.id);
  const flash = p.flash && offerPrice(p.flash, c.id);
  if (p.team && team !== undefined) shown.team = { ...p.team, price: team };
  else delete shown.team;
  if (p.flash && flash !== undefined) shown.flash = { ...p.flash, price: flash };
  else delete shown.flash;
  return shown;
}

/**
 * Every photo a product shows, its own and its combinations' (a combination may have one that is
 * not among the product's), each once: what must reach the catalog before the product does.
 */
export function photosOf(p: Product): string[] {
  const all = new Set(p.photos);
  for (const c of p.combinations ?? []) if (c.photo !== undefined) all.add(c.photo);
  return [...all];
}

/** The combination naming exactly these values (one per group, in the groups' order), if any. */
export function combinationFor(p: Product, values: readonly (OptionValueId | undefined)[]): Combination | undefined {
  return p.combinations?.find((c) => c.values.length === values.length && c.values.every((v, i) => v === values[i]));
}

/**
 * The values a buyer can still pick in each group, given what they picked in the others
 * (`chosen[g]`, undefined where not yet): those that lead to a combination for sale that
 * `inStock` says has stock. The product page greys out the rest.
 */
export function availableValues(p: Product, chosen: readonly (OptionValueId | undefined)[], inStock: (c: Combination) => boolean): Set<OptionValueId>[] {
  const groups = p.options ?? [];
  const out = groups.map(() => new Set<OptionValueId>());
  for (const c of p.combinations ?? []) {
    if (!c.sold || !inStock(c)) continue;
    c.values.forEach((v, g) => {
      const fits = c.values.every((other, h) => h === g || chosen[h] === undefined || chosen[h] === other);
      if (fits) out[g]?.add(v);
    });
  }
  return out;
}

/** The lowest and highest price a product sells at now (over its combinations for sale, or all if none is). */
export function priceRange(p: Product): { min: Money; max: Money } {
  if (!hasOptions(p)) return { min: p.price, max: p.price };
  const sold = p.combinations!.filter((c) => c.sold);
  const prices = (sold.length > 0 ? sold : p.combinations!).map((c) => c.price);
  return { min: Math.min(...prices) as Money, max: Math.max(...prices) as Money };
}

/** The stock keys of a product's combinations now (its implicit one's, without options). */
export function skuKeysOf(p: Product): SkuKey[] {
  return hasOptions(p) ? p.combinations!.map((c) => skuKey(p.id, c.id)) : [p.id];
}

/**
 * Units a product's flash sale can still sell of one combination (or, with none given, of any
 * it covers): what is left of the sale's count, and never more than the shelves hold.
 */
export function flashLeftOf(p: Product, rows: readonly Inventory[], combination?: CombinationId): number {
  const flash = p.flash;
  if (flash === undefined) return 0;
  const own = flash.stock - flashSoldOf(flash, rows);
  const shelf = (c: CombinationId | undefined) => rows.find((r) => r.combination === c)?.stock ?? 0;
  let stock: number;
  if (!hasOptions(p)) stock = shelf(undefined);
  else if (combination !== undefined) stock = findCombination(p, combination)?.sold && offerPrice(flash, combination) !== undefined ? shelf(combination) : 0;
  else stock = p.combinations!.filter((c) => c.sold && offerPrice(flash, c.id) !== undefined).reduce((s, c) => s + shelf(c.id), 0);
  return Math.max(0, Math.min(own, stock));
}
