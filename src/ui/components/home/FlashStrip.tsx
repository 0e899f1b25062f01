import type { FlashOnHome } from '../../../app/queries/home-offers.ts';
import { HomeCard, HomeRow } from './HomeRow.tsx';
import { shortMoney } from './short-money.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useI18n } from '../../i18n/index.ts';
import { href, navigate } from '../../router.ts';
import { flashPhase } from '../shop/flash-state.ts';
import { TimeLeft } from '../shop/TimeLeft.tsx';

/**
 * The flash sales, one card each in a row that scrolls sideways: the flash price over the list
 * price, a countdown (to the end, or to the start of one to come) and the units left. "Buy now"
 * goes straight to the checkout of one unit at the flash price, as the product page's bar does;
 * for a product with options, "See it" leads to its page, where the buyer chooses a combination.
 */
export function FlashStrip({ items, currency }: { items: FlashOnHome[]; currency: string }) {
  const { t } = useI18n();
  return (
    <HomeRow kind="flash" title={t('deals.flash')}>
      {items.map((item) => (
        <FlashCard key={item.product.id} item={item} currency={currency} />
      ))}
    </HomeRow>
  );
}

function FlashCard({ item, currency }: { item: FlashOnHome; currency: string }) {
  const { t, intl } = useI18n();
  const now = useNow(1000);
  const { product, inventory } = item;
  const flash = product.flash!;
  const state = flashPhase(flash, inventory, now);
  if (state.phase === 'ended') return null;
  const money = (n: number) => shortMoney(n, currency, intl);
  return (
    <HomeCard kind="flash" product={product}>
      <p class="home-when">
        {state.phase === 'upcoming' ? (
          <>
            {t('flash.startsIn')} <TimeLeft until={state.startsAt} label={t('flash.startsIn')} />
          </>
        ) : state.phase === 'on' ? (
          <>
            {t('flash.endsIn')} <TimeLeft until={state.endsAt} label={t('flash.endsIn')} /> · {t('deals.flashLeft', { count: state.left })}
          </>
        ) : (
          t('deals.flashGone')
        )}
      </p>
      <div class="home-buy">
        <p class="home-price">
          {item.span
            // Several combinations, each at its own price: the lowest, and no one price to strike.
            ? <strong>{t('deals.from', { price: money(item.span.min) })}</strong>
            : <><strong>{money(flash.price)}</strong> <s class="home-was">{t('deals.was', { price: money(product.price) })}</s></>}
        </p>
        {state.phase === 'on' && !item.span ? (
          <button
            type="button"
            class="primary home-action"
            aria-label={t('deals.flashBuyLabel', { name: product.name })}
            onClick={() => navigate({ name: 'checkout', product: product.id, buy: 'flash' })}
          >
            {t('deals.flashBuy')}
          </button>
        ) : state.phase === 'upcoming' || (state.phase === 'on' && item.span) ? (
          <a
            class="button home-action"
            href={href({ name: 'product', id: product.id })}
            aria-label={t(state.phase === 'on' ? 'deals.flashChooseLabel' : 'deals.flashSeeLabel', { name: product.name })}
          >
            {t('deals.flashSee')}
          </a>
        ) : null}
      </div>
    </HomeCard>
  );
}
