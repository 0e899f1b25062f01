import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { sellerInbox } from '../../../app/queries/seller-inbox.ts';
import { orderMatches } from '../../../app/queries/seller-orders.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useChosenInView } from '../../hooks/use-chosen-in-view.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';
import { href, navigate } from '../../router.ts';
import { Claims, Refunds } from './OrdersAfterSale.tsx';
import { OrderHistory, isHistoryView } from './OrdersHistory.tsx';
import { AtPickup, ToPrepare } from './OrdersPickup.tsx';
import { Recent, Teams } from './OrdersRecent.tsx';
import { ToShip } from './OrdersToShip.tsx';
import { Withdrawals } from './OrdersWithdrawals.tsx';
import '../account.css';
import './seller-orders.css';

/** The list's filters: what waits (by section), then what is past the seller's hands (read from every order). */
const FILTERS: { id: string; label: StringKey }[] = [
  { id: 'waiting', label: 'orders.f.waiting' },
  { id: 'to-ship', label: 'orders.f.toShip' },
  { id: 'pickup', label: 'orders.f.pickup' },
  { id: 'refunds', label: 'orders.f.refunds' },
  { id: 'claims', label: 'orders.f.claims' },
  { id: 'withdrawals', label: 'orders.f.withdrawals' },
  { id: 'teams', label: 'orders.f.teams' },
  { id: 'shipped', label: 'orders.f.shipped' },
  { id: 'completed', label: 'orders.f.completed' },
  { id: 'closed', label: 'orders.f.closed' },
  { id: 'all', label: 'orders.f.all' },
];

/** Older links named the two pickup sections apart, and the shop's latest decisions. */
const ALIASES: Record<string, string> = { 'to-prepare': 'pickup', 'at-pickup': 'pickup', recent: 'waiting' };

/**
 * The seller's orders: what waits for the seller, by section (one file each), each section
 * also a filter of its own; shipped, completed and closed orders with their true current
 * state; and a search (number, buyer, product) over whichever is shown. Every command goes
 * through the same shop authority as the buyers' requests, which runs on this device.
 * `#/seller/orders/<filter>` opens a filter; `?q=` searches it.
 */
export function OrdersTab({ section, q }: { section?: string | undefined; q?: string | undefined }) {
  const app = useApp();
  const { t, locale } = useI18n();
  const id = useId();
  const filter = FILTERS.some((f) => f.id === section) ? section! : (section && ALIASES[section]) || 'waiting';
  // `q`: a link from elsewhere (an order in a conversation) opens the list searched for it.
  const [search, setSearch] = useState(q ?? '');
  useEffect(() => setSearch(q ?? ''), [q]);
  const inbox = useLive(() => sellerInbox(app.store), [app]);
  const shop = useLive(() => getShop(app.store), [app]);
  const filters = useRef<HTMLElement>(null);

  // An old section link (`#/seller/orders/to-prepare`) is shown as its filter.
  useEffect(() => {
    if (section !== undefined && section !== filter) navigate({ name: 'seller', tab: 'orders', section: filter });
  }, [section, filter]);

  // The filters are one row that scrolls sideways: the one shown is scrolled into view (not the page).
  const ready = inbox !== undefined && shop !== undefined;
  useChosenInView(filters, '[aria-current="page"]', [filter, ready, locale]);

  if (!inbox || !shop) return <p role="status">{t('loading')}</p>;
  const match = <T extends Parameters<typeof orderMatches>[0]>(orders: T[]) => orders.filter((o) => orderMatches(o, search));
  const words = search.trim().toLowerCase();
  const counts: Record<string, number> = {
    'to-ship': inbox.toShip.length,
    pickup: inbox.toPrepare.length + inbox.atPickup.length,
    refunds: inbox.refunds.length,
    claims: inbox.claims.length,
    withdrawals: inbox.withdrawals.length,
    teams: inbox.teams.length,
  };
  const shows = (f: string) => filter === 'waiting' || filter === f;

  return (
    <div class="acct acct-seller so">
      <p class="acct-muted">{t(app.remote === null ? 'seller.intro' : 'seller.introShop')}</p>
      <div class="so-search">
        <label for={`${id}-q`}>{t('orders.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={search}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <p id={`${id}-hint`} class="acct-muted">{t('orders.searchHint')}</p>
      </div>
      <nav aria-label={t('orders.filters')} class="so-filters" ref={filters}>
        {FILTERS.map((f) => (
          <a href={href({ name: 'seller', tab: 'orders', section: f.id })} aria-current={filter === f.id ? 'page' : undefined}>
            {t(f.label)}
            {counts[f.id] ? <span class="acct-pill">{counts[f.id]}</span> : null}
          </a>
        ))}
      </nav>
      {isHistoryView(filter) ? (
        <OrderHistory view={filter} search={search} shop={shop} />
      ) : (
        <>
          {shows('to-ship') && <ToShip orders={match(inbox.toShip)} shop={shop} />}
          {shows('pickup') && <ToPrepare orders={match(inbox.toPrepare)} shop={shop} />}
          {shows('pickup') && <AtPickup orders={match(inbox.atPickup)} shop={shop} />}
          {shows('refunds') && <Refunds orders={match(inbox.refunds)} shop={shop} />}
          {shows('claims') && <Claims orders={match(inbox.claims)} shop={shop} />}
          {shows('withdrawals') && <Withdrawals withdrawals={inbox.withdrawals.filter((w) => w.buyer.toLowerCase().includes(words))} shop={shop} />}
          {shows('teams') && <Teams teams={inbox.teams.filter((x) => x.name.toLowerCase().includes(words))} />}
          {filter === 'waiting' && <Recent recent={inbox.recent.filter((r) => orderMatches(r.order, search))} shop={shop} />}
        </>
      )}
      <p><a href={href({ name: 'seller', tab: 'customers' })}>{t('seller.creditInCustomers')}</a></p>
    </div>
  );
}
