import type { EventId, Product, ProductId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** An id for a product made on this device (a UUIDv7, so it sorts by when it was made). */
export function newProductId(now: number = Date.now()): ProductId {
  return `p-${newEventId(now)}` as ProductId;
}

/**
 * The seller adds or changes a product and counts its shelf stock (absolute). Decided at once
 * by the shop's authority on this device; the form has already refused anything invalid.
 */
export function saveProduct(ctx: AppContext, product: Product, stock: number): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'product.save', product, stock });
}
