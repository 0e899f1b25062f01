import type { CombinationId, LineMode, ProductId } from '../../domain/index.ts';
import { setCartQty } from '../../storage/index.ts';
import type { AppContext } from '../context.ts';
import { InvalidInputError } from '../errors.ts';

/** Sets how many of a product (of a combination) are in the cart; 0 takes it out. The cart is the buyer's alone. */
export async function setCartQuantity(
  ctx: AppContext, productId: ProductId, qty: number, mode: LineMode = 'regular', combination?: CombinationId,
): Promise<void> {
  if (!Number.isInteger(qty) || qty < 0 || qty > 999) throw new InvalidInputError(['A quantity is a whole number from 0 to 999.']);
  await setCartQty(ctx.store, ctx.buyer(), productId, mode, qty, ctx.now(), combination);
}
