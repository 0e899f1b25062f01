import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ProductId, ShopProfile } from '../../../domain/index.ts';
import { setProductHidden } from '../../../app/actions/hide-product.ts';
import { getShop, listProducts, type ProductItem } from '../../../app/queries/reads.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useAction, type Message } from '../../hooks/use-action.ts';
import { Price } from '../../components/Price.tsx';
import { ShopPhoto } from '../../components/shop/ShopPhoto.tsx';
import { formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href, navigate } from '../../router.ts';
import { moneyReader } from '../../kit/form-errors.ts';
import { ProductForm } from './ProductForm.tsx';
import { ProductQuickEdit } from './ProductQuickEdit.tsx';
import { ProductQuickOptions } from './ProductQuickOptions.tsx';
import '../account.css';
import './seller-catalog.css';

const PAGE = 50;

/**
 * The seller's products: every one, hidden ones too, with search; `#/seller/products/new`
 * opens the form for a new product and `#/seller/products/<id>` a product's form.
 */
export function ProductsTab({ section }: { section?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const shop = useLive(() => getShop(app.store), [app]);
  // Said on the list after a form is saved and closed (the form is gone by then), by the product saved.
  const [saved, setSaved] = useState<Saved | undefined>(undefined);
  // The list's search, length and place survive a visit to a product's form, so the seller comes back where they were.
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const place = useRef<Place | null>(null);
  if (shop === undefined) return <p role="status">{t('loading')}</p>;
  if (section !== undefined) {
    return (
      <ProductForm
        key={section}
        id={section === 'new' ? undefined : (section as ProductId)}
        shop={shop}
        onSaved={(message) => {
          setSaved({ tone: 'ok', text: message, ...(section !== 'new' && { id: section }) });
          navigate({ name: 'seller', tab: 'products' });
        }}
      />
    );
  }
  return <ProductList shop={shop} saved={saved} search={search} setSearch={setSearch} limit={limit} setLimit={setLimit} place={place} />;
}

type Saved = Message & { id?: string };
/** Where the list was scrolled to when a product's form was opened, and which product. */
interface Place {
  id: string;
  y: number;
}

interface ListProps {
  shop: ShopProfile;
  saved: Saved | undefined;
  search: string;
  setSearch: (search: string) => void;
  limit: number;
  setLimit: (f: (n: number) => number) => void;
  place: { current: Place | null };
}

function ProductList({ shop, saved, search, setSearch, limit, setLimit, place }: ListProps) {
  const app = useApp();
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const page = useLive(() => listProducts(app.store, { search, includeHidden: true, offset: 0, limit }), [app, search, limit]);

  // Back from a product's form: the list is where it was, and after a save the product's Edit
  // link takes focus (its card says what was saved); after a new product, the list's heading.
  const loaded = page !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const was = place.current;
    place.current = null;
    if (was) {
      window.scrollTo(0, was.y);
      if (saved?.id === was.id) document.getElementById(`edit-${was.id}`)?.focus({ preventScroll: true });
    } else if (saved) heading.current?.focus();
  }, [loaded]);

  return (
    <div class="acct sc">
      <div class="sc-head">
        <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>{t('catalogForm.products')}</h3>
        <a class="acct-btn acct-primary" href={href({ name: 'seller', tab: 'products', section: 'new' })}>{t('catalogForm.add')}</a>
      </div>
      <LiveMessage message={action.message ?? (saved?.id === undefined ? saved : undefined)} />
      <div class="sc-field" role="search">
        <label for={`${id}-q`}>{t('catalogForm.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          maxLength={100}
          value={search}
          autoComplete="off"
          onInput={(e) => {
            setSearch(e.currentTarget.value);
            setLimit(() => PAGE);
          }}
        />
      </div>
      {page === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p class="acct-muted" aria-live="polite">
            {search.trim() === '' ? t('catalogForm.count', { count: page.total }) : t('catalogForm.found', { count: page.total })}
          </p>
          <ul class="acct-list sc-products stack" aria-labelledby={`${id}-h`}>
            {page.items.map((item) => (
              <ProductRow
                key={item.product.id}
                item={item}
                shop={shop}
                busy={action.busy}
                saved={saved?.id === item.product.id ? saved : undefined}
                onEdit={() => (place.current = { id: item.product.id, y: window.scrollY })}
                onHidden={(hidden) =>
                  void action.run(
                    () => setProductHidden(app, item.product.id, hidden),
                    t(hidden ? 'catalogForm.hiddenDone' : 'catalogForm.shownDone', { name: item.product.name }),
                  )}
              />
            ))}
          </ul>
          {page.items.length < page.total && (
            <button type="button" class="acct-btn" onClick={() => setLimit((n) => n + PAGE)}>
              {t('catalogForm.more', { count: Math.min(PAGE, page.total - page.items.length) })}
            </button>
          )}
        </>
      )}
    </div>
  );
}

interface RowProps {
  item: ProductItem;
  shop: ShopProfile;
  busy: boolean;
  saved: Message | undefined;
  onEdit: () => void;
  onHidden: (hidden: boolean) => void;
}

function ProductRow({ item, shop, busy, saved, onEdit, onHidden }: RowProps) {
  const { t, intl } = useI18n();
  const { product, inventory } = item;
  const name = product.name;
  const quickAction = useAction();
  const [quick, setQuick] = useState(false);
  const quickButton = useRef<HTMLButtonElement>(null);
  // A product with options has a price and a shelf per combination: a table of them (ProductQuickOptions).
  const withOptions = product.combinations !== undefined;
  const onDone = (done: boolean) => {
    if (!done) quickAction.setMessage(undefined);
    setQuick(false);
    // Focus back where the edit was opened; the page does not move.
    requestAnimationFrame(() => quickButton.current?.focus({ preventScroll: true }));
  };
  return (
    <li class={`acct-card sc-product${product.hidden ? ' sc-hidden' : ''}${quick && withOptions ? ' sc-product-wide' : ''}`}>
      <ShopPhoto src={product.photos[0]} alt="" size={64} name={product.name} />
      <div class="sc-product-body">
        <h4>{name}</h4>
        <p class="acct-line">
          <Price amount={product.price} currency={shop.currency} />
          <span class="acct-muted">{t('catalogForm.inStock', { count: inventory?.stock ?? 0 })}</span>
        </p>
        <p class="sc-badges">
          {product.hidden && <span class="acct-badge acct-badge-off">{t('catalogForm.hiddenBadge')}</span>}
          {product.team && (
            <span class="acct-badge">{t('catalogForm.teamBadge', { size: product.team.size, price: formatMoney(product.team.price, shop.currency, intl) })}</span>
          )}
          {product.flash && (
            <span class="acct-badge acct-badge-warn">{t('catalogForm.flashBadge', { price: formatMoney(product.flash.price, shop.currency, intl) })}</span>
          )}
          {product.category && <span class="acct-muted">{product.category}</span>}
        </p>
        <div class="acct-row">
          <a
            id={`edit-${product.id}`}
            class="acct-btn"
            href={href({ name: 'seller', tab: 'products', section: product.id })}
            aria-label={t('catalogForm.editName', { name })}
            onClick={onEdit}
          >
            {t('catalogForm.edit')}
          </a>
          <button
            type="button"
            class="acct-btn"
            disabled={busy}
            aria-label={t(product.hidden ? 'catalogForm.showName' : 'catalogForm.hideName', { name })}
            onClick={() => onHidden(!product.hidden)}
          >
            {t(product.hidden ? 'catalogForm.show' : 'catalogForm.hide')}
          </button>
          {!quick && (
            <button
              ref={quickButton}
              type="button"
              class="acct-btn"
              aria-label={t('quick.openName', { name })}
              onClick={() => {
                quickAction.setMessage(undefined);
                setQuick(true);
              }}
            >
              {t('quick.open')}
            </button>
          )}
        </div>
        {quick && withOptions ? undefined : quick ? (
          <ProductQuickEdit
            id={product.id}
            name={name}
            priceText={moneyReader(shop.currency, intl).moneyText(product.price)}
            stockText={String(inventory?.stock ?? 0)}
            shop={shop}
            action={quickAction}
            onDone={onDone}
          />
        ) : (
          <LiveMessage message={quickAction.message ?? saved} />
        )}
      </div>
      {/* The combinations' table takes the card's whole width, under the photo too. */}
      {quick && withOptions && <ProductQuickOptions id={product.id} name={name} shop={shop} action={quickAction} onDone={onDone} />}
    </li>
  );
}
