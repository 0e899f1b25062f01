/**
 * Reading what the server sends: every document is checked with the domain's validators
 * before anything is done with it. A document that fails, or that does not belong where it
 * was found, is set aside with the reasons (a bug, an old app, or a forgery), never applied
 * and never a crash. CouchDB's own documents (design documents, the identity) are skipped.
 */
import { channelCopy, publicReview, publicTeam, type BuyerId, type Decision, type Intent, type MessageEvent } from '../domain/index.ts';
import { validateDecision, validateIntent } from '../domain/validate/index.ts';
import { validateMessage } from '../domain/validate/messages.ts';
import type { SetAsideRow } from '../storage/index.ts';
import type { Change } from './couch-client.ts';
import { readCatalogState } from './catalog-state.ts';
import { IDENTITY_DOC_ID, isPhotoRef, LEASE_DOC_ID } from './names.ts';

export type Incoming<T> = { ok: T } | { skip: true } | { problems: string[] };

const EVIDENCE_CHARS = 8_192;

/**
 * CouchDB's and the project's own documents, which are not events; and photos (a product's in
 * the catalog, a message's, review's or claim's in a channel), loaded by URL when shown (names.ts).
 */
function isHousekeeping(change: Change): boolean {
  return change.id.startsWith('_design/') || change.id === IDENTITY_DOC_ID || change.id === LEASE_DOC_ID
    || (isPhotoRef(change.id) && (change.deleted === true || change.doc?.type === 'photo'));
}

function sameId(change: Change, id: string): string[] {
  return change.id === id ? [] : [`_id: '${change.id}' does not match the event's id '${id}'`];
}

/** A decision (in a buyer's channel for that buyer, or in the journal). */
export function readDecision(change: Change, forBuyer?: BuyerId): Incoming<Decision> {
  if (change.deleted || isHousekeeping(change)) return { skip: true };
  const doc = change.doc;
  if (doc?.type === 'intent') return { skip: true }; // a buyer's own intents, already on their device
  const checked = validateDecision(doc);
  if (!checked.ok) return { problems: checked.errors };
  const d = checked.value;
  const problems = sameId(change, d.id);
  if (forBuyer !== undefined && d.buyer !== forBuyer) problems.push(`buyer: this decision is not about '${forBuyer}'`);
  if (problems.length > 0) return { problems };
  // A copy published before channel copies were redacted is read as one now: no other
  // member's name reaches this buyer's screens (domain/public-copy.ts channelCopy).
  return { ok: forBuyer === undefined ? d : channelCopy(d) };
}

/**
 * A decision's public copy, from the catalog: it may set the shop, products, stock,
 * promotions, teams and reviews, and never carries money, orders or withdrawals. A copy
 * published before teams and reviews went public-shaped (members' names and order ids) is
 * read in the public shape: nothing of a name reaches this device's screens.
 */
export function readCatalogCopy(change: Change): Incoming<Decision> {
  // Photos are loaded by URL when shown (names.ts photoUrl), not through the changes feed.
  if (isPhotoRef(change.id) && change.doc?.type === 'photo') return { skip: true };
  // The catalog's current-state documents (format 2) and its meta document.
  const state = readCatalogState(change);
  if (state !== undefined) return state;
  const read = readDecision(change);
  if (!('ok' in read)) return read;
  const d = read.ok;
  const problems: string[] = [];
  if (d.postings.length > 0) problems.push('postings: a catalog document never moves money');
  if (d.set.orders || d.set.withdrawals) problems.push('set: a catalog document never carries orders or withdrawals');
  if (d.intentId !== undefined || d.intentRev !== undefined || d.buyer !== undefined) problems.push('a catalog document names no intent and no buyer');
  if (problems.length > 0) return { problems };
  const set = { ...d.set };
  if (set.teams) set.teams = set.teams.map(publicTeam);
  if (set.reviews) set.reviews = set.reviews.map(publicReview);
  return { ok: { ...d, set } };
}

/**
 * A message or read receipt found in `owner`'s channel: it must be about that buyer (either
 * side's), and its `_id` its id. Which side may write it is the channel's rules' to say; the
 * seller's device also keeps a seller's message only from a channel it has guarded (channel-job.ts).
 */
export function readChannelMessage(change: Change, owner: BuyerId): Incoming<MessageEvent> {
  if (change.deleted || change.doc?.type !== 'message') return { skip: true };
  const checked = validateMessage(change.doc);
  if (!checked.ok) return { problems: checked.errors };
  const problems = sameId(change, checked.value.id);
  if (checked.value.buyer !== owner) problems.push(`buyer: a message about '${checked.value.buyer}' in the channel of '${owner}'`);
  return problems.length > 0 ? { problems } : { ok: checked.value };
}

/** What a buyer's device reads from its own channel: the shop's decisions about them, and messages. */
export function readChannelNews(change: Change, buyer: BuyerId): Incoming<Decision | MessageEvent> {
  if (isHousekeeping(change)) return { skip: true };
  if (change.doc?.type === 'message' && !change.deleted) return readChannelMessage(change, buyer);
  return readDecision(change, buyer);
}

export interface ChannelIntent {
  intent: Intent;
  /** The revision the server holds: a decision records it, and a document with conflicts is tampered with. */
  rev: string;
  conflicts: string[];
}

/** A buyer's intent, read by the shop's authority from that buyer's channel. */
export function readChannelIntent(change: Change, owner: BuyerId): Incoming<ChannelIntent> {
  if (change.deleted || isHousekeeping(change)) return { skip: true };
  const doc = change.doc;
  if (doc?.type === 'decision' || doc?.type === 'message') return { skip: true }; // the shop's own news copies; messages are read apart
  const checked = validateIntent(doc);
  if (!checked.ok) return { problems: checked.errors };
  const intent = checked.value;
  const problems = sameId(change, intent.id);
  // The channel's rules say so too, but a buyer who is admin of their channel can remove them.
  if (intent.by !== 'buyer') problems.push('by: only buyers write into a channel');
  else if (intent.buyer !== owner) problems.push(`buyer: '${intent.buyer}' wrote into the channel of '${owner}'`);
  if (problems.length > 0) return { problems };
  const conflicts = Array.isArray(doc?._conflicts) ? (doc._conflicts as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  return { ok: { intent, rev: String(doc?._rev ?? ''), conflicts } };
}

/** The row that records a document set aside. */
export function setAsideRow(db: string, change: Change, problems: string[], at: number): SetAsideRow {
  const rev = change.changes[0]?.rev ?? String(change.doc?._rev ?? '');
  let json: string;
  try {
    json = JSON.stringify(change.doc ?? null).slice(0, EVIDENCE_CHARS);
  } catch {
    json = '(unreadable)';
  }
  return { key: `${db} ${change.id} ${rev}`, db, docId: change.id, rev, problems: problems.slice(0, 20), json, at };
}
