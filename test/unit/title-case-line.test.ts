/**
 * `isTitleCaseLine` stops reading a line once the rest of it could no longer bring it to 85%
 * capitalized long words: the answer must be the one reading the whole line gives, for lines
 * near the limit too.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTitleCaseLine } from '../../server/src/core/entities/evidence';

/** Whether the line is title case, every word read: at least 3 words of 4 letters or more, 85% of them capitalized (the verb test left out: the lines below have none). */
function readWhole(text: string): boolean {
  const long = text.match(/[A-Za-z\u00c0-\u024f]{4,}/g) ?? [];
  const caps = long.filter((w) => w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90).length;
  return long.length >= 3 && caps >= long.length * 0.85;
}

test('a title-case line is told from prose the same way whether or not it is read to its end', () => {
  const words = ['Council', 'Meeting', 'Annual', 'Forum', 'of', 'the', 'ministers', 'talks', 'On', 'Ports', 'week', 'Nord', 'a', 'Élan', 'river'];
  // A small linear congruential generator: the same lines at every run.
  let seed = 12345;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  let told = 0;
  for (let k = 0; k < 4000; k++) {
    const n = 1 + next(40);
    const line: string[] = [];
    // Mostly capitalized words with a few lower-case ones, so that many lines sit near 85%.
    for (let w = 0; w < n; w++) line.push(next(10) < 8 ? words[next(4)] : words[next(words.length)]);
    const text = line.join(next(3) === 0 ? ' - ' : ' ');
    if (text.length > 200) continue;
    assert.equal(isTitleCaseLine(text, 0, text.length), readWhole(text), text);
    if (readWhole(text)) told++;
  }
  assert.ok(told > 100, `${told} title-case lines`);
});
