import type { TeamOnHome } from '../../../app/queries/home-offers.ts';
import { HomeCard, HomeRow } from './HomeRow.tsx';
import { shortMoney } from './short-money.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useI18n } from '../../i18n/index.ts';
import { href, navigate } from '../../router.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Team buys still open, in a row that scrolls sideways: "2 of 3 joined, 5 h left", the team
 * price, and "Join" (straight to the checkout of that team, which says if it cannot be joined).
 * Only the count is shown, never who joined: the public catalog does not say.
 */
export function TeamStrip({ teams, currency }: { teams: TeamOnHome[]; currency: string }) {
  const { t } = useI18n();
  return (
    <HomeRow kind="team" title={t('deals.teams')}>
      {teams.map((item) => (
        <TeamCard key={item.team.id} item={item} currency={currency} />
      ))}
    </HomeRow>
  );
}

function TeamCard({ item, currency }: { item: TeamOnHome; currency: string }) {
  const { t, intl } = useI18n();
  const now = useNow(MINUTE);
  const { team, product, joined, mine } = item;
  const left = Math.max(0, team.deadline - now);
  // Whole hours gone by ("5 h left" from 5 h 59 min down to 5 h), then minutes in the last hour.
  const when = left >= HOUR ? t('deals.hoursLeft', { hours: Math.floor(left / HOUR) }) : t('deals.minutesLeft', { minutes: Math.max(1, Math.ceil(left / MINUTE)) });
  return (
    <HomeCard kind="team" product={product}>
      <p class="home-when">
        {t('deals.joined', { joined, size: team.size })} · {when}
      </p>
      <div class="home-buy">
        <p class="home-price">
          <strong>{t('deals.teamPrice', { price: shortMoney(team.price, currency, intl), size: team.size })}</strong>
        </p>
        {mine ? (
          <a class="button home-action" href={href({ name: 'team', id: team.id })}>
            {t('deals.yours')}
          </a>
        ) : (
          <button
            type="button"
            class="primary home-action"
            aria-label={t('deals.joinLabel', { name: product.name })}
            onClick={() => navigate({ name: 'checkout', team: team.id, product: product.id })}
          >
            {t('deals.join')}
          </button>
        )}
      </div>
    </HomeCard>
  );
}
