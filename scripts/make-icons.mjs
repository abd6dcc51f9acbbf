#!/usr/bin/env node
// Draws the toolbar icons into icons/: a white pennant on a pole on a rounded blue
// square ("icon-<size>.png"), and the same with an orange-red dot for "flags found"
// ("flagged-<size>.png"). Shapes are point-in-shape tests in a unit square, averaged
// over 8×8 samples per pixel for anti-aliasing; the PNG encoder is written out here
// (signature, IHDR, IDAT via zlib, IEND) so the icons need no image library.
// Run: node scripts/make-icons.mjs — the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const SIZES = [16, 32, 48, 128];
const SAMPLES = 8;

const BLUE = [29, 78, 216, 255];
const WHITE = [255, 255, 255, 255];
const ALERT = [234, 88, 12, 255];

// --- shapes in unit coordinates (0..1, y down) ---
const roundedSquare = (r) => (x, y) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const side = (px, py, qx, qy) => (qx - px) * (y - py) - (qy - py) * (x - px);
  const s1 = side(ax, ay, bx, by);
  const s2 = side(bx, by, cx, cy);
  const s3 = side(cx, cy, ax, ay);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};

/** Layers painted bottom to top; the first layer containing a sample from the top decides its colour. */
const BASE = [
  [roundedSquare(0.2), BLUE],
  [rect(0.27, 0.18, 0.34, 0.84), WHITE],
  [triangle(0.34, 0.18, 0.8, 0.36, 0.34, 0.56), WHITE],
];
const FLAGGED = [
  ...BASE,
  [circle(0.76, 0.76, 0.24), WHITE],
  [circle(0.76, 0.76, 0.18), ALERT],
];

function render(size, layers) {
  const px = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (pxi + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const hit = layers.findLast(([inside]) => inside(x, y));
          if (!hit) continue;
          const [r, g, b, a] = hit[1];
          // Premultiplied accumulation so edge pixels don't darken.
          acc[0] += (r * a) / 255;
          acc[1] += (g * a) / 255;
          acc[2] += (b * a) / 255;
          acc[3] += a;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = acc[3] / n;
      const i = (py * size + pxi) * 4;
      px[i + 3] = Math.round(alpha);
      for (let c = 0; c < 3; c++) px[i + c] = alpha ? Math.round(((acc[c] / n) * 255) / alpha) : 0;
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels → PNG bytes (8-bit, colour type 6, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(OUT, `icon-${size}.png`), encodePng(size, render(size, BASE)));
  writeFileSync(join(OUT, `flagged-${size}.png`), encodePng(size, render(size, FLAGGED)));
}
console.log(`icons: wrote ${SIZES.length * 2} PNGs to ${OUT}`);
