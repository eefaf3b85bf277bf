/**
 * `attache export` end to end, in process: a small workspace on disk (registry, an article with
 * astral characters before its mentions, and an annotation sidecar) exported as brat standoff,
 * W3C Web Annotation JSON-LD and JSON Lines, each checked against its format's own rules.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTarget, annotationAppendText } from '../../server/src/core/annotations';
import { main } from '../../server/src/cli/main';
import { joinLines } from '../helpers';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: japan',
  '    type: country',
  '    name: Japan',
  '  - id: hayashi-yoshimasa',
  '    type: person',
  '    name: Hayashi Yoshimasa',
  '    family_name: Hayashi',
  '    given_name: Yoshimasa',
  '    name_order: family-first',
  '  - id: hayashi-mitsuko',
  '    type: person',
  '    name: Hayashi Mitsuko',
  '    family_name: Hayashi',
  '    given_name: Mitsuko',
  '    name_order: family-first',
  '',
);

// 🇯🇵 (two astral code points) and 𠮷 (CJK extension B) sit before every span.
const ARTICLE = joinLines(
  '---', 'date: 2025-10-01', '---',
  '🇯🇵 𠮷 Hayashi said Japan would host the talks on 12 March 2025.',
  'The talks were described as productive.',
  '');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attache-export-'));
  writeFileSync(join(dir, 'registry.yaml'), REGISTRY);
  writeFileSync(join(dir, 'story.article'), ARTICLE);
  const h = ARTICLE.indexOf('Hayashi');
  const t = ARTICLE.indexOf('host the talks');
  let side = annotationAppendText('', { id: 'a1', kind: 'link', entity: 'hayashi-yoshimasa', target: makeTarget(ARTICLE, h, h + 7) });
  side += annotationAppendText(side, { id: 'a2', kind: 'note', body: 'Venue not named.', target: makeTarget(ARTICLE, t, t + 14) });
  side += annotationAppendText(side, { id: 'a3', kind: 'tag', tag: 'claim', target: makeTarget(ARTICLE, t, t + 14) });
  writeFileSync(join(dir, 'story.article.annotations.yaml'), side);
  return dir;
}

function run(argv: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, cwd, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

test('export brat: .ann offsets are code points that slice the .txt, N lines for registry ids, notes as AnnotatorNotes', () => {
  const dir = workspace();
  try {
    const r = run(['export', '--format', 'brat', '--out', 'out', 'story.article'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['annotation.conf', 'story.ann', 'story.txt']);
    const txt = readFileSync(join(dir, 'out', 'story.txt'), 'utf8');
    assert.equal(txt, ARTICLE);
    const points = [...txt];
    const ann = readFileSync(join(dir, 'out', 'story.ann'), 'utf8').trimEnd().split('\n');
    const spans = new Map<string, string>();
    for (const line of ann.filter((l) => l.startsWith('T'))) {
      // brat: `T1<TAB>Type start end[;start end]<TAB>text`, the text being the fragments joined by a space.
      const [id, typeAndOffsets, text] = line.split('\t');
      const [, offsets] = /^\S+ (.*)$/.exec(typeAndOffsets)!;
      const pieces = offsets.split(';').map((o) => {
        const [s, e] = o.split(' ').map(Number);
        assert.ok(s < e && e <= points.length, line);
        return points.slice(s, e).join('');
      });
      assert.equal(pieces.join(' '), text, `offsets of ${line} do not slice the text`);
      spans.set(id, text);
    }
    const hayashi = ann.find((l) => l.endsWith('\tHayashi'))!;
    // In code points Hayashi starts at 3 fewer than in UTF-16 units (three astral characters before it).
    const u16 = ARTICLE.indexOf('Hayashi');
    assert.ok(hayashi.includes(` ${u16 - 3} ${u16 - 3 + 7}\t`), hayashi);
    const tid = hayashi.split('\t')[0];
    assert.ok(ann.includes(`N1\tReference ${tid} Attache:hayashi-yoshimasa\tHayashi`) || ann.some((l) => /^N\d+\tReference /.test(l) && l.includes(`${tid} Attache:hayashi-yoshimasa`)), ann.join('\n'));
    assert.ok(ann.some((l) => /^#\d+\tAnnotatorNotes T\d+\tVenue not named\.$/.test(l)), ann.join('\n'));
    assert.ok([...spans.values()].filter((v) => v === 'host the talks').length === 2, 'the note and the tag are spans');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export w3c: JSON-LD with the W3C context, TextQuoteSelector and TextPositionSelector in code points', () => {
  const dir = workspace();
  try {
    const r = run(['export', '--format', 'w3c', 'story.article'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [collection] = JSON.parse(r.stdout) as { '@context': string; type: string; total: number; first: { items: { motivation: string; body: { purpose: string; value?: string; source?: string }[]; target: { selector: Record<string, unknown>[] } }[] } }[];
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    const items = collection.first.items;
    assert.equal(collection.total, items.length);
    const points = [...ARTICLE];
    for (const it of items) {
      const quote = it.target.selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string };
      const pos = it.target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
      assert.ok(quote && pos, JSON.stringify(it));
      assert.equal(points.slice(pos.start, pos.end).join(''), quote.exact);
      assert.ok(ARTICLE.includes(quote.prefix + quote.exact + quote.suffix));
    }
    const linked = items.find((it) => it.body.some((b) => b.source === 'urn:attache:entity:hayashi-yoshimasa'))!;
    assert.equal(linked.motivation, 'identifying');
    assert.ok(items.some((it) => it.motivation === 'commenting' && it.body.some((b) => b.value === 'Venue not named.')));
    assert.ok(items.some((it) => it.motivation === 'tagging' && it.body.some((b) => b.purpose === 'tagging' && b.value === 'claim')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export jsonl: one object a line that round-trips, UTF-16 offsets as analyze, the annotation id on decided mentions', () => {
  const dir = workspace();
  try {
    const r = run(['export', '--format', 'jsonl', 'story.article'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const rows = lines.map((l) => JSON.parse(l) as { article: string; start: number; end: number; text: string; type: string; id: string | null; value?: string | null; annotation?: string; body?: string });
    rows.forEach((row, i) => assert.equal(JSON.stringify(row), lines[i]));
    for (const row of rows) {
      assert.equal(row.article, 'story.article');
      assert.equal(ARTICLE.slice(row.start, row.end), row.text);
    }
    const hayashi = rows.find((x) => x.text === 'Hayashi')!;
    assert.deepEqual([hayashi.id, hayashi.annotation, hayashi.type], ['hayashi-yoshimasa', 'a1', 'person']);
    assert.ok(rows.some((x) => x.type === 'date' && x.value === '2025-03-12'));
    assert.deepEqual(rows.filter((x) => x.annotation === 'a2' || x.annotation === 'a3').map((x) => [x.type, x.body]), [['note', 'Venue not named.'], ['tag', 'claim']]);
    // The analyze --json document shows the same annotation id, and the sidecar as a file of its own.
    const a = run(['analyze', '--json', 'story.article'], dir);
    const doc = JSON.parse(a.stdout) as { files: { path: string; entities: { text: string; annotation?: string }[] }[] };
    assert.deepEqual(doc.files.map((f) => f.path), ['story.article', 'story.article.annotations.yaml', 'registry.yaml']);
    assert.equal(doc.files[0].entities.find((e) => e.text === 'Hayashi')!.annotation, 'a1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
