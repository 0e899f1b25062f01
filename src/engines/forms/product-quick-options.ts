/**
 * The seller's quick edit of a product with options (issue 13): each combination's price and
 * stock, changed in the product list without the whole form. It is read exactly as the whole
 * form reads it (`parseProductWithOptions`: the same checks, the same `product.save` command),
 * with only the rows' price and stock changed, so no rule lives here twice. What the whole form
 * would say at a field the table does not have (an offer's price no longer below the lowest, a
 * flash sale's units over the stock left) is said at the row changed, naming the offer.
 */
import type { CombinationStock, Inventory, Product } from '../../domain/index.ts';
import type { FieldErrors, FormError, MoneyReader } from './form-reading.ts';
import { productFormValues } from './product-form.ts';
import { optionsFormValues, parseProductWithOptions, rowLabel, type CombinationRow } from './product-options-form.ts';

/** One combination's line in the quick table: its words ("red, M") and what is typed. */
export interface QuickRow {
  id: string;
  label: string;
  price: string;
  stock: string;
  /** Off: buyers cannot choose it (turned on and off in the whole form). */
  sold: boolean;
}

/** Which offer a price error at a row is about: the offer's own fields are in the whole form. */
export type QuickOffer = 'team' | 'flash';

export type QuickResult =
  | { ok: true; value: { product: Product; stock: number; stocks?: CombinationStock[] } }
  /** Errors by the table's fields (`combinations[i].price`, `combinations[i].stock`), or `combinations` for the whole. */
  | { ok: false; errors: FieldErrors; offers: Record<string, QuickOffer> };

/** The table's rows for a product with options as it is: the whole form's combinations, in its order. */
export function quickOptionRows(product: Product, skus: readonly Inventory[], reader: MoneyReader): QuickRow[] {
  const v = optionsFormValues(product, skus, reader);
  return v.rows.map((r) => ({ id: r.id, label: rowLabel(v, r), price: r.price, stock: r.stock, sold: r.sold }));
}

/**
 * Reads the table: the product (from `product` as loaded when the edit began, so the save is
 * made from what the seller saw) with its rows' prices and stocks as typed, through the whole
 * form's reading. Rows are matched by id; a combination not in `typed` keeps what it had.
 */
export function parseQuickOptions(
  product: Product, inventory: Inventory | undefined, skus: readonly Inventory[], typed: readonly Pick<QuickRow, 'id' | 'price' | 'stock'>[],
  reader: MoneyReader, now: number, soldInSale = 0,
): QuickResult {
  const opts = optionsFormValues(product, skus, reader);
  const byId = new Map(typed.map((r) => [r.id, r]));
  const rows = opts.rows.map((r) => {
    const x = byId.get(r.id);
    return x === undefined ? r : { ...r, price: x.price, stock: x.stock };
  });
  const result = parseProductWithOptions(productFormValues(product, inventory, reader, now), { ...opts, rows }, reader, product, soldInSale);
  if (result.ok) return result;
  return { ok: false, ...atRows(result.errors, opts.rows, rows) };
}

/** The whole form's errors as the table's: its own fields as they are, the rest at the row changed. */
function atRows(errors: FieldErrors, before: readonly CombinationRow[], after: readonly CombinationRow[]): { errors: FieldErrors; offers: Record<string, QuickOffer> } {
  const changed = (key: 'price' | 'stock') => Math.max(0, after.findIndex((r, i) => r[key].trim() !== before[i]?.[key]));
  const out: FieldErrors = {};
  const offers: Record<string, QuickOffer> = {};
  const put = (field: string, error: FormError) => {
    if (out[field] === undefined) out[field] = error;
  };
  for (const [field, error] of Object.entries(errors)) {
    if (/^combinations\[\d+\]\.(price|stock)$/.test(field)) put(field, error);
    else if (error.code === 'not-below-price' && (field === 'team.price' || field === 'flash.price')) {
      const at = `combinations[${changed('price')}].price`;
      if (out[at] === undefined) offers[at] = field === 'team.price' ? 'team' : 'flash';
      put(at, error);
    } else if (field.startsWith('flash.stock')) put(`combinations[${changed('stock')}].stock`, error);
    else put('combinations', error);
  }
  return { errors: out, offers };
}
