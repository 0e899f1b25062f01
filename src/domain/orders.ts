import type { BuyerId, CombinationId, OrderId, PickupPointId, ProductId, ShippingOptionId, TeamId } from './ids.ts';
import type { Millis } from './catalog.ts';
import { max, money, times, ZERO, type Money } from './money.ts';
import { countsAsSold } from './sold-count.ts';

/**
 * Taobao's order states, as the shop sees them. "Queued on this device" and "sent" are the
 * outbox's states, shown by the app before the shop's first decision arrives.
 */
export type OrderStatus =
  | 'team-forming'
  | 'accepted'
  | 'shipped'
  | 'ready-for-pickup'
  | 'received'
  | 'finished'
  | 'rejected'
  | 'cancelled'
  | 'refund-requested'
  | 'refunded'
  | 'claim-filed'
  | 'compensated';

/** Every allowed move. Declines return to the state the request came from (checked separately). */
const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  'team-forming': ['accepted', 'cancelled'],
  accepted: ['shipped', 'ready-for-pickup', 'cancelled'],
  shipped: ['received', 'refund-requested'],
  'ready-for-pickup': ['received', 'refund-requested', 'cancelled'],
  received: ['finished', 'refund-requested', 'claim-filed'],
  finished: ['claim-filed'],
  'refund-requested': ['refunded', 'shipped', 'ready-for-pickup', 'received'],
  'claim-filed': ['compensated', 'received', 'finished'],
  rejected: [],
  cancelled: [],
  refunded: [],
  compensated: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isFinal(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Where a decision may start an order: accepted at once, a team's member waiting, or refused. */
const BEGINNINGS: readonly OrderStatus[] = ['accepted', 'team-forming', 'rejected'];

/**
 * Whether an order that is now `status` may just have changed its products' units sold: it
 * began counted, or some move into `status` crosses `countsAsSold`. Shipping, a pickup or a
 * receipt never does, so the seller's device need not rewrite (and every buyer pull again) the
 * product's catalog document for them (publish-state.ts). Read from the transitions, so a new
 * status cannot be forgotten here.
 */
export function soldMayChange(status: OrderStatus): boolean {
  const counts = countsAsSold({ status });
  if (counts && BEGINNINGS.includes(status)) return true;
  return (Object.keys(TRANSITIONS) as OrderStatus[]).some((from) => TRANSITIONS[from].includes(status) && countsAsSold({ status: from }) !== counts);
}

export type LineMode = 'regular' | 'team' | 'flash';

export interface CartLine {
  productId: ProductId;
  /** The combination chosen, for a product with options; absent for a product's implicit one. */
  combination?: CombinationId;
  qty: number;
  mode: LineMode;
}

export type Delivery =
  | { kind: 'ship'; optionId: ShippingOptionId; address: string; recipient: string; phone: string }
  | { kind: 'pickup'; pointId: PickupPointId };

export type Payment = 'wallet' | 'on-pickup';

/**
 * Why an order cannot be paid this way, or undefined: pay on pickup needs a pickup point (the
 * cash is taken where the goods are handed over). The checkout asks it before queuing an order
 * and the authority before accepting one.
 */
export function paymentProblem(payment: Payment, delivery: Pick<Delivery, 'kind'>): string | undefined {
  return payment === 'on-pickup' && delivery.kind !== 'pickup' ? 'Pay on pickup needs a pickup point.' : undefined;
}

export type TeamChoice = { action: 'start' } | { action: 'join'; teamId: TeamId };

export interface PricedLine {
  productId: ProductId;
  /** The combination bought (absent: the product's implicit one). */
  combination?: CombinationId;
  /** The product's name when the order was priced: a snapshot, whatever the seller renames later. */
  name: string;
  /**
   * The combination's values when the order was priced, in words ("250 g, tin"): a snapshot
   * like `name`, so a value renamed or removed later changes nothing here. See `lineName`.
   */
  variant?: string;
  qty: number;
  mode: LineMode;
  /** The list price of the product (of its combination) when the order was priced. */
  listPrice: Money;
  /** The price charged per unit (the team or flash price where that applies). */
  unitPrice: Money;
  /** listPrice × qty: discounts are explained separately. */
  amount: Money;
  /**
   * A flash line's sale, by its start: its units count against that sale alone, so a sale
   * taken off and put back keeps its count, and a cancelled order of an old sale frees
   * nothing in a new one.
   */
  sale?: Millis;
}

/** What a line bought, in words: "Tea, 250 g, tin" (the product's name, then its combination's values). */
export function lineName(line: Pick<PricedLine, 'name' | 'variant'>): string {
  return line.variant === undefined || line.variant === '' ? line.name : `${line.name}, ${line.variant}`;
}

export type DiscountKind = 'flash' | 'team' | 'threshold' | 'coupon';

export interface DiscountLine {
  kind: DiscountKind;
  /** Says in words what was saved and why. */
  label: string;
  /** Positive: how much this line takes off. */
  amount: Money;
  productId?: ProductId;
  promotionId?: string;
}

export interface TimelineEntry {
  /** A status, or an event that did not change the status (such as 'refund-declined'). */
  what: OrderStatus | 'refund-declined' | 'claim-declined';
  at: Millis;
  note?: string;
}

/** Where the buyer's money for an order is now. */
export type MoneyHeld = 'none' | 'escrow' | 'revenue' | 'returned';

export interface Order {
  id: OrderId;
  buyer: BuyerId;
  status: OrderStatus;
  lines: PricedLine[];
  discounts: DiscountLine[];
  subtotal: Money;
  shipping: Money;
  total: Money;
  payment: Payment;
  delivery: Delivery;
  coupon?: string;
  team?: TeamId;
  placedAt: Millis;
  sentAt: Millis;
  held: MoneyHeld;
  /** When receipt is confirmed for the buyer if they do not do it first (paused by a refund request). */
  autoConfirmAt?: Millis;
  receivedAt?: Millis;
  carrier?: string;
  tracking?: string;
  pickupPointId?: PickupPointId;
  /** The status a refund request or claim came from, to return to if it is declined. */
  before?: OrderStatus;
  requestedAt?: Millis;
  reason?: string;
  /** The photos of the claim that was filed (attached-photos.ts), for the seller to judge it by. */
  photos?: string[];
  reviewed: boolean;
  timeline: TimelineEntry[];
}

/**
 * Whether an order uses up what it took: its coupon, its flash-sale units, the buyer's
 * allowances. Every order does but those the shop rejected or that were cancelled.
 */
export function holdsAllowance(order: Pick<Order, 'status'>): boolean {
  return order.status !== 'rejected' && order.status !== 'cancelled';
}


export function withStatus(order: Order, status: OrderStatus, at: Millis, note?: string): Order {
  if (!canMove(order.status, status)) {
    throw new Error(`Order ${order.id} cannot move from ${order.status} to ${status}`);
  }
  const entry: TimelineEntry = note === undefined ? { what: status, at } : { what: status, at, note };
  return { ...order, status, timeline: [...order.timeline, entry] };
}

/**
 * What a counterfeit claim is paid on: the price the buyer paid for the goods, that is the
 * order's total less its shipping, after every saving (flash, team, spend-X-save-Y, coupon).
 * The shop's policy promises "the price back plus this many times it", and the price is what
 * was paid: China's consumer law (Art. 55, three times 购买商品的价款) and Tmall's 假一赔三 count
 * the price paid, not a list price nobody paid, and shipping is not the goods. The receipt
 * shows this figure ("Paid for the goods"), and the claim form, the seller's dialog and the
 * authority all take it from here, so the number promised is the number paid.
 */
export function goodsPaid(order: Pick<Order, 'total' | 'shipping'>): Money {
  return max(money(order.total - order.shipping), ZERO);
}

/**
 * What was paid for each line's goods, in the order's line order, summing exactly to
 * `goodsPaid`: a line's own price (its flash or team price already in it), less its share of the
 * order's spend-X-save-Y and coupon savings, which apply to regular-priced lines only and are
 * shared among them by what they charged (the remainder to the first lines, so every device
 * splits alike). So a refund or a claim, and the money behind it, can be told per line: which
 * combination it was, and how much of what was paid.
 */
export function paidByLine(order: Pick<Order, 'lines' | 'total' | 'shipping'>): Money[] {
  const charged = order.lines.map((l) => l.unitPrice * l.qty);
  const savings = Math.max(0, charged.reduce((a, b) => a + b, 0) - goodsPaid(order));
  const shared = order.lines.map((l, i) => (l.mode === 'regular' ? charged[i]! : 0));
  const weights = shared.some((w) => w > 0) ? shared : charged;
  const base = weights.reduce((a, b) => a + b, 0);
  if (savings === 0 || base === 0) return charged.map((c) => money(c));
  // In big integers: a saving times a line's amount can pass what a double holds exactly.
  const cuts = weights.map((w) => Number((BigInt(savings) * BigInt(w)) / BigInt(base)));
  let left = savings - cuts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < cuts.length; i++) {
    if (weights[i]! > 0 && cuts[i]! < charged[i]!) {
      cuts[i]! += 1;
      left -= 1;
    }
  }
  return charged.map((c, i) => money(c - cuts[i]!));
}

/** A compensated claim, in money: what comes back (what was paid), the base, and the compensation on top. */
export interface ClaimPayout {
  back: Money;
  goods: Money;
  extra: Money;
}

export function claimPayout(order: Pick<Order, 'total' | 'shipping' | 'held'>, multiple: number): ClaimPayout {
  const goods = goodsPaid(order);
  return { back: order.held === 'escrow' || order.held === 'revenue' ? order.total : ZERO, goods, extra: times(goods, multiple) };
}
