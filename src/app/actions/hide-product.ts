import type { EventId, ProductId } from '../../domain/index.ts';
import { productToEdit } from '../queries/seller-catalog.ts';
import type { AppContext } from '../context.ts';
import { InvalidInputError } from '../errors.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/**
 * Hides a product from buyers (or shows it again), as it is now on this device: everything
 * else, its shelf stock included, stays as the shop last decided it.
 */
export async function setProductHidden(ctx: AppContext, id: ProductId, hidden: boolean): Promise<EventId> {
  const item = await productToEdit(ctx.store, id);
  if (!item) throw new InvalidInputError([`product: there is no product ${JSON.stringify(id)}`]);
  // The stock as it is: no change to it, whatever sells before the shop decides this.
  return queueSellerCommand(ctx, { kind: 'product.save', product: { ...item.product, hidden }, stock: item.base.stock, base: item.base });
}
