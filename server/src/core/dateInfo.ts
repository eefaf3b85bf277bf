/**
 * What the users of dates (the CLI's JSON, the hover, inlay hints) say about a date mention,
 * in one place: its TIMEX3 type and anchor with the defaults for older producers, and which date
 * is the article's creation time (TimeML's DCT: the publication date as its dateline writes it),
 * and how to say a value in words ("Friday 22 March 2013", "a duration of 5 years", "every week",
 * "Friday 22 March 2013, morning"). The recognizer lives in `dates/`; this module only reads its
 * output.
 */

import { Article } from './article';
import { LineIndex } from './lines';
import { MONTHS, WEEKDAYS, dayInterval, describeIsoDate, pad, parseIsoDate, weekday } from './calendar';
import { DateAnchor, DateKind, DateMention, TimexMod, TimexType } from './types';

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

// ---------------------------------------------------------------------------------------------
// Values in words

const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const REFS: Record<string, string> = { PRESENT_REF: 'the present', PAST_REF: 'the past', FUTURE_REF: 'the future' };
const UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', Q: 'quarter', DE: 'decade', CE: 'century', H: 'hour', MIN: 'minute', S: 'second', WE: 'weekend' };
const MOD_WORDS: Record<TimexMod, string> = {
  APPROX: 'about', START: 'the start of', END: 'the end of', MID: 'the middle of', BEFORE: 'before', AFTER: 'after',
  ON_OR_BEFORE: 'on or before', ON_OR_AFTER: 'on or after', LESS_THAN: 'less than', MORE_THAN: 'more than',
  EQUAL_OR_LESS: 'at most', EQUAL_OR_MORE: 'at least',
};

/** "Friday 22 March 2013" for a day, `describeIsoDate` for a month or year; null when it is neither. */
function calendarWords(value: string): string | null {
  const p = parseIsoDate(value);
  if (!p || /T/.test(value)) return null;
  if (p.m === undefined || p.d === undefined) return describeIsoDate(value);
  return `${WEEKDAYS[weekday(p.y, p.m, p.d)]} ${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/**
 * A value as a sentence names it: "5 January 2025", "January 2025" and "2025" as
 * `describeIsoDate` writes them, the other DATE forms in words ("week 17 of 2023", "the 1990s").
 */
export function valueInWords(value: string): string {
  return parseIsoDate(value) && !value.includes('T') ? describeIsoDate(value) : dateWords(value);
}

/** A DATE value in words: days, months, years, weeks, quarters, halves, seasons, decades, centuries, ranges. */
function dateWords(value: string): string {
  const cal = calendarWords(value);
  if (cal) return cal;
  if (REFS[value]) return REFS[value];
  const slash = value.indexOf('/');
  if (slash > 0) return `${dateWords(value.slice(0, slash))} to ${dateWords(value.slice(slash + 1))}`;
  let r = /^(\d{4})-W(\d{2})$/.exec(value);
  if (r) {
    const days = dayInterval(value);
    return days ? `week ${Number(r[2])} of ${r[1]}` : value;
  }
  r = /^(\d{4})(-\d{2})?-XX(?:-XX)?$/.exec(value);
  if (r && (r[2] || value.length === 10)) return `a day in ${describeIsoDate(r[1] + (r[2] ?? ''))}`;
  r = /^(\d{4})-Q([1-4])$/.exec(value);
  if (r) return `the ${ORDINALS[Number(r[2]) - 1]} quarter of ${r[1]}`;
  r = /^(\d{4})-H([12])$/.exec(value);
  if (r) return `the ${ORDINALS[Number(r[2]) - 1]} half of ${r[1]}`;
  r = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (r) return `${SEASONS[r[2]]} ${r[1]}`;
  r = /^FY(\d{4})$/.exec(value);
  if (r) return `fiscal year ${r[1]}`;
  r = /^(\d{3})X?$/.exec(value);
  if (r) return `the ${r[1]}0s`;
  r = /^(\d{2})X{0,2}$/.exec(value);
  if (r) return `the ${r[1]}00s`;
  return value;
}

/** "2013-03-22TMO" → "Friday 22 March 2013, morning"; "T14:30" → "14:30". */
function timeWords(value: string): string {
  const t = value.indexOf('T');
  const datePart = t > 0 ? value.slice(0, t) : '';
  const timePart = t >= 0 ? value.slice(t + 1) : value;
  const part = PARTS_OF_DAY[timePart];
  const p = datePart ? parseIsoDate(datePart) : null;
  if (p && p.m !== undefined && p.d !== undefined) {
    const day = WEEKDAYS[weekday(p.y, p.m, p.d)];
    return `${day} ${p.d} ${MONTHS[p.m - 1]} ${p.y}, ${part ?? timePart}`;
  }
  if (datePart) return part ? `${dateWords(datePart)}, in the ${part}` : `${dateWords(datePart)}, ${timePart}`;
  return part ? `the ${part}` : timePart;
}

/** The quantity of a TIMEX3 duration: "P5Y" → "5 years", "PXM" → "several months", "PT2H" → "2 hours". */
function quantityWords(value: string): string | null {
  const r = /^P(T?)(\d+(?:\.\d+)?|X)(Y|M|W|D|Q|DE|CE|H|S|WE)$/.exec(value);
  if (!r) return null;
  const unit = UNITS[r[1] && r[3] === 'M' ? 'MIN' : r[3]];
  const plural = unit === 'century' ? 'centuries' : `${unit}s`;
  if (r[2] === 'X') return `several ${plural}`;
  return r[2] === '1' ? `1 ${unit}` : `${r[2]} ${plural}`;
}

/** A SET value: "P1W" → "every week", "XXXX-WI" → "every winter", "XXXX-WXX-1" → "every Monday". */
function setWords(value: string): string {
  const q = quantityWords(value);
  if (q) return q.startsWith('1 ') ? `every ${q.slice(2)}` : `every ${q}`;
  let r = /^XXXX-(SP|SU|FA|WI)$/.exec(value);
  if (r) return `every ${SEASONS[r[1]]}`;
  r = /^XXXX-WXX-([1-7])$/.exec(value);
  if (r) return `every ${WEEKDAYS[Number(r[1]) % 7]}`;
  r = /^XXXX-(\d{2})$/.exec(value);
  if (r && Number(r[1]) >= 1 && Number(r[1]) <= 12) return `every ${MONTHS[Number(r[1]) - 1]}`;
  r = /^(?:XXXX-XX-XX)?T(MO|AF|EV|NI|DT)$/.exec(value);
  if (r) return `every ${PARTS_OF_DAY[r[1]]}`;
  return `recurring (${value})`;
}

/**
 * A mention's value in words, with its modifier: "Friday 22 March 2013", "about 2025",
 * "a duration of about 5 years", "every week", "Friday 22 March 2013, morning". Null when the
 * mention has no value.
 */
export function describeDateValue(d: DateMention): string | null {
  if (d.value === null) return null;
  const mod = d.mod ? `${MOD_WORDS[d.mod]} ` : '';
  switch (timexType(d)) {
    case 'DURATION': {
      const q = quantityWords(d.value);
      return `a duration of ${mod}${q ?? d.value}`;
    }
    case 'SET':
      return `${setWords(d.value)}${d.freq ? ` (${d.freq})` : ''}`;
    case 'TIME':
      return `${mod}${timeWords(d.value)}`;
    default:
      return `${mod}${dateWords(d.value)}`;
  }
}

/** "3 March 2025 (line 4)": an earlier date mention, as a reader finds it. */
function dateAt(article: Article, d: DateMention): string {
  const v = d.value ? (calendarWords(d.value) ?? describeDateValue(d) ?? d.value).replace(/^[A-Z][a-z]+day /, '') : `'${d.text}'`;
  // Only the lines before the date are counted (a hover on a large article stays cheap); a date
  // never starts with a line break, so the cut cannot split a CRLF.
  return `${v} (line ${new LineIndex(article.text.slice(0, d.start)).lineNumber(d.start)})`;
}

/**
 * How a mention relates to the article's other dates, when that is worth a word: the creation
 * time ("the publication date, from the dateline"), the publication day itself ("the publication
 * day"), or the date an anaphoric mention counts from ("2 days after 3 March 2025 (line 4)").
 */
export function describeRelation(d: DateMention, article: Article, dates: readonly DateMention[]): string | null {
  if (d.value === null) return null;
  if (creationTime(article, dates) === d) return 'the publication date, from the dateline';
  const prev = anchorDate(d, dates);
  if (prev) {
    const a = prev.value ? dayInterval(prev.value) : null;
    const b = dayInterval(d.value);
    if (a && b && a[0] === a[1] && b[0] === b[1]) {
      const n = b[0] - a[0];
      const rel = n === 0 ? 'the same day as' : n === 1 ? 'the day after' : n === -1 ? 'the day before' : n > 0 ? `${n} days after` : `${-n} days before`;
      return `${rel} ${dateAt(article, prev)}`;
    }
    return `counted from ${dateAt(article, prev)}`;
  }
  const type = timexType(d);
  if ((type === 'DATE' || type === 'TIME') && article.publicationDate && d.value.slice(0, 10) === article.publicationDate && d.value.length >= 10) return 'the publication day';
  return null;
}

/**
 * What the value was resolved against, with where that came from: "anchored to the publication
 * date 2025-10-26 from the dateline", "anchored to the previous date 3 March 2025 (line 4)".
 * Null for a value that depends on no other date.
 */
export function describeAnchor(d: DateMention, article: Article, dates: readonly DateMention[]): string | null {
  const a = dateAnchor(d);
  if (a === 'none') return null;
  if (a === 'dct') {
    if (!article.publicationDate) return 'needs the publication date, and the article has none';
    const source = article.publicationDateSource === 'front-matter' ? 'the front matter' : article.publicationDateSource === 'given' ? 'the article\'s metadata' : 'the dateline';
    return `anchored to the publication date ${article.publicationDate} from ${source}`;
  }
  const prev = anchorDate(d, dates);
  return prev ? `anchored to the previous date ${dateAt(article, prev)}` : 'anchored to a previous date';
}
