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
