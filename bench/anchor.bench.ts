/**
 * Re-anchoring annotations (issue #14, item 4): 12 orphaned annotations with 1,600-character
 * quotes on a 200 KB article (their text was deleted, so every search fails), and one long quote
 * edited in twenty places (found approximately). Target: well under a second for the twelve.
 */

import { anchor, makeTarget } from '../server/src/core/annotations/anchor';

const WORDS = ['harbour', 'council', 'ferry', 'budget', 'north', 'signal', 'weather', 'archive', 'tender', 'bridge', 'quota', 'survey'];

function text(chars: number, salt = 0): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `The ${WORDS[(i * 7 + salt) % 12]} ${WORDS[(i * 5 + 3 + salt) % 12]} note ${i * 13 + salt} was filed. `;
  return s.slice(0, chars);
}

export async function run(): Promise<void> {
  const article = text(200_000);
  const gone = text(24_000, 5).replace(/note/g, 'memo').replace(/The /g, 'A ');
  const quotes = Array.from({ length: 12 }, (_, i) => gone.slice(i * 1700, i * 1700 + 1600));
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (const quote of quotes) anchor(article, { quote, start: 100_000 });
    times.push(performance.now() - t0);
  }
  const start = 120_003;
  const target = makeTarget(article, start, start + 1600);
  let edited = article;
  for (let k = 19; k >= 0; k--) edited = edited.slice(0, start + 40 + k * 75) + '#' + edited.slice(start + 41 + k * 75);
  const t1 = performance.now();
  const found = anchor(edited, target);
  const edit = performance.now() - t1;
  times.sort((a, b) => a - b);
  console.log('| measure | value | target |');
  console.log('| --- | ---: | --- |');
  console.log(`| 12 orphaned 1,600-character quotes, 200 KB article (median of 5) | ${times[2].toFixed(1)} ms | < 1,000 ms |`);
  console.log(`| one 1,600-character quote edited in 20 places, found approximately | ${edit.toFixed(1)} ms (${found ? 'found' : 'not found'}) | |`);
}
