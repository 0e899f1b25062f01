/**
 * Lighthouse's mobile audit of the BUILT app (performance, accessibility, best practices), as
 * Chromium's DevTools would run it: the default mobile config (a mid-range phone's screen and
 * CPU, simulated slow 4G), Debian's Chromium started by chrome-launcher (--headless
 * --no-sandbox --disable-background-networking), the app served by `vite preview` on loopback.
 * Each run is a first visit (Lighthouse clears the origin's storage): the demo shop is seeded
 * then. Median of RUNS per category; the note names what kept a category under 100.
 */
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { preview } from 'vite';
import { buildApp } from './build-app.ts';
import { median, type Row } from './table.ts';
import { REPO } from './browser/chromium.ts';

const PORT = 4183;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const GOAL = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits under a full score, by category, with their scores (0–100). */
  misses: Record<string, Map<string, number>>;
  metrics: string;
  ms: number;
}

async function audit(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-background-networking'],
  });
  try {
    const start = performance.now();
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const ms = performance.now() - start;
    if (!result) throw new Error('Lighthouse gave no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Run['scores'];
    const misses: Run['misses'] = {};
    for (const c of CATEGORIES) {
      const audits = (lhr.categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]!);
      misses[c] = new Map(audits.filter((a) => a.score !== null && a.score < 1).map((a) => [a.id, Math.round((a.score ?? 0) * 100)]));
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    const metrics = `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`;
    return { scores, misses, metrics, ms };
  } finally {
    chrome.kill();
  }
}

export async function lighthouseBench(): Promise<Row[]> {
  const { outDir } = await buildApp();
  const server = await preview({
    root: REPO,
    configFile: join(REPO, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('vite preview has no local address');
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`  lighthouse: run ${i + 1} of ${RUNS}…\n`);
      runs.push(await audit(url));
    }
    return CATEGORIES.map((c): Row => {
      const scores = runs.map((r) => r.scores[c]);
      const score = median(scores);
      // Each audit under 100 in some run, at its lowest.
      const lowest = new Map<string, number>();
      for (const r of runs) for (const [id, s] of r.misses[c] ?? []) lowest.set(id, Math.min(s, lowest.get(id) ?? 100));
      const misses = [...lowest].map(([id, s]) => `${id} ${s}`);
      return {
        name: `lighthouse (mobile): ${c}`,
        size: 'the catalog, first visit',
        ms: median(runs.map((r) => r.ms)),
        throughput: `score ${score}`,
        note: `median of ${RUNS} (${scores.join(', ')}); goal ≥ ${GOAL}: ${score >= GOAL ? 'met' : 'NOT met'}`
          + (c === 'performance' ? `; ${runs.map((r) => r.metrics).join(' | ')}` : '')
          + (misses.length > 0 ? `; under 100: ${misses.join(', ')}` : ''),
      };
    });
  } finally {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
