import { getShop } from '../../../../app/queries/reads.ts';
import { productsToTry } from '../../../../app/queries/products-to-try.ts';
import { useApp } from '../../../hooks/use-app.ts';
import { useLive } from '../../../hooks/use-live.ts';
import { useI18n } from '../../../i18n/index.ts';
import { href } from '../../../router.ts';
import { Price } from '../../Price.tsx';
import { ShopPhoto } from '../ShopPhoto.tsx';
import { SoldCount } from '../SoldCount.tsx';
import { formatMoney } from '../../../format.ts';
import './empty-cart.css';

/** How many products an empty cart suggests: two rows of two on a phone. */
const TO_TRY = 4;

/**
 * An empty cart that leads somewhere: a drawn cart, what it means, the way back to the shop (a
 * link, as it goes to another screen, looking like the main button), and a few products to try:
 * on offer first, then the best sellers (products-to-try.ts), each with its offer and units sold.
 * These are cards of their own, not the catalog's ProductCard: importing that from this lazy chunk
 * made the bundler split the first screen's code into more files (700 B more gzip, over the budget).
 */
export function EmptyCart() {
  const { t, intl } = useI18n();
  const app = useApp();
  const data = useLive(async () => {
    const [shop, items] = await Promise.all([getShop(app.store), productsToTry(app.store, TO_TRY)]);
    return { currency: shop?.currency ?? 'CNY', items };
  }, [app]);
  return (
    <div class="empty-cart">
      <svg class="empty-cart-icon" viewBox="0 0 64 64" width="96" height="96" aria-hidden="true" focusable="false">
        <circle cx="32" cy="32" r="31" fill="var(--brand-soft)" />
        <path d="M12 18h6l5 22h22l5-15H21" fill="none" stroke="var(--brand-dark)" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
        <circle cx="26" cy="47" r="3" fill="var(--brand-dark)" />
        <circle cx="42" cy="47" r="3" fill="var(--brand-dark)" />
      </svg>
      <p class="empty-cart-title">{t('cart.empty')}</p>
      <p class="note">{t('cart.emptyHint')}</p>
      <a class="button primary empty-cart-go" href={href({ name: 'catalog' })}>{t('cart.goShopping')}</a>
      {data && data.items.length > 0 && (
        <section class="empty-cart-try" aria-labelledby="empty-cart-try">
          <h3 id="empty-cart-try">{t('cart.toTry')}</h3>
          <ul class="grid">
            {data.items.map(({ product, sold }) => (
              <li class="card" key={product.id}>
                <ShopPhoto src={product.photos[0]} alt="" size={96} name={product.name} />
                <div class="card-body">
                  <h4 class="card-name">
                    <a href={href({ name: 'product', id: product.id })} class="card-link">{product.name}</a>
                  </h4>
                  <div class="card-price"><Price amount={product.price} currency={data.currency} /></div>
                  {product.flash ? (
                    <div class="badge badge-flash">{t('flash.title')} <Price amount={product.flash.price} currency={data.currency} /></div>
                  ) : product.team && (
                    <div class="badge badge-team">{t('badge.team', { size: product.team.size, price: formatMoney(product.team.price, data.currency, intl) })}</div>
                  )}
                  <SoldCount sold={sold} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
