/**
 * A product page with 20 combinations in the BUILT app, in Chromium (issue 13): the demo shop
 * opens, the seller's Data tab imports a shirt in 4 colours × 5 sizes (a team buy on half of them,
 * so the page says what the offer asks of those: domain offerSpan), then, measured in the page
 * (performance.now, a `longtask` observer), 5 runs each:
 *   - open: from setting the address (from the catalog) until the shirt's chips and price range
 *     are in the document;
 *   - choose: a tap on a size chip, with a colour chosen, until the page says the combination;
 * beside the demo's oolong (5 combinations) opened the same way. At 360 px, vite preview on loopback.
 */
import { median, type Row } from '../table.ts';
import { withBuiltApp } from './built-app.ts';

const PORT = Number(process.env.BENCH_PRODUCT_PAGE_PORT ?? 4197);
const RUNS = 5;
const COLOURS = ['Red', 'Blue', 'Black', 'White'];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];

interface Timed { ms: number; long: number; longest: number }

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
    __timed?(hash: string | null, selector: string, text: string | null, click: string | null): Promise<Timed>;
  }
}

/** Installed in every page, as plain text (tsx would wrap named functions in a helper the page lacks). */
const IN_PAGE = `
window.__longTasks = [];
new PerformanceObserver(function (list) {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
window.__timed = async function (hash, selector, text, click) {
  const start = performance.now();
  if (hash !== null) location.hash = hash;
  if (click) document.querySelector(click).click();
  await new Promise(function (resolve, reject) {
    const give = setTimeout(function () { reject(new Error(selector + ' did not appear')); }, 30000);
    (function tick() {
      const el = document.querySelector(selector);
      if (el && (text === null || el.textContent.indexOf(text) >= 0)) { clearTimeout(give); resolve(); } else requestAnimationFrame(tick);
    })();
  });
  const ms = performance.now() - start;
  await new Promise(function (r) { setTimeout(r, 100); }); // a long task still running is reported once it ends
  const long = window.__longTasks.filter(function (t) { return t.start + t.duration >= start && t.start <= start + ms; });
  return { ms: ms, long: long.length, longest: Math.max(0, ...long.map(function (t) { return t.duration; })) };
};`;

/** The shirt as the catalog CSV has it: one row per combination, the team buy on the first two colours. */
function shirtCsv(): string {
  const header = 'id,name,category,price,stock,photos,team_price,team_size,team_window_hours,option1,option2,sku,team_cover';
  const rows = COLOURS.flatMap((c, ci) => SIZES.map((s, si) =>
    `bench-shirt,Bench shirt,Clothing,${(99 + si * 10).toFixed(2)},${5 + ci},photos/t-shirt.svg,79.00,3,24,Colour: ${c},Size: ${s},${c.toLowerCase()}-${s.toLowerCase()},${ci < 2}`));
  return [header, ...rows].join('\n');
}

export async function productPageRows(): Promise<Row[]> {
  return withBuiltApp(PORT, async (url, browser) => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
    await context.addInitScript(IN_PAGE);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    await page.evaluate(() => { location.hash = '#/seller/data'; });
    await page.getByLabel('CSV file of products').setInputFiles({ name: 'shirt.csv', mimeType: 'text/csv', buffer: Buffer.from(shirtCsv()) });
    await page.getByRole('button', { name: 'Import 1 products' }).click();
    await page.getByRole('dialog', { name: 'Import 1 products?' }).getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1 products.').waitFor();

    const timed = (hash: string | null, selector: string, text: string | null, click?: string) =>
      page.evaluate(([h, sel, tx, button]) => window.__timed!(h, sel, tx, button), [hash, selector, text, click ?? null] as const);
    const open = async (id: string, range: string): Promise<Timed[]> => {
      const out: Timed[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.evaluate(() => { location.hash = '#/'; });
        await page.getByRole('heading', { name: 'Catalog' }).waitFor();
        await page.waitForTimeout(200);
        out.push(await timed(`#/product/${id}`, '.product-price', range));
        await page.locator('.option-chip').first().waitFor();
      }
      return out;
    };
    const shirt = await open('bench-shirt', '¥99.00 – ¥139.00');
    // A colour chosen; each run taps a size and waits for the page to name the combination.
    await page.locator('.option-group').nth(0).getByRole('button', { name: 'Blue', exact: true }).click();
    const choose: Timed[] = [];
    for (let i = 0; i < RUNS; i++) {
      const size = SIZES[i % SIZES.length]!;
      const at = `.option-group:nth-of-type(2) .option-chip:nth-child(${(i % SIZES.length) + 1})`;
      choose.push(await timed(null, '.option-status', `Chosen: Blue, ${size}`, at));
      await page.locator(at).click(); // let go again, for the next run
    }
    const shown = await page.locator('.option-chip').count();
    const team = (await page.locator('.price-team').textContent())?.trim() ?? '';
    const oolong = await open('oolong', '¥38.00 – ¥168.00');
    const lt = (xs: Timed[]) => `${xs.reduce((a, x) => a + x.long, 0)} long tasks (longest ${Math.round(Math.max(0, ...xs.map((x) => x.longest)))} ms)`;
    const runs = (xs: Timed[]) => xs.map((x) => Math.round(x.ms)).join(', ');
    return [
      {
        name: 'options: product page render, 20 combinations (built app)',
        size: `${shown} chips`,
        ms: median(shirt.map((x) => x.ms)),
        throughput: `${RUNS} runs`,
        note: `address set from the catalog → chips and the price range in the document, at 360 px; runs ${runs(shirt)} ms; ${lt(shirt)}; `
          + `the team buy on 10 of them says "${team}"; Chromium, vite preview on loopback`,
      },
      {
        name: 'options: product page, a choice of 20',
        size: '1 tap',
        ms: median(choose.map((x) => x.ms)),
        throughput: `${RUNS} taps`,
        note: `a size chip tapped (Blue chosen) → "Chosen: Blue, …"; runs ${runs(choose)} ms; ${lt(choose)}`,
      },
      {
        name: 'options: product page render, 5 combinations (demo oolong)',
        size: '5 combinations',
        ms: median(oolong.map((x) => x.ms)),
        throughput: `${RUNS} runs`,
        note: `the same, for comparison; runs ${runs(oolong)} ms; ${lt(oolong)}`,
      },
    ];
  });
}
