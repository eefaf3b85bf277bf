/**
 * The in-order hand-on of results that come back from the threads out of order (`InOrder`,
 * node/workers.ts), used by `--jobs`, `analyze --jsonl --jobs` and the server's indexing pool:
 * every result is handed on once, in position order, as soon as it and all before it are in.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InOrder } from '../../server/src/node/workers';

/** Every result `drain` hands on, as [position, result]. */
function drained<T>(buf: InOrder<T>): [number, T][] {
  const out: [number, T][] = [];
  buf.drain((r, i) => out.push([i, r]));
  return out;
}

test('a result is held until all before it are in, then handed on in order', () => {
  const buf = new InOrder<string>();
  buf.put(2, 'c');
  buf.put(1, 'b');
  assert.deepEqual(drained(buf), []);
  assert.equal(buf.next, 0);
  buf.put(0, 'a');
  assert.deepEqual(drained(buf), [[0, 'a'], [1, 'b'], [2, 'c']]);
  assert.equal(buf.next, 3);
  assert.deepEqual(drained(buf), [], 'a result handed on is not handed on again');
  buf.put(4, 'e');
  buf.put(3, 'd');
  assert.deepEqual(drained(buf), [[3, 'd'], [4, 'e']]);
});

test('batches answered in any order hand on every result once, in position order', () => {
  // Ten batches of three, answered in a fixed shuffled order; results drained after each.
  const order = [3, 0, 9, 1, 2, 8, 5, 4, 7, 6];
  const buf = new InOrder<number>();
  const out: [number, number][] = [];
  const after: number[] = [];
  for (const b of order) {
    for (let k = 0; k < 3; k++) buf.put(3 * b + k, 100 + 3 * b + k);
    out.push(...drained(buf));
    after.push(buf.next);
  }
  assert.deepEqual(out, Array.from({ length: 30 }, (_, i) => [i, 100 + i]));
  // Batch 3 first frees nothing, batch 0 then frees 0-2 (not 9-11: 3-8 are missing), batch 2 frees
  // 6-11, batch 4 frees 12-17, and batch 6 last frees 18-29.
  assert.deepEqual(after, [0, 3, 3, 6, 12, 12, 12, 18, 18, 30]);
});

test('null and falsy results are results: they are handed on, not taken for missing', () => {
  const buf = new InOrder<string | null | number>();
  buf.put(1, '');
  buf.put(2, 0);
  buf.put(0, null);
  assert.deepEqual(drained(buf), [[0, null], [1, ''], [2, 0]]);
});

test('shift hands on one result at a time, for a caller that waits between results', () => {
  const buf = new InOrder<string>();
  buf.put(1, 'b');
  assert.equal(buf.shift(), undefined);
  buf.put(0, 'a');
  assert.equal(buf.shift(), 'a');
  buf.put(2, 'c');
  assert.equal(buf.shift(), 'b');
  assert.equal(buf.shift(), 'c');
  assert.equal(buf.shift(), undefined);
  assert.equal(buf.next, 3);
});

test('a result whose handler throws counts as handed on: the next drain goes on after it', () => {
  const buf = new InOrder<string>();
  buf.put(0, 'a');
  buf.put(1, 'b');
  const seen: string[] = [];
  assert.throws(() => buf.drain((r) => {
    seen.push(r);
    throw new Error('consumer failed');
  }), /consumer failed/);
  assert.deepEqual(seen, ['a']);
  assert.equal(buf.next, 1);
  assert.deepEqual(drained(buf), [[1, 'b']]);
});
