/**
 * The consistency checks on the five scraped seed articles (kept outside the repository; these
 * tests skip, saying so, when they are absent, as on CI), with the registry written for them in
 * `test/fixtures/seeds-registry/registry.yaml`.
 *
 * Expected: the duplicated runs of seeds 001 (headline and captions pasted twice, in each of its
 * two stories) and 004 (the body pasted twice), no duplicates in 000, 002, 003; the two office
 * errors of seed 000's January 2025 sentence (Hayashi as foreign minister, Sheikh Mohammed as
 * deputy prime minister) and no office error elsewhere.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../server/src/core/analyze';
import { parseArticle, stripBom } from '../../server/src/core/article';
import { CheckContext } from '../../server/src/core/checks';
import { duplicateParagraph } from '../../server/src/core/checks/duplicate-paragraph';
import { nearDuplicateParagraph } from '../../server/src/core/checks/near-duplicate-paragraph';
import { applyEdits } from '../../server/src/core/edits';
import { buildEntityIndex } from '../../server/src/core/entities';
import { LineIndex } from '../../server/src/core/lines';
import { loadRegistry } from '../../server/src/core/registry';
import { Finding } from '../../server/src/core/types';
import { fixturesDir, seedsDir } from '../helpers';

const SKIP = seedsDir ? false : 'the seed articles are not available (set ATTACHE_SEEDS to their folder)';

function seed(prefix: string): { name: string; text: string } {
  const name = readdirSync(seedsDir!).find((f) => f.startsWith(prefix))!;
  return { name, text: stripBom(readFileSync(join(seedsDir!, name), 'utf8')) };
}

/** Findings as 1-based line spans, for readable expectations. */
function lineSpans(text: string, fs: Finding[]): [number, number][] {
  const li = new LineIndex(text);
  return fs.map((f) => [li.position(f.start).line + 1, li.position(f.end).line + 1]);
}

const EMPTY_REGISTRY = { version: 0, entities: new Map(), files: new Map() };

function localCtx(name: string, text: string): CheckContext {
  return { path: name, article: parseArticle(text), entities: [], dates: [], registry: EMPTY_REGISTRY };
}

test('seeds: duplicated runs of 001 and 004 are found, one finding per run', { skip: SKIP }, () => {
  const s1 = seed('001');
  const d1 = duplicateParagraph(localCtx(s1.name, s1.text));
  assert.deepEqual(lineSpans(s1.text, d1), [[4, 4], [7, 10], [41, 41], [44, 47]]);
  assert.match(d1[1].message, /^These 3 paragraphs repeat earlier text; the first copy starts at line 1\./);
  const s4 = seed('004');
  const d4 = duplicateParagraph(localCtx(s4.name, s4.text));
  assert.deepEqual(lineSpans(s4.text, d4), [[13, 22]]);
  assert.match(d4[0].message, /^These 10 paragraphs repeat earlier text; the first copy starts at line 3\./);
  // The safe fix removes exactly the repeated lines; the result has no duplicates left.
  const fixed = applyEdits(s4.text, d4[0].fixes![0].edits).text;
  const lines = s4.text.split('\n');
  assert.equal(fixed, [...lines.slice(0, 12), ...lines.slice(22)].join('\n'));
  assert.deepEqual(duplicateParagraph(localCtx(s4.name, fixed)), []);
  const fixed1 = applyEdits(s1.text, d1.flatMap((f) => f.fixes![0].edits)).text;
  assert.deepEqual(duplicateParagraph(localCtx(s1.name, fixed1)), []);
  assert.doesNotMatch(fixed1, /\n\n\n\n\n/, 'no new runs of blank lines');
});

test('seeds: no duplicates or near-duplicates in 000, 002, 003', { skip: SKIP }, () => {
  for (const p of ['000', '002', '003']) {
    const s = seed(p);
    const ctx = localCtx(s.name, s.text);
    assert.deepEqual(duplicateParagraph(ctx), [], s.name);
    assert.deepEqual(nearDuplicateParagraph(ctx), [], s.name);
  }
});

test('seeds: the full pipeline finds the two office errors of 000 and none elsewhere', { skip: SKIP }, (t) => {
  const regPath = join(fixturesDir, 'seeds-registry', 'registry.yaml');
  const registry = loadRegistry([{ path: regPath, text: readFileSync(regPath, 'utf8') }]);
  if (registry.entities.size === 0) {
    t.skip('the registry loader has not landed yet (placeholder returns no entities)');
    return;
  }
  const ctx = { registry, entityIndex: buildEntityIndex(registry) };
  const s0 = seed('000');
  const a0 = analyzeArticle(s0.name, s0.text, ctx);
  if (a0.entities.length === 0) {
    t.skip('the entity recognizer has not landed yet (placeholder finds no mentions)');
    return;
  }
  const roles = a0.findings.filter((f) => f.code === 'role-conflict');
  const texts = roles.map((f) => s0.text.slice(f.start, f.end));
  assert.equal(roles.length, 2, JSON.stringify(roles.map((f) => f.message), null, 1));
  assert.ok(texts.some((x) => x.includes('Mohammed bin Abdulrahman al-Thani') && x.includes('Deputy Prime Minister')), texts.join(' | '));
  assert.ok(texts.some((x) => x.includes('Hayashi Yoshimasa')), texts.join(' | '));
  const messages = roles.map((f) => f.message).join('\n');
  assert.match(messages, /Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13; in January 2025 the office was held by Takeshi Iwaya\./);
  assert.match(messages, /Mohammed bin Abdulrahman Al Thani was Deputy Prime Minister of Qatar from 2017 to 2023-03-07; in January 2025 the office was held by Saoud bin Abdulrahman Al Thani\. At that date Mohammed bin Abdulrahman Al Thani was Minister of Foreign Affairs of Qatar and Prime Minister of Qatar\./);
  for (const f of roles) assert.equal(f.related![0].path, regPath);
  // The same sentence dates the second Strategic Dialogue in January 2025; it took place on 31 January 2023.
  const ev = a0.findings.filter((f) => f.code === 'event-date-conflict');
  assert.deepEqual(ev.map((f) => s0.text.slice(f.start, f.end)), ['January 2025']);
  assert.deepEqual(a0.findings.filter((f) => f.code === 'duplicate-paragraph'), []);

  for (const p of ['001', '002', '003', '004']) {
    const s = seed(p);
    const a = analyzeArticle(s.name, s.text, ctx);
    assert.deepEqual(a.findings.filter((f) => f.code === 'role-conflict').map((f) => f.message), [], s.name);
    const dups = lineSpans(s.text, a.findings.filter((f) => f.code === 'duplicate-paragraph'));
    assert.deepEqual(dups, p === '001' ? [[4, 4], [7, 10], [41, 41], [44, 47]] : p === '004' ? [[13, 22]] : [], s.name);
  }
});
