import { useState } from 'preact/hooks';
import type { ProductId } from '../../domain/index.ts';
import { clearRecentlyViewed } from '../../app/actions/clear-recently-viewed.ts';
import { saveForLater } from '../../app/actions/save-for-later.ts';
import { getShop } from '../../app/queries/reads.ts';
import { listRecentlyViewed, listSaved, type SavedView } from '../../app/queries/saved.ts';
import { Price } from '../components/Price.tsx';
import { ShopPhoto } from '../components/shop/ShopPhoto.tsx';
import { StockNote } from '../components/shop/StockNote.tsx';
import { formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { savedErrorText } from '../components/saved/saved-error.ts';
import { href } from '../router.ts';
import '../components/saved/saved.css';

/**
 * The person's saved products (`#/saved`), each marked when its price dropped or it is back in
 * stock since they last saw it, and what they viewed last (`#/saved/viewed`), newest first.
 */
export function SavedScreen({ tab }: { tab?: string | undefined }) {
  const { t } = useI18n();
  const app = useApp();
  const viewed = tab === 'viewed';
  const shop = useLive(() => getShop(app.store), [app]);
  const saved = useLive(() => listSaved(app), [app]);
  const currency = shop?.currency ?? 'CNY';
  return (
    <section class="saved-screen" aria-labelledby="saved-title">
      <h2 id="saved-title">{t('saved.title')}</h2>
      <nav class="saved-tabs sub-tabs" aria-label={t('saved.tabs')}>
        <a href={href({ name: 'saved' })} aria-current={viewed ? undefined : 'page'}>
          {saved?.length ? t('saved.linkCount', { count: saved.length }) : t('saved.tabSaved')}
        </a>
        <a href={href({ name: 'saved', tab: 'viewed' })} aria-current={viewed ? 'page' : undefined}>{t('saved.tabViewed')}</a>
      </nav>
      {viewed ? <ViewedList currency={currency} /> : <SavedList items={saved} currency={currency} />}
    </section>
  );
}

function SavedList({ items, currency }: { items: SavedView[] | undefined; currency: string }) {
  const { t } = useI18n();
  if (items === undefined) return <p>{t('loading')}</p>;
  if (items.length === 0) {
    return (
      <div class="saved-empty">
        <p>{t('saved.empty')}</p>
        <a class="saved-btn saved-primary" href={href({ name: 'catalog' })}>{t('saved.browse')}</a>
      </div>
    );
  }
  return (
    <ul class="saved-list stack">
      {items.map((s) => <SavedItem key={s.productId} view={s} currency={currency} />)}
    </ul>
  );
}

function SavedItem({ view, currency }: { view: SavedView; currency: string }) {
  const { t, intl } = useI18n();
  const app = useApp();
  const [error, setError] = useState<string | undefined>(undefined);
  const { item } = view;
  const name = item?.product.name ?? view.productId;
  const remove = (id: ProductId) => saveForLater(app, id, false).catch((e: unknown) => setError(savedErrorText(t, e)));
  return (
    <li class="saved-item">
      <ShopPhoto src={item?.product.photos[0]} alt="" size={64} name={name} />
      <div class="saved-body">
        {item ? (
          <a class="saved-name" href={href({ name: 'product', id: view.productId })}>{name}</a>
        ) : (
          <span class="saved-name">{name}</span>
        )}
        {item ? (
          <>
            <span class="saved-price">
              <Price amount={item.product.price} currency={currency} />
              {view.priceDropped && <span class="saved-was">{t('saved.was', { price: formatMoney(view.was, currency, intl) })}</span>}
            </span>
            {(view.priceDropped || view.backInStock) && (
              <span class="saved-marks">
                {view.priceDropped && <span class="saved-mark saved-mark-price">{t('saved.priceDropped')}</span>}
                {view.backInStock && <span class="saved-mark saved-mark-stock">{t('saved.backInStock')}</span>}
              </span>
            )}
            {item.inventory ? <StockNote inventory={item.inventory} /> : !view.inStock && <span class="stock stock-out">{t('stock.soldOut')}</span>}
          </>
        ) : (
          <span class="saved-gone">{t('saved.gone')}</span>
        )}
        {error && <span class="saved-note saved-note-error" role="alert">{error}</span>}
      </div>
      <button type="button" class="saved-remove" aria-label={t('saved.remove', { name })} title={t('saved.remove', { name })} onClick={() => void remove(view.productId)}>
        <span aria-hidden="true">♥</span>
      </button>
    </li>
  );
}

function ViewedList({ currency }: { currency: string }) {
  const { t } = useI18n();
  const app = useApp();
  const items = useLive(() => listRecentlyViewed(app), [app]);
  const [message, setMessage] = useState<string | undefined>(undefined);
  if (items === undefined) return <p>{t('loading')}</p>;
  const clear = () =>
    clearRecentlyViewed(app).then(() => setMessage(t('saved.cleared')), (e: unknown) => setMessage(savedErrorText(t, e)));
  return (
    <>
      {items.length === 0 ? (
        <p class="saved-muted">{t('saved.viewedEmpty')}</p>
      ) : (
        <>
          <p class="saved-muted">{t('saved.viewedNote', { count: items.length })}</p>
          <ul class="saved-list stack">
            {items.map(({ product, inventory }) => (
              <li key={product.id} class="saved-item">
                <ShopPhoto src={product.photos[0]} alt="" size={64} name={product.name} />
                <div class="saved-body">
                  <a class="saved-name" href={href({ name: 'product', id: product.id })}>{product.name}</a>
                  <span class="saved-price"><Price amount={product.price} currency={currency} /></span>
                  <StockNote inventory={inventory} />
                </div>
              </li>
            ))}
          </ul>
          <button type="button" class="saved-btn" onClick={() => void clear()}>{t('saved.clear')}</button>
        </>
      )}
      <p class="saved-note" aria-live="polite">{message}</p>
    </>
  );
}
