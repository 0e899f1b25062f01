/**
 * Reads for the buyer's account screens (orders, wallet, team); the seller's inbox is in
 * seller-inbox-queries.ts.
 * Plain async functions over the device's database, wrapped by the UI in a live query: they
 * only read, and stay cheap to rerun.
 */
import type { BuyerId, Decision, DecisionKind, EventId, Intent, Millis, Money, OrderId, PlaceOrder, Product, ProductId, RejectReason, Team, TeamId, Withdrawal, WithdrawalId } from '../domain/index.ts';
import { checkBackup, pendingIntents, postingsOf, type Backup, type OutboxStatus, type ShopDb } from '../storage/index.ts';
import { getMyOrder, listMyOrders, type OrderView, type PendingRequest } from './queries.ts';

/* ------------------------------------------------------------------ helpers */

export const isDecision = (e: unknown): e is Decision => typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'decision';

/** Product names by id, for orders the shop has not priced yet (they carry ids only). */
export async function namesOf(db: ShopDb, ids: readonly ProductId[]): Promise<Map<ProductId, string>> {
  const unique = [...new Set(ids)];
  const rows = await db.products.bulkGet(unique);
  const out = new Map<ProductId, string>();
  unique.forEach((id, i) => out.set(id, rows[i]?.value.name ?? id));
  return out;
}

/* ------------------------------------------------------------------ orders */

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

function linesOf(view: OrderView, names: ReadonlyMap<ProductId, string>): OrderLineView[] {
  if (view.order) return view.order.lines.map((l) => ({ productId: l.productId, name: l.name, qty: l.qty, mode: l.mode }));
  return (view.intent?.lines ?? []).map((l) => ({ productId: l.productId, name: names.get(l.productId) ?? l.productId, qty: l.qty, mode: l.mode }));
}

/** The buyer's orders, newest first, each with its products' names (also for those still in the outbox). */
export async function listMyOrderItems(db: ShopDb, buyer: BuyerId): Promise<OrderListItem[]> {
  const views = await listMyOrders(db, buyer);
  const names = await namesOf(db, views.flatMap((v) => (v.order ? [] : (v.intent?.lines ?? []).map((l) => l.productId))));
  return views.map((v) => ({ ...v, lines: linesOf(v, names) }));
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
export async function orderDetail(db: ShopDb, id: OrderId): Promise<OrderDetail | undefined> {
  const found = await getMyOrder(db, id);
  if (!found) return undefined;
  const { view, waiting } = found;
  const placedEvent = await db.events.get(id);
  const placed = placedEvent?.type === 'intent' && placedEvent.kind === 'order.place' ? placedEvent : view.intent;
  const names = await namesOf(db, view.order ? [] : (view.intent?.lines ?? []).map((l) => l.productId));

  const decisionsOn = await db.events.where('intentId').equals(id).toArray();
  const rejected = decisionsOn.find((e): e is Decision => isDecision(e) && e.kind === 'order.rejected');

  // Later requests the shop said no to: refusals for this buyer whose intent is about this order.
  const buyer = view.order?.buyer ?? view.intent?.buyer;
  const refused = (await db.events.where('kind').equals('intent.rejected').toArray()).filter(
    (e): e is Decision => isDecision(e) && e.buyer === buyer && e.intentId !== undefined,
  );
  const intents = await db.events.bulkGet(refused.map((d) => d.intentId!));
  const refusals = refused
    .flatMap((d, i) => {
      const intent = intents[i];
      return intent?.type === 'intent' && 'orderId' in intent && intent.orderId === id ? [refusalOf(d, intent)] : [];
    })
    .sort((a, b) => b.at - a.at);

  const teamId: TeamId | undefined = view.order?.team ?? (placed?.team?.action === 'join' ? placed.team.teamId : undefined);
  const team = teamId === undefined ? undefined : (await db.teams.get(teamId))?.value;
  const outbox = view.order ? undefined : await db.outbox.get(id);
  const sentAt = view.order?.sentAt ?? outbox?.sentAt;

  return {
    view,
    lines: linesOf(view, names),
    waiting: waiting.filter((w) => w.kind !== 'order.place'),
    refusals,
    ...(placed && { placed }),
    ...(sentAt !== undefined && { sentAt }),
    ...(rejected && { rejection: refusalOf(rejected, placed) }),
    ...(team && { team }),
  };
}

/* ------------------------------------------------------------------ teams */

export interface TeamPage {
  team: Team;
  product: Product | undefined;
  /** The buyer's own order in this team, if they are in it. */
  myOrder: OrderId | undefined;
}

/** A team as a shared link opens it, with whether the buyer is already in it. */
export async function teamPage(db: ShopDb, id: TeamId, buyer: BuyerId): Promise<TeamPage | undefined> {
  const team = (await db.teams.get(id))?.value;
  if (!team) return undefined;
  const product = (await db.products.get(team.productId))?.value;
  let myOrder = team.members.find((m) => m.buyer === buyer)?.orderId;
  if (myOrder === undefined) {
    // A join still in this device's outbox counts too: the buyer should not join twice.
    const mine = (await pendingIntents(db)).find(
      (p) => p.intent.kind === 'order.place' && p.intent.buyer === buyer && p.intent.team?.action === 'join' && p.intent.team.teamId === id,
    );
    if (mine) myOrder = mine.intent.id as string as OrderId;
  }
  return { team, product, myOrder };
}

/* ------------------------------------------------------------------ wallet */

/** One line of the wallet's history: what one decision did to the buyer's two balances. */
export interface WalletLine {
  id: EventId;
  kind: DecisionKind;
  at: Millis;
  available: Money;
  escrow: Money;
  /** The shop's note (a credit's method and note, "Demo top-up"). */
  message?: string;
  orderId?: OrderId;
  withdrawalId?: WithdrawalId;
}

/** The buyer's wallet history, newest first, with the order or withdrawal each line is about. */
export async function walletHistory(db: ShopDb, buyer: BuyerId): Promise<WalletLine[]> {
  const entries = await postingsOf(db, buyer);
  const docs = await db.events.bulkGet(entries.map((e) => e.id));
  return entries.map((e, i) => {
    const d = docs[i];
    const line: WalletLine = { id: e.id, kind: e.kind, at: e.at, available: e.available, escrow: e.escrow };
    if (isDecision(d)) {
      if (d.message !== undefined) line.message = d.message;
      const order = d.set.orders?.find((o) => o.buyer === buyer);
      if (order) line.orderId = order.id;
      const w = d.set.withdrawals?.find((x) => x.buyer === buyer);
      if (w) line.withdrawalId = w.id;
    }
    return line;
  });
}

export interface WithdrawalView {
  id: WithdrawalId;
  amount: Money;
  /** 'queued' and 'sent' while the request is still in this device's outbox. */
  status: Withdrawal['status'] | 'queued' | 'sent';
  requestedAt: Millis;
  settledAt?: Millis;
  note?: string;
}

/** The buyer's withdrawal requests, newest first: those in the outbox, then those the shop holds. */
export async function myWithdrawals(db: ShopDb, buyer: BuyerId): Promise<WithdrawalView[]> {
  const [rows, pending] = await Promise.all([db.withdrawals.where('buyer').equals(buyer).toArray(), pendingIntents(db)]);
  const out: WithdrawalView[] = rows.map(({ value: w }) => ({
    id: w.id,
    amount: w.amount,
    status: w.status,
    requestedAt: w.requestedAt,
    ...(w.settledAt !== undefined && { settledAt: w.settledAt }),
    ...(w.note !== undefined && { note: w.note }),
  }));
  for (const p of pending) {
    if (p.intent.kind !== 'withdrawal.request' || p.intent.buyer !== buyer) continue;
    out.push({ id: p.intent.id as string as WithdrawalId, amount: p.intent.amount, status: p.status, requestedAt: p.intent.at });
  }
  return out.sort((a, b) => b.requestedAt - a.requestedAt || (a.id < b.id ? 1 : -1));
}

/** The buyer's requests of one kind still in the outbox (top-ups, say), oldest first. */
export async function myPending(db: ShopDb, buyer: BuyerId, kind: Intent['kind']): Promise<{ id: EventId; status: Exclude<OutboxStatus, 'refused'>; amount?: Money }[]> {
  return (await pendingIntents(db)).flatMap((p) => {
    const i = p.intent;
    if (i.kind !== kind || i.by !== 'buyer' || i.buyer !== buyer) return [];
    return [{ id: i.id, status: p.status, ...('amount' in i && { amount: i.amount }) }];
  });
}

/* ------------------------------------------------------------------ the seller's inbox */

/* ------------------------------------------------------------------ backups */

/**
 * Checks a parsed backup file without changing anything, so the person can be asked to
 * confirm knowing what it holds; throws a `BackupError` saying what is wrong with it.
 */
export function checkBackupFile(db: ShopDb, data: unknown): Backup {
  return checkBackup(db, data);
}

export type { Backup } from '../storage/index.ts';

/* ------------------------------------------------------------------ what came of an action */

/**
 * Where some of this device's intents (one thing a person did) are now, as one: decided (and
 * refused, if any was), still waiting on this device, sent and waiting for the shop, or not
 * taken by the server. Read live, so a notice about them changes as they move on.
 */
export type ActionProgress =
  | { state: 'decided'; refusal?: { reason: RejectReason | undefined; message: string | undefined } }
  | { state: 'server-refused'; error: string }
  /** `seller`: one of them is the seller's own command (decided on the seller's device, never sent). */
  | { state: 'queued'; seller: boolean }
  | { state: 'sent' };

export async function actionProgress(db: ShopDb, ids: readonly EventId[]): Promise<ActionProgress> {
  const [entries, events, decisions] = await Promise.all([
    db.outbox.bulkGet([...ids]),
    db.events.bulkGet([...ids]),
    Promise.all(ids.map((id) => db.events.where('intentId').equals(id).first())),
  ]);
  const refused = decisions.find((d) => isDecision(d) && (d.kind === 'intent.rejected' || d.kind === 'order.rejected'));
  if (isDecision(refused)) return { state: 'decided', refusal: { reason: refused.reason, message: refused.message } };
  const waiting = entries.filter((e, i) => e !== undefined && decisions[i] === undefined);
  const serverRefused = waiting.find((e) => e?.status === 'refused');
  if (serverRefused) return { state: 'server-refused', error: serverRefused.error ?? '' };
  const queued = ids.filter((_, i) => entries[i]?.status === 'queued' && decisions[i] === undefined);
  if (queued.length > 0) {
    const seller = queued.some((id) => {
      const e = events[ids.indexOf(id)];
      return e?.type === 'intent' && e.by === 'seller';
    });
    return { state: 'queued', seller };
  }
  return waiting.length > 0 ? { state: 'sent' } : { state: 'decided' };
}
