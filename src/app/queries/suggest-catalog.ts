import type { Store } from '../../storage/store.ts';
import { catalogIndexOf, catalogSearchSettled } from './catalog-search.ts';
import type { SearchSuggestions } from '../../engines/search/search-index.ts';

export type { SearchSuggestions } from '../../engines/search/search-index.ts';

/**
 * What the catalog offers when `search` finds nothing (search-index-suggest.ts): from the
 * index, once it is built. Loaded with the screen part that shows it, not with the first screen.
 */
export async function suggestCatalog(store: Store, search: string): Promise<SearchSuggestions | undefined> {
  await catalogSearchSettled(store);
  return catalogIndexOf(store)?.suggest(search);
}
