/**
 * Reference dates (spec §2): the date a mention is "about", the date governing its clause. Role
 * and event checks and the hover all use this one definition:
 *
 * 1. the nearest date before the mention in the same sentence ("On 3 March 2025, Foreign Minister
 *    Hayashi…");
 * 2. else the first date after the mention in the same sentence, unless a clause boundary lies
 *    between them ("Foreign Minister Hayashi met his counterpart on 3 March 2025");
 * 3. else the nearest date before the mention in the same paragraph;
 * 4. else the article's publication date.
 *
 * Only dates that name a stretch of the calendar count: TIMEX3 type DATE or TIME (an absent type
 * is DATE) with a value that resolves to days (`2025-03-03`, `2025-03`, `2025`, `199X`, `2025-W10`,
 * `2009/2013`; a time's date part). Durations, sets and general references (`PRESENT_REF`) never
 * do, nor do unresolved dates.
 */

import { Article, Paragraph, Sentence, paragraphAt, textSlice } from './article';
import { dayInterval } from './calendar';
import { lowerBound } from './search';
import { DateMention } from './types';

export interface ReferenceDate {
  /** A value `dayInterval` reads (a time's date part), or null when nothing is known. */
  value: string | null;
  /** The date expression it comes from; absent when it is the publication date. */
  date?: DateMention;
  /**
   * `sentence`: a date of the mention's own sentence (before or after it); `paragraph`: an
   * earlier date of its paragraph; `publication`: the publication date.
   */
  source: 'sentence' | 'paragraph' | 'publication' | 'none';
}

/**
 * Between a mention and a date after it, these end the clause the mention governs: a semicolon,
 * a colon, a dash between spaces, an opening quotation mark, or a complement or relative clause
 * introduced by "that"/"which" ("Foreign Minister Iwaya said that the treaty of 1960…").
 */
const CLAUSE_BOUNDARY = /[;:“”"«»]|\s[–—-]\s|\b(?:that|which)\b/i;

/** The part of a date's value the reference uses, or null when the date cannot be one. */
export function referenceValue(d: DateMention): string | null {
  if (d.value === null) return null;
  const type = d.type ?? 'DATE';
  if (type !== 'DATE' && type !== 'TIME') return null;
  // A time's value is a date with a time part (`2013-03-22TMO`, `2025-03-03T14:30`); a bare time
  // (`T14:30`) has no date part and is left out.
  const t = d.value.indexOf('T');
  const v = t > 0 ? d.value.slice(0, t) : d.value;
  return dayInterval(v) ? v : null;
}

/**
 * `dates` must be sorted by start offset. `start`/`end` is the mention (with its title, for a
 * person named with an office); `end` defaults to `start`.
 */
export function referenceDate(article: Article, dates: readonly DateMention[], start: number, end = start): ReferenceDate {
  const p = paragraphAt(article, start);
  if (p) {
    const s = sentenceIn(p, start);
    const before = precedingDate(dates, p, start);
    if (before && s && before.date.start >= s.start) return { value: before.value, date: before.date, source: 'sentence' };
    const after = s ? followingDate(article, dates, s, end) : null;
    if (after) return { value: after.value, date: after.date, source: 'sentence' };
    if (before) return { value: before.value, date: before.date, source: 'paragraph' };
  }
  if (article.publicationDate) return { value: article.publicationDate, source: 'publication' };
  return { value: null, source: 'none' };
}

function sentenceIn(p: Paragraph, offset: number): Sentence | undefined {
  for (const s of p.sentences) if (offset >= s.start && offset < s.end) return s;
  return undefined;
}

/** Index of the first date starting at or after `offset` (binary search). */
function firstFrom(dates: readonly DateMention[], offset: number): number {
  return lowerBound(dates, offset, (d) => d.start);
}

/** The nearest usable date ending before `offset` inside paragraph `p`. */
function precedingDate(dates: readonly DateMention[], p: Paragraph, offset: number): { value: string; date: DateMention } | null {
  for (let i = firstFrom(dates, offset) - 1; i >= 0 && dates[i].start >= p.start; i--) {
    if (dates[i].end > offset) continue;
    const value = referenceValue(dates[i]);
    if (value) return { value, date: dates[i] };
  }
  return null;
}

/** The first usable date after `offset` in sentence `s`, with no clause boundary in between. */
function followingDate(article: Article, dates: readonly DateMention[], s: Sentence, offset: number): { value: string; date: DateMention } | null {
  for (let i = firstFrom(dates, offset); i < dates.length && dates[i].start < s.end; i++) {
    if (CLAUSE_BOUNDARY.test(textSlice(article, offset, dates[i].start))) return null;
    const value = referenceValue(dates[i]);
    if (value) return { value, date: dates[i] };
  }
  return null;
}
