/**
 * Pushing this device's messages and read receipts into buyers' channels with `_bulk_docs`: the
 * buyer's into their own channel, the seller's into each buyer's. Stamped with the server's
 * clock just before each batch, as intents are; what the server has (ok, or 409: an earlier
 * push whose answer was lost) leaves the outbox, what the rules refuse for good is kept with the
 * reason, anything else waits for the next push. Messages have their own outbox, so they never
 * wait behind intents or decisions.
 */
import type { BuyerId, MessageEvent, MessageSide } from '../domain/index.ts';
import { markMessagesSent, queuedMessages, refuseMessage, type ShopDb } from '../storage/index.ts';
import { CouchError, type CouchClient } from './couch-client.ts';
import { channelDb } from './names.ts';
import { sortResults } from './push-outbox.ts';
import { photosNamed, refusedPhotoOf, uploadPhotoDocs } from './push-photos.ts';

export const MESSAGE_BATCH = 100;

export interface MessagePushReport {
  sent: number;
  refused: number;
  retry: boolean;
}

/** This side's queued messages (a buyer: only their own conversation), pushed channel by channel. */
export async function pushMessages(
  local: ShopDb, client: CouchClient, side: MessageSide, buyer: BuyerId | undefined, signal?: AbortSignal,
): Promise<MessagePushReport> {
  const report: MessagePushReport = { sent: 0, refused: 0, retry: false };
  const waiting = await queuedMessages(local, { from: side, ...(buyer !== undefined ? { buyer } : {}) });
  const byBuyer = new Map<BuyerId, MessageEvent[]>();
  for (const m of waiting) byBuyer.set(m.buyer, [...(byBuyer.get(m.buyer) ?? []), m]);
  for (const [owner, messages] of byBuyer) {
    for (let i = 0; i < messages.length; i += MESSAGE_BATCH) {
      let docs: (MessageEvent & { _id: string })[] = [];
      let results;
      try {
        // The photos first (push-photos.ts): a message whose photo the rules refused is refused with it.
        const slice = messages.slice(i, i + MESSAGE_BATCH);
        const { refused } = await uploadPhotoDocs(local, client, channelDb(owner), slice.flatMap(photosNamed), signal);
        const going: MessageEvent[] = [];
        for (const m of slice) {
          const why = refusedPhotoOf(m, refused);
          if (why === undefined) going.push(m);
          else {
            await refuseMessage(local, m.id, why);
            report.refused += 1;
          }
        }
        if (going.length === 0) continue;
        // Stamped after the photos went: a slow upload must not age the messages' send time.
        const sentAt = Math.round(client.clock.now());
        docs = going.map((m) => ({ ...m, _id: m.id, sentAt }));
        results = await client.bulkDocs(channelDb(owner), docs, signal);
      } catch (error) {
        // One buyer's channel not there yet (the shop has not opened it) holds up only its own messages.
        if (error instanceof CouchError && (error.status === 404 || error.status === 403) && side === 'seller') {
          report.retry = true;
          break;
        }
        throw error;
      }
      const sentAt = docs[0]!.sentAt;
      const outcome = sortResults(results);
      if (outcome.sent.length > 0) await markMessagesSent(local, outcome.sent, sentAt);
      // A repeat on PouchDB Server is "forbidden" (an edit) rather than a 409: ask before refusing.
      const there = outcome.refused.length > 0 ? await client.revsOf(channelDb(owner), outcome.refused.map(([id]) => id)) : new Map<string, string>();
      const sentAgain = outcome.refused.filter(([id]) => there.has(id)).map(([id]) => id);
      if (sentAgain.length > 0) await markMessagesSent(local, sentAgain, sentAt);
      for (const [id, reason] of outcome.refused) if (!there.has(id)) await refuseMessage(local, id, reason);
      report.sent += outcome.sent.length + sentAgain.length;
      report.refused += outcome.refused.length - sentAgain.length;
      if (outcome.unauthorized) throw new CouchError(401, 'unauthorized', 'Sign in again to send your messages.');
      if (outcome.retry) {
        report.retry = true;
        break;
      }
    }
  }
  return report;
}
