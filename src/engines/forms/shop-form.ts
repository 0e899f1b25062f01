/**
 * The shop's profile and policies form as pure functions: what was typed → a `ShopProfile`,
 * or what is wrong by field (`name`, `policies.refundWindowDays`, `pickupPoints[1].address`,
 * `shippingOptions[0].fee`). The rules are `validateShopProfile`'s.
 */
import type { Money, PickupPointId, ShippingOptionId, ShopProfile } from '../../domain/index.ts';
import { validateShopProfile } from '../../domain/validate/index.ts';
import { FormReading, readMoney, readWhole, REQUIRED, type FormResult, type MoneyReader } from './form-reading.ts';

export interface PickupPointValues {
  id: string;
  name: string;
  address: string;
}

export interface ShippingOptionValues {
  id: string;
  name: string;
  fee: string;
}

export interface ShopFormValues {
  name: string;
  currency: string;
  autoConfirmDaysShipped: string;
  autoConfirmDaysPickup: string;
  refundWindowDays: string;
  compensationMultiple: string;
  demoTopUps: boolean;
  pickupPoints: PickupPointValues[];
  shippingOptions: ShippingOptionValues[];
}

/** The fields of the policies, as the form and the document name them. */
export const POLICY_FIELDS = ['autoConfirmDaysShipped', 'autoConfirmDaysPickup', 'refundWindowDays', 'compensationMultiple'] as const;

/** A shop that has no profile yet: sensible defaults to start from. */
export const NEW_SHOP: ShopProfile = {
  name: '',
  currency: 'CNY',
  policies: { autoConfirmDaysShipped: 10, autoConfirmDaysPickup: 7, refundWindowDays: 7, compensationMultiple: 3, demoTopUps: false },
  pickupPoints: [],
  shippingOptions: [],
};

/** The form filled from the shop as it is. `reader` reads and writes the shop's currency. */
export function shopFormValues(shop: ShopProfile, reader: MoneyReader): ShopFormValues {
  const p = shop.policies;
  return {
    name: shop.name,
    currency: shop.currency,
    autoConfirmDaysShipped: String(p.autoConfirmDaysShipped),
    autoConfirmDaysPickup: String(p.autoConfirmDaysPickup),
    refundWindowDays: String(p.refundWindowDays),
    compensationMultiple: String(p.compensationMultiple),
    demoTopUps: p.demoTopUps,
    pickupPoints: shop.pickupPoints.map((x) => ({ id: x.id, name: x.name, address: x.address })),
    shippingOptions: shop.shippingOptions.map((x) => ({ id: x.id, name: x.name, fee: reader.moneyText(x.fee) })),
  };
}

/** A currency code as typed, tidied: " cny " → "CNY". */
export function currencyCode(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * Reads the shop form. Fees are read in the currency typed in the form (`readerFor` gives a
 * reader for a well-formed code), or in `fallback` while the typed code is not one.
 */
export function parseShopForm(v: ShopFormValues, readerFor: (currency: string) => MoneyReader, fallback: string): FormResult<ShopProfile> {
  const r = new FormReading();
  const currency = currencyCode(v.currency);
  const reader = readerFor(/^[A-Z]{3}$/.test(currency) ? currency : fallback);
  const policies: Record<string, unknown> = { demoTopUps: v.demoTopUps };
  for (const key of POLICY_FIELDS) policies[key] = r.take(`policies.${key}`, readWhole(v[key]), REQUIRED);
  const shop = {
    name: v.name.trim(),
    currency,
    policies,
    pickupPoints: v.pickupPoints.map((x) => ({ id: x.id as PickupPointId, name: x.name.trim(), address: x.address.trim() })),
    shippingOptions: v.shippingOptions.map((x, i) => ({
      id: x.id as ShippingOptionId,
      name: x.name.trim(),
      // A fee left empty is no fee: free delivery.
      fee: r.take(`shippingOptions[${i}].fee`, readMoney(x.fee, reader), { value: 0 as Money }),
    })),
  };
  return r.finish(validateShopProfile(shop));
}
