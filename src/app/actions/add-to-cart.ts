import type { LineMode, ProductId } from '../../domain/index.ts';
import { cartQty } from '../../storage/index.ts';
import type { AppContext } from '../context.ts';
import { setCartQuantity } from './set-cart-quantity.ts';

export async function addToCart(ctx: AppContext, productId: ProductId, mode: LineMode = 'regular', qty = 1): Promise<void> {
  const had = await cartQty(ctx.store, ctx.buyer(), productId, mode);
  await setCartQuantity(ctx, productId, Math.min(999, had + qty), mode);
}
