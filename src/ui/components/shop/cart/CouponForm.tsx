import { useState } from 'preact/hooks';
import { normalizeCouponCode, type Quote } from '../../../../domain/index.ts';
import type { CouponOutcome } from '../../../../app/actions/apply-coupon-code.ts';
import { isCouponProblem, problemText, type PricingWords } from '../pricing-text.ts';
import { useI18n } from '../../../i18n/index.ts';

/**
 * The cart's coupon: a wrong code is said to be wrong and leaves the coupon already applied in
 * place; Remove coupon takes it out.
 */
interface CouponProps {
  coupon: string;
  quote: Quote;
  words: PricingWords;
  onApply: (code: string) => Promise<CouponOutcome>;
  onSave: (code: string) => Promise<void>;
}

export function CouponForm({ coupon, quote, words, onApply, onSave }: CouponProps) {
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
