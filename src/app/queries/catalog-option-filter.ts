/**
 * The catalog filtered by an option value within a category (issue 13): the chips to offer and
 * the page of products a chosen value keeps, in the order and with the search of the catalog's
 * own answer (the search index's, once built; storage's until then). Loaded when a category is
 * shown, never with the first screen.
 */
import { offerSpan, type Product, type ProductId } from '../../domain/index.ts';
import { optionChips, productsWithOption, shelfWithOption, type OptionChipGroup, type OptionChoice } from '../../engines/search/option-filter.ts';
import { categoryOptionItems } from '../../storage/option-queries.ts';
import { listProducts, productItems, type ProductItem, type ProductPage, type ProductQuery } from '../../storage/queries.ts';
import type { Store } from '../../storage/store.ts';
import { catalogIndexOf } from './catalog-search.ts';

export type { OptionChipGroup, OptionChoice } from '../../engines/search/option-filter.ts';

/** The chips for a category: each option group's values that some product there has in stock. */
export async function optionChipsIn(store: Store, category: string): Promise<OptionChipGroup[]> {
  return optionChips(await categoryOptionItems(store, category));
}

/**
 * Every product of a category's answer (its search and order), then only those `choice` keeps,
 * one page of them, each with the price and stock of its combinations with that value (what the
 * card shows while the filter is on: `shelfWithOption`).
 */
export async function searchCatalogByOption(store: Store, q: ProductQuery & { category: string }, choice: OptionChoice): Promise<ProductPage> {
  const kept = productsWithOption(await categoryOptionItems(store, q.category), choice);
  if (kept.size === 0) return { items: [], total: 0 };
  const all = { ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER };
  const index = catalogIndexOf(store);
  const ordered: ProductId[] = index === undefined
    ? (await listProducts(store, all)).items.map((i) => i.product.id)
    : index.query(all).ids;
  const ids = ordered.filter((id) => kept.has(id));
  const page = ids.slice(Math.max(0, q.offset), Math.max(0, q.offset) + Math.max(0, q.limit));
  return { items: page.length === 0 ? [] : (await productItems(store, page)).map((item) => withOption(item, choice)), total: ids.length };
}

/**
 * The card of a product while the catalog is filtered by a value: the price and stock of its
 * combinations with the value, and its team buy and flash sale only if they cover one of those,
 * at the lowest price they ask of them (domain offerSpan), as the card's price is the lowest: a
 * sale of only the red ones is no badge on a card shown for blue.
 */
function withOption(item: ProductItem, choice: OptionChoice): ProductItem {
  const shelf = shelfWithOption(item, choice);
  if (shelf === undefined) return item;
  const ids = new Set(shelf.combinations.map((c) => c.id));
  const product: Product = { ...item.product, price: shelf.price };
  const { team, flash } = item.product;
  const teamSpan = team && offerSpan(item.product, team, (c) => ids.has(c.id));
  const flashSpan = flash && offerSpan(item.product, flash, (c) => ids.has(c.id));
  // Without their lists: the card (offersOnCard) must not look for a lower price among combinations without the value.
  if (team && teamSpan) {
    product.team = { ...team, price: teamSpan.min };
    delete product.team.combinations;
  } else delete product.team;
  if (flash && flashSpan) {
    product.flash = { ...flash, price: flashSpan.min };
    delete product.flash.combinations;
  } else delete product.flash;
  return { ...item, product, inventory: item.inventory && { ...item.inventory, stock: shelf.stock } };
}
