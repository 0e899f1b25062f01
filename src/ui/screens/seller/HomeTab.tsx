/**
 * The seller's home: today's sales, what waits for the seller (each count a link to its list),
 * the shelves running low, and the shop's link and QR code with a poster to print.
 */
import { useMemo } from 'preact/hooks';
import { LOW_STOCK, sellerHome } from '../../../app/queries/seller-home.ts';
import { shopZone } from '../../../app/queries/money.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { Price } from '../../components/Price.tsx';
import { ShopPhoto } from '../../components/shop/ShopPhoto.tsx';
import { MessagesWaiting } from '../../components/messages/MessagesWaiting.tsx';
import { qrPath, ShareQr } from '../../components/seller/ShareQr.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';
import { href, shareUrl } from '../../router.ts';
import '../account.css';
import './seller-catalog.css';
import './seller-home.css';

/** What waits, in the order a seller deals with it; `section` is the order list's filter it opens. */
const WAITING: { key: keyof Awaited<ReturnType<typeof sellerHome>>['waiting']; label: StringKey; section: string }[] = [
  { key: 'toShip', label: 'home.toShip', section: 'to-ship' },
  { key: 'toHandOver', label: 'home.toHandOver', section: 'pickup' },
  { key: 'refunds', label: 'home.refunds', section: 'refunds' },
  { key: 'claims', label: 'home.claims', section: 'claims' },
  { key: 'withdrawals', label: 'home.withdrawals', section: 'withdrawals' },
  { key: 'teams', label: 'home.teams', section: 'teams' },
];

export function HomeTab() {
  const app = useApp();
  const { t, intl } = useI18n();
  const number = useMemo(() => new Intl.NumberFormat(intl), [intl]);
  const zone = shopZone();
  // Today moves on at midnight: the day's start is read again each minute.
  const dayStart = zone.startOf(zone.dayOf(useNow(60_000)));
  const home = useLive(() => sellerHome(app.store, dayStart), [app, dayStart]);
  const shop = useLive(() => getShop(app.store), [app]);
  if (!home || !shop) return <p role="status">{t('loading')}</p>;
  const name = shop.name || t('share.theShop');
  return (
    <div class="acct sc sh">
      <MessagesWaiting />
      <section class="acct-section" aria-labelledby="home-today">
        <h3 id="home-today">{t('home.today')}</h3>
        <dl class="sh-today">
          <div>
            <dt>{t('home.sales')}</dt>
            <dd class="sh-figure" data-figure="today-sales"><Price amount={home.today.amount} currency={shop.currency} /></dd>
          </div>
          <div>
            <dt>{t('home.orders')}</dt>
            <dd class="sh-figure" data-figure="today-orders">{number.format(home.today.orders)}</dd>
          </div>
        </dl>
        <p class="acct-muted sh-note">{t('home.salesNote')}</p>
      </section>

      <section class="acct-section" aria-labelledby="home-waiting">
        <h3 id="home-waiting">{t('home.waiting')}</h3>
        <ul class="sh-waiting">
          {WAITING.map((w) => {
            const count = home.waiting[w.key];
            return (
              <li>
                <a class={count > 0 ? 'sh-wait sh-wait-on' : 'sh-wait'} href={href({ name: 'seller', tab: 'orders', section: w.section })}>
                  {/* Read as "To ship 3" (two flex items); shown with the count above its label (column-reverse). */}
                  <span class="sh-wait-label">{t(w.label)}</span>
                  <span class="sh-wait-count">{number.format(count)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </section>

      <section class="acct-section" aria-labelledby="home-low">
        <h3 id="home-low">{t('home.low')}</h3>
        {home.low.length === 0 ? (
          <p class="acct-muted">{t('home.lowNone', { count: LOW_STOCK })}</p>
        ) : (
          <ul class="acct-list sh-low stack">
            {home.low.slice(0, 8).map(({ product, inventory }) => (
              <li class="acct-card sh-low-item">
                <ShopPhoto src={product.photos[0]} alt="" size={40} name={product.name} />
                <a href={href({ name: 'seller', tab: 'products', section: product.id })}>{product.name}</a>
                <span class={inventory.stock === 0 ? 'acct-badge acct-badge-off' : 'acct-badge acct-badge-warn'}>
                  {inventory.stock === 0 ? t('home.soldOut') : t('home.left', { count: inventory.stock })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <a class="acct-btn" href={href({ name: 'seller', tab: 'products' })}>{t('home.lowAll')}</a>
      </section>

      <section class="acct-section acct-card" aria-labelledby="home-share">
        <h3 id="home-share">{t('home.share')}</h3>
        <ShareQr url={shareUrl({ name: 'catalog' })} title={name} text={t('share.shopText', { name })} what={name} />
        <button type="button" class="acct-btn" onClick={() => window.print()}>{t('home.print')}</button>
        <p class="acct-muted">{t('home.printNote')}</p>
      </section>
      <Poster name={name} url={shareUrl({ name: 'catalog' })} />
    </div>
  );
}

/** What "Print a poster" prints (print CSS shows it alone): the shop's name, a large QR code, the link. */
function Poster({ name, url }: { name: string; url: string }) {
  const { t } = useI18n();
  const qr = useMemo(() => qrPath(url), [url]);
  return (
    <div class="sh-poster" aria-hidden="true">
      <p class="sh-poster-name">{name}</p>
      <svg viewBox={`0 0 ${qr.size} ${qr.size}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qr.path} fill="#000" />
      </svg>
      <p class="sh-poster-scan">{t('home.posterScan')}</p>
      <p class="sh-poster-url">{url}</p>
    </div>
  );
}
