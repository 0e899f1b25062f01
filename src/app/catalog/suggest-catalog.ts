import type { ShopDb } from '../../storage/db.ts';
import { catalogIndexOf, catalogSearchSettled } from './catalog-search.ts';
import type { SearchSuggestions } from './search-index.ts';

export type { SearchSuggestions } from './search-index.ts';

/**
 * What the catalog offers when `search` finds nothing (search-index-suggest.ts): from the
 * index, once it is built. Loaded with the screen part that shows it, not with the first screen.
 */
export async function suggestCatalog(db: ShopDb, search: string): Promise<SearchSuggestions | undefined> {
  await catalogSearchSettled(db);
  return catalogIndexOf(db)?.suggest(search);
}
