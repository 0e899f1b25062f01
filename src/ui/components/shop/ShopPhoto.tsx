import { useEffect, useState } from 'preact/hooks';
import { isLocalPhoto, localPhotoBlob } from '../../../app/queries/photos.ts';
import { useApp } from '../../hooks/use-app.ts';
import { ProductPhoto } from '../ProductPhoto.tsx';

/**
 * A product photo that degrades quietly: offline, a photo the service worker has not cached
 * yet cannot load, and a tile drawn from the product's name (ProductPhoto) reads better than
 * the browser's broken-image icon or a blank box.
 * A photo taken on this device (`photo-<uuid>.webp`) is read from its database; others (the
 * demo's `photos/*.svg`, web addresses) load by their path. Cards and lists (a small `size`) get
 * the photo's thumbnail, and the photo itself where it has none (one uploaded before them).
 */
export function ShopPhoto({ src, alt, size, name }: { src: string | undefined; alt: string; size: number; name?: string }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [noThumb, setNoThumb] = useState<string | undefined>(undefined);
  const local = src !== undefined && isLocalPhoto(src) ? src : undefined;
  const app = useApp();
  const want = size <= 120 && noThumb !== src ? 'thumb' : 'full';
  // Not on this device (null, once read): another device took it, and the shop's server has it.
  // Not while it is still being read: a photo just taken is not on the server yet, and its
  // failed load there would stand for the photo (seen on a loaded phone: the seller's own new
  // photo shown as a placeholder).
  const read = useLocalPhotoUrl(local, want);
  const localUrl = read === null ? local && app.photoUrl?.(local, want) : read;
  if (src === undefined || failed === src || (local !== undefined && typeof localUrl !== 'string')) {
    return <ProductPhoto src={undefined} alt={alt} size={size} name={name} />;
  }
  if (local !== undefined && typeof localUrl === 'string') {
    return (
      <span class="photo-frame">
        <img class="photo" src={localUrl} alt={alt} width={size} height={size} decoding="async" onError={() => (want === 'thumb' ? setNoThumb(src) : setFailed(src))} />
      </span>
    );
  }
  return (
    <span class="photo-frame" onErrorCapture={() => setFailed(src)}>
      <ProductPhoto src={src} alt={alt} size={size} />
    </span>
  );
}

/**
 * An object URL for a photo kept on this device, revoked when the photo changes or the
 * component goes: undefined while it is read, null if this device does not have it.
 */
function useLocalPhotoUrl(ref: string | undefined, want: 'full' | 'thumb'): string | null | undefined {
  const app = useApp();
  const [shown, setShown] = useState<{ key: string; url: string | null } | undefined>(undefined);
  const key = `${want} ${ref}`;
  useEffect(() => {
    if (ref === undefined) return;
    let live = true;
    let url: string | undefined;
    localPhotoBlob(app.store, ref, want).then(
      (blob) => {
        if (!live) return;
        url = blob ? URL.createObjectURL(blob) : undefined;
        setShown({ key, url: url ?? null });
      },
      () => live && setShown({ key, url: null }),
    );
    return () => {
      live = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [app, key]);
  return shown !== undefined && shown.key === key ? shown.url : undefined;
}
