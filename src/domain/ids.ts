import type { Brand } from './brand.ts';

/**
 * Ids are made on the device (UUIDv7 or similar) and passed into the domain: the domain
 * never makes randomness of its own, so the same input always gives the same output.
 */
export type EventId = Brand<string, 'EventId'>;
/** A buyer's user name on the CouchDB server (or the demo's local name). */
export type BuyerId = Brand<string, 'BuyerId'>;
export type ProductId = Brand<string, 'ProductId'>;
/** An order's id is the id of the buyer's place-order intent: one order per intent. */
export type OrderId = Brand<string, 'OrderId'>;
/** A team's id is the id of the order that started it. */
export type TeamId = Brand<string, 'TeamId'>;
export type PromotionId = Brand<string, 'PromotionId'>;
export type PickupPointId = Brand<string, 'PickupPointId'>;
export type ShippingOptionId = Brand<string, 'ShippingOptionId'>;
/** A withdrawal's id is the id of the buyer's withdrawal intent. */
export type WithdrawalId = Brand<string, 'WithdrawalId'>;
/** One value of a product's option group ("red", "250 g"), unique within its product (see `OptionGroup`). */
export type OptionValueId = Brand<string, 'OptionValueId'>;
/** One combination of option values (a SKU), unique within its product (see `Combination`). */
export type CombinationId = Brand<string, 'CombinationId'>;

/** Ids travel as CouchDB document ids: keep them short, printable and free of a leading underscore. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Option value and combination ids live inside a product and inside its stock keys
 * (`skuKey`: product id, "/", combination id), so they are shorter and never hold a "/" (nor
 * does any id: ID_PATTERN has none, which keeps a stock key readable back into its two parts).
 */
export const OPTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$/;

export function isId(x: unknown): x is string {
  return typeof x === 'string' && ID_PATTERN.test(x);
}
