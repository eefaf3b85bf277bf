/**
 * Re-anchoring stays bounded (issue #14, item 4): orphaned annotations with long quotes on a large
 * article cost a bounded number of steps per character of text, growing linearly with the text.
 * Work is counted (the `work` option of `anchor`), never timed; the time is in `npm run bench -- anchor`.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_APPROXIMATE_ERRORS, anchor, makeTarget } from '../../server/src/core/annotations/anchor';

const WORDS = ['harbour', 'council', 'ferry', 'budget', 'north', 'signal', 'weather', 'archive', 'tender', 'bridge', 'quota', 'survey'];

/** `chars` characters of numbered sentences (deterministic). */
function text(chars: number, salt = 0): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `The ${WORDS[(i * 7 + salt) % 12]} ${WORDS[(i * 5 + 3 + salt) % 12]} note ${i * 13 + salt} was filed. `;
  return s.slice(0, chars);
}

/** Quotes of 1,600 characters from a text that is not in the article (deleted passages: orphans). */
function orphanQuotes(n: number): string[] {
  const gone = text(n * 2000, 5).replace(/note/g, 'memo').replace(/The /g, 'A ');
  return Array.from({ length: n }, (_, i) => gone.slice(i * 1700, i * 1700 + 1600));
}

function orphanWork(article: string): number {
  const work = { cells: 0 };
  for (const quote of orphanQuotes(12)) assert.equal(anchor(article, { quote, start: article.length >> 1 }, { work }), null);
  assert.ok(work.cells > 0, 'the approximate search ran and counted its work');
  return work.cells;
}

test('12 orphaned annotations with 1,600-character quotes on a 200 KB article: bounded work', () => {
  const article = text(200_000);
  const work = orphanWork(article);
  // At most the exact searches for the k + 1 pieces of each quote, plus a little.
  const bound = 12 * (MAX_APPROXIMATE_ERRORS + 2) * article.length;
  assert.ok(work <= bound, `work ${work} > ${bound}`);
});

test('re-anchoring work grows linearly with the text (4x the text, < 6x the work)', () => {
  const small = orphanWork(text(50_000));
  const large = orphanWork(text(200_000));
  assert.ok(large < 6 * small, `50 KB: ${small}, 200 KB: ${large}`);
});

test('a long quote edited in twenty places is still found, with its new extent', () => {
  const article = text(200_000);
  const start = 120_003;
  const target = makeTarget(article, start, start + 1600);
  let edited = article;
  // Twenty one-character edits inside the quoted passage (from its end, so offsets hold).
  for (let k = 19; k >= 0; k--) {
    const at = start + 40 + k * 75;
    edited = edited.slice(0, at) + '#' + edited.slice(at + 1);
  }
  const span = anchor(edited, target);
  assert.deepEqual(span, { start, end: start + 1600 });
});
