import { listCategories } from '../../../app/queries/reads.ts';
import { useRef } from 'preact/hooks';
import { useApp } from '../../hooks/use-app.ts';
import { useChosenInView } from '../../hooks/use-chosen-in-view.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { categoryName } from '../shop/category-name.ts';
import { HomePromos } from './HomePromos.tsx';

/**
 * The top of the catalog, above its grid: the shop's promotions (only while nothing is searched
 * or picked: then the person is looking for something) and the category chips that filter the
 * grid. One chunk loaded after the first screen, so the first screen's JavaScript stays in its
 * budget; the catalog keeps its place meanwhile (home.css).
 */
export function CatalogTop({ category, onPick, promos }: { category: string | undefined; onPick: (c: string | undefined) => void; promos: boolean }) {
  const { t, locale } = useI18n();
  const app = useApp();
  const categories = useLive(() => listCategories(app.store), [app]);
  // A category chosen by a link or Back, or the chips' words in another language: the chosen chip in view.
  const row = useRef<HTMLDivElement>(null);
  useChosenInView(row, '[aria-pressed="true"]', [category, locale, categories?.length]);
  return (
    <>
      {promos && <HomePromos />}
      <div class="chips" role="group" aria-label={t('catalog.categories')} ref={row}>
        <button type="button" class="chip" aria-pressed={category === undefined} onClick={() => onPick(undefined)}>
          {t('catalog.all')}
        </button>
        {categories?.map((c) => (
          <button type="button" class="chip" aria-pressed={category === c.category} onClick={() => onPick(c.category)}>
            <span class="chip-name">{categoryName(c.category, t)}</span> <span class="chip-count" aria-hidden="true">{c.count}</span>
          </button>
        ))}
      </div>
    </>
  );
}
