import type { Millis } from '../catalog.ts';
import type { Intent, PlaceOrder } from '../events.ts';
import type { OrderId } from '../ids.ts';
import type { Money } from '../money.ts';
import type { Order } from '../orders.ts';
import { run } from '../validate/check.ts';
import { order as orderCheck } from '../validate/order.ts';
import { refuse, type Ctx } from './context.ts';

/** Longest error text kept in a refusal: enough to name what broke, never a whole document. */
const MAX_MESSAGE = 300;

/**
 * Refuses an intent whose deciding threw, with the error's words, so that whoever sent it is
 * told and nothing else waits on it. An order is refused as an order (the buyer's list shows
 * it rejected, with why) when the intent's own fields make one that every device's validators
 * take; otherwise, as any intent.
 */
export function refuseUndecidable(ctx: Ctx, intent: Intent, t: Millis, error: unknown): void {
  const message = `The shop could not decide this request: ${plainText(error instanceof Error ? error.message : String(error))}`;
  const order = intent.kind === 'order.place' ? rejectedOrder(intent, t, message) : undefined;
  refuse(ctx, intent, t, 'malformed', message, order);
}

/** The order as refused, nothing priced (its pricing may be what failed) and nothing owed. */
function rejectedOrder(intent: PlaceOrder, t: Millis, message: string): Order | undefined {
  const order: Order = {
    id: intent.id as string as OrderId,
    buyer: intent.buyer,
    status: 'rejected',
    lines: [],
    discounts: [],
    subtotal: 0 as Money,
    shipping: 0 as Money,
    total: 0 as Money,
    payment: intent.payment,
    delivery: intent.delivery,
    placedAt: intent.at,
    sentAt: t,
    held: 'none',
    reviewed: false,
    reason: message,
    timeline: [{ what: 'rejected', at: t, note: message }],
  };
  return run(order, orderCheck).ok ? order : undefined;
}

/** Text a decision's validator takes: no control characters, no broken Unicode, not too long. */
function plainText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const chars = Array.from(s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' '), (c) => (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : c));
  return chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE).join('')}…` : chars.join('');
}
