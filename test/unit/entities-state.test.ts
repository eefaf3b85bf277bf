/**
 * Entity recognition keeps its scratch (code units, tokens, token kinds, paragraph ranges) in an
 * `EntityScanner` its caller owns (or the index's own), never at module level: two scanners never
 * share a buffer, so recognition is re-entrant. The source check is the date code's
 * (`moduleStateIn`); the one thing it may find here is a memo in a module-level `WeakMap`, keyed by
 * an immutable object (a registry snapshot, its index, an entity) and holding what a pure function
 * of that key gives, the same for every caller.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleStateIn } from './moduleState';
import { parseArticle } from '../../server/src/core/article';
import { analyzeArticle } from '../../server/src/core/analyze';
import { EntityScanner, buildEntityIndex, recognizeEntities } from '../../server/src/core/entities';
import { tokenize, tokenText } from '../../server/src/core/entities/tokens';
import { loadRegistry } from '../../server/src/core/registry';
import { joinLines } from '../helpers';

const ENTITIES_DIR = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'entities');

/** `moduleStateIn(file)` less the writes to the file's module-level `WeakMap`s (memos). */
function scratchIn(file: string): string[] {
  const memos = new Set([...readFileSync(file, 'utf8').matchAll(/^const (\w+) = new WeakMap\b/gm)].map((m) => m[1]));
  return moduleStateIn(file).filter((f) => {
    const m = /: (?:set|delete)\(\) on (\w+)$/.exec(f);
    return !(m && memos.has(m[1]));
  });
}

test('nothing in core/entities is mutable at module level but WeakMap memos (scratch lives in the EntityScanner)', () => {
  const files = readdirSync(ENTITIES_DIR).filter((f) => f.endsWith('.ts')).map((f) => join(ENTITIES_DIR, f));
  assert.ok(files.length >= 8, `read ${ENTITIES_DIR}`);
  assert.deepEqual(files.flatMap(scratchIn), []);
});

test('the memo exception lets a WeakMap memo through and nothing else', () => {
  const planted = join(__dirname, 'entities-state-planted.txt');
  const text = joinLines(
    'const memo = new WeakMap<object, number>();',
    'const seen = new Map<object, number>();',
    'const BUF = new Int32Array(8);',
    'let count = 0;',
    'export function f(k: object): number { memo.set(k, 1); seen.set(k, 1); const b = BUF; b[0] = 1; memo.delete(k); return count++; }',
  );
  writeFileSync(planted, text);
  try {
    assert.deepEqual(scratchIn(planted).map((f) => f.replace(/^[^:]+:\d+: /, '')), ['a module-level let', 'set() on seen', 'writes BUF (through b)', 'writes count']);
  } finally {
    rmSync(planted, { force: true });
  }
});

test("one scanner's tokens stay as they were while another scanner tokenizes", () => {
  const a = new EntityScanner();
  const b = new EntityScanner();
  const first = 'Alpha beta, gamma';
  const ta = tokenize(a, first);
  // Longer than the first scanner's buffers: with shared buffers, this would overwrite or replace them.
  tokenize(b, 'x '.repeat(5000));
  assert.equal(ta.count, 3);
  assert.deepEqual([0, 1, 2].map((i) => tokenText(first, ta, i)), ['Alpha', 'beta', 'gamma']);
  assert.equal(ta.units[first.length], 0);
  assert.equal(String.fromCharCode(...ta.units.subarray(0, 5)), 'Alpha');
});

test("recognition gives the same mentions with the index's scanner, a caller's, and a caller's used for another text in between", () => {
  const index = buildEntityIndex(loadRegistry([{
    path: 'r.yaml',
    text: joinLines(
      'version: 1',
      'entities:',
      '  - { id: tokyo, type: place, name: Tokyo }',
      '  - { id: nato, type: organization, name: North Atlantic Treaty Organization, aliases: [NATO] }',
      '  - { id: ana, type: person, name: Ana Pérez, family_name: Pérez, given_name: Ana }',
      '',
    ),
  }]));
  const one = parseArticle(joinLines('Ana Pérez flew to Tokyo for talks with NATO.', '', 'Later Pérez met Osamu Izawa, the envoy, who said little.', ''));
  const two = parseArticle(joinLines('NATO ministers met in Tokyo. ' + 'Nothing more was said. '.repeat(400), ''));
  const own = recognizeEntities(one, index);
  const scanner = new EntityScanner();
  assert.deepEqual(recognizeEntities(one, index, { scanner }), own);
  recognizeEntities(two, index, { scanner });
  assert.deepEqual(recognizeEntities(one, index, { scanner }), own);
  assert.deepEqual(own.mentions.map((m) => m.text), ['Ana Pérez', 'Tokyo', 'NATO', 'Pérez', 'Osamu Izawa']);
});

test("an analysis context's entity scanner is the one recognition uses, the index's own otherwise", () => {
  const registry = loadRegistry([{ path: 'r.yaml', text: joinLines('version: 1', 'entities:', '  - { id: tokyo, type: place, name: Tokyo }', '') }]);
  const index = buildEntityIndex(registry);
  const text = joinLines('Talks in Tokyo went on for a week.', '');
  const entityScanner = new EntityScanner();
  const withOwn = analyzeArticle('a.article', text, { registry, entityIndex: index, entityScanner });
  assert.equal(entityScanner.count, 8);
  assert.equal(index.scanner.count, 0);
  const withIndex = analyzeArticle('a.article', text, { registry, entityIndex: index });
  assert.equal(index.scanner.count, 8);
  assert.deepEqual(withIndex.entities, withOwn.entities);
  assert.deepEqual(withOwn.entities.map((m) => m.id), ['tokyo']);
});
