/**
 * Stock and price of a product with options, changed in the product list (issue 13): a compact
 * table of its combinations ("red, M"), read as the whole form reads them and saved as the same
 * `product.save` (product-quick-options.ts). Made from the product as loaded when the table
 * opened, as the whole form is: a sale meanwhile is kept (the shop takes each stock as the
 * change typed), and a save made after another device changed the product is refused.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ProductId, ShopProfile } from '../../../domain/index.ts';
import { saveProduct } from '../../../app/actions/save-product.ts';
import { productToEdit, type ProductToEdit } from '../../../app/queries/seller-catalog.ts';
import type { FieldErrors } from '../../../engines/forms/form-reading.ts';
import { parseQuickOptions, quickOptionRows, type QuickOffer, type QuickRow } from '../../../engines/forms/product-quick-options.ts';
import { formatMoney } from '../../format.ts';
import { fieldId } from '../../kit/FormField.tsx';
import { currencySign, errorText, fixMessage, moneyReader } from '../../kit/form-errors.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import type { Action } from '../../hooks/use-action.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import './product-quick-options.css';

interface Props {
  id: ProductId;
  name: string;
  shop: ShopProfile;
  action: Action;
  onDone: (saved: boolean) => void;
}

export function ProductQuickOptions({ id, name, shop, action, onDone }: Props) {
  const app = useApp();
  const { t, intl } = useI18n();
  const reader = useMemo(() => moneyReader(shop.currency, intl), [shop.currency, intl]);
  const [item, setItem] = useState<ProductToEdit | null | undefined>(undefined);
  const [rows, setRows] = useState<QuickRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [offers, setOffers] = useState<Record<string, QuickOffer>>({});
  useEffect(() => {
    void productToEdit(app.store, id).then((found) => {
      setItem(found ?? null);
      if (found) setRows(quickOptionRows(found.product, found.skus, reader));
    });
  }, [app, id]);
  const form = `qo-${id}`;
  const sign = currencySign(shop.currency, intl);
  const money = (n: number) => formatMoney(n, shop.currency, intl);

  if (item === undefined) return <p role="status">{t('loading')}</p>;
  if (item === null) return <p role="alert">{t('catalogForm.notFound')}</p>;

  // A cell changed is no longer marked; once none is, "Nothing was saved" goes too.
  const type = (i: number, key: 'price' | 'stock', value: string) => {
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, [key]: value } : r)));
    const field = `combinations[${i}].${key}`;
    if (errors[field] === undefined) return;
    const left = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== field));
    setErrors(left);
    action.setMessage(Object.keys(left).length === 0 ? undefined : { tone: 'error', text: fixMessage(t, left) });
  };

  async function save() {
    const found = item!;
    const result = parseQuickOptions(found.product, found.inventory, found.skus, rows, reader, app.now(), found.inventory?.flashSold ?? 0);
    if (!result.ok) {
      setErrors(result.errors);
      setOffers(result.offers);
      action.setMessage({ tone: 'error', text: fixMessage(t, result.errors) });
      return;
    }
    setErrors({});
    const { product, stock, stocks } = result.value;
    const outcome = await action.run(() => saveProduct(app, product, stock, found.base, stocks), t('quick.saved', { name }));
    if (outcome === 'done' || outcome === 'queued') onDone(true);
  }

  const message = (field: string, kind: 'money' | 'count') => {
    const e = errors[field];
    if (e === undefined) return undefined;
    const offer = offers[field];
    const offerPrice = offer === 'team' ? item.product.team?.price : item.product.flash?.price;
    if (offer !== undefined) return t('quick.err.offer', { what: t(offer === 'team' ? 'quick.team' : 'quick.flash'), price: money(offerPrice ?? 0) });
    return errorText(t, field, kind, e, money);
  };
  const cell = (i: number, row: QuickRow, key: 'price' | 'stock') => {
    const field = `combinations[${i}].${key}`;
    const cellId = fieldId(form, field);
    const said = message(field, key === 'price' ? 'money' : 'count');
    return (
      <td>
        <label class="sr-only" for={cellId}>
          {t(key === 'price' ? 'quick.opt.priceOf' : 'quick.opt.stockOf', { sign, combination: row.label })}
        </label>
        <input
          id={cellId}
          type="text"
          inputMode={key === 'price' ? 'decimal' : 'numeric'}
          autoComplete="off"
          maxLength={20}
          value={row[key]}
          aria-invalid={said ? true : undefined}
          aria-describedby={said ? `${cellId}-err` : undefined}
          onInput={(e) => type(i, key, e.currentTarget.value)}
        />
        {said && <p id={`${cellId}-err`} class="acct-error sc-error">{said}</p>}
      </td>
    );
  };
  const whole = errors.combinations;

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
      {whole && <p class="acct-error sc-error" role="alert">{errorText(t, 'combinations', 'list', whole, money)}</p>}
      <table class="sc-qo">
        <caption class="sr-only">{t('quick.opt.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quick.opt.combination')}</th>
            <th scope="col">{t('catalogForm.price', { sign })}</th>
            <th scope="col">{t('quick.opt.stock')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id} class={row.sold ? undefined : 'sc-qo-off'}>
              <th scope="row">
                {row.label}
                {!row.sold && <span class="acct-muted sc-qo-note">{t('quick.opt.off')}</span>}
              </th>
              {cell(i, row, 'price')}
              {cell(i, row, 'stock')}
            </tr>
          ))}
        </tbody>
      </table>
      <LiveMessage message={action.message} />
      <div class="acct-row">
        <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('quick.save')}</button>
        <button type="button" class="acct-btn" onClick={() => onDone(false)}>{t('catalogForm.cancel')}</button>
      </div>
    </form>
  );
}
