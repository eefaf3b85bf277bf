/**
 * Unknown names, the shapes left after unknown-names.test.ts (issue #17, item 3): hyphenated
 * compounds with a demonym, title-case phrases with no given name and no evidence of a person
 * (exercise names), more document furniture; and the controls that must stay reported.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { buildEntityIndex, recognizeEntities } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { joinLines } from '../helpers';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - { id: norland, type: country, name: Norland, demonyms: [Norlandic] }',
  '  - { id: vesterra, type: country, name: Vesterra, demonyms: [Vesterran] }',
  '',
);

const index = buildEntityIndex(loadRegistry([{ path: 'r.yaml', text: REGISTRY }]));

/** `text (type)` of the unknown mentions at the default threshold. */
function unknowns(text: string): string[] {
  return recognizeEntities(parseArticle(text), index).mentions.filter((m) => m.form === 'unknown').map((m) => `${m.text} (${m.guessedType})`);
}

const ROWS: [string, string, string[]][] = [
  // Hyphenated compounds with a demonym: adjectives, not names.
  ['demonym compound: Israeli-Palestine', 'Hopes for a settlement of the Israeli-Palestine conflict faded again.', []],
  ['demonym compound: Israeli-Palestinian', 'The Israeli-Palestinian talks were put off until the spring.', []],
  ['demonym compound: Saudi-Emirati', 'A Saudi-Emirati plan for the port was tabled on Monday.', []],
  ['demonym compound: Russian-Ukrainian', 'The Russian-Ukrainian border stayed closed through the winter.', []],
  ['demonym compound: Japanese-Korean', 'The Japanese-Korean summit was put off until the spring.', []],
  ['demonym compound: registry demonyms', 'The Norlandic-Vesterran treaty was signed at the border post.', []],
  ['demonym compound control: an Arabic article keeps a name', 'The plan came from Khalid Al-Hashemi, who said the port would reopen.', ['Khalid Al-Hashemi (person)']],
  // Title-case phrases with no given name and no evidence: exercises, operations, slogans.
  ['bare phrase: an exercise name', 'Troops from both countries took part in Locked Shields last year.', []],
  ['bare phrase: another exercise name', 'Ships joined Steadfast Defender off the northern coast in the spring.', []],
  ['bare phrase: an operation nickname', 'Ships sailed north as part of Trident Juncture for a month.', []],
  ['bare phrase with a verb of saying is still reported', 'Iron Harbour said the convoy would sail on Friday.', ['Iron Harbour (person)']],
  ['bare pair with a common given name is reported', 'The plan was drawn up with Karim Benali and his team over the winter.', ['Karim Benali (person)']],
  ['bare pair with a Japanese given name second is reported', 'The plan was drawn up with Izawa Osamu and his team over the winter.', ['Izawa Osamu (person)']],
  ['bare pair after a title is reported', 'The plan was drawn up by Ambassador Pieter Vandenbrouck over the winter.', ['Pieter Vandenbrouck (person)']],
  ['an exercise with its head word is an event', 'Troops took part in Exercise Locked Shields last year.', ['Exercise Locked Shields (event)']],
  // More document furniture at line starts.
  ['furniture: AFP credit line', joinLines('AFP Nadia Farouk in the capital, with the desk in the port city.', 'The talks went on.'), []],
  ['furniture: Getty caption', joinLines('Getty Images / Tarek Mansour at the border crossing in the early morning.', 'The talks went on.'), []],
  ['furniture: Xinhua credit', joinLines('Xinhua Karim Benali reporting from the capital for the evening bulletin.', 'The talks went on.'), []],
  ['furniture: Editing by', joinLines('Editing by Sara Lind and Tom Weller in the regional office downtown.', 'The talks went on.'), []],
  ['furniture: Advertisement', joinLines('Advertisement Harbour Cruises Holidays for the whole family this summer.', 'The talks went on.'), []],
  ['furniture: Subscribe', joinLines('Subscribe to Morning Brief Weekly for the news every working day.', 'The talks went on.'), []],
  ['furniture: Courtesy', joinLines('Courtesy Lena Maas, taken at the quay before the ferry left.', 'The talks went on.'), []],
  ['furniture: Illustration', joinLines('Illustration by Omar Haddad for the weekend supplement of the paper.', 'The talks went on.'), []],
  ['furniture: Footnote', joinLines('Footnote Sami Rahal wrote the first version of this piece in spring.', 'The talks went on.'), []],
  ['furniture: CAPTION in capitals', joinLines('CAPTION: Hana Sato greets the visitors at the door of the old palace.', 'The talks went on.'), []],
];

for (const [shape, text, expected] of ROWS) {
  test(`unknown shapes: ${shape}`, () => {
    assert.deepEqual(unknowns(text), expected, text);
  });
}

test('unknown shapes: a bare phrase with no given name is still offered below the default threshold', () => {
  const text = 'Troops from both countries took part in Locked Shields last year.';
  const m = recognizeEntities(parseArticle(text), index, { unknownMinConfidence: 0.3 }).mentions.find((x) => x.text === 'Locked Shields');
  assert.equal(m?.confidence, 0.4);
});
