import { paymentProblem, type ShopProfile } from '../../../../domain/index.ts';
import type { Errors, Field, Form } from '../checkout-form.ts';
import { useI18n } from '../../../i18n/index.ts';
import { href } from '../../../router.ts';

/**
 * The checkout's two choices: how the order comes (shipped to an address, or picked up) and how
 * it is paid (the wallet, or on pickup, which needs a pickup point). `shown` holds the errors
 * said so far; a field with one is marked invalid and described by it.
 */
interface FieldsProps {
  form: Form;
  update: (patch: Partial<Form>) => void;
  shown: Errors;
}

function useFieldHelpers(shown: Errors) {
  const { t } = useI18n();
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
  return { fieldProps, fieldError };
}

export function DeliveryFields({ form, update, shown, shop, money }: FieldsProps & { shop: ShopProfile | undefined; money: (n: number) => string }) {
  const { t } = useI18n();
  const { fieldProps, fieldError } = useFieldHelpers(shown);
  const point = form.kind === 'pickup' ? shop?.pickupPoints.find((p) => p.id === form.pointId) : undefined;
  return (
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
  );
}

export function PaymentFields({ form, update, available, short, money }: Omit<FieldsProps, 'shown'> & { available: number; short: number; money: (n: number) => string }) {
  const { t } = useI18n();
  // Offered only where the shop would take it (the same rule the shop decides by).
  const onPickup = paymentProblem('on-pickup', form) === undefined;
  return (
    <fieldset>
      <legend>{t('checkout.payment')}</legend>
      <label class="choice">
        <input type="radio" name="payment" value="wallet" checked={form.payment === 'wallet'} onChange={() => update({ payment: 'wallet' })} />
        {t('checkout.payWallet')}
      </label>
      <p class="note indent">{t('checkout.balance', { amount: money(available) })}</p>
      <label class={onPickup ? 'choice' : 'choice choice-disabled'}>
        <input
          type="radio"
          name="payment"
          value="on-pickup"
          checked={form.payment === 'on-pickup'}
          disabled={!onPickup}
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
          {t('checkout.short', { balance: money(available), short: money(short) })}{' '}
          <a href={href({ name: 'wallet' })}>{t('checkout.toWallet')}</a>
        </p>
      )}
    </fieldset>
  );
}
