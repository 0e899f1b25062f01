import { useEffect, useState } from 'preact/hooks';
import { applyCouponCode, isSpentCoupon, type CouponOutcome } from '../../app/actions/apply-coupon-code.ts';
import { getMySetting, setMySetting } from '../../app/person-settings.ts';
import { pricedCart, type PricedCart } from '../../app/queries/shop.ts';
import { CartLineRow } from '../components/shop/cart/CartLine.tsx';
import { CouponForm } from '../components/shop/cart/CouponForm.tsx';
import { EmptyCart } from '../components/shop/cart/EmptyCart.tsx';
import { ThresholdHint } from '../components/shop/cart/ThresholdHint.tsx';
import { isCouponProblem, type PricingWords } from '../components/shop/pricing-text.ts';
import { QuoteSummary } from '../components/shop/QuoteSummary.tsx';
import { useNow } from '../hooks/use-now.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../router.ts';

/**
 * The cart: quantities, the shop's own price for it with every discount explained, a coupon,
 * and what stands in the way of checking out. It lives in the device's database, so it
 * survives reloads (and is the same in every tab).
 */
export function CartScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const app = useApp();
  const buyer = app.buyer();
  // The coupon is the person's setting (outside the shop's database): read once, then kept here.
  const [coupon, setCoupon] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void getMySetting(app, 'coupon').then(setCoupon);
  }, []);
  // Prices change with the clock (a flash sale starts or ends): look again now and then.
  const tick = useNow(15_000);
  const data = useLive(
    async () => (coupon === undefined ? undefined : pricedCart(app.store, buyer, app.now(), coupon)),
    [app, buyer, coupon, tick],
  );

  // A coupon this buyer has used up (WELCOME10, once used) leaves the cart quietly.
  const spent = coupon !== undefined && coupon !== '' && data !== undefined && data.quote.problems.some(isSpentCoupon);
  useEffect(() => {
    if (spent) void setMySetting(app, 'coupon', '').then(() => setCoupon(''));
  }, [spent]);

  if (coupon === undefined || data === undefined || spent) return <p>{t('loading')}</p>;
  const currency = data.shop?.currency ?? 'CNY';
  const words: PricingWords = {
    i18n,
    currency,
    lines: data.quote.lines,
    promotions: data.promotions,
    couponCode: coupon,
    coupon: data.coupon,
  };

  const saveCoupon = async (next: string) => {
    await setMySetting(app, 'coupon', next);
    setCoupon(next);
  };
  const applyCode = async (code: string) => {
    const outcome = await applyCouponCode(app, code);
    if (outcome.kind === 'kept') setCoupon(outcome.code);
    return outcome;
  };

  return (
    <section class="cart" aria-labelledby="cart-title">
      <h2 id="cart-title">{t('cart.title')}</h2>
      <p class="sr-only" aria-live="polite">{message}</p>
      {data.items.length === 0 ? (
        <EmptyCart />
      ) : (
        <CartBody data={data} words={words} coupon={coupon} onApplyCoupon={applyCode} onSaveCoupon={saveCoupon} onMessage={setMessage} />
      )}
    </section>
  );
}

interface BodyProps {
  data: PricedCart;
  words: PricingWords;
  coupon: string;
  onApplyCoupon: (code: string) => Promise<CouponOutcome>;
  onSaveCoupon: (c: string) => Promise<void>;
  onMessage: (m: string) => void;
}

function CartBody(props: BodyProps) {
  const { data, words, coupon, onMessage } = props;
  const { t } = useI18n();
  const app = useApp();
  const currency = words.currency;
  const lineProblems = data.quote.problems.filter((p) => !isCouponProblem(p) && p.code !== 'empty-cart');
  const overStock = data.items.some((i) => i.row.mode === 'regular' && i.inventory !== undefined && i.row.qty > i.inventory.stock);
  const blocked = lineProblems.length > 0 || overStock;
  return (
    <>
      <ul class="cart-lines" aria-label={t('cart.lines')}>
        {data.items.map((item) => (
          <CartLineRow key={item.row.key} item={item} data={data} words={words} onMessage={onMessage} />
        ))}
      </ul>
      <ThresholdHint data={data} currency={currency} now={app.now()} />
      <CouponForm coupon={coupon} quote={data.quote} words={words} onApply={props.onApplyCoupon} onSave={props.onSaveCoupon} />
      <section aria-labelledby="cart-summary-title">
        <h3 id="cart-summary-title">{t('summary.title')}</h3>
        <QuoteSummary quote={data.quote} words={words} shippingKnown={false} />
      </section>
      {blocked && <p class="message message-error">{t('cart.fixProblems')}</p>}
      <button type="button" class="primary wide" disabled={blocked} onClick={() => navigate({ name: 'checkout' })}>
        {t('cart.checkout')}
      </button>
    </>
  );
}

