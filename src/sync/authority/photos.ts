/**
 * Photos the catalog shows travel to it as attachments (one document per photo, named like the
 * photo: `photo-<uuid>.webp`, see push-photos.ts), before the document that shows them, so a
 * buyer never sees a product or review whose photo the server lacks. Buyers load them by URL
 * (never inlined in `_changes`), and the service worker caches them as they are seen.
 *
 * A product's photos were taken on the seller's device. A review's were taken on its writer's
 * and reached the shop in the writer's private channel: the seller's device copies them from
 * there into the public catalog when the review is published (the catalog is public; the
 * channel is not).
 */
import { photosOf, type BuyerId, type Decision } from '../../domain/index.ts';
import { readAttachedPhoto as getPhoto } from '../../storage/attached-photos.ts';
import type { ShopDb } from '../../storage/index.ts';
import type { CouchClient } from '../couch-client.ts';
import { catalogDb, channelDb, isPhotoRef } from '../names.ts';
import { uploadPhotoDocs } from '../push-photos.ts';

/** Uploads the photos these decisions' products and reviews show that the catalog does not have yet; returns how many. */
export async function uploadPhotos(local: ShopDb, client: CouchClient, shop: string, decisions: readonly Decision[], signal?: AbortSignal): Promise<number> {
  const refs = new Set<string>();
  /** Where a review's photo may be found when this device lacks it: its writer's channel. */
  const from = new Map<string, BuyerId>();
  for (const d of decisions) {
    // A combination's own photo too: it may be one the product's gallery does not hold.
    for (const p of d.set.products ?? []) for (const ref of photosOf(p)) if (isPhotoRef(ref)) refs.add(ref);
    for (const r of d.set.reviews ?? []) {
      for (const ref of r.photos ?? []) {
        if (!isPhotoRef(ref)) continue;
        refs.add(ref);
        const writer = r.buyer ?? d.buyer;
        if (writer !== undefined) from.set(ref, writer);
      }
    }
  }
  if (refs.size === 0) return 0;
  const db = catalogDb(shop);
  const local_ = new Set<string>();
  for (const ref of refs) if (await getPhoto(local, ref)) local_.add(ref);
  const { uploaded, refused } = await uploadPhotoDocs(local, client, db, local_, signal);
  if (refused.size > 0) throw new Error(`A photo could not be uploaded: ${[...refused.values()][0]}`);
  const copied = await copyFromChannels(client, db, [...from].filter(([ref]) => !local_.has(ref)), signal);
  return uploaded + copied;
}

/**
 * Copies review photos from their writers' channels into the catalog (those it lacks). One that
 * is not in the channel (never uploaded, or refused there) is left out: the review shows without it.
 */
async function copyFromChannels(client: CouchClient, db: string, photos: [string, BuyerId][], signal?: AbortSignal): Promise<number> {
  if (photos.length === 0) return 0;
  const there = await client.revsOf(db, photos.map(([ref]) => ref));
  let copied = 0;
  for (const [ref, buyer] of photos) {
    if (there.has(ref)) continue;
    const doc = await client.get<{ _attachments?: Record<string, { content_type?: string; data?: string }> }>(channelDb(buyer), ref, '?attachments=true', { ...(signal ? { signal } : {}) });
    const attachments = Object.fromEntries(
      Object.entries(doc?._attachments ?? {}).flatMap(([name, a]) => (typeof a.data === 'string' && typeof a.content_type === 'string' ? [[name, { content_type: a.content_type, data: a.data }]] : [])),
    );
    if (Object.keys(attachments).length === 0) continue;
    const [result] = await client.bulkDocs(db, [{ _id: ref, type: 'photo', _attachments: attachments }], signal);
    if (result?.ok || result?.error === 'conflict') copied += 1;
    else throw new Error(`The photo ${ref} could not be copied to the catalog: ${result?.reason ?? result?.error ?? 'no answer'}`);
  }
  return copied;
}
