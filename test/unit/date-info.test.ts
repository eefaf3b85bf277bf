/**
 * The readings of a date mention its users share (`core/dateInfo.ts`): the value in words for
 * every TIMEX3 type, the relation to the article (the publication day, the date an anaphoric
 * mention counts from) and the anchor with where the publication date came from. Mentions the
 * recognizer may not produce yet (anaphoric, durations, sets, times) are built by hand on real
 * article text.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { recognizeDates } from '../../server/src/core/dates';
import { creationTime, dateAnchor, describeAnchor, describeDateValue, describeRelation, timexType, valueInWords } from '../../server/src/core/dateInfo';
import { describeWhen } from '../../server/src/core/checks/role-conflict';
import { DateMention, TimexMod, TimexType } from '../../server/src/core/types';
import { joinLines } from '../helpers';

function mention(value: string | null, type?: TimexType, extra: Partial<DateMention> = {}): DateMention {
  return { start: 0, end: 1, text: 'x', value, kind: 'absolute', granularity: 'day', resolution: { rule: 'test' }, ...(type ? { type } : {}), ...extra };
}

/** [type, value, mod, expected words]. */
const WORDS: [TimexType | undefined, string, TimexMod | undefined, string][] = [
  [undefined, '2013-03-22', undefined, 'Friday 22 March 2013'],
  ['DATE', '2025-03', undefined, 'March 2025'],
  ['DATE', '2025', 'APPROX', 'about 2025'],
  ['DATE', '2025', 'START', 'the start of 2025'],
  ['DATE', '199X', undefined, 'the 1990s'],
  ['DATE', '199', 'MID', 'the middle of the 1990s'],
  ['DATE', '19', undefined, 'the 1900s'],
  ['DATE', '2009/2013', undefined, '2009 to 2013'],
  ['DATE', '2025-W31', undefined, 'week 31 of 2025'],
  ['DATE', '2025-Q3', undefined, 'the third quarter of 2025'],
  ['DATE', '2025-H2', undefined, 'the second half of 2025'],
  ['DATE', '2024-SU', undefined, 'summer 2024'],
  ['DATE', '2024-WI', 'END', 'the end of winter 2024'],
  ['DATE', 'FY2025', undefined, 'fiscal year 2025'],
  ['DATE', 'PRESENT_REF', undefined, 'the present'],
  ['DATE', 'PAST_REF', undefined, 'the past'],
  ['TIME', '2013-03-22TMO', undefined, 'Friday 22 March 2013, morning'],
  ['TIME', '2025-10-26TNI', undefined, 'Sunday 26 October 2025, night'],
  ['TIME', '2025-03-03T14:30', undefined, 'Monday 3 March 2025, 14:30'],
  ['TIME', 'T14:30', undefined, '14:30'],
  ['DURATION', 'P5Y', undefined, 'a duration of 5 years'],
  ['DURATION', 'P1M', undefined, 'a duration of 1 month'],
  ['DURATION', 'P3D', 'LESS_THAN', 'a duration of less than 3 days'],
  ['DURATION', 'PXM', undefined, 'a duration of several months'],
  ['DURATION', 'PT2H', undefined, 'a duration of 2 hours'],
  ['DURATION', 'P2CE', undefined, 'a duration of 2 centuries'],
  ['SET', 'P1W', undefined, 'every week'],
  ['SET', 'P2D', undefined, 'every 2 days'],
  ['SET', 'XXXX-WI', undefined, 'every winter'],
  ['SET', 'XXXX-WXX-1', undefined, 'every Monday'],
  ['SET', 'XXXX-WXX-7', undefined, 'every Sunday'],
  ['SET', 'TEV', undefined, 'every evening'],
];

for (const [type, value, mod, words] of WORDS) {
  test(`date in words: ${type ?? '(no type)'} ${value}${mod ? ` ${mod}` : ''} → ${words}`, () => {
    assert.equal(describeDateValue(mention(value, type, mod ? { mod } : {})), words);
  });
}

test('date in words: an unresolved date has none; a type defaults to DATE', () => {
  assert.equal(describeDateValue(mention(null)), null);
  assert.equal(timexType(mention('2025')), 'DATE');
});

const FRIDAY = joinLines(
  'Friday, March 22, 2013',
  'Foreign ministers met in Brussels on Friday.',
  'Talks began on 3 March 2013.',
  'The envoys left two days later, and returned the day after.',
  '');

function friday() {
  const article = parseArticle(FRIDAY);
  const { dates } = recognizeDates(article);
  const at = (s: string) => ({ start: FRIDAY.indexOf(s), end: FRIDAY.indexOf(s) + s.length, text: s });
  const march3 = dates.find((d) => d.text === '3 March 2013')!;
  const later: DateMention = { ...at('two days later'), value: '2013-03-05', kind: 'anaphoric', granularity: 'day', anchor: { previous: march3.start }, resolution: { rule: 'two days after the previous date' } };
  const after: DateMention = { ...at('the day after'), value: '2013-03-06', kind: 'anaphoric', granularity: 'day', anchor: { previous: later.start }, resolution: { rule: 'the day after the previous date' } };
  const all = [...dates, later, after].sort((a, b) => a.start - b.start);
  return { article, dates: all, byText: (t: string) => all.find((d) => d.text === t)! };
}

test('relation: the dateline date is the creation time, a weekday equal to it the publication day', () => {
  const { article, dates, byText } = friday();
  assert.equal(article.publicationDateSource, 'dateline');
  const dl = byText('Friday, March 22, 2013');
  assert.equal(creationTime(article, dates), dl);
  assert.equal(describeRelation(dl, article, dates), 'the publication date, from the dateline');
  const fri = byText('Friday');
  assert.equal(fri.value, '2013-03-22');
  assert.equal(describeDateValue(fri), 'Friday 22 March 2013');
  assert.equal(describeRelation(fri, article, dates), 'the publication day');
  assert.equal(describeAnchor(fri, article, dates), 'anchored to the publication date 2013-03-22 from the dateline');
  assert.equal(describeRelation(byText('3 March 2013'), article, dates), null);
  assert.equal(describeAnchor(byText('3 March 2013'), article, dates), null);
});

test('relation: an anaphoric date counts from the previous date, with its line', () => {
  const { article, dates, byText } = friday();
  const later = byText('two days later');
  assert.deepEqual(dateAnchor(later), { previous: FRIDAY.indexOf('3 March 2013') });
  assert.equal(describeRelation(later, article, dates), '2 days after 3 March 2013 (line 3)');
  assert.equal(describeAnchor(later, article, dates), 'anchored to the previous date 3 March 2013 (line 3)');
  assert.equal(describeRelation(byText('the day after'), article, dates), 'the day after 5 March 2013 (line 4)');
});

test('relation: a part of a day (a TIME) reads as its date and part, and counts from the previous one by its day', () => {
  const text = joinLines('---', 'date: 2016-03-04', '---', 'Rebels fired on the port on Friday night.', 'The next morning the army moved in.', '');
  const article = parseArticle(text);
  const { dates } = recognizeDates(article);
  const [night, morning] = dates;
  assert.deepEqual([night.text, night.type, night.value], ['Friday night', 'TIME', '2016-03-04TNI']);
  assert.equal(describeDateValue(night), 'Friday 4 March 2016, night');
  assert.equal(describeRelation(night, article, dates), 'the publication day');
  assert.deepEqual([morning.text, morning.type, morning.value], ['The next morning', 'TIME', '2016-03-05TMO']);
  assert.equal(describeDateValue(morning), 'Saturday 5 March 2016, morning');
  assert.equal(describeRelation(morning, article, dates), 'the day after 4 March 2016, night (line 4)');
  assert.equal(describeAnchor(morning, article, dates), 'anchored to the previous date 4 March 2016, night (line 4)');
});

test('anchor: front matter as the source, an article without a publication date, and defaults for older producers', () => {
  const text = joinLines('---', 'date: 2025-10-27', '---', 'TOKYO, Oct. 26, 2025 (Wire) - The cabinet met yesterday.', '');
  const article = parseArticle(text);
  const { dates } = recognizeDates(article);
  const y = dates.find((d) => d.text === 'yesterday')!;
  assert.equal(dateAnchor(y), 'dct');
  assert.equal(describeAnchor(y, article, dates), 'anchored to the publication date 2025-10-27 from the front matter');
  // The dateline disagrees with the front matter: it is not the creation time.
  assert.equal(creationTime(article, dates), null);
  const none = parseArticle('The cabinet met yesterday.\n');
  const nd = recognizeDates(none).dates;
  assert.equal(describeAnchor(nd[0], none, nd), 'needs the publication date, and the article has none');
  assert.equal(dateAnchor(mention('2025')), 'none');
  assert.equal(dateAnchor(mention('2025-10', undefined, { kind: 'partial' })), 'dct');
});

test('values as a sentence names them, for messages and the official card', () => {
  assert.deepEqual(['2025-01-05', '2025-01', '2025', '2023-W17', '199X', '2025-Q3', '2024-10-XX', '2024-XX-XX'].map(valueInWords),
    ['5 January 2025', 'January 2025', '2025', 'week 17 of 2023', 'the 1990s', 'the third quarter of 2025', 'a day in October 2024', 'a day in 2024']);
  assert.deepEqual(['2025-01-05', '2025-01', '2023-W17', '2009/2013'].map(describeWhen),
    ['on 5 January 2025', 'in January 2025', 'in week 17 of 2023', 'between 2009 and 2013']);
});
