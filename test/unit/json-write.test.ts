/**
 * `writeJson` (cli/jsonWrite.ts, #14 item 5): the text `JSON.stringify(value, null, 2)` gives,
 * written in chunks, with `LazyArray` items made while written; and `analyze --json` written that
 * way is the same document as before, byte for byte.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ByteFieldWriter, LazyArray, RawJson, fieldJson, jsonString, writeJson } from '../../server/src/cli/jsonWrite';
import { ReportedArticle, findingText, jsonFinding, renderFindings } from '../../server/src/cli/report';
import { runContext } from '../../server/src/cli/pipeline';
import { analyzeArticle } from '../../server/src/core/analyze';
import { loadRegistry } from '../../server/src/core/registry';
import { Finding } from '../../server/src/core/types';
import { seededRandom } from '../../bench/generate';
import { cli, workspace } from './cliRun';
import { joinLines, sampleCorpus, samplesDir } from '../helpers';

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

/** The text of the objects `w` wrote since its last drain (its bytes, read as UTF-8). */
function takeText(w: ByteFieldWriter): string {
  let t = '';
  w.drain((buf, n) => (t += Buffer.from(buf.buffer, buf.byteOffset, n).toString('utf8')));
  return t;
}

test('fieldJson and ByteFieldWriter write fields as JSON.stringify(…, null, 2) writes them inside an object, on 500 seeded values', () => {
  const r = seededRandom(1832);
  const strings = [[], ['a'], ['x', 'quote " and \\', 'é 北京 🎉'], ['a', 1], [undefined]];
  // One writer per indent for all the objects, as the spill keeps one for an article's mentions.
  const writers = Array.from({ length: 5 }, (_, k) => new ByteFieldWriter(' '.repeat(2 * k)));
  for (let i = 0; i < 500; i++) {
    // Seeded values without lazy arrays (JSON.stringify writes those through toJSON), and arrays of strings.
    let a = value(r, 1);
    while (a instanceof LazyArray) a = value(r, 1);
    const b = strings[i % strings.length];
    const o = i % 7 === 6 ? { skipped: undefined } : { first: a, b, last: i };
    const indent = ' '.repeat(2 * (i % 5));
    const w = writers[i % 5];
    w.open();
    for (const [k, x] of Object.entries(o)) w.put(k, x);
    w.close();
    assert.equal(takeText(w), JSON.stringify(o, null, 2).replace(/\n/g, `\n${indent}`), `value ${i}`);
    assert.equal(fieldJson(a, indent), JSON.stringify(a, null, 2)?.replace(/\n/g, `\n${indent}`), `value ${i}`);
  }
});

test('ByteFieldWriter writes what JSON.stringify(…, null, 2) gives, in UTF-8, on 500 seeded values and mention-like fields, drained now and then', () => {
  const r = seededRandom(2718);
  const strings = [[], ['a'], ['x', 'quote " and \\', 'é 北京 🎉'], ['a', 1], [undefined]];
  const leaves = ['', 'Osaka Maritime Forum', 'tab\there', 'back\\slash', 'say "no"', '\u007f', '~', 'lone \ud800', '🎉', 0, -0, 7, 1073741823, 1073741824, 2 ** 53, -3, 2.5, 1e21, NaN, Infinity, true, false, null, undefined];
  const bytes = new ByteFieldWriter('      ');
  let all = '';
  for (let i = 0; i < 500; i++) {
    let a = value(r, 1);
    while (a instanceof LazyArray) a = value(r, 1);
    const o: Record<string, unknown> = i % 7 === 6 ? { skipped: undefined } : { start: i, text: leaves[i % leaves.length], first: a, b: strings[i % strings.length], last: leaves[(i * 5) % leaves.length] };
    bytes.open();
    for (const [k, x] of Object.entries(o)) bytes.put(k, x);
    bytes.close();
    all += JSON.stringify(o, null, 2).replace(/\n/g, '\n      ');
    // Drained now and then: what is drained is the text so far, in order.
    if (i % 50 === 49) {
      assert.equal(takeText(bytes), all, `values up to ${i}`);
      all = '';
    }
  }
});

test('written as bytes, a document is the same text, parts held as bytes copied in order whatever their size', () => {
  const r = seededRandom(6502);
  for (let i = 0; i < 40; i++) {
    // Text, then parts of UTF-8 bytes (from empty to several times the 64 KB chunk), in turns.
    const parts: unknown[] = [];
    for (let k = 0; k < 6; k++) {
      const size = [0, 10, 65_535, 65_536, 70_000, 300_000][Math.floor(r() * 6)];
      const names = Array.from({ length: Math.ceil(size / 40) }, (_, j) => `Zoë Ødegård ${i}-${k}-${j} 北京 🎉`);
      const text = JSON.stringify(names, null, 2).replace(/\n/g, '\n      ');
      const utf8 = Buffer.from(text);
      // Handed on from a buffer with other bytes around them, as a temporary file's read-ahead does.
      const held = Buffer.concat([Buffer.from('xx'), utf8, Buffer.from('yy')]);
      const raw = new RawJson('      ', (out) => out(text), (out) => {
        for (let at = 2; at < 2 + utf8.length; at += 70_000) out(held, at, Math.min(at + 70_000, 2 + utf8.length));
      });
      parts.push({ before: `part ${k} ${'é'.repeat(Math.floor(r() * 30_000))}`, raw });
    }
    const doc = { files: new LazyArray(parts, (x) => x) };
    const chunks: Uint8Array[] = [];
    writeJson(doc, () => assert.fail('text written where bytes were asked for'), '', (c) => chunks.push(c));
    const text = Buffer.concat(chunks).toString('utf8');
    assert.equal(text, written(doc).text, `document ${i}`);
    assert.equal(text, JSON.stringify(doc, null, 2), `document ${i}`);
    // Each chunk is the receiver's: none shares memory with another.
    assert.equal(new Set(chunks.map((c) => c.buffer)).size, chunks.length);
  }
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

test('findingText writes what writeJson(jsonFinding(f)) writes: sample findings and seeded odd ones', () => {
  const general = (f: Finding, cwd: string, indent: string): string => {
    let s = '';
    writeJson(jsonFinding(f, cwd), (x) => (s += x), indent);
    return s;
  };
  const reg = join(samplesDir, 'registry');
  const ctx = runContext(loadRegistry(readdirSync(reg).map((f) => ({ path: join(reg, f), text: readFileSync(join(reg, f), 'utf8') }))), undefined);
  const findings: Finding[] = [];
  for (const [rel, text] of Object.entries(sampleCorpus(40, { eventEvery: 3, sharedEvery: 2 }))) {
    if (rel.startsWith('articles/') && typeof text === 'string') findings.push(...analyzeArticle(join('/w', rel), text, ctx).findings);
  }
  // A pasted repeat (duplicate-paragraph, with a fix) and an edited copy (near-duplicate-paragraph).
  const a = 'The two ministers met in Tokyo on Monday to discuss maritime security in the Gulf.';
  const b = 'Trade between the countries grew by a third over the last five years, officials said.';
  findings.push(...analyzeArticle('/w/articles/dup.article', joinLines(a, '', b, '', a, '', b.replace('five', 'six'), ''), ctx).findings);
  const codes = new Set(findings.map((f) => f.code));
  for (const c of ['duplicate-paragraph', 'near-duplicate-paragraph', 'unknown-entity']) assert.ok(codes.has(c as Finding['code']), `no ${c} finding`);
  // Odd values: each general write leaves a property out or writes null where a finding would not.
  const r = seededRandom(18);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const odd = [undefined, NaN, -0, 1e21, '', 'quote " \\ \n\u2028 é 🎉', null];
  const oddOnes: Finding[] = [];
  for (let n = 0; n < 400; n++) {
    const base = findings[n % findings.length];
    const f: Finding = { ...base, related: base.related?.map((x) => ({ ...x })), fixes: base.fixes?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e })) })) };
    if (r() < 0.3) f.related = [...(f.related ?? []), { path: pick(['/w/other.article', '/elsewhere/x.article', 'rel.article']), start: 1, end: 2, message: 'm' }];
    if (r() < 0.3) f.fixes = [...(f.fixes ?? []), { title: 't', edits: r() < 0.3 ? [] : [{ ...(r() < 0.5 ? { path: pick(['/w/registry/a.yaml', '']) } : {}), start: 3, end: 4, newText: 'x' }], ...(r() < 0.5 ? { safe: true } : {}) }];
    const targets: Record<string, unknown>[] = [f as unknown as Record<string, unknown>, ...((f.related ?? []) as unknown as Record<string, unknown>[]), ...(f.fixes ?? []).flatMap((x) => [x as unknown as Record<string, unknown>, ...(x.edits as unknown as Record<string, unknown>[])])];
    if (r() < 0.5) {
      const t = pick(targets);
      const key = pick(Object.keys(t).filter((k) => k !== 'edits' && k !== 'related' && k !== 'fixes'));
      if (key) t[key] = pick(odd);
    }
    const indent = pick(['', '        ', '  ']);
    const mine = findingText(f, '/w', indent);
    if (mine !== undefined) assert.equal(mine, general(f, '/w', indent), JSON.stringify(f));
    // Those the general path can write (a path that is not a string it cannot), for renderFindings below.
    try {
      general(f, '/w', indent);
      oddOnes.push(f);
    } catch {
      // not a finding any check makes
    }
  }
  for (const f of findings) assert.equal(findingText(f, '/w', '        '), general(f, '/w', '        '));
  // renderFindings keeps each one's text as UTF-8, the odd ones (the general path) included.
  assert.ok(oddOnes.some((f) => findingText(f, '/w', '        ') === undefined), 'no finding for the general path');
  const all = [...findings, ...oddOnes];
  const rep = { findings: all } as unknown as ReportedArticle;
  renderFindings(rep, '/w');
  const { bytes, ends } = rep.findingsJson!;
  assert.equal(ends.length, all.length);
  const decoder = new TextDecoder();
  all.forEach((f, k) => assert.equal(decoder.decode(bytes.subarray(k ? ends[k - 1] : 0, ends[k])), general(f, '/w', '        '), JSON.stringify(f)));
  assert.equal(bytes.length, ends[ends.length - 1]);
});

test('jsonString quotes every string as JSON.stringify does (escapes, controls, lone and paired surrogates)', () => {
  const pieces = ['a', 'Japan', '"', '\\', '\n', '\t', '\u0000', '\u001f', ' ', '\u007f', '\u2028', '\u2029', '\ud800', '\udc00', '\ud83d\ude00', 'é', '/', '<', '\''];
  const r = seededRandom(18);
  for (let t = 0; t < 20_000; t++) {
    let s = '';
    for (let n = Math.floor(r() * 8); n > 0; n--) s += pieces[Math.floor(r() * pieces.length)];
    assert.equal(jsonString(s), JSON.stringify(s), JSON.stringify(s));
  }
  for (let c = 0; c < 0x10000; c++) assert.equal(jsonString(String.fromCharCode(c)), JSON.stringify(String.fromCharCode(c)));
});
