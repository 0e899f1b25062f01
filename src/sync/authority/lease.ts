/**
 * The seller devices' lease: one document in the shop's journal that says which device may
 * decide, until when (by the SERVER's clock, so a phone with a wrong clock cannot steal it or
 * hold it forever). Taken by compare-and-swap on `_rev`: a PUT with the revision just read
 * succeeds for one device only; the others get 409 and read again.
 *
 * A released lease keeps its holder (with `until` in the past) rather than being deleted, so
 * the next taker can tell whether someone else held it in between (`renewed` below): if so,
 * the journal may hold decisions this device has not seen, and it must read them first.
 */
import { CouchError, type CouchClient } from '../couch-client.ts';
import { journalDb, LEASE_DOC_ID } from '../names.ts';

export interface LeaseDoc {
  _id: typeof LEASE_DOC_ID;
  _rev?: string;
  type: 'lease';
  /** The device id of the holder. */
  holder: string;
  /** Shown to the seller on the other devices: "Seller's phone is deciding". */
  label: string;
  /** Server-time millis after which anyone may take it. */
  until: number;
}

export type LeaseDecision =
  /** `renew`: the lease was this device's and no one has held it since. */
  | { take: true; renew: boolean }
  | { take: false; holder: string; label: string; until: number };

export type LeaseResult =
  /** `renewed`: no other device held the lease since this one last did (see the file's comment). */
  | { held: true; rev: string; until: number; renewed: boolean }
  | { held: false; holder: string; label: string; until: number };

/** Whether `deviceId` may take the lease now. A document that is not a well-formed lease counts as free. */
export function leaseDecision(doc: unknown, deviceId: string, serverNow: number): LeaseDecision {
  const lease = asLease(doc);
  if (!lease) return { take: true, renew: false };
  if (lease.holder === deviceId) return { take: true, renew: true };
  if (lease.until <= serverNow) return { take: true, renew: false };
  return { take: false, holder: lease.holder, label: lease.label, until: lease.until };
}

/** The lease's requests go ahead of a run's queued reads (couch-client.ts, `slot`). */
const FIRST = { first: true } as const;

/** How many times a lost race (409) is retried before giving up for this run. */
const CAS_TRIES = 5;

/** Takes or renews the lease for `ttlMs` from the server's now. */
export async function acquireLease(client: CouchClient, shop: string, deviceId: string, label: string, ttlMs: number): Promise<LeaseResult> {
  const db = journalDb(shop);
  for (let attempt = 0; ; attempt++) {
    const doc = await client.get<Record<string, unknown>>(db, LEASE_DOC_ID, '', FIRST);
    // After the GET, the clock has seen this server's Date header.
    const now = client.clock.now();
    const decision = leaseDecision(doc, deviceId, now);
    if (!decision.take) return { held: false, holder: decision.holder, label: decision.label, until: decision.until };
    const until = Math.round(now + ttlMs);
    const next: LeaseDoc = { _id: LEASE_DOC_ID, type: 'lease', holder: deviceId, label, until };
    if (typeof doc?._rev === 'string') next._rev = doc._rev;
    try {
      const res = await client.put(db, next, FIRST);
      return { held: true, rev: res.rev, until, renewed: decision.renew };
    } catch (error) {
      // Someone wrote the lease between our read and our write: read again and judge again.
      if (!(error instanceof CouchError && error.status === 409) || attempt + 1 >= CAS_TRIES) throw error;
    }
  }
}

/** Gives the lease up (if this device holds it), so another device may decide at once. */
export async function releaseLease(client: CouchClient, shop: string, deviceId: string): Promise<boolean> {
  const db = journalDb(shop);
  const doc = await client.get<Record<string, unknown>>(db, LEASE_DOC_ID, '', FIRST);
  const lease = asLease(doc);
  if (!lease || lease.holder !== deviceId || typeof doc?._rev !== 'string') return false;
  try {
    // Kept, with its holder: see the file's comment.
    await client.put(db, { ...lease, _rev: doc._rev, until: 0 }, FIRST);
    return true;
  } catch (error) {
    if (error instanceof CouchError && error.status === 409) return false; // taken meanwhile: not ours to release
    throw error;
  }
}

/** The server's document, untrusted: a lease only if every field has the right type. */
function asLease(doc: unknown): LeaseDoc | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const d = doc as Record<string, unknown>;
  if (d.type !== 'lease' || typeof d.holder !== 'string' || typeof d.label !== 'string') return undefined;
  if (typeof d.until !== 'number' || !Number.isFinite(d.until)) return undefined;
  return { _id: LEASE_DOC_ID, type: 'lease', holder: d.holder, label: d.label, until: d.until };
}
