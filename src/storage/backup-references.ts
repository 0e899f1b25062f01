import { accountKey, skuKeyOf, type AccountKey, type Decision, type ShopEvent } from '../domain/index.ts';
import type { Damage } from './backup-damage.ts';
import { SHOP_KEY } from './rows.ts';

/** Keys of the things a decision sets in each view table. */
function keysSet(d: Decision): Record<string, string[]> {
  const { set } = d;
  return {
    shop: set.shop ? [SHOP_KEY] : [],
    products: (set.products ?? []).map((p) => p.id),
    skus: (set.inventory ?? []).map(skuKeyOf),
    promotions: (set.promotions ?? []).map((p) => p.id),
    teams: (set.teams ?? []).map((t) => t.id),
    orders: (set.orders ?? []).map((o) => o.id),
    reviews: (set.reviews ?? []).map((r) => r.id),
    withdrawals: (set.withdrawals ?? []).map((w) => w.id),
  };
}

const VIEW_KEY: Record<string, string> = {
  shop: 'key', products: 'id', skus: 'sku', promotions: 'id', teams: 'id', orders: 'id', reviews: 'id', withdrawals: 'id',
};

/**
 * The references between tables, once every row is well formed: what this app keeps together
 * in one transaction must be there together. A view row was set by a stored decision; an
 * outbox entry is a stored intent; a decision to publish is stored; each balance is the sum of
 * the stored decisions' postings to it (but those the fold set aside), and every account they
 * post to has its balance.
 */
export function checkReferences(tables: Record<string, unknown[]>): Damage | undefined {
  const events = tables.events as ShopEvent[];
  const byId = new Map<string, ShopEvent>(events.map((e) => [e.id, e]));
  const byN = new Map<number, Decision[]>();
  const sums = new Map<AccountKey, bigint>();
  // A decision the fold set aside (store-decisions.ts) is stored, its postings left out of the balances.
  const aside = new Set((tables.setAside ?? []).flatMap((r) => ((r as { db?: unknown }).db === 'journal' ? [(r as { docId: string }).docId] : [])));
  for (const e of events) {
    if (e.type !== 'decision') continue;
    byN.set(e.n, [...(byN.get(e.n) ?? []), e]);
    if (aside.has(e.id)) continue;
    for (const p of e.postings) sums.set(accountKey(p), (sums.get(accountKey(p)) ?? 0n) + BigInt(p.amount));
  }
  const refused = (table: string, i: number, field: string, problem: string): Damage => ({ table, row: i + 1, field, problem, kind: 'reference' });

  for (const [table, key] of Object.entries(VIEW_KEY)) {
    const rows = tables[table] as { n: number; [k: string]: unknown }[];
    for (let i = 0; i < rows.length; i++) {
      const { n } = rows[i]!;
      const thing = String(rows[i]![key]);
      if (!(byN.get(n) ?? []).some((d) => keysSet(d)[table]!.includes(thing))) {
        return refused(table, i, 'n', `names no stored decision that set ${JSON.stringify(thing)} (number ${n})`);
      }
    }
  }
  const outbox = tables.outbox as { id: string }[];
  for (let i = 0; i < outbox.length; i++) {
    if (byId.get(outbox[i]!.id)?.type !== 'intent') return refused('outbox', i, 'id', `names no stored intent ${JSON.stringify(outbox[i]!.id)}`);
  }
  const messageIds = new Set((tables.messages ?? []).map((m) => (m as { id: string }).id));
  const messageOutbox = (tables.messageOutbox ?? []) as { id: string }[];
  for (let i = 0; i < messageOutbox.length; i++) {
    if (!messageIds.has(messageOutbox[i]!.id)) return refused('messageOutbox', i, 'id', `names no stored message ${JSON.stringify(messageOutbox[i]!.id)}`);
  }
  const conversations = (tables.conversations ?? []) as { buyer: string; lastId?: string }[];
  for (let i = 0; i < conversations.length; i++) {
    const last = conversations[i]!.lastId;
    if (last !== undefined && !messageIds.has(last)) return refused('conversations', i, 'lastId', `names no stored message ${JSON.stringify(last)}`);
  }
  const publish = tables.publish as { id: string; n: number }[];
  for (let i = 0; i < publish.length; i++) {
    const d = byId.get(publish[i]!.id);
    if (d?.type !== 'decision' || d.n !== publish[i]!.n) return refused('publish', i, 'id', `names no stored decision ${JSON.stringify(publish[i]!.id)} numbered ${publish[i]!.n}`);
  }
  const balances = tables.balances as { account: AccountKey; amount: number }[];
  const seen = new Set<string>();
  for (let i = 0; i < balances.length; i++) {
    const { account: key, amount } = balances[i]!;
    seen.add(key);
    const sum = sums.get(key) ?? 0n;
    if (BigInt(amount) !== sum) return refused('balances', i, 'amount', `is not the sum of the stored decisions' postings to ${key} (${sum})`);
  }
  for (const [key, sum] of sums) {
    if (!seen.has(key)) return { table: 'balances', row: 0, field: '', problem: `has no balance of ${key}, to which the stored decisions post ${sum}`, kind: 'missing' };
  }
  return undefined;
}

