/**
 * `npm run screenshots`: the web manifest's screenshots (Chromium shows them in its richer
 * install dialog), taken of the built app by Playwright in Debian's Chromium: the catalog on a
 * phone (narrow) and on a desktop (wide), written as WebP to public/screenshots/ and kept small
 * (under SIZE_LIMIT bytes each; the quality steps down until they fit). The app is built into a
 * temporary folder and served on loopback; the files are committed, so run this only to change
 * them. Their pixel sizes are the manifest's (SCREENSHOTS in vite.config.ts says them).
 * Then the README's screenshots of the main screens (scripts/readme-screenshots.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { SCREENSHOTS } from '../vite.config.ts';
import { buildApp } from '../bench/build-app.ts';
import { takeReadmeScreenshots } from './readme-screenshots.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE_LIMIT = 60_000;

/** The page's own screenshot as WebP, at the lowest quality step that fits SIZE_LIMIT (from 0.85 down). */
async function webp(page: Page): Promise<Buffer> {
  const png = (await page.screenshot({ type: 'png' })).toString('base64');
  for (const quality of [0.85, 0.75, 0.65, 0.55, 0.45]) {
    const data = await page.evaluate(async ([src, q]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${src}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      canvas.getContext('2d')!.drawImage(img, 0, 0);
      return canvas.toDataURL('image/webp', q as number).split(',')[1]!;
    }, [png, quality] as const);
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length <= SIZE_LIMIT) return bytes;
  }
  throw new Error(`a screenshot stays over ${SIZE_LIMIT} bytes even at quality 0.45`);
}

const { outDir } = await buildApp();
const server = await preview({ root: REPO, build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('the preview server did not say its address');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
try {
  mkdirSync(join(REPO, 'public', 'screenshots'), { recursive: true });
  for (const shot of SCREENSHOTS) {
    const [width, height] = shot.sizes.split('x').map(Number) as [number, number];
    const scale = shot.form_factor === 'narrow' ? 1.5 : 1;
    const page = await browser.newPage({ viewport: { width: width / scale, height: height / scale }, deviceScaleFactor: scale, locale: 'en-US' });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    // Every picture on screen drawn, and no "Loading…" left.
    await page.waitForFunction(() => [...document.images].every((i) => i.complete) && !document.body.textContent?.includes('Loading'));
    await page.waitForTimeout(500);
    const bytes = await webp(page);
    writeFileSync(join(REPO, 'public', shot.src), bytes);
    console.log(`wrote public/${shot.src}: ${shot.sizes}, ${bytes.length} bytes`);
    await page.close();
  }
  // Then the README's: the main screens on a phone (docs/screenshots/, PNG).
  await takeReadmeScreenshots(browser, url, REPO);
} finally {
  await browser.close();
  await new Promise<void>((done) => server.httpServer.close(() => done()));
}
