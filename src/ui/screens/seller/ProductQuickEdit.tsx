/**
 * Stock and price changed in the product list, without the whole form: the same checks as the
 * form (a team or flash price must stay below the price, a sale's units within the stock), the
 * same save (made from what the shop had when saving, so sales meanwhile are kept), and the
 * list stays where it was.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ProductId, ShopProfile } from '../../../domain/index.ts';
import { saveProduct } from '../../../app/actions/save-product.ts';
import { productToEdit } from '../../../app/queries/seller-catalog.ts';
import { parseProductForm, productFormValues, type FieldErrors } from '../../../engines/forms/product-form.ts';
import { formatMoney } from '../../format.ts';
import { Field } from '../../kit/FormField.tsx';
import { currencySign, fixMessage, moneyReader } from '../../kit/form-errors.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import type { Action } from '../../hooks/use-action.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  id: ProductId;
  name: string;
  /** What the list shows now, as the fields' first values. */
  priceText: string;
  stockText: string;
  shop: ShopProfile;
  action: Action;
  onDone: (saved: boolean) => void;
}

/** Fields of the whole form that the quick edit shows: an error on another one is said by the price (what changed). */
const OWN = new Set(['price', 'stock']);

export function ProductQuickEdit({ id, name, priceText, stockText, shop, action, onDone }: Props) {
  const app = useApp();
  const { t, intl } = useI18n();
  const reader = useMemo(() => moneyReader(shop.currency, intl), [shop.currency, intl]);
  const [price, setPrice] = useState(priceText);
  const [stock, setStock] = useState(stockText);
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = `qe-${id}`;
  // A field changed is no longer marked; once none is, "Nothing was saved" goes too.
  const onFix = (field: string) => {
    const left = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== field));
    setErrors(left);
    action.setMessage(Object.keys(left).length === 0 ? undefined : { tone: 'error', text: fixMessage(t, left) });
  };

  async function save() {
    const item = await productToEdit(app.store, id);
    if (!item) return onDone(false);
    const values = { ...productFormValues(item.product, item.inventory, reader, app.now()), price, stock };
    const result = parseProductForm(values, reader, item.product, item.inventory?.flashSold ?? 0);
    if (!result.ok) {
      // A team or flash price no longer below the new price, or a sale's units over the new stock:
      // said at the field changed, naming the offer (whose own fields are in the product's form).
      const mine: FieldErrors = {};
      for (const [field, error] of Object.entries(result.errors)) {
        if (OWN.has(field)) mine[field] ??= error;
        else if (field.startsWith('flash.stock')) mine.stock ??= error;
        else if (error.code === 'not-below-price' && (field === 'team.price' || field === 'flash.price')) {
          const offer = field === 'team.price' ? item.product.team : item.product.flash;
          const what = t(field === 'team.price' ? 'quick.team' : 'quick.flash');
          mine.price ??= { code: 'invalid', message: t('quick.err.offer', { what, price: formatMoney(offer?.price ?? 0, shop.currency, intl) }) };
        } else mine.price ??= error;
      }
      setErrors(mine);
      action.setMessage({ tone: 'error', text: fixMessage(t, mine) });
      return;
    }
    setErrors({});
    const outcome = await action.run(() => saveProduct(app, result.value.product, result.value.stock, item.base, item.base.stocks), t('quick.saved', { name }));
    if (outcome === 'done' || outcome === 'queued') onDone(true);
  }

  const fields = { form, errors, currency: shop.currency, onFix };
  return (
    <form
      class="acct-form sc-quick"
      aria-label={t('quick.title', { name })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="sc-pair">
        <Field {...fields} field="price" kind="money" label={t('catalogForm.price', { sign: currencySign(shop.currency, intl) })} value={price} onInput={setPrice} />
        <Field {...fields} field="stock" kind="count" label={t('catalogForm.stock')} value={stock} onInput={setStock} />
      </div>
      <LiveMessage message={action.message} />
      <div class="acct-row">
        <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('quick.save')}</button>
        <button type="button" class="acct-btn" onClick={() => onDone(false)}>{t('catalogForm.cancel')}</button>
      </div>
    </form>
  );
}
