/**
 * The README's screenshots (docs/screenshots/*.png): the main screens on a 360×740 phone, taken
 * of the built app by `npm run screenshots` (after the manifest's). Each PNG is kept under
 * SIZE_LIMIT bytes: if the plain screenshot is larger, its colours are rounded to fewer levels
 * in the page's own canvas (posterised, which PNG then compresses far better) until it fits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

const SIZE_LIMIT = 60_000;

/** A screen: its file name, where it is, and what to do there before the shot (and what to wait for). */
interface Shot {
  file: string;
  locale: 'en-US' | 'zh-CN';
  arrive: (page: Page, url: string) => Promise<void>;
}

const settle = async (page: Page) => {
  // Every picture on screen drawn (those further down load lazily, when scrolled to), no "Loading…" left.
  await page.waitForFunction(() =>
    [...document.images].every((i) => i.complete || i.getBoundingClientRect().top > window.innerHeight)
    && !document.body.textContent?.includes('Loading'));
  await page.waitForTimeout(400);
};

const SHOTS: Shot[] = [
  { file: 'home.png', locale: 'en-US', arrive: async (page) => { await page.getByRole('region', { name: 'Offers and coupons' }).waitFor(); } },
  { file: 'home-zh.png', locale: 'zh-CN', arrive: async (page) => { await page.getByRole('region', { name: '优惠与优惠券' }).waitFor(); } },
  {
    file: 'product.png', locale: 'en-US',
    arrive: async (page, url) => {
      await page.goto(`${url}#/product/dumpling`);
      await page.getByRole('group', { name: 'Ways to buy' }).waitFor();
    },
  },
  {
    file: 'order.png', locale: 'en-US',
    arrive: async (page, url) => {
      await page.goto(`${url}#/checkout?product=dumpling&buy=regular`);
      await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
      await page.getByLabel('Pickup point', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Place order' }).click();
      await page.getByRole('region', { name: 'Order placed' }).waitFor();
    },
  },
  {
    file: 'seller.png', locale: 'en-US',
    arrive: async (page, url) => {
      await page.goto(`${url}#/seller`);
      await page.getByRole('heading', { name: 'Seller', exact: true }).waitFor();
    },
  },
];

/** The page's screenshot as PNG, posterised in steps until it fits SIZE_LIMIT. */
async function smallPng(page: Page): Promise<Buffer> {
  const png = await page.screenshot({ type: 'png' });
  if (png.length <= SIZE_LIMIT) return png;
  for (const levels of [32, 24, 16, 12, 8]) {
    const data = await page.evaluate(async ([src, n]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${src}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const step = 255 / ((n as number) - 1);
      for (let i = 0; i < pixels.data.length; i += 4) {
        for (let c = 0; c < 3; c++) pixels.data[i + c] = Math.round(Math.round(pixels.data[i + c]! / step) * step);
      }
      ctx.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1]!;
    }, [png.toString('base64'), levels] as const);
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length <= SIZE_LIMIT) return bytes;
  }
  throw new Error(`a screenshot stays over ${SIZE_LIMIT} bytes even with 8 levels a colour`);
}

/** Takes every README screenshot of the app served at `url` into `<repo>/docs/screenshots/`. */
export async function takeReadmeScreenshots(browser: Browser, url: string, repo: string): Promise<void> {
  const dir = join(repo, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const shot of SHOTS) {
    // A fresh context each: the demo shop as a first visitor sees it, in that language.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: shot.locale });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: /^(Catalog|商品)$/ }).waitFor();
    await shot.arrive(page, url);
    await settle(page);
    const bytes = await smallPng(page);
    writeFileSync(join(dir, shot.file), bytes);
    console.log(`wrote docs/screenshots/${shot.file}: 360x740, ${bytes.length} bytes`);
    await context.close();
  }
}
