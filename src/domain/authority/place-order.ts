import { HOUR, type Millis, type OfferCombination, type Product, type TeamOffer } from '../catalog.ts';
import type { PlaceOrder, RejectReason } from '../events.ts';
import type { OrderId, ProductId, TeamId } from '../ids.ts';
import { available, escrow, transfer, walletOf } from '../ledger.ts';
import { paymentProblem, type Order, type OrderStatus } from '../orders.ts';
import type { PricingProblemCode, Quote } from '../pricing/types.ts';
import { quoteCart } from '../quote-state.ts';
import { joinProblem, type JoinProblem, type Team } from '../teams.ts';
import { decisionIdFor, emit, refuse, type Ctx } from './context.ts';
import { moveStock, stockProblem } from './stock.ts';
import { settleFullTeam } from './teams.ts';

/**
 * Accepts or rejects an order, at the moment the server says it was sent. Checks run in the
 * order a person would want them explained: what is wrong with the cart itself, then a price
 * that went up, then stock, the team, and last the wallet.
 */
export function placeOrder(ctx: Ctx, intent: PlaceOrder, t: Millis): void {
  const d = ctx.draft;
  const q = quoteCart(d, intent.buyer, t, intent);
  const order = orderFrom(intent, q, t, (id) => d.products.get(id)?.value.flash?.startsAt);
  const no = (reason: RejectReason, message: string) =>
    void refuse(ctx, intent, t, reason, message, { ...order, status: 'rejected', reason: message, timeline: [{ what: 'rejected', at: t, note: message }] });

  if (!d.shop) return no('product-unavailable', 'The shop is not open yet.');
  const unpayable = paymentProblem(intent.payment, intent.delivery);
  if (unpayable) return no('delivery-invalid', unpayable);
  const problem = q.problems[0];
  if (problem) return no(reasonFor(problem.code), q.problems.map((p) => p.message).join(' '));
  if (q.total > intent.expectedTotal) {
    return no('price-changed', `Prices changed since you looked: you agreed to ${intent.expectedTotal}, it is now ${q.total} (minor units).`);
  }
  const short = stockProblem(d, order);
  if (short) return no(short.reason, short.message);

  let team: Team | undefined;
  if (intent.team?.action === 'join') {
    const joined = d.teams.get(intent.team.teamId)?.value;
    if (!joined) return no('team-closed', JOIN_REFUSALS['team-closed']);
    const cannot = joinProblem(joined, intent.buyer, t);
    if (cannot) return no(cannot, JOIN_REFUSALS[cannot]);
    team = { ...joined, members: [...joined.members, { orderId: order.id, buyer: intent.buyer }] };
  } else if (intent.team?.action === 'start') {
    const line = q.lines[0]!;
    const offer = d.products.get(line.productId)?.value.team;
    if (!offer) return no('team-closed', 'This product has no team buy.');
    team = {
      id: order.id as string as TeamId,
      productId: line.productId,
      // A team of any combination locks the offer's price of each combination as it is now, for whoever joins.
      ...(offer.anyCombination === true && line.combination !== undefined
        ? { anyCombination: true, prices: lockedPrices(offer, d.products.get(line.productId)!.value) }
        : line.combination !== undefined && { combination: line.combination }),
      price: line.unitPrice,
      size: offer.size,
      leader: intent.buyer,
      members: [{ orderId: order.id, buyer: intent.buyer }],
      openedAt: t,
      deadline: t + offer.windowHours * HOUR,
      status: 'forming',
    };
  }

  if (intent.payment === 'wallet' && walletOf(d.balances, intent.buyer).available < q.total) {
    return no('insufficient-balance', `Your wallet holds ${walletOf(d.balances, intent.buyer).available}, the order needs ${q.total} (minor units).`);
  }

  const status: OrderStatus = team ? 'team-forming' : 'accepted';
  const accepted: Order = {
    ...order,
    status,
    held: intent.payment === 'wallet' && q.total > 0 ? 'escrow' : 'none',
    ...(team && { team: team.id }),
    timeline: [{ what: status, at: t }],
  };
  emit(ctx, {
    kind: 'order.accepted',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: intent.buyer,
    postings: intent.payment === 'wallet' ? transfer(available(intent.buyer), escrow(intent.buyer), q.total) : [],
    set: { orders: [accepted], inventory: moveStock(d, order.lines, 1), ...(team && { teams: [team] }) },
  });
  if (!team) return;
  if (intent.team?.action === 'start') ctx.timers.push({ due: team.deadline, kind: 'team-deadline', teamId: team.id });
  if (team.members.length >= team.size) settleFullTeam(ctx, team, t);
}

/** Every combination a team offer covers, each with its team price spelled out. */
function lockedPrices(offer: TeamOffer, product: Product): OfferCombination[] {
  const covered: OfferCombination[] = offer.combinations ?? (product.combinations ?? []).map((c) => ({ id: c.id }));
  return covered.map((c) => ({ id: c.id, price: c.price ?? offer.price }));
}

const JOIN_REFUSALS: Record<JoinProblem, string> = {
  'team-closed': 'This team buy has closed.',
  'team-full': 'This team is already full.',
  'team-member': 'You are already in this team.',
};

/** The order as the buyer asked for it, priced now. */
function orderFrom(intent: PlaceOrder, q: Quote, t: Millis, saleOf: (id: ProductId) => Millis | undefined): Order {
  return {
    id: intent.id as string as OrderId,
    buyer: intent.buyer,
    status: 'accepted',
    lines: q.lines.map((line) => {
      const sale = line.mode === 'flash' ? saleOf(line.productId) : undefined;
      return sale === undefined ? line : { ...line, sale };
    }),
    discounts: q.discounts,
    subtotal: q.subtotal,
    shipping: q.shipping,
    total: q.total,
    payment: intent.payment,
    delivery: intent.delivery,
    ...(q.coupon !== undefined && { coupon: q.coupon }),
    placedAt: intent.at,
    sentAt: t,
    held: 'none',
    reviewed: false,
    timeline: [],
  };
}

function reasonFor(code: PricingProblemCode): RejectReason {
  switch (code) {
    case 'unknown-product':
    case 'product-hidden':
    case 'combination-needed':
    case 'unknown-combination':
    case 'combination-off':
      return 'product-unavailable';
    case 'flash-not-started':
    case 'flash-ended':
    case 'flash-limit':
      return code;
    case 'no-flash-sale':
      return 'flash-ended';
    case 'unknown-team':
    case 'no-team-offer':
      return 'team-closed';
    case 'coupon-unknown':
    case 'coupon-not-started':
    case 'coupon-expired':
    case 'coupon-used-up':
    case 'coupon-buyer-limit':
    case 'coupon-min-spend':
      return 'coupon-invalid';
    case 'unknown-shipping-option':
    case 'unknown-pickup-point':
      return 'delivery-invalid';
    default:
      return 'malformed';
  }
}
