/**
 * Date recognition and normalization (spec §2 "Dates"): every date expression gets a TimeML
 * TIMEX3 value, partial and relative ones resolved against the publication date as HeidelTime
 * does for news (the most recent such date not after it, unless the sentence is in the future
 * tense). Each date says how it was resolved, for the hover. Also reports weekdays that contradict
 * their date, dates that do not exist, and — once per article — dates left unresolved because
 * the article has no publication date.
 */

import { Article, paragraphAt } from '../article';
import { MONTHS, WEEKDAYS, daysInMonth, formatYMD, fromDayNumber, isValidDate, pad, parseIsoDate, toDayNumber, weekday } from '../calendar';
import { DateGranularity, DateKind, DateMention, Finding, Fix, finding } from '../types';
import { Expr, scanDates } from './scan';

const FUTURE = /\b(?:will|shall|is scheduled to|are scheduled to|is expected to|are expected to|is set to|are set to|plans? to|to be held|upcoming|is due to|are due to)\b/;

export function recognizeDates(article: Article): { dates: DateMention[]; findings: Finding[] } {
  const text = article.text;
  const anchor = article.publicationDate ? parseIsoDate(article.publicationDate) : null;
  const a = anchor && anchor.m !== undefined && anchor.d !== undefined ? { y: anchor.y, m: anchor.m, d: anchor.d } : null;
  const anchorText = a ? formatYMD(a) : undefined;
  const future = futureTester(article);
  const dates: DateMention[] = [];
  const findings: Finding[] = [];
  for (const e of scanDates(text, article.bodyStart, text.length)) {
    const r = resolve(e, a, anchorText, future);
    dates.push({ start: e.start, end: e.end, text: text.slice(e.start, e.end), value: r.value, kind: r.kind, granularity: r.granularity, resolution: r.resolution });
    if (r.invalid) findings.push(finding('invalid-date', e.start, e.end, r.invalid));
    const k = e.kind;
    if ((k.type === 'ymd' || k.type === 'md') && k.weekday && r.value && r.granularity === 'day') weekdayCheck(text, k.weekday, r.value, findings);
  }
  const unresolved = dates.filter((d) => d.value === null && d.resolution.rule.startsWith('needs'));
  if (unresolved.length && !a) findings.push(unresolvedFinding(article, dates, unresolved));
  return { dates, findings };
}

// The two findings below are built outside recognizeDates: they are rare, and their code kept
// the hot function large to compile and made it deoptimize (and compile again) on the first
// article without a publication date.

/** A weekday written with a full date that it does not match. */
function weekdayCheck(text: string, w: { w: number; s: number; e: number }, value: string, findings: Finding[]): void {
  const p = parseIsoDate(value)!;
  const real = weekday(p.y, p.m!, p.d!);
  if (real !== w.w) {
    findings.push(finding('weekday-mismatch', w.s, w.e,
      `${text.slice(w.s, w.e)} does not match the date: ${p.d} ${MONTHS[p.m! - 1]} ${p.y} was a ${WEEKDAYS[real]}. Correct the weekday or the date.`));
  }
}

function unresolvedFinding(article: Article, dates: DateMention[], unresolved: DateMention[]): Finding {
  const first = unresolved[0];
  return finding('unresolved-date', first.start, first.end,
    `${unresolved.length} date${unresolved.length === 1 ? '' : 's'} in this article (${unresolved.slice(0, 3).map((d) => `'${d.text}'`).join(', ')}${unresolved.length > 3 ? ', …' : ''}) cannot be resolved: the article has no publication date. Add front matter with a \`date:\` or a dateline.`,
    { fixes: [frontMatterFix(article, dates)] });
}

function frontMatterFix(article: Article, dates: DateMention[]): Fix {
  const full = dates.filter((d) => d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value)).map((d) => d.value!).sort();
  const latest = full[full.length - 1];
  if (latest && !article.frontMatter) {
    return { title: `Add front matter with a publication date (${latest}, the latest date in the article)`, edits: [{ start: 0, end: 0, newText: `---\ndate: ${latest}\n---\n` }] };
  }
  return { title: 'Add front matter with a publication date…', edits: [], command: { name: 'attache.insertFrontMatter', args: [] } };
}

/**
 * Whether the sentence at an offset (or its paragraph, outside any sentence) is in the future
 * tense, for one article. It remembers the last sentence tested, as dates come in clusters: an
 * offset inside it is in no other sentence (they are disjoint and inside their paragraph).
 */
function futureTester(article: Article): (offset: number) => boolean {
  let start = -1;
  let end = -1;
  let value = false;
  return (offset) => {
    if (offset >= start && offset < end) return value;
    const p = paragraphAt(article, offset);
    if (!p) return false;
    const s = p.sentences.find((x) => x.start <= offset && offset < x.end);
    if (!s) return FUTURE.test(article.text.slice(p.start, p.end));
    start = s.start;
    end = s.end;
    value = FUTURE.test(article.text.slice(s.start, s.end));
    return value;
  };
}

interface Resolved {
  value: string | null;
  kind: DateKind;
  granularity: DateGranularity;
  resolution: { rule: string; anchor?: string };
  invalid?: string;
}

type YMD = { y: number; m: number; d: number };

const NEEDS = 'needs a publication date: the article has none';

/** `anchor` is `a` formatted (computed once per article); `isFuture` tells whether e's sentence is in the future tense. */
function resolve(e: Expr, a: YMD | null, anchor: string | undefined, isFutureAt: (offset: number) => boolean): Resolved {
  const k = e.kind;
  switch (k.type) {
    case 'ymd': {
      if (!isValidDate(k.y, k.m, k.d)) {
        return { value: null, kind: 'absolute', granularity: 'day', resolution: { rule: 'absolute date (does not exist)' },
          invalid: `${k.d} ${MONTHS[k.m - 1] ?? '?'} ${k.y} does not exist: ${MONTHS[k.m - 1] ?? 'that month'} ${k.y} has ${k.m >= 1 && k.m <= 12 ? daysInMonth(k.y, k.m) : 0} days.` };
      }
      return { value: formatYMD(k), kind: 'absolute', granularity: 'day', resolution: { rule: 'absolute date' } };
    }
    case 'ym':
      return { value: `${pad(k.y, 4)}-${pad(k.m)}`, kind: 'absolute', granularity: 'month', resolution: { rule: 'month and year' } };
    case 'y':
      return { value: pad(k.y, 4), kind: 'absolute', granularity: 'year', resolution: { rule: 'year' } };
    case 'quarter':
      return { value: `${pad(k.y, 4)}-Q${k.q}`, kind: 'absolute', granularity: 'quarter', resolution: { rule: 'quarter' } };
    case 'decade':
      return { value: `${k.decade}X`, kind: 'decade', granularity: 'decade', resolution: { rule: `decade ${k.decade}0–${k.decade}9` } };
    case 'range':
      return { value: `${pad(k.from, 4)}/${pad(k.to, 4)}`, kind: 'range', granularity: 'range', resolution: { rule: 'range of years' } };
    case 'md': {
      if (k.d > daysInMonth(2024, k.m)) {
        return { value: null, kind: 'partial', granularity: 'day', resolution: { rule: 'partial date (does not exist)' },
          invalid: `${MONTHS[k.m - 1]} ${k.d} does not exist: ${MONTHS[k.m - 1]} never has ${k.d} days.` };
      }
      if (!a) return { value: null, kind: 'partial', granularity: 'day', resolution: { rule: NEEDS } };
      const fut = isFutureAt(e.start);
      let y = a.y;
      const n = (yy: number): number => (isValidDate(yy, k.m, k.d) ? toDayNumber(yy, k.m, k.d) : NaN);
      const an = toDayNumber(a.y, a.m, a.d);
      if (fut) {
        while (!(n(y) >= an)) y++;
      } else {
        while (!(n(y) <= an)) y--;
      }
      return { value: formatYMD({ y, m: k.m, d: k.d }), kind: 'partial', granularity: 'day',
        resolution: { rule: fut ? `partial date in a future-tense sentence: the next ${MONTHS[k.m - 1]} ${k.d} on or after the publication date` : `partial date: the most recent ${MONTHS[k.m - 1]} ${k.d} not after the publication date`, anchor } };
    }
    case 'm': {
      const kind: DateKind = k.rel ? 'relative' : 'partial';
      if (!a) return { value: null, kind, granularity: 'month', resolution: { rule: NEEDS } };
      let y: number;
      let rule: string;
      if (k.rel === 'last') {
        y = k.m < a.m ? a.y : a.y - 1;
        rule = `last ${MONTHS[k.m - 1]}: the most recent ${MONTHS[k.m - 1]} before the publication month`;
      } else if (k.rel === 'next') {
        y = k.m > a.m ? a.y : a.y + 1;
        rule = `next ${MONTHS[k.m - 1]}: the first ${MONTHS[k.m - 1]} after the publication month`;
      } else if (k.rel === 'this') {
        y = a.y;
        rule = `this ${MONTHS[k.m - 1]}: ${MONTHS[k.m - 1]} of the publication year`;
      } else if (isFutureAt(e.start)) {
        y = k.m >= a.m ? a.y : a.y + 1;
        rule = `month in a future-tense sentence: the next ${MONTHS[k.m - 1]} from the publication date`;
      } else {
        y = k.m <= a.m ? a.y : a.y - 1;
        rule = `partial date: the most recent ${MONTHS[k.m - 1]} not after the publication date`;
      }
      return { value: `${pad(y, 4)}-${pad(k.m)}`, kind, granularity: 'month', resolution: { rule, anchor } };
    }
    case 'rel': {
      if (!a) return { value: null, kind: 'relative', granularity: k.unit, resolution: { rule: NEEDS } };
      const an = toDayNumber(a.y, a.m, a.d);
      const word = k.offset === 0 ? 'this' : k.offset < 0 ? `${-k.offset} ${k.unit}${k.offset === -1 ? '' : 's'} before` : `${k.offset} ${k.unit}${k.offset === 1 ? '' : 's'} after`;
      const rule = `relative date: ${word} ${k.offset === 0 ? k.unit + ' of ' : ''}the publication date`;
      switch (k.unit) {
        case 'day':
          return { value: formatYMD(fromDayNumber(an + k.offset)), kind: 'relative', granularity: 'day', resolution: { rule, anchor } };
        case 'week': {
          const d = fromDayNumber(an + 7 * k.offset);
          return { value: isoWeek(d), kind: 'relative', granularity: 'week', resolution: { rule, anchor } };
        }
        case 'month': {
          const total = a.y * 12 + (a.m - 1) + k.offset;
          return { value: `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`, kind: 'relative', granularity: 'month', resolution: { rule, anchor } };
        }
        case 'year':
          return { value: pad(a.y + k.offset, 4), kind: 'relative', granularity: 'year', resolution: { rule, anchor } };
      }
      break;
    }
    case 'weekday': {
      const kind: DateKind = 'weekday';
      if (!a) return { value: null, kind, granularity: 'day', resolution: { rule: NEEDS } };
      const an = toDayNumber(a.y, a.m, a.d);
      const aw = weekday(a.y, a.m, a.d);
      let delta: number;
      let rule: string;
      const name = WEEKDAYS[k.w];
      if (k.rel === 'next' || (!k.rel && isFutureAt(e.start))) {
        delta = ((k.w - aw + 7) % 7) || 7;
        rule = k.rel === 'next' ? `next ${name}: the first ${name} after the publication date` : `weekday in a future-tense sentence: the next ${name} after the publication date`;
      } else if (k.rel === 'last') {
        delta = -(((aw - k.w + 7) % 7) || 7);
        rule = `last ${name}: the most recent ${name} before the publication date`;
      } else {
        delta = -((aw - k.w + 7) % 7);
        rule = `weekday: the most recent ${name} not after the publication date`;
      }
      return { value: formatYMD(fromDayNumber(an + delta)), kind, granularity: 'day', resolution: { rule, anchor } };
    }
  }
  return { value: null, kind: 'absolute', granularity: 'day', resolution: { rule: 'unknown' } };
}

/** ISO 8601 week (`2025-W31`): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(d: YMD): string {
  const n = toDayNumber(d.y, d.m, d.d);
  const wd = (weekday(d.y, d.m, d.d) + 6) % 7; // Monday = 0
  const thursday = fromDayNumber(n - wd + 3);
  const jan1 = toDayNumber(thursday.y, 1, 1);
  const week = Math.floor((n - wd + 3 - jan1) / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}
