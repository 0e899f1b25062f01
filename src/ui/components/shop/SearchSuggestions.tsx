import { useEffect, useState } from 'preact/hooks';
import { suggestCatalog, type SearchSuggestions as Suggested } from '../../../app/queries/suggest-catalog.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import { categoryName } from './category-name.ts';

/**
 * Under a search that found nothing: the query with a mistyped word put right, the closest
 * products, and categories to look in (search-index-suggest.ts says how they are chosen).
 */
export function SearchSuggestions(p: { search: string; version: number; onSearch: (q: string) => void; onCategory: (c: string) => void }) {
  const { search, onSearch, onCategory } = p;
  const { t } = useI18n();
  const app = useApp();
  const [found, setFound] = useState<Suggested>();
  useEffect(() => {
    let live = true;
    void suggestCatalog(app.store, search).then((s) => live && setFound(s));
    return () => {
      live = false;
    };
  }, [app, search, p.version]); // the index's version: a product changed, or the index was built
  if (found === undefined) return null;
  const { query, products, categories } = found;
  if (query === undefined && products.length + categories.length === 0) return null;
  return (
    <div class="suggest">
      {query !== undefined && (
        <p>
          {t('search.didYouMean')}{' '}
          <button type="button" class="link" onClick={() => onSearch(query)}>{query}</button>
        </p>
      )}
      {products.length > 0 && (
        <>
          <h3>{t('search.closest')}</h3>
          <ul class="suggest-list">
            {products.map((p) => (
              <li key={p.id}>
                <a href={href({ name: 'product', id: p.id })}>{p.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {categories.length > 0 && (
        <div class="chips" role="group" aria-label={t('search.browse')}>
          <span>{t('search.browse')}</span>
          {categories.map((c) => (
            <button type="button" class="chip" onClick={() => onCategory(c)}>{categoryName(c, t)}</button>
          ))}
        </div>
      )}
    </div>
  );
}
