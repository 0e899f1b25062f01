/**
 * The authority reading buyers' channels: which channels there are, making each the shop's
 * before trusting it (adoption), and reading its new intents. It reads ONLY intents from a
 * channel: a decision found there is the shop's own news copy, checked against this
 * device's journal and reported if it is not exactly one of them (a buyer who is admin of
 * their channel can write anything there), but never folded into the shop's state.
 */
import type { BuyerId, Decision, Draft, Intent, MessageEvent } from '../../domain/index.ts';
import { decisionsOfIntents, eventsByIds, type SetAsideRow, type ShopDb } from '../../storage/index.ts';
import type { Change, CouchClient } from '../couch-client.ts';
import { isAbsent } from '../identity.ts';
import { readChannelIntent, readChannelMessage, setAsideRow } from '../incoming.ts';
import { channelDb, IDENTITY_DOC_ID, USER_NAME_PATTERN } from '../names.ts';
import { buildRules, channelNeedsAdoption, RULES_DOC_ID, rulesNeedUpdate, type RulesOptions } from '../rules.ts';
import { adoptChannel } from '../setup-shop.ts';
import { sameDecision } from './publish.ts';

/** Something in a channel the shop must not act on, reported to the seller (and stored as set aside). */
export interface Forgery {
  db: string;
  docId: string;
  rev: string;
  problems: string[];
}

/** What one channel gave; its checkpoint is stored with the decisions, never before. */
export interface ChannelRead {
  intents: Intent[];
  /** Intents with a sibling revision: refused as tampered (never acted on), and reported. */
  tampered: Intent[];
  /** The server's revision of each intent read (to record in its decision). */
  revs: Map<string, string>;
  setAside: SetAsideRow[];
  forgeries: Forgery[];
  /** Messages and read receipts (never decided: stored as soon as they are read). */
  messages: MessageEvent[];
  /** Where the feed was read to (opaque). */
  lastSeq: unknown;
  /** A design document changed: the channel must be adopted again before its intents are trusted. */
  rulesTouched: boolean;
  /** The design documents as the feed left them (null: deleted). A read from the start sees them all. */
  designDocs: Map<string, Record<string, unknown> | null>;
  /** The identity document's uuid, if the feed carried it (a read from the start does). */
  identity?: string;
}

export const isBuyerName = (name: string): boolean => USER_NAME_PATTERN.test(name);

/**
 * Makes the channel the shop's (buyer as member only, the current rules), or, where this
 * seller may not (a `seller` role, not the server's admin), checks that it already is.
 * Returns 'changed' if the channel was NOT guarded until now (intents written before may
 * carry any `sentAt`), 'ok', or why the channel cannot be trusted yet.
 */
export async function guardChannel(client: CouchClient, buyer: string, rules: RulesOptions): Promise<'ok' | 'changed' | { refused: string }> {
  try {
    const r = await adoptChannel(client, buyer, rules);
    return r.created || r.security || r.rules ? 'changed' : 'ok';
  } catch (error) {
    if (!isAbsent(error)) throw error;
  }
  const db = channelDb(buyer);
  try {
    const security = await client.getSecurity(db);
    const design = await client.get(db, RULES_DOC_ID);
    const others = (await client.designDocs(db)).filter((d) => d.id !== RULES_DOC_ID);
    if (others.length === 0 && !channelNeedsAdoption(security, design, buyer, rules)) return 'ok';
    return { refused: "The channel is not guarded by the shop's rules, and only the server's admin may set them." };
  } catch (error) {
    if (isAbsent(error)) return { refused: 'The channel cannot be read by this seller.' };
    throw error;
  }
}

export interface ReadOptions {
  /** The checkpoint to read from (0: the start). */
  since: unknown;
  pageLimit: number;
  now: () => number;
  signal?: AbortSignal;
}

/**
 * Whether a read from the start shows the shop's rules in place and no other design document
 * (each runs on every write: one left by a buyer who was admin could refuse the shop's decisions).
 */
export function rulesAsRead(read: ChannelRead, rules: RulesOptions): boolean {
  const others = [...read.designDocs].filter(([id, doc]) => id !== RULES_DOC_ID && doc !== null);
  const doc = read.designDocs.get(RULES_DOC_ID);
  return others.length === 0 && doc != null && !rulesNeedUpdate(doc, buildRules(rules).channel);
}

/**
 * Whether the design documents a read saw change are only the shop's current rules (its own
 * adoption writes them) or others deleted: the rules known to be in place stay so.
 */
export function rulesChangedToOurs(read: ChannelRead, rules: RulesOptions): boolean {
  const wanted = buildRules(rules).channel;
  return [...read.designDocs].every(([id, doc]) => (id === RULES_DOC_ID ? doc !== null && !rulesNeedUpdate(doc, wanted) : doc === null));
}

/** Reads a channel's changes since `o.since`, to the end of the feed. */
export async function readChannel(local: ShopDb, client: CouchClient, draft: Draft, buyer: BuyerId, o: ReadOptions): Promise<ChannelRead> {
  const db = channelDb(buyer);
  const out: ChannelRead = {
    intents: [], tampered: [], revs: new Map(), setAside: [], forgeries: [], messages: [], lastSeq: o.since, rulesTouched: false, designDocs: new Map(),
  };
  let since: unknown = o.since ?? 0;
  for (;;) {
    const page = await client.changes(db, { since, limit: o.pageLimit, signal: o.signal });
    const copies: Change[] = [];
    // Intents already decided that show up again: each must still be the revision decided.
    const decidedAgain: Change[] = [];
    for (const change of page.results) {
      if (change.id.startsWith('_design/')) {
        out.rulesTouched = true;
        out.designDocs.set(change.id, change.deleted || !change.doc ? null : change.doc);
      }
      if (change.id === IDENTITY_DOC_ID && !change.deleted && typeof change.doc?.uuid === 'string' && change.doc.uuid !== '') out.identity = change.doc.uuid;
      if (change.doc?.type === 'decision' && !change.deleted) {
        copies.push(change);
        continue;
      }
      if (change.doc?.type === 'message' && !change.deleted) {
        const message = readChannelMessage(change, buyer);
        if ('ok' in message) out.messages.push(message.ok);
        else if ('problems' in message) out.setAside.push(setAsideRow(db, change, message.problems, o.now()));
        continue;
      }
      const got = readChannelIntent(change, buyer);
      if ('ok' in got) {
        const { intent, conflicts, rev } = got.ok;
        out.revs.set(intent.id, rev);
        // A sibling revision was added (new_edits:false): which body is the buyer's is unknowable.
        if (conflicts.length > 0) {
          report(out, db, change, [`tampered: the intent has other revisions (${conflicts.join(', ')})`], o.now());
          if (!draft.decided.has(intent.id)) out.tampered.push(intent);
        } else if (!draft.decided.has(intent.id)) out.intents.push(intent);
        else decidedAgain.push(change);
      } else if ('problems' in got) {
        out.setAside.push(setAsideRow(db, change, got.problems, o.now()));
      }
    }
    await checkCopies(local, db, copies, out, o.now());
    await checkDecidedRevs(local, db, decidedAgain, out, o.now());
    since = page.last_seq;
    if (page.results.length < o.pageLimit) break;
  }
  out.lastSeq = since;
  return out;
}

/** Each decision in a channel must be exactly one of this device's own (published journal first). */
async function checkCopies(local: ShopDb, db: string, copies: readonly Change[], out: ChannelRead, at: number): Promise<void> {
  if (copies.length === 0) return;
  const known = await eventsByIds(local, copies.map((c) => c.id));
  copies.forEach((change, i) => {
    const mine = known[i];
    const doc = change.doc!;
    const problems: string[] = [];
    if (mine?.type !== 'decision') problems.push("forged: a decision the shop's journal does not have");
    else if (!sameDecision(doc, mine as Decision)) problems.push("forged: differs from the shop's decision of that id");
    if (Array.isArray(doc._conflicts) && doc._conflicts.length > 0) problems.push('tampered: the decision has other revisions');
    if (problems.length > 0) report(out, db, change, problems, at);
  });
}

/**
 * An intent already decided appears in the feed again when its document changed, or when the
 * feed is read from the start again (a rebuilt device, a channel made again). An edited
 * revision is a rewrite after the fact, reported (the decision stands, nothing is redone).
 */
async function checkDecidedRevs(local: ShopDb, db: string, changes: readonly Change[], out: ChannelRead, at: number): Promise<void> {
  if (changes.length === 0) return;
  const decisions = await decisionsOfIntents(local, changes.map((c) => c.id));
  const recorded = new Map(decisions.flatMap((d) => (d.type === 'decision' && d.intentRev !== undefined && d.intentId !== undefined ? [[d.intentId as string, d.intentRev]] : [])));
  for (const change of changes) {
    const was = recorded.get(change.id);
    const now = String(change.doc?._rev ?? '');
    // An edit makes a second generation ("2-…"). A first generation with another hash is the
    // buyer's phone sending again into a channel made again (a new sentAt): not a forgery.
    if (was !== undefined && was !== now && !now.startsWith('1-')) {
      report(out, db, change, [`tampered: the intent was rewritten after the shop decided revision ${was}`], at);
    }
  }
}

function report(out: ChannelRead, db: string, change: Change, problems: string[], at: number): void {
  const row = setAsideRow(db, change, problems, at);
  out.setAside.push(row);
  out.forgeries.push({ db, docId: change.id, rev: row.rev, problems });
}
