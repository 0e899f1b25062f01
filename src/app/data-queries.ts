/**
 * Reads for the seller's Data tab: the files it exports, from what this device holds, and what
 * an import would replace. Plain async functions over the database (one read transaction each).
 */
import type { EventId, ProductId } from '../domain/index.ts';
import type { ShopDb } from '../storage/db.ts';
import { allDecisions, getShop, listProducts } from '../storage/queries.ts';
import { catalogLookup, productsToCsv, type CatalogLookup } from './csv/catalog-csv.ts';
import { csvFileName, type CsvKind } from './csv/download.ts';
import { ledgerToCsv, postingCount } from './csv/ledger-csv.ts';
import { ordersToCsv } from './csv/orders-csv.ts';

export interface CsvExport {
  name: string;
  text: string;
  /** Rows in the file (products, orders or postings), the header apart. */
  rows: number;
}

export class NoShopError extends Error {
  override readonly name = 'NoShopError';

  constructor() {
    super('This device has no shop yet: there is nothing to export.');
  }
}

/** One of the Data tab's files, made from the device's database as it is now. */
export async function exportCsv(db: ShopDb, kind: CsvKind, at: number): Promise<CsvExport> {
  return db.transaction('r', [db.shop, db.products, db.inventory, db.orders, db.events], async () => {
    const shop = await getShop(db);
    if (!shop) throw new NoShopError();
    const name = csvFileName(kind, at);
    switch (kind) {
      case 'products': {
        // The seller's whole catalog, hidden products too, in the Products tab's order (by name).
        const { items } = await listProducts(db, { includeHidden: true, offset: 0, limit: Number.MAX_SAFE_INTEGER });
        const text = productsToCsv(items.map((i) => ({ product: i.product, stock: i.inventory?.stock ?? 0 })), shop.currency);
        return { name, text, rows: items.length };
      }
      case 'orders': {
        const orders = (await db.orders.orderBy('placedAt').toArray()).map((r) => r.value);
        return { name, text: ordersToCsv(orders, shop), rows: orders.length };
      }
      case 'ledger': {
        const decisions = await allDecisions(db);
        return { name, text: ledgerToCsv(decisions, shop.currency), rows: postingCount(decisions) };
      }
    }
  });
}

/** The catalog as this device has it (hidden products too), for an import to find each row's product in. */
export async function catalogForImport(db: ShopDb): Promise<CatalogLookup> {
  const { items } = await listProducts(db, { includeHidden: true, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  return catalogLookup(items.map((i) => ({ product: i.product, stock: i.inventory?.stock ?? 0 })));
}

/** How many of these product ids the catalog already has (an import changes them). */
export async function countExisting(db: ShopDb, ids: readonly ProductId[]): Promise<number> {
  const keys = await db.products.where('id').anyOf([...ids]).primaryKeys();
  return keys.length;
}

export interface ImportOutcome {
  /** Commands the shop has decided (saved). */
  saved: number;
  /** Commands the shop refused (with the first refusal's message). */
  refused: number;
  firstRefusal?: string;
  /** Still waiting for the shop's decision. */
  waiting: number;
}

/** What the shop on this device has made of an import's commands so far. */
export async function importOutcome(db: ShopDb, ids: readonly EventId[]): Promise<ImportOutcome> {
  const decisions = await db.events.where('intentId').anyOf([...ids]).toArray();
  let saved = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  for (const d of decisions) {
    if (d.type !== 'decision') continue;
    if (d.kind === 'product.saved') saved++;
    else {
      refused++;
      firstRefusal ??= d.message;
    }
  }
  return { saved, refused, waiting: ids.length - saved - refused, ...(firstRefusal !== undefined && { firstRefusal }) };
}
