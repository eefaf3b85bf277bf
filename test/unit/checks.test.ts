/**
 * Core tests of the article-local checks, on article text parsed with `parseArticle` and
 * hand-built entity and date mentions (so these tests do not depend on the recognizers), against
 * a small hand-built registry of real facts.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { applyEdits } from '../../server/src/core/edits';
import { describeIsoDate } from '../../server/src/core/calendar';
import { CheckContext } from '../../server/src/core/checks';
import { duplicateParagraph } from '../../server/src/core/checks/duplicate-paragraph';
import { nearDuplicateParagraph } from '../../server/src/core/checks/near-duplicate-paragraph';
import { roleConflict } from '../../server/src/core/checks/role-conflict';
import { eventDateConflict } from '../../server/src/core/checks/event-date-conflict';
import { metadataDateConflict } from '../../server/src/core/checks/metadata-date-conflict';
import { DateMention, Entity, EntityMention, RegistrySnapshot, Role } from '../../server/src/core/types';
import { joinLines, marked } from '../helpers';
import { seededRandom } from '../../bench/generate';

// ---------------------------------------------------------------------------------------------
// Fixtures

const REG = 'registry.yaml';
let nextOffset = 0;

function entity(e: Partial<Entity> & Pick<Entity, 'id' | 'type' | 'name'>): Entity {
  const start = nextOffset;
  nextOffset += 100;
  return {
    aliases: [], demonyms: [], roles: [], participants: [],
    source: { path: REG, range: [start, start + 90], idRange: [start + 4, start + 4 + e.id.length], references: [] },
    ...e,
  };
}

function role(office: string, start?: string, end?: string | null): Role {
  const s = nextOffset;
  nextOffset += 10;
  return { office, start, end, range: [s, s + 9] };
}

function registryOf(entities: Entity[]): RegistrySnapshot {
  return { version: 1, entities: new Map(entities.map((e) => [e.id, e])), files: new Map() };
}

const registry = registryOf([
  entity({ id: 'japan', type: 'country', name: 'Japan' }),
  entity({ id: 'qatar', type: 'country', name: 'Qatar' }),
  entity({ id: 'japan-foreign-minister', type: 'office', name: 'Minister for Foreign Affairs of Japan', of: 'japan', singleHolder: true }),
  entity({ id: 'qatar-deputy-prime-minister', type: 'office', name: 'Deputy Prime Minister of Qatar', of: 'qatar' }),
  entity({ id: 'qatar-prime-minister', type: 'office', name: 'Prime Minister of Qatar', of: 'qatar', singleHolder: true }),
  entity({ id: 'hayashi-yoshimasa', type: 'person', name: 'Hayashi Yoshimasa', roles: [role('japan-foreign-minister', '2021-11-10', '2023-09-13')] }),
  entity({ id: 'kamikawa-yoko', type: 'person', name: 'Kamikawa Yoko', roles: [role('japan-foreign-minister', '2023-09-13', '2024-10-01')] }),
  entity({ id: 'iwaya-takeshi', type: 'person', name: 'Takeshi Iwaya', roles: [role('japan-foreign-minister', '2024-10-01', '2025-10-21')] }),
  entity({ id: 'okano-yukiko', type: 'person', name: 'Okano Yukiko' }),
  entity({
    id: 'mohammed-bin-abdulrahman', type: 'person', name: 'Mohammed bin Abdulrahman Al Thani',
    roles: [role('qatar-deputy-prime-minister', '2017-11', '2023-03-07'), role('qatar-prime-minister', '2023-03-07', null)],
  }),
  entity({ id: 'saoud-bin-abdulrahman', type: 'person', name: 'Saoud bin Abdulrahman Al Thani', roles: [role('qatar-deputy-prime-minister', '2024-11-12', null)] }),
  entity({ id: 'japan-qatar-strategic-dialogue-2', type: 'event', name: 'Second Japan-Qatar Strategic Dialogue', date: '2023-01-31' }),
]);

function ctx(text: string, entities: EntityMention[] = [], dates: DateMention[] = []): CheckContext {
  return { path: 'a.article', article: parseArticle(text), entities, dates: [...dates].sort((a, b) => a.start - b.start), registry };
}

/** A mention of `id` at the n-th occurrence of `surface` in `text`. */
function at(text: string, surface: string, n = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(surface, i + 1);
  assert.ok(i >= 0, `'${surface}' not in the text`);
  return [i, i + surface.length];
}

function person(text: string, surface: string, id: string, office?: { id: string; surface: string }): EntityMention {
  const [start, end] = at(text, surface);
  const m: EntityMention = { start, end, text: surface, type: 'person', id, candidates: [], form: 'name' };
  if (office) {
    m.office = office.id;
    m.officeRange = at(text, office.surface);
  }
  return m;
}

function event(text: string, surface: string, id: string): EntityMention {
  const [start, end] = at(text, surface);
  return { start, end, text: surface, type: 'event', id, candidates: [], form: 'alias' };
}

function date(text: string, surface: string, value: string | null, n = 0): DateMention {
  const [start, end] = at(text, surface, n);
  const granularity = value === null ? 'day' : value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
  return { start, end, text: surface, value, kind: 'absolute', granularity, resolution: { rule: 'test' } };
}

const LONG_A = 'Qatar and Japan continue to chart a course for expanded defense co-operation across the region.';
const LONG_B = 'The two nations reiterated this shared commitment during a dialogue held at the ministry in Tokyo.';
const LONG_C = 'Both parties exchanged views on a wide range of topics, including regional security issues.';
const LONG_D = 'The talks underlined the importance of continued collaboration in ensuring maritime safety.';

// ---------------------------------------------------------------------------------------------
// duplicate-paragraph

test('duplicate-paragraph: a repeated paragraph, folded for case, quotes and punctuation, is one finding with a safe fix', () => {
  const src = joinLines(
    'Talks in Tokyo',
    '“Japan is a special partner in Asia that shares the same values,” Wadephul told Iwaya.',
    LONG_A,
    '{{"JAPAN is a special partner in Asia, that shares the same values" -- Wadephul told   Iwaya}}',
    LONG_B,
    '');
  const { text, ranges } = marked(src);
  const fs = duplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  const f = fs[0];
  assert.equal(f.code, 'duplicate-paragraph');
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.start, f.end], ranges[0]);
  assert.equal(f.message, 'This paragraph repeats the paragraph at line 2 (compared ignoring case, spacing and punctuation). Delete the repeat.');
  assert.deepEqual(f.related?.map((r) => text.slice(r.start, r.end)), [text.split('\n')[1]]);
  assert.equal(f.fixes?.[0].safe, true);
  assert.equal(applyEdits(text, f.fixes![0].edits).text, joinLines('Talks in Tokyo', text.split('\n')[1], LONG_A, LONG_B, ''));
});

test('duplicate-paragraph: a pasted-twice article is one finding for the whole run, and the fix leaves clean spacing', () => {
  const text = joinLines(
    'Headline of the story about security ties',
    '',
    LONG_A,
    '',
    LONG_B,
    '',
    LONG_C,
    '',
    LONG_A,
    '',
    LONG_B,
    '',
    LONG_C,
    '',
    'Legal Disclaimer: the provider is responsible for this content and its accuracy.',
    '');
  const fs = duplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  const f = fs[0];
  assert.equal(f.start, text.lastIndexOf(LONG_A));
  assert.equal(f.end, text.lastIndexOf(LONG_C) + LONG_C.length);
  assert.equal(f.message, 'These 3 paragraphs repeat earlier text; the first copy starts at line 3. The article was probably pasted twice: delete the repeated run.');
  // Related information spans the original run.
  assert.equal(f.related![0].start, text.indexOf(LONG_A));
  assert.equal(f.related![0].end, text.indexOf(LONG_C) + LONG_C.length);
  assert.equal(f.fixes![0].title, 'Delete the 3 repeated paragraphs');
  const fixed = applyEdits(text, f.fixes![0].edits).text;
  assert.equal(fixed, joinLines('Headline of the story about security ties', '', LONG_A, '', LONG_B, '', LONG_C, '',
    'Legal Disclaimer: the provider is responsible for this content and its accuracy.', ''));
});

test('duplicate-paragraph: a repeated run at the end of a blank-line layout leaves no trailing blank lines', () => {
  const text = joinLines(LONG_A, '', LONG_B, '', LONG_A, '', LONG_B, '');
  const fs = duplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  assert.equal(applyEdits(text, fs[0].fixes![0].edits).text, joinLines(LONG_A, '', LONG_B, ''));
});

test('duplicate-paragraph: one paragraph per line, a run in the middle', () => {
  const text = joinLines('Short headline here', LONG_A, LONG_B, LONG_A, LONG_B, LONG_C, LONG_D, '');
  const fs = duplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /^These 2 paragraphs repeat earlier text; the first copy starts at line 2\./);
  assert.equal(applyEdits(text, fs[0].fixes![0].edits).text, joinLines('Short headline here', LONG_A, LONG_B, LONG_C, LONG_D, ''));
});

test('duplicate-paragraph: lines under six words never count, but a repeated short line inside a run is carried along', () => {
  const short = joinLines('Comments', LONG_A, 'Comments', 'No comment', 'No comment', '');
  assert.deepEqual(duplicateParagraph(ctx(short)), []);
  // Caption, caption, "TT", then the headline and captions again: the second block is one run.
  const text = joinLines('Deputy press secretary speaks about military cooperation', '',
    'Okano Yukiko, deputy press secretary of the ministry (Photo: agency)',
    'Okano Yukiko, deputy press secretary of the ministry (Photo: agency)',
    'TT', '',
    'Deputy press secretary speaks about military cooperation', '',
    'Okano Yukiko, deputy press secretary of the ministry (Photo: agency)',
    'TT',
    'Okano Yukiko, deputy press secretary of the ministry (Photo: agency)',
    '', LONG_A, '');
  const fs = duplicateParagraph(ctx(text));
  assert.deepEqual(fs.map((f) => [f.message.slice(0, 40), text.slice(f.start, f.end).split('\n').length]), [
    ['This paragraph repeats the paragraph at ', 1],
    ['These 4 paragraphs repeat earlier text; ', 5],
  ]);
  assert.match(fs[1].message, /first copy starts at line 1\./);
});

test('duplicate-paragraph: CRLF line breaks keep their shape after the fix', () => {
  const text = [LONG_A, '', LONG_B, '', LONG_B, '', LONG_C, ''].join('\r\n');
  const fs = duplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), LONG_B);
  assert.equal(applyEdits(text, fs[0].fixes![0].edits).text, [LONG_A, '', LONG_B, '', LONG_C, ''].join('\r\n'));
});

test('duplicate-paragraph: different paragraphs and a clean article give nothing', () => {
  assert.deepEqual(duplicateParagraph(ctx(joinLines(LONG_A, LONG_B, LONG_C, LONG_D))), []);
  assert.deepEqual(duplicateParagraph(ctx('')), []);
});

// ---------------------------------------------------------------------------------------------
// near-duplicate-paragraph

test('near-duplicate-paragraph: one changed word in a long paragraph is reported with its similarity', () => {
  const p1 = 'The Japanese delegation was led by the Director General for International Affairs at the Ministry of Defense in Tokyo, while the Qatari side was headed by the deputy chief of the military co-operation authority of the armed forces.';
  const p2 = p1.replace('armed forces', 'Armed Forces').replace('deputy chief', 'deputy head');
  const text = joinLines(p1, LONG_A, p2, '');
  const fs = nearDuplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, 'information');
  assert.equal(fs[0].start, text.indexOf(p2));
  assert.equal(fs[0].end, text.indexOf(p2) + p2.length);
  assert.match(fs[0].message, /^This paragraph is mostly the same as the paragraph at line 1: Jaccard similarity 0\.75 of their 5-word sequences, and 86% of the shorter one's occur in the other\./);
  assert.equal(fs[0].related![0].start, 0);
});

test('near-duplicate-paragraph: a caption contained in a later paragraph is reported as containment', () => {
  const caption = 'Gulf interior ministers discussed strengthening joint security cooperation at their meeting in Qatar';
  const body = `${caption}, where the host chaired the session and the ministers adopted a long statement on regional stability and crime.`;
  const text = joinLines(caption, LONG_A, body, '');
  const fs = nearDuplicateParagraph(ctx(text));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].start, text.indexOf(body));
  assert.match(fs[0].message, /^The paragraph at line 1 is contained in this one: 100% of its 5-word sequences occur here\./);
});

test('near-duplicate-paragraph: exact repeats and unrelated paragraphs are not reported', () => {
  assert.deepEqual(nearDuplicateParagraph(ctx(joinLines(LONG_A, LONG_B, LONG_A, ''))), []);
  assert.deepEqual(nearDuplicateParagraph(ctx(joinLines(LONG_A, LONG_B, LONG_C, LONG_D, ''))), []);
  // Sharing a phrase is not enough.
  const a = 'Japan and Germany pledged on Monday to further enhance their bilateral security cooperation after talks.';
  const b = 'Japan and Germany pledged on Monday to open a new consulate in Osaka and to expand student exchanges.';
  assert.deepEqual(nearDuplicateParagraph(ctx(joinLines(a, b, ''))), []);
});

test('near-duplicate-paragraph: the indexed integer shingles find exactly the pairs a brute-force comparison of shingle texts finds', () => {
  const vocab = 'the minister met his counterpart in tokyo on monday to discuss security trade energy and the two sides agreed a new plan for maritime talks next year'.split(' ');
  let pairs = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const r = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const paras: string[][] = [];
    // Every 25th article is long (80 paragraphs, thousands of shingles): the shingle table grows.
    for (let k = 0; k < (seed % 25 === 0 ? 80 : 12); k++) {
      if (paras.length && r() < 0.4) {
        // An edited copy of an earlier paragraph: a few words changed, added or dropped.
        const copy = [...pick(paras)];
        for (let e = Math.floor(r() * 4); e > 0; e--) {
          const at = Math.floor(r() * copy.length);
          const op = r();
          if (op < 0.4) copy[at] = pick(vocab); else if (op < 0.7) copy.splice(at, 0, pick(vocab)); else copy.splice(at, 1);
        }
        paras.push(copy);
      } else paras.push(Array.from({ length: 6 + Math.floor(r() * 30) }, () => pick(vocab)));
    }
    const text = joinLines(...paras.map((p) => p.join(' ') + '.'), '');
    const c = ctx(text);
    const found = nearDuplicateParagraph(c).map((f) => [c.article.paragraphs.findIndex((p) => p.start === f.start), c.article.paragraphs.findIndex((p) => p.start === f.related![0].start)]);
    // The oracle: every earlier distinct paragraph, shingles as joined word strings.
    const words = c.article.paragraphs.map((p) => c.article.text.slice(p.start, p.end).toLowerCase().match(/[a-z]+/g) ?? []);
    const sets = words.map((w) => new Set(w.slice(0, Math.max(0, w.length - 4)).map((_, i) => w.slice(i, i + 5).join(' '))));
    const keys = words.map((w) => w.join(' '));
    const expected: number[][] = [];
    for (let j = 0; j < words.length; j++) {
      if (words[j].length < 6 || keys.indexOf(keys[j]) !== j) continue;
      let best: { i: number; score: number } | null = null;
      for (let i = 0; i < j; i++) {
        if (words[i].length < 6 || keys.indexOf(keys[i]) !== i) continue;
        let shared = 0;
        for (const x of sets[j]) if (sets[i].has(x)) shared++;
        if (!shared) continue;
        const score = Math.max(shared / (sets[i].size + sets[j].size - shared), shared / Math.min(sets[i].size, sets[j].size));
        if (score >= 0.8 && (!best || score > best.score)) best = { i, score };
      }
      if (best) expected.push([j, best.i]);
    }
    assert.deepEqual(found, expected, `seed ${seed}`);
    pairs += expected.length;
  }
  assert.ok(pairs > 100, `only ${pairs} near-duplicate pairs were planted`);
});

// ---------------------------------------------------------------------------------------------
// role-conflict

const SESSION = joinLines('date 2025-10-26 403',
  'In January 2025, Qatar and Japan held the second Strategic Dialogue in Tokyo. The meeting was chaired by HE Sheikh Mohammed bin Abdulrahman al-Thani, Qatar\'s Deputy Prime Minister and Minister of Foreign Affairs; and HE Hayashi Yoshimasa, Japan\'s Minister of Foreign Affairs.',
  '');

function sessionMentions(text: string): EntityMention[] {
  return [
    person(text, 'Mohammed bin Abdulrahman al-Thani', 'mohammed-bin-abdulrahman', { id: 'qatar-deputy-prime-minister', surface: 'Qatar\'s Deputy Prime Minister' }),
    person(text, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: 'Japan\'s Minister of Foreign Affairs' }),
  ];
}

test('role-conflict: both office errors of one sentence, with tenure, holder at the date and exact ranges', () => {
  const text = SESSION;
  const fs = roleConflict(ctx(text, sessionMentions(text), [date(text, 'January 2025', '2025-01')]));
  assert.equal(fs.length, 2);
  const [q, j] = fs;
  assert.equal(text.slice(q.start, q.end), 'Mohammed bin Abdulrahman al-Thani, Qatar\'s Deputy Prime Minister');
  assert.equal(q.message, 'Mohammed bin Abdulrahman Al Thani was Deputy Prime Minister of Qatar from 2017-11 to 2023-03-07; in January 2025 the office was held by Saoud bin Abdulrahman Al Thani. At that date Mohammed bin Abdulrahman Al Thani was Prime Minister of Qatar. Correct the title or the date.');
  assert.equal(text.slice(j.start, j.end), 'Hayashi Yoshimasa, Japan\'s Minister of Foreign Affairs');
  assert.equal(j.message, 'Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13; in January 2025 the office was held by Takeshi Iwaya. Correct the title or the date.');
  assert.equal(j.severity, 'warning');
  const hayashi = registry.entities.get('hayashi-yoshimasa')!;
  assert.deepEqual(j.related![0], { path: REG, start: hayashi.source.range[0], end: hayashi.source.range[1], message: 'Hayashi Yoshimasa in the registry' });
  assert.equal(j.related![1].message, 'Takeshi Iwaya: Minister for Foreign Affairs of Japan from 2024-10-01 to 2025-10-21');
});

test('role-conflict: precision — a month that touches the tenure is no conflict; a day just after it is', () => {
  const text = SESSION.replace('January 2025', 'September 2023');
  assert.deepEqual(roleConflict(ctx(text, sessionMentions(text).slice(1), [date(text, 'September 2023', '2023-09')])), []);
  const t2 = SESSION.replace('January 2025', '14 September 2023');
  const fs = roleConflict(ctx(t2, sessionMentions(t2).slice(1), [date(t2, '14 September 2023', '2023-09-14')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /; on 14 September 2023 the office was held by Kamikawa Yoko\./);
  // A whole year that overlaps the tenure is no conflict.
  const t3 = SESSION.replace('January 2025', 'early 2023');
  assert.deepEqual(roleConflict(ctx(t3, sessionMentions(t3), [date(t3, '2023', '2023')])), []);
});

test('role-conflict: without a date in the paragraph the publication date is the reference', () => {
  const text = joinLines('date 2025-05-26 403', 'Japanese Foreign Minister Hayashi Yoshimasa spoke to reporters.', '');
  const m = person(text, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: 'Japanese Foreign Minister' });
  const fs = roleConflict(ctx(text, [m]));
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), 'Japanese Foreign Minister Hayashi Yoshimasa');
  assert.match(fs[0].message, /on 26 May 2025 the office was held by Takeshi Iwaya\. \(The date is the article's publication date\.\)/);
});

test('role-conflict: a date after the name in the same sentence is the reference, not the publication date', () => {
  const line = 'Foreign Minister Hayashi Yoshimasa met his German counterpart in Berlin on 3 March 2025.';
  // Published while Hayashi held the office: only the sentence's own date shows the conflict.
  const text = joinLines('date 2023-05-10 403', line, '');
  const m = person(text, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: 'Foreign Minister' });
  const fs = roleConflict(ctx(text, [m], [date(text, '3 March 2025', '2025-03-03')]));
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), 'Foreign Minister Hayashi Yoshimasa');
  assert.equal(fs[0].message, 'Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13; on 3 March 2025 the office was held by Takeshi Iwaya. Correct the title or the date.');
  // Published after his tenure, about a meeting inside it: no conflict.
  const t2 = joinLines('date 2025-10-26 403', line.replace('2025', '2023'), '');
  const m2 = person(t2, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: 'Foreign Minister' });
  assert.deepEqual(roleConflict(ctx(t2, [m2], [date(t2, '3 March 2023', '2023-03-03')])), []);
  // Without the date the publication date decides, and says so.
  const t3 = joinLines('date 2025-10-26 403', 'Foreign Minister Hayashi Yoshimasa met his German counterpart in Berlin.', '');
  const m3 = person(t3, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: 'Foreign Minister' });
  assert.match(roleConflict(ctx(t3, [m3]))[0].message, /\(The date is the article's publication date\.\)/);
});

test('role-conflict: no reference date, no office, or a person without roles gives nothing', () => {
  const text = joinLines('Japanese Foreign Minister Hayashi Yoshimasa spoke to reporters.', '');
  const m = person(text, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: 'Japanese Foreign Minister' });
  assert.deepEqual(roleConflict(ctx(text, [m])), []);
  const dated = joinLines('date 2025-10-26 403', 'Japanese Foreign Minister Okano Yukiko spoke to reporters.', '');
  const o = person(dated, 'Okano Yukiko', 'okano-yukiko', { id: 'japan-foreign-minister', surface: 'Japanese Foreign Minister' });
  assert.deepEqual(roleConflict(ctx(dated, [o])), []);
  const plain = person(dated, 'Okano Yukiko', 'okano-yukiko');
  assert.deepEqual(roleConflict(ctx(dated, [plain])), []);
});

test('role-conflict: "former" and "-designate" titles claim no tenure at the date', () => {
  for (const [line, office] of [
    ['Former Japanese Foreign Minister Hayashi Yoshimasa spoke to reporters.', 'Japanese Foreign Minister'],
    ['Hayashi Yoshimasa, a former Minister of Foreign Affairs, spoke to reporters.', 'Minister of Foreign Affairs'],
    ['Hayashi Yoshimasa, Japan\'s ex-Foreign Minister, spoke to reporters.', 'Foreign Minister'],
    ['Hayashi Yoshimasa, Foreign Minister-designate, spoke to reporters.', 'Foreign Minister'],
  ]) {
    const text = joinLines('date 2025-05-26 403', line, '');
    const m = person(text, 'Hayashi Yoshimasa', 'hayashi-yoshimasa', { id: 'japan-foreign-minister', surface: office });
    assert.deepEqual(roleConflict(ctx(text, [m])), [], line);
  }
});

test('role-conflict: a person with roles but none in that office is reported', () => {
  const text = joinLines('date 2025-05-26 403', 'Japanese Foreign Minister Saoud bin Abdulrahman Al Thani spoke.', '');
  const m = person(text, 'Saoud bin Abdulrahman Al Thani', 'saoud-bin-abdulrahman', { id: 'japan-foreign-minister', surface: 'Japanese Foreign Minister' });
  const fs = roleConflict(ctx(text, [m]));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /^The registry records no tenure of Saoud bin Abdulrahman Al Thani as Minister for Foreign Affairs of Japan; on 26 May 2025 the office was held by Takeshi Iwaya\. At that date Saoud bin Abdulrahman Al Thani was Deputy Prime Minister of Qatar\./);
});

// ---------------------------------------------------------------------------------------------
// event-date-conflict (article-local)

test('event-date-conflict: a sentence dating an event differently from the registry', () => {
  const text = SESSION;
  const e = event(text, 'second Strategic Dialogue', 'japan-qatar-strategic-dialogue-2');
  const fs = eventDateConflict(ctx(text, [e], [date(text, 'January 2025', '2025-01')]));
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), 'January 2025');
  assert.equal(fs[0].message, 'The registry dates Second Japan-Qatar Strategic Dialogue 31 January 2023 (2023-01-31), but this sentence dates it January 2025 (\'January 2025\'). Correct the date here, or the event\'s date in the registry.');
  assert.equal(fs[0].related![0].path, REG);
  assert.deepEqual([fs[0].related![1].start, fs[0].related![1].end], [e.start, e.end]);
});

test('event-date-conflict: an overlapping date, another fitting date in the sentence, or a date in another sentence give nothing', () => {
  const t1 = SESSION.replace('January 2025', 'January 2023');
  assert.deepEqual(eventDateConflict(ctx(t1, [event(t1, 'second Strategic Dialogue', 'japan-qatar-strategic-dialogue-2')], [date(t1, 'January 2023', '2023-01')])), []);
  const t2 = joinLines('date 2025-10-26 403', 'In May 2019 they signed a memorandum, and on 31 January 2023 they held the second Strategic Dialogue.', '');
  assert.deepEqual(eventDateConflict(ctx(t2, [event(t2, 'second Strategic Dialogue', 'japan-qatar-strategic-dialogue-2')],
    [date(t2, 'May 2019', '2019-05'), date(t2, '31 January 2023', '2023-01-31')])), []);
  const t3 = joinLines('It happened in March 2024. Later the second Strategic Dialogue took place.', '');
  assert.deepEqual(eventDateConflict(ctx(t3, [event(t3, 'second Strategic Dialogue', 'japan-qatar-strategic-dialogue-2')], [date(t3, 'March 2024', '2024-03')])), []);
});

test('event-date-conflict: a range of days (Ramadan) is compared as its days and said in words', () => {
  const text = joinLines('date 2025-10-26 403', 'The second Strategic Dialogue was held in Ramadan 2023, an aide recalled.', '');
  const e = event(text, 'second Strategic Dialogue', 'japan-qatar-strategic-dialogue-2');
  const fs = eventDateConflict(ctx(text, [e], [date(text, 'Ramadan 2023', '2023-03-23/2023-04-20')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /but this sentence dates it 23 March to 20 April 2023 \('Ramadan 2023'\)\./);
  // 31 January 2023 lies within these days: no finding.
  assert.deepEqual(eventDateConflict(ctx(text, [e], [date(text, 'Ramadan 2023', '2023-01-20/2023-02-18')])), []);
  assert.equal(describeIsoDate('2023-07-11/2023-07-12'), '11 to 12 July 2023');
  assert.equal(describeIsoDate('2012-07-20/2013-01-05'), '20 July 2012 to 5 January 2013');
  assert.equal(describeIsoDate('2009/2013'), '2009 to 2013');
});

// ---------------------------------------------------------------------------------------------
// metadata-date-conflict

test('metadata-date-conflict: front matter against a full dateline, with an unsafe fix', () => {
  const text = joinLines('---', 'date: 2025-10-27', '---', 'date 2025-10-26 403', 'Body text of the article.', '');
  const fs = metadataDateConflict(ctx(text));
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), 'date 2025-10-26 403');
  assert.equal(fs[0].message, 'The front matter dates this article 27 October 2025 (2025-10-27), but its dateline says 26 October 2025. The front matter date is used as the publication date; correct whichever is wrong.');
  assert.equal(text.slice(fs[0].related![0].start, fs[0].related![0].end), '2025-10-27');
  assert.notEqual(fs[0].fixes![0].safe, true);
  assert.match(applyEdits(text, fs[0].fixes![0].edits).text, /^---\ndate: 2025-10-26\n---/);
});

test('metadata-date-conflict: a wire dateline without a year compares month and day', () => {
  const bad = joinLines('---', 'date: 2025-10-27', '---', 'TOKYO, Oct. 26 (Reuters) - Japan and Qatar met.', '');
  const fs = metadataDateConflict(ctx(bad));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /its dateline says 26 October \(no year\)\./);
  assert.equal(bad.slice(fs[0].start, fs[0].end), 'TOKYO, Oct. 26 (Reuters)');
  const good = joinLines('---', 'date: 2024-10-26', '---', 'TOKYO, Oct. 26 (Reuters) - Japan and Qatar met.', '');
  assert.deepEqual(metadataDateConflict(ctx(good)), []);
  // A date-time may fall on the neighbouring day in the dateline's time zone.
  const tz = joinLines('---', 'date: 2025-10-25T23:30:00-05:00', '---', 'TOKYO, Oct. 26 (Reuters) - Japan and Qatar met.', '');
  assert.deepEqual(metadataDateConflict(ctx(tz)), []);
});

test('metadata-date-conflict: agreement, or only one of the two, gives nothing', () => {
  assert.deepEqual(metadataDateConflict(ctx(joinLines('---', 'date: 2025-10-26', '---', 'date 2025-10-26 403', 'Body.', ''))), []);
  assert.deepEqual(metadataDateConflict(ctx(joinLines('---', 'date: 2025-10-26', '---', 'Body.', ''))), []);
  assert.deepEqual(metadataDateConflict(ctx(joinLines('date 2025-10-26 403', 'Body.', ''))), []);
});

test('a paragraph longer than any news paragraph (a pasted data blob) is left out of the paragraph checks', () => {
  const blob = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo' + 'x'.repeat(25_000);
  const prose = 'The two delegations agreed to meet again in the spring to review the progress made.';
  const text = [prose, blob, prose, blob, ''].join('\n');
  const codes = duplicateParagraph(ctx(text)).map((f) => [f.code, f.start]);
  // The repeated prose is still found; the repeated blob is not compared at all.
  assert.deepEqual(codes, [['duplicate-paragraph', text.indexOf(prose, 1)]]);
});
