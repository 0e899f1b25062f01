import { useMemo, useState } from 'preact/hooks';
import type { Promotion, ShopProfile } from '../../../domain/index.ts';
import { newPromotionId, savePromotion } from '../../../app/actions/save-promotion.ts';
import {
  emptyPromotionForm, parsePromotionForm, promotionFormValues, type PromotionFormValues, type PromotionKind,
} from '../../../engines/forms/promotion-form.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { Check, Field } from '../../kit/FormField.tsx';
import { currencySign, moneyReader } from '../../kit/form-errors.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useCheckedForm } from '../../hooks/use-checked-form.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';

interface Props {
  /** The promotion to edit, or undefined for a new one of `kind` (or one not found). */
  promotion: Promotion | undefined;
  kind: PromotionKind | undefined;
  promotions: Promotion[];
  shop: ShopProfile;
  onSaved: (message: string) => void;
}

export function PromotionForm({ promotion, kind, promotions, shop, onSaved }: Props) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  const { form, fields: f, accept, onSubmit } = useCheckedForm('prf', action, shop.currency);
  const reader = useMemo(() => moneyReader(shop.currency, intl), [shop.currency, intl]);
  const [v, setValues] = useState<PromotionFormValues | undefined>(() =>
    promotion ? promotionFormValues(promotion, reader) : kind ? emptyPromotionForm(newPromotionId(app.now()), kind, app.now()) : undefined);
  const back = <a class="acct-back" href={href({ name: 'seller', tab: 'promotions' })}>{t('promoForm.back')}</a>;
  if (v === undefined) {
    return (
      <div class="acct sc">
        {back}
        <p role="alert">{t('promoForm.notFound')}</p>
      </div>
    );
  }
  const set = (patch: Partial<PromotionFormValues>) => setValues((x) => (x ? { ...x, ...patch } : x));
  const sign = currencySign(shop.currency, intl);
  const coupon = v.kind === 'coupon';
  const title = promotion
    ? t('promoForm.editTitle', { label: promotion.label })
    : t(coupon ? 'promoForm.newCoupon' : 'promoForm.newThreshold');

  async function submit(values: PromotionFormValues) {
    const otherCodes = promotions.flatMap((p) => (p.kind === 'coupon' && p.id !== values.id ? [p.code] : []));
    const saved = accept(parsePromotionForm(values, reader, { otherCodes, ...(promotion && { original: promotion }) }));
    if (!saved) return;
    const done = t('promoForm.saved', { label: saved.label });
    const outcome = await action.run(() => savePromotion(app, saved), done);
    if (outcome === 'done' || outcome === 'queued') onSaved(done);
  }

  return (
    <div class="acct sc">
      {back}
      <form
        ref={form}
        class="acct-form sc-form"
        aria-labelledby="prf-title"
        noValidate
        onSubmit={onSubmit(() => submit(v))}
      >
        <h3 id="prf-title">{title}</h3>
        {coupon && (
          <Field {...f} field="code" label={t('promoForm.code')} hint={t('promoForm.codeHint')} value={v.code} maxLength={40} class="sc-upper" onInput={(code) => set({ code })} />
        )}
        <Field {...f} field="label" label={t('promoForm.label')} hint={t(coupon ? 'promoForm.labelHintCoupon' : 'promoForm.labelHint')} value={v.label} maxLength={120} onInput={(label) => set({ label })} />
        {coupon ? (
          <>
            <fieldset class="sc-fieldset">
              <legend>{t('promoForm.discount')}</legend>
              <div class="acct-row">
                <label class="acct-check">
                  <input type="radio" name="prf-kind" checked={v.saveKind === 'amount'} onChange={() => set({ saveKind: 'amount' })} />
                  {t('promoForm.amountOff')}
                </label>
                <label class="acct-check">
                  <input type="radio" name="prf-kind" checked={v.saveKind === 'percent'} onChange={() => set({ saveKind: 'percent' })} />
                  {t('promoForm.percentOff')}
                </label>
              </div>
              {v.saveKind === 'amount' ? (
                <Field {...f} field="amount" kind="money" label={t('promoForm.amount', { sign })} value={v.amount} onInput={(amount) => set({ amount })} />
              ) : (
                <Field {...f} field="percent" kind="count" label={t('promoForm.percent')} value={v.percent} onInput={(percent) => set({ percent })} />
              )}
            </fieldset>
            <Field {...f} field="minSpend" kind="money" label={t('promoForm.minSpend', { sign })} hint={t('promoForm.minSpendHint')} value={v.minSpend} onInput={(minSpend) => set({ minSpend })} />
          </>
        ) : (
          <div class="sc-pair">
            <Field {...f} field="spend" kind="money" label={t('promoForm.spend', { sign })} value={v.spend} onInput={(spend) => set({ spend })} />
            <Field {...f} field="save" kind="money" label={t('promoForm.save', { sign })} value={v.save} onInput={(save) => set({ save })} />
          </div>
        )}
        {!coupon && <Check label={t('promoForm.repeat')} hint={t('promoForm.repeatHint')} checked={v.repeat} onChange={(repeat) => set({ repeat })} />}
        <fieldset class="sc-fieldset">
          <legend>{t('promoForm.when')}</legend>
          {!coupon && <p class="acct-muted">{t('promoForm.whenHint')}</p>}
          <Field {...f} field="startsAt" kind="time" type="datetime-local" label={t('promoForm.starts')} value={v.startsAt} onInput={(startsAt) => set({ startsAt })} />
          <Field {...f} field="endsAt" kind="time" type="datetime-local" label={t('promoForm.ends')} value={v.endsAt} onInput={(endsAt) => set({ endsAt })} />
        </fieldset>
        {coupon && (
          <div class="sc-pair">
            <Field {...f} field="limit" kind="count" label={t('promoForm.limit')} hint={t('promoForm.noLimitHint')} value={v.limit} onInput={(limit) => set({ limit })} />
            <Field {...f} field="perBuyerLimit" kind="count" label={t('promoForm.perBuyer')} hint={t('promoForm.noLimitHint')} value={v.perBuyerLimit} onInput={(perBuyerLimit) => set({ perBuyerLimit })} />
          </div>
        )}
        <Check label={t('promoForm.active')} hint={t('promoForm.activeHint')} checked={v.active} onChange={(active) => set({ active })} />
        <LiveMessage message={action.message} />
        <div class="acct-row sc-actions">
          <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('promoForm.saveButton')}</button>
          <a class="acct-btn" href={href({ name: 'seller', tab: 'promotions' })}>{t('catalogForm.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
