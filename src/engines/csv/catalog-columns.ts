/**
 * The catalog CSV's columns and the shapes a row becomes, apart from the reader and writer
 * (catalog-csv.ts) so that catalog-match.ts can name them without an import circle.
 */
import type { CombinationStock, Product } from '../../domain/index.ts';

export const PRODUCT_COLUMNS = [
  'id', 'name', 'description', 'category', 'tags', 'price', 'stock', 'hidden', 'photos',
  'team_price', 'team_size', 'team_window_hours',
  'flash_price', 'flash_starts_at', 'flash_ends_at', 'flash_stock', 'flash_per_buyer_limit',
  // A product with options: one row per combination (catalog-options.ts).
  'option1', 'option2', 'option3', 'sku', 'sku_photo', 'sku_sold',
  // Which combinations the team buy and the flash sale cover (catalog-options.ts): empty on every
  // row of a product for all of them; else true, an amount of its own, or false on each row.
  'team_cover', 'flash_cover',
  // Whether one team may mix the product's combinations (TeamOffer.anyCombination): true or
  // false on a product with options and a team buy; empty keeps the shop's (none for a new one).
  'team_any',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

export interface CatalogItem {
  product: Product;
  /** Regular stock on the shelf (a product without options). */
  stock: number;
  /** A product with options: each combination's stock. */
  stocks?: CombinationStock[];
  /** Units of its current flash sale already sold (off `stock` already): a sale may promise what is left plus these. */
  flashSold?: number;
}

export type Columns = Partial<Record<ProductColumn, number>>;
