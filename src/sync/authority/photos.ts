/**
 * Product photos taken on the seller's device travel to the catalog as attachments (one
 * document per photo, named like the photo: `photo-<uuid>.webp`), before the product that
 * shows them, so a buyer never sees a product whose photo the server lacks. Buyers load them
 * by URL (never inlined in `_changes`), and the service worker caches them as they are seen.
 */
import type { Decision } from '../../domain/index.ts';
import { getPhoto } from '../../storage/photos.ts';
import type { ShopDb } from '../../storage/index.ts';
import type { CouchClient } from '../couch-client.ts';
import { catalogDb, isPhotoRef, PHOTO_ATTACHMENT, THUMB_ATTACHMENT } from '../names.ts';

/** Uploads the photos these decisions' products show that the catalog does not have yet; returns how many. */
export async function uploadPhotos(local: ShopDb, client: CouchClient, shop: string, decisions: readonly Decision[], signal?: AbortSignal): Promise<number> {
  const refs = new Set<string>();
  for (const d of decisions) for (const p of d.set.products ?? []) for (const ref of p.photos) if (isPhotoRef(ref)) refs.add(ref);
  if (refs.size === 0) return 0;
  const db = catalogDb(shop);
  const there = await client.revsOf(db, [...refs]);
  let uploaded = 0;
  for (const ref of refs) {
    if (there.has(ref)) continue;
    // A device rebuilt from the journal has no photos of its own: the catalog keeps what it had.
    const photo = await getPhoto(local, ref);
    if (!photo) continue;
    const attachments: Record<string, { content_type: string; data: string }> = {
      [PHOTO_ATTACHMENT]: { content_type: photo.type, data: base64(new Uint8Array(await photo.blob.arrayBuffer())) },
    };
    // The card's size travels with it (about 20 KB more): a buyer's grid loads thumbnails.
    if (photo.thumb) attachments[THUMB_ATTACHMENT] = { content_type: photo.type, data: base64(new Uint8Array(await photo.thumb.arrayBuffer())) };
    // One photo per request: each is ~150 KB, and a weak link should finish what it starts.
    const [result] = await client.bulkDocs(db, [{ _id: ref, type: 'photo', _attachments: attachments }], signal);
    if (result?.ok || result?.error === 'conflict') uploaded += 1;
    else throw new Error(`The photo ${ref} could not be uploaded: ${result?.reason ?? result?.error ?? 'no answer'}`);
  }
  return uploaded;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
