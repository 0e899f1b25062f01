import type { CombinationId, LineMode, ProductId } from '../../domain/index.ts';
import { cartQty } from '../../storage/index.ts';
import type { AppContext } from '../context.ts';
import { setCartQuantity } from './set-cart-quantity.ts';

/** Adds units of a product (of its chosen combination, for a product with options) to the cart. */
export async function addToCart(ctx: AppContext, productId: ProductId, mode: LineMode = 'regular', qty = 1, combination?: CombinationId): Promise<void> {
  const had = await cartQty(ctx.store, ctx.buyer(), productId, mode, combination);
  await setCartQuantity(ctx, productId, Math.min(999, had + qty), mode, combination);
}
