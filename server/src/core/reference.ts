/**
 * Reference dates (spec §2): the date a mention is "about" is the nearest date expression before it
 * in the same paragraph, else the article's publication date. Role and event checks and the hover
 * all use this one definition.
 */

import { Article, paragraphAt } from './article';
import { DateMention } from './types';

export interface ReferenceDate {
  /** TIMEX3 value, or null when nothing is known. */
  value: string | null;
  /** The date expression it comes from; absent when it is the publication date. */
  date?: DateMention;
  source: 'paragraph' | 'publication' | 'none';
}

/** `dates` must be sorted by start offset. */
export function referenceDate(article: Article, dates: readonly DateMention[], offset: number): ReferenceDate {
  const p = paragraphAt(article, offset);
  if (p) {
    // Binary search for the last date starting before `offset`.
    let lo = 0;
    let hi = dates.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid].start < offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = best; i >= 0 && dates[i].start >= p.start; i--) {
      if (dates[i].value !== null && dates[i].end <= offset) return { value: dates[i].value, date: dates[i], source: 'paragraph' };
    }
  }
  if (article.publicationDate) return { value: article.publicationDate, source: 'publication' };
  return { value: null, source: 'none' };
}
