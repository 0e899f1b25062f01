import type { ProductId } from '../../domain/index.ts';
import { recordView } from '../../storage/saved.ts';
import type { Saver } from './save-for-later.ts';

/**
 * The person opened a product's page: it heads their recently viewed, and if they saved it,
 * they have now seen its price and stock (its marks go).
 */
export function recordProductView(app: Saver, productId: ProductId): Promise<void> {
  return recordView(app.store, app.person(), productId, app.now());
}
