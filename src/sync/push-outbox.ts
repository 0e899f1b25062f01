/**
 * Pushing this buyer's queued intents into their channel with `_bulk_docs`, in small batches.
 *
 * Each intent is stamped with `sentAt` from the server's clock just before its batch goes (the
 * channel's rules refuse a time far from theirs, and the shop decides in that order). Per
 * document, the server's answer decides what happens to the outbox entry:
 * - ok, or 409 `conflict` (the id is there already: an earlier push whose answer was lost): sent;
 *   (PouchDB Server says 403 there instead: see alreadyThere);
 * - 403 `forbidden`: the rules refuse it for good: the entry is marked refused with the
 *   server's reason, for the person to read, and the rest of the queue goes on;
 * - anything else: left queued, and the push is tried again later (with backoff).
 */
import type { BuyerId, BuyerIntent, EventId } from '../domain/index.ts';
import { claimForPush, markSent, pendingIntents, refuseQueued, type ShopDb } from '../storage/index.ts';
import { CouchError, type BulkResult, type CouchClient } from './couch-client.ts';
import { photosNamed, refusedPhotoOf, uploadPhotoDocs } from './push-photos.ts';

/**
 * Intents per `_bulk_docs`: about 35 KB of JSON, ~3 KB gzipped (couch-client.ts), so a weak
 * link still finishes a batch in seconds while a good one pays the per-request cost 1% as
 * often (bench: sync push; 25 spent 6 s of 10,000 intents in request overhead).
 */
export const PUSH_BATCH = 100;

export interface PushReport {
  sent: number;
  refused: number;
  /** Some documents failed for a passing reason: try again later. */
  retry: boolean;
}

export async function pushOutbox(
  local: ShopDb, client: CouchClient, channel: string, buyer: BuyerId,
  options: { batch?: number; signal?: AbortSignal } = {},
): Promise<PushReport> {
  const report: PushReport = { sent: 0, refused: 0, retry: false };
  const batch = options.batch ?? PUSH_BATCH;
  const waiting = (await pendingIntents(local))
    .filter((w) => w.status === 'queued' && w.intent.by === 'buyer' && w.intent.buyer === buyer)
    .map((w) => w.intent as BuyerIntent);
  for (let i = 0; i < waiting.length; i += batch) {
    // A review's or claim's photos go first (push-photos.ts); one the rules refuse takes its intent with it.
    const { refused: badPhotos } = await uploadPhotoDocs(local, client, channel, waiting.slice(i, i + batch).flatMap(photosNamed), options.signal);
    for (const intent of waiting.slice(i, i + batch)) {
      const why = refusedPhotoOf(intent, badPhotos);
      if (why === undefined) continue;
      await refuseQueued(local, intent.id, why);
      report.refused += 1;
    }
    const sentAt = Math.round(client.clock.now());
    // Only what is still queued here as the push begins (an order withdrawn on this device meanwhile is not sent).
    const claimed = new Set(await claimForPush(local, waiting.slice(i, i + batch).map((w) => w.id), sentAt));
    const docs = waiting.slice(i, i + batch).filter((w) => claimed.has(w.id) && refusedPhotoOf(w, badPhotos) === undefined).map((intent) => ({ ...intent, _id: intent.id, sentAt }));
    if (docs.length === 0) continue;
    const results = await client.bulkDocs(channel, docs, options.signal);
    const outcome = sortResults(results);
    await alreadyThere(client, channel, outcome);
    if (outcome.sent.length > 0) await markSent(local, outcome.sent, sentAt);
    for (const [id, reason] of outcome.refused) await refuseQueued(local, id, reason);
    report.sent += outcome.sent.length;
    report.refused += outcome.refused.length;
    if (outcome.unauthorized) throw new CouchError(401, 'unauthorized', 'Sign in again to send your orders.');
    if (outcome.retry) {
      report.retry = true;
      return report;
    }
  }
  return report;
}

interface Outcome {
  sent: EventId[];
  refused: [EventId, string][];
  retry: boolean;
  unauthorized: boolean;
}

/**
 * PouchDB Server runs the rules before it notices a repeat, so a document already there is
 * answered "forbidden" (an edit) where CouchDB says "conflict". Before an entry is refused for
 * good, the server is asked whether it has the id: if it does, the entry was sent before.
 */
async function alreadyThere(client: CouchClient, channel: string, outcome: Outcome): Promise<void> {
  if (outcome.refused.length === 0) return;
  const there = await client.revsOf(channel, outcome.refused.map(([id]) => id));
  for (const [id] of outcome.refused) if (there.has(id)) outcome.sent.push(id);
  outcome.refused = outcome.refused.filter(([id]) => !there.has(id));
}

/** What each line of a `_bulk_docs` answer means for its outbox entry. */
export function sortResults(results: readonly BulkResult[]): Outcome {
  const out: Outcome = { sent: [], refused: [], retry: false, unauthorized: false };
  for (const r of results) {
    const id = r.id as EventId;
    if (r.ok || r.error === 'conflict') out.sent.push(id);
    else if (r.error === 'forbidden') out.refused.push([id, r.reason || 'The shop refused this.']);
    else if (r.error === 'unauthorized') out.unauthorized = true;
    else out.retry = true;
  }
  return out;
}
