/**
 * The seller's forms say what is wrong next to each field, in the reader's language: the
 * forms (src/app/forms/) give a kind of error, this gives the words, with a few said of
 * a particular field ("A team needs at least 2 people" rather than "Must be at least 2").
 */
import type { FieldErrors, FormError, MoneyReader } from '../../engines/forms/form-reading.ts';
import { parseMoney } from '../format.ts';
import type { I18n } from '../i18n/index.ts';

type T = I18n['t'];

/** What a field holds, for the words of its errors. */
export type FieldKind = 'text' | 'money' | 'count' | 'time' | 'list';

/** Words said of one field only, by field and kind of error. */
const SPECIAL: Record<string, Partial<Record<FormError['code'], Parameters<T>[0]>>> = {
  price: { 'too-small': 'catalogForm.err.priceZero' },
  'team.price': { 'too-small': 'catalogForm.err.priceZero' },
  'flash.price': { 'too-small': 'catalogForm.err.priceZero' },
  stock: { 'too-small': 'catalogForm.err.negativeStock' },
  'team.size': { 'too-small': 'catalogForm.err.teamOfOne' },
  'flash.endsAt': { 'ends-before-start': 'catalogForm.err.flashEnds' },
  endsAt: { 'ends-before-start': 'catalogForm.err.endsBeforeStart' },
  percent: { 'too-small': 'catalogForm.err.percent', 'too-large': 'catalogForm.err.percent' },
  code: { duplicate: 'promoForm.err.duplicateCode' },
  tags: { 'too-many': 'catalogForm.err.tooManyTags' },
  photos: { 'too-many': 'catalogForm.err.tooManyPhotos' },
  // A product's options (any group, value or combination: indices read as []).
  'options[].name': { duplicate: 'catalogForm.opt.err.sameGroup' },
  'options[].values': { required: 'catalogForm.opt.err.noValues' },
  'options[].values[].name': { duplicate: 'catalogForm.opt.err.sameValue' },
  combinations: { 'too-many': 'catalogForm.opt.err.tooMany' },
  'combinations[].price': { 'too-small': 'catalogForm.err.priceZero' },
  'combinations[].stock': { 'too-small': 'catalogForm.err.negativeStock' },
  // Which combinations a team buy or a flash sale covers (product-offer-cover.ts).
  'team.cover': { required: 'catalogForm.cover.err.none' },
  'flash.cover': { required: 'catalogForm.cover.err.none' },
  'team.cover[]': { 'too-small': 'catalogForm.err.priceZero' },
  'flash.cover[]': { 'too-small': 'catalogForm.err.priceZero' },
};

/** `money` formats an amount in the shop's currency, to say a limit ("At most ¥100,000,000.00"). */
export function errorText(t: T, field: string, kind: FieldKind, e: FormError, money?: (n: number) => string): string {
  const special = (SPECIAL[field] ?? SPECIAL[field.replace(/\[\d+\]/g, '[]')])?.[e.code];
  if (special) return t(special, 'min' in e ? { min: e.min } : 'max' in e ? { max: e.max } : {});
  if (field === 'currency' && e.code !== 'required') return t('shopForm.err.currency');
  switch (e.code) {
    case 'required': return t('catalogForm.err.required');
    case 'not-a-number': return t(kind === 'money' ? 'catalogForm.err.amount' : 'catalogForm.err.number');
    case 'not-whole': return t('catalogForm.err.whole');
    case 'not-a-time': return t('catalogForm.err.time');
    case 'too-small':
      if (kind === 'money') return t(e.min > 0 ? 'catalogForm.err.moreThanZero' : 'catalogForm.err.negative');
      return t(e.min === 0 ? 'catalogForm.err.negative' : 'catalogForm.err.atLeast', { min: e.min });
    case 'too-large':
      if (kind !== 'money') return t('catalogForm.err.atMost', { max: e.max });
      return money ? t('catalogForm.err.atMost', { max: money(e.max) }) : t('catalogForm.err.tooMuch');
    case 'too-long': return t('catalogForm.err.tooLong', { max: e.max });
    case 'too-many': return t('catalogForm.err.tooMany', { max: e.max });
    case 'ends-before-start': return t('catalogForm.err.endsBeforeStart');
    case 'save-over-spend': return t('promoForm.err.saveOverSpend');
    case 'duplicate': return t('catalogForm.err.duplicate');
    case 'over-stock': return t('catalogForm.err.overStock', { max: e.max });
    case 'not-below-price': return t('catalogForm.err.belowPrice', { price: money ? money(e.price) : e.price });
    case 'invalid': return t('catalogForm.err.invalid', { message: e.message });
  }
}

/** "Nothing was saved": how many fields are wrong, for the message by the form's buttons. */
export function fixMessage(t: T, errors: FieldErrors): string {
  const count = Object.keys(errors).length;
  return count === 1 ? t('catalogForm.fixOne') : t('catalogForm.fix', { count });
}

/** Reads and writes amounts of `currency` as people type them in `intl`'s language. */
export function moneyReader(currency: string, intl: string): MoneyReader {
  const digits = new Intl.NumberFormat(intl, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return {
    money: (text) => parseMoney(text, currency, intl),
    moneyText: (amount) => (amount / 10 ** digits).toFixed(digits),
  };
}

/** The currency's sign ("¥", "$"), for a label. */
export function currencySign(currency: string, intl: string): string {
  try {
    const parts = new Intl.NumberFormat(intl, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

