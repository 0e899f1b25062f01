/**
 * The seller's product form as pure functions: what was typed (strings) → a `Product` and its
 * shelf stock, or what is wrong, keyed by field. The rules are the domain's (`validateProduct`,
 * the stock check of `product.save`): this file adds only what a form knows and a document
 * cannot, such as "that is not a number". It also holds the readers and error kinds that the
 * shop and promotion forms share.
 */
import { flashBeyondStock, type FlashSale, type Inventory, type Money, type Product, type ProductId, type Result, type TeamOffer } from '../../domain/index.ts';
import { STOCK } from '../../domain/validate/catalog.ts';
import { MAX_AMOUNT } from '../../domain/validate/scalars.ts';
import { run } from '../../domain/validate/check.ts';
import { validateProduct } from '../../domain/validate/index.ts';

/* ------------------------------------------------------------------ shared by the forms */

/** What is wrong with one field, as a kind (the UI says it in the reader's language). */
export type FormError =
  | { code: 'required' }
  | { code: 'not-a-number' }
  | { code: 'not-whole' }
  | { code: 'not-a-time' }
  | { code: 'too-small'; min: number }
  | { code: 'too-large'; max: number }
  | { code: 'too-long'; max: number }
  | { code: 'too-many'; max: number }
  | { code: 'ends-before-start' }
  | { code: 'save-over-spend' }
  | { code: 'duplicate' }
  /** A flash sale's units beyond the stock they come from: at most `max`. */
  | { code: 'over-stock'; max: number }
  /** A team or flash price that is not below the regular `price` (minor units). */
  | { code: 'not-below-price'; price: number }
  /** Anything else the domain refused, in its own (English) words. */
  | { code: 'invalid'; message: string };

/** Errors by field: the document's path (`price`, `flash.endsAt`, `pickupPoints[1].name`). */
export type FieldErrors = Record<string, FormError>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Money as people type it, in the shop's currency and the reader's language (`parseMoney` in the UI). */
export interface MoneyReader {
  /** Minor units, or undefined if the text is not an amount. */
  money(text: string): Money | undefined;
  /** Minor units as a person would type them back ("12.90"), for a form's first values. */
  moneyText(amount: Money): string;
}

type Read<T> = { value: T } | { error: FormError } | { blank: true };

/** A whole number as typed ("12", "-3"); "1.5" is not whole, "abc" is not a number. */
export function readWhole(text: string): Read<number> {
  const s = text.trim();
  if (s === '') return { blank: true };
  if (/^[-+]?\d+$/.test(s)) return { value: Number(s) };
  if (/^[-+]?\d*[.,]\d+$/.test(s)) return { error: { code: 'not-whole' } };
  return { error: { code: 'not-a-number' } };
}

/**
 * An amount as typed; a minus sign is kept so that the domain's rule says what is wrong with it.
 * One past the largest amount the shop takes (MAX_AMOUNT) is said as such, with that limit, not
 * as "not an amount" (99999999999999 is an amount, only too large).
 */
export function readMoney(text: string, reader: MoneyReader): Read<Money> {
  const s = text.trim();
  if (s === '') return { blank: true };
  const negative = s.startsWith('-');
  const amount = reader.money(negative ? s.slice(1) : s);
  if (amount === undefined || amount > MAX_AMOUNT) {
    const whole = /^\d[\d,\s]*/.exec(negative ? s.slice(1) : s)?.[0].replace(/[,\s]/g, '');
    const limit = Number(reader.moneyText(MAX_AMOUNT as Money).replace(/[^\d.]/g, ''));
    if (whole !== undefined && Number(whole) > limit) return { error: { code: 'too-large', max: MAX_AMOUNT } };
    if (amount === undefined) return { error: { code: 'not-a-number' } };
  }
  return { value: (negative ? -amount : amount) as Money };
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** A `datetime-local` value ("2026-11-11T20:00") in this device's time zone → milliseconds. */
export function readLocalTime(text: string, original?: number): Read<number> {
  const s = text.trim();
  if (s === '') return { blank: true };
  // Unchanged from what the form was given: keep the exact time (a flash sale is known by its start).
  if (original !== undefined && localTimeText(original) === s) return { value: original };
  const m = LOCAL_TIME.exec(s);
  if (!m) return { error: { code: 'not-a-time' } };
  const [y, mo, d, h, mi, sec = '0', ms = '0'] = m.slice(1).map((x) => x ?? '0');
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Number(ms.padEnd(3, '0')));
  // The Date rolls "02-30" over to March: refuse what does not come back as typed.
  if (Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d) || date.getHours() !== Number(h)) {
    return { error: { code: 'not-a-time' } };
  }
  return { value: date.getTime() };
}

/** Milliseconds → a `datetime-local` value in this device's time zone, to the minute. */
export function localTimeText(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** One of the domain's English messages, as a kind of error. */
export function classify(message: string): FormError {
  let m: RegExpExecArray | null;
  if (message === 'is required' || message === 'must not be blank') return { code: 'required' };
  if ((m = /from (-?\d+) to (-?\d+), got (-?\d+)$/.exec(message))) {
    const [min, max, got] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return got < min ? { code: 'too-small', min } : { code: 'too-large', max };
  }
  if ((m = /(-?\d+) or more, got/.exec(message))) return { code: 'too-small', min: Number(m[1]) };
  if ((m = /^must be at most (\d+) characters/.exec(message))) return { code: 'too-long', max: Number(m[1]) };
  if ((m = /^must have at most (\d+) items/.exec(message))) return { code: 'too-many', max: Number(m[1]) };
  if (/^must be after startsAt$/.test(message)) return { code: 'ends-before-start' };
  if (/^must not be more than spend$/.test(message)) return { code: 'save-over-spend' };
  if (/^repeats /.test(message)) return { code: 'duplicate' };
  if (/^must be a time in whole milliseconds/.test(message)) return { code: 'not-a-time' };
  if (/^must be a number/.test(message)) return { code: 'not-a-number' };
  return { code: 'invalid', message };
}

/** The domain's `path: message` errors by form field (the first error of each field wins). */
export function fieldErrors(errors: readonly string[], fieldOf: (path: string) => string = (p) => p): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const at = e.indexOf(': ');
    if (at < 0) continue;
    const field = fieldOf(e.slice(0, at));
    out[field] ??= classify(e.slice(at + 2));
  }
  return out;
}

/**
 * Collects what a form read: each field's value, or its error. `blank` says what an empty
 * field means: an error ('required'), or a value (undefined for an optional field, 0…).
 */
export class FormReading {
  readonly errors: FieldErrors = {};

  take<T>(field: string, read: Read<T>, ifBlank: FormError | { value: T | undefined }): T | undefined {
    if ('value' in read) return read.value;
    if ('error' in read) {
      this.errors[field] ??= read.error;
      return undefined;
    }
    if ('code' in ifBlank) this.errors[field] ??= ifBlank;
    return 'value' in ifBlank ? ifBlank.value : undefined;
  }

  /** Its own errors first, then the domain's for fields it had nothing to say about. */
  finish<T>(checked: Result<T>, fieldOf?: (path: string) => string): FormResult<T> {
    const domain = checked.ok ? {} : fieldErrors(checked.errors, fieldOf);
    const errors = { ...domain, ...this.errors };
    return Object.keys(errors).length === 0 && checked.ok ? { ok: true, value: checked.value } : { ok: false, errors };
  }
}

/**
 * The domain checks a rule between two fields (an end after its start, a saving within its
 * spend) only once the rest of the document is clean. A form says it at once: `standIn` is the
 * document again with good stand-ins for every other field, and only `field`'s error is kept.
 */
export function crossCheck(errors: FieldErrors, field: string, standIn: () => Result<unknown>, fieldOf?: (path: string) => string): void {
  if (errors[field] !== undefined) return;
  const checked = standIn();
  const found = checked.ok ? undefined : fieldErrors(checked.errors, fieldOf)[field];
  if (found !== undefined) errors[field] = found;
}

export const REQUIRED: FormError = { code: 'required' };
export const OPTIONAL = { value: undefined };

/* ------------------------------------------------------------------ the product form */

export interface ProductFormValues {
  id: string;
  name: string;
  description: string;
  category: string;
  /** Comma separated. */
  tags: string;
  price: string;
  stock: string;
  /** Photo references (attachment names such as `photo-<uuid>.webp`, or the demo's paths). */
  photos: string[];
  hidden: boolean;
  team: boolean;
  teamPrice: string;
  teamSize: string;
  teamWindowHours: string;
  flash: boolean;
  flashPrice: string;
  flashStartsAt: string;
  flashEndsAt: string;
  flashStock: string;
  flashPerBuyerLimit: string;
}

/** A new product's blank form; `now` suggests a flash sale from the next hour, for a day. */
export function emptyProductForm(id: string, now: number): ProductFormValues {
  const hour = Math.ceil(now / 3_600_000) * 3_600_000;
  return {
    id, name: '', description: '', category: '', tags: '', price: '', stock: '0', photos: [], hidden: false,
    team: false, teamPrice: '', teamSize: '2', teamWindowHours: '24',
    flash: false, flashPrice: '', flashStartsAt: localTimeText(hour), flashEndsAt: localTimeText(hour + 86_400_000), flashStock: '', flashPerBuyerLimit: '1',
  };
}

/** The form filled from a product as it is, with its shelf stock. */
export function productFormValues(product: Product, inventory: Inventory | undefined, reader: MoneyReader, now: number): ProductFormValues {
  const empty = emptyProductForm(product.id, now);
  const { team, flash } = product;
  return {
    ...empty,
    name: product.name,
    description: product.description,
    category: product.category,
    tags: product.tags.join(', '),
    price: reader.moneyText(product.price),
    stock: String(inventory?.stock ?? 0),
    photos: [...product.photos],
    hidden: product.hidden,
    ...(team && { team: true, teamPrice: reader.moneyText(team.price), teamSize: String(team.size), teamWindowHours: String(team.windowHours) }),
    ...(flash && {
      flash: true,
      flashPrice: reader.moneyText(flash.price),
      flashStartsAt: localTimeText(flash.startsAt),
      flashEndsAt: localTimeText(flash.endsAt),
      flashStock: String(flash.stock),
      flashPerBuyerLimit: String(flash.perBuyerLimit),
    }),
  };
}

/**
 * A team or flash price at or above the regular price is no offer: the form and the CSV import
 * refuse it, said of the offer's price (the domain takes it, so products saved before stay readable).
 */
export function specialPriceErrors(p: { price?: unknown; team?: { price?: unknown }; flash?: { price?: unknown } }): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof p.price !== 'number') return errors;
  for (const [field, offer] of [['team.price', p.team], ['flash.price', p.flash]] as const) {
    if (typeof offer?.price === 'number' && offer.price >= p.price) errors[field] = { code: 'not-below-price', price: p.price };
  }
  return errors;
}

/** "tea, green，gift" → ['tea', 'green', 'gift']: commas of either width or 、, no blanks, no repeats. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((t) => t.trim()).filter((t) => t !== ''))];
}

/** A product the domain takes, for `crossCheck`. */
const STAND_IN = { id: 'p', name: 'p', description: '', category: '', tags: [], price: 1, photos: [], hidden: false };
const STAND_IN_FLASH = { price: 1, stock: 1, perBuyerLimit: 1 };

/** The product path a domain error names → the form's field (`tags[3]` is the tags field). */
const productField = (path: string) => path.replace(/\[\d+\]$/, '');

/**
 * Reads the product form. `original` is the product as it was (if editing): an unchanged
 * flash-sale time keeps its exact value, so the sale (known by its start) keeps its count;
 * `soldInSale` is how many of that sale are sold already (the shop's `flashSold`).
 */
export function parseProductForm(v: ProductFormValues, reader: MoneyReader, original?: Product, soldInSale = 0): FormResult<{ product: Product; stock: number }> {
  const r = new FormReading();
  const price = r.take('price', readMoney(v.price, reader), REQUIRED);
  const stock = r.take('stock', readWhole(v.stock), REQUIRED);
  const product: Record<string, unknown> = {
    id: v.id as ProductId,
    name: v.name.trim(),
    description: v.description.trim(),
    category: v.category.trim(),
    tags: splitTags(v.tags),
    price,
    photos: [...v.photos],
    hidden: v.hidden,
  };
  if (v.team) {
    const team: Partial<TeamOffer> = {
      price: r.take('team.price', readMoney(v.teamPrice, reader), REQUIRED),
      size: r.take('team.size', readWhole(v.teamSize), REQUIRED),
      windowHours: r.take('team.windowHours', readWhole(v.teamWindowHours), REQUIRED),
    };
    product.team = team;
  }
  if (v.flash) {
    const was = original?.flash;
    const flash: Partial<FlashSale> = {
      price: r.take('flash.price', readMoney(v.flashPrice, reader), REQUIRED),
      startsAt: r.take('flash.startsAt', readLocalTime(v.flashStartsAt, was?.startsAt), REQUIRED),
      endsAt: r.take('flash.endsAt', readLocalTime(v.flashEndsAt, was?.endsAt), REQUIRED),
      stock: r.take('flash.stock', readWhole(v.flashStock), REQUIRED),
      perBuyerLimit: r.take('flash.perBuyerLimit', readWhole(v.flashPerBuyerLimit), REQUIRED),
    };
    product.flash = flash;
  }
  keepOptions(product, original);
  // The stock's own rule (the `product.save` command's), said of the stock field.
  const stockChecked = stock === undefined ? undefined : run(stock, STOCK);
  const stockErrors = stockChecked?.ok === false ? stockChecked.errors.map((e) => e.replace(/^document: /, 'stock: ')) : [];
  const checked = validateProduct(product);
  const both: Result<Product> = stockErrors.length === 0 ? checked : { ok: false, errors: [...(checked.ok ? [] : checked.errors), ...stockErrors] };
  let result = r.finish(both, productField);
  const special = specialPriceErrors(product as Parameters<typeof specialPriceErrors>[0]);
  if (Object.keys(special).length > 0) result = { ok: false, errors: { ...special, ...(result.ok ? {} : result.errors) } };
  // A sale's units come off the product's one stock: it may not promise more than is there
  // (what it sold already is off the stock too, so it counts on both sides).
  const flash = product.flash as Partial<FlashSale> | undefined;
  if (flash?.stock !== undefined && stock !== undefined && (result.ok || (result.errors['flash.stock'] === undefined && result.errors.stock === undefined))) {
    const sold = original?.flash !== undefined && original.flash.startsAt === flash.startsAt ? soldInSale : 0;
    if (flashBeyondStock({ stock: flash.stock }, stock, sold) > 0) {
      result = { ok: false, errors: { ...(result.ok ? {} : result.errors), 'flash.stock': { code: 'over-stock', max: stock + sold } } };
    }
  }
  if (!result.ok) {
    const { startsAt, endsAt } = flash ?? {};
    if (startsAt !== undefined && endsAt !== undefined) {
      crossCheck(result.errors, 'flash.endsAt', () => validateProduct({ ...STAND_IN, flash: { ...STAND_IN_FLASH, startsAt, endsAt } }));
    }
    return result;
  }
  return { ok: true, value: { product: result.value, stock: stock ?? 0 } };
}

/**
 * Read alone (the list's quick edit of price and stock), this keeps a product's option groups and
 * combinations, and which of them its offers cover, exactly as they are, so saving never takes
 * them away; the product form edits them through product-options-form.ts, which reads the rest here.
 */
function keepOptions(product: Record<string, unknown>, original: Product | undefined): void {
  if (original?.options === undefined || original.combinations === undefined) return;
  product.options = original.options;
  product.combinations = original.combinations;
  const team = product.team as Partial<TeamOffer> | undefined;
  if (team && original.team?.combinations) team.combinations = original.team.combinations;
  if (team && original.team?.anyCombination !== undefined) team.anyCombination = original.team.anyCombination;
  const flash = product.flash as Partial<FlashSale> | undefined;
  if (flash && original.flash?.combinations) flash.combinations = original.flash.combinations;
}
