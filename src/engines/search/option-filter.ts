/**
 * The catalog's filter by an option value within a category (issue 13): which values to offer
 * as chips ("Colour: red, blue") and which products a chosen one keeps. Pure: products and their
 * shelves in, answers out.
 *
 * A value is known by its group's name and its own name, not by its id: ids are each product's
 * own, and a buyer looking for "red" wants every product's red. Names are compared as a person
 * reads them (Unicode compatibility forms, case and outer spaces aside); a chip shows the first
 * spelling met. A product is kept when one of its combinations for sale with that value has
 * stock, so a chip never leads to a product whose only such combination is sold out or off.
 */
import type { Combination, Inventory, Money, Product, ProductId } from '../../domain/index.ts';

/** A product with its combinations' shelves (storage's `ProductItem` gives this shape). */
export interface OptionItem {
  product: Product;
  skus: readonly Inventory[];
}

/** A value chosen: its group's name and its own, as the chip shows them. */
export interface OptionChoice {
  group: string;
  value: string;
}

/** One group's chips: its name and its values, in the order the products list them. */
export interface OptionChipGroup {
  name: string;
  values: string[];
}

/** Names as a person reads them: the same value however it is cased or spaced. */
export const sameName = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase();

/** Each (group, value) of a product that one of its combinations for sale, with stock, has. */
function valuesInStock(item: OptionItem): Array<[group: string, value: string]> {
  const { product, skus } = item;
  if (product.hidden || product.options === undefined || product.combinations === undefined) return [];
  const stock = new Map(skus.map((s) => [s.combination as string | undefined, s.stock]));
  const names = product.options.map((g) => new Map(g.values.map((v) => [v.id as string, v.name])));
  const out: Array<[string, string]> = [];
  for (const c of product.combinations) {
    if (!c.sold || (stock.get(c.id) ?? 0) <= 0) continue;
    c.values.forEach((id, g) => {
      const value = names[g]?.get(id);
      if (value !== undefined) out.push([product.options![g]!.name, value]);
    });
  }
  return out;
}

/**
 * The chips to offer for these products (those of the category shown): each group by name, each
 * with the values some product has in stock, in the order the products (as given) and their
 * groups list them. A group with no such value has no chips.
 */
export function optionChips(items: readonly OptionItem[]): OptionChipGroup[] {
  const groups = new Map<string, { name: string; values: Map<string, string> }>();
  for (const item of items) {
    // In the product's own order of values, not the order its combinations happen to be in.
    const have = new Set(valuesInStock(item).map(([g, v]) => `${sameName(g)}\u0000${sameName(v)}`));
    for (const g of item.product.options ?? []) {
      for (const v of g.values) {
        if (!have.has(`${sameName(g.name)}\u0000${sameName(v.name)}`)) continue;
        let group = groups.get(sameName(g.name));
        if (group === undefined) groups.set(sameName(g.name), (group = { name: g.name.trim(), values: new Map() }));
        if (!group.values.has(sameName(v.name))) group.values.set(sameName(v.name), v.name.trim());
      }
    }
  }
  return [...groups.values()].map((g) => ({ name: g.name, values: [...g.values.values()] }));
}

/** Whether a product has the chosen value in a combination for sale with stock. */
export function hasOptionInStock(item: OptionItem, choice: OptionChoice): boolean {
  const group = sameName(choice.group);
  const value = sameName(choice.value);
  return valuesInStock(item).some(([g, v]) => sameName(g) === group && sameName(v) === value);
}

/** The products, of these, that the chosen value keeps. */
export function productsWithOption(items: readonly OptionItem[], choice: OptionChoice): Set<ProductId> {
  return new Set(items.filter((item) => hasOptionInStock(item, choice)).map((item) => item.product.id));
}

/** What a card shows of a product while the catalog is filtered by a value. */
export interface OptionShelf {
  /** The lowest price of its combinations for sale with the value (of those in stock, if any is). */
  price: Money;
  /** Their stock, added up. */
  stock: number;
  /** Those combinations: for sale, with the value (what its offers are judged over). */
  combinations: Combination[];
}

/**
 * The price and stock of a product's combinations for sale with the chosen value, which the
 * card shows while the catalog is filtered by it (the product's own are its lowest price and its
 * whole stock, which would promise a price or units the buyer cannot have in that value);
 * undefined if it has none.
 */
export function shelfWithOption(item: OptionItem, choice: OptionChoice): OptionShelf | undefined {
  const { product, skus } = item;
  const g = (product.options ?? []).findIndex((x) => sameName(x.name) === sameName(choice.group));
  if (g < 0 || product.combinations === undefined) return undefined;
  const ids = new Set(product.options![g]!.values.filter((v) => sameName(v.name) === sameName(choice.value)).map((v) => v.id as string));
  const stock = new Map(skus.map((s) => [s.combination as string | undefined, s.stock]));
  const matching = product.combinations.filter((c) => c.sold && ids.has(c.values[g]!));
  if (matching.length === 0) return undefined;
  const inStock = matching.filter((c) => (stock.get(c.id) ?? 0) > 0);
  return {
    price: Math.min(...(inStock.length > 0 ? inStock : matching).map((c) => c.price)) as Money,
    stock: inStock.reduce((n, c) => n + stock.get(c.id)!, 0),
    combinations: matching,
  };
}
