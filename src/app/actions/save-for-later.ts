import type { ProductId } from '../../domain/index.ts';
import { addSaved, removeSaved } from '../../storage/saved.ts';
import type { RunningApp } from '../context.ts';

/** Who saves, on which device, and when: the running app is one. */
export type Saver = Pick<RunningApp, 'store' | 'person' | 'now'>;

/**
 * The heart on a product: saves it for the person using the app (with its price and stock
 * now, so a later drop or return is marked), or takes it out of their saved products.
 */
export function saveForLater(app: Saver, productId: ProductId, saved: boolean): Promise<void> {
  return saved ? addSaved(app.store, app.person(), productId, app.now()) : removeSaved(app.store, app.person(), productId);
}
