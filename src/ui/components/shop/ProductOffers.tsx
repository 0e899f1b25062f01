import { useState } from 'preact/hooks';
import type { CombinationId, Inventory, OfferSpan, Product, Team } from '../../../domain/index.ts';
import { OfferCovers, OfferSpanPrice } from './options/OfferSpan.tsx';
import { flashUnitsLeft } from '../../../domain/catalog.ts';
import { isTeamOpen, isWholeSpan, leaderInitials, teamJoined } from '../../../domain/index.ts';
import { myTeamIds } from '../../../app/queries/shop.ts';
import { useLive } from '../../hooks/use-live.ts';
import { addToCart } from '../../../app/actions/add-to-cart.ts';
import { Price } from '../Price.tsx';
import { TeamProgress } from '../TeamProgress.tsx';
import { flashPhase } from './flash-state.ts';
import { TimeLeft } from './TimeLeft.tsx';
import { useNow } from '../../hooks/use-now.ts';
import { formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { href, navigate } from '../../router.ts';

/**
 * A product's flash sale: its price, the countdown (shown here once), units left, the limit per
 * buyer, and a way to put more than one in the cart (the bar's flash button buys one at once).
 * A product with options puts the chosen combination in the cart, and nothing until one is chosen.
 */
export function FlashOffer(props: {
  product: Product; inventory: Inventory | undefined; currency: string; inCart: number; bought: number;
  combination?: CombinationId | undefined; choosing?: boolean;
  /** Before a combination is chosen: what the sale asks of those it covers (domain offerSpan). */
  span?: OfferSpan | undefined;
}) {
  const { product, inventory, currency, inCart, bought, combination, choosing = false, span } = props;
  const { t } = useI18n();
  const app = useApp();
  const now = useNow(1000);
  const [added, setAdded] = useState(false);
  const flash = product.flash;
  if (!flash) return null;
  const state = flashPhase(flash, inventory, now);
  const reachedLimit = bought + inCart >= flash.perBuyerLimit;

  const add = async () => {
    await addToCart(app, product.id, 'flash', 1, combination);
    setAdded(true);
  };

  return (
    <section class="offer offer-flash" aria-labelledby="flash-title">
      <h3 id="flash-title">{t('flash.title')}</h3>
      <p class="offer-price">
        {span && !isWholeSpan(span)
          // "From" the lowest of several: no one list price to strike through beside it.
          ? <OfferSpanPrice span={span} currency={currency} />
          : <><Price amount={flash.price} currency={currency} /> <Price amount={product.price} currency={currency} strike /></>}
      </p>
      {span && <OfferCovers product={product} span={span} />}
      {state.phase === 'ended' && <p>{t('flash.ended')}</p>}
      {state.phase === 'upcoming' && (
        <p>
          {t('flash.startsIn')} <TimeLeft until={state.startsAt} label={t('flash.startsIn')} /> · {t('flash.left', { count: flashUnitsLeft(flash, inventory) })}
        </p>
      )}
      {state.phase === 'on' && (
        <p>
          {t('flash.endsIn')} <TimeLeft until={state.endsAt} label={t('flash.endsIn')} /> · <strong>{t('flash.left', { count: state.left })}</strong>
        </p>
      )}
      {state.phase === 'sold-out' && (
        <>
          <p>{t('flash.soldOut')}</p>
          <button type="button" disabled>
            {t('stock.soldOut')}
          </button>
        </>
      )}
      {(state.phase === 'on' || state.phase === 'upcoming') && (
        <button type="button" disabled={state.phase !== 'on' || reachedLimit || choosing} onClick={() => void add()}>
          {t('flash.addToCart')}
        </button>
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

/** A product's team buy: what it costs and how it works, and the teams open to join. */
/** `combination`: the one chosen on the page, which a team of any combination is joined with. */
/** `span`: before a combination is chosen, what the team buy asks of those it covers (domain offerSpan). */
export function TeamOffer({ product, teams, currency, combination, span }: {
  product: Product; teams: Team[]; currency: string; combination?: CombinationId | undefined; span?: OfferSpan | undefined;
}) {
  const { t, intl } = useI18n();
  const app = useApp();
  const now = useNow(15_000);
  const buyer = app.buyer();
  // The public copy of a team names no one: the buyer's own orders say which teams are theirs.
  const mine = useLive(() => myTeamIds(app.store, buyer), [app, buyer]);
  const offer = product.team;
  if (!offer) return null;
  const open = teams.filter((team) => isTeamOpen(team, now));
  const teamPriceText = () => {
    const price = formatMoney(span?.min ?? offer.price, currency, intl);
    return span && !isWholeSpan(span) ? t('options.offerFrom', { price }) : price;
  };
  return (
    <section class="offer offer-team" aria-labelledby="team-title">
      <h3 id="team-title">{t('team.title')}</h3>
      <p>{t('team.offer', { price: teamPriceText(), size: offer.size, hours: offer.windowHours })}</p>
      {span && <OfferCovers product={product} span={span} />}
      <h4>{t('team.open')}</h4>
      {open.length === 0 ? (
        <p class="note">{t('team.none')}</p>
      ) : (
        <ul class="teams">
          {open.map((team) => {
            const member = mine?.has(team.id) === true || team.members.some((m) => m.buyer === buyer);
            const full = teamJoined(team) >= team.size;
            const leader = leaderInitials(team);
            return (
              <li class="team">
                <div class="team-info">
                  <span>{t('team.leader', { leader })}</span>
                  <TeamProgress team={team} label={t('team.progress', { leader })} />
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
                    aria-label={t('team.joinLabel', { leader })}
                    onClick={() => navigate({ name: 'checkout', team: team.id, product: product.id, ...(team.anyCombination && combination && { combination }) })}
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
