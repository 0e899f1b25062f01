// Draws the app's icons and writes them to public/icons/: a white shopping bag wearing a shop's
// scalloped awning, on the header's orange. Only Node built-ins, so it runs anywhere `npm ci`
// does; the output is deterministic, and the PNGs are committed: run `npm run icons` only to
// change them. The set is what browsers ask for:
// - "any": 48 (favicon), 192 and 512 (Chromium's install and splash), 180 (iOS home screen,
//   opaque, as iOS fills transparency with black), on a rounded square;
// - "maskable": 192 and 512, full bleed, the bag inside the safe zone (a circle of 80% of the
//   width; its farthest corner is 0.41 of the width from the centre, so scale 0.88 keeps it at
//   0.36) so a launcher may crop it to any shape;
// - "monochrome": 512, the bag alone as transparency (the system tints it: badges, themed icons).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BRAND = [0xc2, 0x41, 0x0c]; // the header's orange: keep in step with THEME in vite.config.ts
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 5; // 5×5 samples per pixel: smooth edges without a graphics library

const dist = (u, v, x, y) => Math.hypot(u - x, v - y);

/** Inside a rounded rectangle [left, right] × [top, bottom] with corner radius r? */
function inRoundRect(u, v, left, top, right, bottom, r) {
  if (u < left || u > right || v < top || v > bottom) return false;
  const cx = Math.min(Math.max(u, left + r), right - r);
  const cy = Math.min(Math.max(v, top + r), bottom - r);
  return dist(u, v, cx, cy) <= r;
}

/** The awning on the bag's front: a band with three scallops hanging from it. */
function inAwning(u, v) {
  const [left, right, top, edge] = [0.3, 0.7, 0.44, 0.53];
  if (u < left || u > right || v < top) return false;
  if (v <= edge) return true;
  const w = (right - left) / 3;
  for (let i = 0; i < 3; i++) if (dist(u, v, left + w * (i + 0.5), edge) <= w / 2) return true;
  return false;
}

/** A bag's body: a rounded trapezoid, wider at the bottom. */
function inBody(u, v) {
  const [top, bottom, r] = [0.37, 0.8, 0.05];
  if (v < top || v > bottom) return false;
  const t = (v - top) / (bottom - top);
  const half = 0.225 + 0.05 * t;
  const [left, right] = [0.5 - half, 0.5 + half];
  if (u < left || u > right) return false;
  // Round the corners: near one, inside the circle of radius r tucked into it.
  const cy = v < top + r ? top + r : v > bottom - r ? bottom - r : v;
  if (cy === v) return true;
  const edge = 0.225 + 0.05 * ((cy - top) / (bottom - top));
  const cx = Math.min(Math.max(u, 0.5 - edge + r), 0.5 + edge - r);
  return dist(u, v, cx, cy) <= r;
}

/** The bag (white), with the awning cut out of it. */
function inBag(u, v) {
  if (inAwning(u, v)) return false;
  if (inBody(u, v)) return true;
  // The handle: a thin strap, the upper half of a ring standing on the bag.
  const d = dist(u, v, 0.5, 0.37);
  return v < 0.37 && d >= 0.118 && d <= 0.152;
}

/**
 * One icon as RGBA. `scale` shrinks the bag about the centre (maskable: inside the safe zone);
 * `tile` is the background: 'square' (full bleed), 'rounded' (a rounded square, transparent
 * corners) or 'none' (monochrome: the bag is the only thing drawn, in white).
 */
function draw(size, scale, tile) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bag = 0;
      let ground = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = (x + (sx + 0.5) / SAMPLES) / size;
          const py = (y + (sy + 0.5) / SAMPLES) / size;
          const inTile = tile === 'square' || (tile === 'rounded' && inRoundRect(px, py, 0, 0, 1, 1, 0.2));
          const isBag = inBag(0.5 + (px - 0.5) / scale, 0.5 + (py - 0.5) / scale);
          if (isBag && (inTile || tile === 'none')) bag++;
          else if (inTile) ground++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = (bag + ground) / n;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const mixed = alpha === 0 ? 0 : (WHITE[c] * bag + BRAND[c] * ground) / (bag + ground);
        rgba[i + c] = Math.round(mixed);
      }
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A minimal PNG: 8-bit RGBA (or RGB when opaque), every scanline with filter 0 (none). */
function encodePng(size, rgba, opaque) {
  const channels = opaque ? 3 : 4;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = opaque ? 2 : 6; // colour type: RGB or RGBA
  const stride = size * channels + 1;
  const raw = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) raw[y * stride + 1 + x * channels + c] = rgba[(y * size + x) * 4 + c];
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** [file, size, scale, tile] — keep in step with the manifest's icons in vite.config.ts. */
export const ICONS = [
  ['icon-48.png', 48, 1, 'rounded'],
  ['icon-192.png', 192, 1, 'rounded'],
  ['icon-512.png', 512, 1, 'rounded'],
  ['apple-touch-icon-180.png', 180, 0.9, 'square'],
  ['icon-maskable-192.png', 192, 0.88, 'square'],
  ['icon-maskable-512.png', 512, 0.88, 'square'],
  ['icon-monochrome-512.png', 512, 1, 'none'],
];

mkdirSync(OUT, { recursive: true });
for (const [name, size, scale, tile] of ICONS) {
  writeFileSync(join(OUT, name), encodePng(size, draw(size, scale, tile), tile === 'square'));
  console.log(`wrote public/icons/${name}`);
}
