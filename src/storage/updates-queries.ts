/**
 * What a person's Updates are made from: the shop's decisions about them of the kinds that are
 * news (read by the `kind` index, not the whole journal), the shop's messages to them, and the
 * price drops and restocks of the products they saved.
 */
import { Dexie } from 'dexie';
import {
  NEWS_KINDS, savedMarks, savedUpdate, updatesOf, type BuyerId, type Decision, type SendMessage, type Update,
} from '../domain/index.ts';
import { tablesOf } from './db.ts';
import { savedItemsOf } from './saved.ts';
import type { Store } from './store.ts';

/** `buyer`'s Updates, newest first; with `person`, the news of what that person saved too. */
export async function updatesFor(store: Store, buyer: BuyerId, person?: string, limit = 100): Promise<Update[]> {
  const [mine, saved] = await Promise.all([shopNews(store, buyer), person === undefined ? [] : savedNews(store, person)]);
  return [...mine, ...saved].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).slice(0, limit);
}

/**
 * A saved product that costs less than when the person last saw it, or is back: one update,
 * dated by the shop's decision that made it so (found by its number, the `n` index).
 */
async function savedNews(store: Store, person: string): Promise<Update[]> {
  const items = (await savedItemsOf(store, person)).flatMap((s) => {
    if (!s.item || !s.now || s.n === undefined) return [];
    const marks = savedMarks({ price: s.saved.price, inStock: s.saved.inStock }, s.now);
    return marks.priceDropped || marks.backInStock ? [{ s, marks, n: s.n }] : [];
  });
  if (items.length === 0) return [];
  const made = await tablesOf(store).events.where('n').anyOf(items.map((i) => i.n)).toArray();
  const atOf = new Map(made.map((e) => [(e as Decision).n, e.at]));
  return items.flatMap(({ s, marks, n }) => {
    const product = s.item!.product;
    const u = savedUpdate(product, marks, n, atOf.get(n) ?? s.saved.savedAt);
    return u ? [u] : [];
  });
}

async function shopNews(store: Store, buyer: BuyerId): Promise<Update[]> {
  const db = tablesOf(store);
  const decisions = (await db.events.where('kind').anyOf(NEWS_KINDS).toArray()).filter(
    (e): e is Decision => e.type === 'decision' && (e.buyer === buyer || (e.set.orders ?? []).some((o) => o.buyer === buyer)),
  );
  const messages = (await db.messages.where('[buyer+at]').between([buyer, Dexie.minKey], [buyer, Dexie.maxKey]).toArray())
    .filter((m): m is SendMessage => m.kind === 'message.send' && m.from === 'seller');
  return updatesOf(buyer, decisions, messages);
}
