/**
 * The server's side of the rules (ARCHITECTURE.md section 3): `_security` and one design
 * document with `validate_doc_update` per kind of database. The setup command installs them,
 * and the seller's device installs them again on every buyer channel it adopts.
 *
 * The rules are a JavaScript SOURCE STRING that the server evaluates: CouchDB 3 (QuickJS or
 * SpiderMonkey) and PouchDB Server (Node's eval). So it is plain ES5 (no arrows, no `let`,
 * no template strings) and may not refer to anything outside itself; options are baked
 * into the text when it is built.
 *
 * What a rule cannot see: other documents, and (PouchDB Server) the database's name. So
 * a channel's owner is whoever `_security` lets in as its member, and an intent's author
 * must be the signed-in user. An edit is refused where the server passes `oldDoc`; a sibling
 * revision written with `new_edits:false` arrives with no `oldDoc` on either server, so the
 * authority still checks `_conflicts` (see section 8).
 */
import type { BuyerIntent } from '../domain/events.ts';
import { ATTACHED_PHOTO_MAX_BYTES, ATTACHED_PHOTO_TYPES, MAX_ATTACHED_PHOTOS, PHOTO_REF_PATTERN } from '../domain/attached-photos.ts';
import { MESSAGE_MAX_CHARS } from '../domain/messages.ts';
import { CATALOG_PUBLIC_ONLY } from './catalog-rules.ts';
import { PHOTO_ATTACHMENT, SELLER_ROLE, THUMB_ATTACHMENT } from './names.ts';

/**
 * Bump whenever any rule text or `_security` below changes: the seller's device then adopts every channel again.
 * 2: messages between the buyer and the shop (issue 14).
 * 3: the seller's message about another buyer refused where the server passes `_security` (not PouchDB Server's `_bulk_docs`).
 * 4: photos in a channel (a message's, a review's, a claim's): pictures only, within the size; a message of photos may have no text.
 */
export const RULES_VERSION = 4;

export const RULES_DOC_ID = '_design/shop-rules';

/** How far an intent's `sentAt` may be from the server's clock (the app stamps it from that clock just before a push). */
export const MAX_SENT_AT_SKEW_MS = 5 * 60_000;

export interface RulesOptions {
  /** The demo's play money: buyers may send `wallet.demo-top-up`. A real shop leaves this off. */
  allowDemoTopUps: boolean;
}

export interface SecuritySection {
  names: string[];
  roles: string[];
}

export interface SecurityObject {
  admins: SecuritySection;
  members: SecuritySection;
}

export type RulesDbKind = 'channel' | 'catalog' | 'journal';

export interface RulesDesignDoc {
  _id: typeof RULES_DOC_ID;
  _rev?: string;
  /** Read by the seller's device (`channelNeedsAdoption`) and the setup command, not by the server. */
  rulesVersion: number;
  db: RulesDbKind;
  allowDemoTopUps: boolean;
  language: 'javascript';
  validate_doc_update: string;
}

/**
 * What a buyer may send, always. A record over the domain's kinds (not a list) so that a
 * buyer intent added to events.ts fails to compile here until someone decides about it.
 */
const BUYER_KINDS: Record<BuyerIntent['kind'], 'always' | 'demo'> = {
  'order.place': 'always',
  'order.cancel': 'always',
  'order.confirm-receipt': 'always',
  'refund.request': 'always',
  'claim.file': 'always',
  'review.write': 'always',
  'withdrawal.request': 'always',
  'wallet.demo-top-up': 'demo',
};

export function buyerIntentKinds(options: RulesOptions): string[] {
  return Object.entries(BUYER_KINDS)
    .filter(([, when]) => when === 'always' || options.allowDemoTopUps)
    .map(([kind]) => kind);
}

/* ------------------------------------------------------------------ _security */

/** The buyer reads and writes their own channel; the seller (by role) too. Only the server's admin may change the rules. */
export function channelSecurity(buyer: string): SecurityObject {
  return { admins: { names: [], roles: ['_admin'] }, members: { names: [buyer], roles: [SELLER_ROLE] } };
}

/** No members: anyone may read (the rules stop writes). The seller may manage it (design docs included). */
export function catalogSecurity(): SecurityObject {
  return { admins: { names: [], roles: ['_admin', SELLER_ROLE] }, members: { names: [], roles: [] } };
}

/** The seller alone reads and writes; only the server's admin changes the rules. */
export function journalSecurity(): SecurityObject {
  return { admins: { names: [], roles: ['_admin'] }, members: { names: [], roles: [SELLER_ROLE] } };
}

/** Whether `actual` (a `_security` as the server gave it, untrusted) grants exactly what `wanted` does. */
export function sameSecurity(actual: unknown, wanted: SecurityObject): boolean {
  const a = asRecord(actual);
  return sameSection(a.admins, wanted.admins) && sameSection(a.members, wanted.members);
}

function sameSection(actual: unknown, wanted: SecuritySection): boolean {
  const a = asRecord(actual);
  return sameSet(a.names, wanted.names) && sameSet(a.roles, wanted.roles);
}

function sameSet(actual: unknown, wanted: readonly string[]): boolean {
  // A missing list grants nothing, the same as an empty one.
  const list = actual === undefined ? [] : actual;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) return false;
  const have = new Set(list as string[]);
  return have.size === new Set(wanted).size && wanted.every((x) => have.has(x));
}

function asRecord(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/* ------------------------------------------------------------------ validate_doc_update */

// Shared head of every rule: the server's admin (restores, replication, setup) passes
// everything; nobody else may delete or, where the server tells us, change a document.
const HEAD = `
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') !== -1) return;
  function refuse(reason) { throw({ forbidden: reason }); }
  if (!userCtx || !userCtx.name) throw({ unauthorized: 'Please sign in first.' });
  var isSeller = roles.indexOf(${JSON.stringify(SELLER_ROLE)}) !== -1;`;

const NO_EDITS = `
  if (newDoc._deleted) refuse('Nothing sent to the shop can be deleted.');
  if (oldDoc && !oldDoc._deleted) refuse('Nothing sent to the shop can be changed once it is there.');`;

/*
 * A message or read receipt (src/domain/messages.ts), from either side: never edited (NO_EDITS),
 * its text 1 to 2,000 characters, sent now. The buyer writes only as the buyer and in their own
 * name; the seller only as the seller, about the channel's owner (its member in `_security`:
 * a rule cannot see the database's name). The app's validator reads the rest of its shape.
 */
const MESSAGE_RULE = `
  function checkMessage(side) {
    if (newDoc.from !== side) refuse(side === 'buyer' ? 'You can only write messages as yourself.' : 'The shop writes only its own messages.');
    if (typeof newDoc.id !== 'string' || newDoc._id !== newDoc.id) refuse("A message's _id must be its id.");
    if (newDoc.kind === 'message.send') {
      var hasPhotos = checkPhotoList('A message');
      if (typeof newDoc.text !== 'string' || (!hasPhotos && !/\\S/.test(newDoc.text))) refuse('A message needs some text or a photo.');
      if (newDoc.text.length > ${MESSAGE_MAX_CHARS}) refuse('A message can be at most ${MESSAGE_MAX_CHARS} characters.');
    } else if (newDoc.kind !== 'message.read') refuse('Unknown kind of message: ' + String(newDoc.kind) + '.');
    if (typeof newDoc.sentAt !== 'number' || Math.abs(newDoc.sentAt - Date.now()) > ${MAX_SENT_AT_SKEW_MS}) {
      refuse("The message's send time is more than ${MAX_SENT_AT_SKEW_MS / 60_000} minutes from the shop's clock. Please send it again.");
    }
  }`;

/*
 * A photo that a message, review or claim names (domain/attached-photos.ts): a document whose id
 * is the photo's, holding only the picture (and its thumbnail) as attachments. A rule sees an
 * attachment's declared type and, on CouchDB, its length (PouchDB Server passes the base64 data
 * instead): something that says it is not a WebP or JPEG picture, or is too big, is refused. The
 * bytes themselves a rule cannot read; the app compressed them from a decoded picture, and a
 * screen that cannot show one shows a placeholder.
 */
const PHOTO_RULE = `
  function checkPhotoList(what) {
    if (newDoc.photos === undefined) return false;
    var list = newDoc.photos;
    if (Object.prototype.toString.call(list) !== '[object Array]' || list.length === 0) refuse(what + "'s photos must be a list of 1 to ${MAX_ATTACHED_PHOTOS}.");
    if (list.length > ${MAX_ATTACHED_PHOTOS}) refuse(what + ' can carry at most ${MAX_ATTACHED_PHOTOS} photos.');
    for (var p = 0; p < list.length; p++) {
      if (typeof list[p] !== 'string' || !${PHOTO_REF_PATTERN.toString()}.test(list[p])) refuse(what + ' names something that is not a photo: ' + String(list[p]) + '.');
    }
    return true;
  }
  function checkPhoto() {
    if (typeof newDoc._id !== 'string' || !${PHOTO_REF_PATTERN.toString()}.test(newDoc._id)) refuse("A photo's id must be photo-<id>.webp or .jpg.");
    for (var key in newDoc) {
      if (key !== '_id' && key !== '_rev' && key !== '_revisions' && key !== 'type' && key !== '_attachments') refuse('A photo holds only its picture, not ' + key + '.');
    }
    var files = newDoc._attachments;
    if (!files || typeof files !== 'object' || !files.${PHOTO_ATTACHMENT}) refuse('A photo needs its picture.');
    for (var name in files) {
      if (name !== '${PHOTO_ATTACHMENT}' && name !== '${THUMB_ATTACHMENT}') refuse('A photo holds only its picture and thumbnail, not ' + name + '.');
      var file = files[name] || {};
      if (${JSON.stringify(ATTACHED_PHOTO_TYPES)}.indexOf(file.content_type) === -1) refuse('Only pictures (WebP or JPEG) can be sent as photos, not ' + String(file.content_type) + '.');
      var bytes = typeof file.length === 'number' ? file.length : typeof file.data === 'string' ? Math.floor(file.data.length * 3 / 4) : 0;
      if (bytes > ${ATTACHED_PHOTO_MAX_BYTES}) refuse('A photo can be at most ${ATTACHED_PHOTO_MAX_BYTES / 1000} KB.');
    }
  }`;

function channelSource(options: RulesOptions): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  // ${RULES_DOC_ID} v${RULES_VERSION}: a buyer's channel.${HEAD}${NO_EDITS}${MESSAGE_RULE}${PHOTO_RULE}
  // Either side's photos (a buyer's review, the shop's answer), checked the same.
  if (newDoc.type === 'photo') {
    checkPhoto();
    return;
  }
  if (isSeller) {
    if (newDoc.type === 'decision' || newDoc.type === 'db-identity') return;
    if (newDoc.type === 'message') {
      checkMessage('seller');
      // PouchDB Server passes no security object to a _bulk_docs write: there, the devices'
      // own check (incoming.ts sets such a message aside) is what holds.
      var members = secObj && secObj.members;
      if (members && (members.names || []).indexOf(newDoc.buyer) === -1) refuse("The shop's message must be about this channel's buyer.");
      return;
    }
    refuse("The shop writes only its decisions and messages into a buyer's channel.");
  }
  if (newDoc.type === 'message') {
    checkMessage('buyer');
    if (newDoc.buyer !== userCtx.name) refuse('You can only write messages in your own conversation.');
    return;
  }
  if (newDoc.type === 'decision') refuse('Only the shop can write decisions.');
  if (newDoc.type !== 'intent') refuse('Only your own requests to the shop can be written here.');
  if (newDoc.by !== 'buyer') refuse("Only the shop can send the seller's commands.");
  if (newDoc.buyer !== userCtx.name) refuse('You can only send requests in your own name.');
  if (typeof newDoc.id !== 'string' || newDoc._id !== newDoc.id) refuse("A request's _id must be its id.");
  var kinds = ${JSON.stringify(buyerIntentKinds(options))};
  if (kinds.indexOf(newDoc.kind) === -1) {
    if (newDoc.kind === 'wallet.demo-top-up') refuse('Play-money top-ups work only in the demo shop.');
    refuse('This shop does not take requests of this kind: ' + String(newDoc.kind) + '.');
  }
  checkPhotoList('A request');
  if (typeof newDoc.sentAt !== 'number' || newDoc.sentAt !== newDoc.sentAt) refuse('The request has no time it was sent (sentAt).');
  if (Math.abs(newDoc.sentAt - Date.now()) > ${MAX_SENT_AT_SKEW_MS}) {
    refuse("The request's send time is more than ${MAX_SENT_AT_SKEW_MS / 60_000} minutes from the shop's clock. Please send it again.");
  }
}`;
}

function sellerOnlySource(db: 'catalog' | 'journal'): string {
  const reason = db === 'catalog' ? 'Only the shop can change its catalog.' : "Only the shop can write to the shop's journal.";
  // The catalog's products and the journal's lease are edited in place, by the seller alone.
  return `function (newDoc, oldDoc, userCtx, secObj) {
  // ${RULES_DOC_ID} v${RULES_VERSION}: the shop's ${db}.${HEAD}
  if (!isSeller) refuse(${JSON.stringify(reason)});${db === 'catalog' ? CATALOG_PUBLIC_ONLY : ''}
}`;
}

function designDoc(db: RulesDbKind, source: string, options: RulesOptions): RulesDesignDoc {
  return {
    _id: RULES_DOC_ID,
    rulesVersion: RULES_VERSION,
    db,
    allowDemoTopUps: options.allowDemoTopUps,
    language: 'javascript',
    validate_doc_update: source,
  };
}

export interface ShopRules {
  channel: RulesDesignDoc;
  catalog: RulesDesignDoc;
  journal: RulesDesignDoc;
}

export function buildRules(options: RulesOptions): ShopRules {
  return {
    channel: designDoc('channel', channelSource(options), options),
    catalog: designDoc('catalog', sellerOnlySource('catalog'), options),
    journal: designDoc('journal', sellerOnlySource('journal'), options),
  };
}

/** Whether the server's copy of a rules design doc (untrusted, maybe missing) differs from `wanted`. */
export function rulesNeedUpdate(actual: unknown, wanted: RulesDesignDoc): boolean {
  const a = asRecord(actual);
  return (
    a._id !== wanted._id ||
    a.rulesVersion !== wanted.rulesVersion ||
    a.db !== wanted.db ||
    a.allowDemoTopUps !== wanted.allowDemoTopUps ||
    a.validate_doc_update !== wanted.validate_doc_update
  );
}

/**
 * Whether the seller's device must (re)adopt a buyer's channel before trusting its intents:
 * `_security` is not exactly `channelSecurity(buyer)` (e.g. couch_peruser made the buyer its
 * admin, who could then replace the rules), or the rules are missing or not the current
 * ones. Without `options` the rule text is checked against both variants of the options.
 */
export function channelNeedsAdoption(security: unknown, designDoc: unknown, buyer: string, options?: RulesOptions): boolean {
  if (!sameSecurity(security, channelSecurity(buyer))) return true;
  const variants = options ? [options] : [{ allowDemoTopUps: false }, { allowDemoTopUps: true }];
  return variants.every((o) => rulesNeedUpdate(designDoc, buildRules(o).channel));
}
