/**
 * Name forms by naming tradition (issue #17, item 1), beyond the particle short forms of
 * name-variants.test.ts: family-first order (East Asian names, declared or told by a given name),
 * double surnames (Spanish: the first alone; Portuguese: the last alone), particles of every
 * tradition, hyphenated and joined Arabic articles. A short form links to the earlier full
 * mention, else to the only person having it, else it is an ambiguous mention.
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
  // Family first: declared, with parts, or told by a common given name in second place.
  '  - { id: hayashi, type: person, name: Hayashi Yoshimasa, name_order: family-first }',
  '  - { id: motegi, type: person, name: Motegi Toshimitsu, family_name: Motegi, given_name: Toshimitsu }',
  '  - { id: iwaya, type: person, name: Iwaya Takeshi }',
  '  - { id: cho, type: person, name: Cho Tae-yul, name_order: family-first }',
  '  - { id: wang, type: person, name: Wang Yi, name_order: family-first }',
  '  - { id: kim-sook, type: person, name: Kim Sook, name_order: family-first }',
  '  - { id: kim-hong, type: person, name: Kim Hong-kyun, name_order: family-first }',
  // Three words, no declared parts: the family name last, or first when declared family-first.
  '  - { id: lavrov, type: person, name: Sergei Viktorovich Lavrov }',
  '  - { id: erdogan, type: person, name: Recep Tayyip Erdoğan }',
  '  - { id: kim-jong-un, type: person, name: Kim Jong Un, name_order: family-first }',
  // Double surnames.
  '  - { id: albares, type: person, name: José Manuel Albares Bueno, given_name: José Manuel, family_name: Albares Bueno }',
  '  - { id: sanchez, type: person, name: Pedro Sánchez Pérez-Castejón, given_name: Pedro, family_name: Sánchez Pérez-Castejón }',
  '  - { id: vieira, type: person, name: Mauro Luiz Iecker Vieira, given_name: Mauro Luiz, family_name: Iecker Vieira }',
  '  - { id: lula, type: person, name: Luiz Inácio Lula da Silva, given_name: Luiz Inácio, family_name: Lula da Silva }',
  '  - { id: petro, type: person, name: Gustavo Petro Urrego, given_name: Gustavo, family_name: Petro Urrego }',
  // Particles.
  '  - { id: guttenberg, type: person, name: Karl-Theodor zu Guttenberg }',
  '  - { id: ten-brink, type: person, name: Maria ten Brink }',
  '  - { id: le-drian, type: person, name: Jean-Yves Le Drian }',
  '  - { id: villepin, type: person, name: Dominique de Villepin }',
  '  - { id: del-valle, type: person, name: Lucia del Valle }',
  '  - { id: da-costa, type: person, name: Helena da Costa }',
  '  - { id: van-houten, type: person, name: Frans van Houten }',
  '  - { id: vdl, type: person, name: Ursula von der Leyen, family_name: von der Leyen, given_name: Ursula }',
  // Arabic articles and patronymics.
  '  - { id: al-jaber, type: person, name: Ahmed Al-Jaber }',
  '  - { id: al-khater, type: person, name: Lolwah Rashid Alkhater }',
  '  - { id: el-sisi, type: person, name: Abdel Fattah el-Sisi }',
  '  - { id: faisal, type: person, name: Faisal bin Farhan Al Saud }',
  '  - { id: abz, type: person, name: Abdullah bin Zayed Al Nahyan }',
  '  - { id: mbz, type: person, name: Mohamed bin Zayed Al Nahyan }',
  '  - { id: reema, type: person, name: Reema bint Bandar Al Saud }',
  '  - { id: ibn-khaldun, type: person, name: Yusuf ibn Khaldun }',
  '',
);

const { index, linkOf } = linker(REGISTRY);

/** [shape, text, form, expected id (null: ambiguous; undefined: no mention), candidates when ambiguous]. */
const ROWS: [string, string, string, string | null | undefined, string[]?][] = [
  // Family-first order.
  ['family-first as declared', 'Hayashi Yoshimasa arrived in the capital on Monday.', 'Hayashi Yoshimasa', 'hayashi'],
  ['family-first, given-first in the text', 'Yoshimasa Hayashi arrived in the capital on Monday.', 'Yoshimasa Hayashi', 'hayashi'],
  ['family-first, surname alone', 'The talks were chaired by Hayashi on the second day.', 'Hayashi', 'hayashi'],
  ['family-first, surname in capitals', 'HAYASHI Yoshimasa arrived in the capital on Monday.', 'HAYASHI Yoshimasa', 'hayashi'],
  ['family-first, surname alone after the full name', 'Yoshimasa Hayashi landed at noon. Hayashi then met the press.', 'Hayashi', 'hayashi'],
  ['declared parts, swapped', 'Toshimitsu Motegi arrived in the capital on Monday.', 'Toshimitsu Motegi', 'motegi'],
  ['declared parts, surname alone', 'The talks were chaired by Motegi on the second day.', 'Motegi', 'motegi'],
  ['no order declared: a given name in second place tells it', 'The talks were chaired by Iwaya on the second day.', 'Iwaya', 'iwaya'],
  ['no order declared: the given name alone is not a surname', 'The talks were chaired by Takeshi on the second day.', 'Takeshi', undefined],
  ['no order declared: swapped full name', 'Takeshi Iwaya arrived in the capital on Monday.', 'Takeshi Iwaya', 'iwaya'],
  ['Korean, hyphenated given name, swapped', 'Tae-yul Cho arrived in the capital on Monday.', 'Tae-yul Cho', 'cho'],
  ['Korean surname alone', 'The talks were chaired by Cho on the second day.', 'Cho', 'cho'],
  ['Chinese, two syllables', 'Wang Yi arrived in the capital on Monday.', 'Wang Yi', 'wang'],
  ['Chinese surname alone', 'The talks were chaired by Wang on the second day.', 'Wang', 'wang'],
  ['a shared family name with no full mention is ambiguous', 'The talks were chaired by Kim on the second day.', 'Kim', null, ['kim-hong', 'kim-jong-un', 'kim-sook']],
  ['a shared family name after one full name', 'Kim Hong-kyun landed at noon. Kim then met the press.', 'Kim', 'kim-hong'],
  ['a shared family name after the other full name', 'Kim Sook landed at noon. Kim then met the press.', 'Kim', 'kim-sook'],
  ['three words: the family name alone', 'The talks were chaired by Lavrov on the second day.', 'Lavrov', 'lavrov'],
  ['three words: first given name and family name', 'Sergei Lavrov arrived in the capital on Monday.', 'Sergei Lavrov', 'lavrov'],
  ['three words: the family name without its diacritic', 'The talks were chaired by Erdogan on the second day.', 'Erdogan', 'erdogan'],
  ['three words: the middle name alone is nothing', 'The talks were chaired by Tayyip on the second day.', 'Tayyip', undefined],
  ['three words family-first: given names first', 'Jong Un Kim arrived in the capital on Monday.', 'Jong Un Kim', 'kim-jong-un'],
  ['three words family-first: Kim shared with two more', 'Kim Jong Un spoke first. Kim then left the hall.', 'Kim', 'kim-jong-un'],
  // Double surnames.
  ['Spanish: the first surname alone', 'The proposal was backed by Albares after the vote.', 'Albares', 'albares'],
  ['Spanish: given name and first surname', 'José Manuel Albares arrived in the capital on Monday.', 'José Manuel Albares', 'albares'],
  ['Spanish: first given name and first surname', 'José Albares arrived in the capital on Monday.', 'José Albares', 'albares'],
  ['Spanish: both surnames', 'The proposal was backed by Albares Bueno after the vote.', 'Albares Bueno', 'albares'],
  ['Spanish: the usual short name', 'Pedro Sánchez arrived in the capital on Monday.', 'Pedro Sánchez', 'sanchez'],
  ['Spanish: without accents', 'Pedro Sanchez arrived in the capital on Monday.', 'Pedro Sanchez', 'sanchez'],
  ['Spanish: surname alone after the full name', 'Pedro Sánchez Pérez-Castejón spoke first. Sánchez then left.', 'Sánchez', 'sanchez'],
  ['Portuguese: the last surname alone', 'The proposal was backed by Vieira after the vote.', 'Vieira', 'vieira'],
  ['Portuguese: first given name and last surname', 'Mauro Vieira arrived in the capital on Monday.', 'Mauro Vieira', 'vieira'],
  ['Portuguese: the first surname alone (Lula)', 'The proposal was backed by Lula after the vote.', 'Lula', 'lula'],
  ['Portuguese: particle short form', 'The proposal was backed by da Silva after the vote.', 'da Silva', 'lula'],
  ['Portuguese: the family name with its particle', 'The proposal was backed by Lula da Silva after the vote.', 'Lula da Silva', 'lula'],
  ['Colombian: given name and first surname', 'Gustavo Petro arrived in the capital on Monday.', 'Gustavo Petro', 'petro'],
  // Particles.
  ['German zu', 'The report was praised by zu Guttenberg in the chamber.', 'zu Guttenberg', 'guttenberg'],
  ['Dutch ten', 'The report was praised by ten Brink in the chamber.', 'ten Brink', 'ten-brink'],
  ['French Le, capitalized inside the name', 'The report was praised by Le Drian in the chamber.', 'Le Drian', 'le-drian'],
  ['French de', 'The report was praised by de Villepin in the chamber.', 'de Villepin', 'villepin'],
  ['Spanish del', 'The report was praised by del Valle in the chamber.', 'del Valle', 'del-valle'],
  ['Portuguese da', 'The report was praised by da Costa in the chamber.', 'da Costa', 'da-costa'],
  ['Dutch Van capitalized when the surname stands alone', 'The report was praised by Van Houten in the chamber.', 'Van Houten', 'van-houten'],
  ['German von der, declared family name', 'The report was praised by von der Leyen in the chamber.', 'von der Leyen', 'vdl'],
  // Arabic.
  ['hyphenated article', 'The report was praised by Al-Jaber in the chamber.', 'Al-Jaber', 'al-jaber'],
  ['article written apart', 'The report was praised by Al Jaber in the chamber.', 'Al Jaber', 'al-jaber'],
  ['article joined to the name', 'The report was praised by Aljaber in the chamber.', 'Aljaber', 'al-jaber'],
  ['article joined, after the full name', 'Ahmed Al-Jaber spoke first. Aljaber then left the hall.', 'Aljaber', 'al-jaber'],
  ['lower-case el- at a sentence start', 'El-Sisi received the envoy at the palace.', 'El-Sisi', 'el-sisi'],
  ['a full name with the article apart, for a registry name joined', 'The report was praised by Lolwah Rashid Al-Khater in the chamber.', 'Lolwah Rashid Al-Khater', 'al-khater'],
  ['a full name with the article apart, at a sentence start', 'Lolwah Rashid Al Khater praised the report in the chamber.', 'Lolwah Rashid Al Khater', 'al-khater'],
  ['the short form with the article apart, for a registry name joined', 'The report was praised by Al-Khater in the chamber.', 'Al-Khater', 'al-khater'],
  ['el- joined', 'The envoy was received by Elsisi at the palace.', 'Elsisi', 'el-sisi'],
  ['bin patronymic', 'The report was praised by bin Farhan in the chamber.', 'bin Farhan', 'faisal'],
  ['bint patronymic', 'The report was praised by bint Bandar in the chamber.', 'bint Bandar', 'reema'],
  ['ibn', 'The report was praised by ibn Khaldun in the chamber.', 'ibn Khaldun', 'ibn-khaldun'],
  ['a shared patronymic is ambiguous', 'The report was praised by bin Zayed in the chamber.', 'bin Zayed', null, ['abz', 'mbz']],
  ['a shared patronymic after a full name', 'Mohamed bin Zayed Al Nahyan arrived. Later bin Zayed met the press.', 'bin Zayed', 'mbz'],
  ['a shared family name after a full name', 'Reema bint Bandar Al Saud arrived. Later Al Saud met the press.', 'Al Saud', 'reema'],
  ['a shared family name with no full mention', 'The envoy was received by Al Saud at the palace.', 'Al Saud', null, ['faisal', 'reema']],
];

for (const [shape, text, form, id, candidates] of ROWS) {
  test(`name forms: ${shape}`, () => {
    const got = linkOf(text, form);
    assert.equal(got.id, id, text);
    if (id === null) {
      assert.deepEqual(got.candidates, candidates, text);
      assert.deepEqual(got.codes, ['ambiguous-mention'], text);
    } else assert.deepEqual(got.codes, [], text);
  });
}

test('name forms: particles and articles in ordinary words link nothing', () => {
  for (const text of ['They do Business with the port.', 'The ten Members of the board met.', 'Alexander arrived late.', 'An Algerian delegation arrived late.']) {
    const r = recognizeEntities(parseArticle(text), index);
    assert.deepEqual(r.mentions.filter((m) => m.form !== 'unknown').map((m) => m.text), [], text);
  }
});
