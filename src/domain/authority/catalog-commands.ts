import type { Millis } from '../catalog.ts';
import type { SaveProduct, SavePromotion, SaveShop } from '../events.ts';
import { decisionIdFor, emit, type Ctx } from './context.ts';
import { inventoryOf } from './stock.ts';

export function saveShop(ctx: Ctx, intent: SaveShop, t: Millis): void {
  emit(ctx, { kind: 'shop.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { shop: intent.shop } });
}

/**
 * The seller sets the shelf stock as counted. A new flash sale (a different start) starts
 * its own count of units sold; editing the same sale keeps what is already sold.
 */
export function saveProduct(ctx: Ctx, intent: SaveProduct, t: Millis): void {
  const { product } = intent;
  const before = ctx.draft.products.get(product.id)?.value;
  const inv = inventoryOf(ctx.draft, product.id);
  const sameSale = before?.flash !== undefined && product.flash !== undefined && before.flash.startsAt === product.flash.startsAt;
  emit(ctx, {
    kind: 'product.saved',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    set: { products: [product], inventory: [{ productId: product.id, stock: intent.stock, flashSold: sameSale ? inv.flashSold : 0 }] },
  });
}

export function savePromotion(ctx: Ctx, intent: SavePromotion, t: Millis): void {
  emit(ctx, { kind: 'promotion.saved', id: decisionIdFor(intent.id), at: t, intentId: intent.id, set: { promotions: [intent.promotion] } });
}
