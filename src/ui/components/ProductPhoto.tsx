/**
 * A product's photo. Paths in the catalog are relative to the app (`photos/x.svg`), so they
 * follow the build's base path; the service worker caches them as they are seen.
 */
export function ProductPhoto({ src, alt, size = 96 }: { src: string | undefined; alt: string; size?: number }) {
  if (!src) return <div class="photo photo-empty" style={{ width: size, height: size }} role="img" aria-label={alt} />;
  const url = /^https?:/.test(src) ? src : `${import.meta.env.BASE_URL}${src}`;
  return <img class="photo" src={url} alt={alt} width={size} height={size} loading="lazy" decoding="async" />;
}
