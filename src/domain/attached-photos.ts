/**
 * Photos a person attaches to what they say (issues 12 and 14): a message (either side), a
 * review, a counterfeit claim. The event names each photo by its id, the attachment name the
 * device stored it under (`photo-<uuid>.webp`, as product photos are named); the bytes never go
 * into an event. Where a shop server is connected, each photo travels beside the event as a
 * document with the picture as an attachment, in the same channel the event goes through
 * (sync/push-photos.ts), and the other side loads it by URL when it shows it.
 *
 * One owner for the limits: the app refuses before storing, the validators refuse what arrives,
 * and the server's rules (sync/rules.ts) refuse an attachment that is not a picture or too big.
 */

/** A photo's id: `photo-<uuid>.webp` or `.jpg` (the name compress-photo.ts gives it). */
export const PHOTO_REF_PATTERN = /^photo-[\da-f-]{36}\.(webp|jpg)$/;

/** At most this many photos on one message, review or claim: enough to show a fault, not an album. */
export const MAX_ATTACHED_PHOTOS = 3;

/** The picture formats a compressed photo is stored and sent in. */
export const ATTACHED_PHOTO_TYPES: readonly string[] = ['image/webp', 'image/jpeg'];

/**
 * The most a stored (compressed) photo may weigh: compression aims at 150 KB (compress-photo.ts),
 * and this leaves room for a picture that would not go lower. The server's rules keep the same bound.
 */
export const ATTACHED_PHOTO_MAX_BYTES = 300_000;

/** The largest file a person may pick, before compression: beyond any phone camera's picture. */
export const SOURCE_PHOTO_MAX_BYTES = 30_000_000;

/** Why a photo cannot be attached, as a code the app translates. */
export type PhotoProblem = 'not-an-image' | 'too-many' | 'too-big';

export function isPhotoRef(ref: unknown): ref is string {
  return typeof ref === 'string' && PHOTO_REF_PATTERN.test(ref);
}

/**
 * Whether a picked file may be tried at all, before decoding it: `already` photos attached, its
 * declared type (may be empty: some pickers say nothing, then decoding decides) and its size.
 */
export function pickedPhotoProblem(file: { type: string; size: number }, already: number): PhotoProblem | undefined {
  if (already >= MAX_ATTACHED_PHOTOS) return 'too-many';
  if (file.type !== '' && !file.type.startsWith('image/')) return 'not-an-image';
  if (file.size > SOURCE_PHOTO_MAX_BYTES) return 'too-big';
  return undefined;
}

/** Whether a compressed photo may be stored and sent: a picture of a type the rules take, within the bound. */
export function storedPhotoProblem(photo: { type: string; bytes: number }): PhotoProblem | undefined {
  if (!ATTACHED_PHOTO_TYPES.includes(photo.type)) return 'not-an-image';
  if (photo.bytes > ATTACHED_PHOTO_MAX_BYTES) return 'too-big';
  return undefined;
}

/** What is wrong with a list of photo ids an event carries (empty if nothing). */
export function photoListProblems(refs: readonly unknown[]): string[] {
  const problems: string[] = [];
  if (refs.length > MAX_ATTACHED_PHOTOS) problems.push(`at most ${MAX_ATTACHED_PHOTOS} photos, got ${refs.length}`);
  refs.forEach((ref, i) => {
    if (!isPhotoRef(ref)) problems.push(`[${i}]: must be a photo's id (photo-<uuid>.webp or .jpg)`);
  });
  if (new Set(refs).size !== refs.length) problems.push('the same photo twice');
  return problems;
}

/** The photos as an event carries them: none is no field at all, so an event without photos reads as before. */
export function photosField(refs: readonly string[] | undefined): { photos?: string[] } {
  return refs !== undefined && refs.length > 0 ? { photos: [...refs] } : {};
}
