/**
 * `writeJson` (cli/jsonWrite.ts, #14 item 5): the text `JSON.stringify(value, null, 2)` gives,
 * written in chunks, with `LazyArray` items made while written; and `analyze --json` written that
 * way is the same document as before, byte for byte.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LazyArray, writeJson } from '../../server/src/cli/jsonWrite';
import { seededRandom } from '../../bench/generate';
import { cli, workspace } from './cliRun';
import { joinLines } from '../helpers';

function written(v: unknown): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeJson(v, (s) => chunks.push(s));
  return { text: chunks.join(''), chunks };
}

/** A random JSON-like value: long and short arrays, lazy arrays, nesting, values JSON leaves out. */
function value(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 3 || k < 0.3) {
    const leaves = [0, -1.5, 1e21, NaN, true, false, null, '', 'plain', 'quote " and \\ and \n', 'é 北京 🎉', undefined];
    return leaves[Math.floor(r() * leaves.length)];
  }
  // Long arrays (written item by item) near the top only, so a value stays small.
  const n = depth < 2 && r() < 0.3 ? 64 + Math.floor(r() * 16) : Math.floor(r() * 4);
  const items = Array.from({ length: n }, () => value(r, depth + 1));
  if (k < 0.5) return items;
  if (k < 0.6) return new LazyArray(items, (x) => x);
  const o: Record<string, unknown> = {};
  items.forEach((x, i) => (o[r() < 0.1 ? String(i) : `key ${i}`] = x));
  return o;
}

test('writeJson writes what JSON.stringify(value, null, 2) gives, on 500 seeded values', () => {
  const r = seededRandom(514);
  for (let i = 0; i < 500; i++) {
    const v = { files: [value(r, 0)], empty: [], none: {}, gone: undefined };
    assert.equal(written(v).text, JSON.stringify(v, null, 2), `value ${i}`);
  }
  assert.equal(written([]).text, '[]');
  assert.equal(written('x').text, '"x"');
});

test('a large document goes out in chunks, never as one string', () => {
  const items = Array.from({ length: 50_000 }, (_, i) => ({ start: i, end: i + 5, text: `Name ${i}`, candidates: [] }));
  const doc = { files: [{ path: 'a.article', entities: new LazyArray(items, (x) => ({ ...x, type: 'person' })) }] };
  const { text, chunks } = written(doc);
  assert.equal(text, JSON.stringify(doc, null, 2));
  assert.ok(chunks.length > 20, `${chunks.length} chunks`);
  assert.ok(Math.max(...chunks.map((c) => c.length)) < 70_000);
});

test('analyze --json is the same document as JSON.stringify gives (mentions, dates, problems)', () => {
  const article = joinLines('---', 'date: 2025-03-20', '---', 'Japan and Qatar met in Doha on 3 March 2025.',
    'Both sides agreed to meet again next spring, said Nour Haddad.', 'Both sides agreed to meet again next spring, said Nour Haddad.', '');
  const registry = joinLines('version: 1', 'entities:', '  - id: japan', '    type: country', '    name: Japan', '  - id: qatar', '    type: country', '    name: Qatar', '');
  const dir = workspace({ 'registry.yaml': registry, 'a.article': article, 'b.article': '' });
  const r = cli(['analyze', '--json', 'a.article', 'b.article'], dir);
  const doc = JSON.parse(r.out) as { files: { entities: unknown[]; dates: unknown[]; diagnostics: unknown[] }[] };
  assert.equal(r.out, JSON.stringify(doc, null, 2) + '\n');
  assert.ok(doc.files[0].entities.length >= 2 && doc.files[0].dates.length >= 1 && doc.files[0].diagnostics.length >= 1);
  assert.deepEqual(doc.files[1].entities, []);
});
