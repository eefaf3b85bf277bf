/**
 * What the users of dates (the CLI's JSON, the hover, inlay hints) say about a date mention,
 * in one place: its TIMEX3 type and anchor with the defaults for older producers, and which date
 * is the article's creation time (TimeML's DCT: the publication date as its dateline writes it).
 * The recognizer lives in `dates/`; this module only reads its output.
 */

import { Article } from './article';
import { pad } from './calendar';
import { DateAnchor, DateKind, DateMention, TimexType } from './types';

/** The TIMEX3 type; a mention without one is a DATE. */
export function timexType(d: DateMention): TimexType {
  return d.type ?? 'DATE';
}

/** Kinds whose value is computed from the publication date when the recognizer names no anchor. */
const DCT_KINDS: ReadonlySet<DateKind> = new Set<DateKind>(['partial', 'relative', 'weekday', 'offset']);

/**
 * What the value was resolved against. A mention without an `anchor` (an older producer) is
 * anchored to the publication date when it was resolved against it or is of a kind that always
 * is (partial, relative, weekday, offset), else to nothing.
 */
export function dateAnchor(d: DateMention): DateAnchor {
  if (d.anchor !== undefined) return d.anchor;
  return d.resolution.anchor !== undefined || DCT_KINDS.has(d.kind) ? 'dct' : 'none';
}

/** The anchoring date of an anaphoric mention ("two days later"), found by its offset. */
export function anchorDate(d: DateMention, dates: readonly DateMention[]): DateMention | undefined {
  const a = dateAnchor(d);
  if (typeof a !== 'object') return undefined;
  return dates.find((x) => x.start === a.previous);
}

/**
 * The article's creation time as a date mention: the date written in its dateline when that date
 * is the publication date (a dateline contradicted by the front matter is not). When the
 * recognizer did not report the dateline's date, a mention covering the dateline stands for it.
 */
export function creationTime(article: Article, dates: readonly DateMention[]): DateMention | null {
  const dl = article.dateline;
  const pub = article.publicationDate;
  if (!dl || !pub) return null;
  for (const d of dates) {
    if (d.start >= dl.end) break;
    if (d.start >= dl.start && d.end <= dl.end && d.value === pub) return d;
  }
  if (dl.date !== pub && !(dl.date === null && pub.endsWith(`-${pad(dl.month)}-${pad(dl.day)}`))) return null;
  return {
    start: dl.start, end: dl.end, text: article.text.slice(dl.start, dl.end), value: pub, kind: 'absolute', granularity: 'day',
    type: 'DATE', anchor: dl.date === null ? 'dct' : 'none', resolution: { rule: 'the dateline' },
  };
}
