import type { Millis } from './catalog.ts';
import type { Decision, DecisionKind, RejectReason } from './events.ts';
import type { BuyerId, EventId, OrderId, ProductId } from './ids.ts';
import type { SendMessage } from './messages.ts';

/**
 * The news a person is told about (issue 14, "Updates"), derived from what their device already
 * has: the shop's decisions about them (pulled into their channel, or made on this device in the
 * demo) and the shop's messages to them. Nothing new travels for it.
 */
export type UpdateKind =
  | 'order-accepted' | 'order-refused' | 'order-shipped' | 'order-ready' | 'team-complete' | 'team-failed'
  | 'refund-approved' | 'refund-declined' | 'claim-compensated' | 'claim-declined' | 'withdrawal-paid' | 'message'
  | 'price-dropped' | 'back-in-stock';

/**
 * The kinds of news a person chooses to be told about (Settings in the Updates list): a group
 * they turn off still lists there, but no longer counts as new, badges the icon or notifies.
 */
export type NewsGroup = 'orders' | 'teams' | 'after-sale' | 'wallet' | 'messages' | 'saved';
export const NEWS_GROUPS: readonly NewsGroup[] = ['orders', 'teams', 'after-sale', 'wallet', 'messages', 'saved'];

const GROUP: Record<UpdateKind, NewsGroup> = {
  'order-accepted': 'orders', 'order-refused': 'orders', 'order-shipped': 'orders', 'order-ready': 'orders',
  'team-complete': 'teams', 'team-failed': 'teams',
  'refund-approved': 'after-sale', 'refund-declined': 'after-sale', 'claim-compensated': 'after-sale', 'claim-declined': 'after-sale',
  'withdrawal-paid': 'wallet', message: 'messages', 'price-dropped': 'saved', 'back-in-stock': 'saved',
};

export const newsGroupOf = (kind: UpdateKind): NewsGroup => GROUP[kind];

/** The updates a person is told about: those of the groups they have not turned off. */
export const toldOf = (updates: readonly Update[], muted: readonly NewsGroup[]): Update[] =>
  muted.length === 0 ? [...updates] : updates.filter((u) => !muted.includes(GROUP[u.kind]));

export function isNewsGroups(x: unknown): x is NewsGroup[] {
  return Array.isArray(x) && x.every((g) => NEWS_GROUPS.includes(g as NewsGroup));
}

export interface Update {
  /** The decision's or message's id. */
  id: EventId;
  kind: UpdateKind;
  at: Millis;
  orderId?: OrderId;
  reason?: RejectReason;
  /** The shop's own words (a refusal's message, a decline's reason) or the message's first characters. */
  text?: string;
  carrier?: string;
  tracking?: string;
  /** A saved product's news: which product (its name is in `text`). */
  productId?: ProductId;
}

/** Which decisions are news, and as what. A refused intent is news only when it was an order. */
const NEWS: Partial<Record<DecisionKind, UpdateKind>> = {
  'order.accepted': 'order-accepted',
  'order.rejected': 'order-refused',
  'order.shipped': 'order-shipped',
  'order.ready': 'order-ready',
  'team.succeeded': 'team-complete',
  'team.failed': 'team-failed',
  'refund.approved': 'refund-approved',
  'refund.declined': 'refund-declined',
  'claim.compensated': 'claim-compensated',
  'claim.declined': 'claim-declined',
  'withdrawal.paid': 'withdrawal-paid',
};

/** The decision kinds that may be news (for storage to read only those). */
export const NEWS_KINDS = Object.keys(NEWS) as DecisionKind[];

const PREVIEW = 120;

/** `buyer`'s news, newest first: the shop's decisions about them that are news, and the shop's messages. */
export function updatesOf(buyer: BuyerId, decisions: readonly Decision[], messages: readonly SendMessage[]): Update[] {
  const out: Update[] = [];
  for (const d of decisions) {
    const kind = NEWS[d.kind];
    if (kind === undefined) continue;
    // A team's success or failure is news for each of its members: their own order in it.
    const order = d.set.orders?.find((o) => o.buyer === buyer);
    if (d.buyer !== buyer && order === undefined) continue;
    const u: Update = { id: d.id, kind, at: d.at };
    const orderId = order?.id ?? (d.intentId as OrderId | undefined);
    if (orderId !== undefined && kind !== 'withdrawal-paid') u.orderId = orderId;
    if (d.reason !== undefined) u.reason = d.reason;
    const words = d.message ?? order?.reason;
    if (words && (kind === 'order-refused' || kind.endsWith('-declined'))) u.text = words;
    if (kind === 'order-shipped') {
      if (order?.carrier) u.carrier = order.carrier;
      if (order?.tracking) u.tracking = order.tracking;
    }
    out.push(u);
  }
  for (const m of messages) {
    if (m.from !== 'seller' || m.buyer !== buyer) continue;
    out.push({ id: m.id, kind: 'message', at: m.at, text: m.text.slice(0, PREVIEW) });
  }
  return out.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/** How many of `updates` came after the person last looked (`seenAt`), of the groups they are told about. */
export const unseen = (updates: readonly Update[], seenAt: Millis, muted: readonly NewsGroup[] = []): number =>
  toldOf(updates, muted).filter((u) => u.at > seenAt).length;

/**
 * A saved product's news, from what the person last saw of it and what it is now (domain/saved.ts
 * savedMarks): one update per change, its id naming the catalog's version of the product (`n`),
 * so a second drop is news again and the same one is never told twice. `at` is when the shop
 * made that change. It leaves the list once the person looks at the product (their "seen" moves).
 */
export function savedUpdate(
  product: { id: ProductId; name: string }, marks: { priceDropped: boolean; backInStock: boolean }, n: number, at: Millis,
): Update | undefined {
  const kind: UpdateKind | undefined = marks.backInStock ? 'back-in-stock' : marks.priceDropped ? 'price-dropped' : undefined;
  if (kind === undefined) return undefined;
  return { id: `saved.${product.id}.${n}` as EventId, kind, at, productId: product.id, text: product.name };
}

/** At most this many notifications at once: a phone back online after a week is told the newest and how many more. */
export const NOTIFY_AT_ONCE = 3;

/**
 * Which of `updates` (newest first) to show as notifications: those after `notifiedUpTo`, the
 * newest NOTIFY_AT_ONCE of them, and how many more came (told in one line, not one each).
 */
export function toNotify(
  updates: readonly Update[], notifiedUpTo: Millis, muted: readonly NewsGroup[] = [],
): { shown: Update[]; more: number; upTo: Millis } {
  const after = updates.filter((u) => u.at > notifiedUpTo);
  // The mark passes the turned-off kinds too: turning one back on later does not notify its past.
  const upTo = after.reduce((max, u) => Math.max(max, u.at), notifiedUpTo);
  const fresh = toldOf(after, muted);
  return { shown: fresh.slice(0, NOTIFY_AT_ONCE), more: Math.max(0, fresh.length - NOTIFY_AT_ONCE), upTo };
}
