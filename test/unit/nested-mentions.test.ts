/**
 * Nested mentions (issue #17, item 2): the organization or country named inside an office
 * mention is a mention of its own (`nested: true`), counted, exported and highlighted; the
 * parent organization inside one of its bodies too. Also the acronym an organization shares with
 * its bodies, and event names in headline title case (item 3).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../server/src/core/article';
import { buildEntityIndex, recognizeEntities } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { flatten } from '../../server/src/lsp/semanticTokens';
import { joinLines } from '../helpers';
import { cli, workspace } from './cliRun';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - { id: eu, type: organization, name: European Union, aliases: [EU] }',
  '  - { id: eu-hr, type: office, name: High Representative of the Union for Foreign Affairs and Security Policy, aliases: [EU foreign policy chief, EU High Representative], of: eu }',
  '  - { id: gcc, type: organization, name: Gulf Cooperation Council, aliases: [GCC] }',
  '  - { id: gcc-sg, type: office, name: Secretary General of the Gulf Cooperation Council, aliases: [GCC Secretary General, GCC Secretary-General], of: gcc }',
  '  - { id: gcc-secretariat, type: organization, name: GCC Secretariat General, aliases: [GCC Secretariat, GCC] }',
  '  - { id: gcc-mc, type: organization, name: Ministerial Council, aliases: [GCC Ministerial Council] }',
  '  - { id: nato, type: organization, name: North Atlantic Treaty Organization, aliases: [NATO] }',
  '  - { id: nato-sg, type: office, name: Secretary General of NATO, aliases: [NATO Secretary-General, NATO chief], of: nato }',
  '  - { id: japan, type: country, name: Japan, demonyms: [Japanese] }',
  '  - { id: japan-pm, type: office, name: Prime Minister of Japan, aliases: [Japanese Prime Minister, Prime Minister], of: japan }',
  '  - { id: qatar, type: country, name: Qatar, demonyms: [Qatari] }',
  '  - { id: qatar-fm, type: office, name: Minister of Foreign Affairs of Qatar, aliases: [Qatari Foreign Minister, Foreign Minister], of: qatar }',
  '  - { id: au, type: organization, name: African Union, aliases: [AU] }',
  '  - { id: au-chair, type: office, name: Chairperson of the African Union Commission, aliases: [AU Commission chief], of: au }',
  '  - { id: asean, type: organization, name: Association of Southeast Asian Nations, aliases: [ASEAN] }',
  '  - { id: asean-sg, type: office, name: ASEAN Secretary-General, aliases: [Secretary-General of ASEAN], of: asean }',
  '  - { id: mari-tanaka, type: person, name: Tanaka Mari, family_name: Tanaka, given_name: Mari, name_order: family-first }',
  '  - { id: gcc-61, type: event, name: 61st Ministerial Council Meeting, aliases: [61st GCC Ministerial Council Meeting] }',
  '  - { id: doha-forum-2025, type: event, name: Doha Forum 2025, aliases: [Doha Forum] }',
  '  - { id: doha, type: place, name: Doha }',
  '  - { id: sanliurfa-water, type: event, name: Şanlıurfa talks on water }',
  '',
);

const registry = loadRegistry([{ path: 'r.yaml', text: REGISTRY }]);
const index = buildEntityIndex(registry);

function mentionsOf(text: string) {
  return recognizeEntities(parseArticle(text), index).mentions;
}

/** `text → id` of the nested mentions, in order. */
function nested(text: string): string[] {
  return mentionsOf(text).filter((m) => m.nested).map((m) => `${m.text} → ${m.id ?? m.candidates.join('|')}`);
}

const NESTED_ROWS: [string, string, string[]][] = [
  ['EU inside the EU foreign policy chief', 'The EU foreign policy chief arrived in the capital on Tuesday.', ['EU → eu']],
  ['EU inside the EU High Representative', 'A letter from the EU High Representative reached the ministry.', ['EU → eu']],
  ['Gulf Cooperation Council inside its Secretary General', 'The Secretary General of the Gulf Cooperation Council opened the session.', ['Gulf Cooperation Council → gcc']],
  ['GCC inside the GCC Secretary-General', 'The GCC Secretary-General thanked the hosts for the meeting.', ['GCC → gcc']],
  ['Japan inside the Prime Minister of Japan', 'The Prime Minister of Japan flew to the summit on Sunday.', ['Japan → japan']],
  ['a demonym inside an office: Japanese Prime Minister', 'The Japanese Prime Minister flew to the summit on Sunday.', ['Japanese → japan']],
  ['Qatar inside the Minister of Foreign Affairs of Qatar', 'The Minister of Foreign Affairs of Qatar met the envoy in the evening.', ['Qatar → qatar']],
  ['Qatari inside the Qatari Foreign Minister', 'The Qatari Foreign Minister met the envoy in the evening.', ['Qatari → qatar']],
  ['NATO at the end of an office', 'A statement from the Secretary General of NATO followed the vote.', ['NATO → nato']],
  ['NATO at the start of an office', 'The NATO Secretary-General visited the plant near the port.', ['NATO → nato']],
  ['NATO in a lower-case title', 'The NATO chief visited the plant near the port.', ['NATO → nato']],
  ['African Union inside a long office name', 'The Chairperson of the African Union Commission called for calm.', ['African Union → au']],
  ['AU inside an alias', 'The AU Commission chief called for calm in the region.', ['AU → au']],
  ['ASEAN inside both forms', 'The ASEAN Secretary-General and the Secretary-General of ASEAN are one office.', ['ASEAN → asean', 'ASEAN → asean']],
  ['the parent organization inside a body', 'The GCC Ministerial Council met in the morning.', ['GCC → gcc']],
  ['no nested mention in a bare office', 'The Prime Minister flew to the summit on Sunday.', []],
  ['no nested mention in a bare foreign minister', 'The Foreign Minister met the envoy in the evening.', []],
  ['nothing nested in a plain country mention', 'Japan and Qatar signed the accord.', []],
  ['nothing nested in a person', 'Tanaka Mari met the envoy in the evening.', []],
  ['nothing nested in an event', 'The Doha Forum opened in the morning.', []],
];

for (const [name, text, expected] of NESTED_ROWS) {
  test(`nested mentions: ${name}`, () => {
    assert.deepEqual(nested(text), expected, text);
  });
}

test('nested mentions: the office keeps its own mention and its person, and the nested one lies inside it', () => {
  const text = 'The Prime Minister of Japan, Tanaka Mari, flew to the summit.';
  const ms = mentionsOf(text);
  const office = ms.find((m) => m.type === 'office')!;
  const inner = ms.find((m) => m.nested)!;
  assert.equal(office.id, 'japan-pm');
  assert.equal(office.text, 'Prime Minister of Japan');
  assert.ok(inner.start >= office.start && inner.end <= office.end);
  assert.equal(ms.find((m) => m.type === 'person')?.office, 'japan-pm');
  // Exactly one Japan mention: the nested one is not counted twice.
  assert.equal(ms.filter((m) => m.id === 'japan').length, 1);
});

test('nested mentions: an acronym shared by an organization and its bodies links to the organization', () => {
  const text = 'The Ministerial Council met on Sunday, and the GCC said the talks would go on.';
  const gcc = mentionsOf(text).find((m) => m.text === 'GCC')!;
  assert.equal(gcc.id, 'gcc');
  assert.deepEqual(gcc.candidates, []);
  const r = recognizeEntities(parseArticle(text), index);
  assert.deepEqual(r.findings.filter((f) => f.code === 'ambiguous-mention'), []);
});

/** Headline title case matched against event names, in headline paragraphs only. */
const HEADLINE_ROWS: [string, string, string, string | null][] = [
  ['a title-cased ordinal', joinLines('GCC Holds 61St Ministerial Council Meeting In Doha', '', 'The ministers met on Sunday.'), '61St Ministerial Council Meeting', 'gcc-61'],
  ['an alias in capitals', joinLines('GCC HOLDS 61ST GCC MINISTERIAL COUNCIL MEETING', '', 'The ministers met on Sunday.'), '61ST GCC MINISTERIAL COUNCIL MEETING', 'gcc-61'],
  ['the event, not the body it names', joinLines('Ministers Gather For 61St Ministerial Council Meeting', '', 'The ministers met on Sunday.'), '61St Ministerial Council Meeting', 'gcc-61'],
  ['an event with a year', joinLines('Leaders Head To Doha Forum 2025 As Talks Resume', '', 'The ministers met on Sunday.'), 'Doha Forum 2025', 'doha-forum-2025'],
  // Its first word stays non-ASCII when folded (ı): no ASCII hash rules it out.
  ['a first word not in ASCII', joinLines('Ministers Open Şanlıurfa Talks On Water In Ankara', '', 'The ministers met on Sunday.'), 'Şanlıurfa Talks On Water', 'sanliurfa-water'],
  ['the exact case still matches in prose', 'The 61st Ministerial Council Meeting was held in Doha on Sunday.', '61st Ministerial Council Meeting', 'gcc-61'],
];

for (const [name, text, form, id] of HEADLINE_ROWS) {
  test(`headline case: ${name}`, () => {
    const at = text.indexOf(form);
    const m = mentionsOf(text).find((x) => x.start === at && x.end === at + form.length && !x.nested);
    assert.equal(m?.id, id, text);
    assert.equal(m?.type, 'event');
    // The body inside it is not a mention of its own any more.
    assert.equal(mentionsOf(text).filter((x) => x.id === 'gcc-mc').length, 0, text);
  });
}

test('headline case: lower-case prose does not match an event name without its case', () => {
  const text = 'The ministers said the 61st ministerial council meeting would be short, and the Ministerial Council agreed.';
  const ms = mentionsOf(text);
  assert.equal(ms.filter((m) => m.id === 'gcc-61').length, 0);
  assert.equal(ms.filter((m) => m.id === 'gcc-mc').length, 1);
});

test('semantic tokens: a nested span splits the office around it; an overlap that does not nest is dropped', () => {
  const spans = [
    { start: 4, end: 27, type: 1 },
    { start: 22, end: 27, type: 2 },
    { start: 30, end: 40, type: 1 },
    { start: 35, end: 45, type: 2 },
    { start: 50, end: 60, type: 1 },
    { start: 50, end: 53, type: 2 },
  ];
  assert.deepEqual(flatten(spans).map((s) => [s.start, s.end, s.type]), [[4, 22, 1], [22, 27, 2], [30, 40, 1], [50, 53, 2], [53, 60, 1]]);
});

test('analyze --json and export: the nested mention is its own entry, marked nested, and its own brat span', () => {
  const dir = workspace({
    'registry.yaml': REGISTRY,
    'a.article': 'The Prime Minister of Japan met the NATO Secretary-General in Tokyo.\n',
  });
  const r = cli(['analyze', '--json', 'a.article'], dir);
  assert.equal(r.code, 0, r.err);
  const ents = (JSON.parse(r.out) as { files: { entities: { text: string; id: string; nested?: boolean }[] }[] }).files[0].entities;
  assert.deepEqual(ents.map((e) => `${e.text}${e.nested ? ' (nested)' : ''}`), ['Prime Minister of Japan', 'Japan (nested)', 'NATO (nested)', 'NATO Secretary-General']);
  const jsonl = cli(['export', '--format', 'jsonl', 'a.article'], dir);
  const lines = jsonl.out.trim().split('\n').map((l) => JSON.parse(l) as { text: string; nested?: boolean });
  assert.deepEqual(lines.filter((l) => l.nested).map((l) => l.text), ['Japan', 'NATO']);
  const brat = cli(['export', '--format', 'brat', '--out', 'out', 'a.article'], dir);
  assert.equal(brat.code, 0, brat.err);
  const ann = readFileSync(join(dir, 'out', 'a.ann'), 'utf8');
  assert.match(ann, /^T\d+\tCountry 22 27\tJapan$/m);
  assert.match(ann, /^T\d+\tOffice 4 27\tPrime Minister of Japan$/m);
  assert.match(ann, /^T\d+\tOrganization 36 40\tNATO$/m);
});

test('annotations: "not an entity" on a nested mention removes it alone, and the office stays', () => {
  const dir = workspace({
    'registry.yaml': REGISTRY,
    'a.article': 'The EU foreign policy chief arrived on Tuesday.\n',
    'a.article.annotations.yaml': joinLines(
      'version: 1',
      'annotations:',
      '  - id: n1',
      '    kind: not-entity',
      '    target: { quote: EU, prefix: "The ", suffix: " foreign", start: 4 }',
      '',
    ),
  });
  const r = cli(['analyze', '--json', 'a.article'], dir);
  assert.equal(r.code, 0, r.err);
  const ents = (JSON.parse(r.out) as { files: { entities: { text: string; id: string }[] }[] }).files[0].entities;
  assert.deepEqual(ents.map((e) => `${e.text} → ${e.id}`), ['EU foreign policy chief → eu-hr']);
});
