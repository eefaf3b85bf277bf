/**
 * Issue 13, item 5: a finding that depends on a date the recognizer was unsure of says so and is
 * lowered one severity level (error → warning → information → hint), once, in `finalizeFindings`.
 * Articles go through the real pipeline; the recognizer's `uncertain` mark is set on its output
 * where it does not set it itself (an ambiguous numeric date, a tense guessed without a verb).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle, finalizeFindings, markUncertainDates } from '../../server/src/core/analyze';
import { applyAnnotations, parseSidecar } from '../../server/src/core/annotations';
import { CheckContext } from '../../server/src/core/checks';
import { roleConflict } from '../../server/src/core/checks/role-conflict';
import { eventDateConflict } from '../../server/src/core/checks/event-date-conflict';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import { DateMention, Finding, finding } from '../../server/src/core/types';
import { joinLines } from '../helpers';

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
  '    aliases: [Foreign Minister]',
  '    of: japan',
  '  - id: hayashi-yoshimasa',
  '    type: person',
  '    name: Hayashi Yoshimasa',
  '    family_name: Hayashi',
  '    given_name: Yoshimasa',
  '    name_order: family-first',
  '    roles:',
  '      - office: japan-foreign-minister',
  '        start: 2021-11-10',
  '        end: 2023-09-13',
  '  - id: tokyo-talks',
  '    type: event',
  '    name: Tokyo Security Talks',
  '    date: 2025-03-14',
  '  - id: osaka-forum',
  '    type: event',
  '    name: Osaka Maritime Forum',
  '',
);
const registry = loadRegistry([{ path: 'registry.yaml', text: REGISTRY }]);
const ctx = { registry, entityIndex: buildEntityIndex(registry) };

const AMBIGUOUS = "'3 March 2025' could be read as 3 April 2025 (ambiguous numeric order)";

/** The article's analysis with the date written `surface` marked uncertain. */
function analyzedWith(path: string, text: string, surface: string, reason: string) {
  const a = analyzeArticle(path, text, ctx);
  const dates: DateMention[] = a.dates.map((d) => (d.text === surface ? { ...d, uncertain: reason } : d));
  assert.ok(dates.some((d) => d.uncertain), `'${surface}' is not a date here`);
  const check: CheckContext = { path, article: a.article, entities: a.entities, dates, registry };
  return { a: { ...a, dates }, check };
}

test('uncertain: a role-conflict judged at an uncertain date says so and is information, not warning', () => {
  const text = joinLines('---', 'date: 2023-05-10', '---', 'Foreign Minister Hayashi Yoshimasa met his German counterpart in Berlin on 3 March 2025.', '');
  const sure = analyzeArticle('a.article', text, ctx).findings.filter((f) => f.code === 'role-conflict');
  assert.equal(sure.length, 1);
  assert.equal(sure[0].severity, 'warning');
  const { check } = analyzedWith('a.article', text, '3 March 2025', AMBIGUOUS);
  const [f] = finalizeFindings(roleConflict(check), undefined);
  assert.equal(f.severity, 'information');
  assert.equal(f.message, `${sure[0].message} (the date is uncertain: ${AMBIGUOUS})`);
});

test('uncertain: an event-date-conflict is uncertain when any date of its sentence is', () => {
  const text = joinLines('---', 'date: 2025-10-01', '---', 'The Tokyo Security Talks opened on 14 April 2025, a week after the visit of 7 April 2025.', '');
  const { check } = analyzedWith('a.article', text, '7 April 2025', 'a weekday read without a verb');
  const fs = finalizeFindings(eventDateConflict(check), undefined);
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), '14 April 2025');
  assert.equal(fs[0].severity, 'information');
  assert.match(fs[0].message, / \(the date is uncertain: a weekday read without a verb\)$/);
});

test('uncertain: severity settings apply first, the downgrade stops at hint, and finalizing twice changes nothing', () => {
  const f: Finding = finding('role-conflict', 0, 5, 'Hayashi Yoshimasa was not Foreign Minister then.', { uncertain: 'a guessed tense' });
  const asError = finalizeFindings([f], { severities: { 'role-conflict': 'error' } });
  assert.equal(asError[0].severity, 'warning');
  assert.deepEqual(finalizeFindings(asError, { severities: { 'role-conflict': 'error' } }), asError);
  // The server finalizes the analysis's findings again with its settings: no second downgrade or suffix.
  const once = finalizeFindings([f], undefined);
  assert.deepEqual(finalizeFindings(once, undefined), once);
  assert.equal(once[0].message, 'Hayashi Yoshimasa was not Foreign Minister then. (the date is uncertain: a guessed tense)');
  assert.equal(finalizeFindings([f], { severities: { 'role-conflict': 'hint' } })[0].severity, 'hint');
  assert.deepEqual(finalizeFindings([f], { severities: { 'role-conflict': 'off' } }), []);
  // A finding that depends on no uncertain date is left alone.
  const plain = finding('role-conflict', 0, 5, 'Plain.');
  assert.deepEqual(finalizeFindings([plain], undefined), [plain]);
});

test('uncertain: a weekday-mismatch or invalid-date on an uncertain date is marked; other codes are not', () => {
  const text = joinLines('---', 'date: 2025-10-01', '---', 'The envoys met on Monday, 3/9/2025, in Tokyo, and on 30/2/2025 in Osaka.', '');
  const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
  const date = (s: string, value: string | null, uncertain?: string): DateMention =>
    ({ start: at(s)[0], end: at(s)[1], text: s, value, kind: 'absolute', granularity: 'day', resolution: { rule: 'test' }, ...(uncertain ? { uncertain } : {}) });
  const dates = [date('Monday, 3/9/2025', '2025-09-03', 'day and month order unknown: 3 September or 9 March'), date('30/2/2025', null)];
  const raw = [
    finding('weekday-mismatch', ...at('Monday'), 'Monday does not match the date.'),
    finding('invalid-date', ...at('30/2/2025'), '30 February 2025 does not exist.'),
    finding('unknown-entity', ...at('Tokyo'), 'Not in the registry.'),
  ];
  markUncertainDates(raw, dates);
  assert.deepEqual(raw.map((f) => f.uncertain), ['day and month order unknown: 3 September or 9 March', undefined, undefined]);
  const [w] = finalizeFindings(raw, undefined);
  assert.equal(w.severity, 'information');
  assert.equal(w.message, 'Monday does not match the date. (the date is uncertain: day and month order unknown: 3 September or 9 March)');
});

test('uncertain: a cross-article event-date-conflict with an uncertain date in either article', () => {
  const a = analyzeArticle('a.article', joinLines('---', 'date: 2025-10-01', '---', 'The Osaka Maritime Forum met in June 2025, officials said.', ''), ctx);
  const b = analyzedWith('b.article', joinLines('---', 'date: 2025-10-02', '---', 'The Osaka Maritime Forum met in July 2025, officials said.', ''), 'July 2025', 'a month read without a verb').a;
  const ws = new WorkspaceIndex(registry);
  ws.update('a.article', a);
  ws.update('b.article', b);
  const [fa] = ws.findingsFor('a.article');
  const [fb] = ws.findingsFor('b.article');
  for (const f of [fa, fb]) {
    assert.equal(f.code, 'event-date-conflict');
    assert.equal(f.severity, 'information');
    assert.match(f.message, /\(the date is uncertain: a month read without a verb\)$/);
  }
});

test('uncertain: a date a person corrected by annotation is certain, and what depends on it is no longer downgraded', () => {
  const text = joinLines('---', 'date: 2023-05-10', '---', 'Foreign Minister Hayashi Yoshimasa met his German counterpart in Berlin on 3 March 2025.', '');
  const { a } = analyzedWith('a.article', text, '3 March 2025', AMBIGUOUS);
  const sidecar = joinLines('version: 1', 'annotations:', '  - id: a1', '    kind: date', '    value: "2025-03-04"', '    target: {quote: 3 March 2025, prefix: "in Berlin on "}', '');
  const applied = applyAnnotations({ text, annotations: parseSidecar(sidecar).annotations, entities: a.entities, dates: a.dates, findings: [], registry });
  const d = applied.dates.find((x) => x.text === '3 March 2025')!;
  assert.deepEqual([d.value, d.uncertain, d.anchor, d.annotation], ['2025-03-04', undefined, 'none', 'a1']);
  const check: CheckContext = { path: 'a.article', article: a.article, entities: applied.entities, dates: applied.dates, registry };
  const [f] = finalizeFindings(roleConflict(check), undefined);
  assert.equal(f.severity, 'warning');
  assert.doesNotMatch(f.message, /uncertain/);
});

test('uncertain end to end: a weekday with no verb to set its tense weakens the role-conflict it decides', () => {
  // Published Tuesday 17 October 2023, after the tenure ended: with no verb, "on Monday" is read as
  // the day before (tense guessed), outside the tenure, so the conflict is information, saying why.
  const guessed = joinLines('---', 'date: 2023-10-17', '---', 'Foreign Minister Hayashi Yoshimasa in Berlin on Monday for talks with his German counterpart.', '');
  const [f] = analyzeArticle('a.article', guessed, ctx).findings.filter((x) => x.code === 'role-conflict');
  assert.equal(f.severity, 'information');
  assert.match(f.message, /on 16 October 2023\. .*\(the date is uncertain: tense guessed: no verb in the sentence\)$/);
  // The same sentence with a past-tense verb: the tense is known, the warning stands.
  const known = guessed.replace('Yoshimasa in Berlin', 'Yoshimasa was in Berlin');
  const [g] = analyzeArticle('a.article', known, ctx).findings.filter((x) => x.code === 'role-conflict');
  assert.equal(g.severity, 'warning');
  assert.doesNotMatch(g.message, /uncertain/);
});

test('the date after the name decides the role check: a past tenure named at its own date is no conflict', () => {
  const text = joinLines('---', 'date: 2025-03-05', '---', 'Foreign Minister Hayashi Yoshimasa met his German counterpart in Berlin on 3 March 2023.', '');
  assert.deepEqual(analyzeArticle('a.article', text, ctx).findings.filter((x) => x.code === 'role-conflict'), []);
  const later = text.replace('3 March 2023', '3 March 2025');
  assert.equal(analyzeArticle('a.article', later, ctx).findings.filter((x) => x.code === 'role-conflict').length, 1);
});

test('attache.dates.numericOrder: an ambiguous numeric date read month first is uncertain under auto, and the setting decides', () => {
  const text = joinLines('---', 'date: 2024-01-15', '---', 'Foreign Minister Hayashi Yoshimasa met his German counterpart in Berlin on 10/09/2023.', '');
  const roles = (numericOrder?: 'auto' | 'mdy' | 'dmy'): Finding[] =>
    analyzeArticle('a.article', text, { ...ctx, settings: { numericOrder } }).findings.filter((f) => f.code === 'role-conflict');
  // auto, nothing in the article decides: 9 October 2023 (after the tenure), downgraded, saying why.
  const [auto] = roles();
  assert.equal(auto.severity, 'information');
  assert.match(auto.message, /\(the date is uncertain: ambiguous numeric date: read as month\/day\/year \(attache\.dates\.numericOrder\)\)$/);
  // mdy: the same reading, certain; dmy: 10 September 2023, inside the tenure: no conflict.
  assert.deepEqual(roles('mdy').map((f) => f.severity), ['warning']);
  assert.deepEqual(roles('dmy'), []);
  // auto, with a day-first date elsewhere in the article: read day first, certain.
  const dayFirst = text.replace('2023.', '2023, and again on 25/09/2023.');
  assert.deepEqual(analyzeArticle('a.article', dayFirst, ctx).findings.filter((f) => f.code === 'role-conflict'), []);
});
