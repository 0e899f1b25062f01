import type { Millis } from '../catalog.ts';
import type { SaveProduct, SavePromotion, SaveShop } from '../events.ts';
import { MAX_COUNT } from '../validate/scalars.ts';
import { decisionIdFor, emit, refuse, type Ctx } from './context.ts';
import { inventoryOf } from './stock.ts';
import { saleKey } from '../state.ts';

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
 * A flash sale's units sold are counted per sale (by its start) from live orders, so a new
 * sale starts from zero and a sale taken off and put back keeps its count.
 */
export function saveProduct(ctx: Ctx, intent: SaveProduct, t: Millis): void {
  const { product, base } = intent;
  let stock = intent.stock;
  if (base !== undefined) {
    const version = ctx.draft.products.get(product.id)?.n ?? 0;
    if (version !== base.n) {
      const message = base.n === 0
        ? `A product with the id ${product.id} is already in the shop: open it and edit it there.`
        : `${product.name} was saved again since this edit began (version ${base.n}, now ${version}): open it again and make the change there.`;
      return void refuse(ctx, intent, t, 'product-changed', message);
    }
    stock = Math.min(MAX_COUNT, Math.max(0, inventoryOf(ctx.draft, product.id).stock + (intent.stock - base.stock)));
  }
  const sold = product.flash ? (ctx.draft.usage.flashSold.get(saleKey(product.id, product.flash.startsAt)) ?? 0) : 0;
  emit(ctx, {
    kind: 'product.saved',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    set: { products: [product], inventory: [{ productId: product.id, stock, flashSold: sold }] },
  });
}

export function savePromotion(ctx: Ctx, intent: SavePromotion, t: Millis): void {
  emit(ctx, { kind: 'promotion.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { promotions: [intent.promotion] } });
}
