import { useEffect } from 'preact/hooks';
import { listMyOrderItems } from '../../app/queries/my-orders.ts';
import { askPersistOnce } from '../../app/device/persist-storage.ts';
import { getShop } from '../../app/queries/reads.ts';
import { Price } from '../components/Price.tsx';
import { isoTime, orderNumber } from '../kit/labels.ts';
import { StageBadge } from '../components/account/StageBadge.tsx';
import { lazyScreen } from '../lazy-screen.tsx';
import { formatDate } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href } from '../router.ts';
import './account.css';
import { lineName } from '../../domain/orders.ts';

// The way to the person's saved and recently viewed products, where their own things are.
const MyLists = lazyScreen(() => import('../components/saved/parts.ts').then((m) => m.MyLists), ['saved']);

// Messages load when the page does, apart from it (their own chunk and strings), off the first screen's path.
const AskSeller = lazyScreen(() => import('../components/messages/AskSeller.tsx').then((m) => m.AskSeller), ['messages']);
const UpdatesBell = lazyScreen(() => import('../components/messages/UpdatesBell.tsx').then((m) => m.UpdatesBell), ['messages']);

/** The buyer's orders, newest first, each saying where it is: on this device, sent, or the shop's word. */
export function OrdersScreen() {
  const app = useApp();
  const { t, intl } = useI18n();
  const buyer = app.buyer();
  const orders = useLive(() => listMyOrderItems(app.store, buyer), [app, buyer]);
  const shop = useLive(() => getShop(app.store), [app]);
  const currency = shop?.currency ?? 'CNY';
  const hasOrders = (orders?.length ?? 0) > 0;
  // A quiet moment after the first order: ask the browser, once, to keep the data.
  useEffect(() => {
    if (hasOrders) void askPersistOnce();
  }, [hasOrders]);

  return (
    <section class="acct" aria-labelledby="orders-title">
      <h2 id="orders-title">{t('orders.title')}</h2>
      <div class="acct-row">
        <UpdatesBell />
        <AskSeller shopName={shop?.name} />
      </div>
      <MyLists />
      {orders === undefined ? (
        <p>{t('loading')}</p>
      ) : orders.length === 0 ? (
        <div class="acct-empty">
          <p>{t('orders.empty')}</p>
          <a class="acct-btn acct-primary" href={href({ name: 'catalog' })}>{t('orders.browse')}</a>
        </div>
      ) : (
        <ul class="acct-list stack">
          {orders.map((o) => {
            const names = o.lines.map(lineName);
            const shown = names.slice(0, 2).join(', ');
            return (
              <li key={o.id}>
                <a class="acct-card acct-order" href={href({ name: 'order', id: o.id })}>
                  <span class="acct-order-head">
                    <span class="acct-order-no">{t('acct.orderNumber', { number: orderNumber(o.id) })}</span>
                    <StageBadge stage={o.stage} />
                  </span>
                  <span class="acct-order-names">
                    {shown}
                    {names.length > 2 && ` ${t('acct.more', { count: names.length - 2 })}`}
                  </span>
                  <span class="acct-order-foot">
                    <time dateTime={isoTime(o.placedAt)}>{formatDate(o.placedAt, intl)}</time>
                    <Price amount={o.total} currency={currency} />
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
