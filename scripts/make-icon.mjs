// Draws the extension icon (images/icon.png, 128×128): a navy seal with a gold ring and a white
// quill-like diagonal, written as a PNG with zlib so no image library is needed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128;
const px = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  px[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    const dx = x - 63.5, dy = y - 63.5, r = Math.hypot(dx, dy);
    let c = [0, 0, 0, 0];
    if (r < 62) c = [22, 43, 86, 255];
    if (r >= 52 && r < 57) c = [212, 175, 55, 255];
    const d = Math.abs((x - 30) - (97 - y)) / Math.SQRT2; // the diagonal stroke
    if (r < 50 && d < 5 && x > 34 && x < 94) c = [245, 245, 240, 255];
    if (r < 50 && Math.hypot(x - 44, y - 84) < 7) c = [212, 175, 55, 255];
    px.set(c, y * (N * 4 + 1) + 1 + x * 4);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (b) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync(new URL('../images/icon.png', import.meta.url), Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px)), chunk('IEND', Buffer.alloc(0)),
]));
