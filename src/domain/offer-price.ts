/**
 * What an offer (a team buy, a flash sale) asks of a product's combinations. Apart from
 * options.ts because a catalog card, on the first screen, needs only this.
 */
import type { OfferCombination, Product } from './catalog.ts';
import type { CombinationId } from './ids.ts';
import type { Money } from './money.ts';

/**
 * An offer's price for a combination, or undefined if the offer does not cover it: an offer
 * without a list covers every combination at its price; with one, those listed, each at its own
 * price if it has one.
 */
export function offerPrice(offer: { price: Money; combinations?: readonly OfferCombination[] | undefined }, combination: CombinationId | undefined): Money | undefined {
  if (offer.combinations === undefined) return offer.price;
  if (combination === undefined) return undefined;
  const entry = offer.combinations.find((c) => c.id === combination);
  return entry === undefined ? undefined : (entry.price ?? offer.price);
}

/**
 * The product as a card shows it, before any choice: each offer at the lowest price it asks of
 * a combination for sale it covers (as the card's price is the lowest), or no offer where it
 * covers none for sale. An offer's own price may be no combination's (a sale of the 250 g tin
 * at ¥60 of its own, under a sale price of ¥30): no card offers a price the shop would refuse.
 */
export function offersOnCard(p: Product): Product {
  const shown = { ...p };
  for (const key of ['team', 'flash'] as const) {
    const offer = p[key];
    if (offer?.combinations === undefined || p.combinations === undefined) continue;
    const prices = p.combinations.flatMap((c) => (c.sold ? offerPrice(offer, c.id) ?? [] : []));
    delete shown[key];
    // Without its list: its price is said, not to be looked up per combination again.
    if (prices.length > 0) Object.assign(shown, { [key]: { ...offer, price: Math.min(...prices), combinations: undefined } });
  }
  return shown;
}
