import { offersOnCard } from '../../../domain/offer-price.ts';
import type { ProductItem } from '../../../app/queries/reads.ts';
import { formatCount, formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import { Price } from '../Price.tsx';
import { ShopPhoto } from './ShopPhoto.tsx';
import { FlashBadge } from './FlashBadge.tsx';
import { StockNote } from './StockNote.tsx';
import { RatingText } from './RatingText.tsx';
import { lazyScreen } from '../../lazy-screen.tsx';

// The heart (save for later): its own chunk with its strings, after the first screen; nothing shows until it is there.
const Heart = lazyScreen(() => import('../saved/CardHeart.tsx').then((m) => m.CardHeart), ['saved'], true);

/**
 * A product in the catalog's grid. The name is the one link (so a screen reader's list of
 * links reads as a list of products); the whole card is clickable through it, in CSS.
 */
export function ProductCard({ item, currency }: { item: ProductItem; currency: string }) {
  const { t, intl } = useI18n();
  const { inventory, rating, sold } = item;
  const product = offersOnCard(item.product);
  return (
    <li class="card">
      <ShopPhoto src={product.photos[0]} alt="" size={96} name={product.name} />
      <div class="card-body">
        <h3 class="card-name">
          <a href={href({ name: 'product', id: product.id })} class="card-link">{product.name}</a>
        </h3>
        <div class="card-price">
          <Price amount={product.price} currency={currency} />
        </div>
        {product.team && (
          <div class="badge badge-team">{t('badge.team', { size: product.team.size, price: formatMoney(product.team.price, currency, intl) })}</div>
        )}
        {product.flash && <FlashBadge product={product} inventory={inventory} currency={currency} />}
        <StockNote inventory={inventory} />
        {rating && (
          <span class="rating card-rating">
            <RatingText rating={rating} />
          </span>
        )}
        {sold ? <span class="card-sold">{t('sold.count', { count: formatCount(sold, intl) })}</span> : null}
      </div>
      <Heart productId={product.id} name={product.name} />
    </li>
  );
}
