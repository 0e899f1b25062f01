/**
 * Reads for the buyer's account screens besides the orders (my-orders.ts): a team, the wallet's
 * history, withdrawals, requests still in the outbox, and what came of an action. The seller's
 * inbox is in seller-inbox.ts. Plain reads composed from storage's, wrapped by the UI in a live
 * query: they only read, and stay cheap to rerun.
 */
import type {
  BuyerId, DecisionKind, EventId, Intent, Millis, Money, OrderId, Product, RejectReason, Team, TeamId, Withdrawal, WithdrawalId,
} from '../../domain/index.ts';
import { productsByIds } from '../../storage/catalog-queries.ts';
import { eventsByIds, firstDecisionsOn, getTeam, outboxEntries, withdrawalsOf } from '../../storage/order-queries.ts';
import { postingsOf } from '../../storage/account-queries.ts';

// The wallet's balances, for the wallet screen: through here, not reads.ts, so that the first
// screen's chunk does not carry the account's reads.
export { walletOf } from '../../storage/account-queries.ts';
import { pendingIntents } from '../../storage/journal-queries.ts';
import { myTeamOrders } from './shop.ts';
import type { OutboxStatus } from '../../storage/rows.ts';
import type { Store } from '../../storage/store.ts';

/* ------------------------------------------------------------------ teams */

export interface TeamPage {
  team: Team;
  product: Product | undefined;
  /** The buyer's own order in this team, if they are in it. */
  myOrder: OrderId | undefined;
}

/** A team as a shared link opens it, with whether the buyer is already in it. */
export async function teamPage(store: Store, id: TeamId, buyer: BuyerId): Promise<TeamPage | undefined> {
  const team = await getTeam(store, id);
  if (!team) return undefined;
  const [product] = await productsByIds(store, [team.productId]);
  // The public copy of a team names no member: the buyer's own orders (and queued join) say.
  const myOrder = team.members.find((m) => m.buyer === buyer)?.orderId ?? (await myTeamOrders(store, buyer)).get(id);
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
export async function walletHistory(store: Store, buyer: BuyerId): Promise<WalletLine[]> {
  const entries = await postingsOf(store, buyer);
  const docs = await eventsByIds(store, entries.map((e) => e.id));
  return entries.map((e, i) => {
    const d = docs[i];
    const line: WalletLine = { id: e.id, kind: e.kind, at: e.at, available: e.available, escrow: e.escrow };
    if (d?.type === 'decision') {
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
export async function myWithdrawals(store: Store, buyer: BuyerId): Promise<WithdrawalView[]> {
  const [decided, pending] = await Promise.all([withdrawalsOf(store, buyer), pendingIntents(store)]);
  const out: WithdrawalView[] = decided.map((w) => ({
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
export async function myPending(store: Store, buyer: BuyerId, kind: Intent['kind']): Promise<{ id: EventId; status: Exclude<OutboxStatus, 'refused'>; amount?: Money }[]> {
  return (await pendingIntents(store)).flatMap((p) => {
    const i = p.intent;
    if (i.kind !== kind || i.by !== 'buyer' || i.buyer !== buyer) return [];
    return [{ id: i.id, status: p.status, ...('amount' in i && { amount: i.amount }) }];
  });
}

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

export async function actionProgress(store: Store, ids: readonly EventId[]): Promise<ActionProgress> {
  const [entries, events, decisions] = await Promise.all([outboxEntries(store, ids), eventsByIds(store, ids), firstDecisionsOn(store, ids)]);
  const refused = decisions.find((d) => d?.kind === 'intent.rejected' || d?.kind === 'order.rejected');
  if (refused) return { state: 'decided', refusal: { reason: refused.reason, message: refused.message } };
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
