import { useEffect } from 'preact/hooks';
import { sellerInbox } from '../../../app/queries/seller-inbox.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import { Claims, Refunds } from './OrdersAfterSale.tsx';
import { AtPickup, ToPrepare } from './OrdersPickup.tsx';
import { Recent, Teams } from './OrdersRecent.tsx';
import { ToShip } from './OrdersToShip.tsx';
import { Withdrawals } from './OrdersWithdrawals.tsx';
import '../account.css';

const SECTIONS: { tab: string; title: StringKey }[] = [
  { tab: 'to-ship', title: 'seller.toShip' },
  { tab: 'to-prepare', title: 'seller.toPrepare' },
  { tab: 'at-pickup', title: 'seller.atPickup' },
  { tab: 'refunds', title: 'seller.refunds' },
  { tab: 'claims', title: 'seller.claims' },
  { tab: 'withdrawals', title: 'seller.withdrawals' },
  { tab: 'teams', title: 'seller.forming' },
  { tab: 'recent', title: 'seller.recent' },
];

/**
 * The seller's order inbox: what waits for the seller, by section (one file each). Every
 * command goes through the same shop authority as the buyers' requests, which runs on this
 * device (the demo's in this browser; a real shop's on the seller's phone, reaching buyers
 * through the server). Crediting a wallet lives with the customers, linked from here.
 */
export function OrdersTab({ section: tab }: { section?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const inbox = useLive(() => sellerInbox(app.store), [app]);
  const shop = useLive(() => getShop(app.store), [app]);

  // `#/seller/orders/refunds` brings that section into view (hash links cannot, the router owns the hash).
  useEffect(() => {
    if (!tab || !inbox) return;
    const heading = document.getElementById(`seller-${tab === 'pickup' ? 'to-prepare' : tab}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [tab, inbox !== undefined]);

  if (!inbox || !shop) return <p role="status">{t('loading')}</p>;
  const counts: Record<string, number> = {
    'to-ship': inbox.toShip.length,
    'to-prepare': inbox.toPrepare.length,
    'at-pickup': inbox.atPickup.length,
    refunds: inbox.refunds.length,
    claims: inbox.claims.length,
    withdrawals: inbox.withdrawals.length,
    teams: inbox.teams.length,
  };

  return (
    <div class="acct acct-seller">
      <p class="acct-muted">{t(app.remote === null ? 'seller.intro' : 'seller.introShop')}</p>
      <nav aria-label={t('seller.sections')} class="acct-tabs">
        {SECTIONS.map((s) => (
          <a href={href({ name: 'seller', tab: 'orders', section: s.tab })} aria-current={tab === s.tab ? 'location' : undefined}>
            {t(s.title)}
            {counts[s.tab] ? <span class="acct-pill">{counts[s.tab]}</span> : null}
          </a>
        ))}
        <a href={href({ name: 'seller', tab: 'customers' })}>{t('seller.creditInCustomers')}</a>
      </nav>
      <ToShip orders={inbox.toShip} shop={shop} />
      <ToPrepare orders={inbox.toPrepare} shop={shop} />
      <AtPickup orders={inbox.atPickup} shop={shop} />
      <Refunds orders={inbox.refunds} shop={shop} />
      <Claims orders={inbox.claims} shop={shop} />
      <Withdrawals withdrawals={inbox.withdrawals} shop={shop} />
      <Teams teams={inbox.teams} />
      <Recent recent={inbox.recent} shop={shop} />
    </div>
  );
}
