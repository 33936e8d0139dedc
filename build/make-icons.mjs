// Draws the app icon (a service-hall window: a blue tile with a white counter window and a
// red seal dot) as PNG without any dependency: raw RGBA rows, zlib, CRC-32.
// Run: node build/make-icons.mjs → build/icons/512x512.png, 256x256.png and
// renderer/public/favicon.png (committed).
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Colour of pixel (x, y) in a unit square [0,1)², with anti-aliasing done by supersampling. */
function shade(u, v) {
  const r = 0.18; // corner radius of the tile
  const inTile = (() => {
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  })();
  if (!inTile) return [0, 0, 0, 0];
  const inRect = (x0, y0, x1, y1) => u >= x0 && u < x1 && v >= y0 && v < y1;
  // Red seal dot, upper right.
  if ((u - 0.74) ** 2 + (v - 0.27) ** 2 < 0.07 ** 2) return [200, 32, 40, 255];
  // The window frame (white) with a pane (light blue), and the counter shelf.
  if (inRect(0.2, 0.36, 0.8, 0.7)) {
    if (inRect(0.25, 0.41, 0.75, 0.65)) return [214, 230, 248, 255];
    return [255, 255, 255, 255];
  }
  if (inRect(0.14, 0.74, 0.86, 0.8)) return [255, 255, 255, 255];
  return [21, 72, 150, 255]; // deep blue tile
}

function png(size) {
  const S = 4; // supersamples per axis
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          acc[3] += c[3];
        }
      }
      const a = acc[3] / (S * S);
      const o = 1 + x * 4;
      for (let i = 0; i < 3; i++) row[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      row[o + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [512, 256]) {
  const file = join(here, 'icons', `${size}x${size}.png`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png(size));
  console.log(`wrote ${file}`);
}

// The same picture as the window's favicon (renderer/public is copied as is into the build).
const favicon = join(here, '..', 'renderer', 'public', 'favicon.png');
mkdirSync(dirname(favicon), { recursive: true });
writeFileSync(favicon, png(256));
console.log(`wrote ${favicon}`);
