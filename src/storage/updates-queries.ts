/**
 * What a person's Updates are made from: the shop's decisions about them of the kinds that are
 * news (read by the `kind` index, not the whole journal) and the shop's messages to them.
 */
import { Dexie } from 'dexie';
import { NEWS_KINDS, updatesOf, type BuyerId, type Decision, type SendMessage, type Update } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';

export async function updatesFor(store: Store, buyer: BuyerId, limit = 100): Promise<Update[]> {
  const db = tablesOf(store);
  const decisions = (await db.events.where('kind').anyOf(NEWS_KINDS).toArray()).filter(
    (e): e is Decision => e.type === 'decision' && (e.buyer === buyer || (e.set.orders ?? []).some((o) => o.buyer === buyer)),
  );
  const messages = (await db.messages.where('[buyer+at]').between([buyer, Dexie.minKey], [buyer, Dexie.maxKey]).toArray())
    .filter((m): m is SendMessage => m.kind === 'message.send' && m.from === 'seller');
  return updatesOf(buyer, decisions, messages).slice(0, limit);
}
