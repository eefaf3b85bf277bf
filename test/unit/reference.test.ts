/**
 * The reference date of a mention (`core/reference.ts`): the date governing its clause, before or
 * after it in its sentence, else the nearest earlier date of its paragraph, else the publication
 * date. Articles are parsed and their dates recognized by the real recognizer; the TIMEX3 types
 * the recognizer may not produce yet (durations, sets, times, PRESENT_REF) are set on its output.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { recognizeDates } from '../../server/src/core/dates';
import { referenceDate } from '../../server/src/core/reference';
import { DateMention } from '../../server/src/core/types';
import { joinLines } from '../helpers';

function analyzed(body: string, published = '2025-10-26') {
  const text = `---\ndate: ${published}\n---\n${body}`;
  const article = parseArticle(text);
  return { text, article, dates: recognizeDates(article).dates };
}

/** The reference date at the n-th occurrence of `surface` (the mention's own span). */
function refAt(body: string, surface: string, opts: { published?: string; edit?: (dates: DateMention[], text: string) => DateMention[] } = {}) {
  const { text, article, dates } = analyzed(body, opts.published);
  const start = text.indexOf(surface);
  assert.ok(start >= 0, `'${surface}' not in the text`);
  const ds = opts.edit ? opts.edit(dates, text) : dates;
  const r = referenceDate(article, ds, start, start + surface.length);
  return { value: r.value, source: r.source, text: r.date?.text };
}

/** [what, body, mention, expected value, expected source, expected date text]. */
const ROWS: [string, string, string, string | null, string, string | undefined][] = [
  ['a part of a day (a TIME, `2025-03-03TMO`) counts by its day',
    'Foreign Minister Hayashi Yoshimasa met his counterpart in Berlin on Monday morning, 3 March 2025.',
    'Foreign Minister Hayashi Yoshimasa', '2025-03-03', 'sentence', 'Monday morning, 3 March 2025'],
  ['a part of a named weekday counts by its day',
    'Foreign Minister Hayashi Yoshimasa flew to Berlin on Friday night.',
    'Foreign Minister Hayashi Yoshimasa', '2025-10-24', 'sentence', 'Friday night'],
  ['a date after the name in the same sentence',
    'Foreign Minister Hayashi Yoshimasa met his counterpart in Berlin on 3 March 2025.',
    'Foreign Minister Hayashi Yoshimasa', '2025-03-03', 'sentence', '3 March 2025'],
  ['a date before the name in the same sentence',
    'On 3 March 2025, Foreign Minister Hayashi Yoshimasa met his counterpart in Berlin.',
    'Foreign Minister Hayashi Yoshimasa', '2025-03-03', 'sentence', '3 March 2025'],
  ['the nearest date before wins over one after, in the same sentence',
    'In May 2019 and again on 3 March 2025, Foreign Minister Hayashi Yoshimasa met officials in Berlin in June 2024.',
    'Foreign Minister Hayashi Yoshimasa', '2025-03-03', 'sentence', '3 March 2025'],
  ['the first date after, not a later one',
    'Foreign Minister Hayashi Yoshimasa flew to Berlin on 3 March 2025 and to Paris on 5 March 2025.',
    'Foreign Minister Hayashi Yoshimasa', '2025-03-03', 'sentence', '3 March 2025'],
  ['a date after the name beats an earlier sentence of the paragraph',
    'The talks opened in January 2023. Foreign Minister Hayashi Yoshimasa joined them on 3 March 2025.',
    'Foreign Minister Hayashi Yoshimasa', '2025-03-03', 'sentence', '3 March 2025'],
  ['no date in the sentence: the nearest earlier date of the paragraph',
    'The talks opened in January 2023. Foreign Minister Hayashi Yoshimasa chaired them.',
    'Foreign Minister Hayashi Yoshimasa', '2023-01', 'paragraph', 'January 2023'],
  ['a date in a later sentence does not count',
    'Foreign Minister Hayashi Yoshimasa chaired the talks. They ended on 3 March 2025.',
    'Foreign Minister Hayashi Yoshimasa', '2025-10-26', 'publication', undefined],
  ['a date in another paragraph does not count',
    joinLines('The talks opened on 3 March 2025.', 'Foreign Minister Hayashi Yoshimasa chaired them.'),
    'Foreign Minister Hayashi Yoshimasa', '2025-10-26', 'publication', undefined],
  ['a relative date after the name resolves first',
    'Foreign Minister Iwaya Takeshi met his German counterpart in Tokyo last month.',
    'Foreign Minister Iwaya Takeshi', '2025-09', 'sentence', 'last month'],
  ['a date after a "that" clause belongs to another clause',
    'Foreign Minister Iwaya Takeshi said that the treaty signed in 1960 still stands.',
    'Foreign Minister Iwaya Takeshi', '2025-10-26', 'publication', undefined],
  ['a date after a semicolon belongs to another clause',
    'Foreign Minister Iwaya Takeshi spoke first; the summit itself was held on 3 March 2025.',
    'Foreign Minister Iwaya Takeshi', '2025-10-26', 'publication', undefined],
  ['a date inside a quotation after the name belongs to the quotation',
    'Foreign Minister Iwaya Takeshi told reporters: “We were allies in 1990 and we are allies now.”',
    'Foreign Minister Iwaya Takeshi', '2025-10-26', 'publication', undefined],
];

for (const [what, body, mention, value, source, dateText] of ROWS) {
  test(`reference date: ${what}`, () => {
    assert.deepEqual(refAt(body, mention), { value, source, text: dateText });
  });
}

/** A date mention the recognizer may not produce yet, at the first occurrence of `surface`. */
function extra(surface: string, patch: Partial<DateMention>) {
  return (dates: DateMention[], text: string): DateMention[] => {
    const start = text.indexOf(surface);
    const d: DateMention = { start, end: start + surface.length, text: surface, value: null, kind: 'duration', granularity: 'year', resolution: { rule: 'test' }, ...patch };
    return [...dates, d].sort((a, b) => a.start - b.start);
  };
}

test('reference date: durations, sets and general references are never the reference', () => {
  const body = 'Foreign Minister Hayashi Yoshimasa, in office for five years now, meets his counterpart every week and first did so in 2022.';
  const edit = (dates: DateMention[], text: string) =>
    extra('now', { kind: 'reference', type: 'DATE', value: 'PRESENT_REF' })(
      extra('every week', { kind: 'set', type: 'SET', value: 'P1W', quant: 'EVERY' })(
        extra('five years', { kind: 'duration', type: 'DURATION', value: 'P5Y' })(dates, text), text), text);
  assert.deepEqual(refAt(body, 'Foreign Minister Hayashi Yoshimasa', { edit }), { value: '2022', source: 'sentence', text: '2022' });
  const without = body.replace(' and first did so in 2022', '');
  assert.deepEqual(refAt(without, 'Foreign Minister Hayashi Yoshimasa', { edit }), { value: '2025-10-26', source: 'publication', text: undefined });
});

test('reference date: a time counts by its date part; a bare time does not count', () => {
  const body = 'Foreign Minister Hayashi Yoshimasa arrived on 3 March 2025 and left on 5 March 2025.';
  const asTime = (value: string) => (dates: DateMention[]) => dates.map((d, k) => (k === 0 ? { ...d, type: 'TIME' as const, kind: 'time' as const, value } : d));
  assert.deepEqual(refAt(body, 'Foreign Minister Hayashi Yoshimasa', { edit: asTime('2025-03-03TMO') }), { value: '2025-03-03', source: 'sentence', text: '3 March 2025' });
  assert.deepEqual(refAt(body, 'Foreign Minister Hayashi Yoshimasa', { edit: asTime('T14:30') }), { value: '2025-03-05', source: 'sentence', text: '5 March 2025' });
});

test('reference date: unresolved dates do not count, and without a publication date nothing is known', () => {
  const text = 'Foreign Minister Hayashi Yoshimasa met his counterpart on Monday.';
  const article = parseArticle(text);
  const { dates } = recognizeDates(article);
  assert.equal(dates.length, 1);
  assert.equal(dates[0].value, null);
  assert.deepEqual(referenceDate(article, dates, 0, 34), { value: null, source: 'none' });
});
