/** Pieces every section of the order inbox shares: the section with its count, and an order's card. */
import type { ComponentChildren } from 'preact';
import type { Order, ShopProfile } from '../../../domain/index.ts';
import { Price } from '../../components/Price.tsx';
import { isoTime, orderNumber } from '../../kit/labels.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import type { Message } from '../../hooks/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { lineName } from '../../../domain/orders.ts';

interface SectionProps {
  tab: string;
  title: string;
  count?: number;
  /** What came of the last command here: said even when the section has emptied because of it. */
  message?: Message | undefined;
  children: ComponentChildren;
}

export function Section({ tab, title, count, message, children }: SectionProps) {
  const { t } = useI18n();
  return (
    <section class="acct-section" aria-labelledby={`seller-${tab}`}>
      <h3 id={`seller-${tab}`} tabIndex={-1}>
        {title}
        {count !== undefined && <span class="acct-count"> ({count})</span>}
      </h3>
      <LiveMessage message={message} />
      {count === 0 ? <p class="acct-muted">{t('seller.none')}</p> : children}
    </section>
  );
}

/** An order as the seller sees it: who, what, how much, how it is paid and delivered. */
export function OrderCard({ order, shop, children, extra }: { order: Order; shop: ShopProfile; children?: ComponentChildren; extra?: ComponentChildren }) {
  const { t, intl } = useI18n();
  const id = `so-${order.id}`;
  const point = order.delivery.kind === 'pickup' ? shop.pickupPoints.find((p) => p.id === (order.delivery as { pointId: string }).pointId) : undefined;
  return (
    <article class="acct-card acct-seller-order" aria-labelledby={id}>
      <h4 id={id}>{t('seller.orderOf', { number: orderNumber(order.id), buyer: order.buyer })}</h4>
      {extra}
      <p>{order.lines.map((l) => `${lineName(l)} × ${l.qty}`).join(', ')}</p>
      <p class="acct-line">
        <span class="acct-muted">
          <time dateTime={isoTime(order.placedAt)}>{formatDateTime(order.placedAt, intl)}</time>
          {' · '}
          {t(order.payment === 'wallet' ? 'seller.payWallet' : 'seller.payPickup')}
        </span>
        <Price amount={order.total} currency={shop.currency} />
      </p>
      {order.delivery.kind === 'ship' ? (
        <p class="acct-muted acct-pre">
          {t('order.shipTo', { recipient: order.delivery.recipient, phone: order.delivery.phone })}
          {'\n'}
          {order.delivery.address}
        </p>
      ) : (
        <p class="acct-muted">{t('order.pickupAt', { name: point?.name ?? order.delivery.pointId })}</p>
      )}
      {children}
    </article>
  );
}
