/**
 * A coupon the seller sent into a conversation, as a card: its code and what it saves, and for
 * the buyer "Put it in my cart", the same action as the cart's coupon field and the home's
 * "Claim" (so the same rules say whether it applies). A coupon that no longer runs says so.
 */
import { useState } from 'preact/hooks';
import { couponCard } from '../../../app/queries/message-cards.ts';
import { formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';

type Claim = 'open' | 'claimed' | 'used' | 'not-now';

export function CouponCard({ code, side }: { code: string; side: 'buyer' | 'seller' }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const view = useLive(() => couponCard(app.store, code, app.now()), [app, code]);
  const [claim, setClaim] = useState<Claim>('open');
  if (!view) return <div class="msg-card msg-coupon">{t('msg.aboutCoupon', { code })}</div>;
  const { coupon, currency } = view;
  const money = (n: number) => formatMoney(n, currency, intl);
  const put = async () => {
    const { applyCouponCode } = await import('../../../app/actions/apply-coupon-code.ts');
    const outcome = await applyCouponCode(app, view.code);
    setClaim(outcome.kind === 'kept' ? 'claimed' : outcome.problem.code === 'coupon-buyer-limit' ? 'used' : 'not-now');
  };
  return (
    <div class="msg-card msg-coupon">
      <strong>{t('msg.aboutCoupon', { code: view.code })}</strong>
      {coupon ? (
        <span class="msg-card-sub">
          {coupon.save.kind === 'amount' ? t('msg.couponAmount', { save: money(coupon.save.amount) }) : t('msg.couponPercent', { percent: coupon.save.percent })}
          {' · '}
          {coupon.minSpend > 0 ? t('msg.couponMin', { min: money(coupon.minSpend) }) : t('msg.couponAny')}
        </span>
      ) : (
        <span class="msg-card-sub">{t('msg.couponEnded')}</span>
      )}
      {side === 'buyer' && coupon && (
        claim === 'open' ? (
          <button type="button" class="acct-btn acct-primary msg-coupon-use" onClick={() => void put()}>{t('msg.couponUse', { code: view.code })}</button>
        ) : claim === 'claimed' ? (
          <span class="msg-card-sub" role="status">
            {t('msg.couponInCart')} <a href={href({ name: 'cart' })}>{t('msg.couponGoCart')}</a>
          </span>
        ) : (
          <span class="msg-card-sub" role="status">{t(claim === 'used' ? 'msg.couponUsed' : 'msg.couponNotNow')}</span>
        )
      )}
    </div>
  );
}
