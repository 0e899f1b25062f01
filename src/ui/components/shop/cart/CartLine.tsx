import { useState } from 'preact/hooks';
import { combinationLabel, findCombination, lineName } from '../../../../domain/index.ts';
import { MAX_QTY } from '../../../../domain/pricing/lines.ts';
import { setCartQuantity } from '../../../../app/actions/set-cart-quantity.ts';
import type { CartItem, PricedCart } from '../../../../app/queries/shop.ts';
import { Price } from '../../Price.tsx';
import { ShopPhoto } from '../ShopPhoto.tsx';
import { isCouponProblem, problemMode, problemText, type PricingWords } from '../pricing-text.ts';
import { formatMoney } from '../../../format.ts';
import { useApp } from '../../../hooks/use-app.ts';
import { useI18n } from '../../../i18n/index.ts';
import { href } from '../../../router.ts';

/**
 * One line of the cart: its combination's name, photo and price, a quantity stepper that says
 * what it did with a quantity it could not take, and the shop's problems with the line.
 */
export function CartLineRow({ item, data, words, onMessage }: { item: CartItem; data: PricedCart; words: PricingWords; onMessage: (m: string) => void }) {
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

