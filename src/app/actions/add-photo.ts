/**
 * A photo the seller took or picked, compressed (device/compress-photo.ts) and stored on this device;
 * the product names it by its file name. Photos go to the shop's server as attachments when
 * sync sends the catalog; until then they live here.
 */
import { deletePhotos, putPhoto } from '../../storage/photo-writes.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';
import { compressPhoto, photoFileName, THUMB_BYTES, THUMB_SIDE, type CompressedPhoto } from '../device/compress-photo.ts';
import { isLocalPhoto } from '../queries/photos.ts';

export { PhotoError } from '../device/compress-photo.ts';

export interface StoredPhoto {
  /** What goes in a product's `photos`: `photo-<uuid>.webp`. */
  ref: string;
  photo: CompressedPhoto;
}

/** Compresses a picture file and stores it; a full disk is a `StorageFullError`, a bad file a `PhotoError`. */
export async function addPhoto(ctx: AppContext, file: Blob): Promise<StoredPhoto> {
  const photo = await compressPhoto(file);
  return { ref: await storeCompressed(ctx, photo), photo };
}

/**
 * Stores a compressed photo with its thumbnail under a new id (`photo-<uuid>.webp`), for a
 * product or for a message, review or claim (attach-photo.ts); returns the id.
 */
export async function storeCompressed(ctx: AppContext, photo: CompressedPhoto): Promise<string> {
  // From the compressed photo, not the camera's file: a tenth of the pixels to decode. Of the
  // same type (the browser that encoded one encodes the other), as the catalog keeps one type per photo.
  const thumb = await compressPhoto(photo.blob, { maxSide: THUMB_SIDE, budget: THUMB_BYTES });
  const at = ctx.now();
  const ref = photoFileName(newEventId(at), photo.type);
  await putPhoto(ctx.store, {
    id: ref, blob: photo.blob, type: photo.type, width: photo.width, height: photo.height, bytes: photo.blob.size, storedAt: at,
    ...(thumb.type === photo.type && { thumb: thumb.blob }),
  });
  return ref;
}

/** Forgets photos taken for a form and removed before it was saved (no product names them). */
export function forgetPhotos(ctx: AppContext, refs: readonly string[]): Promise<void> {
  return deletePhotos(ctx.store, refs.filter(isLocalPhoto));
}
