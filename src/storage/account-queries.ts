/**
 * An order and a person's wallet, as the device holds them: read by the account's screens, not
 * the first one (queries.ts is loaded with the first screen, so these live apart; the home's
 * team strip reads `listOrders`, which stays there).
 */
import type { AccountKey, BuyerId, DecisionKind, EventId, Millis, Money, Order, OrderId } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';

export async function getOrder(store: Store, id: OrderId): Promise<Order | undefined> {
  const db = tablesOf(store);
  return (await db.orders.get(id))?.value;
}

export interface Wallet {
  available: Money;
  escrow: Money;
}

export async function walletOf(store: Store, buyer: BuyerId): Promise<Wallet> {
  const db = tablesOf(store);
  const keys: AccountKey[] = [`available:${buyer}`, `escrow:${buyer}`];
  const [available, escrow] = await db.balances.bulkGet(keys);
  return { available: available?.amount ?? (0 as Money), escrow: escrow?.amount ?? (0 as Money) };
}

/** One line of a buyer's wallet history: what one decision did to their two accounts. */
export interface WalletEntry {
  id: EventId;
  n: number;
  kind: DecisionKind;
  at: Millis;
  intentId?: EventId;
  /** Net change to the buyer's `available` and `escrow` by this decision. */
  available: Money;
  escrow: Money;
}

/**
 * The decisions whose postings touch a buyer's accounts, newest first. Postings are inside
 * the stored documents (kept unchanged, so not indexed by buyer): this reads every decision
 * and suits a shop's thousands of events; a version with a buyer index can replace it.
 */
export async function postingsOf(store: Store, buyer: BuyerId): Promise<WalletEntry[]> {
  const db = tablesOf(store);
  const out: WalletEntry[] = [];
  await db.events.where('type').equals('decision').each((e) => {
    if (e.type !== 'decision') return;
    let available = 0;
    let escrow = 0;
    let touched = false;
    for (const p of e.postings) {
      if (p.account !== 'available' && p.account !== 'escrow') continue;
      if (p.buyer !== buyer) continue;
      touched = true;
      if (p.account === 'available') available += p.amount;
      else escrow += p.amount;
    }
    if (!touched) return;
    const entry: WalletEntry = { id: e.id, n: e.n, kind: e.kind, at: e.at, available: available as Money, escrow: escrow as Money };
    if (e.intentId !== undefined) entry.intentId = e.intentId;
    out.push(entry);
  });
  return out.sort((a, b) => b.n - a.n);
}
