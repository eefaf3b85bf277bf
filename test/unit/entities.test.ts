import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { buildEntityIndex, recognizeEntities } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { EntityMention } from '../../server/src/core/types';
import { joinLines } from '../helpers';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - { id: japan, type: country, name: Japan, demonyms: [Japanese] }',
  '  - { id: qatar, type: country, name: Qatar, demonyms: [Qatari] }',
  '  - { id: germany, type: country, name: Germany, demonyms: [German] }',
  '  - { id: georgia, type: country, name: Georgia }',
  '  - { id: us, type: country, name: United States, aliases: [US] }',
  '  - { id: turkiye, type: country, name: Türkiye, aliases: [Turkey] }',
  '  - { id: tokyo, type: place, name: Tokyo, country: japan }',
  '  - { id: nato, type: organization, name: North Atlantic Treaty Organization, aliases: [NATO] }',
  '  - id: japan-foreign-minister',
  '    type: office',
  '    name: Minister for Foreign Affairs of Japan',
  '    aliases: [Foreign Minister, Minister of Foreign Affairs, Minister for Foreign Affairs]',
  '    of: japan',
  '  - id: germany-foreign-minister',
  '    type: office',
  '    name: Federal Minister for Foreign Affairs',
  '    aliases: [Foreign Minister]',
  '    of: germany',
  '  - { id: japan-prime-minister, type: office, name: Prime Minister of Japan, aliases: [Prime Minister], of: japan }',
  '  - id: hayashi-yoshimasa',
  '    type: person',
  '    name: Hayashi Yoshimasa',
  '    family_name: Hayashi',
  '    given_name: Yoshimasa',
  '    name_order: family-first',
  '    country: japan',
  '    roles: [{ office: japan-foreign-minister, start: 2021-11-10, end: 2023-09-13 }]',
  '  - id: hayashi-mitsuko',
  '    type: person',
  '    name: Hayashi Mitsuko',
  '    family_name: Hayashi',
  '    given_name: Mitsuko',
  '    name_order: family-first',
  '    country: japan',
  '  - { id: iwaya-takeshi, type: person, name: Iwaya Takeshi, family_name: Iwaya, given_name: Takeshi, name_order: family-first, country: japan, roles: [{ office: japan-foreign-minister, start: 2024-10-01, end: 2025-10-21 }] }',
  '  - { id: kishida-fumio, type: person, name: Kishida Fumio, family_name: Kishida, given_name: Fumio, name_order: family-first, country: japan, roles: [{ office: japan-prime-minister, start: 2021-10-04, end: 2024-10-01 }] }',
  '  - { id: johann-wadephul, type: person, name: Johann Wadephul, family_name: Wadephul, given_name: Johann, country: germany, roles: [{ office: germany-foreign-minister, start: 2025-05-06 }] }',
  '  - { id: mohammed-al-thani, type: person, name: Mohammed bin Abdulrahman Al Thani, country: qatar }',
  '  - { id: okano-yukiko, type: person, name: Okano Yukiko, family_name: Okano, given_name: Yukiko, name_order: family-first, country: japan }',
  '',
);

const registry = loadRegistry([{ path: 'r.yaml', text: REGISTRY }]);
const index = buildEntityIndex(registry);

function run(text: string): { mentions: EntityMention[]; codes: string[] } {
  const r = recognizeEntities(parseArticle(text), index);
  return { mentions: r.mentions, codes: r.findings.map((f) => f.code) };
}

/** `[text, id]` pairs of the linked (non-unknown) mentions. */
function links(text: string): [string, string | null][] {
  return run(text).mentions.filter((m) => m.form !== 'unknown').map((m) => [m.text, m.id]);
}

test('the registry used here is clean (no alias collisions between the two Foreign Minister offices)', () => {
  assert.deepEqual([...registry.files.values()].flatMap((f) => f.findings.map((x) => x.code)), []);
});

const TABLE: [string, string, [string, string | null][]][] = [
  ['names and aliases', 'Japan and NATO met in Tokyo.', [['Japan', 'japan'], ['NATO', 'nato'], ['Tokyo', 'tokyo']]],
  ['possessive', "Japan's ministry and Qatar’s envoy.", [['Japan', 'japan'], ['Qatar', 'qatar']]],
  ['hyphenated pairs in both orders', 'The Japan-Qatar talks and Qatar–Japan ties.', [['Japan', 'japan'], ['Qatar', 'qatar'], ['Qatar', 'qatar'], ['Japan', 'japan']]],
  ['demonyms link to the country', 'The Japanese delegation met Qatari officials.', [['Japanese', 'japan'], ['Qatari', 'qatar']]],
  ['diacritics folded both ways', 'Talks in Türkiye and in Turkiye and in Turkey.', [['Türkiye', 'turkiye'], ['Turkiye', 'turkiye'], ['Turkey', 'turkiye']]],
  ['word boundaries: not inside a word', 'An ammunition depot at Georgiaas well as USD 5 billion.', []],
  ['all capitals dateline and a capitalized family name', 'TOKYO - KISHIDA Fumio spoke.', [['TOKYO', 'tokyo'], ['KISHIDA Fumio', 'kishida-fumio']]],
  ['both name orders', 'Yoshimasa Hayashi, also written Hayashi Yoshimasa.', [['Yoshimasa Hayashi', 'hayashi-yoshimasa'], ['Hayashi Yoshimasa', 'hayashi-yoshimasa']]],
  ['honorifics are not part of the span; particles in either case', 'HE Sheikh Mohammed bin Abdulrahman al-Thani arrived.', [['Mohammed bin Abdulrahman al-Thani', 'mohammed-al-thani']]],
  ['surname after a full mention links to it', 'Hayashi Mitsuko led the team. Later, Hayashi said more.', [['Hayashi Mitsuko', 'hayashi-mitsuko'], ['Hayashi', 'hayashi-mitsuko']]],
  ['given name after a full mention', 'Okano Yukiko spoke. Yukiko added a point.', [['Okano Yukiko', 'okano-yukiko'], ['Yukiko', 'okano-yukiko']]],
  ['surname with a single candidate links without antecedent', 'Iwaya said the talks went well.', [['Iwaya', 'iwaya-takeshi']]],
];

for (const [name, text, expected] of TABLE) {
  test(`recognition: ${name}`, () => {
    assert.deepEqual(links(text), expected);
    for (const m of run(text).mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });
}

test('a bare surname shared by two people, with no antecedent, is ambiguous with both candidates', () => {
  const text = 'Hayashi told reporters that the talks would continue.';
  const r = recognizeEntities(parseArticle(text), index);
  const m = r.mentions.find((x) => x.text === 'Hayashi')!;
  assert.equal(m.id, null);
  assert.deepEqual(m.candidates.sort(), ['hayashi-mitsuko', 'hayashi-yoshimasa']);
  const f = r.findings.find((x) => x.code === 'ambiguous-mention')!;
  assert.deepEqual([f.start, f.end], [0, 7]);
  assert.deepEqual(f.fixes!.map((x) => x.command?.args[2]).sort(), ['hayashi-mitsuko', 'hayashi-yoshimasa']);
});

test('a surname shared by many people names eight candidates in its message, counts the rest, and offers every link', () => {
  const people = Array.from({ length: 12 }, (_, i) => joinLines(
    `  - id: kim-${i + 1}`,
    '    type: person',
    `    name: Kim Given${String.fromCharCode(65 + i)}`,
    '    family_name: Kim',
    `    given_name: Given${String.fromCharCode(65 + i)}`,
    '    name_order: family-first',
  )).join('\n');
  const many = buildEntityIndex(loadRegistry([{ path: 'many.yaml', text: `version: 1\nentities:\n${people}\n` }]));
  const r = recognizeEntities(parseArticle('Kim told reporters the talks would go on.'), many);
  const f = r.findings.find((x) => x.code === 'ambiguous-mention')!;
  assert.ok(f.message.startsWith("'Kim' could be Kim GivenA, Kim GivenB, "), f.message);
  assert.ok(f.message.includes('Kim GivenH or one of 4 other entities: no earlier full mention'), f.message);
  assert.ok(!f.message.includes('Kim GivenI'), f.message);
  assert.equal(f.fixes!.length, 12);
});

test('offices: demonym before a title resolves the country and attaches to the person after it', () => {
  const text = 'Japanese Foreign Minister Takeshi Iwaya and his German counterpart Johann Wadephul met.';
  const m = run(text).mentions;
  const office = m.find((x) => x.text === 'Foreign Minister')!;
  assert.equal(office.id, 'japan-foreign-minister');
  const iwaya = m.find((x) => x.text === 'Takeshi Iwaya')!;
  assert.equal(iwaya.office, 'japan-foreign-minister');
  assert.deepEqual(iwaya.officeRange, [office.start, office.end]);
  const counterpart = m.find((x) => x.text === 'counterpart')!;
  assert.equal(counterpart.id, 'germany-foreign-minister');
  assert.equal(m.find((x) => x.text === 'Johann Wadephul')!.office, 'germany-foreign-minister');
});

test('offices: a counterpart before any resolved office is no office; one after it is', () => {
  const text = 'A German counterpart was expected. Japanese Foreign Minister Takeshi Iwaya and his German counterpart Johann Wadephul met.';
  const m = run(text).mentions;
  const counterparts = m.filter((x) => x.text === 'counterpart');
  assert.equal(counterparts.length, 1);
  assert.equal(counterparts[0].start, text.lastIndexOf('counterpart'));
  assert.equal(counterparts[0].id, 'germany-foreign-minister');
});

test('offices: "counterparts" right after a country word is an office; with a word between, it is not', () => {
  const text = 'Japanese Foreign Minister Takeshi Iwaya met his German counterparts, then his German trade counterpart.';
  const m = run(text).mentions.filter((x) => x.type === 'office' && x.text.startsWith('counterpart'));
  assert.deepEqual(m.map((x) => [x.text, x.start, x.id]), [['counterparts', text.indexOf('counterparts'), 'germany-foreign-minister']]);
});

test("offices: apposition after the name with a possessive country (\"X, Japan's Minister of Foreign Affairs\")", () => {
  const text = "The meeting was chaired by HE Hayashi Yoshimasa, Japan's Minister of Foreign Affairs.";
  const m = run(text).mentions;
  assert.equal(m.find((x) => x.text === 'Hayashi Yoshimasa')!.office, 'japan-foreign-minister');
  assert.equal(m.find((x) => x.text === 'Minister of Foreign Affairs')!.id, 'japan-foreign-minister');
});

test('offices: a title without a country word resolves from the person it names', () => {
  const text = 'During the visit of Prime Minister Fumio Kishida to Riyadh, the sides agreed.';
  const m = run(text).mentions;
  assert.equal(m.find((x) => x.text === 'Prime Minister')!.id, 'japan-prime-minister');
  assert.equal(m.find((x) => x.text === 'Fumio Kishida')!.office, 'japan-prime-minister');
});

test('a generic title with no country and no person stays unresolved without a diagnostic', () => {
  const r = run('The Foreign Minister will travel next week.');
  const office = r.mentions.find((x) => x.text === 'Foreign Minister')!;
  assert.equal(office.id, null);
  assert.deepEqual(office.candidates.sort(), ['germany-foreign-minister', 'japan-foreign-minister']);
  assert.deepEqual(r.codes, []);
});

test('unknown entities: a name-like span not in the registry, with a guessed type and an add fix', () => {
  const text = 'said Osamu Izawa, the first ambassador to the alliance.';
  const r = recognizeEntities(parseArticle(text), index);
  const u = r.mentions.find((m) => m.form === 'unknown')!;
  assert.equal(u.text, 'Osamu Izawa');
  assert.equal(u.guessedType, 'person');
  const f = r.findings.find((x) => x.code === 'unknown-entity')!;
  assert.equal(text.slice(f.start, f.end), 'Osamu Izawa');
  assert.deepEqual(f.fixes![0].command, { name: 'attache.addToRegistry', args: ['Osamu Izawa', 'person'] });
  const titled = run('It was headed by Staff Brigadier Nassir bin Ali al-Thani, a deputy chief.').mentions.find((m) => m.form === 'unknown')!;
  assert.equal(titled.text, 'Nassir bin Ali al-Thani');
  assert.equal(titled.guessedType, 'person');
});

test('unknown entities: the head word of the name decides between event, organization, place and person', () => {
  const guessed = (text: string): [string, string | undefined][] => run(text).mentions.filter((m) => m.form === 'unknown').map((m) => [m.text, m.guessedType]);
  assert.deepEqual(guessed('Officials said the leaders met at the Vilnius Summit last year, and later at the Military Dialogue.'), [['Vilnius Summit', 'event'], ['Military Dialogue', 'event']]);
  assert.deepEqual(guessed('The donors said they had paid into the Afghan National Army Trust Fund and the Summit Secretariat this year.'), [['Afghan National Army Trust Fund', 'organization'], ['Summit Secretariat', 'organization']]);
  assert.deepEqual(guessed('The patrols that crossed the Taiwan Strait were seen again near Kanagawa Prefecture in the spring.'), [['Taiwan Strait', 'place'], ['Kanagawa Prefecture', 'place']]);
  const f = recognizeEntities(parseArticle('He attended the Vilnius Summit on Monday with the other leaders of the alliance.'), index).findings.find((x) => x.code === 'unknown-entity')!;
  assert.match(f.message, /it looks like an event/);
  assert.deepEqual(f.fixes![0].command, { name: 'attache.addToRegistry', args: ['Vilnius Summit', 'event'] });
});

test('no unknown-entity for sentence starts, months, weekdays, headlines or parts of registry matches', () => {
  for (const text of [
    'The talks went well. After July the sides met again on Monday.',
    'Japan, Qatar Continue To Deepen Security Ties',
    'Officials from Japan and Qatar met in Tokyo.',
    'In January the Japanese side said it would act.',
  ]) {
    assert.deepEqual(run(text).codes, [], text);
  }
});

test('front matter is not scanned for mentions', () => {
  const text = joinLines('---', 'title: Japan and Qatar', 'date: 2025-01-20', '---', 'Qatar hosted the talks.');
  assert.deepEqual(links(text), [['Qatar', 'qatar']]);
});

test('matching is linear: a long article with a large registry finishes and finds every mention', () => {
  const para = 'Japanese Foreign Minister Takeshi Iwaya met his German counterpart Johann Wadephul in Tokyo. ';
  const text = para.repeat(5000);
  const m = run(text).mentions;
  assert.equal(m.filter((x) => x.id === 'iwaya-takeshi').length, 5000);
});
