/**
 * Provisional analyses spliced from an older version's (`core/splice.ts`): outside the edited
 * paragraphs they equal the exact analysis of the new text, the edited paragraph shows the new
 * text's mentions, edits to the metadata are refused, and the work done grows with the window,
 * not with the article. Also `analyzeArticleSteps`, which must give `analyzeArticle`'s result.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisContext, ArticleAnalysis, analyzeArticle, analyzeArticleSteps } from '../../server/src/core/analyze';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { MAX_SPLICE_WINDOW, diffRegion, spliceAnalysis } from '../../server/src/core/splice';
import { LineIndex } from '../../server/src/core/lines';
import { samplesDir } from '../helpers';

const registryDir = join(samplesDir, 'registry');
const registry = loadRegistry(readdirSync(registryDir).map((f) => ({ path: join(registryDir, f), text: readFileSync(join(registryDir, f), 'utf8') })));
const ctx: AnalysisContext = { registry, entityIndex: buildEntityIndex(registry) };

const WHO = ['Iwaya Takeshi', 'Johann Wadephul', 'Mark Rutte', 'Kamikawa Yoko'];
const WHERE = ['Doha', 'Brussels', 'Riyadh', 'Tokyo'];
const WHEN = ['on 3 March 2025', 'in June 2024', 'on 14 May 2025', 'in 2023'];

/** An article of `n` paragraphs naming persons with full names and absolute dates (no context needed). */
function article(n: number): string {
  const lines = ['---', 'date: 2025-10-20', '---', 'Harbour Talks Continue', '', 'A short lead paragraph opens the report.', ''];
  for (let i = 0; i < n; i++) {
    lines.push(`${WHO[i % 4]} visited ${WHERE[(i * 3) % 4]} ${WHEN[(i * 7) % 4]} to discuss ferry timetables, officials said in note ${i}.`, '');
  }
  return lines.join('\n');
}

const key = (a: ArticleAnalysis) => ({
  entities: a.entities.map((m) => [m.start, m.end, m.id, m.type, m.form]),
  dates: a.dates.map((d) => [d.start, d.end, d.value]),
  paragraphs: a.article.paragraphs.map((p) => [p.start, p.end, p.lineStart, p.lineEnd, p.sentences.map((s) => [s.start, s.end])]),
});

test('diffRegion finds the one changed region', () => {
  assert.equal(diffRegion('abc', 'abc'), null);
  assert.deepEqual(diffRegion('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, newEnd: 4 });
  assert.deepEqual(diffRegion('aaaa', 'aaaaaa'), { start: 4, oldEnd: 4, newEnd: 6 });
  const long = 'x'.repeat(10000);
  assert.deepEqual(diffRegion(long + 'A' + long, long + long), { start: 10000, oldEnd: 10001, newEnd: 10000 });
});

test('diffRegion compares by blocks and still finds the exact region (edits at and around block edges)', () => {
  // The naive definition: longest common prefix, then longest common suffix of what is left.
  const naive = (a: string, b: string) => {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    if (p === a.length && a.length === b.length) return null;
    let s = 0;
    while (s < Math.min(a.length, b.length) - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
  };
  const base = Array.from({ length: 20_000 }, (_, i) => 'abcdefghij'[(i * 7) % 10]).join('');
  for (const at of [0, 1, 4095, 4096, 4097, 8191, 8192, 12_000, 19_999, 20_000]) {
    for (const [del, ins] of [[0, 'x'], [1, ''], [3, 'yz'], [0, base.slice(at, at + 5000)]] as [number, string][]) {
      const b = base.slice(0, at) + ins + base.slice(Math.min(base.length, at + del));
      assert.deepEqual(diffRegion(base, b), naive(base, b), `edit at ${at}`);
      assert.deepEqual(diffRegion(b, base), naive(b, base), `reverse edit at ${at}`);
    }
  }
});

test('analyzeArticleSteps gives the analysis analyzeArticle gives', () => {
  const text = article(40);
  const steps = analyzeArticleSteps('a.article', text, ctx);
  let n = 0;
  let r = steps.next();
  while (!r.done) {
    n++;
    r = steps.next();
  }
  assert.ok(n >= 5, `yields between phases (${n})`);
  assert.deepEqual(r.value, analyzeArticle('a.article', text, ctx));
});

test('a splice equals the exact analysis of the new text, in and around the edited paragraph', () => {
  const old = article(300);
  const base = analyzeArticle('a.article', old, ctx);
  const at = old.indexOf('Johann Wadephul visited', old.indexOf('note 149.'));
  // Replace a name (the window's mention changes) and lengthen the paragraph (everything after moves).
  const text = old.slice(0, at) + 'Annalena Baerbock, back from leave,' + old.slice(at + 'Johann Wadephul'.length);
  const spliced = spliceAnalysis(base, text, ctx);
  assert.ok(spliced, 'an edit in the body is spliced');
  const exact = analyzeArticle('a.article', text, ctx);
  assert.deepEqual(key(spliced), key(exact));
  assert.equal(spliced.article.text, text);
  const m = spliced.entities.find((e) => e.start === at);
  assert.equal(m?.text, 'Annalena Baerbock');
  assert.ok(m?.id, 'the new name is linked');
  assert.deepEqual(spliced.findings, [], 'a provisional analysis reports no problems');
});

test('splices chain: one typed character at a time', () => {
  let text = article(200);
  let a = analyzeArticle('a.article', text, ctx);
  const at = text.indexOf('ferry', text.indexOf('note 100.'));
  for (const ch of 'night ') {
    const i = at + 'night '.indexOf(ch);
    text = text.slice(0, i) + ch + text.slice(i);
    const next = spliceAnalysis(a, text, ctx);
    assert.ok(next);
    a = next;
  }
  assert.deepEqual(key(a), key(analyzeArticle('a.article', text, ctx)));
});

test('edits to the front matter, the leading paragraphs or too large a window are not spliced', () => {
  const old = article(50);
  const base = analyzeArticle('a.article', old, ctx);
  assert.equal(spliceAnalysis(base, old.replace('date: 2025-10-20', 'date: 2025-10-21'), ctx), null);
  assert.equal(spliceAnalysis(base, old.replace('Harbour Talks', 'Port Talks'), ctx), null);
  const mid = old.indexOf('note 25.');
  assert.equal(spliceAnalysis(base, old.slice(0, mid) + 'word '.repeat(MAX_SPLICE_WINDOW / 4) + old.slice(mid), ctx), null);
});

test('a splice re-analyzes the edited paragraphs, not the article (work grows with the window)', () => {
  // Counted, not timed: the mentions, dates and paragraphs the splice makes (re-analyzed or moved)
  // while it runs; the moved ones after the window are made only when read.
  const made: number[] = [];
  for (const n of [200, 800]) {
    const old = article(n);
    const base = analyzeArticle('a.article', old, ctx);
    const at = old.indexOf('ferry', old.indexOf(`note ${Math.floor(n / 2)}.`));
    const work = { made: 0 };
    const spliced = spliceAnalysis(base, old.slice(0, at) + 'x' + old.slice(at), ctx, undefined, work)!;
    made.push(work.made);
    assert.ok(work.made > 0 && work.made <= 20, `${n} paragraphs: ${work.made} made`);
    // Reading every mention makes the moved ones, once.
    assert.equal(spliced.entities.length, base.entities.length);
    assert.equal([...spliced.entities].length, base.entities.length);
    assert.equal(JSON.stringify(spliced.dates), JSON.stringify(spliced.dates.map((d) => d)));
    assert.equal(spliced.entities[spliced.entities.length - 1], spliced.entities[spliced.entities.length - 1]);
  }
  assert.equal(made[0], made[1], 'the same edit costs the same in a four times longer article');
});

test('a line index derived from the old text’s equals one built from scratch (LF, CRLF, lone CR, edits at breaks)', () => {
  const base = 'one\ntwo\r\nthree\rfour\n\nfive\r\n\rsix';
  const edits: [number, number, string][] = [];
  for (let s = 0; s <= base.length; s++) for (const [len, ins] of [[0, 'x'], [1, ''], [1, '\n'], [0, '\r'], [2, 'a\r\nb'], [0, '\n']] as [number, string][]) edits.push([s, Math.min(base.length, s + len), ins]);
  for (const [s, e, ins] of edits) {
    const text = base.slice(0, s) + ins + base.slice(e);
    const diff = diffRegion(base, text);
    if (!diff) continue;
    const derived = new LineIndex(text, { index: new LineIndex(base), ...diff });
    const fresh = new LineIndex(text);
    assert.equal(derived.lineCount, fresh.lineCount, JSON.stringify([s, e, ins]));
    for (let l = 0; l < fresh.lineCount; l++) assert.equal(derived.lineStart(l), fresh.lineStart(l), JSON.stringify([s, e, ins, l]));
  }
});
