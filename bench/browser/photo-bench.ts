/**
 * Runs in Chromium (served by Vite from bench/browser/photo-bench.html, driven by
 * photo.bench.ts): the app's own photo compression (src/app/photos/compress-photo.ts) on a
 * 12-megapixel camera-like photo.
 *
 * `window.runPhotoBench(runs)` draws a 4000 × 3000 picture (sky and ground gradients, a sun,
 * a few thousand seeded shapes for texture, then per-pixel and blotchy noise, so that it does
 * not compress trivially), encodes it as JPEG at quality 0.92 as a phone camera would, then
 * times `compressPhoto(file)` once to warm up and `runs` times, with a decode-only time
 * (`createImageBitmap`) for comparison. Times are `performance.now()` in the page.
 */
import { compressPhoto } from '../../src/app/device/compress-photo.ts';

export interface PhotoRun {
  ms: number;
  bytes: number;
  width: number;
  height: number;
  type: string;
  quality: number;
  tries: number;
}

export interface PhotoBenchResult {
  source: { width: number; height: number; bytes: number; type: string };
  /** Drawing and JPEG-encoding the source (not timed as the bench). */
  makeMs: number;
  /** `createImageBitmap(file)` alone: the decode, which compression must pay too. */
  decodeMs: number;
  runs: PhotoRun[];
}

declare global {
  interface Window {
    runPhotoBench(runs: number): Promise<PhotoBenchResult>;
  }
}

/** mulberry32: the same picture on every run and machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function makePhoto(width = 4000, height = 3000): Promise<Blob> {
  const rnd = random(12);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const sky = ctx.createLinearGradient(0, 0, 0, height * 0.6);
  sky.addColorStop(0, '#3b6fb6');
  sky.addColorStop(1, '#f3c7a1');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  const ground = ctx.createLinearGradient(0, height * 0.55, width, height);
  ground.addColorStop(0, '#5b7a2e');
  ground.addColorStop(1, '#2f3f17');
  ctx.fillStyle = ground;
  ctx.fillRect(0, height * 0.55, width, height * 0.45);
  const sun = ctx.createRadialGradient(width * 0.7, height * 0.3, 10, width * 0.7, height * 0.3, height * 0.25);
  sun.addColorStop(0, 'rgba(255, 250, 220, 1)');
  sun.addColorStop(1, 'rgba(255, 250, 220, 0)');
  ctx.fillStyle = sun;
  ctx.fillRect(0, 0, width, height);
  // Texture: leaves, stones, clouds.
  for (let i = 0; i < 6000; i++) {
    const x = rnd() * width;
    const y = height * 0.2 + rnd() * height * 0.8;
    const r = 4 + rnd() ** 3 * 120;
    ctx.fillStyle = `hsla(${Math.round(40 + rnd() * 100)}, ${Math.round(30 + rnd() * 50)}%, ${Math.round(20 + rnd() * 50)}%, ${0.2 + rnd() * 0.6})`;
    ctx.beginPath();
    ctx.ellipse(x, y, r, r * (0.3 + rnd()), rnd() * Math.PI, 0, Math.PI * 2);
    ctx.fill();
  }
  // Noise: a camera sensor's grain, and blotches a few pixels wide.
  const image = ctx.getImageData(0, 0, width, height);
  const d = image.data;
  const blotch = new Float32Array(Math.ceil(width / 6) * Math.ceil(height / 6)).map(() => (rnd() - 0.5) * 24);
  const across = Math.ceil(width / 6);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const n = (rnd() - 0.5) * 28 + blotch[Math.floor(y / 6) * across + Math.floor(x / 6)]!;
      d[o] = d[o]! + n;
      d[o + 1] = d[o + 1]! + n * 0.9;
      d[o + 2] = d[o + 2]! + n * 1.1;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

window.runPhotoBench = async (runs) => {
  const t0 = performance.now();
  const file = await makePhoto();
  const makeMs = performance.now() - t0;
  const d0 = performance.now();
  const bitmap = await createImageBitmap(file);
  const decodeMs = performance.now() - d0;
  const source = { width: bitmap.width, height: bitmap.height, bytes: file.size, type: file.type };
  bitmap.close();
  await compressPhoto(file); // warm-up
  const out: PhotoRun[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const p = await compressPhoto(file);
    out.push({ ms: performance.now() - start, bytes: p.blob.size, width: p.width, height: p.height, type: p.type, quality: p.quality, tries: p.tries });
  }
  return { source, makeMs, decodeMs, runs: out };
};
