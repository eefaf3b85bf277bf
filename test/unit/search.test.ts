/**
 * The one binary search (`core/search.ts`) against linear scans on seeded random sorted lists
 * (with repeated keys, empty and one-item lists), its probe contract (`commonPrefix` builds on
 * it), and the users whose bounds conventions differed before they shared it: `commonPrefix` /
 * `commonSuffix`, `paragraphAt`, `findAt`, and the one line index (`LineIndex`, LF, CRLF and
 * lone CR) that also numbers the lines of the checks' messages and the date hover.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerBound, partitionPoint, upperBound } from '../../server/src/core/search';
import { commonPrefix, commonSuffix } from '../../server/src/core/registry/reparse';
import { paragraphAt, parseArticle } from '../../server/src/core/article';
import { LineIndex } from '../../server/src/core/lines';
import { findAt } from '../../server/src/lsp/service';
import { seededRandom } from '../../bench/generate';

function sortedList(rnd: () => number, n: number, range: number): number[] {
  return Array.from({ length: n }, () => Math.floor(rnd() * range)).sort((a, b) => a - b);
}

test('lowerBound and upperBound give the linear scan\'s answers (numbers and keyed items)', () => {
  const rnd = seededRandom(14);
  let checked = 0;
  for (let round = 0; round < 400; round++) {
    const xs = sortedList(rnd, Math.floor(rnd() * 40), 1 + Math.floor(rnd() * 30));
    const items = xs.map((start) => ({ start }));
    for (let x = -2; x <= 33; x++) {
      const lower = xs.findIndex((v) => v >= x);
      const upper = xs.findIndex((v) => v > x);
      assert.equal(lowerBound(xs, x), lower < 0 ? xs.length : lower, `lowerBound([${xs}], ${x})`);
      assert.equal(upperBound(xs, x), upper < 0 ? xs.length : upper, `upperBound([${xs}], ${x})`);
      assert.equal(lowerBound(items, x, (i) => i.start), lowerBound(xs, x));
      assert.equal(upperBound(items, x, (i) => i.start), upperBound(xs, x));
      checked++;
    }
  }
  assert.equal(checked, 400 * 36);
  assert.equal(lowerBound([], 5), 0);
  assert.equal(upperBound(new Uint32Array([1, 2, 2, 9]), 2), 3);
});

test('partitionPoint: the first index whose predicate is false, inside [lo, hi); an empty range gives lo', () => {
  for (let cut = 3; cut <= 17; cut++) assert.equal(partitionPoint(3, 17, (i) => i < cut), cut);
  assert.equal(partitionPoint(5, 5, () => true), 5);
  assert.equal(partitionPoint(0, -1, () => true), 0);
});

test('partitionPoint probes only the undecided bracket: every index below a probe, from lo on, answered true', () => {
  const rnd = seededRandom(7);
  for (let round = 0; round < 300; round++) {
    const lo = Math.floor(rnd() * 10);
    const hi = lo + Math.floor(rnd() * 60);
    const cut = lo + Math.floor(rnd() * (hi - lo + 1));
    let lastTrue = lo - 1;
    let firstFalse = hi;
    const got = partitionPoint(lo, hi, (i) => {
      assert.ok(i > lastTrue && i < firstFalse, `probe ${i} outside (${lastTrue}, ${firstFalse})`);
      if (i < cut) lastTrue = i;
      else firstFalse = i;
      return i < cut;
    });
    assert.equal(got, cut);
  }
});

test('commonPrefix and commonSuffix equal a character-by-character comparison', () => {
  const rnd = seededRandom(99);
  const word = (n: number): string => Array.from({ length: n }, () => 'ab\r\n'[Math.floor(rnd() * 4)]).join('');
  for (let round = 0; round < 2000; round++) {
    const shared = word(Math.floor(rnd() * 20));
    const a = rnd() < 0.5 ? shared + word(Math.floor(rnd() * 6)) : word(Math.floor(rnd() * 6)) + shared;
    const b = rnd() < 0.5 ? shared + word(Math.floor(rnd() * 6)) : word(Math.floor(rnd() * 6)) + shared;
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    assert.equal(commonPrefix(a, b), p, JSON.stringify([a, b]));
    const max = Math.min(a.length, b.length) - Math.floor(rnd() * 3);
    let s = 0;
    while (s < Math.max(0, max) && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    assert.equal(commonSuffix(a, b, Math.max(0, max)), s, JSON.stringify([a, b, max]));
  }
});

test('paragraphAt finds the paragraph containing an offset and nothing between paragraphs', () => {
  const text = 'Title Line\n\nFirst paragraph of the report.\n\n\nSecond paragraph here.\n';
  const article = parseArticle(text);
  for (let o = 0; o <= text.length; o++) {
    const want = article.paragraphs.find((p) => p.start <= o && o < p.end);
    assert.equal(paragraphAt(article, o), want, `offset ${o}`);
  }
  assert.equal(paragraphAt(parseArticle(''), 0), undefined);
});

test('findAt returns the shortest span containing the offset (end inclusive), or none', () => {
  const spans = [{ start: 0, end: 4 }, { start: 6, end: 20 }, { start: 10, end: 14 }, { start: 22, end: 25 }];
  assert.equal(findAt(spans, 4), spans[0]);
  assert.equal(findAt(spans, 5), undefined);
  assert.equal(findAt(spans, 12), spans[2]);
  assert.equal(findAt(spans, 16), spans[1]);
  assert.equal(findAt(spans, 26), undefined);
  assert.equal(findAt([], 0), undefined);
});

test('LineIndex: a text without CR (LFs found by search) and with CRs give every line start', () => {
  const rnd = seededRandom(1812);
  for (let n = 0; n < 300; n++) {
    const pieces = n % 2 ? ['a', 'bc', ' ', '\n'] : ['a', 'bc', ' ', '\n', '\r', '\r\n'];
    let text = '';
    for (let k = Math.floor(rnd() * 30); k > 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
    const li = new LineIndex(text);
    assert.equal(li.lineCount, starts.length, JSON.stringify(text));
    starts.forEach((s, line) => assert.equal(li.lineStart(line), s, JSON.stringify(text)));
  }
});

test('LineIndex: LF, CRLF and lone CR are line breaks; positions and offsets round-trip', () => {
  const text = 'one\ntwo\r\nthree\rfour\r\rsix';
  const li = new LineIndex(text);
  assert.equal(li.lineCount, 6);
  assert.deepEqual(li.position(text.indexOf('two')), { line: 1, character: 0 });
  assert.deepEqual(li.position(text.indexOf('three')), { line: 2, character: 0 });
  assert.deepEqual(li.position(text.indexOf('four')), { line: 3, character: 0 });
  assert.deepEqual(li.position(text.indexOf('six')), { line: 5, character: 0 });
  assert.equal(li.lineNumber(text.indexOf('six')), 6);
  // The CR of a CRLF belongs to the break: the end of line 1 is before it.
  assert.equal(li.offset(1, 99), text.indexOf('\r\n'));
  for (let o = 0; o <= text.length; o++) {
    const { line, character } = li.position(o);
    if (text[o - 1] === '\r' && text[o] === '\n') continue; // inside a CRLF: not a position of its own
    assert.equal(li.offset(line, character), o, `offset ${o}`);
  }
});
