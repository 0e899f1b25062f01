// Draws the app's icons (a white shopping bag on the theme colour) and writes them to
// public/icons/. Only Node built-ins, so it runs anywhere `npm ci` does; the output is
// deterministic, and the PNGs are committed: run `npm run icons` only to change them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BACKGROUND = [0xe8, 0x5d, 0x04]; // keep in step with theme_color in vite.config.ts
const BAG = [0xff, 0xff, 0xff];
const SAMPLES = 4; // 4×4 samples per pixel: smooth edges without a graphics library

// Is the point (u, v) of the unit square, bag centred, part of the bag?
function inBag(u, v) {
  const dist = (x, y) => Math.hypot(u - x, v - y);
  // Two punched holes where the handle meets the body.
  if (dist(0.4, 0.45) < 0.028 || dist(0.6, 0.45) < 0.028) return false;
  // Body: a rounded rectangle.
  const [left, right, top, bottom, r] = [0.22, 0.78, 0.36, 0.82, 0.05];
  if (u >= left && u <= right && v >= top && v <= bottom) {
    const cx = Math.min(Math.max(u, left + r), right - r);
    const cy = Math.min(Math.max(v, top + r), bottom - r);
    return dist(cx, cy) <= r;
  }
  // Handle: the upper half of a ring above the body.
  const d = dist(0.5, 0.4);
  return v < 0.4 && d >= 0.1 && d <= 0.15;
}

// scale < 1 shrinks the bag so it stays inside a maskable icon's safe zone (a circle of
// 80% of the width): the launcher may crop everything outside it.
function draw(size, scale) {
  const rgb = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = 0.5 + ((x + (sx + 0.5) / SAMPLES) / size - 0.5) / scale;
          const v = 0.5 + ((y + (sy + 0.5) / SAMPLES) / size - 0.5) / scale;
          if (inBag(u, v)) hits++;
        }
      }
      const a = hits / (SAMPLES * SAMPLES);
      for (let c = 0; c < 3; c++) {
        rgb[(y * size + x) * 3 + c] = Math.round(BACKGROUND[c] * (1 - a) + BAG[c] * a);
      }
    }
  }
  return rgb;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

// A minimal PNG: 8-bit truecolour, no alpha, every scanline with filter 0 (none).
function encodePng(size, rgb) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    rgb.copy(raw, y * (size * 3 + 1) + 1, y * size * 3, (y + 1) * size * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, scale] of [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['icon-maskable-512.png', 512, 0.72],
]) {
  writeFileSync(join(OUT, name), encodePng(size, draw(size, scale)));
  console.log(`wrote public/icons/${name}`);
}
