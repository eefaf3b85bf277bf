/**
 * The rule index (`scan.ts`: buckets by the key of a rule's first token, and by the key of the
 * token after it) is only a way to try fewer rules: at every token of every text, each group's
 * compiled index reads what trying all of the group's rules in order, element by element, reads.
 * A rule filed under keys its elements can be outside (a punctuation character, a word) would be
 * missed at such a token, and this test finds it.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { El, Match, Parse, STOP } from '../../server/src/core/dates/pattern';
import { GROUPS } from '../../server/src/core/dates/rules';
import { DateScanner } from '../../server/src/core/dates/scan';

/** Elements i.. of a pattern from token j, as the compiled matcher has them: an optional element tried present, then absent. */
function matchFrom(s: DateScanner, pattern: readonly El[], i: number, j: number, m: Match): boolean {
  if (i === pattern.length) {
    m.t[i] = j;
    return true;
  }
  const e = pattern[i];
  const n = e.match(s, j);
  if (n >= 0) {
    const captured = e.captures ? s.subValue : undefined;
    if (matchFrom(s, pattern, i + 1, n, m)) {
      m.t[i] = j;
      m.v[i] = captured;
      return true;
    }
  }
  if (!e.optional) return false;
  if (!matchFrom(s, pattern, i + 1, j, m)) return false;
  m.t[i] = -1;
  m.v[i] = undefined;
  return true;
}

/** Every rule of the group in order at token k, without the index. */
function unindexed(s: DateScanner, group: string, k: number): Parse | null {
  for (const r of GROUPS[group]) {
    const m: Match = { t: [], v: [] };
    if (!matchFrom(s, r.pattern, 0, k, m)) continue;
    const p = r.build(s, m);
    if (p === STOP) return null;
    if (p) return p;
  }
  return null;
}

/** A small deterministic generator (the test reads the same texts every run). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

const EXAMPLES = [...new Set(Object.values(GROUPS).flat().map((r) => r.example))];

/** What a mutation puts in place of a token: numbers, punctuation the rules read, the words they name, plain words. */
const SWAPS = ['7', '12', '2019', '347', '05', '1990s', '6th', '-', '–', ':', '/', '.', ',', "'", '’', '(', ']', '$', '%', 'o', "o'clock", 'in', 'at', 'to',
  'and', 'or', 'a.m.', 'pm', 'of', 'the', 'last', 'next', 'May', 'March', 'Monday', 'days', 'years', 'ago', 'later', 'morning', 'boats', 'officials', 'B', 'C'];

/** The rule examples, each mutated: tokens swapped, dropped, doubled, and pairs of examples joined. */
function texts(): string[] {
  const rnd = lcg(13);
  const out = [...EXAMPLES];
  for (let round = 0; round < 6; round++) {
    for (const ex of EXAMPLES) {
      const toks = ex.split(/(\s+|(?=[-–:/.,'’()])|(?<=[-–:/.,'’()]))/).filter((t) => t && !/^\s+$/.test(t));
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
        const at = Math.floor(rnd() * toks.length);
        const r = rnd();
        if (r < 0.6) toks[at] = SWAPS[Math.floor(rnd() * SWAPS.length)];
        else if (r < 0.8) toks.splice(at, 1);
        else toks.splice(at, 0, toks[at]);
      }
      const glue = rnd() < 0.5 ? ' ' : '';
      out.push(toks.join(rnd() < 0.7 ? ' ' : glue) + (rnd() < 0.2 ? ` ${EXAMPLES[Math.floor(rnd() * EXAMPLES.length)]}` : ''));
    }
  }
  return out;
}

test('the rule index reads at every token what trying every rule of the group in order reads', () => {
  const s = new DateScanner();
  const differ: string[] = [];
  let tried = 0;
  let found = 0;
  for (const text of texts()) {
    s.pivotYear = 2025;
    s.tokenize(text, 0, text.length);
    for (let k = 0; k < s.count; k++) {
      for (const group of Object.keys(GROUPS)) {
        const want = JSON.stringify(unindexed(s, group, k));
        const got = JSON.stringify(s.group(group, k));
        tried++;
        if (want !== 'null') found++;
        if (got !== want && differ.length < 10) differ.push(`${group} at '${s.str(k)}' in '${text}': index ${got}, all rules ${want}`);
      }
    }
  }
  assert.deepEqual(differ, []);
  // The texts reach the rules: many tokens start an expression.
  assert.ok(found > 2000, `${found} of ${tried}`);
});
