import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  BuyerId, CartLine, Delivery, Payment, PickupPointId, ProductId, ShippingOptionId, ShopProfile, TeamChoice, TeamId,
} from '../../domain/index.ts';
import { placeOrder } from '../../app/actions/place-order.ts';
import { InvalidInputError } from '../../app/errors.ts';
import { getSetting, getShop, setSetting } from '../../app/queries.ts';
import { cartLines, checkoutView, type CheckoutView } from '../../app/shop-queries.ts';
import { isCouponProblem, problemText, type PricingWords } from '../components/shop/pricing-text.ts';
import { QuoteSummary } from '../components/shop/QuoteSummary.tsx';
import { useNow } from '../components/shop/use-now.ts';
import { useOnline } from '../components/shop/use-online.ts';
import { formatDateTime, formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n, type StringKey } from '../i18n/index.ts';
import { href, navigate } from '../router.ts';

interface Form {
  kind: 'ship' | 'pickup';
  optionId: string;
  recipient: string;
  phone: string;
  address: string;
  pointId: string;
  payment: Payment;
}

type Field = 'optionId' | 'recipient' | 'phone' | 'address' | 'pointId';
type Errors = Partial<Record<Field, StringKey>>;

const BLANK: Form = { kind: 'ship', optionId: '', recipient: '', phone: '', address: '', pointId: '', payment: 'wallet' };

/**
 * The checkout: delivery, payment, a summary priced by the shop's own function, and "Place
 * order", which queues the order on this device (it reaches the shop when the device is
 * online). With `team`, a team buy of one unit at the team price, apart from the cart.
 */
export function CheckoutScreen({ team, product }: { team?: string | undefined; product?: string | undefined }) {
  const { t } = useI18n();
  const app = useApp();
  // What was chosen last time (delivery) and the cart's coupon: settings, read once.
  const [saved, setSaved] = useState<{ delivery: Delivery | null; coupon: string } | undefined>();
  useEffect(() => {
    void Promise.all([getSetting('delivery'), getSetting('coupon')]).then(([delivery, coupon]) => setSaved({ delivery, coupon }));
  }, []);
  if (saved === undefined) return <p>{t('loading')}</p>;
  const choice: TeamChoice | undefined = team === undefined || product === undefined ? undefined : team === 'start' ? { action: 'start' } : { action: 'join', teamId: team as TeamId };
  return <CheckoutForm saved={saved} choice={choice} product={product as ProductId | undefined} buyer={app.buyer()} />;
}

function initialForm(saved: Delivery | null): Form {
  if (saved?.kind === 'ship') return { ...BLANK, kind: 'ship', optionId: saved.optionId, recipient: saved.recipient, phone: saved.phone, address: saved.address };
  if (saved?.kind === 'pickup') return { ...BLANK, kind: 'pickup', pointId: saved.pointId };
  return BLANK;
}

/** The delivery as the pricing needs it (the fee depends only on the option), or undefined before one is chosen. */
function deliveryOf(form: Form, shop: ShopProfile | undefined): Delivery | undefined {
  if (form.kind === 'pickup') return form.pointId ? { kind: 'pickup', pointId: form.pointId as PickupPointId } : undefined;
  const optionId = form.optionId || shop?.shippingOptions[0]?.id;
  if (!optionId) return undefined;
  return { kind: 'ship', optionId: optionId as ShippingOptionId, recipient: form.recipient.trim(), phone: form.phone.trim(), address: form.address.trim() };
}

function validate(form: Form, shop: ShopProfile | undefined): Errors {
  const errors: Errors = {};
  if (form.kind === 'pickup') {
    if (!shop?.pickupPoints.some((p) => p.id === form.pointId)) errors.pointId = 'checkout.required.point';
    return errors;
  }
  const optionId = form.optionId || shop?.shippingOptions[0]?.id;
  if (!shop?.shippingOptions.some((o) => o.id === optionId)) errors.optionId = 'checkout.required.option';
  if (form.recipient.trim() === '') errors.recipient = 'checkout.required.recipient';
  const phone = form.phone.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (phone === '') errors.phone = 'checkout.required.phone';
  else if (!/^\+?[\d\s()-]+$/.test(phone) || digits < 7 || digits > 15) errors.phone = 'checkout.invalid.phone';
  if (form.address.trim() === '') errors.address = 'checkout.required.address';
  return errors;
}

interface FormProps {
  saved: { delivery: Delivery | null; coupon: string };
  choice: TeamChoice | undefined;
  product: ProductId | undefined;
  buyer: BuyerId;
}

function CheckoutForm({ saved, choice, product, buyer }: FormProps) {
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
  const coupon = teamBuy ? '' : saved.coupon;

  // The delivery enters the price (shipping), so it is part of what the live query asks.
  const deliveryKey = JSON.stringify([form.kind, form.optionId, form.pointId]);
  const data = useLive(async () => {
    const lines: CartLine[] = teamBuy ? [{ productId: product, qty: 1, mode: 'team' }] : await cartLines(app.db);
    const at = app.now();
    const delivery = deliveryOf(form, await getShop(app.db));
    let view = await checkoutView(app.db, buyer, at, { lines, coupon, delivery, team: choice });
    // A coupon that does not apply is left out (and the buyer told why), rather than blocking the order.
    const couponProblem = view.quote.problems.find(isCouponProblem);
    if (couponProblem) view = { ...(await checkoutView(app.db, buyer, at, { lines, coupon: '', delivery, team: choice })), coupon: view.coupon };
    return { lines, view, couponProblem, usedCoupon: couponProblem ? '' : coupon };
  }, [app, buyer, deliveryKey, tick, coupon, teamBuy ? `${choice.action}|${'teamId' in choice ? choice.teamId : ''}|${product}` : '']);

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
      // Pay on pickup needs a pickup point.
      if (next.kind === 'ship' && next.payment === 'on-pickup') next.payment = 'wallet';
      return next;
    });
  };

  const errors = validate(form, shop);
  const shown: Errors = showErrors ? errors : {};
  const teamProblem = teamBuy ? teamProblemOf(view, choice, product, buyer, app.now()) : undefined;
  const otherProblems = view.quote.problems.filter((p) => !isCouponProblem(p) && p.code !== 'unknown-shipping-option' && p.code !== 'unknown-pickup-point');
  const short = form.payment === 'wallet' && view.quote.total > view.wallet.available ? view.quote.total - view.wallet.available : 0;
  const productName = product ? view.products.get(product)?.name ?? product : '';
  const point = form.kind === 'pickup' ? shop?.pickupPoints.find((p) => p.id === form.pointId) : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (placing) return;
    setShowErrors(true);
    const problems: string[] = [];
    for (const key of Object.values(errors)) problems.push(t(key));
    if (teamProblem) problems.push(t(teamProblem));
    if (!teamBuy && lines.length === 0) problems.push(t('checkout.empty'));
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
      await setSetting('delivery', delivery);
      const id = await placeOrder(app, { lines, coupon: data.usedCoupon || undefined, payment: form.payment, delivery, team: choice, fromCart: !teamBuy });
      navigate({ name: 'order', id });
    } catch (error) {
      setPlacing(false);
      setAlerts(error instanceof InvalidInputError ? error.problems : [t('error.generic', { message: error instanceof Error ? error.message : String(error) })]);
      alertRef.current?.focus();
    }
  };

  const fieldProps = (field: Field) => ({
    id: `co-${field}`,
    'aria-invalid': shown[field] ? true : undefined,
    'aria-describedby': shown[field] ? `co-${field}-error` : undefined,
  });
  const fieldError = (field: Field) =>
    shown[field] ? (
      <p id={`co-${field}-error`} class="field-error">
        {t(shown[field])}
      </p>
    ) : null;

  if (!teamBuy && lines.length === 0) {
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
      ) : (
        <p class="back">
          <a href={href({ name: 'cart' })}>← {t('checkout.backToCart')}</a>
        </p>
      )}
      {teamProblem && <p class="message message-error">{t(teamProblem)}</p>}

      <fieldset>
        <legend>{t('checkout.delivery')}</legend>
        <label class="choice">
          <input type="radio" name="delivery" value="ship" checked={form.kind === 'ship'} onChange={() => update({ kind: 'ship' })} />
          {t('checkout.ship')}
        </label>
        <label class="choice">
          <input type="radio" name="delivery" value="pickup" checked={form.kind === 'pickup'} onChange={() => update({ kind: 'pickup' })} />
          {t('checkout.pickup')}
        </label>
        {form.kind === 'ship' ? (
          <div class="subfields">
            <div class="field">
              <label for="co-optionId">{t('checkout.shippingOption')}</label>
              <select {...fieldProps('optionId')} value={form.optionId || shop?.shippingOptions[0]?.id || ''} onChange={(e) => update({ optionId: e.currentTarget.value })}>
                {shop?.shippingOptions.map((o) => (
                  <option value={o.id}>{t('checkout.option', { name: o.name, fee: money(o.fee) })}</option>
                ))}
              </select>
              {fieldError('optionId')}
            </div>
            <div class="field">
              <label for="co-recipient">{t('checkout.recipient')}</label>
              <input {...fieldProps('recipient')} type="text" autocomplete="name" required maxLength={120} value={form.recipient} onInput={(e) => update({ recipient: e.currentTarget.value })} />
              {fieldError('recipient')}
            </div>
            <div class="field">
              <label for="co-phone">{t('checkout.phone')}</label>
              <input {...fieldProps('phone')} type="tel" autocomplete="tel" inputMode="tel" required maxLength={40} value={form.phone} onInput={(e) => update({ phone: e.currentTarget.value })} />
              {fieldError('phone')}
            </div>
            <div class="field">
              <label for="co-address">{t('checkout.address')}</label>
              <textarea {...fieldProps('address')} autocomplete="street-address" required maxLength={500} rows={3} value={form.address} onInput={(e) => update({ address: e.currentTarget.value })} />
              {fieldError('address')}
            </div>
          </div>
        ) : (
          <div class="subfields">
            <div class="field">
              <label for="co-pointId">{t('checkout.pickupPoint')}</label>
              <select {...fieldProps('pointId')} required value={form.pointId} onChange={(e) => update({ pointId: e.currentTarget.value })}>
                <option value="">{t('checkout.choose')}</option>
                {shop?.pickupPoints.map((p) => (
                  <option value={p.id}>{p.name}</option>
                ))}
              </select>
              {fieldError('pointId')}
              {point && <p class="note">{point.address}</p>}
            </div>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('checkout.payment')}</legend>
        <label class="choice">
          <input type="radio" name="payment" value="wallet" checked={form.payment === 'wallet'} onChange={() => update({ payment: 'wallet' })} />
          {t('checkout.payWallet')}
        </label>
        <p class="note indent">{t('checkout.balance', { amount: money(view.wallet.available) })}</p>
        <label class={form.kind === 'pickup' ? 'choice' : 'choice choice-disabled'}>
          <input
            type="radio"
            name="payment"
            value="on-pickup"
            checked={form.payment === 'on-pickup'}
            disabled={form.kind !== 'pickup'}
            aria-describedby="pay-pickup-hint"
            onChange={() => update({ payment: 'on-pickup' })}
          />
          {t('checkout.payPickup')}
        </label>
        <p id="pay-pickup-hint" class="note indent">
          {t('checkout.payPickupHint')}
        </p>
        {short > 0 && (
          <p class="message message-error">
            {t('checkout.short', { balance: money(view.wallet.available), short: money(short) })}{' '}
            <a href={href({ name: 'wallet' })}>{t('checkout.toWallet')}</a>
          </p>
        )}
      </fieldset>

      <section class="checkout-summary" aria-labelledby="checkout-summary-title">
        <h3 id="checkout-summary-title">{t('summary.title')}</h3>
        <QuoteSummary quote={view.quote} words={words} showLines shippingKnown={deliveryOf(form, shop) !== undefined} />
        {couponProblem && coupon !== '' && <p class="note">{t('checkout.couponNotApplied', { code: coupon, reason: problemText(couponProblem, words) })}</p>}
        {otherProblems.length > 0 && (
          <p class="message message-error">
            {t('checkout.cartProblems')} {!teamBuy && <a href={href({ name: 'cart' })}>{t('checkout.backToCart')}</a>}
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

function focusFirstInvalid(errors: Errors): boolean {
  for (const field of ['optionId', 'recipient', 'phone', 'address', 'pointId'] as const) {
    if (!errors[field]) continue;
    const el = document.getElementById(`co-${field}`);
    if (el) {
      el.focus();
      return true;
    }
  }
  return false;
}

function teamProblemOf(view: CheckoutView, choice: TeamChoice, product: ProductId, buyer: BuyerId, now: number): StringKey | undefined {
  if (!view.products.get(product)?.team) return 'checkout.noTeamOffer';
  if (choice.action === 'start') return undefined;
  const team = view.team;
  if (!team || team.productId !== product) return 'checkout.teamUnknown';
  if (team.members.some((m) => m.buyer === buyer)) return 'checkout.teamMember';
  if (team.status !== 'forming' || team.deadline <= now || team.members.length >= team.size) return 'checkout.teamClosed';
  return undefined;
}

function TeamNote(props: { view: CheckoutView; choice: TeamChoice; productName: string; product: ProductId; money: (n: number) => string }) {
  const { view, choice, productName, product, money } = props;
  const { t, intl } = useI18n();
  const offer = view.products.get(product)?.team;
  if (!offer) return null;
  if (choice.action === 'start') {
    return (
      <div class="team-note">
        <p>{t('checkout.teamStart', { name: productName, price: money(offer.price) })}</p>
        <p class="note">{t('checkout.teamStartNote', { hours: offer.windowHours, size: offer.size })}</p>
      </div>
    );
  }
  const team = view.team;
  if (!team) return null;
  return (
    <div class="team-note">
      <p>{t('checkout.teamJoin', { leader: team.leader, name: productName, price: money(team.price) })}</p>
      <p class="note">{t('checkout.teamJoinNote', { size: team.size, deadline: formatDateTime(team.deadline, intl) })}</p>
    </div>
  );
}
