import type { Inventory, Millis } from '../catalog.ts';
import type { SaveProduct, SavePromotion, SaveShop } from '../events.ts';
import type { CombinationId } from '../ids.ts';
import { hasOptions, skuKey } from '../options.ts';
import { MAX_COUNT } from '../validate/scalars.ts';
import { decisionIdFor, emit, refuse, type Ctx } from './context.ts';
import { inventoryOf, soldInSale, stockRow } from './stock.ts';

export function saveShop(ctx: Ctx, intent: SaveShop, t: Millis): void {
  emit(ctx, { kind: 'shop.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { shop: intent.shop } });
}

/**
 * The seller saves a product and its shelf stock. An edit made from an old view never
 * overwrites what changed since: if the product was saved again after the version the edit
 * began from (by another seller device, or by an earlier save not yet decided when this one
 * was made), it is refused, and the seller opens it again; the stock is taken as the change the
 * seller made to what they saw, so units sold or put back meanwhile stay counted. A command
 * without `base` (made before it existed) sets the stock as counted, as it always did.
 *
 * A product with options is saved the same way, combination by combination: each one's stock
 * is the change the seller made to what they saw of it. A combination removed from the product
 * keeps its stock row as it was (its history); the implicit combination's row of a product that
 * gained options too, its part of the current flash sale kept exact.
 *
 * A flash sale's units sold are counted per sale (by its start) from live orders, so a new
 * sale starts from zero and a sale taken off and put back keeps its count.
 */
export function saveProduct(ctx: Ctx, intent: SaveProduct, t: Millis): void {
  const { product, base } = intent;
  const d = ctx.draft;
  if (base !== undefined) {
    const version = d.products.get(product.id)?.n ?? 0;
    if (version !== base.n) {
      const message = base.n === 0
        ? `A product with the id ${product.id} is already in the shop: open it and edit it there.`
        : `${product.name} was saved again since this edit began (version ${base.n}, now ${version}): open it again and make the change there.`;
      return void refuse(ctx, intent, t, 'product-changed', message);
    }
  }
  /** The stock of one combination: as given, or, with a base, as the change from what the seller saw. */
  const counted = (combination: CombinationId | undefined, given: number, seen: number): number =>
    base === undefined ? given : Math.min(MAX_COUNT, Math.max(0, inventoryOf(d, product.id, combination).stock + (given - seen)));
  // Each row's part of the sale is that of the product's sale as saved (which may be a new one).
  const sale = product.flash?.startsAt;
  const row = (combination: CombinationId | undefined, stock: number): Inventory =>
    stockRow(product.id, combination, stock, soldInSale(d, product.id, combination, sale), sale);
  const inventory: Inventory[] = [];
  if (hasOptions(product)) {
    const given = new Map((intent.stocks ?? []).map((s) => [s.combination, s.stock]));
    const seen = new Map((base?.stocks ?? []).map((s) => [s.combination, s.stock]));
    for (const c of product.combinations!) inventory.push(row(c.id, counted(c.id, given.get(c.id) ?? 0, seen.get(c.id) ?? 0)));
    if (d.inventory.has(skuKey(product.id))) inventory.push(row(undefined, inventoryOf(d, product.id).stock));
  } else {
    inventory.push(row(undefined, counted(undefined, intent.stock, base?.stock ?? 0)));
  }
  emit(ctx, {
    kind: 'product.saved',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    set: { products: [product], inventory },
  });
}

export function savePromotion(ctx: Ctx, intent: SavePromotion, t: Millis): void {
  emit(ctx, { kind: 'promotion.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { promotions: [intent.promotion] } });
}
