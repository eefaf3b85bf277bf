/**
 * An analysis with the document's cache (`core/articleCache.ts`) equals an analysis from scratch
 * of the same text, over random edit sequences (deterministic seed) on a multi-paragraph article
 * with exact and near repeats and shingles shared by more paragraphs than a posting list holds.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisContext, analyzeArticle } from '../../server/src/core/analyze';
import { createArticleCache } from '../../server/src/core/articleCache';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { seededRandom } from '../../bench/generate';
import { samplesDir } from '../helpers';

const registryDir = join(samplesDir, 'registry');
const registry = loadRegistry(readdirSync(registryDir).map((f) => ({ path: join(registryDir, f), text: readFileSync(join(registryDir, f), 'utf8') })));
const ctx: AnalysisContext = { registry, entityIndex: buildEntityIndex(registry) };

const WHO = ['Iwaya Takeshi', 'Johann Wadephul', 'Mark Rutte', 'Kamikawa Yoko', 'the harbour master'];
const WHERE = ['Doha', 'Brussels', 'Riyadh', 'Tokyo', 'the old customs house'];
const WHAT = ['ferry timetables', 'grain storage', 'a pension reform', 'cable repairs', 'the lighthouse budget', 'school meals'];
const WHEN = ['on 3 March 2025', 'last week', 'on Monday', 'two days later', 'in June'];

/** `n` paragraphs; every one shares "officials said on background that" (more than a posting list holds). */
function article(n: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = ['---', 'date: 2025-10-20', '---', 'Harbour Talks Continue', '', 'A short lead paragraph opens the report.', ''];
  for (let i = 0; i < n; i++) {
    lines.push(`${pick(WHO)} visited ${pick(WHERE)} ${pick(WHEN)} to discuss ${pick(WHAT)}, and officials said on background that ${pick(WHAT)} came up in note ${i % 7}.`, '');
  }
  return lines.join('\n');
}

/**
 * One random edit: typing, deleting, pasting a paragraph elsewhere, changing a word of a copy,
 * splitting or joining paragraphs, or lengthening a paragraph that has a near copy (`copied`:
 * the paragraphs copied so far), which changes the similarity without changing posting lists.
 */
function edit(text: string, rnd: () => number, copied: string[]): string {
  const at = (): number => 60 + Math.floor(rnd() * (text.length - 60));
  const paragraphs = text.split('\n\n');
  const k = 2 + Math.floor(rnd() * (paragraphs.length - 2));
  switch (Math.floor(rnd() * 9)) {
    case 0: {
      const p = at();
      return text.slice(0, p) + 'x' + text.slice(p);
    }
    case 1: {
      const p = at();
      return text.slice(0, p) + text.slice(p + 1 + Math.floor(rnd() * 30));
    }
    case 2: {
      // Paste a paragraph elsewhere: an exact repeat.
      const copy = paragraphs[k];
      const to = 2 + Math.floor(rnd() * (paragraphs.length - 2));
      paragraphs.splice(to, 0, copy);
      return paragraphs.join('\n\n');
    }
    case 3: {
      // A copy with a word added: a near repeat.
      const copy = paragraphs[k].replace(/\.$/, ' again.');
      copied.push(paragraphs[k]);
      paragraphs.splice(2 + Math.floor(rnd() * (paragraphs.length - 2)), 0, copy);
      return paragraphs.join('\n\n');
    }
    case 4:
      // Delete a paragraph (often the first copy of a repeat, or a posting-list member).
      if (paragraphs.length > 6) paragraphs.splice(k, 1);
      return paragraphs.join('\n\n');
    case 5: {
      const p = at();
      return text.slice(0, p) + '\n\n' + text.slice(p);
    }
    case 6: {
      const p = text.indexOf('\n\n', at());
      return p < 0 ? text : text.slice(0, p) + ' ' + text.slice(p + 2);
    }
    case 7: {
      const source = copied.length ? paragraphs.indexOf(copied[Math.floor(rnd() * copied.length)]) : -1;
      if (source < 0) return text;
      paragraphs[source] += ` Then ${WHAT[k % WHAT.length]} and ${WHERE[k % WHERE.length]} came up again.`;
      copied.push(paragraphs[source]);
      return paragraphs.join('\n\n');
    }
    default:
      // An edit near the top: shifts every later paragraph and posting list.
      paragraphs[2 + Math.floor(rnd() * 3)] += ' Officials said on background that talks went on.';
      return paragraphs.join('\n\n');
  }
}

test('an analysis with the document cache equals one from scratch, over random edit sequences', () => {
  for (const seed of [1, 2, 3]) {
    const rnd = seededRandom(seed);
    let text = article(90, rnd);
    const cache = createArticleCache();
    const copied: string[] = [];
    const findings = { 'duplicate-paragraph': 0, 'near-duplicate-paragraph': 0 };
    for (let step = 0; step < 40; step++) {
      const cached = analyzeArticle('a.article', text, ctx, undefined, { cache });
      const fresh = analyzeArticle('a.article', text, ctx);
      assert.deepEqual(cached, fresh, `seed ${seed}, step ${step}`);
      for (const f of fresh.findings) if (f.code === 'near-duplicate-paragraph' || f.code === 'duplicate-paragraph') findings[f.code]++;
      text = edit(text, rnd, copied);
    }
    assert.ok(findings['duplicate-paragraph'] > 0 && findings['near-duplicate-paragraph'] > 0, `seed ${seed}: the edits made repeats for the checks to find (${JSON.stringify(findings)})`);
  }
});

test('the cache keeps one version: it follows the text it was last given, whatever that was', () => {
  const rnd = seededRandom(9);
  const a = article(70, rnd);
  const b = article(70, rnd);
  const cache = createArticleCache();
  // Alternating between unrelated texts, and back to one seen before.
  for (const text of [a, b, a, a, b + '\n\nA last paragraph repeats nothing at all here.', a]) {
    assert.deepEqual(analyzeArticle('a.article', text, ctx, undefined, { cache }), analyzeArticle('a.article', text, ctx));
  }
  assert.equal(cache.prints!.size <= new Set(a.split('\n\n')).size + 1, true);
});

/**
 * A large article (recognized by chunks, core/chunks.ts): `n` paragraphs of varied sentences with
 * short names after full ones, relative dates after absolute ones and ambiguous mentions.
 */
function largeArticle(rnd: () => number, chars: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = ['---', 'date: 2025-10-20', '---', 'TOKYO, Oct. 20', ''];
  for (let i = 0; lines.join('\n').length < chars; i++) {
    const who = pick(WHO);
    lines.push(`${who} visited ${pick(WHERE)} ${pick(WHEN)} to discuss ${pick(WHAT)} (file ${i}).`, '');
    if (i % 3 === 0) lines.push(`${who.split(' ')[0]} returned two days later; Rutte and Wadephul spoke on Friday, 12 March 2025 about ${pick(WHAT)}.`, '');
  }
  return lines.join('\n');
}

test('a large article by chunks: the cached analysis equals one from scratch over random edits', () => {
  for (const seed of [4, 5]) {
    const rnd = seededRandom(seed);
    let text = largeArticle(rnd, 130_000);
    const cache = createArticleCache();
    const copied: string[] = [];
    let chunked = 0;
    for (let step = 0; step < 24; step++) {
      const cached = analyzeArticle('a.article', text, ctx, undefined, { cache });
      const fresh = analyzeArticle('a.article', text, ctx);
      assert.deepEqual(cached, fresh, `seed ${seed}, step ${step}`);
      if (cache.chunks) chunked++;
      // Besides the paragraph edits: a block of several kilobytes moved (cuts move), or the date changed.
      const r = rnd();
      if (r < 0.15) {
        const a = 2000 + Math.floor(rnd() * (text.length - 30_000));
        const block = text.slice(a, a + 5000 + Math.floor(rnd() * 20_000));
        const to = 2000 + Math.floor(rnd() * (text.length - 2000));
        text = text.slice(0, to) + block + text.slice(to);
      } else if (r < 0.2) text = text.replace(/date: \d{4}-\d{2}-\d{2}/, `date: 2025-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`);
      else text = edit(text, rnd, copied);
    }
    assert.ok(chunked > 20, `seed ${seed}: the article was recognized by chunks (${chunked})`);
  }
});
