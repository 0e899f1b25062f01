import { useState } from 'preact/hooks';
import {
  availableValues, combinationFor, hasOptions, productInCombination, skuKey, type Combination, type Inventory, type OptionValueId, type Product,
} from '../../domain/index.ts';

/** What the buyer has chosen of a product's options, and what the page shows for it. */
export interface OptionChoice {
  /** The value chosen in each group (undefined where not yet). */
  chosen: (OptionValueId | undefined)[];
  choose: (group: number, value: OptionValueId | undefined) => void;
  /** The combination the choice names, once every group has a value. */
  combination: Combination | undefined;
  /** The groups still to choose, by name (empty for a product without options). */
  missing: string[];
  /** The values each group can still take: those leading to a combination for sale with stock. */
  available: Set<OptionValueId>[];
  /** The shelf of the chosen combination; without a choice (or options), the product's as a whole. */
  inventory: Inventory | undefined;
  /** The product as the page shows it: the combination's price, photo and offers once chosen. */
  shown: Product;
}

/**
 * The product page's choice of options: the price, the stock and the photo follow it. A shelf
 * the shop has not spoken of yet counts as in stock (the shop decides when the order reaches it).
 */
export function useOptionChoice(product: Product | undefined, inventory: Inventory | undefined, skus: readonly Inventory[]): OptionChoice {
  const [state, setState] = useState<{ id: string; chosen: (OptionValueId | undefined)[] }>({ id: '', chosen: [] });
  const groups = product?.options ?? [];
  // A choice belongs to one product: another product's page starts afresh.
  const chosen = state.id === product?.id ? state.chosen : groups.map(() => undefined);
  const choose = (group: number, value: OptionValueId | undefined) => {
    const next = groups.map((_, g) => (g === group ? value : chosen[g]));
    setState({ id: product?.id ?? '', chosen: next });
  };
  if (product === undefined || !hasOptions(product)) {
    return { chosen, choose, combination: undefined, missing: [], available: [], inventory, shown: product! };
  }
  const shelves = new Map(skus.map((i) => [skuKey(i.productId, i.combination), i]));
  const shelf = (c: Combination) => shelves.get(skuKey(product.id, c.id));
  const available = availableValues(product, chosen, (c) => (shelf(c)?.stock ?? 1) > 0);
  const combination = chosen.every((v) => v !== undefined) ? combinationFor(product, chosen) : undefined;
  const missing = groups.filter((_, g) => chosen[g] === undefined).map((g) => g.name);
  const shown: Product = combination ? productInCombination(product, combination) : product;
  return { chosen, choose, combination, missing, available, inventory: combination ? shelf(combination) : inventory, shown };
}
