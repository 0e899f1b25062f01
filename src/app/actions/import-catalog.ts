import type { EventId } from '../../domain/index.ts';
import { isQuotaError, StorageFullError } from '../../storage/errors.ts';
import type { AppContext } from '../context.ts';
import type { CatalogItem } from '../../engines/csv/catalog-csv.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** Commands whose writes are issued together (a bound on what waits in memory at once). */
const CHUNK = 500;

export interface ImportResult {
  /** How many products were queued: all the rows given. */
  count: number;
  /** The `product.save` commands, in the file's order. */
  ids: EventId[];
}

/**
 * The seller imports a catalog: one `product.save` a row (a product with the same id is
 * replaced), all queued in ONE transaction, as the demo's seed is. If any row fails (the shop's
 * validator refuses it, or the disk is full), the transaction is aborted and nothing at all is
 * queued: a catalog is never half imported. The preview is `csvToProducts`' result; pass its
 * rows only when it had no errors.
 */
export async function importCatalog(ctx: AppContext, rows: readonly CatalogItem[]): Promise<ImportResult> {
  if (rows.length === 0) return { count: 0, ids: [] };
  const { db } = ctx;
  try {
    const ids = await db.transaction('rw', db.events, db.outbox, async () => {
      const out: EventId[] = [];
      // A chunk's writes are issued together, not one after another: IndexedDB runs them in
      // order within the transaction without a trip back to this code between each.
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        out.push(...(await Promise.all(chunk.map(({ product, stock }) => queueSellerCommand(ctx, { kind: 'product.save', product, stock })))));
      }
      return out;
    });
    return { count: ids.length, ids };
  } catch (error) {
    // The commit itself can fail for lack of space, outside any one row's write.
    if (!(error instanceof StorageFullError) && isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}
