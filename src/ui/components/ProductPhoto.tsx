/**
 * A product's photo. Paths in the catalog are relative to the app (`photos/x.svg`), so they
 * follow the build's base path; the service worker precaches the demo's and caches others as
 * they are seen. With no photo (or one that cannot load: ShopPhoto), a tile drawn from the
 * product's `name` (its initial, on a colour of its own) stands in, rather than a blank box.
 */
export function ProductPhoto({ src, alt, size = 96, name = alt }: { src: string | undefined; alt: string; size?: number; name?: string }) {
  if (!src) {
    let hue = 0;
    for (const c of name) hue = (hue * 31 + c.codePointAt(0)!) % 360;
    return (
      <div
        class="photo photo-drawn"
        style={{ width: size, height: size, fontSize: size * 0.45, background: `hsl(${hue} 60% 90%)`, color: `hsl(${hue} 45% 28%)` }}
        {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': 'true' })}
      >
        {[...name.trim()][0]?.toUpperCase()}
      </div>
    );
  }
  const url = /^https?:/.test(src) ? src : `${import.meta.env.BASE_URL}${src}`;
  return <img class="photo" src={url} alt={alt} width={size} height={size} loading="lazy" decoding="async" />;
}
