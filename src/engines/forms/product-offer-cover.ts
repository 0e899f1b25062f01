/**
 * Which combinations a product's team buy and flash sale cover, in the seller's product form
 * (issue 13): every combination at the offer's price (the default), or only those the seller
 * picks, each at the offer's price or one of its own; and, for a team buy, whether one team may
 * mix combinations ("any combination") or is for the one its starter chose. These are exactly
 * what the domain's `TeamOffer` and `FlashSale` hold (`combinations`, `anyCombination`), and the
 * whole is checked by the domain's `validateProduct`; this file reads what was typed into them.
 *
 * Fields: `team.cover` (nothing picked), `team.cover[i]` (the price typed for the i-th
 * combination of the form's rows), the same under `flash.`.
 */
import type { CombinationId, Money, OfferCombination, Product } from '../../domain/index.ts';
import { OPTIONAL, readMoney, REQUIRED, type FieldErrors, type FormReading, type MoneyReader } from './form-reading.ts';

export type Offer = 'team' | 'flash';

export interface OfferCover {
  /** Every combination at the offer's price; else only those in `picked`. */
  all: boolean;
  /** The combinations picked, by id: the price typed for each ('' is the offer's own price). */
  picked: Record<string, string>;
}

export const ALL_COMBINATIONS: OfferCover = { all: true, picked: {} };

/** The form's cover of an offer as the product has it. */
export function offerCoverValues(offer: { combinations?: readonly OfferCombination[] } | undefined, reader: MoneyReader): OfferCover {
  if (offer?.combinations === undefined) return ALL_COMBINATIONS;
  return { all: false, picked: Object.fromEntries(offer.combinations.map((c) => [c.id, c.price === undefined ? '' : reader.moneyText(c.price)])) };
}

/** Picks a combination (at the offer's price) or takes it out. */
export function pickCombination(cover: OfferCover, id: string, on: boolean): OfferCover {
  const picked = { ...cover.picked };
  if (on) picked[id] ??= '';
  else delete picked[id];
  return { ...cover, picked };
}

/** The price typed for one picked combination. */
export const setPickedPrice = (cover: OfferCover, id: string, price: string): OfferCover =>
  ({ ...cover, picked: { ...cover.picked, [id]: price } });

/** Whether a form field is one of the covers' (positions of rows: they go when the combinations move). */
export const isCoverField = (field: string) => /^(team|flash)\.cover\b/.test(field);

/**
 * Reads an offer's cover against the form's combinations (`ids`, in the rows' order): undefined
 * for all of them; else the picked ones still there, in the rows' order, each with its price if
 * one was typed. Picking none is said at `<offer>.cover`.
 */
export function readOfferCover(cover: OfferCover, ids: readonly string[], offer: Offer, reader: MoneyReader, r: FormReading): OfferCombination[] | undefined {
  if (cover.all) return undefined;
  const list: OfferCombination[] = [];
  ids.forEach((id, i) => {
    const typed = cover.picked[id];
    if (typed === undefined) return;
    const price = r.take(`${offer}.cover[${i}]`, readMoney(typed, reader), OPTIONAL);
    list.push({ id: id as CombinationId, ...(price !== undefined && { price }) });
  });
  if (list.length === 0) r.errors[`${offer}.cover`] = REQUIRED;
  return list;
}

/**
 * An offer's price for each combination it lists must be below that combination's own price (a
 * team or flash price at or above the regular price is no offer, as specialPriceErrors says for a
 * product without a list): said at the combination's price if it has one, else at the offer's.
 */
export function coverPriceErrors(product: Pick<Product, 'combinations' | 'team' | 'flash'>, ids: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const prices = new Map((product.combinations ?? []).map((c) => [c.id as string, c.price]));
  for (const offer of ['team', 'flash'] as const) {
    const o = product[offer];
    for (const c of o?.combinations ?? []) {
      const regular = prices.get(c.id);
      const price: Money | undefined = c.price ?? o?.price;
      if (regular === undefined || price === undefined || price < regular) continue;
      const field = c.price === undefined ? `${offer}.price` : `${offer}.cover[${ids.indexOf(c.id)}]`;
      errors[field] ??= { code: 'not-below-price', price: regular };
    }
  }
  return errors;
}
