import { useId, useState } from 'preact/hooks';
import type { ShopProfile } from '../../../domain/index.ts';
import { newRowId, saveShop } from '../../../app/actions/save-shop.ts';
import { currencyCode, parseShopForm, shopFormValues, type ShopFormValues } from '../../../engines/forms/shop-form.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { Check, Field, fieldId } from '../../kit/FormField.tsx';
import { currencySign, moneyReader } from '../../kit/form-errors.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useCheckedForm } from '../../hooks/use-checked-form.ts';
import { useI18n } from '../../i18n/index.ts';

/**
 * The shop's profile and policies, its pickup points and shipping options: what buyers see at
 * checkout and on their orders, and what the shop's authority applies (auto-confirm, refunds,
 * compensation). Filled once from the shop as it is; saved as one `shop.save`.
 */
export function ShopForm({ shop }: { shop: ShopProfile }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const action = useAction();
  const { form, setErrors, fields, accept, onSubmit } = useCheckedForm('sf', action);
  const [v, setValues] = useState<ShopFormValues>(() => shopFormValues(shop, moneyReader(shop.currency, intl)));
  const set = (patch: Partial<ShopFormValues>) => setValues((x) => ({ ...x, ...patch }));
  const typed = currencyCode(v.currency);
  const currency = /^[A-Z]{3}$/.test(typed) ? typed : shop.currency;
  const sign = currencySign(currency, intl);
  const f = { ...fields, currency };

  async function submit() {
    const profile = accept(parseShopForm(v, (c) => moneyReader(c, intl), shop.currency));
    if (!profile) return;
    await action.run(() => saveShop(app, profile), t(app.remote === null ? 'shopForm.saved' : 'shopForm.savedShop'));
  }

  /** Adds a row and moves focus to its first field, so a keyboard user carries on from there. */
  function addRow(list: 'pickupPoints' | 'shippingOptions') {
    const index = v[list].length;
    if (list === 'pickupPoints') set({ pickupPoints: [...v.pickupPoints, { id: newRowId('pp', app.now()), name: '', address: '' }] });
    else set({ shippingOptions: [...v.shippingOptions, { id: newRowId('ship', app.now()), name: '', fee: '' }] });
    requestAnimationFrame(() => document.getElementById(fieldId('sf', `${list}[${index}].name`))?.focus());
  }

  /** Removes a row; errors of rows after it no longer match their places, so the form's errors are cleared. */
  function removeRow(list: 'pickupPoints' | 'shippingOptions', index: number) {
    if (list === 'pickupPoints') set({ pickupPoints: v.pickupPoints.filter((_, i) => i !== index) });
    else set({ shippingOptions: v.shippingOptions.filter((_, i) => i !== index) });
    setErrors({});
    requestAnimationFrame(() => document.getElementById(`${id}-add-${list}`)?.focus());
  }

  return (
    <form
      ref={form}
      class="acct-form sc-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={onSubmit(submit)}
    >
      <h3 id={`${id}-title`}>{t('shopForm.title')}</h3>
      <p class="acct-muted">{t('shopForm.intro')}</p>
      <Field {...f} field="name" label={t('shopForm.name')} value={v.name} maxLength={120} onInput={(name) => set({ name })} />
      <Field {...f} field="currency" label={t('shopForm.currency')} hint={t('shopForm.currencyHint')} value={v.currency} maxLength={3} class="sc-short sc-upper" onInput={(c) => set({ currency: c })} />

      <fieldset class="sc-fieldset">
        <legend>{t('shopForm.policies')}</legend>
        <div class="sc-pair">
          <Field {...f} field="policies.autoConfirmDaysShipped" kind="count" label={t('shopForm.autoShipped')} value={v.autoConfirmDaysShipped} onInput={(x) => set({ autoConfirmDaysShipped: x })} />
          <Field {...f} field="policies.autoConfirmDaysPickup" kind="count" label={t('shopForm.autoPickup')} value={v.autoConfirmDaysPickup} onInput={(x) => set({ autoConfirmDaysPickup: x })} />
        </div>
        <p class="acct-muted">{t('shopForm.autoHint')}</p>
        <div class="sc-pair">
          <Field {...f} field="policies.refundWindowDays" kind="count" label={t('shopForm.refundDays')} value={v.refundWindowDays} onInput={(x) => set({ refundWindowDays: x })} />
          <Field {...f} field="policies.compensationMultiple" kind="count" label={t('shopForm.multiple')} value={v.compensationMultiple} onInput={(x) => set({ compensationMultiple: x })} />
        </div>
        <p class="acct-muted">{t('shopForm.multipleHint')}</p>
        <Check label={t('shopForm.demoTopUps')} hint={t('shopForm.demoTopUpsHint')} checked={v.demoTopUps} onChange={(demoTopUps) => set({ demoTopUps })} />
      </fieldset>

      <fieldset class="sc-fieldset">
        <legend>{t('shopForm.pickupPoints')}</legend>
        {v.pickupPoints.length === 0 && <p class="acct-muted">{t('shopForm.noPickup')}</p>}
        {v.pickupPoints.map((p, i) => (
          <fieldset class="sc-row" key={p.id}>
            <legend>{t('shopForm.pickupN', { n: i + 1 })}</legend>
            <Field {...f} field={`pickupPoints[${i}].name`} label={t('shopForm.pickupName')} value={p.name} maxLength={120}
              onInput={(name) => set({ pickupPoints: v.pickupPoints.map((x, j) => (j === i ? { ...x, name } : x)) })} />
            <Field {...f} field={`pickupPoints[${i}].address`} label={t('shopForm.pickupAddress')} value={p.address} multiline maxLength={500}
              onInput={(address) => set({ pickupPoints: v.pickupPoints.map((x, j) => (j === i ? { ...x, address } : x)) })} />
            <button type="button" class="acct-btn sc-remove" onClick={() => removeRow('pickupPoints', i)}>
              {t('shopForm.removeN', { name: p.name.trim() || t('shopForm.pickupN', { n: i + 1 }) })}
            </button>
          </fieldset>
        ))}
        <button type="button" id={`${id}-add-pickupPoints`} class="acct-btn" onClick={() => addRow('pickupPoints')}>{t('shopForm.addPickup')}</button>
      </fieldset>

      <fieldset class="sc-fieldset">
        <legend>{t('shopForm.shipping')}</legend>
        {v.shippingOptions.length === 0 && <p class="acct-muted">{t('shopForm.noShipping')}</p>}
        {v.shippingOptions.map((s, i) => (
          <fieldset class="sc-row" key={s.id}>
            <legend>{t('shopForm.shippingN', { n: i + 1 })}</legend>
            <Field {...f} field={`shippingOptions[${i}].name`} label={t('shopForm.shippingName')} value={s.name} maxLength={120}
              onInput={(name) => set({ shippingOptions: v.shippingOptions.map((x, j) => (j === i ? { ...x, name } : x)) })} />
            <Field {...f} field={`shippingOptions[${i}].fee`} kind="money" label={t('shopForm.fee', { sign })} hint={t('shopForm.feeHint')} value={s.fee}
              onInput={(fee) => set({ shippingOptions: v.shippingOptions.map((x, j) => (j === i ? { ...x, fee } : x)) })} />
            <button type="button" class="acct-btn sc-remove" onClick={() => removeRow('shippingOptions', i)}>
              {t('shopForm.removeN', { name: s.name.trim() || t('shopForm.shippingN', { n: i + 1 }) })}
            </button>
          </fieldset>
        ))}
        <button type="button" id={`${id}-add-shippingOptions`} class="acct-btn" onClick={() => addRow('shippingOptions')}>{t('shopForm.addShipping')}</button>
      </fieldset>

      <LiveMessage message={action.message} />
      <div class="acct-row sc-actions">
        <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('shopForm.save')}</button>
      </div>
    </form>
  );
}
