/**
 * "Annotate all occurrences" in the core: one decision applied to every identical mention (same
 * text, same resolution) of several articles, as one insertion per sidecar. Checked on the texts
 * the edits produce: new sidecars, existing ones merged without duplicates and with their comments
 * and line endings, near-matches and decided spans left alone, and a second run adding nothing.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/core/analyze';
import { BulkArticle, BulkDecision, MentionRole, annotateAllEdits, makeTarget, parseSidecar, roleOf, sidecarPath } from '../../server/src/core/annotations';
import { applyEdits } from '../../server/src/core/edits';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { TWO_HAYASHIS, joinLines } from '../helpers';

const REGISTRY = TWO_HAYASHIS;
const registry = loadRegistry([{ path: 'registry.yaml', text: REGISTRY }]);
const ctx = { registry, entityIndex: buildEntityIndex(registry) };

const head = (date: string): string[] => ['---', `date: ${date}`, '---'];
const A = joinLines(...head('2025-10-01'), 'Hayashi met envoys in Osaka on Monday.', 'Later, Hayashi said Japan would keep talking.', '');
const B = joinLines(...head('2025-10-02'), 'Hayashi opened the session.', 'Reporters asked Hayashi about the port deal.', '');
const C = joinLines(...head('2025-10-03'), 'In Tokyo, Hayashi welcomed the delegation.', '').replace(/\n/g, '\r\n');
const D = joinLines(...head('2025-10-04'), 'Hayashi Yoshimasa chaired the meeting with Japanese officials.', '');

const at = (text: string, quote: string, nth = 0): [number, number] => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, `fixture lacks '${quote}'`);
  return [i, i + quote.length];
};

/** B's first Hayashi already linked by a person, with a comment above. */
const B_SIDECAR = joinLines(
  'version: 1',
  'annotations:',
  '  - id: a1',
  '    kind: link',
  '    entity: hayashi-mitsuko',
  '    target:',
  `      quote: Hayashi`,
  `      start: ${at(B, 'Hayashi')[0]}`,
  '',
);
/** C's sidecar: CRLF, comments, a note elsewhere, an id numbered a7. */
const C_SIDECAR = [
  '# Desk decisions for this story',
  'version: 1',
  'annotations:',
  '  # the venue needs checking',
  '  - id: a7',
  '    kind: note',
  '    body: Check the venue.',
  '    target: {quote: Tokyo, start: ' + at(C, 'Tokyo')[0] + '}',
  '',
].join('\r\n');

function article(path: string, text: string, sidecar?: string): BulkArticle {
  const a = analyzeArticle(path, text, ctx, sidecar);
  return { path, sidecarPath: sidecarPath(path), text, entities: a.entities, annotations: a.annotations, sidecar };
}

function workspace(sidecars: Record<string, string | undefined> = { 'b.article': B_SIDECAR, 'c.article': C_SIDECAR }): BulkArticle[] {
  return [['a.article', A], ['b.article', B], ['c.article', C], ['d.article', D]].map(([p, t]) => article(p, t, sidecars[p]));
}

const LINK: BulkDecision = { kind: 'link', entity: 'hayashi-yoshimasa', author: 'desk', created: '2025-11-30T10:00:00Z' };

function hayashiRole(): MentionRole {
  const m = article('a.article', A).entities.find((e) => e.text === 'Hayashi');
  assert.ok(m, 'Hayashi is a mention');
  assert.deepEqual([m.id, [...m.candidates].sort()], [null, ['hayashi-mitsuko', 'hayashi-yoshimasa']], 'Hayashi is ambiguous in the fixture');
  return roleOf(m);
}

test('annotate all: links every undecided ambiguous Hayashi in three articles, one edit per sidecar', () => {
  const r = annotateAllEdits(workspace(), hayashiRole(), LINK);
  assert.deepEqual(r.changes.map((c) => [c.article, c.create, c.ids, c.spans.length]), [
    ['a.article', true, ['a1', 'a2'], 2],
    ['b.article', false, ['a2'], 1],
    ['c.article', false, ['a8'], 1],
  ]);
  assert.equal(r.occurrences, 4);
  assert.equal(r.decided, 1, "B's first Hayashi was decided by a person");
  assert.deepEqual(r.unreadable, []);
  // The spans are the identical mentions, in text order.
  assert.deepEqual(r.changes[0].spans.map((s) => A.slice(s.start, s.end)), ['Hayashi', 'Hayashi']);
  assert.deepEqual(r.changes[1].spans, [{ start: at(B, 'Hayashi', 1)[0], end: at(B, 'Hayashi', 1)[1] }]);
});

test('annotate all: a new sidecar holds the header and one link per occurrence', () => {
  const a = annotateAllEdits(workspace(), hayashiRole(), LINK).changes[0];
  assert.deepEqual([a.edit.path, a.edit.start, a.edit.end], ['a.article.annotations.yaml', 0, 0]);
  const [first, second] = [at(A, 'Hayashi'), at(A, 'Hayashi', 1)];
  const t1 = makeTarget(A, ...first);
  assert.equal(a.edit.newText, joinLines(
    'version: 1',
    'annotations:',
    '  - id: a1',
    '    kind: link',
    '    entity: hayashi-yoshimasa',
    '    target:',
    '      quote: Hayashi',
    `      prefix: ${JSON.stringify(t1.prefix)}`,
    `      suffix: ${JSON.stringify(t1.suffix)}`,
    `      start: ${first[0]}`,
    '    author: desk',
    '    created: "2025-11-30T10:00:00Z"',
    '  - id: a2',
    '    kind: link',
    '    entity: hayashi-yoshimasa',
    '    target:',
    '      quote: Hayashi',
    `      prefix: ${JSON.stringify(makeTarget(A, ...second).prefix)}`,
    `      suffix: ${JSON.stringify(makeTarget(A, ...second).suffix)}`,
    `      start: ${second[0]}`,
    '    author: desk',
    '    created: "2025-11-30T10:00:00Z"',
    '',
  ));
  // Applied, both mentions are linked and the ambiguity is gone.
  const after = analyzeArticle('a.article', A, ctx, a.edit.newText);
  assert.deepEqual(after.entities.filter((e) => e.text === 'Hayashi').map((e) => [e.id, e.annotation]), [['hayashi-yoshimasa', 'a1'], ['hayashi-yoshimasa', 'a2']]);
  assert.ok(!after.findings.some((f) => f.code === 'ambiguous-mention'));
});

test('annotate all: an existing sidecar keeps its text; the CRLF one keeps its comments and line endings', () => {
  const r = annotateAllEdits(workspace(), hayashiRole(), LINK);
  const b = r.changes[1];
  const bNext = applyEdits(B_SIDECAR, [b.edit]).text;
  assert.ok(bNext.startsWith(B_SIDECAR), 'appended, never rewritten');
  assert.deepEqual(parseSidecar(bNext).annotations.map((x) => [x.id, x.entity, x.target.start]), [
    ['a1', 'hayashi-mitsuko', at(B, 'Hayashi')[0]],
    ['a2', 'hayashi-yoshimasa', at(B, 'Hayashi', 1)[0]],
  ]);
  const c = r.changes[2];
  assert.deepEqual([c.edit.start, c.edit.end], [C_SIDECAR.length, C_SIDECAR.length]);
  const cNext = applyEdits(C_SIDECAR, [c.edit]).text;
  assert.ok(cNext.startsWith(C_SIDECAR));
  assert.match(cNext, /^# Desk decisions for this story\r\n/);
  assert.match(cNext, /\r\n {2}# the venue needs checking\r\n/);
  assert.equal(cNext.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF in a CRLF file');
  assert.match(c.edit.newText, /^ {2}- id: a8\r\n {4}kind: link\r\n/);
  // Without a final line break, the insertion starts with one.
  const bare = C_SIDECAR.replace(/\r\n$/, '');
  const noFinal = annotateAllEdits(workspace({ 'c.article': bare }), hayashiRole(), LINK).changes.find((x) => x.article === 'c.article')!;
  assert.match(noFinal.edit.newText, /^\r\n {2}- id: a8\r\n/);
  const after = analyzeArticle('c.article', C, ctx, cNext);
  assert.deepEqual(after.entities.filter((e) => e.text === 'Hayashi').map((e) => [e.id, e.annotation]), [['hayashi-yoshimasa', 'a8']]);
  assert.deepEqual(after.notes?.map((n) => n.annotation), ['a7'], 'the note still applies');
});

test('annotate all: a near-match and the linked full name are not touched', () => {
  const r = annotateAllEdits(workspace(), hayashiRole(), LINK);
  assert.ok(!r.changes.some((c) => c.article === 'd.article'), 'Hayashi Yoshimasa is another text in another role');
  // "Hayashis" and lower-case "hayashi" are other texts: nothing to do in an article that has only them.
  const near = article('e.article', joinLines(...head('2025-10-05'), 'The Hayashis and hayashi rice were mentioned.', ''));
  assert.deepEqual(annotateAllEdits([near], hayashiRole(), LINK).changes, []);
});

test('annotate all: a second run over the applied edits adds nothing (no duplicate annotations)', () => {
  const sidecars: Record<string, string | undefined> = { 'b.article': B_SIDECAR, 'c.article': C_SIDECAR };
  const first = annotateAllEdits(workspace(sidecars), hayashiRole(), LINK);
  const next: Record<string, string | undefined> = { ...sidecars };
  for (const c of first.changes) next[c.article] = applyEdits(sidecars[c.article] ?? '', [c.edit]).text;
  const again = annotateAllEdits(workspace(next), hayashiRole(), LINK);
  assert.deepEqual(again.changes, []);
  assert.equal(again.decided, 5);
  // Linking mentions already linked to that entity is no change either.
  const linked = workspace(next)[0].entities.find((e) => e.text === 'Hayashi')!;
  assert.deepEqual(annotateAllEdits(workspace(next), roleOf(linked), LINK).changes, []);
});

test('annotate all: not-entity on an unknown name, and an entity type on it; links need an id', () => {
  const texts: [string, string][] = [
    ['x.article', joinLines(...head('2025-10-06'), 'Osamu Izawa, a researcher, said the talks went well.', '')],
    ['y.article', joinLines(...head('2025-10-07'), 'According to Osamu Izawa, the port deal is close.', '')],
  ];
  const ws = texts.map(([p, t]) => article(p, t));
  const m = ws[0].entities.find((e) => e.text === 'Osamu Izawa');
  assert.ok(m && m.id === null && !m.candidates.length, 'Osamu Izawa is unknown in the fixture');
  const role = roleOf(m);
  const not = annotateAllEdits(ws, role, { kind: 'not-entity' });
  assert.deepEqual(not.changes.map((c) => [c.article, c.ids]), [['x.article', ['a1']], ['y.article', ['a1']]]);
  assert.match(not.changes[1].edit.newText, /kind: not-entity\n {4}target:\n {6}quote: "Osamu Izawa"\n/);
  assert.doesNotMatch(not.changes[1].edit.newText, /entity:|created:|author:/);
  const after = analyzeArticle('y.article', texts[1][1], ctx, not.changes[1].edit.newText);
  assert.ok(!after.entities.some((e) => e.text === 'Osamu Izawa'));
  assert.ok(!after.findings.some((f) => f.code === 'unknown-entity'));
  const typed = annotateAllEdits(ws, role, { kind: 'entity', type: 'person' });
  assert.match(typed.changes[0].edit.newText, /kind: entity\n {4}type: person\n/);
  assert.deepEqual(annotateAllEdits(ws, role, { kind: 'link' }).changes, [], 'a link without an entity is no decision');
});

test('annotate all: a sidecar that does not parse, or a flow-style list, is left alone and reported', () => {
  const broken = 'version: 1\nannotations:\n  - id: a1\n    kind: [link\n';
  const flow = 'version: 1\nannotations: []\n';
  const r = annotateAllEdits(workspace({ 'b.article': broken, 'c.article': flow }), hayashiRole(), LINK);
  assert.deepEqual(r.changes.map((c) => c.article), ['a.article']);
  assert.deepEqual(r.unreadable, ['b.article', 'c.article']);
});
