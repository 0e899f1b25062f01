/**
 * A 10,000-message conversation in the BUILT app, in Chromium (issue 14: "first screen of
 * messages ≤ 100 ms, scrolling without long tasks"). The demo shop opens, and the conversation is
 * put on the device as a person would: a backup downloaded, 10,000 messages between ann and the
 * shop added to it, restored. Then, measured in the page (performance.now, a `longtask` observer):
 *   - open: from setting the address to the seller's conversation until its newest message is
 *     in the document (5 runs, the seller's home in between);
 *   - earlier: "Show earlier messages" until the page's oldest is there (200 more, 3 times);
 *   - scroll: the list scrolled from the bottom to the top, 300 px a frame.
 * Long tasks (over 50 ms of main thread) are counted in each window.
 */
import { readFileSync } from 'node:fs';
import { median, type Row } from '../table.ts';
import { withBuiltApp } from './built-app.ts';

const PORT = Number(process.env.BENCH_CONVERSATION_UI_PORT ?? 4196);
const SIZE = Number(process.env.BENCH_CONVERSATION ?? 10_000);
const RUNS = 5;
const OPEN_GOAL_MS = 100;
const pad = (i: number) => String(i).padStart(6, '0');

interface Timed { ms: number; long: number; longest: number }

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
    __timed?(hash: string | null, selector: string, click: string | null): Promise<Timed>;
    __scrollToTop?(): Promise<Timed & { frames: number }>;
  }
}

/** Installed in every page: the long-task observer, and the two measurements. */
const IN_PAGE = `
window.__longTasks = [];
new PerformanceObserver(function (list) {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
function longIn(start, ms) {
  const long = window.__longTasks.filter(function (t) { return t.start + t.duration >= start && t.start <= start + ms; });
  return { long: long.length, longest: Math.max(0, ...long.map(function (t) { return t.duration; })) };
}
function settle() { return new Promise(function (r) { setTimeout(r, 100); }); }
window.__timed = async function (hash, selector, click) {
  const start = performance.now();
  if (hash !== null) location.hash = hash;
  if (click) document.querySelector(click).click();
  await new Promise(function (resolve, reject) {
    const give = setTimeout(function () { reject(new Error(selector + ' did not appear')); }, 30000);
    (function tick() { if (document.querySelector(selector)) { clearTimeout(give); resolve(); } else requestAnimationFrame(tick); })();
  });
  const ms = performance.now() - start;
  await settle(); // a long task still running is reported once it ends
  return Object.assign({ ms: ms }, longIn(start, ms));
};
window.__scrollToTop = async function () {
  const list = document.querySelector('.msg-list');
  const scroller = list.scrollHeight > list.clientHeight ? list : document.scrollingElement;
  scroller.scrollTop = scroller.scrollHeight;
  await new Promise(function (r) { requestAnimationFrame(r); });
  const start = performance.now();
  let frames = 0;
  while (scroller.scrollTop > 0) {
    scroller.scrollTop -= 300;
    frames += 1;
    await new Promise(function (r) { requestAnimationFrame(r); });
  }
  const ms = performance.now() - start;
  await settle();
  return Object.assign({ ms: ms, frames: frames }, longIn(start, ms));
};`;

export async function conversationUiBench(): Promise<Row[]> {
  return withBuiltApp(PORT, async (url, browser) => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 }, acceptDownloads: true });
    // In-page helpers as plain text: tsx would wrap named functions in a helper the page lacks.
    await context.addInitScript(IN_PAGE);
    const page = await context.newPage();
    await page.goto(`${url}#/settings`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { tables: Record<string, unknown[]> };
    const t0 = Date.now() - SIZE * 60_000;
    const messages = Array.from({ length: SIZE }, (_, i) => ({
      id: `m-${pad(i)}`, v: 1, at: t0 + i * 60_000, type: 'message', kind: 'message.send', from: i % 3 === 0 ? 'seller' : 'buyer',
      buyer: 'ann', sentAt: t0 + i * 60_000, text: `message ${i}: ${'text '.repeat(8)}`,
    }));
    const last = messages.at(-1)!;
    backup.tables.messages = [...(backup.tables.messages ?? []), ...messages];
    backup.tables.conversations = [{ buyer: 'ann', lastAt: last.at, lastId: last.id, lastFrom: last.from, lastText: last.text.slice(0, 140) }];
    await page.getByLabel('Restore from a backup').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await Promise.all([
      page.waitForEvent('load', { timeout: 120_000 }),
      page.getByRole('dialog', { name: 'Replace everything on this device?' }).getByRole('button', { name: 'Replace with the backup' }).click(),
    ]);

    const timed = (hash: string | null, selector: string, click?: string) =>
      page.evaluate(([h, sel, button]) => window.__timed!(h, sel, button), [hash, selector, click ?? null] as const);

    const opens: Timed[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => { location.hash = '#/seller'; });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(200);
      opens.push(await timed('#/seller/messages/ann', `#msg-m-${pad(SIZE - 1)}`));
    }
    const earlier: Timed[] = [];
    for (let p = 1; p <= 3; p++) earlier.push(await timed(null, `#msg-m-${pad(SIZE - 200 * (p + 1))}`, '.msg-older button'));
    const scroll = await page.evaluate(() => window.__scrollToTop!());
    const shown = await page.locator('.msg-bubble').count();
    const lt = (xs: { long: number; longest: number }[]) => `${xs.reduce((a, x) => a + x.long, 0)} long tasks (longest ${Math.round(Math.max(0, ...xs.map((x) => x.longest)))} ms)`;
    const open = median(opens.map((o) => o.ms));
    return [
      {
        name: 'conversation screen: open (built app)',
        size: `${SIZE.toLocaleString('en-US')} messages`,
        ms: open,
        throughput: `${RUNS} runs`,
        note: `address set → the newest message in the document, the seller's side at 360 px; runs ${opens.map((o) => Math.round(o.ms)).join(', ')} ms; `
          + `${lt(opens)}; goal ≤ ${OPEN_GOAL_MS} ms: ${open <= OPEN_GOAL_MS ? 'met' : 'NOT met'}; Chromium, vite preview on loopback`,
      },
      {
        name: 'conversation screen: 200 earlier',
        size: `${shown} shown`,
        ms: median(earlier.map((e) => e.ms)),
        throughput: '3 taps',
        note: `"Show earlier messages" → the page's oldest in the document; taps ${earlier.map((e) => Math.round(e.ms)).join(', ')} ms; ${lt(earlier)}`,
      },
      {
        name: 'conversation screen: scroll to the top',
        size: `${shown} shown`,
        ms: scroll.ms,
        throughput: `${scroll.frames} frames`,
        note: `300 px a frame from the newest to the oldest shown; ${scroll.long} long tasks (longest ${Math.round(scroll.longest)} ms); the goal is none`,
      },
    ];
  });
}
