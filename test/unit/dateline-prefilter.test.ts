// `mayBeDateline` skips the dateline patterns on lines none of them can match, by a line's first,
// second and last characters. It restates what the regular expressions of `matchDateline` accept,
// so nothing but this test keeps the two in step: every line a pattern matches must pass the
// prefilter. The lines are the first lines of the samples' paragraphs and datelines of every form,
// each mutated many times (a character inserted, deleted or replaced, pieces swapped in) from a
// fixed seed, so a pattern widened without the prefilter fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { matchDateline, mayBeDateline } from '../../server/src/core/article';
import { seededRandom } from '../../bench/generate';
import { samplesDir } from '../helpers';

/** One line of each form `matchDateline` reads, with variants of their optional parts. */
const FORMS = [
  'date 2025-10-26', 'Date 2025-10-26 1234', 'DATE 2016-03-09',
  'Published: 26 October 2025', '- Published on 3 Mar. 2016', '• Updated 10:30 GMT | 26 October, 2025', '* Posted Date: 9 March 2016',
  'Published: October 26, 2025', 'Updated 4:52 p.m. UTC, Mar. 9, 2016', 'Posted on March 9 2016',
  'Updated: 9 March 2016 by staff', 'Posted on March 9, 2016 | World', '- Published 26 October 2025 in News',
  'TOKYO, Oct. 26, 2025 (Reuters) - Japan', "N'DJAMENA, Chad, March 9 (AFP) — The", 'WASHINGTON, August 11 (Xinhua) -- U.S.', 'DOHA, Qatar, Mar 3 (AP) – Talks',
  'Sunday, October 26, 2025', 'October 26, 2025', 'Wednesday, 9 March 2016', '9 March 2016',
];

/** Pieces swapped in by the mutations: the characters and words the patterns turn on. */
const PIECES = [
  ' ', ',', '.', '-', '–', '—', '(', ')', ':', '|', '•', '*', "'", '0', '1', '9', '12', '2025', 'a', 'd', 'D', 'P', 'U', 'Z', 'é',
  'March', 'Oct.', 'Monday', 'date', 'Published', 'Updated', 'Posted', 'on', 'GMT', 'p.m.', '(AP)', 'TOKYO', 'Japan',
];

function mutate(line: string, random: () => number): string {
  const at = Math.floor(random() * (line.length + 1));
  const piece = PIECES[Math.floor(random() * PIECES.length)];
  switch (Math.floor(random() * 4)) {
    case 0: return line.slice(0, at) + piece + line.slice(at);
    case 1: return line.slice(0, at) + line.slice(at + 1);
    case 2: return line.slice(0, at) + piece + line.slice(at + 1 + Math.floor(random() * 3));
    default: return line.slice(0, at).trimEnd();
  }
}

function sampleLines(): string[] {
  const dir = join(samplesDir, 'articles');
  const lines: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.article')) continue;
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n').slice(0, 12)) if (l.trim()) lines.push(l.trimEnd());
  }
  return lines;
}

test('every line a dateline pattern matches passes the prefilter', () => {
  const random = seededRandom(20261202);
  const seeds = [...FORMS, ...sampleLines()];
  let matched = 0;
  let skipped = 0;
  for (const seed of seeds) {
    let line = seed;
    for (let i = 0; i < 600; i++) {
      // Walk away from the seed by a few mutations, then start again from it.
      line = i % 6 === 0 ? seed : mutate(line, random);
      const d = matchDateline(line);
      if (d) {
        matched++;
        assert.ok(mayBeDateline(line), `the prefilter skips a line a dateline pattern reads: ${JSON.stringify(line)}`);
      } else if (!mayBeDateline(line)) skipped++;
    }
  }
  // Both sides are exercised: many mutated lines still match a pattern, and many are skipped.
  assert.ok(matched > 2000, `only ${matched} mutated lines matched a dateline pattern`);
  assert.ok(skipped > 2000, `only ${skipped} lines were skipped by the prefilter`);
});

test('the prefilter skips ordinary sentences and keeps each dateline form', () => {
  for (const line of FORMS) assert.ok(matchDateline(line), `not a dateline: ${line}`);
  for (const line of ['Japan and Qatar will hold talks on Monday.', 'the minister said.', '“We are ready,” he said.', '']) {
    assert.equal(mayBeDateline(line), false, line);
  }
});
