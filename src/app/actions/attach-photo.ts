/**
 * A photo a person attaches to a message, a review or a claim (domain/attached-photos.ts):
 * compressed on the device as product photos are (device/compress-photo.ts), with its
 * thumbnail, and stored here before the event that names it is written; it travels with that
 * event's channel (sync/push-photos.ts). A file that is not a picture, one too many or too big is
 * refused with the reason, and nothing is stored.
 */
import { pickedPhotoProblem, storedPhotoProblem, type PhotoProblem } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { compressPhoto, PhotoError } from '../device/compress-photo.ts';
import { storeCompressed } from './add-photo.ts';

/** Why a photo was not attached, as the domain's code (the UI says it in the person's language). */
export class PhotoRefusedError extends Error {
  constructor(readonly problem: PhotoProblem, why: string) {
    super(why);
    this.name = 'PhotoRefusedError';
  }
}

/** Compresses and stores a picked file, `already` photos being attached; returns the photo's id. */
export async function attachPhoto(ctx: AppContext, file: Blob, already: number): Promise<string> {
  const early = pickedPhotoProblem(file, already);
  if (early) throw new PhotoRefusedError(early, `This photo cannot be attached: ${early}.`);
  let photo;
  try {
    photo = await compressPhoto(file);
  } catch (error) {
    if (error instanceof PhotoError) throw new PhotoRefusedError('not-an-image', error.message);
    throw error;
  }
  const late = storedPhotoProblem({ type: photo.type, bytes: photo.blob.size });
  if (late) throw new PhotoRefusedError(late, `This photo cannot be attached: ${late} (${photo.blob.size} bytes of ${photo.type}).`);
  return storeCompressed(ctx, photo);
}

export { forgetPhotos as forgetAttachedPhotos } from './add-photo.ts';
