/** What the seller watches but does not act on: team buys still filling, and the shop's latest decisions. */
import type { ShopProfile, Team } from '../../../domain/index.ts';
import { teamJoined } from '../../../domain/index.ts';
import type { RecentDecision } from '../../../app/queries/seller-inbox.ts';
import { Price } from '../../components/Price.tsx';
import { StageBadge } from '../../components/account/StageBadge.tsx';
import { isoTime, orderNumber, reasonText } from '../../kit/labels.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import { Section } from './orders-parts.tsx';
import { lineName } from '../../../domain/orders.ts';

export function Teams({ teams }: { teams: { team: Team; name: string }[] }) {
  const { t, intl } = useI18n();
  return (
    <Section tab="teams" title={t('seller.forming')} count={teams.length}>
      <ul class="acct-list stack">
        {teams.map(({ team, name }) => (
          <li class="acct-line">
            <a href={href({ name: 'team', id: team.id })}>{name}</a>
            <span class="acct-muted">
              {t('teambuy.members', { have: teamJoined(team), size: team.size })} · {t('teambuy.closes', { date: formatDateTime(team.deadline, intl) })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function Recent({ recent, shop }: { recent: RecentDecision[]; shop: ShopProfile }) {
  const { t, intl } = useI18n();
  return (
    <Section tab="recent" title={t('seller.recent')} {...(recent.length === 0 && { count: 0 })}>
      <ul class="acct-list stack">
        {recent.map((r) => (
          <li class="acct-card">
            <p class="acct-line">
              <span class="acct-strong">{t('seller.orderOf', { number: orderNumber(r.order.id), buyer: r.order.buyer })}</span>
              <Price amount={r.order.total} currency={shop.currency} />
            </p>
            <p class="acct-muted">
              <time dateTime={isoTime(r.at)}>{formatDateTime(r.at, intl)}</time> · {r.order.lines.map(lineName).join(', ')}
            </p>
            <p class={r.kind === 'order.rejected' ? 'acct-error' : ''}>
              {r.kind === 'order.accepted' ? t('seller.recentAccepted') : t('seller.recentRejected', { reason: reasonText(t, r.reason, r.message) })}
              {/* Where it is now: "Accepted" alone would stay after it was shipped, received or refunded. */}
              {r.kind === 'order.accepted' && r.now !== 'accepted' && (
                <>
                  {' · '}
                  {t('orders.now')} <StageBadge stage={r.now} />
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
