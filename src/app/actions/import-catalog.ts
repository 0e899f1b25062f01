import type { EventId } from '../../domain/index.ts';
import type { CatalogItem } from '../../engines/csv/catalog-csv.ts';
import type { AppContext } from '../context.ts';
import { productBases } from '../queries/seller-catalog.ts';
import { queueSellerCommands } from '../queue-intent.ts';

export interface ImportResult {
  /** How many products were queued: all the rows given. */
  count: number;
  /** The `product.save` commands, in the file's order. */
  ids: EventId[];
}

/**
 * The seller imports a catalog: one `product.save` a row (a product with the same id is
 * replaced), all queued in ONE transaction, as the demo's seed is. If any row fails (the shop's
 * validator refuses it, or the disk is full), nothing at all is queued: a catalog is never half
 * imported. The preview is `csvToProducts`' result; pass its rows only when it had no errors.
 */
export async function importCatalog(ctx: AppContext, rows: readonly CatalogItem[]): Promise<ImportResult> {
  // Each row replaces the product as this device has it (or makes a new one): if the shop
  // saved it again meanwhile, that row is refused rather than undoing the newer save.
  const bases = await productBases(ctx.store, rows.map((r) => r.product.id));
  const ids = await queueSellerCommands(ctx, rows.map(({ product, stock, stocks }, i) => ({
    kind: 'product.save', product, stock, ...(stocks && { stocks }), base: bases[i]!,
  })));
  return { count: ids.length, ids };
}
