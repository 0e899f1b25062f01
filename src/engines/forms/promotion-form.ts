/**
 * The promotion forms (spend X save Y, and coupon codes) as pure functions: what was typed →
 * a `Promotion`, or what is wrong by field. The rules are `validatePromotion`'s; the form adds
 * what it alone knows: numbers that are not numbers, and a coupon code another coupon has.
 * Fields: label, spend, save, startsAt, endsAt (thresholds); code, label, amount, percent,
 * minSpend, startsAt, endsAt, limit, perBuyerLimit (coupons).
 */
import { normalizeCouponCode, type Money, type Promotion, type PromotionId } from '../../domain/index.ts';
import { validatePromotion } from '../../domain/validate/index.ts';
import {
  crossCheck, FormReading, localTimeText, OPTIONAL, readLocalTime, readMoney, readWhole, REQUIRED, type FormResult, type MoneyReader,
} from './form-reading.ts';

export type PromotionKind = Promotion['kind'];

export interface PromotionFormValues {
  id: string;
  kind: PromotionKind;
  label: string;
  active: boolean;
  /** `datetime-local` values; optional for a threshold, required for a coupon. */
  startsAt: string;
  endsAt: string;
  spend: string;
  save: string;
  repeat: boolean;
  code: string;
  saveKind: 'amount' | 'percent';
  amount: string;
  percent: string;
  minSpend: string;
  /** Uses in all, and per buyer: empty means no limit. */
  limit: string;
  perBuyerLimit: string;
}

/** A new promotion's form; a coupon is suggested from now for thirty days. */
export function emptyPromotionForm(id: string, kind: PromotionKind, now: number): PromotionFormValues {
  const minute = Math.floor(now / 60_000) * 60_000;
  return {
    id, kind, label: '', active: true,
    startsAt: kind === 'coupon' ? localTimeText(minute) : '',
    endsAt: kind === 'coupon' ? localTimeText(minute + 30 * 86_400_000) : '',
    spend: '', save: '', repeat: false,
    code: '', saveKind: 'amount', amount: '', percent: '', minSpend: '', limit: '', perBuyerLimit: '1',
  };
}

/** The form filled from a promotion as it is. */
export function promotionFormValues(p: Promotion, reader: MoneyReader): PromotionFormValues {
  const base = emptyPromotionForm(p.id, p.kind, 0);
  const times = {
    startsAt: p.startsAt === undefined ? '' : localTimeText(p.startsAt),
    endsAt: p.endsAt === undefined ? '' : localTimeText(p.endsAt),
  };
  if (p.kind === 'threshold') {
    return { ...base, ...times, label: p.label, active: p.active, spend: reader.moneyText(p.spend), save: reader.moneyText(p.save), repeat: p.repeat };
  }
  return {
    ...base,
    ...times,
    label: p.label,
    active: p.active,
    code: p.code,
    saveKind: p.save.kind,
    amount: p.save.kind === 'amount' ? reader.moneyText(p.save.amount) : '',
    percent: p.save.kind === 'percent' ? String(p.save.percent) : '',
    minSpend: reader.moneyText(p.minSpend),
    limit: p.limit === undefined ? '' : String(p.limit),
    perBuyerLimit: p.perBuyerLimit === undefined ? '' : String(p.perBuyerLimit),
  };
}

/** A coupon's saving is `save.amount` or `save.percent` in the document: `amount`, `percent` in the form. */
const promotionField = (path: string) => path.replace(/^save\./, '');

/**
 * Reads a promotion form. `otherCodes` are the codes of the shop's other coupons (a code
 * names one coupon); `original` is the promotion as it was, whose unchanged times are kept exactly.
 */
export function parsePromotionForm(
  v: PromotionFormValues,
  reader: MoneyReader,
  { otherCodes = [], original }: { otherCodes?: readonly string[]; original?: Promotion } = {},
): FormResult<Promotion> {
  const r = new FormReading();
  const required = v.kind === 'coupon' ? REQUIRED : OPTIONAL;
  const startsAt = r.take('startsAt', readLocalTime(v.startsAt, original?.startsAt), required);
  const endsAt = r.take('endsAt', readLocalTime(v.endsAt, original?.endsAt), required);
  const common = {
    id: v.id as PromotionId,
    label: v.label.trim(),
    active: v.active,
    ...(startsAt !== undefined && { startsAt }),
    ...(endsAt !== undefined && { endsAt }),
  };
  if (v.kind === 'threshold') {
    const doc = {
      ...common,
      kind: 'threshold',
      spend: r.take('spend', readMoney(v.spend, reader), REQUIRED),
      save: r.take('save', readMoney(v.save, reader), REQUIRED),
      repeat: v.repeat,
    };
    return crossChecked(r.finish(validatePromotion(doc), promotionField), doc);
  }
  const code = normalizeCouponCode(v.code);
  if (code !== '' && otherCodes.some((c) => normalizeCouponCode(c) === code)) r.errors.code = { code: 'duplicate' };
  const limit = r.take('limit', readWhole(v.limit), OPTIONAL);
  const perBuyerLimit = r.take('perBuyerLimit', readWhole(v.perBuyerLimit), OPTIONAL);
  const doc = {
    ...common,
    kind: 'coupon',
    code,
    save: v.saveKind === 'amount'
      ? { kind: 'amount', amount: r.take('amount', readMoney(v.amount, reader), REQUIRED) }
      : { kind: 'percent', percent: r.take('percent', readWhole(v.percent), REQUIRED) },
    // No minimum spend typed: none.
    minSpend: r.take('minSpend', readMoney(v.minSpend, reader), { value: 0 as Money }),
    ...(limit !== undefined && { limit }),
    ...(perBuyerLimit !== undefined && { perBuyerLimit }),
  };
  return crossChecked(r.finish(validatePromotion(doc), promotionField), doc);
}

/** A spend-and-save the domain takes, for `crossCheck`. */
const STAND_IN = { id: 'p', kind: 'threshold', label: 'p', spend: 1, save: 1, repeat: false, active: true };

/** The rules between fields, said even while other fields are wrong (see `crossCheck`). */
function crossChecked(result: FormResult<Promotion>, doc: { startsAt?: number; endsAt?: number; spend?: unknown; save?: unknown }): FormResult<Promotion> {
  if (result.ok) return result;
  const { startsAt, endsAt, spend, save } = doc;
  if (startsAt !== undefined && endsAt !== undefined) {
    crossCheck(result.errors, 'endsAt', () => validatePromotion({ ...STAND_IN, startsAt, endsAt }));
  }
  if (typeof spend === 'number' && typeof save === 'number') {
    crossCheck(result.errors, 'save', () => validatePromotion({ ...STAND_IN, spend, save }));
  }
  return result;
}
