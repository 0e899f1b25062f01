/**
 * Crediting a wallet for money the seller received outside the app (cash at the counter, a
 * bank transfer): amount, how it was paid, a note the buyer sees; asked once more in a dialog
 * before it is done, since it moves money. For one customer, or for a name typed in.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { BuyerId, CreditWallet, ShopProfile } from '../../../domain/index.ts';
import { creditWallet } from '../../../app/actions/credit-wallet.ts';
import { ConfirmDialog } from '../../kit/ConfirmButton.tsx';
import type { Action } from '../../hooks/use-action.ts';
import { readMoney } from '../../../engines/forms/product-form.ts';
import { formatMoney } from '../../format.ts';
import { moneyReader } from '../../kit/form-errors.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';

const METHODS: CreditWallet['method'][] = ['cash', 'bank-transfer', 'other'];

interface Props {
  shop: ShopProfile;
  /** Whose wallet; without it the form asks for the name (offering `known` ones). */
  buyer?: BuyerId;
  known?: readonly string[];
  /** Where the outcome is said (the card's, so it stays after the form closes). */
  action: Action;
  /** Called once the credit is done, and by "Cancel" (which shows only if given). */
  onClose?: () => void;
  /** Moves focus to the amount when the form opens. */
  autoFocus?: boolean;
}

export function CreditForm({ shop, buyer: fixed, known = [], action, onClose, autoFocus = false }: Props) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<CreditWallet['method']>('cash');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; buyer?: string }>({});
  const [asking, setAsking] = useState(false);
  const amountField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) amountField.current?.focus();
  }, []);
  const buyer = (fixed ?? name.trim()) as BuyerId;
  const read = readMoney(amountText, moneyReader(shop.currency, intl));
  const amount = 'value' in read ? read.value : undefined;
  const tooLarge = 'error' in read && read.error.code === 'too-large' ? read.error.max : undefined;
  const shown = amount === undefined ? '' : formatMoney(amount, shop.currency, intl);

  const submit = (e: Event) => {
    e.preventDefault();
    const problems: typeof errors = {};
    if (!fixed && name.trim() === '') problems.buyer = t('customers.buyerRequired');
    // A number past the shop's largest amount is an amount, only too large: the limit is said.
    if (tooLarge !== undefined) problems.amount = t('seller.amountTooLarge', { max: formatMoney(tooLarge, shop.currency, intl) });
    else if (amount === undefined || amount <= 0) problems.amount = t('seller.amountInvalid');
    setErrors(problems);
    if (problems.buyer || problems.amount) return;
    setAsking(true);
  };

  const confirm = () => {
    setAsking(false);
    if (amount === undefined) return;
    void action.run(() => creditWallet(app, buyer, amount, method, note), t('seller.creditDone', { amount: shown, buyer })).then((outcome) => {
      if (outcome !== 'done') return;
      setAmountText('');
      setNote('');
      setName('');
      onClose?.();
    });
  };

  return (
    <form class="acct-form cust-credit" aria-label={fixed ? t('customers.creditOf', { buyer: fixed }) : t('customers.other')} noValidate onSubmit={submit}>
      <p class="acct-muted">{t('customers.creditHelp')}</p>
      {!fixed && (
        <>
          <label for={`${id}-buyer`}>{t('customers.buyer')}</label>
          <input
            id={`${id}-buyer`}
            list={`${id}-known`}
            autoComplete="off"
            autoCapitalize="none"
            value={name}
            maxLength={80}
            aria-invalid={errors.buyer ? true : undefined}
            aria-describedby={errors.buyer ? `${id}-buyer-err` : undefined}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setErrors((x) => ({ ...x, buyer: '' }));
            }}
          />
          <datalist id={`${id}-known`}>{known.map((k) => <option value={k} />)}</datalist>
          {errors.buyer && <p id={`${id}-buyer-err`} class="acct-error">{errors.buyer}</p>}
        </>
      )}
      <label for={`${id}-amount`}>{t('seller.creditAmount')}</label>
      <input
        id={`${id}-amount`}
        ref={amountField}
        inputMode="decimal"
        autoComplete="off"
        maxLength={20}
        value={amountText}
        aria-invalid={errors.amount ? true : undefined}
        aria-describedby={errors.amount ? `${id}-amount-err` : undefined}
        onInput={(e) => {
          setAmountText(e.currentTarget.value);
          setErrors((x) => ({ ...x, amount: '' }));
        }}
      />
      {errors.amount && <p id={`${id}-amount-err`} class="acct-error">{errors.amount}</p>}
      <fieldset class="cust-methods">
        <legend>{t('seller.creditMethod')}</legend>
        {METHODS.map((m) => (
          <label class="acct-check">
            <input type="radio" name={`${id}-method`} value={m} checked={method === m} onChange={() => setMethod(m)} />
            {t(`method.${m}` as const)}
          </label>
        ))}
      </fieldset>
      <label for={`${id}-note`}>{t('seller.creditNote')}</label>
      <input id={`${id}-note`} value={note} maxLength={2000} aria-describedby={`${id}-note-hint`} onInput={(e) => setNote(e.currentTarget.value)} />
      <p id={`${id}-note-hint`} class="acct-muted">{t('customers.noteHint')}</p>
      <div class="acct-row">
        <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('seller.creditSend')}</button>
        {onClose && <button type="button" class="acct-btn" onClick={onClose}>{t('customers.cancel')}</button>}
      </div>
      <ConfirmDialog
        open={asking}
        question={t('seller.creditQuestion', { amount: shown, buyer })}
        body={<p>{t('seller.creditBody')}</p>}
        yes={t('seller.creditSend')}
        onCancel={() => setAsking(false)}
        onConfirm={confirm}
      />
    </form>
  );
}
