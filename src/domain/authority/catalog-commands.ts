import type { Millis } from '../catalog.ts';
import type { SaveProduct, SavePromotion, SaveShop } from '../events.ts';
import { decisionIdFor, emit, type Ctx } from './context.ts';
import { saleKey } from '../state.ts';

export function saveShop(ctx: Ctx, intent: SaveShop, t: Millis): void {
  emit(ctx, { kind: 'shop.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { shop: intent.shop } });
}

/**
 * The seller sets the shelf stock as counted. A flash sale's units sold are counted per sale
 * (by its start) from live orders, so a new sale starts from zero and a sale taken off and
 * put back keeps its count.
 */
export function saveProduct(ctx: Ctx, intent: SaveProduct, t: Millis): void {
  const { product } = intent;
  const sold = product.flash ? (ctx.draft.usage.flashSold.get(saleKey(product.id, product.flash.startsAt)) ?? 0) : 0;
  emit(ctx, {
    kind: 'product.saved',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    set: { products: [product], inventory: [{ productId: product.id, stock: intent.stock, flashSold: sold }] },
  });
}

export function savePromotion(ctx: Ctx, intent: SavePromotion, t: Millis): void {
  emit(ctx, { kind: 'promotion.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { promotions: [intent.promotion] } });
}
