import { useState } from 'preact/hooks';
import { ProductPhoto } from '../ProductPhoto.tsx';

/**
 * A product photo that degrades quietly: offline, a photo the service worker has not cached
 * yet cannot load, and a plain tile reads better than the browser's broken-image icon.
 */
export function ShopPhoto({ src, alt, size }: { src: string | undefined; alt: string; size: number }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (src === undefined || failed === src) {
    return alt === '' ? (
      <div class="photo photo-empty" style={{ width: size, height: size }} aria-hidden="true" />
    ) : (
      <ProductPhoto src={undefined} alt={alt} size={size} />
    );
  }
  return (
    <span class="photo-frame" onErrorCapture={() => setFailed(src)}>
      <ProductPhoto src={src} alt={alt} size={size} />
    </span>
  );
}
