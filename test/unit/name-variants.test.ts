/**
 * Short forms of particle and hyphenated names (issue #17, item 1): derived from the registry's
 * names, aliases and family names; linked to the earlier full mention, else to the only person
 * having that form, else reported as ambiguous.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { recognizeEntities } from '../../server/src/core/entities';
import { joinLines } from '../helpers';
import { linker } from './links';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - { id: ahmed-aljaber, type: person, name: Ahmed Aljaber, family_name: Aljaber, given_name: Ahmed, aliases: [Ahmed Al-Jaber] }',
  '  - { id: ursula-vdl, type: person, name: Ursula von der Leyen }',
  '  - { id: khalid-bin-salman, type: person, name: Khalid bin Salman }',
  '  - { id: charles-de-gaulle, type: person, name: Charles de Gaulle }',
  '  - { id: pieter-van-den-berg, type: person, name: Pieter van den Berg }',
  '  - { id: ana-de-la-fuente, type: person, name: Ana de la Fuente }',
  '  - { id: joao-dos-santos, type: person, name: João dos Santos }',
  '  - { id: mohammed-al-thani, type: person, name: Mohammed bin Abdulrahman Al Thani }',
  '  - { id: tamim-al-thani, type: person, name: Tamim bin Hamad Al Thani }',
  '',
);

const { index, linkOf } = linker(REGISTRY);

const ROWS: [string, string, string, string | null | undefined, string[]][] = [
  ['hyphenated, after the alias', 'Ahmed Al-Jaber opened the session. Later, Al-Jaber said the talks would go on.', 'Al-Jaber', 'ahmed-aljaber', []],
  ['hyphenated, alone and unique', 'The talks went on, Al-Jaber told the delegates in the hall.', 'Al-Jaber', 'ahmed-aljaber', []],
  ['spaced particle for a hyphenated name', 'The talks went on, Al Jaber told the delegates in the hall.', 'Al Jaber', 'ahmed-aljaber', []],
  ['German particles', 'Ursula von der Leyen arrived at noon. Then von der Leyen met the press.', 'von der Leyen', 'ursula-vdl', []],
  ['German particles, capitalized at a sentence start', 'The talks ended. Von der Leyen met the press afterwards.', 'Von der Leyen', 'ursula-vdl', []],
  ['Arabic bin', 'The visit was led by bin Salman, who met the governors.', 'bin Salman', 'khalid-bin-salman', []],
  ['French de', 'The speech quoted de Gaulle twice in its closing lines.', 'de Gaulle', 'charles-de-gaulle', []],
  ['Dutch van den', 'The report was written by van den Berg and two aides.', 'van den Berg', 'pieter-van-den-berg', []],
  ['Spanish de la', 'The budget was presented by de la Fuente in the morning.', 'de la Fuente', 'ana-de-la-fuente', []],
  ['Portuguese dos', 'The proposal came from dos Santos after the vote.', 'dos Santos', 'joao-dos-santos', []],
  ['Al Thani after one full name', 'Tamim bin Hamad Al Thani received the envoy. Al Thani thanked him.', 'Al Thani', 'tamim-al-thani', []],
  ['Al Thani after the other full name', 'Mohammed bin Abdulrahman Al Thani received the envoy. Al Thani thanked him.', 'Al Thani', 'mohammed-al-thani', []],
];

for (const [name, text, form, id] of ROWS) {
  test(`name variants: ${name}`, () => {
    const got = linkOf(text, form);
    assert.equal(got.id, id, text);
    assert.deepEqual(got.codes, [], text);
  });
}

test('name variants: Al Thani with no full mention before it is ambiguous, with both candidates', () => {
  const got = linkOf('The envoy was received by Al Thani in the afternoon.', 'Al Thani');
  assert.equal(got.id, null);
  assert.deepEqual(got.candidates, ['mohammed-al-thani', 'tamim-al-thani']);
  assert.deepEqual(got.codes, ['ambiguous-mention']);
});

test('name variants: particles in ordinary words or unknown names link nothing', () => {
  for (const text of ['The de facto border was closed.', 'The study by Smith et al. Reports came later.', 'The visit was led by bin Rashid, who met the governors.', 'The visit was led by Khalid Al-Jaber, who met the governors.']) {
    const r = recognizeEntities(parseArticle(text), index);
    assert.deepEqual(r.mentions.filter((m) => m.form !== 'unknown').map((m) => m.text), [], text);
  }
});
