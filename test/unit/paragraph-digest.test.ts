/**
 * `paragraphDigest`: the key a check or analyze run keeps of each paragraph fingerprint for its
 * cross-article checks, in place of the claims' SHA-256. Equal fingerprints must give equal keys,
 * different ones different keys, and the keys must stay in the claims' alphabet (the on-disk pass
 * writes them as tab-separated lines).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintHash, paragraphDigest } from '../../server/src/cli/claims';
import { FingerprintCount } from '../../server/src/cli/fingerprintCount';

test('paragraphDigest: 16 base64url characters, the same for the same text', () => {
  for (const key of ['', 'a', 'the talks resumed in doha on monday', 'σοφια met the minister', 'x'.repeat(10_001)]) {
    const d = paragraphDigest(key);
    assert.match(d, /^[A-Za-z0-9_-]{16}$/, JSON.stringify(key.slice(0, 20)));
    assert.equal(paragraphDigest(key.split('').join('')), d);
  }
});

test('paragraphDigest: no two of many similar keys share a digest, whatever their length', () => {
  // Keys of every length from 0 to 40 code units (every tail length), each with every single
  // character changed in turn: a digest that ignored a position would collide here.
  const seen = new Map<string, string>();
  const add = (key: string): void => {
    const d = paragraphDigest(key);
    const other = seen.get(d);
    assert.ok(other === undefined || other === key, `${JSON.stringify(key)} and ${JSON.stringify(other)}`);
    seen.set(d, key);
  };
  for (let len = 0; len <= 40; len++) {
    const base = Array.from({ length: len }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    add(base);
    for (let i = 0; i < len; i++) for (const c of ['z', ' ', 'é', '\u4e00']) add(base.slice(0, i) + c + base.slice(i + 1));
  }
  for (let n = 0; n < 100_000; n++) add(`paragraph ${n} of the corpus`);
  assert.ok(seen.size > 100_000);
});

test('paragraphDigest: its keys are counted by the reduce counter as claim hashes are (60 bits of the key, no collision)', () => {
  const c = new FingerprintCount(3, 4);
  const fps = Array.from({ length: 5000 }, (_, i) => paragraphDigest(`paragraph ${i}`));
  fps.forEach((fp, i) => {
    for (let k = 0; k <= i % 3; k++) c.add(fp);
  });
  assert.equal(fps.filter((fp, i) => c.get(fp) !== (i % 3) + 1).length, 0);
  // A different function from the claims' hash: the claims' format is not touched.
  assert.notEqual(paragraphDigest('paragraph 1'), fingerprintHash('paragraph 1'));
});

/** MurmurHash3 x86_128 of `bytes` as published (blocks of 16 bytes, a tail, the finalization), its four words. */
function murmur3x86x128(bytes: Buffer, seed: number): number[] {
  const [c1, c2, c3, c4] = [0x239b961b, 0xab0e9789, 0x38b34ae5, 0xa1e38b93];
  const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
  const fmix = (h: number): number => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  let [h1, h2, h3, h4] = [seed, seed, seed, seed];
  const blocks = bytes.length >> 4;
  for (let b = 0; b < blocks; b++) {
    const [k1, k2, k3, k4] = [0, 4, 8, 12].map((o) => bytes.readInt32LE(16 * b + o));
    h1 ^= Math.imul(rotl(Math.imul(k1, c1), 15), c2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= Math.imul(rotl(Math.imul(k2, c2), 16), c3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= Math.imul(rotl(Math.imul(k3, c3), 17), c4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= Math.imul(rotl(Math.imul(k4, c4), 18), c1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  const tail = bytes.subarray(16 * blocks);
  const k = [0, 0, 0, 0];
  for (let j = 0; j < tail.length; j++) k[j >> 2] |= tail[j] << (8 * (j & 3));
  if (tail.length > 12) h4 ^= Math.imul(rotl(Math.imul(k[3], c4), 18), c1);
  if (tail.length > 8) h3 ^= Math.imul(rotl(Math.imul(k[2], c3), 17), c4);
  if (tail.length > 4) h2 ^= Math.imul(rotl(Math.imul(k[1], c2), 16), c3);
  if (tail.length > 0) h1 ^= Math.imul(rotl(Math.imul(k[0], c1), 15), c2);
  [h1, h2, h3, h4] = [h1, h2, h3, h4].map((h) => h ^ bytes.length);
  h1 = (h1 + h2 + h3 + h4) | 0;
  [h2, h3, h4] = [h2, h3, h4].map((h) => (h + h1) | 0);
  [h1, h2, h3, h4] = [h1, h2, h3, h4].map(fmix);
  h1 = (h1 + h2 + h3 + h4) | 0;
  [h2, h3, h4] = [h2, h3, h4].map((h) => (h + h1) | 0);
  return [h1, h2, h3, h4];
}

test('paragraphDigest: MurmurHash3 x86_128 of the key as UTF-16LE, its first 96 bits in base64url', () => {
  // Every tail length (0 to 7 code units past the blocks), ASCII and not.
  for (let len = 0; len <= 40; len++) {
    for (const key of [Array.from({ length: len }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join(''), 'é\u4e00σ'.repeat(len).slice(0, len)]) {
      const [h1, h2, h3] = murmur3x86x128(Buffer.from(key, 'utf16le'), 0x9747b28c);
      const bytes = Buffer.alloc(12);
      bytes.writeInt32BE(h1, 0);
      bytes.writeInt32BE(h2, 4);
      bytes.writeInt32BE(h3, 8);
      assert.equal(paragraphDigest(key), bytes.toString('base64url'), JSON.stringify(key));
    }
  }
});
