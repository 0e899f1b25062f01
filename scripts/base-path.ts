// The URL path the app is served from, read from BASE_PATH (default '/'), so one build can
// live under a sub-path of a static host: BASE_PATH=/my-shop/ npm run build.
// Shared by vite.config.ts and playwright.config.ts so they cannot disagree.
export function basePath(raw: string | undefined = process.env.BASE_PATH): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
