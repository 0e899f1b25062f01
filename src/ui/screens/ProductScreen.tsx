import { useState } from 'preact/hooks';
import type { Inventory, Product, ProductId, Review, Team } from '../../domain/index.ts';
import { flashUnitsLeft } from '../../domain/catalog.ts';
import { addToCart } from '../../app/actions/add-to-cart.ts';
import { getProduct, getShop, listCart, listTeams, reviewsOf } from '../../app/queries/reads.ts';
import { flashBoughtBy, flashCount } from '../../app/queries/shop.ts';
import { Price } from '../components/Price.tsx';
import { ShopPhoto } from '../components/shop/ShopPhoto.tsx';
import { TeamProgress } from '../components/TeamProgress.tsx';
import { flashPhase } from '../components/shop/flash-state.ts';
import { StockNote } from '../components/shop/StockNote.tsx';
import { TimeLeft, timeLeftText } from '../components/shop/TimeLeft.tsx';
import { useNow } from '../hooks/use-now.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href, navigate } from '../router.ts';

/** A product: photo, price, stock, add to cart; its team buy and flash sale; its reviews. */
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
    const inCart = (mode: string) => cart.find((r) => r.productId === productId && r.mode === mode)?.qty ?? 0;
    return {
      item,
      teams,
      reviews,
      currency: shop?.currency ?? 'CNY',
      inCart: inCart('regular'),
      flashInCart: inCart('flash'),
      flashBought: flashCount(bought, item?.product),
    };
  }, [app, id, buyer]);

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
  const { product, inventory } = data.item;
  const { currency } = data;
  return (
    <article class="product" aria-labelledby="product-name">
      {back}
      <div class="product-head">
        <ShopPhoto src={product.photos[0]} alt={t('product.photo', { name: product.name })} size={160} name={product.name} />
        <div>
          <h2 id="product-name">{product.name}</h2>
          <p class="product-price">
            <Price amount={product.price} currency={currency} />
          </p>
          <StockNote inventory={inventory} />
        </div>
      </div>
      <p class="product-description">{product.description}</p>
      <AddToCart product={product} inventory={inventory} inCart={data.inCart} />
      {product.flash && (
        <FlashOffer product={product} inventory={inventory} currency={currency} inCart={data.flashInCart} bought={data.flashBought} />
      )}
      {product.team && <TeamOffer product={product} teams={data.teams} currency={currency} />}
      <Reviews reviews={data.reviews} />
    </article>
  );
}

function AddToCart({ product, inventory, inCart }: { product: Product; inventory: Inventory | undefined; inCart: number }) {
  const { t } = useI18n();
  const app = useApp();
  const [qty, setQty] = useState('1');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>();
  // Until the shop has said how many there are, the shop decides when the order reaches it.
  const stock = inventory?.stock ?? 999;
  const most = Math.max(0, Math.min(999, stock) - inCart);
  const soldOut = inventory !== undefined && stock <= 0;

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(qty);
    if (!Number.isInteger(n) || n < 1 || n > most) {
      setMessage({ text: t('product.maxQty', { count: most }), ok: false });
      return;
    }
    try {
      await addToCart(app, product.id, 'regular', n);
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
          disabled={soldOut || most === 0}
          onInput={(e) => setQty(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="primary" disabled={soldOut || most === 0}>
        {soldOut ? t('stock.soldOut') : t('product.add')}
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

function FlashOffer(props: { product: Product; inventory: Inventory | undefined; currency: string; inCart: number; bought: number }) {
  const { product, inventory, currency, inCart, bought } = props;
  const { t } = useI18n();
  const app = useApp();
  const now = useNow(1000);
  const [added, setAdded] = useState(false);
  const flash = product.flash;
  if (!flash) return null;
  const state = flashPhase(flash, inventory, now);
  const reachedLimit = bought + inCart >= flash.perBuyerLimit;

  const buy = async () => {
    await addToCart(app, product.id, 'flash', 1);
    setAdded(true);
  };

  return (
    <section class="offer offer-flash" aria-labelledby="flash-title">
      <h3 id="flash-title">{t('flash.title')}</h3>
      <p class="offer-price">
        <Price amount={flash.price} currency={currency} /> <Price amount={product.price} currency={currency} strike />
      </p>
      {state.phase === 'ended' && <p>{t('flash.ended')}</p>}
      {state.phase === 'upcoming' && (
        <>
          <p>
            {t('flash.startsIn')} <TimeLeft until={state.startsAt} label={t('flash.startsIn')} /> · {t('flash.left', { count: flashUnitsLeft(flash, inventory) })}
          </p>
          <button type="button" class="primary" disabled>
            {t('flash.startsInButton', { time: timeLeftText(state.startsAt - now, t) })}
          </button>
        </>
      )}
      {state.phase === 'on' && (
        <>
          <p>
            {t('flash.endsIn')} <TimeLeft until={state.endsAt} label={t('flash.endsIn')} /> · <strong>{t('flash.left', { count: state.left })}</strong>
          </p>
          <button type="button" class="primary" disabled={reachedLimit} onClick={() => void buy()}>
            {t('flash.buy')}
          </button>
        </>
      )}
      {state.phase === 'sold-out' && (
        <>
          <p>{t('flash.soldOut')}</p>
          <button type="button" class="primary" disabled>
            {t('stock.soldOut')}
          </button>
        </>
      )}
      {state.phase !== 'ended' && (
        <p class="note">
          {bought >= flash.perBuyerLimit ? t('flash.reachedLimit', { count: flash.perBuyerLimit }) : t('flash.limit', { count: flash.perBuyerLimit })}
          {inCart > 0 && (
            <>
              {' '}
              {t('flash.inCart', { count: inCart })}
            </>
          )}
        </p>
      )}
      <p class="message" aria-live="polite">
        {added && (
          <>
            {t('flash.added')} <a href={href({ name: 'cart' })}>{t('product.viewCart')}</a>
          </>
        )}
      </p>
    </section>
  );
}

function TeamOffer({ product, teams, currency }: { product: Product; teams: Team[]; currency: string }) {
  const { t, intl } = useI18n();
  const app = useApp();
  const now = useNow(15_000);
  const offer = product.team;
  if (!offer) return null;
  const buyer = app.buyer();
  const open = teams.filter((team) => team.status === 'forming' && team.deadline > now);
  return (
    <section class="offer offer-team" aria-labelledby="team-title">
      <h3 id="team-title">{t('team.title')}</h3>
      <p class="offer-price">
        <Price amount={offer.price} currency={currency} /> <Price amount={product.price} currency={currency} strike />
      </p>
      <p>{t('team.offer', { price: formatMoney(offer.price, currency, intl), size: offer.size, hours: offer.windowHours })}</p>
      <p>
        <button type="button" class="primary" onClick={() => navigate({ name: 'checkout', team: 'start', product: product.id })}>
          {t('team.start')}
        </button>
      </p>
      <h4>{t('team.open')}</h4>
      {open.length === 0 ? (
        <p class="note">{t('team.none')}</p>
      ) : (
        <ul class="teams">
          {open.map((team) => {
            const member = team.members.some((m) => m.buyer === buyer);
            const full = team.members.length >= team.size;
            return (
              <li class="team">
                <div class="team-info">
                  <span>{t('team.leader', { leader: team.leader })}</span>
                  <TeamProgress team={team} label={t('team.progress', { leader: team.leader })} />
                  <span>
                    {t('team.timeLeft')} <TimeLeft until={team.deadline} label={t('team.timeLeft')} />
                  </span>
                </div>
                {member ? (
                  <a href={href({ name: 'team', id: team.id })}>{t('team.member')}</a>
                ) : full ? (
                  <span>{t('team.full')}</span>
                ) : (
                  <button
                    type="button"
                    aria-label={t('team.joinLabel', { leader: team.leader })}
                    onClick={() => navigate({ name: 'checkout', team: team.id, product: product.id })}
                  >
                    {t('team.join')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Reviews({ reviews }: { reviews: Review[] }) {
  const { t, intl } = useI18n();
  return (
    <section class="reviews" aria-labelledby="reviews-title">
      <h3 id="reviews-title">{t('reviews.title')}</h3>
      {reviews.length === 0 ? (
        <p class="note">{t('reviews.none')}</p>
      ) : (
        <ul>
          {reviews.map((r) => {
            const rating = Math.max(0, Math.min(5, Math.round(r.rating)));
            return (
              <li class="review">
                <p class="stars">
                  <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(5 - rating)}</span> {t('reviews.stars', { rating })}
                </p>
                {r.text && <p>{r.text}</p>}
                <p class="note">{t('reviews.by', { buyer: r.buyer, date: formatDate(r.at, intl) })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
