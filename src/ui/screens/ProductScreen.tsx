import { useState } from 'preact/hooks';
import { hasOptions, offerSpan, ratingOf, reviewerInitials, type CombinationId, type Inventory, type Product, type ProductId, type Review } from '../../domain/index.ts';
import { addToCart } from '../../app/actions/add-to-cart.ts';
import { getProduct, getShop, listCart, listTeams, reviewsOf } from '../../app/queries/reads.ts';
import { flashBoughtBy, flashCount } from '../../app/queries/shop.ts';
import { Price } from '../components/Price.tsx';
import { ShopPhoto } from '../components/shop/ShopPhoto.tsx';
import { BuyBar } from '../components/shop/BuyBar.tsx';
import { FlashOffer, TeamOffer } from '../components/shop/ProductOffers.tsx';
import { ShopCard } from '../components/shop/ShopCard.tsx';
import { lazyScreen } from '../lazy-screen.tsx';
import { StockNote } from '../components/shop/StockNote.tsx';
import { RatingText } from '../components/shop/RatingText.tsx';
import { SoldCount } from '../components/shop/SoldCount.tsx';
import { OptionChips, PriceRange } from '../components/shop/options/OptionChips.tsx';
import { OfferSpanPrice } from '../components/shop/options/OfferSpan.tsx';
import { useOptionChoice } from '../hooks/use-option-choice.ts';
import { formatDate } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href } from '../router.ts';
import { AttachedPhotos } from '../components/photos/AttachedPhotos.tsx';

// The heart and the record of this view (saved products and recently viewed), loaded with the page.
const ProductSaved = lazyScreen(() => import('../components/saved/parts.ts').then((m) => m.ProductSaved), ['saved']);

// Messages load when the page does, apart from it (their own chunk and strings), off the first screen's path.
const AskSeller = lazyScreen(() => import('../components/messages/AskSeller.tsx').then((m) => m.AskSeller), ['messages']);

/** How many reviews the page shows before "all of them". */
const FIRST_REVIEWS = 3;

/**
 * A product page: a large photo, the price block (the team and flash prices beside the list
 * price), the rating, the shop's promises, the offers and reviews; and a bar at the bottom
 * with the ways to buy, always on screen.
 */
export function ProductScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const app = useApp();
  const buyer = app.buyer();
  const data = useLive(async () => {
    const productId = id as ProductId;
    const [item, teams, reviews, shop, cart, bought] = await Promise.all([
      getProduct(app.store, productId),
      listTeams(app.store, productId),
      reviewsOf(app.store, productId),
      getShop(app.store),
      listCart(app.store, buyer),
      flashBoughtBy(app.store, buyer),
    ]);
    const inCart = (mode: string) => cart.filter((r) => r.productId === productId && r.mode === mode);
    return {
      item,
      teams,
      reviews,
      shop,
      currency: shop?.currency ?? 'CNY',
      inCart: inCart('regular'),
      flashInCart: inCart('flash').reduce((n, r) => n + r.qty, 0),
      flashBought: flashCount(bought, item?.product),
    };
  }, [app, id, buyer]);
  // A product with options: the price, stock and photo follow the buyer's choice (options/).
  const choice = useOptionChoice(data?.item?.product, data?.item?.inventory, data?.item?.skus ?? []);

  if (data === undefined) return <p>{t('loading')}</p>;
  const back = (
    <p class="back">
      <a href={href({ name: 'catalog' })}>← {t('product.back')}</a>
    </p>
  );
  if (!data.item || data.item.product.hidden) {
    return (
      <section>
        {back}
        <h2>{t('product.notFound')}</h2>
      </section>
    );
  }
  const listed = data.item.product;
  const { shown: product, inventory, combination } = choice;
  const options = hasOptions(listed);
  const { currency } = data;
  const inCart = data.inCart.find((r) => r.combination === combination?.id)?.qty ?? 0;
  const flashBlocked = product.flash ? data.flashBought + data.flashInCart >= product.flash.perBuyerLimit : true;
  // Before a choice, an offer says what it asks of the combinations it covers (domain offerSpan):
  // "from" its lowest, and which ones, when that is not one price for all; nothing if it covers
  // none for sale. Once chosen, `product` is that combination's (productInCombination).
  const before = options && !combination;
  const teamSpan = before && listed.team ? offerSpan(listed, listed.team) : undefined;
  const flashSpan = before && listed.flash ? offerSpan(listed, listed.flash) : undefined;
  const team = before ? teamSpan && product.team : product.team;
  const flash = before ? flashSpan && product.flash : product.flash;
  return (
    <article class="product product-page" aria-labelledby="product-name">
      {back}
      <div class="product-photo">
        <ShopPhoto src={product.photos[0]} alt={t('product.photo', { name: product.name })} size={200} name={product.name} />
      </div>
      <div class="price-block">
        <p class="product-price">
          {options && !combination ? <PriceRange product={listed} currency={currency} /> : <Price amount={product.price} currency={currency} />}
          {team && (
            <span class="price-alt price-team">
              {t('price.team', { size: team.size })} {teamSpan ? <OfferSpanPrice span={teamSpan} currency={currency} /> : <Price amount={team.price} currency={currency} />}
            </span>
          )}
          {flash && (
            <span class="price-alt price-flash">
              {t('flash.title')} {flashSpan ? <OfferSpanPrice span={flashSpan} currency={currency} /> : <Price amount={flash.price} currency={currency} />}
            </span>
          )}
        </p>
        <h2 id="product-name">{product.name}</h2>
        <ProductSaved productId={product.id} />
        <p class="product-facts">
          <RatingSummary reviews={data.reviews} /> <SoldCount sold={data.item.sold} /> <StockNote inventory={inventory} />
        </p>
      </div>
      {flash && (
        <FlashOffer
          product={product} inventory={inventory} currency={currency} inCart={data.flashInCart} bought={data.flashBought}
          combination={combination?.id} choosing={choice.missing.length > 0} span={flashSpan}
        />
      )}
      {options && <OptionChips product={listed} choice={choice} />}
      <p class="product-description">{product.description}</p>
      <AddToCart product={product} inventory={inventory} inCart={inCart} combination={combination?.id} missing={choice.missing} />
      {team && <TeamOffer product={product} teams={data.teams} currency={currency} combination={combination?.id} span={teamSpan} />}
      <ShopCard shop={data.shop} />
      <AskSeller about={{ product: product.id }} shopName={data.shop?.name} />
      <Reviews reviews={data.reviews} />
      <BuyBar product={product} inventory={inventory} currency={currency} flashBlocked={flashBlocked} combination={combination?.id} missing={choice.missing} />
    </article>
  );
}

/** "★ 4.5 · 2 reviews", linking to them; nothing shown as a rating before anyone has reviewed. */
function RatingSummary({ reviews }: { reviews: Review[] }) {
  const { t } = useI18n();
  const rating = ratingOf(reviews);
  if (rating === undefined) return <span class="rating">{t('reviews.none')}</span>;
  return (
    <a class="rating" href="#reviews-title" onClick={(e) => (e.preventDefault(), document.getElementById('reviews-title')?.scrollIntoView())}>
      <RatingText rating={rating} />
    </a>
  );
}

function AddToCart(props: { product: Product; inventory: Inventory | undefined; inCart: number; combination?: CombinationId | undefined; missing: string[] }) {
  const { product, inventory, inCart, combination, missing } = props;
  const { t } = useI18n();
  const app = useApp();
  const [qty, setQty] = useState('1');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>();
  // Until the shop has said how many there are, the shop decides when the order reaches it.
  const stock = inventory?.stock ?? 999;
  const most = Math.max(0, Math.min(999, stock) - inCart);
  const soldOut = inventory !== undefined && stock <= 0;
  // A product with options: "Choose Weight" until each group has a value.
  const choose = missing.length > 0 ? t('options.choose', { groups: missing.join(t('options.and')) }) : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(qty);
    if (!Number.isInteger(n) || n < 1 || n > most) {
      setMessage({ text: t('product.maxQty', { count: most }), ok: false });
      return;
    }
    try {
      await addToCart(app, product.id, 'regular', n, combination);
      setMessage({ text: t('product.added', { qty: n, name: product.name }), ok: true });
      setQty('1');
    } catch (error) {
      setMessage({ text: t('error.generic', { message: error instanceof Error ? error.message : String(error) }), ok: false });
    }
  };

  return (
    <form class="add-to-cart" onSubmit={submit}>
      <div class="field field-qty">
        <label for="add-qty">{t('product.quantity')}</label>
        <input
          id="add-qty"
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(1, most)}
          value={qty}
          disabled={soldOut || most === 0 || choose !== undefined}
          onInput={(e) => setQty(e.currentTarget.value)}
        />
      </div>
      <button type="submit" disabled={soldOut || most === 0 || choose !== undefined}>
        {choose ?? (soldOut ? t('stock.soldOut') : t('product.add'))}
      </button>
      {inCart > 0 && <p class="note">{t('product.inCart', { count: inCart })}</p>}
      <p class={message?.ok === false ? 'message message-error' : 'message'} aria-live="polite">
        {message?.text}
        {message?.ok && (
          <>
            {' '}
            <a href={href({ name: 'cart' })}>{t('product.viewCart')}</a>
          </>
        )}
      </p>
    </form>
  );
}

function Reviews({ reviews }: { reviews: Review[] }) {
  const { t, intl } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? reviews : reviews.slice(0, FIRST_REVIEWS);
  return (
    <section class="reviews" aria-labelledby="reviews-title">
      <h3 id="reviews-title">{t('reviews.title')}</h3>
      {reviews.length === 0 ? (
        <p class="note">{t('reviews.none')}</p>
      ) : (
        <ul>
          {shown.map((r) => {
            const rating = Math.max(0, Math.min(5, Math.round(r.rating)));
            return (
              <li class="review">
                <p class="stars">
                  <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(5 - rating)}</span> {t('reviews.stars', { rating })}
                </p>
                {r.text && <p>{r.text}</p>}
                <AttachedPhotos refs={r.photos} origin="catalog" />
                <p class="note">{t('reviews.by', { buyer: reviewerInitials(r), date: formatDate(r.at, intl) })}</p>
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < reviews.length && (
        <button type="button" onClick={() => setAll(true)}>
          {t('reviews.all', { count: reviews.length })}
        </button>
      )}
    </section>
  );
}
