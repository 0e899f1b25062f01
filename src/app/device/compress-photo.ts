/**
 * Photos are compressed on the device before they are stored or sent: a phone's camera makes
 * 3–12 MB pictures, a weak network and a small disk want about a hundred kilobytes. The long
 * side is brought down to about 1,200 px, the picture encoded as WebP (JPEG where the browser
 * cannot encode WebP), and the quality lowered step by step until it fits the budget; if even
 * the lowest quality does not fit, the picture is made smaller and tried again.
 */

/** The long side of a stored photo, in pixels: sharp on a phone's screen at full width. */
export const MAX_SIDE = 1200;
/** What a photo should weigh at most: 150 KB (150,000 bytes). */
export const TARGET_BYTES = 150_000;
/**
 * The thumbnail a card shows (issue 15: a photo at the size the screen needs): two cards side by
 * side on a 360-px phone are about 170 px wide, 340 device pixels at 2×; about 20 KB.
 */
export const THUMB_SIDE = 360;
export const THUMB_BYTES = 20_000;
/** Qualities tried in turn, best first. */
export const QUALITIES: readonly number[] = [0.82, 0.72, 0.62, 0.52, 0.42, 0.32];
/** Scales tried in turn when the lowest quality still weighs too much. */
export const SCALES: readonly number[] = [1, 0.8, 0.64];

export type PhotoType = 'image/webp' | 'image/jpeg';

export interface CompressedPhoto {
  blob: Blob;
  type: PhotoType;
  width: number;
  height: number;
  /** The quality it was encoded at (0–1). */
  quality: number;
  /** Encodings tried (a measure of the time it took). */
  tries: number;
  /** The source picture's size, as decoded. */
  source: { width: number; height: number; bytes: number };
}

/** Thrown when the file cannot be decoded as a picture. */
export class PhotoError extends Error {
  override readonly name = 'PhotoError';
}

/** The size to draw a `width` × `height` picture at: the long side at most `maxSide`, never enlarged, the shape kept. */
export function targetSize(width: number, height: number, maxSide: number = MAX_SIDE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new PhotoError(`A picture of ${width} × ${height} pixels has nothing to show.`);
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The encoder that served, from what the browser returned for a WebP request (some give PNG instead). */
export function formatOf(blobType: string): PhotoType {
  return blobType === 'image/webp' ? 'image/webp' : 'image/jpeg';
}

/** The file name a photo is stored and referred to by. */
export function photoFileName(id: string, type: PhotoType): string {
  return `photo-${id}.${type === 'image/webp' ? 'webp' : 'jpg'}`;
}

/**
 * Encodes at each quality in turn until one fits `budget` bytes. Returns the first that fits,
 * or the smallest made (with `fits: false`).
 */
export async function encodeToBudget(
  encode: (quality: number) => Promise<Blob>,
  budget: number = TARGET_BYTES,
  qualities: readonly number[] = QUALITIES,
): Promise<{ blob: Blob; quality: number; tries: number; fits: boolean }> {
  let best: { blob: Blob; quality: number } | undefined;
  let tries = 0;
  for (const quality of qualities) {
    const blob = await encode(quality);
    tries += 1;
    if (blob.size <= budget) return { blob, quality, tries, fits: true };
    if (!best || blob.size < best.blob.size) best = { blob, quality };
  }
  if (!best) throw new PhotoError('No quality to try.');
  return { ...best, tries, fits: false };
}

type Source = ImageBitmap | HTMLImageElement;
type Surface = { ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D; toBlob: (type: string, q: number) => Promise<Blob> };

async function decode(file: Blob): Promise<{ image: Source; width: number; height: number; close: () => void }> {
  try {
    if (typeof createImageBitmap === 'function') {
      // Turned as the camera's EXIF orientation says (the default, spelled out).
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    }
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.src = url;
    try {
      await img.decode();
    } finally {
      URL.revokeObjectURL(url);
    }
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined };
  } catch (error) {
    throw new PhotoError(`This file could not be read as a picture: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) return { ctx, toBlob: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new PhotoError('This browser cannot draw pictures.');
  return {
    ctx,
    toBlob: (type, quality) =>
      new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoError('The picture could not be encoded.'))), type, quality)),
  };
}

/** Compresses a photo (a camera's JPEG, a PNG…) for storing: see the top of this file. */
export async function compressPhoto(
  file: Blob,
  { maxSide = MAX_SIDE, budget = TARGET_BYTES }: { maxSide?: number; budget?: number } = {},
): Promise<CompressedPhoto> {
  const source = await decode(file);
  try {
    let type: PhotoType | undefined;
    let last: CompressedPhoto | undefined;
    let tries = 0;
    for (const scale of SCALES) {
      const { width, height } = targetSize(source.width, source.height, Math.round(maxSide * scale));
      const { ctx, toBlob } = surface(width, height);
      ctx.fillStyle = '#fff'; // a transparent PNG gets a white background, not JPEG's black
      ctx.fillRect(0, 0, width, height);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source.image, 0, 0, width, height);
      const encode = async (quality: number) => {
        const blob = await toBlob(type ?? 'image/webp', quality);
        // The first answer tells whether this browser encodes WebP; if not, JPEG from then on.
        if (type === undefined) {
          type = formatOf(blob.type);
          if (type === 'image/jpeg' && blob.type !== 'image/jpeg') return toBlob(type, quality);
        }
        return blob;
      };
      const result = await encodeToBudget(encode, budget);
      tries += result.tries;
      last = {
        blob: result.blob, type: type ?? 'image/jpeg', width, height, quality: result.quality, tries,
        source: { width: source.width, height: source.height, bytes: file.size },
      };
      if (result.fits) break;
    }
    return last!;
  } finally {
    source.close();
  }
}
