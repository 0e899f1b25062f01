/**
 * The catalog CSV's columns and the shapes a row becomes, apart from the reader and writer
 * (catalog-csv.ts) so that catalog-match.ts can name them without an import circle.
 */
import type { Product } from '../../domain/index.ts';

export const PRODUCT_COLUMNS = [
  'id', 'name', 'description', 'category', 'tags', 'price', 'stock', 'hidden', 'photos',
  'team_price', 'team_size', 'team_window_hours',
  'flash_price', 'flash_starts_at', 'flash_ends_at', 'flash_stock', 'flash_per_buyer_limit',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

export interface CatalogItem {
  product: Product;
  /** Regular stock on the shelf. */
  stock: number;
}

export type Columns = Partial<Record<ProductColumn, number>>;
