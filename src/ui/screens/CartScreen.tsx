import { useEffect, useState } from 'preact/hooks';
import { combinationLabel, findCombination, isPromotionLive, lineName, normalizeCouponCode, type Quote, type ThresholdPromotion } from '../../domain/index.ts';
import { MAX_QTY } from '../../domain/pricing/lines.ts';
import { applyCouponCode, isSpentCoupon, type CouponOutcome } from '../../app/actions/apply-coupon-code.ts';
import { setCartQuantity } from '../../app/actions/set-cart-quantity.ts';
import { getMySetting, setMySetting } from '../../app/person-settings.ts';
import { pricedCart, type CartItem, type PricedCart } from '../../app/queries/shop.ts';
import { Price } from '../components/Price.tsx';
import { ShopPhoto } from '../components/shop/ShopPhoto.tsx';
import { isCouponProblem, problemMode, problemText, type PricingWords } from '../components/shop/pricing-text.ts';
import { QuoteSummary } from '../components/shop/QuoteSummary.tsx';
import { useNow } from '../hooks/use-now.ts';
import { formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href, navigate } from '../router.ts';

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
        <>
          <p>{t('cart.empty')}</p>
          <p>
            <a href={href({ name: 'catalog' })}>{t('cart.browse')}</a>
          </p>
        </>
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
      <ThresholdHint data={data} currency={currency} />
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

function CartLineRow({ item, data, words, onMessage }: { item: CartItem; data: PricedCart; words: PricingWords; onMessage: (m: string) => void }) {
  const { t } = useI18n();
  const app = useApp();
  const { row, product, inventory } = item;
  // A product with options: the line names its combination ("Tea, 250 g, tin"), at its price and with its photo.
  const combo = product && findCombination(product, row.combination);
  const name = product ? lineName({ name: product.name, ...(combo && { variant: combinationLabel(product, combo) }) }) : t('cart.unknownProduct');
  const priced = data.quote.lines.find((l) => l.productId === row.productId && l.combination === row.combination && l.mode === row.mode);
  const problems = data.quote.problems.filter(
    (p) => p.productId === row.productId && !isCouponProblem(p) && (problemMode(p) ?? row.mode) === row.mode,
  );
  const [draft, setDraft] = useState<string | undefined>(undefined);
  // What became of a typed quantity that could not be taken as it was (said, never silent).
  const [note, setNote] = useState('');

  // The most this line may hold: the shelf for regular goods, the per-buyer limit for a flash
  // sale, and never more than an order line takes (999).
  const most = Math.min(
    MAX_QTY,
    row.mode === 'flash' && product?.flash
      ? Math.max(0, product.flash.perBuyerLimit - item.flashBought)
      : inventory !== undefined
        ? inventory.stock
        : MAX_QTY,
  );
  const set = async (qty: number) => {
    await setCartQuantity(app, row.productId, Math.max(0, Math.min(MAX_QTY, qty)), row.mode, row.combination);
    if (qty === 0) onMessage(t('cart.removed', { name }));
  };
  // An empty or wrong quantity keeps the line as it was (Remove takes it out); too many is cut
  // to the limit, and both are said.
  const commitDraft = () => {
    if (draft === undefined) return;
    const text = draft.trim();
    const n = Number(text);
    const limit = Math.max(most, 1);
    setDraft(undefined);
    if (text === '' || !Number.isInteger(n) || n < 1) {
      setNote(t('cart.qtyRange', { max: limit }));
    } else if (n > limit) {
      setNote(t('cart.qtyCapped', { max: limit }));
      void set(limit);
    } else {
      setNote('');
      if (n !== row.qty) void set(n);
    }
  };
  const qtyId = `qty-${row.key}`;
  const problemId = `problem-${row.key}`;
  const noteId = `note-${row.key}`;
  const unit = priced?.unitPrice;
  const list = combo?.price ?? product?.price;

  return (
    <li class="cart-line">
      <ShopPhoto src={combo?.photo ?? product?.photos[0]} alt="" size={56} name={name} />
      <div class="cart-line-body">
        <p class="cart-line-name">
          {product ? <a href={href({ name: 'product', id: product.id })}>{name}</a> : name}
          {row.mode !== 'regular' && <span class="tag">{t(row.mode === 'flash' ? 'cart.mode.flash' : 'cart.mode.team')}</span>}
        </p>
        {list !== undefined && (
          <p class="cart-line-price">
            {unit !== undefined && unit < list && (
              <>
                <Price amount={list} currency={words.currency} strike />{' '}
              </>
            )}
            {t('cart.each', { price: formatMoney(unit ?? list, words.currency, words.i18n.intl) })}
          </p>
        )}
      </div>
      {priced && (
        <p class="cart-line-amount">
          {unit !== undefined && unit < priced.listPrice ? (
            <>
              <Price amount={priced.amount} currency={words.currency} strike />
              <br />
              <Price amount={unit * priced.qty} currency={words.currency} />
            </>
          ) : (
            <Price amount={priced.amount} currency={words.currency} />
          )}
        </p>
      )}
      <div class="stepper">
        <button type="button" aria-label={t('cart.decrease', { name })} disabled={row.qty <= 1} onClick={() => void set(row.qty - 1)}>
          −
        </button>
        <label class="sr-only" for={qtyId}>
          {t('cart.qty', { name })}
        </label>
        <input
          id={qtyId}
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(1, most)}
          value={draft ?? String(row.qty)}
          aria-describedby={[note && noteId, problems.length > 0 && problemId].filter(Boolean).join(' ') || undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={commitDraft}
          onKeyDown={(e) => e.key === 'Enter' && commitDraft()}
        />
        <button type="button" aria-label={t('cart.increase', { name })} disabled={row.qty >= most} onClick={() => void set(row.qty + 1)}>
          +
        </button>
        <button type="button" class="link" aria-label={t('cart.remove', { name })} onClick={() => void set(0)}>
          {t('cart.removeShort')}
        </button>
      </div>
      <p class="message message-error" id={noteId} role="status">{note}</p>
      {row.mode === 'regular' && inventory !== undefined && row.qty > inventory.stock && (
        <p class="message message-error">{t('cart.onlyLeft', { count: inventory.stock })}</p>
      )}
      {problems.length > 0 && (
        <ul class="line-problems" id={problemId}>
          {problems.map((p) => (
            <li>{problemText(p, words, product?.flash?.perBuyerLimit)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** "Spend ¥X more to save ¥30": the nearest spend-and-save not reached yet. */
function ThresholdHint({ data, currency }: { data: PricedCart; currency: string }) {
  const { t, intl } = useI18n();
  if (data.quote.discounts.some((d) => d.kind === 'threshold')) return null;
  const eligible = data.quote.lines.filter((l) => l.mode === 'regular').reduce((n, l) => n + l.amount, 0);
  const now = Date.now();
  const next = [...data.promotions.values()]
    .filter((p): p is ThresholdPromotion => p.kind === 'threshold' && isPromotionLive(p, now) && p.spend > eligible)
    .sort((a, b) => a.spend - b.spend)[0];
  if (!next || eligible === 0) return null;
  return (
    <p class="hint">
      {t('cart.thresholdHint', { more: formatMoney(next.spend - eligible, currency, intl), save: formatMoney(next.save, currency, intl) })}
    </p>
  );
}

interface CouponProps {
  coupon: string;
  quote: Quote;
  words: PricingWords;
  onApply: (code: string) => Promise<CouponOutcome>;
  onSave: (code: string) => Promise<void>;
}

function CouponForm({ coupon, quote, words, onApply, onSave }: CouponProps) {
  const { t } = useI18n();
  const [code, setCode] = useState(coupon);
  const [empty, setEmpty] = useState(false);
  // The last code typed that was not kept: said to be wrong, while the cart's coupon stays.
  const [refused, setRefused] = useState<Extract<CouponOutcome, { kind: 'refused' }> | undefined>(undefined);
  const problem = quote.problems.find(isCouponProblem);
  const applied = coupon !== '' && quote.coupon !== undefined;
  const submit = async (e: Event) => {
    e.preventDefault();
    const next = normalizeCouponCode(code);
    setEmpty(next === '');
    setRefused(undefined);
    if (next === '') return;
    setCode(next);
    const outcome = await onApply(next);
    if (outcome.kind === 'refused') setRefused(outcome);
  };
  const message = empty
    ? t('cart.couponEmpty')
    : refused
      ? problemText(refused.problem, { ...words, couponCode: refused.code, coupon: refused.coupon })
      : problem && coupon !== ''
        ? problemText(problem, words)
        : applied
          ? t('cart.couponApplied', { code: quote.coupon ?? coupon })
          : '';
  const bad = empty || refused !== undefined || (problem !== undefined && coupon !== '');
  return (
    <form class="coupon" onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for="coupon-code">{t('cart.coupon')}</label>
        <div class="inline">
          <input
            id="coupon-code"
            type="text"
            autocapitalize="characters"
            autocomplete="off"
            spellcheck={false}
            maxLength={40}
            value={code}
            aria-invalid={bad}
            aria-describedby="coupon-message"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <button type="submit">{t('cart.apply')}</button>
        </div>
      </div>
      <div id="coupon-message" aria-live="polite">
        <p class={bad ? 'message message-error' : 'message message-ok'}>{message}</p>
        {refused?.still && <p class="message message-ok">{t('cart.couponStill', { code: refused.still })}</p>}
      </div>
      {coupon !== '' && (
        <button
          type="button"
          class="link"
          onClick={() => {
            setCode('');
            setEmpty(false);
            setRefused(undefined);
            void onSave('');
          }}
        >
          {t('cart.removeCoupon')}
        </button>
      )}
    </form>
  );
}
