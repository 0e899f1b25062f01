import type { CombinationStock, EventId, Product, ProductBase, ProductId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** An id for a product made on this device (a UUIDv7, so it sorts by when it was made). */
export function newProductId(now: number = Date.now()): ProductId {
  return `p-${newEventId(now)}` as ProductId;
}

/** What a new product's edit is made from: no version yet, nothing on the shelf. */
export const NEW_PRODUCT: ProductBase = { n: 0, stock: 0 };

/**
 * The seller adds or changes a product and its shelf stock, made from `base` (what the form
 * showed): the shop refuses it if the product was saved again since, and takes the stock as the
 * change the seller made, so sales meanwhile are not undone. Decided at once by the shop's
 * authority on this device; the form has already refused anything invalid.
 */
export function saveProduct(ctx: AppContext, product: Product, stock: number, base: ProductBase, stocks?: CombinationStock[]): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'product.save', product, stock, base, ...(stocks === undefined ? {} : { stocks }) });
}
