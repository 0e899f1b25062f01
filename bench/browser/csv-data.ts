/**
 * The catalog the CSV benches import: catalog-data.ts's believable products (seeded, the same
 * on every run), with what makes a spreadsheet's cells hard added in: descriptions with commas,
 * quotes and line breaks, team buys and flash sales. Runs in Node and in the page (no Node imports).
 */
import type { Money } from '../../src/domain/index.ts';
import type { CatalogItem } from '../../src/engines/csv/catalog-csv.ts';
import { makeProducts } from './catalog-data.ts';

/** The flash sales' start: a fixed time, so the file is the same on every run. */
export const CSV_T0 = Date.UTC(2026, 10, 11, 12);

export function csvCatalog(count: number): CatalogItem[] {
  return makeProducts(count, 20261111).map(({ product, stock }, i) => {
    const p = { ...product };
    if (i % 7 === 0) p.description = `${p.name}, "as new".\nShips in 48 hours, 包邮.`;
    if (i % 20 === 0) p.team = { price: Math.max(1, p.price - 100) as Money, size: 2 + (i % 5), windowHours: 24 };
    if (i % 50 === 0) p.flash = { price: Math.max(1, Math.floor(p.price / 2)) as Money, startsAt: CSV_T0, endsAt: CSV_T0 + 3_600_000, stock: 10, perBuyerLimit: 1 };
    return { product: p, stock };
  });
}
