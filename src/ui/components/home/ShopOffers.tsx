import { useEffect, useState } from 'preact/hooks';
import { normalizeCouponCode, type CouponPromotion, type ThresholdPromotion } from '../../../domain/catalog.ts';
import { getMySetting } from '../../../app/person-settings.ts';
import { shortMoney } from './short-money.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';

/** Where a coupon stands for this person: not yet claimed, in their cart, used up, or not usable now. */
type Claim = 'open' | 'claimed' | 'used' | 'not-now';

/**
 * The shop's offers: spend-and-save (taken off at checkout by itself) and coupons to claim.
 * "Claim" puts the code in this person's cart as the cart's coupon field does (the same action,
 * so the same rules: a code that waits for more spending is kept); then "Use" leads to the cart.
 */
export function ShopOffers(props: { thresholds: ThresholdPromotion[]; coupons: CouponPromotion[]; currency: string }) {
  const { t, intl } = useI18n();
  const app = useApp();
  const person = app.person();
  const money = (n: number) => shortMoney(n, props.currency, intl);
  // The coupon in this person's cart (their setting, outside the shop's database): read once per person.
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [claims, setClaims] = useState<Record<string, Claim>>({});
  useEffect(() => {
    let live = true;
    setClaims({});
    void getMySetting(app, 'coupon').then((c) => live && setSaved(normalizeCouponCode(c)));
    return () => {
      live = false;
    };
  }, [app, person]);

  const claim = async (code: string) => {
    // The cart's own action, loaded on the first claim (the home is on the first screen's path).
    const { applyCouponCode } = await import('../../../app/actions/apply-coupon-code.ts');
    const outcome = await applyCouponCode(app, code);
    if (outcome.kind === 'kept') setSaved(outcome.code);
    const next: Claim = outcome.kind === 'kept' ? 'claimed' : outcome.problem.code === 'coupon-buyer-limit' ? 'used' : 'not-now';
    setClaims((c) => ({ ...c, [code]: next }));
  };

  return (
    <section class="home-part" aria-labelledby="home-offers-title">
      <h3 id="home-offers-title" class="home-head">
        {t('deals.offers')}
      </h3>
      {/* Coupons first: they have something to do (claim), the offers apply by themselves. */}
      <ul class="home-row home-offers">
        {props.coupons.map((p) => {
          const code = normalizeCouponCode(p.code);
          const state: Claim = claims[code] ?? (saved === code ? 'claimed' : 'open');
          return (
            <li class="home-ticket home-ticket-coupon">
              <div class="home-ticket-text">
                <strong class="home-ticket-big">
                  {p.save.kind === 'amount' ? t('deals.couponAmount', { save: money(p.save.amount) }) : t('deals.couponPercent', { percent: p.save.percent })}
                </strong>
                <span class="home-ticket-note">{p.minSpend > 0 ? t('deals.minSpend', { min: money(p.minSpend) }) : t('deals.anySpend')}</span>
                <code class="home-code">{p.code}</code>
              </div>
              {state === 'open' ? (
                <button type="button" class="primary home-action" aria-label={t('deals.claimLabel', { code: p.code })} onClick={() => void claim(code)}>
                  {t('deals.claim')}
                </button>
              ) : state === 'claimed' ? (
                <span class="home-claimed">
                  <span role="status">{t('deals.claimed')}</span>
                  <a class="button home-action" href={href({ name: 'cart' })} aria-label={t('deals.useLabel', { code: p.code })}>
                    {t('deals.use')}
                  </a>
                </span>
              ) : (
                <span class="home-ticket-note" role="status">
                  {t(state === 'used' ? 'deals.used' : 'deals.notNow')}
                </span>
              )}
            </li>
          );
        })}
        {props.thresholds.map((p) => (
          <li class="home-ticket">
            <strong class="home-ticket-big">{t(p.repeat ? 'deals.spendSaveEvery' : 'deals.spendSave', { spend: money(p.spend), save: money(p.save) })}</strong>
            <span class="home-ticket-note">{t('deals.auto')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
