import { useEffect, useRef, useState } from 'preact/hooks';
import { joinCombination, paymentProblem, type BuyerId, type CartLine, type CombinationId, type Delivery, type ProductId, type TeamChoice, type TeamId } from '../../domain/index.ts';
import { isSpentCoupon } from '../../app/actions/apply-coupon-code.ts';
import { placeOrder } from '../../app/actions/place-order.ts';
import { InvalidInputError } from '../../app/errors.ts';
import { getMySetting, setMySetting } from '../../app/person-settings.ts';
import { getShop, listTeams } from '../../app/queries/reads.ts';
import { cartLines, checkoutView } from '../../app/queries/shop.ts';
import { isCouponProblem, problemText, type PricingWords } from '../components/shop/pricing-text.ts';
import { QuoteSummary } from '../components/shop/QuoteSummary.tsx';
import { useNow } from '../hooks/use-now.ts';
import { deliveryOf, focusFirstInvalid, initialForm, teamProblemOf, validate, type Errors, type Form } from '../components/shop/checkout-form.ts';
import { TeamNote } from '../components/shop/TeamNote.tsx';
import { DeliveryFields, PaymentFields } from '../components/shop/checkout/CheckoutFields.tsx';
import { useOnline } from '../hooks/use-online.ts';
import { formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href, navigate } from '../router.ts';

/**
 * The checkout: delivery, payment, a summary priced by the shop's own function, and "Place
 * order", which queues the order on this device (it reaches the shop when the device is
 * online). With `team`, a team buy of one unit at the team price, apart from the cart; with
 * `buy` ('regular' or 'flash'), one unit bought now from the product's page, apart from the cart.
 */
export function CheckoutScreen(props: { team?: string | undefined; product?: string | undefined; buy?: string | undefined; combination?: string | undefined }) {
  const { team, product, buy, combination } = props;
  const { t } = useI18n();
  const app = useApp();
  // What this person chose last time (delivery) and their cart's coupon: their settings, read once.
  const [saved, setSaved] = useState<{ delivery: Delivery | null; coupon: string } | undefined>();
  useEffect(() => {
    void Promise.all([getMySetting(app, 'delivery'), getMySetting(app, 'coupon')]).then(([delivery, coupon]) => setSaved({ delivery, coupon }));
  }, []);
  if (saved === undefined) return <p>{t('loading')}</p>;
  const choice: TeamChoice | undefined = team === undefined || product === undefined ? undefined : team === 'start' ? { action: 'start' } : { action: 'join', teamId: team as TeamId };
  const now: CartLine['mode'] | undefined = choice || product === undefined ? undefined : buy === 'flash' ? 'flash' : buy === 'regular' ? 'regular' : undefined;
  return <CheckoutForm saved={saved} choice={choice} product={product as ProductId | undefined} combination={combination as CombinationId | undefined} buyNow={now} buyer={app.buyer()} />;
}

interface FormProps {
  saved: { delivery: Delivery | null; coupon: string };
  choice: TeamChoice | undefined;
  product: ProductId | undefined;
  /** The combination of `product` bought, for a product with options. */
  combination: CombinationId | undefined;
  /** One unit of `product` bought now, in this mode, apart from the cart. */
  buyNow: CartLine['mode'] | undefined;
  buyer: BuyerId;
}

function CheckoutForm({ saved, choice, product, combination, buyNow, buyer }: FormProps) {
  const i18n = useI18n();
  const { t, intl } = i18n;
  const app = useApp();
  const online = useOnline();
  const tick = useNow(15_000);
  const [form, setForm] = useState<Form>(() => initialForm(saved.delivery));
  const [showErrors, setShowErrors] = useState(false);
  const [alerts, setAlerts] = useState<string[]>([]);
  const [placing, setPlacing] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const teamBuy = choice !== undefined && product !== undefined;
  // Bought apart from the cart (a team buy, or "buy now"): one unit, without the cart's coupon.
  const single = teamBuy || (buyNow !== undefined && product !== undefined);
  const coupon = single ? '' : saved.coupon;

  // The delivery enters the price (shipping), so it is part of what the live query asks.
  const deliveryKey = JSON.stringify([form.kind, form.optionId, form.pointId]);
  const data = useLive(async () => {
    // Joining a team of a product with options buys the team's combination (or, in a team of
    // any, the one chosen on the product's page): a link from the home or the team's page names none.
    const team = choice?.action === 'join' && product ? (await listTeams(app.store, product)).find((x) => x.id === choice.teamId) : undefined;
    const bought = team ? joinCombination(team, combination) : combination;
    const lines: CartLine[] = product && single
      ? [{ productId: product, ...(bought && { combination: bought }), qty: 1, mode: teamBuy ? 'team' : buyNow ?? 'regular' }]
      : await cartLines(app.store, buyer);
    const at = app.now();
    const delivery = deliveryOf(form, await getShop(app.store));
    let view = await checkoutView(app.store, buyer, at, { lines, coupon, delivery, team: choice });
    // A coupon that does not apply is left out (and the buyer told why), rather than blocking the order.
    const couponProblem = view.quote.problems.find(isCouponProblem);
    if (couponProblem) view = { ...(await checkoutView(app.store, buyer, at, { lines, coupon: '', delivery, team: choice })), coupon: view.coupon };
    return { lines, view, couponProblem, usedCoupon: couponProblem ? '' : coupon };
  }, [app, buyer, deliveryKey, tick, coupon, teamBuy ? `${choice.action}|${'teamId' in choice ? choice.teamId : ''}|${product}|${combination}` : `${buyNow}|${product}|${combination}`]);

  // A coupon this buyer has used up (WELCOME10, once used) leaves the cart quietly: no note here.
  const spent = data?.couponProblem !== undefined && isSpentCoupon(data.couponProblem);
  useEffect(() => {
    if (spent && !single) void setMySetting(app, 'coupon', '');
  }, [spent]);

  if (data === undefined) return <p>{t('loading')}</p>;
  const { view, lines, couponProblem } = data;
  const shop = view.shop;
  const currency = shop?.currency ?? 'CNY';
  const money = (n: number) => formatMoney(n, currency, intl);
  const words: PricingWords = {
    i18n,
    currency,
    lines: view.quote.lines,
    promotions: view.promotions,
    couponCode: coupon,
    coupon: view.coupon,
    nameOf: (id) => view.products.get(id as ProductId)?.name,
  };

  const update = (patch: Partial<Form>) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      // A way to pay the shop refuses for this delivery (pay on pickup, shipped) goes back to the wallet.
      if (paymentProblem(next.payment, next) !== undefined) next.payment = 'wallet';
      return next;
    });
  };

  const errors = validate(form, shop);
  const shown: Errors = showErrors ? errors : {};
  const teamProblem = teamBuy ? teamProblemOf(view, choice, product, buyer, app.now()) : undefined;
  const otherProblems = view.quote.problems.filter((p) => !isCouponProblem(p) && p.code !== 'unknown-shipping-option' && p.code !== 'unknown-pickup-point');
  const short = form.payment === 'wallet' && view.quote.total > view.wallet.available ? view.quote.total - view.wallet.available : 0;
  const productName = product ? view.products.get(product)?.name ?? product : '';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (placing) return;
    setShowErrors(true);
    const problems: string[] = [];
    for (const key of Object.values(errors)) problems.push(t(key));
    if (teamProblem) problems.push(t(teamProblem));
    if (!single && lines.length === 0) problems.push(t('checkout.empty'));
    for (const p of otherProblems) problems.push(problemText(p, words, view.products.get(p.productId as ProductId)?.flash?.perBuyerLimit));
    if (short > 0) problems.push(t('checkout.short', { balance: money(view.wallet.available), short: money(short) }));
    const delivery = deliveryOf(form, shop);
    if (problems.length > 0 || delivery === undefined) {
      setAlerts(problems);
      if (!focusFirstInvalid(errors)) alertRef.current?.focus();
      return;
    }
    setAlerts([]);
    setPlacing(true);
    try {
      // Remembered first: once the order is queued the cart empties, and this screen moves on at once.
      await setMySetting(app, 'delivery', delivery);
      const id = await placeOrder(app, { lines, coupon: data.usedCoupon || undefined, payment: form.payment, delivery, team: choice, fromCart: !single });
      navigate({ name: 'order', id });
    } catch (error) {
      setPlacing(false);
      setAlerts(error instanceof InvalidInputError ? error.problems : [t('error.generic', { message: error instanceof Error ? error.message : String(error) })]);
      alertRef.current?.focus();
    }
  };

  if (!single && lines.length === 0) {
    return (
      <section aria-labelledby="checkout-title">
        <h2 id="checkout-title">{t('checkout.title')}</h2>
        <p>{t('checkout.empty')}</p>
        <p>
          <a href={href({ name: 'catalog' })}>{t('cart.browse')}</a>
        </p>
      </section>
    );
  }

  return (
    <form class="checkout" aria-labelledby="checkout-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="checkout-title">{t('checkout.title')}</h2>
      {teamBuy ? (
        <TeamNote view={view} choice={choice} productName={productName} money={money} product={product} />
      ) : single ? (
        <p class="back">
          {t('checkout.buyNow', { name: productName })} <a href={href({ name: 'product', id: product ?? '' })}>{t('checkout.backToProduct')}</a>
        </p>
      ) : (
        <p class="back">
          <a href={href({ name: 'cart' })}>← {t('checkout.backToCart')}</a>
        </p>
      )}
      {teamProblem && <p class="message message-error">{t(teamProblem)}</p>}

      <DeliveryFields form={form} update={update} shown={shown} shop={shop} money={money} />
      <PaymentFields form={form} update={update} available={view.wallet.available} short={short} money={money} />

      <section class="checkout-summary" aria-labelledby="checkout-summary-title">
        <h3 id="checkout-summary-title">{t('summary.title')}</h3>
        <QuoteSummary quote={view.quote} words={words} showLines shippingKnown={deliveryOf(form, shop) !== undefined} />
        {couponProblem && coupon !== '' && !spent && <p class="note">{t('checkout.couponNotApplied', { code: coupon, reason: problemText(couponProblem, words) })}</p>}
        {otherProblems.length > 0 && (
          <p class="message message-error">
            {t('checkout.cartProblems')} {!single && <a href={href({ name: 'cart' })}>{t('checkout.backToCart')}</a>}
          </p>
        )}
      </section>

      <div class="alerts" role="alert" tabIndex={-1} ref={alertRef}>
        {alerts.length > 0 && (
          <>
            <p>{t('checkout.fix')}</p>
            <ul>
              {alerts.map((a) => (
                <li>{a}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {!online && <p class="note">{t('checkout.offline')}</p>}
      <button type="submit" class="primary wide" aria-disabled={placing}>
        {placing ? t('checkout.placing') : t('checkout.place')}
      </button>
    </form>
  );
}
