import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { recognizeDates, isoWeek } from '../../server/src/core/dates';
import { DateScanner, scanDates } from '../../server/src/core/dates/scan';
import { applyEdits } from '../../server/src/core/edits';

/** An article body with a publication date in front matter (or none). */
function article(body: string, published: string | null): string {
  return published ? `---\ndate: ${published}\n---\n${body}` : body;
}

function datesOf(body: string, published: string | null) {
  const text = article(body, published);
  const r = recognizeDates(parseArticle(text));
  return { text, ...r };
}

/** [sentence, publication date, expected text, expected value, expected kind]. */
const ROWS: [string, string | null, string, string | null, string][] = [
  // Absolute forms.
  ['The accord was signed on 29 July 2025 in Tokyo.', '2025-10-26', '29 July 2025', '2025-07-29', 'absolute'],
  ['The accord was signed on July 29, 2025 in Tokyo.', '2025-10-26', 'July 29, 2025', '2025-07-29', 'absolute'],
  ['The accord was signed on 2025-07-29 in Tokyo.', '2025-10-26', '2025-07-29', '2025-07-29', 'absolute'],
  ['Exchanges began with a memorandum signed in May 2019.', '2025-10-26', 'May 2019', '2019-05', 'absolute'],
  ['In January 2025, the two sides met in Doha.', '2025-10-26', 'January 2025', '2025-01', 'absolute'],
  ['The fund was set up in 2013 with Japanese money.', '2025-10-26', '2013', '2013', 'absolute'],
  ['Relations have been established since 1861.', '2025-10-26', '1861', '1861', 'absolute'],
  ['From 2014, work progressed under a new programme.', '2025-10-26', '2014', '2014', 'absolute'],
  ['Allies met at the 2021 NATO Summit in Brussels.', '2025-10-26', '2021', '2021', 'absolute'],
  ['It was restated in the NATO Strategic Concept 2022 last spring.', '2025-10-26', '2022', '2022', 'absolute'],
  ['Growth slowed in Q3 2024 across the region.', '2025-10-26', 'Q3 2024', '2024-Q3', 'absolute'],
  // Partial dates, resolved to the most recent such date not after publication.
  ['The talks were held on September 29 at the ministry.', '2025-10-26', 'September 29', '2025-09-29', 'partial'],
  ['The talks were held on November 3 at the ministry.', '2025-10-26', 'November 3', '2024-11-03', 'partial'],
  ['Officials met on Oct. 26 in Tokyo.', '2025-10-26', 'Oct. 26', '2025-10-26', 'partial'],
  ['Officials met on Sept 29 in Tokyo.', '2025-10-26', 'Sept 29', '2025-09-29', 'partial'],
  ['The prime minister visited the kingdom in July.', '2023-07-20', 'July', '2023-07', 'partial'],
  ['The prime minister visited the kingdom in December.', '2023-07-20', 'December', '2022-12', 'partial'],
  // Future tense: the next occurrence.
  ['The ministers will meet again on November 3.', '2025-10-26', 'November 3', '2025-11-03', 'partial'],
  ['The summit is scheduled to open in December.', '2025-10-26', 'December', '2025-12', 'partial'],
  // Relative dates.
  ['Reporters were briefed in Tokyo last month.', '2025-10-26', 'last month', '2025-09', 'relative'],
  ['The agreement took effect last year.', '2025-10-26', 'last year', '2024', 'relative'],
  ['An agreement was activated last July.', '2025-10-26', 'last July', '2025-07', 'relative'],
  ['An agreement was activated last July.', '2025-07-29', 'last July', '2024-07', 'relative'],
  ['An agreement was activated last July.', '2025-06-01', 'last July', '2024-07', 'relative'],
  ['The envoy arrived last week.', '2025-07-29', 'last week', '2025-W30', 'relative'],
  ['Trade grew this year.', '2025-10-26', 'this year', '2025', 'relative'],
  ['A delegation travels next month.', '2025-10-26', 'next month', '2025-11', 'relative'],
  ['The minister spoke yesterday.', '2025-10-26', 'yesterday', '2025-10-25', 'relative'],
  ['The office opened two years ago.', '2025-10-26', 'two years ago', '2023', 'relative'],
  // Weekdays: the most recent such day not after publication, or the next one in the future tense.
  ['Japan and Germany pledged on Monday to deepen ties.', '2025-10-26', 'Monday', '2025-10-20', 'weekday'],
  ['At a press conference on Thursday in Riyadh, she spoke.', '2025-10-26', 'Thursday', '2025-10-23', 'weekday'],
  ['The ministers met on Sunday.', '2025-10-26', 'Sunday', '2025-10-26', 'weekday'],
  ['The ministers will meet on Monday.', '2025-10-26', 'Monday', '2025-10-27', 'weekday'],
  // Decades and vague spans.
  ['They first met in the 1990s.', '2025-10-26', '1990s', '199X', 'decade'],
  ['Contacts began in the early 1990s.', '2025-10-26', 'early 1990s', '199X', 'decade'],
  ['Operations ran since the mid-1990s.', '2025-10-26', 'mid-1990s', '199X', 'decade'],
  // Ranges.
  ['Japan pledged aid over five years (2009-2013).', '2025-10-26', '2009-2013', '2009/2013', 'range'],
  // "between … and …", "from … to …": two dates, each carrying the interval (see the range test).
  ['Japan pledged aid between 2009 and 2013.', '2025-10-26', '2013', '2013', 'absolute'],
  ['The programme ran from 2014 to 2016.', '2025-10-26', '2014', '2014', 'absolute'],
  // Without a publication date, partial and relative dates stay unresolved.
  ['The talks were held on September 29.', null, 'September 29', null, 'partial'],
  ['The minister spoke yesterday.', null, 'yesterday', null, 'relative'],
  ['The accord was signed on 29 July 2025.', null, '29 July 2025', '2025-07-29', 'absolute'],
];

for (const [sentence, published, expectText, value, kind] of ROWS) {
  test(`date: "${sentence}" (published ${published ?? 'never'})`, () => {
    const { text, dates } = datesOf(sentence, published);
    const d = dates.find((x) => x.text === expectText);
    assert.ok(d, `no date '${expectText}' in ${JSON.stringify(dates.map((x) => x.text))}`);
    assert.equal(d!.value, value);
    assert.equal(d!.kind, kind);
    assert.equal(text.slice(d!.start, d!.end), expectText);
    if (value && published && kind !== 'absolute' && kind !== 'decade' && kind !== 'range') assert.equal(d!.resolution.anchor, published);
  });
}

test('two month-year dates joined by "and" are two dates', () => {
  const { dates } = datesOf('In April 2022 and April 2023, Japan took part.', '2025-10-26');
  assert.deepEqual(dates.map((d) => [d.text, d.value]), [['April 2022', '2022-04'], ['April 2023', '2023-04']]);
});

const NOT_DATES = [
  'Trade has surged to more than $47 billion in recent years.',
  'It pledged USD 5 billion for the purpose.',
  'The region supplies approximately 90% of its crude oil.',
  'A 6.6 magnitude earthquake struck south of Fiji.',
  'Speaking at the 41st GCC interior ministers meeting, he spoke.',
  'It opposes any move to undermine the 2-state solution.',
  'Published Date: 04:52 | Market update',
  'Both are members of the G7 and the G20.',
  'Article 5 applies to all members.',
  'The event drew 25,000 attendees to TOKEN2049.',
  'Russia used F-35 jets and COVID-19 spread; 2025 people attended.',
  'May I ask a question about the plan?',
];

for (const s of NOT_DATES) {
  test(`not a date: "${s}"`, () => {
    const { dates } = datesOf(s, '2025-10-26');
    // Durations ("in recent years") are not dates: only DATE and TIME values count here.
    assert.deepEqual(dates.filter((d) => d.type === 'DATE' || d.type === 'TIME').map((d) => d.text), []);
  });
}

test('a range written with between/from is two dates that carry the interval', () => {
  const { dates } = datesOf('Japan pledged aid between 2009 and 2013.', '2025-10-26');
  assert.deepEqual(dates.map((d) => [d.text, d.value, d.range]), [['2009', '2009', { start: '2009', end: '2013' }], ['2013', '2013', { start: '2009', end: '2013' }]]);
});

test('a plural weekday after a count or before a name is no SET', () => {
  for (const sentence of ['Fridays For Future staged a march in the capital.', 'The shelling went on for three weekends in a row.', 'The Sundays of Lent were quiet.']) {
    assert.deepEqual(datesOf(sentence, '2024-07-14').dates.map((d) => d.text), [], sentence);
  }
});

test('two days joined by "or" are two dates with no interval between them', () => {
  const { dates } = datesOf('The runoff falls on Nov. 9 or 10, the commission said.', '2025-10-26');
  assert.deepEqual(dates.map((d) => [d.text, d.value, d.range]), [['Nov. 9', '2025-11-09', undefined], ['10', '2025-11-10', undefined]]);
});

test('words that are names of built-in object properties are not number or unit words', () => {
  const { dates } = datesOf('It happened constructor years ago, a toString ago, hasOwnProperty months ago and __proto__ weeks ago.', '2025-10-26');
  assert.deepEqual(dates.map((d) => d.text), []);
});

test('a year and a dash at the very end of the text is a year, not a crash', () => {
  for (const dash of ['-', '–']) {
    const { dates } = datesOf(`Aid was pledged in 2009${dash}`, '2025-10-26');
    assert.deepEqual(dates.map((d) => [d.text, d.value]), [['2009', '2009']]);
  }
});

test('weekday-mismatch on the weekday word when it contradicts the date; none when it agrees', () => {
  const { text, findings } = datesOf('The talks opened on Tuesday, September 29, 2025 and closed on Monday 29 September 2025.', '2025-10-26');
  const f = findings.filter((x) => x.code === 'weekday-mismatch');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'Tuesday');
  assert.match(f[0].message, /29 September 2025 was a Monday/);
});

test('weekday-mismatch with a partial date checks the resolved year', () => {
  const { findings } = datesOf('They met on Friday, 23 July.', '2025-07-29');
  assert.equal(findings.filter((x) => x.code === 'weekday-mismatch').length, 1);
});

test('weekday-mismatch checks a day against the year written after it ("on Sunday, March 6 in 2016")', () => {
  // Written in 2018: read in 2018 (a Tuesday), both weekdays would be false alarms; in their own years both agree.
  const ok = datesOf('The envoys met on Sunday, March 6 in 2016 and again on Monday, March 6 in 2017.', '2018-04-01');
  assert.deepEqual(ok.findings.filter((x) => x.code === 'weekday-mismatch'), []);
  assert.deepEqual(ok.dates.filter((d) => d.text.includes('March')).map((d) => d.value), ['2016-03-06', '2017-03-06']);
  const { text, findings } = datesOf('The envoys met on Monday, March 6 in 2016.', '2018-04-01');
  const f = findings.filter((x) => x.code === 'weekday-mismatch');
  assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['Monday']);
  assert.match(f[0].message, /6 March 2016 was a Sunday/);
});

test('weekday-mismatch reads the day of a part of day ("Tuesday morning, September 29, 2025") as it reads the plain date', () => {
  const { text, findings, dates } = datesOf('The talks opened on Tuesday morning, September 29, 2025 and closed on Monday night, September 29, 2025.', '2025-10-26');
  const f = findings.filter((x) => x.code === 'weekday-mismatch');
  assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['Tuesday']);
  assert.match(f[0].message, /29 September 2025 was a Monday/);
  assert.deepEqual(dates.map((d) => [d.text, d.type, d.value]), [
    ['Tuesday morning, September 29, 2025', 'TIME', '2025-09-29TMO'],
    ['Monday night, September 29, 2025', 'TIME', '2025-09-29TNI'],
  ]);
});

test('"within" a quantity is a duration (TimeML: "within" is a signal) with its interval from the publication date, in days for weeks', () => {
  const { dates } = datesOf('The rebels must leave the town within 3 days. The troops must withdraw within two weeks.', '2016-03-04');
  assert.deepEqual(dates.map((d) => [d.text, d.type, d.value, d.mod, d.range]), [
    ['3 days', 'DURATION', 'P3D', undefined, { start: '2016-03-04', end: '2016-03-07' }],
    ['two weeks', 'DURATION', 'P2W', undefined, { start: '2016-03-04', end: '2016-03-18' }],
  ]);
});

test('invalid-date for dates that do not exist', () => {
  const { text, findings, dates } = datesOf('It was signed on 30 February 2024 and on 31 April 2025, but not on 29 February 2024.', '2025-10-26');
  const f = findings.filter((x) => x.code === 'invalid-date');
  assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['30 February 2024', '31 April 2025']);
  assert.equal(dates.find((d) => d.text === '29 February 2024')?.value, '2024-02-29');
});

test('unresolved-date is reported once per article, with a fix that adds front matter', () => {
  const body = 'They met on Thursday. They agreed in July to meet again. The accord of 12 March 2024 stands.';
  const { text, findings } = datesOf(body, null);
  const f = findings.filter((x) => x.code === 'unresolved-date');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'Thursday');
  assert.match(f[0].message, /^2 dates/);
  const fixed = applyEdits(text, f[0].fixes![0].edits).text;
  assert.ok(fixed.startsWith('---\ndate: 2024-03-12\n---\n'));
  assert.equal(parseArticle(fixed).publicationDate, '2024-03-12');
  // Without any full date to offer, the fix asks the editor for one.
  const g = datesOf('They met on Thursday.', null).findings[0];
  assert.deepEqual(g.fixes![0].command, { name: 'attache.insertFrontMatter', args: [] });
  assert.deepEqual(datesOf(body, '2025-10-26').findings.filter((x) => x.code === 'unresolved-date'), []);
});

test('each resolved date says how: the rule and the anchor', () => {
  const d = datesOf('Officials met on September 29.', '2025-10-26').dates[0];
  assert.match(d.resolution.rule, /September 29 nearest the publication date \(past tense\)/);
  assert.equal(d.resolution.anchor, '2025-10-26');
});

test('datelines are dates too, and anchor the rest', () => {
  const text = ' date 2025-10-26 403\nOfficials met last month.';
  const r = recognizeDates(parseArticle(text));
  assert.deepEqual(r.dates.map((d) => [d.text, d.value]), [['2025-10-26', '2025-10-26'], ['last month', '2025-09']]);
  const t2 = '- Published Date: 04:52 | 29 July 2025\nOfficials met last week.';
  assert.deepEqual(recognizeDates(parseArticle(t2)).dates.map((d) => d.value), ['2025-07-29', '2025-W30']);
});

test('ISO weeks at year boundaries', () => {
  assert.equal(isoWeek({ y: 2021, m: 1, d: 1 }), '2020-W53');
  assert.equal(isoWeek({ y: 2024, m: 12, d: 30 }), '2025-W01');
  assert.equal(isoWeek({ y: 2025, m: 7, d: 29 }), '2025-W31');
});

test('a long text is scanned in pieces: each date near a piece boundary is found once, as in its sentence alone', () => {
  // The sentence slides over the end of the first piece (16,384 characters) one character at a time,
  // so each of its dates in turn is cut by the piece's end, falls in its last words, or opens the
  // next piece ("in July" needs the word before it).
  const sentence = 'The talks were held in July and the accord was signed on 3 March 2025 in Vienna, and on Friday.';
  const scanner = new DateScanner();
  const alone = scanDates(sentence, 0, sentence.length, scanner).map((e) => `${e.start}-${e.end} ${e.kind.type}`);
  assert.deepEqual(alone, ['23-27 m', '57-69 ymd', '88-94 weekday']);
  const filler = 'Calm seas. '.repeat(2000);
  for (let at = 16_200; at < 16_400; at++) {
    const text = `${filler.slice(0, at)} ${sentence} ${filler}`;
    const got = scanDates(text, 0, text.length, scanner).map((e) => `${e.start - at - 1}-${e.end - at - 1} ${e.kind.type}`);
    assert.deepEqual(got, alone, `sentence at ${at}`);
  }
});

test('the tokenizer lists every token a date can start at: the parser visits no other', () => {
  // Words of no date class, units, references and punctuation are left out of the list; no date
  // form starts at one of them, so trying them all finds nothing more.
  const text = 'On Monday, March 3, 2025, the 1990s ended; last week 5 percent of $47 billion, No. 5, two days ago, Q3 2024, the 6th of May, mid-2010s, tomorrow, in 2009-2013 and Überall 2024 at 10:30 a.m. the next morning.';
  const s = new DateScanner();
  s.tokenize(text, 0, text.length);
  const listed = Array.from(s.tCand.subarray(0, s.candidates));
  assert.deepEqual(listed, [...listed].sort((a, b) => a - b), 'in order');
  const cand = new Set(listed);
  let others = 0;
  for (let k = 0; k < s.count; k++) {
    // Numbers and digit-letter tokens are always listed.
    if (s.kind(k) === 2 || s.kind(k) === 3) assert.ok(cand.has(k), `'${s.str(k)}' listed`);
    if (!cand.has(k)) {
      others++;
      assert.equal(s.tryAt(k), null, `a date at '${s.str(k)}', not listed`);
    }
  }
  assert.ok(listed.length >= 20 && others >= 25, `${listed.length} listed, ${others} not`);
});

test('the look-ahead for a date word read from the candidate list answers as the one over every token', () => {
  // parseTokens asks the list (triggerListedAhead) whether a leading word ("the", "last") has a
  // number, a month or weekday name or a trigger word within four tokens after it.
  const words = ['the', 'last', 'a', 'about', 'every', 'next', 'May', 'Monday', 'weekly', 'days', 'percent', 'No', 'said', 'of', '5', '2024', 'Q3', '1990s', ',', '.', '$', 'Überall'];
  const s = new DateScanner();
  let seed = 11;
  let asked = 0;
  let yes = 0;
  for (let t = 0; t < 300; t++) {
    const parts: string[] = [];
    for (let w = 0; w < 40; w++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      parts.push(words[seed % words.length]);
    }
    const text = parts.join(' ');
    s.tokenize(text, 0, text.length);
    for (let p = 0; p < s.candidates; p++) {
      const i = s.tCand[p];
      asked++;
      const ahead = s.dateWordAhead(i);
      if (ahead) yes++;
      assert.equal(s.triggerListedAhead(p), ahead, `'${text}' at '${s.str(i)}' (token ${i})`);
    }
  }
  assert.ok(asked > 3000 && yes > 500 && asked - yes > 500, `${asked} asked, ${yes} yes`);
});

test('a weekday with a date past year 9999 is read without a crash, and the other dates with it', () => {
  // Article dated 9999-12-31: the Monday that is a 3 March falls in year 10000, which has no ISO form to check.
  const { dates, findings } = datesOf('On Friday, 4 July 2025, they met. On Monday, March 3, too.', '9999-12-31');
  assert.deepEqual(dates.map((d) => [d.text, d.value]), [['Friday, 4 July 2025', '2025-07-04'], ['Monday, March 3', '10000-03-03']]);
  assert.deepEqual(findings, []);
});
