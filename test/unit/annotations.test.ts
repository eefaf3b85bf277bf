/**
 * Annotations: anchoring a target in edited text (Hypothesis-style quote + position selectors),
 * carrying spans through editor changes, the sidecar format (ranges of its problems, appending
 * without rewriting), and what the decisions change in the analysis pipeline.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../server/src/core/analyze';
import {
  anchor, annotationAppendText, followEdits, makeTarget, mapThroughEdits, newAnnotationId, nextAnnotationId, parseSidecar, sidecarPath,
} from '../../server/src/core/annotations';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { fixturesDir, joinLines } from '../helpers';

const ARTICLE = joinLines(
  'Ministers Agree to Deepen Maritime Ties',
  '',
  'The two foreign ministers met in Tokyo and agreed to launch a strategic dialogue on maritime security.',
  '',
  'Officials said the first round would take place before the end of the year.',
  '',
);

function targetOf(text: string, quote: string, occurrence = 0) {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, `fixture lacks '${quote}'`);
  return makeTarget(text, i, i + quote.length);
}

const slice = (text: string, s: { start: number; end: number } | null): string | null => (s ? text.slice(s.start, s.end) : null);

// ---------------------------------------------------------------------------------------------
// Anchoring

test('anchor: the quote at its position hint', () => {
  const t = targetOf(ARTICLE, 'strategic dialogue');
  assert.equal(t.quote, 'strategic dialogue');
  assert.equal(t.prefix, 'in Tokyo and agreed to launch a ');
  assert.equal(t.suffix, ' on maritime security.\n\nOfficial');
  assert.deepEqual(anchor(ARTICLE, t), { start: t.start, end: t.start! + 18 });
});

test('anchor: an edit before the span moves it (exact search from the stale hint)', () => {
  const t = targetOf(ARTICLE, 'strategic dialogue');
  const edited = ARTICLE.replace('Ministers Agree', 'Japanese and Qatari Ministers Agree');
  const s = anchor(edited, t)!;
  assert.equal(s.start, t.start! + 'Japanese and Qatari '.length);
  assert.equal(slice(edited, s), 'strategic dialogue');
});

test('anchor: an edit inside the span is found approximately, with its new extent', () => {
  const t = targetOf(ARTICLE, 'launch a strategic dialogue on maritime security');
  const edited = ARTICLE.replace('strategic dialogue on maritime', 'strategic dialog on maritime');
  assert.equal(slice(edited, anchor(edited, t)), 'launch a strategic dialog on maritime security');
});

test('anchor: an edit after the span changes nothing', () => {
  const t = targetOf(ARTICLE, 'strategic dialogue');
  const edited = ARTICLE.replace('before the end of the year', 'in Doha next spring');
  assert.deepEqual(anchor(edited, t), { start: t.start, end: t.start! + 18 });
});

test('anchor: the quote moved to another paragraph is found there', () => {
  const t = targetOf(ARTICLE, 'the first round would take place');
  const moved = joinLines('Ministers Agree to Deepen Maritime Ties', '', 'Officials said the first round would take place before the end of the year.', '',
    'The two foreign ministers met in Tokyo and agreed to launch a strategic dialogue on maritime security.', '');
  assert.equal(slice(moved, anchor(moved, t)), 'the first round would take place');
  assert.equal(anchor(moved, t)!.start, moved.indexOf('the first round'));
});

test('anchor: a duplicated quote resolves to the occurrence nearest the hint', () => {
  const text = joinLines('Tokyo said yes.', 'Then Doha said no.', 'Tokyo said maybe.', '');
  const second = targetOf(text, 'Tokyo', 1);
  // An insertion at the top makes the hint stale; the nearest occurrence is still the second one.
  const edited = `Breaking.\n${text}`;
  assert.equal(anchor(edited, second)!.start, edited.lastIndexOf('Tokyo'));
  const first = targetOf(text, 'Tokyo', 0);
  assert.equal(anchor(edited, first)!.start, edited.indexOf('Tokyo'));
});

test('anchor: without a hint, the context decides between duplicates', () => {
  const text = joinLines('Tokyo said yes.', 'Then Doha said no.', 'Tokyo said maybe.', '');
  const { start: _hint, ...second } = targetOf(text, 'Tokyo', 1);
  void _hint;
  assert.equal(anchor(text, second)!.start, text.lastIndexOf('Tokyo'));
});

test('anchor: deleted text is an orphan (null), even with approximate matching', () => {
  const t = targetOf(ARTICLE, 'the first round would take place');
  const edited = ARTICLE.replace('Officials said the first round would take place before the end of the year.\n', '');
  assert.equal(anchor(edited, t), null);
  // A short quote (under 4 characters) is never matched approximately.
  assert.equal(anchor('Doha and Riyadh', { quote: 'UAE', start: 0 }), null);
});

test('anchor: CRLF text, and a target made on LF text anchored in its CRLF copy', () => {
  const crlf = ARTICLE.replace(/\n/g, '\r\n');
  const t = targetOf(crlf, 'strategic dialogue');
  assert.equal(t.prefix, 'in Tokyo and agreed to launch a ');
  assert.equal(t.suffix, ' on maritime security.\r\n\r\nOffici');
  assert.equal(slice(crlf, anchor(crlf, t)), 'strategic dialogue');
  // Made on the LF text; the file's line endings changed to CRLF since: every offset shifts by 2.
  const lf = targetOf(ARTICLE, 'strategic dialogue');
  const s = anchor(crlf, lf)!;
  assert.equal(s.start, lf.start! + 2);
  assert.equal(slice(crlf, s), 'strategic dialogue');
  // A quote across a line break: the CR is one edit, within the quarter-length bound.
  const across = targetOf(ARTICLE, 'Ties\n\nThe two foreign ministers');
  assert.equal(slice(crlf, anchor(crlf, across)), 'Ties\r\n\r\nThe two foreign ministers');
});

test('anchor: astral characters (emoji, CJK extension B) before the span count as two UTF-16 units', () => {
  const text = '🇯🇵 𠮷野家 note: the strategic dialogue on maritime security';
  const t = targetOf(text, 'strategic dialogue');
  assert.equal(t.start, text.indexOf('strategic'));
  // 🇯🇵 is two astral code points (4 units), 𠮷 one (2 units): 20 units for 17 code points.
  assert.equal(t.start, 20);
  assert.equal([...text.slice(0, 20)].length, 17);
  assert.equal(slice(text, anchor(text, t)), 'strategic dialogue');
  // The 32-character prefix window starts inside a surrogate pair: it is shortened, not split.
  const near = '𠮷'.repeat(20) + 'Riyadh';
  const r = makeTarget(near, 40, 46);
  assert.equal(r.quote, 'Riyadh');
  assert.equal(r.prefix, '𠮷'.repeat(16));
  const edited = `🎌${near}`;
  assert.deepEqual(anchor(edited, r), { start: 42, end: 48 });
});

test('mapThroughEdits: before, inside, after, at the boundaries, and deleted', () => {
  const span = { start: 10, end: 20 };
  assert.deepEqual(mapThroughEdits(span, [{ start: 0, end: 0, newText: 'abc' }]), { start: 13, end: 23 });
  assert.deepEqual(mapThroughEdits(span, [{ start: 2, end: 6, newText: '' }]), { start: 6, end: 16 });
  assert.deepEqual(mapThroughEdits(span, [{ start: 12, end: 14, newText: 'xxxxx' }]), { start: 10, end: 23 });
  assert.deepEqual(mapThroughEdits(span, [{ start: 25, end: 30, newText: '' }]), span);
  // Typing at the start goes before the span, at the end after it.
  assert.deepEqual(mapThroughEdits(span, [{ start: 10, end: 10, newText: 'A' }]), { start: 11, end: 21 });
  assert.deepEqual(mapThroughEdits(span, [{ start: 20, end: 20, newText: 'A' }]), span);
  // A replacement across the start keeps what is left of the span.
  assert.deepEqual(mapThroughEdits(span, [{ start: 5, end: 12, newText: 'zz' }]), { start: 7, end: 15 });
  // Several changes in order, each relative to the text after the previous one.
  assert.deepEqual(mapThroughEdits(span, [{ start: 0, end: 0, newText: 'abc' }, { start: 0, end: 1, newText: '' }]), { start: 12, end: 22 });
  assert.equal(mapThroughEdits(span, [{ start: 8, end: 22, newText: 'gone' }]), null);
});

// ---------------------------------------------------------------------------------------------
// Sidecar format

test('sidecar: the samples sidecar parses with one annotation of each kind, no findings', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'articles', 'riyadh-press-briefing.article.annotations.yaml'), 'utf8');
  const p = parseSidecar(text);
  assert.deepEqual(p.findings, []);
  assert.deepEqual(p.annotations.map((a) => a.kind), ['link', 'not-entity', 'entity', 'date', 'note', 'tag']);
  assert.equal(p.annotations[3].value, '2023-07');
  assert.equal(sidecarPath('a/x.article'), 'a/x.article.annotations.yaml');
});

test('sidecar: problems are annotation-syntax findings on the exact node; good annotations still apply', () => {
  const text = readFileSync(join(fixturesDir, 'annotations', 'broken.annotations.yaml'), 'utf8');
  const p = parseSidecar(text);
  const at = (needle: string): number => text.indexOf(needle);
  const got = p.findings.map((f) => [f.severity, text.slice(f.start, f.end).split('\n')[0], f.message.split(' ').slice(0, 4).join(' ')]);
  assert.deepEqual(got, [
    ['error', 'mention', "Unknown annotation kind 'mention'"],
    ['warning', 'colour', "Unknown annotation key 'colour'."],
    ['error', 'next Tuesday', "'next Tuesday' is not"],
    ['warning', '"a very long prefix that goes on and on and on"', '`prefix` holds at most'],
    ['error', 'quote: ""', '`target` needs a non-empty'],
    ['error', 'id: a1', "The id 'a1' is"],
  ]);
  assert.equal(p.findings[0].start, at('mention'));
  assert.deepEqual(p.annotations.map((a) => a.id), ['a1', 'a5']);
  // The over-long prefix is kept, trimmed to its last 32 characters.
  assert.equal(p.annotations[1].target.prefix, 'ery long prefix that goes on and on and on'.slice(-32));
});

test('sidecar: each field rule, one bad annotation at a time: the message, on which text, kept or skipped', () => {
  const T = '    target: {quote: Hayashi, start: 3}';
  const cases: [lines: string[], severity: string, on: string, message: string, kept: boolean][] = [
    [['id: b1', 'kind: link', T], 'error', 'id: b1', 'This annotation has no `entity`.', false],
    [['id: b1', 'kind: link', 'entity: [x]', T], 'error', '[x]', '`entity` is a string.', false],
    [['id: b1', 'kind: entity', 'type: building', T], 'error', 'building', "Unknown entity type 'building' (one of person, organization, country, place, office, event).", false],
    [['id: b1', 'kind: entity', T], 'error', 'id: b1', 'An `entity` annotation names the registry id (`entity:`) or the type of a new entity (`type:`).', false],
    [['id: b1', 'kind: date', T], 'error', 'id: b1', 'A `date` annotation has a `value` (TIMEX3, such as 2025-09-29, 2025-09, 2025, 199X; null when it cannot be resolved).', false],
    [['id: b1', 'kind: date', 'value: {y: 1}', T], 'error', '{y: 1}', "'' is not a TIMEX3 value (such as 2025-09-29, 2025-09, 2025, 199X, 2025-W31, 2009/2013).", false],
    [['id: b 1', 'kind: note', 'body: x', T], 'error', 'b 1', "The annotation id 'b 1' should be letters, digits, '.', '_' or '-'.", false],
    [['id: b1', 'kind: note', T], 'error', 'id: b1', 'This annotation has no `body`.', false],
    [['id: b1', 'kind: tag', 'tag: disputed', 'created: yesterday', T], 'warning', 'yesterday', '`created` is an ISO 8601 time such as 2025-10-27T09:30:00Z.', true],
  ];
  for (const [lines, severity, on, message, kept] of cases) {
    const text = ['version: 1', 'annotations:', ...lines.map((l, i) => (l.startsWith('    ') ? l : `${i ? '    ' : '  - '}${l}`))].join('\n') + '\n';
    const p = parseSidecar(text);
    assert.deepEqual(p.findings.map((f) => [f.severity, text.slice(f.start, f.end).split('\n')[0], f.message]), [[severity, on, message]], text);
    assert.equal(p.annotations.length, kept ? 1 : 0, text);
  }
  // A date that cannot be resolved is written null, and is kept.
  const open = parseSidecar(['version: 1', 'annotations:', '  - id: b1', '    kind: date', '    value: null', T, ''].join('\n'));
  assert.deepEqual([open.findings, open.annotations[0].value], [[], null]);
});

test('sidecar: a YAML syntax error is reported where it is and nothing applies', () => {
  const text = 'version: 1\nannotations:\n  - id: a1\n    kind: [link\n';
  const p = parseSidecar(text);
  assert.equal(p.annotations.length, 0);
  assert.ok(p.findings.length >= 1);
  assert.ok(p.findings.every((f) => f.code === 'annotation-syntax' && f.start >= text.indexOf('[') && f.end <= text.length + 1), JSON.stringify(p.findings));
  assert.deepEqual(parseSidecar(''), { annotations: [], findings: [] });
  const notMap = parseSidecar('- just\n- a list\n');
  assert.equal(notMap.findings[0].start, 0);
});

test('sidecar: appending keeps the user file byte for byte and reads back exactly (quoting, CRLF, astral)', () => {
  const existing = '# Our decisions\r\nversion: 1\r\nannotations:\r\n  # Hayashi is the minister\r\n  - id: a1\r\n    kind: link\r\n    entity: hayashi-yoshimasa\r\n    target: {quote: Hayashi, start: 3}';
  const note = { id: newAnnotationId(parseSidecar(existing).annotations), kind: 'note' as const, body: 'yes: "quoted" 🇯🇵\nsecond line', target: { quote: 'null', prefix: '𠮷 ', suffix: ' #1', start: 7 }, author: 'no', created: '2025-11-24T10:00:00Z' };
  assert.equal(note.id, 'a2');
  const add = annotationAppendText(existing, note);
  assert.ok(add.startsWith('\r\n  - id: a2\r\n'), JSON.stringify(add));
  const p = parseSidecar(existing + add);
  assert.deepEqual(p.findings, []);
  const { range: _r, ...back } = p.annotations[1];
  void _r;
  assert.deepEqual(back, note);
  // An empty file gets the header first.
  const fresh = annotationAppendText('', { id: 'a1', kind: 'date', value: '2025-09', target: { quote: 'September' } });
  assert.equal(fresh, 'version: 1\nannotations:\n  - id: a1\n    kind: date\n    value: "2025-09"\n    target:\n      quote: September\n');
  assert.equal(parseSidecar(fresh).annotations[0].value, '2025-09');
});

// ---------------------------------------------------------------------------------------------
// Pipeline effects

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: japan',
  '    type: country',
  '    name: Japan',
  '    demonyms: [Japanese]',
  '  - id: japan-foreign-minister',
  '    type: office',
  '    name: Minister for Foreign Affairs of Japan',
  '    aliases: [Minister for Foreign Affairs, Foreign Minister]',
  '    of: japan',
  '    single_holder: true',
  '  - id: hayashi-yoshimasa',
  '    type: person',
  '    name: Hayashi Yoshimasa',
  '    family_name: Hayashi',
  '    given_name: Yoshimasa',
  '    name_order: family-first',
  '    country: japan',
  '    roles:',
  '      - office: japan-foreign-minister',
  '        start: 2021-11-10',
  '        end: 2023-09-13',
  '  - id: hayashi-mitsuko',
  '    type: person',
  '    name: Hayashi Mitsuko',
  '    family_name: Hayashi',
  '    given_name: Mitsuko',
  '    name_order: family-first',
  '    country: japan',
  '',
);
const registry = loadRegistry([{ path: 'registry.yaml', text: REGISTRY }]);
const ctx = { registry, entityIndex: buildEntityIndex(registry) };

const STORY = joinLines(
  '---', 'date: 2025-10-01', '---',
  'Japanese Foreign Minister Hayashi spoke in Tokyo on 12 March 2025.',
  'Osamu Izawa, a researcher, said the talks went well.',
  '');

function sidecar(...items: object[]): string {
  let out = '';
  for (const a of items) out += annotationAppendText(out, a as Parameters<typeof annotationAppendText>[1]);
  return out;
}

test('pipeline: without annotations, Hayashi is ambiguous and Osamu Izawa unknown', () => {
  const a = analyzeArticle('a.article', STORY, ctx);
  assert.deepEqual(a.findings.map((f) => [f.code, STORY.slice(f.start, f.end)]).filter(([c]) => c !== 'unresolved-date'), [
    ['ambiguous-mention', 'Hayashi'],
    ['unknown-entity', 'Osamu Izawa'],
  ]);
  assert.equal(a.annotations, undefined);
});

test('pipeline: a link resolves the ambiguity, and the role check sees the linked person', () => {
  const side = sidecar({ id: 'a1', kind: 'link', entity: 'hayashi-yoshimasa', target: makeTarget(STORY, STORY.indexOf('Hayashi'), STORY.indexOf('Hayashi') + 7) });
  const a = analyzeArticle('a.article', STORY, ctx, side);
  const m = a.entities.find((e) => e.text === 'Hayashi')!;
  assert.equal(m.id, 'hayashi-yoshimasa');
  assert.deepEqual(m.candidates, []);
  assert.equal(m.annotation, 'a1');
  const codes = a.findings.map((f) => f.code);
  assert.ok(!codes.includes('ambiguous-mention'));
  // He left the office in 2023: the checks ran on the link the person chose.
  assert.ok(codes.includes('role-conflict'), JSON.stringify(a.findings));
  assert.deepEqual(a.annotationFindings, []);
});

test('pipeline: not-entity removes the mention and its unknown-entity diagnostic', () => {
  const i = STORY.indexOf('Osamu Izawa');
  const a = analyzeArticle('a.article', STORY, ctx, sidecar({ id: 'x', kind: 'not-entity', target: makeTarget(STORY, i, i + 11) }));
  assert.ok(!a.findings.some((f) => f.code === 'unknown-entity'));
  assert.ok(!a.entities.some((e) => e.text === 'Osamu Izawa'));
});

test('pipeline: an entity annotation adds a mention; a date annotation overrides the value', () => {
  const t = STORY.indexOf('the talks');
  const d = STORY.indexOf('12 March 2025');
  const a = analyzeArticle('a.article', STORY, ctx, sidecar(
    { id: 'e1', kind: 'entity', type: 'event', target: makeTarget(STORY, t, t + 9) },
    { id: 'd1', kind: 'date', value: '2025-03-11', target: makeTarget(STORY, d, d + 13) },
  ));
  const e = a.entities.find((m) => m.annotation === 'e1')!;
  assert.deepEqual([e.text, e.type, e.id, e.form], ['the talks', 'event', null, 'annotation']);
  const date = a.dates.find((x) => x.text === '12 March 2025')!;
  assert.deepEqual([date.value, date.annotation, date.granularity, date.resolution.rule], ['2025-03-11', 'd1', 'day', 'corrected by annotation d1']);
});

test('pipeline: notes and tags, an orphan on the sidecar, and a link to an id the registry lacks', () => {
  const i = STORY.indexOf('spoke in Tokyo');
  const side = sidecar(
    { id: 'n1', kind: 'note', body: 'Check the venue.', target: makeTarget(STORY, i, i + 14) },
    { id: 't1', kind: 'tag', tag: 'claim', target: makeTarget(STORY, i, i + 5) },
    { id: 'o1', kind: 'note', body: 'Lost.', target: { quote: 'a sentence that was deleted long ago', start: 40 } },
    { id: 'l1', kind: 'link', entity: 'nobody', target: makeTarget(STORY, i, i + 5) },
  );
  const a = analyzeArticle('a.article', STORY, ctx, side);
  assert.deepEqual(a.notes, [
    { kind: 'tag', start: i, end: i + 5, body: 'claim', annotation: 't1' },
    { kind: 'note', start: i, end: i + 14, body: 'Check the venue.', annotation: 'n1' },
  ]);
  const [orphan, unknown] = a.annotationFindings!;
  assert.equal(orphan.code, 'orphaned-annotation');
  assert.equal(orphan.severity, 'warning');
  assert.ok(side.slice(orphan.start, orphan.end).startsWith('id: o1'), side.slice(orphan.start, orphan.end));
  assert.equal(orphan.fixes![0].command!.name, 'attache.reattachAnnotation');
  assert.equal(unknown.code, 'annotation-syntax');
  assert.equal(side.slice(unknown.start, unknown.end), 'nobody');
  assert.equal(a.annotations!.find((x) => x.annotation.id === 'o1')!.span, null);
});

test('anchor: bad input ends with an orphan, not a hang (2 MB text, a 1,900-character quote, an empty quote)', () => {
  const text = 'word '.repeat(400_000);
  assert.equal(anchor(text, { quote: 'x'.repeat(1900), start: 10 }), null);
  assert.equal(anchor(text, { quote: 'a sentence that is nowhere in this text at all', start: 10 ** 9 }), null);
  assert.equal(anchor(text, { quote: '' }), null);
  // Still found approximately when the hint is far beyond the end of the text.
  const t = makeTarget(ARTICLE, ARTICLE.indexOf('strategic dialogue'), ARTICLE.indexOf('strategic dialogue') + 18);
  assert.equal(slice(ARTICLE.replace('dialogue', 'dialog'), anchor(ARTICLE.replace('dialogue', 'dialog'), { ...t, start: 10 ** 9 })), 'strategic dialog');
});

test('pipeline: unresolved-date goes only when every unresolved date has a value from an annotation', () => {
  const text = joinLines('The ministers met on Thursday in Tokyo.', '', 'They had agreed in July to meet again.', '');
  const th = text.indexOf('Thursday');
  const jl = text.indexOf('July');
  const before = analyzeArticle('a.article', text, ctx);
  assert.deepEqual(before.findings.map((f) => f.code), ['unresolved-date']);
  const july = { id: 'd1', kind: 'date', value: '2023-07', target: makeTarget(text, jl, jl + 4) };
  const one = analyzeArticle('a.article', text, ctx, sidecar(july));
  assert.deepEqual(one.findings.map((f) => f.code), ['unresolved-date']);
  assert.equal(one.dates.find((d) => d.text === 'July')!.value, '2023-07');
  const both = analyzeArticle('a.article', text, ctx, sidecar(july, { id: 'd2', kind: 'date', value: null, target: makeTarget(text, th, th + 8) }));
  assert.deepEqual(both.findings, []);
  assert.deepEqual(both.dates.map((d) => [d.text, d.value, d.annotation]), [['Thursday', null, 'd2'], ['July', '2023-07', 'd1']]);
});

test('nextAnnotationId: read from the id lines, also while the file does not parse', () => {
  assert.equal(nextAnnotationId(''), 'a1');
  assert.equal(nextAnnotationId('version: 1\nannotations:\n  - id: a7\n    kind: [link\n  - id: "a12"\n  - id: b99\n'), 'a13');
});

test('followEdits: a span follows typing above and inside it; when its text is replaced whole, the quote is searched again', () => {
  const i = ARTICLE.indexOf('strategic dialogue');
  const t = makeTarget(ARTICLE, i, i + 18);
  const span = { start: i, end: i + 18 };
  const above = { start: 0, end: 0, newText: 'BREAKING: ' };
  assert.deepEqual(followEdits(`BREAKING: ${ARTICLE}`, t, span, [above]), { start: i + 10, end: i + 28 });
  const inside = { start: i + 10, end: i + 18, newText: 'talks' };
  const edited = ARTICLE.slice(0, i + 10) + 'talks' + ARTICLE.slice(i + 18);
  assert.equal(slice(edited, followEdits(edited, t, span, [inside])), 'strategic talks');
  // The sentence cut and pasted back unchanged further down: the span is found at its new place.
  const sentence = 'The two foreign ministers met in Tokyo and agreed to launch a strategic dialogue on maritime security.\n';
  const s0 = ARTICLE.indexOf(sentence);
  const cut = ARTICLE.slice(0, s0) + ARTICLE.slice(s0 + sentence.length);
  const pasted = cut + sentence;
  const changes = [{ start: s0, end: s0 + sentence.length, newText: '' }, { start: cut.length, end: cut.length, newText: sentence }];
  assert.equal(followEdits(pasted, t, span, changes)!.start, pasted.lastIndexOf('strategic dialogue'));
});
