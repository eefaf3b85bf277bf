/**
 * Unknown names (issue #17, item 3): the unknown-entity guess weighs evidence. Table rows, one
 * shape each: document furniture, headings, document titles, honorifics (whole and cut off),
 * verbs of saying, appositions, known name parts, and the guessed type of the head word.
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
  '  - { id: norland, type: country, name: Norland }',
  '  - { id: anna-lindqvist, type: person, name: Anna Lindqvist, family_name: Lindqvist, given_name: Anna, country: norland }',
  '',
);

const index = buildEntityIndex(loadRegistry([{ path: 'r.yaml', text: REGISTRY }]));

/** `[text, guessed type]` of the unknown mentions. */
function unknowns(text: string, unknownMinConfidence?: number): [string, string | undefined][] {
  return recognizeEntities(parseArticle(text), index, { unknownMinConfidence }).mentions
    .filter((m) => m.form === 'unknown').map((m) => [m.text, m.guessedType]);
}

function confidence(text: string, name: string): number | undefined {
  return recognizeEntities(parseArticle(text), index).mentions.find((m) => m.form === 'unknown' && m.text === name)?.confidence;
}

/** A prose line after a heading or caption, so the paragraph as a whole is not headline case. */
const PROSE = 'the delegations met on the quay and talked about the ferry timetable for most of the morning.';

const NONE: [string, string][] = [];

const ROWS: [string, string, [string, string][]][] = [
  // Document furniture at a line start, or a credit right before the name.
  ['furniture: Photo', 'Photo: Layla Haddad walks past the gates of the old harbour before the meeting.', NONE],
  ['furniture: PHOTO in capitals', 'PHOTO: Layla Haddad walks past the gates of the old harbour before the meeting.', NONE],
  ['furniture: File', 'File picture of Tarek Mansour arriving at the airport for the border talks.', NONE],
  ['furniture: Reuters credit', 'Reuters reporting by Tarek Mansour in the capital, with editing by the desk.', NONE],
  ['furniture: Translation notice', 'Translation by Miriam Oduya from the original text in the other language.', NONE],
  ['furniture: Copyright line', 'Copyright Lagoon Wire Services, all rights to the published material are kept.', NONE],
  ['furniture: Related link', 'Related: Karim Benali to visit the capital for a round of talks on the crossing.', NONE],
  ['furniture: Read more link', 'Read more: Karim Benali to visit the capital for a round of talks on the crossing.', NONE],
  ['furniture: bulleted caption', '• Caption: Nadia Farouk greets the delegation at the entrance of the old palace.', NONE],
  ['furniture: credit after a bar', 'The minister spoke to the crowd in the hall. | Photo: Samir Qadri', NONE],
  ['furniture: control without it', 'Layla Haddad walks past the gates of the old harbour before the meeting.', [['Layla Haddad', 'person']]],
  // Headings in title case, capitalized function words, document titles.
  ['heading: title-case line over prose', joinLines('Karim Benali, Sara Lind Tour Harbour Project', PROSE), NONE],
  ['heading: control as a sentence', joinLines('Karim Benali toured the harbour project,', PROSE), [['Karim Benali', 'person']]],
  // Nearly every long word capitalized, but a verb of saying makes the line a sentence.
  ['heading: capitalized line with a verb of saying', joinLines('Karim Benali, Sara Lind said Harbour Project Works', PROSE), [['Karim Benali', 'person'], ['Sara Lind', 'person'], ['Harbour Project Works', 'person']]],
  ['heading: capitalized Of The inside a span', 'Delegates from the Council Of The Northern Provinces arrived late in the evening.', NONE],
  ['document title: Press Release', 'The office put out a Press Release about the visit later that day.', NONE],
  ['document title: Fact Sheet', 'A Fact Sheet on the ferry was handed to the reporters at the quay.', NONE],
  ['document title: Final Communique', 'The text of the Final Communique was agreed after midnight by both sides.', NONE],
  ['document title: Joint Statement', 'The two sides issued a Joint Statement when the talks ended in the evening.', NONE],
  // Honorifics and titles: whole, truncated, cut off.
  ['honorific: H.E. Mr before a name', 'The prize went to H.E. Mr Faisal Nouri, who thanked the organisers warmly.', [['Faisal Nouri', 'person']]],
  ['honorific: truncated H.E. Mr', 'The letter was signed by H.E. Mr on behalf of the delegation at the ceremony.', NONE],
  ['honorific: cut-off Parliamentary Vice', 'The statement was read by the Parliamentary Vice on behalf of the minister.', NONE],
  ['honorific: cut-off Deputy Assistant', 'The note went to the Deputy Assistant before the vote in the chamber.', NONE],
  ['honorific: Dr', 'The clinic was opened by Dr Hana Sato with volunteers from the town.', [['Hana Sato', 'person']]],
  ['honorific: Ambassador', 'Ambassador Pieter Claes arrived in the port city on a short working visit.', [['Pieter Claes', 'person']]],
  ['honorific: Minister', 'The award was handed over by Minister Ruth Okafor in a short ceremony.', [['Ruth Okafor', 'person']]],
  ['honorific: Sheikh', 'The guests were welcomed by Sheikh Hamad Bin Rashid at the gate.', [['Hamad Bin Rashid', 'person']]],
  // Verbs of saying and appositions.
  ['saying: said after', 'Lars Henning said the port would reopen in the spring after the repairs.', [['Lars Henning', 'person']]],
  ['saying: said before', '"We will stay," said Lars Henning in the small office by the pier.', [['Lars Henning', 'person']]],
  ['saying: according to', 'According to Lars Henning, the port will reopen in the spring.', [['Lars Henning', 'person']]],
  ['saying: told', 'Lars Henning told reporters the port would reopen in the spring.', [['Lars Henning', 'person']]],
  ['saying: who added', 'The plan came from Lars Henning, who added that the port would reopen.', [['Lars Henning', 'person']]],
  ['apposition: lower-case title', 'The bridge was opened by Lars Henning, the deputy governor of the province.', [['Lars Henning', 'person']]],
  ['bare: no evidence', 'The plan was drawn up with Lars Henning and his team over the winter.', [['Lars Henning', 'person']]],
  ['verb-like word: Breaking News', 'The banner read Breaking News across the screen all through the night.', NONE],
  // Type guesses from the head word.
  ['organization: Agency', 'The Harbour Safety Agency issued new rules for the ferries this week.', [['Harbour Safety Agency', 'organization']]],
  ['organization: Council', 'A report from the Coastal Defence Council was sent to the parliament.', [['Coastal Defence Council', 'organization']]],
  ['organization: Ministry', 'The Fisheries Ministry said the quotas would not change next season.', [['Fisheries Ministry', 'organization']]],
  ['organization: Committee', 'The Water Rights Committee will meet again after the summer break.', [['Water Rights Committee', 'organization']]],
  ['organization: newspaper Herald', 'An interview in the Lagoon Herald drew a sharp reply from the port office.', [['Lagoon Herald', 'organization']]],
  ['organization: newspaper Awsat', 'He gave an interview to Asharq Al-Awsat that was published this week.', [['Asharq Al-Awsat', 'organization']]],
  ['organization: newspaper Times', 'The story was first reported by the Riverside Times on its website.', [['Riverside Times', 'organization']]],
  ['organization: newspaper Post', 'An editorial in the Harbour Post called for a new bridge over the river.', [['Harbour Post', 'organization']]],
  ['organization: newspaper Gazette', 'A letter to the Marsh Gazette raised the question of ferry fares.', [['Marsh Gazette', 'organization']]],
  ['event: Summit', 'The leaders will meet again at the Coral Summit later in the year.', [['Coral Summit', 'event']]],
  ['event: Meeting', 'The ministers prepared for the Valletta Meeting with their aides.', [['Valletta Meeting', 'event']]],
  ['event: Forum', 'The ministers spoke at the Tallinn Forum about the ferry routes.', [['Tallinn Forum', 'event']]],
  ['event: Conference', 'The ministers spoke at the Kestrel Conference about the ferry routes.', [['Kestrel Conference', 'event']]],
  ['event: Talks', 'Delegates arrived for the Amber Talks after a long delay at the border.', [['Amber Talks', 'event']]],
  ['event: Military Talks is a topic', 'Delegates arrived for the Military Talks after a long delay at the border.', NONE],
  ['place: Bay', 'The ferry crossed Kestrel Bay in the early hours of the morning.', [['Kestrel Bay', 'place']]],
  ['place: Coast', 'Storms hit the Amber Coast again during the night, the coastguard reported.', [['Amber Coast', 'place']]],
];

for (const [name, text, expected] of ROWS) {
  test(`unknown names: ${name}`, () => {
    assert.deepEqual(unknowns(text), expected, text);
  });
}

test('unknown names: the confidence grows with evidence and the threshold drops weak guesses', () => {
  const bare = 'The plan was drawn up with Lars Henning and his team over the winter.';
  const said = 'Lars Henning said the port would reopen in the spring after the repairs.';
  const titled = 'The clinic was opened by Dr Hana Sato, who said it would stay open.';
  const known = 'The plan was drawn up with Anna Korhonen and her team over the winter.';
  assert.equal(confidence(bare, 'Lars Henning'), 0.5);
  assert.equal(confidence(said, 'Lars Henning'), 0.8);
  assert.equal(confidence(titled, 'Hana Sato'), 1);
  // A given name the registry knows (Anna, of Anna Lindqvist) is evidence of a person.
  assert.equal(confidence(known, 'Anna Korhonen'), 0.7);
  assert.deepEqual(unknowns(bare, 0.7), []);
  assert.deepEqual(unknowns(said, 0.7), [['Lars Henning', 'person']]);
  assert.deepEqual(unknowns(known, 0.7), [['Anna Korhonen', 'person']]);
  assert.deepEqual(unknowns(bare, 0), [['Lars Henning', 'person']]);
});
