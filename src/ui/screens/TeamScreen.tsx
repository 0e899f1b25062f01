import type { TeamId } from '../../domain/index.ts';
import { isTeamOpen, leaderInitials, teamJoined } from '../../domain/index.ts';
import { teamPage } from '../../app/queries/account.ts';
import { getShop } from '../../app/queries/reads.ts';
import { Countdown } from '../components/Countdown.tsx';
import { Price } from '../components/Price.tsx';
import { ShopPhoto } from '../components/shop/ShopPhoto.tsx';
import { TeamProgress } from '../components/TeamProgress.tsx';
import { formatDateTime, formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href, shareUrl } from '../router.ts';
import { ShareQr } from '../components/seller/ShareQr.tsx';
import './account.css';

/** A team buy, as a shared link opens it: the product, the team price, how full it is, and a way in. */
export function TeamScreen({ id }: { id: string }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const buyer = app.buyer();
  const page = useLive(async () => (await teamPage(app.store, id as TeamId, buyer)) ?? null, [app, id, buyer]);
  const shop = useLive(() => getShop(app.store), [app]);
  const currency = shop?.currency ?? 'CNY';

  if (page === undefined) return <section class="acct"><p>{t('loading')}</p></section>;
  if (page === null) {
    return (
      <section class="acct" aria-labelledby="team-title">
        <h2 id="team-title">{t('teambuy.title')}</h2>
        <p>{t('teambuy.notHere')}</p>
      </section>
    );
  }
  const { team, product, myOrder } = page;
  const name = product?.name ?? team.productId;
  const open = isTeamOpen(team, app.now());
  const full = teamJoined(team) >= team.size;

  return (
    <section class="acct" aria-labelledby="team-title">
      <h2 id="team-title">{t('teambuy.title')}</h2>
      <div class="acct-card acct-team">
        <ShopPhoto src={product?.photos[0]} alt={name} size={96} />
        <div>
          <h3>
            <a href={href({ name: 'product', id: team.productId })}>{name}</a>
          </h3>
          <p class="acct-price-line">
            {t('teambuy.teamPrice')} <strong><Price amount={team.price} currency={currency} /></strong>
          </p>
          {product && product.price !== team.price && (
            <p class="acct-muted">
              {t('teambuy.regularPrice')} <Price amount={product.price} currency={currency} strike />
            </p>
          )}
          <p class="acct-muted">{t('teambuy.startedBy', { leader: leaderInitials(team) })}</p>
        </div>
      </div>
      <p>{t('teambuy.rule', { size: team.size, price: formatMoney(team.price, currency, intl) })}</p>
      <TeamProgress team={team} label={t('teambuy.progress')} />
      <p>{t('teambuy.members', { have: teamJoined(team), size: team.size })}</p>
      {open && (
        <p>
          {t('teambuy.timeLeftLabel')} <Countdown until={team.deadline} label={t('teambuy.timeLeft')} />{' '}
          <span class="acct-muted">({t('teambuy.closes', { date: formatDateTime(team.deadline, intl) })})</span>
        </p>
      )}
      <div class="acct-stack">
        {myOrder !== undefined ? (
          <>
            <p>{t('teambuy.member')}</p>
            <a class="acct-btn" href={href({ name: 'order', id: myOrder })}>{t('teambuy.yourOrder')}</a>
          </>
        ) : team.status === 'succeeded' || (open && full) ? (
          <p class="acct-strong">{t('teambuy.full')}</p>
        ) : !open ? (
          <p class="acct-strong">{t('teambuy.closed')}</p>
        ) : (
          <a class="acct-btn acct-primary" href={href({ name: 'checkout', team: team.id, product: team.productId })}>{t('teambuy.join')}</a>
        )}
      </div>
      {open && !full && (
        // The team's link and QR code, to bring the people it still needs (a seller showing it at the counter too).
        <ShareQr url={shareUrl({ name: 'team', id: team.id })} title={t('teambuy.title')} text={t('teambuy.rule', { size: team.size, price: formatMoney(team.price, currency, intl) })} what={name} />
      )}
    </section>
  );
}
