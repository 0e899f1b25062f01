/**
 * Where things live on the CouchDB server (ARCHITECTURE.md section 3), in one place so the
 * sync engine, the seller's device, the setup command and the tests agree.
 *
 * - `<shop>-catalog`: public read, the seller writes (the shop's current state: catalog-state.ts; older shops also hold append-only copies).
 * - `<shop>-journal`: the seller only: every decision, the shop's source of truth, and the lease.
 * - `userdb-<hex(name)>`: one private channel per buyer (CouchDB's `couch_peruser` naming).
 */
import { PHOTO_REF_PATTERN } from '../domain/attached-photos.ts';

/** A shop's id: also the prefix of its databases, so it follows CouchDB's rules for names. */
export const SHOP_PATTERN = /^[a-z][a-z0-9_-]{0,40}$/;

/**
 * A buyer's user name: it is also their `BuyerId` in every event (domain's ID_PATTERN), so
 * sign-up accepts only these. Lower case, so that "Ann" and "ann" cannot be two people.
 */
export const USER_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function catalogDb(shop: string): string {
  return `${shop}-catalog`;
}

export function journalDb(shop: string): string {
  return `${shop}-journal`;
}

/** A buyer's channel, named as CouchDB's `couch_peruser` names it: hex of the UTF-8 name. */
export function channelDb(user: string): string {
  let hex = '';
  for (const byte of new TextEncoder().encode(user)) hex += byte.toString(16).padStart(2, '0');
  return `userdb-${hex}`;
}

/** The user a channel belongs to, or undefined for any other database name. */
export function channelOwner(db: string): string | undefined {
  const m = /^userdb-((?:[0-9a-f]{2})+)$/.exec(db);
  if (!m) return undefined;
  const bytes = new Uint8Array(m[1]!.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(m[1]!.slice(i * 2, i * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Every database the project sets up holds one document that names it: a random `uuid` made
 * when the database was made. A device records it with its checkpoint; when it changes or
 * goes missing, the database was deleted and made again (or restored), and the device
 * starts over from the beginning and pushes again what the server lacks.
 */
export const IDENTITY_DOC_ID = 'db-identity';
export interface IdentityDoc {
  _id: typeof IDENTITY_DOC_ID;
  type: 'db-identity';
  uuid: string;
}

/** The seller devices' lease, in the journal: one device decides at a time (see lease.ts). */
export const LEASE_DOC_ID = 'authority-lease';

/** The role CouchDB's admin gives the shop's seller (or the seller signs in as the server's admin). */
export const SELLER_ROLE = 'seller';

/** The id of a decision's public copy in the catalog (apart from the decision's own id: see publish). */
export function catalogCopyId(decisionId: string): string {
  return `c.${decisionId}`;
}

/** A photo taken on a device (`photo-<uuid>.webp`), kept in the catalog as a document of that id. */
export function isPhotoRef(ref: string): boolean {
  return PHOTO_REF_PATTERN.test(ref);
}

/** The name of a photo document's attachment: the photo. */
export const PHOTO_ATTACHMENT = 'image';
/** …and its thumbnail, for cards (absent on photos uploaded before thumbnails). */
export const THUMB_ATTACHMENT = 'thumb';

/**
 * Where a photo attached to a message, review or claim is loaded from: the channel it went
 * through, the buyer's (domain/attached-photos.ts). Only that buyer and the seller may read it,
 * with the session cookie the browser sends with the picture's request.
 */
export function channelPhotoUrl(serverUrl: string, buyer: string, ref: string, size: 'full' | 'thumb' = 'full'): string {
  const root = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return `${root}${encodeURIComponent(channelDb(buyer))}/${encodeURIComponent(ref)}/${size === 'thumb' ? THUMB_ATTACHMENT : PHOTO_ATTACHMENT}`;
}

/** Where a buyer's device loads a catalog photo (or its thumbnail) from. */
export function photoUrl(serverUrl: string, shop: string, ref: string, size: 'full' | 'thumb' = 'full'): string {
  const root = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return `${root}${encodeURIComponent(catalogDb(shop))}/${encodeURIComponent(ref)}/${size === 'thumb' ? THUMB_ATTACHMENT : PHOTO_ATTACHMENT}`;
}
