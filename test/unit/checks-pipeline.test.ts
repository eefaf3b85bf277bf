/**
 * The consistency checks end to end: registry YAML through the real loader, article text through
 * `analyzeArticle` (real date and entity recognizers), findings with exact ranges marked in the
 * fixture text with `{{…}}`. Complements `checks.test.ts`, which feeds the checks hand-built
 * mentions.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/core/analyze';
import { paragraphPrints } from '../../server/src/core/checks/duplicate-paragraph';
import { eventDateClaims } from '../../server/src/core/checks/event-date-conflict';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { WorkspaceIndex, summarize } from '../../server/src/core/workspace';
import { joinLines, marked } from '../helpers';

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
  '    aliases: [Minister for Foreign Affairs, Minister of Foreign Affairs, Foreign Minister]',
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
  '  - id: iwaya-takeshi',
  '    type: person',
  '    name: Takeshi Iwaya',
  '    family_name: Iwaya',
  '    given_name: Takeshi',
  '    country: japan',
  '    roles:',
  '      - office: japan-foreign-minister',
  '        start: 2024-10-01',
  '        end: 2025-10-21',
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

test('pipeline: role-conflict on the office and person, dated by the paragraph', () => {
  const { text, ranges } = marked(joinLines(
    '---', 'date: 2025-10-01', '---',
    'In January 2025 the talks were opened by Japanese {{Foreign Minister Hayashi Yoshimasa}} in Tokyo.',
    'In May 2022 Japanese Foreign Minister Hayashi Yoshimasa visited Berlin.',
    ''));
  const a = analyzeArticle('a.article', text, ctx);
  const roles = a.findings.filter((f) => f.code === 'role-conflict');
  assert.deepEqual(roles.map((f) => [f.start, f.end]), ranges);
  assert.equal(roles[0].message, 'Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13; in January 2025 the office was held by Takeshi Iwaya. Correct the title or the date.');
  assert.equal(roles[0].related![0].path, 'registry.yaml');
  const hayashi = registry.entities.get('hayashi-yoshimasa')!;
  assert.deepEqual([roles[0].related![0].start, roles[0].related![0].end], hayashi.source.range);
});

test('pipeline: event-date-conflict against the registry, and across articles for an event the registry does not date', () => {
  const { text, ranges } = marked(joinLines(
    '---', 'date: 2025-10-01', '---',
    'The Tokyo Security Talks were held on {{14 April 2025}} with both ministers present.',
    'The Osaka Maritime Forum met in {{June 2025}}, officials said.',
    ''));
  const a = analyzeArticle('a.article', text, ctx);
  const local = a.findings.filter((f) => f.code === 'event-date-conflict');
  assert.deepEqual(local.map((f) => [f.start, f.end]), [ranges[0]]);
  assert.match(local[0].message, /^The registry dates Tokyo Security Talks 14 March 2025 \(2025-03-14\), but this sentence dates it 14 April 2025/);

  const other = joinLines('---', 'date: 2025-10-02', '---', 'The Osaka Maritime Forum met in July 2025, officials said.', '');
  const b = analyzeArticle('b.article', other, ctx);
  const ws = new WorkspaceIndex(registry);
  ws.update('a.article', a);
  assert.deepEqual([...ws.update('b.article', b)], ['a.article']);
  const cross = ws.findingsFor('a.article');
  assert.deepEqual(cross.map((f) => [f.code, f.start, f.end]), [['event-date-conflict', ...ranges[1]]]);
  assert.equal(cross[0].message, 'Osaka Maritime Forum is dated June 2025 here, but b.article dates it July 2025. At most one of them is right: check the date and record it in the registry.');
  assert.equal(other.slice(cross[0].related![0].start, cross[0].related![0].end), 'July 2025');
});

test('pipeline: the checks memoize on the analysis, which the summary reuses; nothing is kept elsewhere', () => {
  const text = joinLines('---', 'date: 2025-10-01', '---',
    'The Osaka Maritime Forum met in June 2025, officials said.', '',
    'The Osaka Maritime Forum met in June 2025, officials said.', '');
  const a = analyzeArticle('a.article', text, ctx);
  // The checks of the analysis made them, in its memo; asked with it, the same objects come back.
  const prints = a.memo!.prints!.prints;
  const claims = a.memo!.claims!.claims;
  assert.equal(paragraphPrints(a.article, undefined, a.memo), prints);
  assert.equal(eventDateClaims(a.article, a.entities, a.dates, a.memo), claims);
  assert.equal(claims.length, 2);
  assert.deepEqual(prints.map((p) => p.first), [0, 0]);
  // Without the memo nothing is cached: made again each time, the same.
  const again = paragraphPrints(a.article);
  assert.notEqual(again, prints);
  assert.notEqual(paragraphPrints(a.article), again);
  assert.deepEqual(again, prints);
  const claimsAgain = eventDateClaims(a.article, a.entities, a.dates);
  assert.notEqual(claimsAgain, claims);
  assert.deepEqual(claimsAgain, claims);
  // Another list of mentions is not answered from the memo.
  assert.deepEqual(eventDateClaims(a.article, [], a.dates, a.memo), []);
  assert.equal(eventDateClaims(a.article, a.entities, a.dates, a.memo).length, 2);
  // The memo is not part of the analysis's data: a copy leaves it behind and summarizes the same.
  assert.ok(!Object.keys(a).includes('memo'));
  const copy = structuredClone(a);
  assert.equal(copy.memo, undefined);
  assert.deepEqual(summarize(copy), summarize(a));
  assert.equal(a.memo!.prints!.prints, prints);
});

test('pipeline: a clean article gets none of the consistency findings', () => {
  const text = joinLines('---', 'date: 2025-03-20', '---',
    'TOKYO, March 20 (Wire) - Japanese Foreign Minister Takeshi Iwaya opened the Tokyo Security Talks on 14 March 2025.',
    'Iwaya said the talks would continue next year.',
    '');
  const a = analyzeArticle('c.article', text, ctx);
  const codes = new Set(['duplicate-paragraph', 'near-duplicate-paragraph', 'role-conflict', 'event-date-conflict', 'metadata-date-conflict']);
  assert.deepEqual(a.findings.filter((f) => codes.has(f.code)), []);
});
