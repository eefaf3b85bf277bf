/**
 * The checks keep their scratch buffers in a caller-owned `CheckScratch` (core/checks/scratch.ts),
 * as the date recognizer keeps its own in a `DateScanner`: nothing at module level in core/checks
 * is written, so analyses that interleave (the language server's steps) or reuse one scratch
 * from article to article (a CLI run) cannot see each other's data.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { moduleStateIn } from './moduleState';
import { analyzeArticle, analyzeArticleSteps } from '../../server/src/core/analyze';
import { paragraphPrints } from '../../server/src/core/checks/duplicate-paragraph';
import { sharingParagraphs } from '../../server/src/core/checks/near-duplicate-paragraph';
import { CheckScratch } from '../../server/src/core/checks/scratch';
import { parseArticle } from '../../server/src/core/article';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { joinLines } from '../helpers';

const CHECKS_DIR = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'checks');

/**
 * Memos of a pure function of an immutable registry object (a snapshot's office holders, a role's
 * tenure), keyed weakly by it: what they hold is the same whoever asks, and goes with the snapshot.
 * Everything else written at module level is scratch and must live in the caller's CheckScratch.
 */
const SNAPSHOT_MEMOS = new Set(['set() on tenureCache', 'set() on holderCache']);

test('nothing in core/checks is mutable at module level but the per-snapshot memos (scratch lives in the caller-owned CheckScratch)', () => {
  const files = readdirSync(CHECKS_DIR).filter((f) => f.endsWith('.ts')).map((f) => join(CHECKS_DIR, f));
  assert.ok(files.length >= 8, `read ${CHECKS_DIR}`);
  const found = files.flatMap(moduleStateIn);
  assert.deepEqual(found.filter((f) => !SNAPSHOT_MEMOS.has(f.replace(/^[^:]+:\d+: /, ''))), []);
  // The allowed memos are where they are said to be, and only there.
  assert.deepEqual([...new Set(found.map((f) => f.replace(/:\d+:/, ':')))].sort(), ['role-conflict.ts: set() on holderCache', 'role-conflict.ts: set() on tenureCache']);
});

const REGISTRY = loadRegistry([{ path: 'r.yaml', text: joinLines('version: 1', 'entities:', '  - id: doha', '    type: place', '    name: Doha', '') }]);

/** Paragraphs of six words or more, numbered so that no two are alike unless repeated on purpose. */
function para(n: number, words = 12): string {
  return Array.from({ length: words }, (_, k) => `w${n}x${k}`).join(' ') + '.';
}

/** Articles whose paragraph checks find things (repeats, near-repeats), of very different sizes, so the buffers grow and then hold stale data. */
function articles(): string[] {
  const long = Array.from({ length: 60 }, (_, i) => para(i, 40 + (i % 7)));
  const edited = para(1).replace('w1x3', 'changed');
  return [
    joinLines(para(1), '', para(2), '', edited, '', para(1), ''),
    joinLines(...long.flatMap((p) => [p, '']), long[5], '', long[6].replace('w6x2', 'other'), ''),
    joinLines('Talks in Doha went on.', '', para(3), '', para(4), ''),
    joinLines(para(7, 6), '', para(8, 6), '', para(7, 6), '', 'Straße und Çavuşoğlu — ' + para(9), '', 'Straße und Çavuşoğlu — ' + para(9).replace('w9x0', 'x'), ''),
    joinLines(para(1), '', para(2), '', edited, '', para(1), ''),
  ];
}

test('one CheckScratch reused from article to article gives the findings of a fresh one per article', () => {
  const entityIndex = buildEntityIndex(REGISTRY);
  const shared = { registry: REGISTRY, entityIndex, checkScratch: new CheckScratch() };
  const texts = articles();
  const withShared = texts.map((t, i) => analyzeArticle(`a${i}.article`, t, shared).findings);
  const fresh = texts.map((t, i) => analyzeArticle(`a${i}.article`, t, { registry: REGISTRY, entityIndex }).findings);
  assert.deepEqual(withShared, fresh);
  // The paragraph checks did find something (the comparison is not between empty lists).
  const codes = new Set(withShared.flat().map((f) => f.code));
  assert.ok(codes.has('duplicate-paragraph') && codes.has('near-duplicate-paragraph'), [...codes].join(', '));
});

test('two analyses run step by step, interleaved, give the findings each gives alone', () => {
  const entityIndex = buildEntityIndex(REGISTRY);
  const texts = articles();
  const alone = texts.map((t, i) => analyzeArticle(`a${i}.article`, t, { registry: REGISTRY, entityIndex }).findings);
  for (let a = 0; a < texts.length; a++) {
    const b = (a + 1) % texts.length;
    const sa = analyzeArticleSteps(`a${a}.article`, texts[a], { registry: REGISTRY, entityIndex });
    const sb = analyzeArticleSteps(`a${b}.article`, texts[b], { registry: REGISTRY, entityIndex });
    let ra = sa.next();
    let rb = sb.next();
    while (!ra.done || !rb.done) {
      if (!ra.done) ra = sa.next();
      if (!rb.done) rb = sb.next();
    }
    assert.deepEqual(ra.value.findings, alone[a]);
    assert.deepEqual(rb.value.findings, alone[b]);
  }
});

test('paragraphPrints and sharingParagraphs: the same with a reused scratch as with their own', () => {
  const scratch = new CheckScratch();
  for (const t of articles()) {
    const article = parseArticle(t);
    const own = paragraphPrints(article);
    assert.deepEqual(paragraphPrints(article, undefined, undefined, scratch), own);
    assert.deepEqual(sharingParagraphs(own, scratch), sharingParagraphs(own));
  }
});
