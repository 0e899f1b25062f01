/**
 * Photos kept on this device (the `photos` table) as the screens read them: small, because the
 * catalog's first screen shows them. Compressing and storing them is actions/add-photo.ts.
 */
import { getPhoto } from '../../storage/photos.ts';
import type { Store } from '../../storage/store.ts';

const LOCAL = /^photo-[\da-f-]{36}\.(webp|jpg)$/;

/** True for a photo taken or picked on this device (`photo-<uuid>.webp`), false for an app path or a web address. */
export function isLocalPhoto(ref: string): boolean {
  return LOCAL.test(ref);
}

/** The picture of a local photo, or undefined if this device does not have it. */
export async function localPhotoBlob(store: Store, ref: string, size: 'full' | 'thumb' = 'full'): Promise<Blob | undefined> {
  const row = await getPhoto(store, ref);
  return size === 'thumb' ? (row?.thumb ?? row?.blob) : row?.blob;
}
