import { useEffect, useRef, useState } from 'preact/hooks';
import { catalogSearchStatus, searchCatalog, watchCatalogSearch } from '../../app/queries/catalog-search.ts';
import { getShop, type ProductPage } from '../../app/queries/reads.ts';
import type { OptionChoice } from '../../app/queries/catalog-option-filter.ts';
import { ProductCard } from '../components/shop/ProductCard.tsx';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { lazyScreen } from '../lazy-screen.tsx';
import { href, parseRoute } from '../router.ts';

const PAGE = 24;
type Sort = 'relevance' | 'name' | 'price-asc' | 'price-desc';
// Only wanted when a search finds nothing: loaded then, with its strings.
const Suggestions = lazyScreen(() => import('../components/shop/SearchSuggestions.tsx').then((m) => m.SearchSuggestions), ['shop']);
// The categories and the home's promotions (flash sale, team buys, offers, coupons): after the first screen.
const Top = lazyScreen(() => import('../components/home/CatalogTop.tsx').then((m) => m.CatalogTop), ['home']);
// Within a category, its chips by option value (issue 13), and the query they make: one chunk, once a category is picked.
const filter = () => import('../components/shop/options/OptionFilter.tsx');
const Filter = lazyScreen(() => filter().then((m) => m.OptionFilter), ['options']);

/**
 * The catalog: search as you type, the shop's promotions and the categories (CatalogTop, loaded
 * after the first screen), sort by price, and the products in pages of 24. What the person picks is kept in the address (so the back button and a shared link
 * return to it) without making a history entry per keystroke.
 */
export function CatalogScreen({ category: initialCategory, q, option, value }: { category?: string; q?: string; option?: string; value?: string }) {
  const { t } = useI18n();
  const app = useApp();
  const [category, setCategory] = useState<string | undefined>(initialCategory);
  const [text, setText] = useState(q ?? '');
  const [search, setSearch] = useState((q ?? '').trim());
  const [sort, setSort] = useState<Sort>('relevance');
  const [limit, setLimit] = useState(PAGE);
  const [choice, setChoice] = useState(chosen(option, value));
  const composing = useRef(false);

  // A real navigation to the catalog (a link, the back button) sets what is shown.
  useEffect(() => {
    const onHash = () => {
      const route = parseRoute(window.location.hash);
      if (route.name !== 'catalog') return;
      setCategory(route.category);
      setText(route.q ?? '');
      setSearch((route.q ?? '').trim());
      setChoice(chosen(route.option, route.value));
      setLimit(PAGE);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Keep the address in step, replacing the entry rather than adding one; but only while the
  // address is still the catalog's, or a navigation away right after mount would be undone.
  useEffect(() => {
    if (parseRoute(window.location.hash).name !== 'catalog') return;
    const next = href({ name: 'catalog', category, q: search, option: choice?.group, value: choice?.value });
    if (window.location.hash !== next && !(window.location.hash === '' && next === '#/')) {
      history.replaceState(history.state, '', next);
    }
  }, [category, search, choice]);

  const shop = useLive(() => getShop(app.store), [app]);
  // Each result carries the question it answers: a slower, older answer is never shown as
  // the answer to what is typed now (while the new one runs, the last answer stays, marked busy).
  // The catalog's search index answers once it is built (storage until then); it reads only the
  // page's products, so the query also re-runs when the index says its answers may have changed.
  const key = JSON.stringify([category, search, sort, limit, choice]);
  const searchVersion = useSearchVersion(app.store);
  const result = useLive(
    async (): Promise<{ key: string; page: ProductPage }> => ({
      key,
      page: category !== undefined && choice !== undefined
        ? await (await filter()).searchCatalogByOption(app.store, { category, search, sort, offset: 0, limit }, choice)
        : await searchCatalog(app.store, { category, search, sort, offset: 0, limit }),
    }),
    [app, key, searchVersion],
  );
  const page = result?.page;
  const busy = result?.key !== key;
  const currency = shop?.currency ?? 'CNY';

  const onInput = (value: string) => {
    setText(value);
    if (composing.current) return; // an IME is still composing (pinyin): search once it is done
    setSearch(value.trim());
    setLimit(PAGE);
  };
  const pick = (next: string | undefined) => {
    setCategory(next);
    setChoice(undefined);
    setLimit(PAGE);
  };

  return (
    <section class="catalog" aria-labelledby="catalog-title">
      <h2 id="catalog-title">{t('catalog.title')}</h2>
      <search class="catalog-search">
        <div class="field">
          <label for="catalog-search">{t('catalog.search')}</label>
          <input
            id="catalog-search"
            type="search"
            value={text}
            placeholder={t('catalog.searchHint')}
            autocomplete="off"
            maxLength={100}
            enterkeyhint="search"
            onInput={(e) => onInput(e.currentTarget.value)}
            onCompositionStart={() => (composing.current = true)}
            onCompositionEnd={(e) => {
              composing.current = false;
              onInput(e.currentTarget.value);
            }}
          />
        </div>
      </search>
      <Top category={category} onPick={pick} promos={search === '' && category === undefined} />
      {category !== undefined && (
        <Filter
          category={category}
          choice={choice}
          onChoose={(next: OptionChoice | undefined) => {
            setChoice(next);
            setLimit(PAGE);
          }}
        />
      )}
      <div class="list-head">
        <p class="result-count" aria-live="polite">
          {page === undefined
            ? t('loading')
            : page.total === 0
              ? search !== ''
                ? t('catalog.none', { q: search })
                : t('catalog.empty')
              : page.total === 1
                ? t('catalog.countOne')
                : t('catalog.count', { count: page.total })}
        </p>
        <div class="sort">
          <label for="catalog-sort">{t('catalog.sort')}</label>
          <select id="catalog-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="relevance">{t('catalog.sort.best')}</option>
            <option value="name">{t('catalog.sort.name')}</option>
            <option value="price-asc">{t('catalog.sort.priceAsc')}</option>
            <option value="price-desc">{t('catalog.sort.priceDesc')}</option>
          </select>
        </div>
      </div>
      {page && page.items.length > 0 && (
        <ul class="grid" aria-busy={busy}>
          {page.items.map((item) => (
            <ProductCard key={item.product.id} item={item} currency={currency} />
          ))}
        </ul>
      )}
      {page?.total === 0 && search !== '' && (
        <Suggestions
          search={search}
          version={searchVersion}
          onSearch={(next: string) => {
            setText(next);
            setSearch(next);
          }}
          onCategory={(next: string) => {
            setText('');
            setSearch('');
            pick(next);
          }}
        />
      )}
      {page && page.items.length < page.total && (
        <div class="more">
          <p>{t('catalog.showing', { shown: page.items.length, total: page.total })}</p>
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            {t('catalog.more')}
          </button>
        </div>
      )}
    </section>
  );
}

/** A value chosen in the option filter, from the address. */
const chosen = (group?: string, value?: string): OptionChoice | undefined => (group && value ? { group, value } : undefined);

/** The catalog search index's version: it goes up when the index is ready or a product changed in it. */
function useSearchVersion(db: Parameters<typeof watchCatalogSearch>[0]): number {
  const [version, setVersion] = useState(() => catalogSearchStatus(db).version);
  useEffect(() => watchCatalogSearch(db, (status) => setVersion(status.version)), [db]);
  return version;
}
