/**
 * Photos go to the server as documents of their own, one per photo, named like it
 * (`photo-<uuid>.webp`), the picture and its thumbnail as attachments; the event that names them
 * (a product, a message, a review, a claim) goes after them, so the other side never reads an
 * event whose photo the server lacks. The other side loads a photo by URL when it shows it
 * (never inlined in `_changes`), and the service worker keeps it.
 */
import { isPhotoRef } from '../domain/index.ts';
import { readAttachedPhoto as getPhoto } from '../storage/attached-photos.ts';
import type { ShopDb } from '../storage/index.ts';
import type { CouchClient } from './couch-client.ts';
import { PHOTO_ATTACHMENT, THUMB_ATTACHMENT } from './names.ts';

export interface PhotoUpload {
  uploaded: number;
  /** Photos the server's rules refused for good, with their reason: the event that names them must not go. */
  refused: Map<string, string>;
}

/**
 * Uploads to `db` those of `refs` it lacks that this device has. A photo this device lacks (a
 * device rebuilt from a backup of the events) is left alone: the server may have it from before.
 * A passing failure (the network, the server) throws, and the caller tries again later.
 */
export async function uploadPhotoDocs(
  local: ShopDb, client: CouchClient, db: string, refs: Iterable<string>, signal?: AbortSignal,
): Promise<PhotoUpload> {
  const wanted = [...new Set(refs)].filter(isPhotoRef);
  const outcome: PhotoUpload = { uploaded: 0, refused: new Map() };
  if (wanted.length === 0) return outcome;
  const there = await client.revsOf(db, wanted);
  for (const ref of wanted) {
    if (there.has(ref)) continue;
    const photo = await getPhoto(local, ref);
    if (!photo) continue;
    const attachments: Record<string, { content_type: string; data: string }> = {
      [PHOTO_ATTACHMENT]: { content_type: photo.type, data: base64(new Uint8Array(await photo.blob.arrayBuffer())) },
    };
    // The card's size travels with it (about 20 KB more): lists and grids load thumbnails.
    if (photo.thumb) attachments[THUMB_ATTACHMENT] = { content_type: photo.type, data: base64(new Uint8Array(await photo.thumb.arrayBuffer())) };
    // One photo per request: each is ~150 KB, and a weak link should finish what it starts.
    const [result] = await client.bulkDocs(db, [{ _id: ref, type: 'photo', _attachments: attachments }], signal);
    if (result?.ok || result?.error === 'conflict') outcome.uploaded += 1;
    else if (result?.error === 'forbidden') {
      // PouchDB Server answers a repeat "forbidden" (an edit): there it is, then.
      if ((await client.revsOf(db, [ref])).has(ref)) outcome.uploaded += 1;
      else outcome.refused.set(ref, result.reason ?? 'The shop refused this photo.');
    } else throw new Error(`The photo ${ref} could not be uploaded: ${result?.reason ?? result?.error ?? 'no answer'}`);
  }
  return outcome;
}

/** The photos an event names (a message, a review or claim intent), none for any other. */
export function photosNamed(event: object): string[] {
  const photos = (event as { photos?: unknown }).photos;
  return Array.isArray(photos) ? photos.filter(isPhotoRef) : [];
}

/** The first refused photo an event names, with the reason, if any. */
export function refusedPhotoOf(event: object, refused: ReadonlyMap<string, string>): string | undefined {
  for (const ref of photosNamed(event)) {
    const why = refused.get(ref);
    if (why !== undefined) return `A photo was refused: ${why}`;
  }
  return undefined;
}

export function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
