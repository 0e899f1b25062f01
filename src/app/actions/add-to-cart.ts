import type { LineMode, ProductId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { setCartQuantity } from './set-cart-quantity.ts';

export async function addToCart(ctx: AppContext, productId: ProductId, mode: LineMode = 'regular', qty = 1): Promise<void> {
  const row = await ctx.db.cart.get(`${productId}|${mode}`);
  await setCartQuantity(ctx, productId, Math.min(999, (row?.qty ?? 0) + qty), mode);
}
