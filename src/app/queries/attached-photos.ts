/**
 * Where a photo attached to a message, review or claim is shown from (domain/attached-photos.ts):
 * this device's own copy, else the shop's server: the buyer's channel it went through (only that
 * buyer and the seller may read it; the browser sends their session with the picture's request),
 * or the public catalog for a published review. Loaded only with the screens that show them (not
 * the first screen's code).
 */
import { channelPhotoUrl } from '../../sync/names.ts';
import type { RunningApp } from '../context.ts';
import { readAttachedPhoto } from '../../storage/attached-photos.ts';
import type { Store } from '../../storage/store.ts';

/** Where a photo not on this device comes from. */
export type PhotoOrigin = { channel: string } | 'catalog';

/** The picture (or its thumbnail, where it has one) if this device has it. */
export async function localPhotoBlob(store: Store, ref: string, size: 'full' | 'thumb'): Promise<Blob | undefined> {
  const row = await readAttachedPhoto(store, ref);
  return size === 'thumb' ? (row?.thumb ?? row?.blob) : row?.blob;
}

/** The server's address for the photo, or null with no server (the demo) to ask. */
export function remotePhotoUrl(app: RunningApp, origin: PhotoOrigin, ref: string, size: 'full' | 'thumb'): string | null {
  if (origin === 'catalog') return app.photoUrl?.(ref, size) ?? null;
  return app.remote ? channelPhotoUrl(app.remote.url, origin.channel, ref, size) : null;
}
