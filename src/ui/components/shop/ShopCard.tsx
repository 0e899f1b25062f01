import type { ShopProfile } from '../../../domain/index.ts';
import { formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';

/** The shop behind a product, as a buyer weighs it: refunds, the counterfeit promise, delivery. */
export function ShopCard({ shop }: { shop: ShopProfile | undefined }) {
  const { t, intl } = useI18n();
  if (!shop) return null;
  const fees = shop.shippingOptions.map((o) => o.fee);
  const cheapest = fees.length > 0 ? Math.min(...fees) : undefined;
  return (
    <section class="shop-card" aria-labelledby="shop-card-title">
      <h3 id="shop-card-title">{shop.name}</h3>
      <ul>
        <li>{t('shopcard.escrow')}</li>
        <li>{t('shopcard.refund', { days: shop.policies.refundWindowDays })}</li>
        <li>{t('shopcard.compensation', { multiple: shop.policies.compensationMultiple })}</li>
        {cheapest !== undefined && <li>{t('shopcard.shipping', { fee: formatMoney(cheapest, shop.currency, intl) })}</li>}
        {shop.pickupPoints.length > 0 && <li>{t('shopcard.pickup', { count: shop.pickupPoints.length })}</li>}
      </ul>
    </section>
  );
}
