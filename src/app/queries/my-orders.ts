/**
 * The buyer's orders as this device sees them: those the shop has decided, and those still in
 * the outbox (queued here, or sent and waiting), each with its lines, refusals and team.
 * Plain reads composed from storage's, wrapped by the UI in a live query.
 */
import type {
  BuyerId, Decision, EventId, Intent, Millis, Money, Order, OrderId, PlaceOrder, Product, ProductId, RejectReason, ShopEvent, Team, TeamId,
} from '../../domain/index.ts';
import { combinationLabel, findCombination } from '../../domain/options.ts';
import { lineName } from '../../domain/orders.ts';
import { productsByIds } from '../../storage/catalog-queries.ts';
import {
  decisionsOfKind, decisionsOn, eventsByIds, firstDecisionsOn, getEvent, getTeam, outboxEntries,
} from '../../storage/order-queries.ts';
import { getOrder } from '../../storage/account-queries.ts';
import { listOrders } from '../../storage/queries.ts';
import { pendingIntents } from '../../storage/journal-queries.ts';
import type { OutboxStatus } from '../../storage/rows.ts';
import type { Store } from '../../storage/store.ts';
import type { OrderStage } from './reads.ts';

export interface OrderView {
  id: OrderId;
  stage: OrderStage;
  /** The shop's order, once it has decided. */
  order?: Order;
  /** The buyer's own request, while the shop has not decided it. */
  intent?: PlaceOrder;
  total: Money;
  placedAt: number;
  /** Why the server refused to take it (sync), if it did. */
  error?: string;
}

export interface PendingRequest {
  id: EventId;
  kind: ShopEvent['kind'];
  status: OutboxStatus;
}

const decidedView = (order: Order): OrderView => ({ id: order.id, stage: order.status, order, total: order.total, placedAt: order.placedAt });

function pendingView(intent: PlaceOrder, status: OutboxStatus, error: string | undefined): OrderView {
  return {
    id: intent.id as string as OrderId,
    stage: status,
    intent,
    total: intent.expectedTotal,
    placedAt: intent.at,
    ...(error !== undefined && { error }),
  };
}

/** A buyer's orders, newest first, including those still waiting in this device's outbox. */
export async function listMyOrders(store: Store, buyer: BuyerId): Promise<OrderView[]> {
  const [decided, pending] = await Promise.all([listOrders(store, buyer), pendingIntents(store)]);
  const views: OrderView[] = decided.map(decidedView);
  for (const p of pending) {
    if (p.intent.kind !== 'order.place' || p.intent.buyer !== buyer) continue;
    views.push(pendingView(p.intent, p.status, p.entry.error));
  }
  return views.sort((a, b) => b.placedAt - a.placedAt || (a.id < b.id ? 1 : -1));
}

/** One order as `listMyOrders` shows it, and the buyer's requests about it still waiting to be decided. */
export async function getMyOrder(store: Store, id: OrderId): Promise<{ view: OrderView; waiting: PendingRequest[] } | undefined> {
  const [order, pending] = await Promise.all([getOrder(store, id), pendingIntents(store)]);
  const waiting = pending
    .filter((p) => 'orderId' in p.intent && p.intent.orderId === id)
    .map((p) => ({ id: p.intent.id, kind: p.intent.kind, status: p.status }));
  if (order) return { view: decidedView(order), waiting };
  const own = pending.find((p) => p.intent.id === (id as string as EventId));
  if (own?.intent.kind !== 'order.place') return undefined;
  return { view: pendingView(own.intent, own.status, own.entry.error), waiting };
}

/** What the shop last said about one of this device's intents, if anything (a refusal's reason). */
export async function decisionOn(store: Store, intentId: EventId): Promise<Decision | undefined> {
  return (await firstDecisionsOn(store, [intentId]))[0];
}

/** Product names by id, for orders the shop has not priced yet (they carry ids only). */
export async function namesOf(store: Store, ids: readonly ProductId[]): Promise<Map<ProductId, string>> {
  const unique = [...new Set(ids)];
  const products = await productsByIds(store, unique);
  return new Map(unique.map((id, i) => [id, products[i]?.name ?? id]));
}

/** A line of an order as the buyer sees it, before or after the shop priced it. */
export interface OrderLineView {
  productId: ProductId;
  name: string;
  qty: number;
  mode: 'regular' | 'team' | 'flash';
}

export interface OrderListItem extends OrderView {
  lines: OrderLineView[];
}

/** Each line named with its combination ("Tea, 250 g, tin"): the order's snapshot, or, still on its way, the product as this device has it. */
function linesOf(view: OrderView, products: ReadonlyMap<ProductId, Product | undefined>): OrderLineView[] {
  if (view.order) return view.order.lines.map((l) => ({ productId: l.productId, name: lineName(l), qty: l.qty, mode: l.mode }));
  return (view.intent?.lines ?? []).map((l) => {
    const product = products.get(l.productId);
    const combo = product && findCombination(product, l.combination);
    const name = product ? lineName({ name: product.name, ...(combo && { variant: combinationLabel(product, combo) }) }) : l.productId;
    return { productId: l.productId, name, qty: l.qty, mode: l.mode };
  });
}

/** The products of these ids, by id. */
async function productsOf(store: Store, ids: readonly ProductId[]): Promise<Map<ProductId, Product | undefined>> {
  const unique = [...new Set(ids)];
  const products = await productsByIds(store, unique);
  return new Map(unique.map((id, i) => [id, products[i]]));
}

/** The buyer's orders, newest first, each with its products' names (also for those still in the outbox). */
export async function listMyOrderItems(store: Store, buyer: BuyerId): Promise<OrderListItem[]> {
  const views = await listMyOrders(store, buyer);
  const products = await productsOf(store, views.flatMap((v) => (v.order ? [] : (v.intent?.lines ?? []).map((l) => l.productId))));
  return views.map((v) => ({ ...v, lines: linesOf(v, products) }));
}

/** A refusal by the shop: why (a code the app translates) and its English message. */
export interface Refusal {
  intentId: EventId;
  kind: Intent['kind'];
  reason?: RejectReason;
  message?: string;
  at: Millis;
}

export interface OrderDetail {
  view: OrderView;
  lines: OrderLineView[];
  /** The buyer's requests about it still in the outbox (queued on this device, or sent). */
  waiting: PendingRequest[];
  /** The order as the buyer asked for it: what they agreed to pay. */
  placed?: PlaceOrder;
  /** When it went out to the shop, once it has. */
  sentAt?: Millis;
  /** The shop's refusal of the order itself. */
  rejection?: Refusal;
  /** The buyer's later requests about it (cancel, refund…) that the shop refused, newest first. */
  refusals: Refusal[];
  /** The team buy it belongs to, once the shop has it. */
  team?: Team;
}

function refusalOf(d: Decision, intent: Intent | undefined): Refusal {
  return {
    intentId: d.intentId ?? d.id,
    kind: intent?.kind ?? 'order.place',
    at: d.at,
    ...(d.reason !== undefined && { reason: d.reason }),
    ...(d.message !== undefined && { message: d.message }),
  };
}

/** One order with everything its page shows. */
export async function orderDetail(store: Store, id: OrderId): Promise<OrderDetail | undefined> {
  const found = await getMyOrder(store, id);
  if (!found) return undefined;
  const { view, waiting } = found;
  // An order's id is the id of the buyer's intent that placed it.
  const placedId = id as string as EventId;
  const placedEvent = await getEvent(store, placedId);
  const placed = placedEvent?.type === 'intent' && placedEvent.kind === 'order.place' ? placedEvent : view.intent;
  const products = await productsOf(store, view.order ? [] : (view.intent?.lines ?? []).map((l) => l.productId));

  const rejected = (await decisionsOn(store, placedId)).find((d) => d.kind === 'order.rejected');

  // Later requests the shop said no to: refusals for this buyer whose intent is about this order.
  const buyer = view.order?.buyer ?? view.intent?.buyer;
  const refused = (await decisionsOfKind(store, 'intent.rejected')).filter((d) => d.buyer === buyer && d.intentId !== undefined);
  const intents = await eventsByIds(store, refused.map((d) => d.intentId!));
  const refusals = refused
    .flatMap((d, i) => {
      const intent = intents[i];
      return intent?.type === 'intent' && 'orderId' in intent && intent.orderId === id ? [refusalOf(d, intent)] : [];
    })
    .sort((a, b) => b.at - a.at);

  const teamId: TeamId | undefined = view.order?.team ?? (placed?.team?.action === 'join' ? placed.team.teamId : undefined);
  const team = teamId === undefined ? undefined : await getTeam(store, teamId);
  const outbox = view.order ? undefined : (await outboxEntries(store, [placedId]))[0];
  const sentAt = view.order?.sentAt ?? outbox?.sentAt;

  return {
    view,
    lines: linesOf(view, products),
    waiting: waiting.filter((w) => w.kind !== 'order.place'),
    refusals,
    ...(placed && { placed }),
    ...(sentAt !== undefined && { sentAt }),
    ...(rejected && { rejection: refusalOf(rejected, placed) }),
    ...(team && { team }),
  };
}
