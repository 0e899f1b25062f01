import { paymentProblem, type CartLine, type Delivery, type EventId, type Payment, type TeamChoice } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { InvalidInputError } from '../errors.ts';
import { queueBuyerIntent } from '../queue-intent.ts';
import { quoteCartHere } from '../queries/quote-cart.ts';

export interface Checkout {
  lines: CartLine[];
  coupon?: string | undefined;
  payment: Payment;
  delivery: Delivery;
  team?: TeamChoice | undefined;
  /** Empty the cart in the same transaction as the order is queued (a cart checkout, not a team buy). */
  fromCart: boolean;
}

/**
 * Queues an order at the price this device quotes now: the buyer agrees to that total, and
 * the shop will not charge more. Refuses at once what the shop would refuse for sure (an
 * empty cart, an unknown coupon), so the buyer hears it now rather than after a sync.
 */
export async function placeOrder(ctx: AppContext, checkout: Checkout): Promise<EventId> {
  if (checkout.lines.length === 0) throw new InvalidInputError(['Your cart is empty.']);
  const unpayable = paymentProblem(checkout.payment, checkout.delivery);
  if (unpayable) throw new InvalidInputError([unpayable]);
  const q = await quoteCartHere(ctx.store, ctx.buyer(), ctx.now(), checkout);
  if (q.problems.length > 0) throw new InvalidInputError(q.problems.map((p) => p.message));
  const body = {
    kind: 'order.place' as const,
    lines: checkout.lines,
    payment: checkout.payment,
    delivery: checkout.delivery,
    expectedTotal: q.total,
    ...(q.coupon !== undefined && { coupon: q.coupon }),
    ...(checkout.team !== undefined && { team: checkout.team }),
  };
  return queueBuyerIntent(ctx, body, { clearCart: checkout.fromCart });
}
