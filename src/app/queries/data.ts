/**
 * Reads for the seller's Data tab: the files it exports, from what this device holds, and what
 * an import would replace. Plain async functions over the database (one read transaction each).
 */
import { hasOptions, type EventId, type ProductId } from '../../domain/index.ts';
import type { ProductItem } from '../../storage/queries.ts';
import { countProducts } from '../../storage/catalog-queries.ts';
import { catalogToExport, ledgerToExport, ordersToExport } from '../../storage/export-queries.ts';
import { decisionsOnAny } from '../../storage/order-queries.ts';
import type { Store } from '../../storage/store.ts';
import { catalogLookup, productsToCsv, type CatalogItem, type CatalogLookup } from '../../engines/csv/catalog-csv.ts';
import { ledgerToCsv, postingCount } from '../../engines/csv/ledger-csv.ts';
import { ordersToCsv } from '../../engines/csv/orders-csv.ts';
import { csvFileName, type CsvKind } from '../device/csv-download.ts';

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

/** One of the Data tab's files, made from the device's database as it is now (read in one transaction). */
export async function exportCsv(store: Store, kind: CsvKind, at: number): Promise<CsvExport> {
  const name = csvFileName(kind, at);
  switch (kind) {
    case 'products': {
      // The seller's whole catalog, hidden products too, in the Products tab's order (by name).
      const { shop, items } = await catalogToExport(store);
      if (!shop) throw new NoShopError();
      const text = productsToCsv(items.map(catalogItemOf), shop.currency);
      // A product with options is a row per combination.
      const rows = items.reduce((n, i) => n + (hasOptions(i.product) ? i.product.combinations!.length : 1), 0);
      return { name, text, rows };
    }
    case 'orders': {
      const { shop, orders } = await ordersToExport(store);
      if (!shop) throw new NoShopError();
      return { name, text: ordersToCsv(orders, shop), rows: orders.length };
    }
    case 'ledger': {
      const { shop, decisions } = await ledgerToExport(store);
      if (!shop) throw new NoShopError();
      return { name, text: ledgerToCsv(decisions, shop.currency), rows: postingCount(decisions) };
    }
  }
}

/** The catalog as this device has it (hidden products too), for an import to find each row's product in. */
export async function catalogForImport(store: Store): Promise<CatalogLookup> {
  const { items } = await catalogToExport(store);
  return catalogLookup(items.map(catalogItemOf));
}

/** A product as the CSV has it: its shelf, or (with options) each combination's. */
function catalogItemOf(i: ProductItem): CatalogItem {
  const stocks = i.skus.map((s) => ({ combination: s.combination!, stock: s.stock }));
  const flashSold = i.inventory?.flashSold ?? 0;
  return {
    product: i.product, stock: hasOptions(i.product) ? 0 : (i.inventory?.stock ?? 0), ...(hasOptions(i.product) && { stocks }), ...(flashSold > 0 && { flashSold }),
  };
}

/** How many of these product ids the catalog already has (an import changes them). */
export function countExisting(store: Store, ids: readonly ProductId[]): Promise<number> {
  return countProducts(store, ids);
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
export async function importOutcome(store: Store, ids: readonly EventId[]): Promise<ImportOutcome> {
  const decisions = await decisionsOnAny(store, ids);
  let saved = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  for (const d of decisions) {
    if (d.kind === 'product.saved') saved++;
    else {
      refused++;
      firstRefusal ??= d.message;
    }
  }
  return { saved, refused, waiting: ids.length - saved - refused, ...(firstRefusal !== undefined && { firstRefusal }) };
}
