/**
 * Timing and printing for the benchmarks. A bench file exports an async function that returns
 * rows; bench/run.ts runs them all and prints one table. A row may carry `failed`: a broken
 * promise (say, a flash sale oversold) that makes `npm run bench` exit non-zero.
 */
import { performance } from 'node:perf_hooks';

export interface Row {
  name: string;
  /** What was measured, in words: "100,000 intents". */
  size: string;
  /** Milliseconds (the median of the timed runs). */
  ms: number;
  /** Things per second, with the unit: "38,000 intents/s". */
  throughput: string;
  note: string;
  /** Set when a correctness check made during the bench failed. */
  failed?: string;
}

export type Bench = () => Promise<Row[]>;

export interface Timed<T> {
  /** Median of the timed runs. */
  ms: number;
  runs: number[];
  /** What the last run returned, for checks. */
  result: T;
}

/** Runs `fn` once to warm up (unless told not to), then `runs` times, and takes the median. */
export async function measure<T>(fn: () => T | Promise<T>, { runs = 3, warmup = true } = {}): Promise<Timed<T>> {
  if (warmup) await fn();
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), runs: times, result };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const count = (n: number) => int.format(n);

/** "38,000 intents/s" from a count and milliseconds. */
export function perSecond(n: number, ms: number, unit: string): string {
  return `${count((n * 1000) / ms)} ${unit}/s`;
}

/** Milliseconds with one decimal below 100, whole above. */
export function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return '—'; // not run (the note says why)
  return ms < 100 ? ms.toFixed(1) : count(ms);
}

/** A plain aligned table (numbers right-aligned), easy to paste into a report. */
export function formatTable(rows: readonly Row[]): string {
  const head = ['name', 'size', 'time (ms)', 'throughput', 'note'];
  const body = rows.map((r) => [r.name, r.size, formatMs(r.ms), r.throughput, r.failed ? `FAILED: ${r.failed}; ${r.note}` : r.note]);
  const right = [false, true, true, true, false];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const cell = (s: string, i: number) => (right[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

/** A small seeded random source (mulberry32): the same workload on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
