/**
 * Date recognition and normalization (spec §2 "Dates"): every date expression gets a TimeML
 * TIMEX3 value, partial and relative ones resolved against the publication date as HeidelTime
 * does for news (the most recent such date not after it, unless the sentence is in the future
 * tense). Each date says how it was resolved, for the hover. Also reports weekdays that contradict
 * their date, dates that do not exist, and — once per article — dates left unresolved because
 * the article has no publication date.
 */

import { Article, paragraphAt } from '../article';
import { FIX_COMMANDS } from '../commands';
import { frontMatterText } from '../frontMatter';
import { MONTHS, WEEKDAYS, daysInMonth, formatYMD, fromDayNumber, isValidDate, pad, parseIsoDate, toDayNumber, weekday } from '../calendar';
import { DateAnchor, DateGranularity, DateKind, DateMention, Finding, Fix, NumericOrder, TimexMod, TimexType, finding } from '../types';
import { EVENT_NOUNS, EVENT_WORDS, HOLIDAYS, Unit, hijriDayNumber, hijriMonthLastDay, hijriYearAt, holidayDate, holidayLastDay } from './lexicon';
import { DateScanner, Expr, ExprKind, durationValue, scanDates } from './scan';
import { isDay } from './expr';

export { DateScanner } from './scan';

export interface DateOptions {
  /** `attache.dates.numericOrder` (default `auto`). */
  numericOrder?: NumericOrder;
}

/**
 * `scanner` holds the scanner's working arrays; a caller analyzing many articles passes one it
 * keeps (AnalysisContext.dateScanner), so nothing is allocated per article for it.
 */
export function recognizeDates(article: Article, scanner: DateScanner = new DateScanner(), options: DateOptions = {}): { dates: DateMention[]; findings: Finding[] } {
  const text = article.text;
  // The publication date, parsed once per date text for the articles a scanner reads (a corpus has few dates).
  const pub = article.publicationDate;
  let parsed = pub ? scanner.publicationDates.get(pub) : undefined;
  if (parsed === undefined) {
    const anchor = pub ? parseIsoDate(pub) : null;
    const day = anchor && anchor.m !== undefined && anchor.d !== undefined ? { y: anchor.y, m: anchor.m, d: anchor.d } : null;
    parsed = { day, text: day ? formatYMD(day) : undefined };
    if (pub) {
      if (scanner.publicationDates.size >= 256) scanner.publicationDates.clear();
      scanner.publicationDates.set(pub, parsed);
    }
  }
  const a = parsed.day;
  const anchorText = parsed.text;
  const tense = tenseTester(article);
  const dates: DateMention[] = [];
  const findings: Finding[] = [];
  const ctx: Context = { text, a, anchor: anchorText, tenseAt: tense, prev: null, prevDay: null, prevPart: null, prevReported: null, prevYM: null, dates, fromEvent: new Set(), feastDays: scanner.feastDays };
  let pendingRange: DateMention | null = null;
  let pendingAlt: DateMention | null = null;
  let pendingKind: Expr['kind'] | null = null;
  const exprs = scanDates(text, article.bodyStart, text.length, scanner, a?.y);
  let order: OrderPlan | null = null;
  for (let i = 0; i < exprs.length; i++) {
    const e = exprs[i];
    // The kind's type read once: kinds come in many shapes, so each read of it is a megamorphic load.
    let kt = e.kind.type;
    if ((kt === 'md' || kt === 'holiday') && i + 1 < exprs.length && yearWrittenAfter(e, exprs[i + 1], text)) kt = e.kind.type;
    let numeric: string | undefined;
    if (kt === 'ymd' && e.kind.type === 'ymd' && e.kind.numeric === 'either') {
      order ??= numericOrderPlan(exprs, text, options.numericOrder ?? 'auto');
      if (order.order === 'dmy') e.kind = { ...e.kind, m: e.kind.d, d: e.kind.m };
      numeric = order.why;
      if (order.uncertain) e.uncertain = order.uncertain;
    }
    const r = resolve(e, ctx, e.local ? dayWrittenAfter(exprs, i, text) : null);
    if (r.drop) continue;
    if (numeric) r.resolution = { ...r.resolution, rule: `${r.resolution.rule}, ${numeric}` };
    // The fields every mention has in one literal (one object shape, no property added later).
    const start = r.start ?? e.start;
    const m: DateMention = { start, end: e.end, text: text.slice(start, e.end), value: r.value, kind: r.kind, granularity: r.granularity, resolution: r.resolution,
      // A relative date left unresolved for want of a publication date is still anchored to it.
      type: r.type ?? 'DATE', anchor: r.anchor ?? (r.resolution.anchor || (r.value === null && r.kind !== 'absolute') ? 'dct' : 'none') };
    if (e.mod) m.mod = m.type === 'DATE' || m.type === 'TIME' ? pointMod(e.mod, e.kind) : e.mod;
    if (r.quant) m.quant = r.quant;
    if (r.freq) m.freq = r.freq;
    if (r.range) m.range = r.range;
    const uncertain = e.uncertain ?? r.uncertain;
    if (uncertain) m.uncertain = uncertain;
    if (kt === 'weekday' && e.kind.type === 'weekday' && i > 0 && dates.length && a) joinedWeekday(m, e.kind, exprs[i - 1], dates[dates.length - 1], text, formatYMD(a));
    dates.push(m);
    if (kt === 'event') ctx.fromEvent.add(m);
    if (r.invalid) findings.push(finding('invalid-date', e.start, e.end, r.invalid));
    const k = e.kind;
    if ((kt === 'ymd' || kt === 'md') && (k.type === 'ymd' || k.type === 'md') && k.weekday && r.value && r.granularity === 'day') weekdayCheck(text, k.weekday, r.value.length > 10 ? r.value.slice(0, 10) : r.value, findings);
    // A vague span by an event ("in the weeks before the shooting": its month) is no date to count on from.
    if (r.value && (m.type === 'DATE' || m.type === 'TIME') && r.value.charCodeAt(0) <= 57 && !(kt === 'event' && r.granularity !== 'day')) {
      ctx.prev = m as { value: string; start: number }; // the mention itself: no object per date
      if (dayOf(r.value)) ctx.prevDay = ctx.prev;
      // (Not a date counted from another, nor "the 1988 quarter", the period compared with.)
      else if (kt !== 'off' && kt !== 'ana' && kt !== 'event' && !(kt === 'back' && k.type === 'back' && k.y !== undefined) && !(kt === 'part' && k.type === 'part' && k.aside)) {
        if (r.value.length === 7 && (r.value.charCodeAt(5) === 81 || r.value.charCodeAt(5) === 72)) { // Q, H
          ctx.prevPart = ctx.prev;
          if (!a || !partAhead(r.value, a)) ctx.prevReported = ctx.prev;
        }
        else if (r.value.length === 4 || (r.value.length === 7 && r.value.charCodeAt(4) === 45 && r.value.charCodeAt(5) <= 57)) ctx.prevYM = ctx.prev;
      }
    }
    // "the three months to June": the span ends at the date after it (TimeML keeps them two mentions).
    if (i > 0 && m.value && m.type === 'DATE' && dates.length >= 2 && dates[dates.length - 2].end === exprs[i - 1].end) {
      spanTo(exprs[i - 1], dates[dates.length - 2], m.value, text, e.start);
      endedAt(exprs[i - 1], dates[dates.length - 2], m.value, text, e.start);
    }
    if (e.pair && e.alternative && dates.length) {
      pendingAlt = m;
    } else if (pendingAlt) {
      // "Feb. 20 or 21": the second day lies in the first's year, read with it.
      if (e.kind.type === 'md' && e.kind.yrel === undefined) endAfterStart(pendingAlt, m);
      pendingAlt = null;
    }
    if (e.pair && !e.alternative && dates.length) {
      // The second end of a range comes next from the scanner; both carry the interval.
      pendingRange = m;
      pendingKind = e.kind;
    } else if (pendingRange) {
      closeRange(pendingRange, pendingKind, m, e, a);
      pendingRange = null;
    }
  }
  // Only an article without a publication date has dates unresolved for want of one.
  if (!a) {
    const unresolved = dates.filter((d) => d.value === null && d.resolution.rule.startsWith('needs'));
    if (unresolved.length) findings.push(unresolvedFinding(article, dates, unresolved));
  }
  return { dates, findings };
}

/**
 * The second end of a range (m, read from e) and its start, read before it (`start`, of kind
 * `startKind`): each end moved to come on the right side of the other, and both given the
 * interval. Out of `recognizeDates` (a range is rare), so its loop compiles smaller.
 */
function closeRange(start: DateMention, startKind: Expr['kind'] | null, m: DateMention, e: Expr, a: YMD | null): void {
  const kt = e.kind.type;
  // A start with no year of its own lies before its end: "ran between March and May", read
  // in March, is last year's March when the tense put May in last year.
  if (startKind && (startKind.type === 'm' || startKind.type === 'md') && startKind.yrel === undefined && !(startKind.type === 'm' ? startKind.rel : startKind.weekday)) {
    const before = yearBefore(start.value, m.value);
    if (before) {
      start.value = before;
      start.resolution = { ...start.resolution, rule: `${start.resolution.rule}; moved back a year to come before the end of its range` };
    }
  }
  // "from Monday to Thursday": an end read before its start is a week on (the end ahead of the
  // publication date) or the start a week back (the end not after it: a past range).
  if (startKind && startKind.type === 'weekday' && kt === 'weekday' && a && start.value && m.value && m.value < start.value) {
    const moved = weekdayRangeFix(start.value, m.value, formatYMD(a));
    if (moved.start !== start.value) {
      start.value = moved.start;
      start.resolution = { ...start.resolution, rule: `${start.resolution.rule}; moved back a week to come before the end of its range` };
    } else {
      m.value = moved.end;
      m.resolution = { ...m.resolution, rule: `${m.resolution.rule}; moved on a week to come after the start of its range` };
    }
  }
  // "ran Feb. 20 - 21": an end with no year of its own is the first such day on or after the start
  // (a past verb right before the start put it in last year; the end was read alone, this year).
  if (startKind && (startKind.type === 'md' || startKind.type === 'ymd') && e.kind.type === 'md' && e.kind.yrel === undefined) endAfterStart(start, m);
  const range = { start: start.value, end: m.value };
  start.range = range;
  m.range = { ...range };
}

/**
 * A modifier of a quantity on a point in time, as the TIMEX3 guidelines type them: LESS_THAN,
 * MORE_THAN, EQUAL_OR_… qualify durations; a date counted back or ahead by one is before or after
 * that date ("more than four decades ago" → BEFORE, "less than a year ago" → AFTER, "more than two
 * weeks later" → AFTER). Other modifiers, and dates not counted, keep theirs.
 */
function pointMod(mod: TimexMod, k: Expr['kind']): TimexMod {
  const n = k.type === 'off' ? k.n : k.type === 'rel' ? k.offset : 0;
  if (!(n < 0 || n > 0)) return mod;
  const back = n < 0;
  switch (mod) {
    case 'MORE_THAN': return back ? 'BEFORE' : 'AFTER';
    case 'LESS_THAN': return back ? 'AFTER' : 'BEFORE';
    case 'EQUAL_OR_MORE': return back ? 'ON_OR_BEFORE' : 'ON_OR_AFTER';
    case 'EQUAL_OR_LESS': return back ? 'ON_OR_AFTER' : 'ON_OR_BEFORE';
    default: return mod;
  }
}

/** Text between two weekdays joined as one run of days ("Tuesday and Wednesday", "Monday, or on Tuesday"). */
const JOINED_WEEKDAYS = /^,?\s+(?:and|or)\s+(?:on\s+)?$/;

/**
 * "next Tuesday and Wednesday", "on Friday or Saturday": a weekday (no last/next/this of its own)
 * joined to the weekday before it is the next such day after it, up to three days on, when that
 * lies on the same side of the publication day as its own reading (so a past clause keeps it past).
 */
function joinedWeekday(m: DateMention, k: KindOf<'weekday'>, prevExpr: Expr, prev: DateMention, text: string, dct: string): void {
  const pk = prevExpr.kind;
  if (k.rel || pk.type !== 'weekday' || prev.end !== prevExpr.end || !m.value || !prev.value || m.value.length !== 10 || prev.value.length !== 10) return;
  if (!JOINED_WEEKDAYS.test(text.slice(prev.end, m.start))) return;
  const gap = (k.w - pk.w + 7) % 7;
  const v = gap < 1 || gap > 3 ? null : daysAfter(prev.value, gap);
  if (v === null || v === m.value || (v > dct) !== (m.value > dct)) return;
  m.value = v;
  m.resolution = { ...m.resolution, rule: `${m.resolution.rule}; the day after the weekday before it (${prev.text}, ${prev.value}) in the same run of days` };
}

/** A weekday range whose end came out before its start: the start a week back when the end is not after the publication day `dct`, else the end a week on. */
function weekdayRangeFix(start: string, end: string, dct: string): { start: string; end: string } {
  return end <= dct ? { start: daysAfter(start, -7) ?? start, end } : { start, end: daysAfter(end, 7) ?? end };
}

/** The day n days after the day `v` (YYYY-MM-DD); null when `v` is not a day. */
function daysAfter(v: string, n: number): string | null {
  const d = v.length === 10 ? parseIsoDate(v) : null;
  return d && d.m !== undefined && d.d !== undefined ? formatYMD(fromDayNumber(toDayNumber(d.y, d.m, d.d) + n)) : null;
}

/** Moves a day with no year written (`end`) to the first such day on or after `start`, a day too. */
function endAfterStart(start: DateMention, end: DateMention): void {
  const a = start.value;
  const b = end.value;
  if (!a || !b || a.length !== 10 || b.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return;
  const y = Number(a.slice(0, 4)) + (b.slice(5) < a.slice(5) ? 1 : 0);
  const v = `${pad(y, 4)}${b.slice(4)}`;
  if (v === b || !parseIsoDate(v)) return;
  end.value = v;
  end.resolution = { ...end.resolution, rule: `${end.resolution.rule}; in the year of ${start.text}, the date before it` };
}

/**
 * The value `start` (YYYY-MM or YYYY-MM-DD) moved back by whole years until it is not after `end`
 * (compared on their common length); null when it already is not, or when they do not compare.
 */
function yearBefore(start: string | null, end: string | null): string | null {
  if (!start || !end || !/^\d{4}-\d{2}/.test(start) || !/^\d{4}(?:-\d{2})?/.test(end)) return null;
  const n = Math.min(start.length, end.length);
  let y = Number(start.slice(0, 4));
  let v = start;
  for (let i = 0; i < 3 && v.slice(0, n) > end.slice(0, n); i++) v = `${pad(--y, 4)}${start.slice(4)}`;
  return v === start || v.slice(0, n) > end.slice(0, n) || (v.length === 10 && !parseIsoDate(v)) ? null : v;
}

/** How an article's ambiguous numeric dates (03/04/2025) are read, and why. */
interface OrderPlan {
  order: 'mdy' | 'dmy';
  why: string;
  uncertain?: string;
}

const ORDER_NAMES = { mdy: 'month/day/year', dmy: 'day/month/year' };

/**
 * The order of an article's ambiguous numeric dates: the setting when it names one; with `auto`,
 * the order its unambiguous numeric dates show (13/02/2025: day first; 02/13/2025: month first; the
 * more frequent when both occur), else month first (United States wire style), uncertain.
 */
function numericOrderPlan(exprs: Expr[], text: string, setting: NumericOrder): OrderPlan {
  if (setting !== 'auto') return { order: setting, why: `read as ${ORDER_NAMES[setting]} (attache.dates.numericOrder: ${setting})` };
  let mdy = 0;
  let dmy = 0;
  let example: { mdy?: Expr; dmy?: Expr } = {};
  for (const e of exprs) {
    if (e.kind.type !== 'ymd' || (e.kind.numeric !== 'mdy' && e.kind.numeric !== 'dmy')) continue;
    if (e.kind.numeric === 'mdy') mdy++;
    else dmy++;
    example = { ...example, [e.kind.numeric]: example[e.kind.numeric] ?? e };
  }
  if (mdy !== dmy) {
    const order = dmy > mdy ? 'dmy' : 'mdy';
    const x = example[order]!;
    return { order, why: `read as ${ORDER_NAMES[order]}, the order of ${text.slice(x.start, x.end)} in this article` };
  }
  const uncertain = `ambiguous numeric date: read as ${ORDER_NAMES.mdy} (attache.dates.numericOrder)`;
  return { order: 'mdy', why: uncertain, uncertain };
}

// The two findings below are built outside recognizeDates: they are rare, and their code kept
// the hot function large to compile and made it deoptimize (and compile again) on the first
// article without a publication date.

/** A weekday written with a full date that it does not match. */
function weekdayCheck(text: string, w: { w: number; s: number; e: number }, value: string, findings: Finding[]): void {
  // A day past year 9999 ("Monday, March 3" in an article dated 9999-12-31) has no ISO form to check.
  const p = parseIsoDate(value);
  if (!p) return;
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
    return { title: `Add front matter with a publication date (${latest}, the latest date in the article)`, edits: [{ start: 0, end: 0, newText: frontMatterText(latest, article.text) }] };
  }
  return { title: 'Add front matter with a publication date…', edits: [], command: { name: FIX_COMMANDS.insertFrontMatter, args: [] } };
}

/**
 * "on Christmas Day in 2011", "on March 3 of 2009": a day without a year, then "in" or "of" and a
 * year, takes that year (the year stays a mention of its own, as TimeML annotates it). Changes
 * `e.kind` and returns true when it does.
 */
function yearWrittenAfter(e: Expr, next: Expr, text: string): boolean {
  const k = e.kind;
  const n = next.kind;
  if (n.type !== 'y' || n.bc) return false;
  if (!(k.type === 'md' && k.yrel === undefined) && !(k.type === 'holiday' && k.y === undefined && k.yrel === undefined && !k.rel)) return false;
  let j = e.end;
  if (text.charCodeAt(j) !== 32) return false;
  j++;
  const w = text.slice(j, j + 2);
  if ((w !== 'in' && w !== 'of') || text.charCodeAt(j + 2) !== 32 || j + 3 !== next.start) return false;
  e.kind = k.type === 'md' ? { type: 'ymd', y: n.y, m: k.m, d: k.d, weekday: k.weekday } : { ...k, y: n.y };
  return true;
}

/** Tense of the clause governing a date: the last tense cue before it in its sentence, else the first after. */
export type Tense = 'future' | 'past' | 'present';

/** Modals and "going (to)": future wherever they stand. */
const MODAL_FUTURE = new Set(['will', 'would', 'shall', 'll', 'wo', 'must', 'should', 'going', 'upcoming', 'next', 'tomorrow']);
/** Plans and expectations: future for a date after them ("is scheduled to meet Monday"); before them they are past forms. */
const INTENT = new Set(['scheduled', 'planned', 'plans', 'plan', 'planning', 'expected', 'expects', 'expect', 'due', 'slated', 'intends', 'intend', 'aims', 'set',
  'hopes', 'hope', 'wants', 'want', 'seeks', 'seek', 'vows', 'vow', 'pledges', 'needs']);
/**
 * Verbs of schedules and movements in the present (third person), which newswire uses for what is
 * about to happen ("the Senate votes Thursday", "the summit opens Monday"). Present only after a
 * word that is not a determiner or preposition: "the votes Thursday" is a noun.
 */
const PRESENT_S_VERBS = new Set(['opens', 'stays', 'remains', 'begins', 'starts', 'ends', 'closes', 'meets', 'arrives', 'leaves', 'visits', 'travels', 'heads', 'votes',
  'resumes', 'expires', 'hosts', 'convenes', 'launches', 'returns', 'departs', 'reopens', 'kicks', 'takes', 'goes', 'faces', 'debates', 'decides',
  'hears', 'considers', 'releases', 'unveils', 'celebrates', 'marks', 'holds', 'plays', 'finishes', 'concludes', 'continues', 'flies', 'addresses']);
/** The same verbs' plain forms ("leaders meet Friday", "voters go to the polls Sunday"): present after a subject. */
const PRESENT_BASE_VERBS = new Set(['open', 'stay', 'remain', 'begin', 'start', 'end', 'close', 'meet', 'arrive', 'leave', 'visit', 'travel', 'head', 'vote',
  'resume', 'expire', 'host', 'convene', 'launch', 'return', 'depart', 'reopen', 'go', 'face', 'debate', 'decide', 'hear', 'consider',
  'release', 'unveil', 'celebrate', 'mark', 'hold', 'play', 'finish', 'conclude', 'continue', 'fly', 'gather', 'march', 'rally']);
/**
 * Verbs that put a scheduled start or end on the calendar ("Bids close on Monday", "The summit opens
 * Tuesday", "The rule takes effect Friday"): in the present they announce it, so the date is ahead
 * (future), where other present verbs take the nearer one. Not before a market's level ("Stocks
 * close lower Monday", "Shares ended mixed": a report, left to the present reading).
 */
const SCHEDULE_S_VERBS = new Set(['opens', 'closes', 'begins', 'starts', 'ends', 'expires', 'reopens', 'runs']);
const SCHEDULE_BASE_VERBS = new Set(['open', 'close', 'begin', 'start', 'end', 'expire', 'reopen']);
const MARKET_LEVEL = new Set(['higher', 'lower', 'up', 'down', 'mixed', 'flat', 'firm', 'firmer', 'weaker', 'stronger', 'steady', 'unchanged', 'at', 'sharply', 'slightly']);
/** Words before a plain verb that make it an infinitive or part of another verb group ("will meet", "to meet", "did not meet"): the cue is further left. */
const BEFORE_PLAIN_VERB = new Set(['will', 'would', 'shall', 'll', 'can', 'could', 'may', 'might', 'must', 'should', 'to', 'not', 't', 'did', 'do',
  'does', 'let', 'help', 'make', 'made', 'and', 'or', 'also', 'then', 'cannot']);
const NOT_VERB_BEFORE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'these', 'those', 'this', 'that', 'of', 'in', 'on', 'at', 'for',
  'with', 'by', 'from', 'and', 'or', 'to', 'into', 'after', 'before', 'some', 'many', 'several', 'more', 'two', 'three', 'no', 'all']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'these', 'those', 'this', 'that']);
const PRESENT_WORDS = new Set(['says', 'is', 'are', 'am', 'has', 'have', 'does', 'do', 'tells', 'say', 'now', 'today']);
const PAST_WORDS = new Set(['said', 'told', 'was', 'were', 'had', 'did', 'met', 'held', 'went', 'came', 'took', 'made', 'gave', 'left', 'began', 'saw',
  'found', 'got', 'sent', 'brought', 'spoke', 'wrote', 'thought', 'felt', 'kept', 'lost', 'won', 'ran', 'fled', 'struck', 'shot', 'became', 'broke',
  'chose', 'drew', 'fell', 'flew', 'grew', 'knew', 'led', 'meant', 'paid', 'rose', 'sat', 'sold', 'stood', 'taught', 'threw', 'woke', 'wore',
  'lit', 'bought', 'caught', 'fought', 'built', 'spent', 'stole', 'swore', 'tore', 'understood', 'withdrew', 'overthrew', 'sought', 'sank',
  'sang', 'rang', 'rode', 'shook', 'hid', 'froze', 'forgot', 'heard', 'slept', 'swam', 'swept', 'wept', 'arose', 'awoke', 'drove', 'ate',
  'yesterday', 'ago', 'last', 'since']);
/** Verbs and nouns of postponement: before "until" they move an event to a date ahead. */
const POSTPONED = new Set(['postponed', 'delayed', 'adjourned', 'deferred', 'extended', 'deadline', 'suspended', 'rescheduled']);
const AUXILIARY_BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);
/** Verbs of state before a participle ("stays closed", "remained shut"): the verb, not the participle, has the tense. */
const STAY = new Set(['stay', 'stays', 'stayed', 'remain', 'remains', 'remained']);
/** Words ending in -ed that are not past-tense verbs. */
const NOT_PAST_ED = new Set(['need', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'led', 'united', 'indeed', 'hundred', 'related', 'based', 'alleged', 'armed', 'proposed',
  'succeed', 'exceed', 'proceed', 'breed', 'bleed', 'heed',
  // Adjectives ("on a still unspecified date in January", "an undisclosed sum").
  'unspecified', 'undisclosed', 'unnamed', 'unidentified', 'unexpected', 'unprecedented', 'unconfirmed', 'unannounced', 'unscheduled',
  'unrelated', 'unlimited', 'unsolicited', 'unemployed', 'unexplained', 'unresolved', 'unfinished', 'undated', 'detailed', 'limited']);

/** Every word `cueOf` can read as a cue besides the -ed forms: one lookup rules out most words of a clause. */
const CUE_WORDS = new Set([...MODAL_FUTURE, ...INTENT, ...PRESENT_S_VERBS, ...PRESENT_BASE_VERBS, ...SCHEDULE_S_VERBS, ...PRESENT_WORDS, ...PAST_WORDS,
  'may', 'might', 'soon', 'early', 'until', 'till', 'to']);

/**
 * The lengths and first letters of `CUE_WORDS` (1 at length * 32 + first code % 32): most words of
 * a clause are ruled out by them, before the Set hashes the freshly sliced word.
 */
const CUE_SHAPES = cueShapes(CUE_WORDS);

function cueShapes(words: ReadonlySet<string>): Uint8Array {
  const shapes = new Uint8Array(32 * 32);
  for (const w of words) shapes[Math.min(w.length, 31) * 32 + (w.charCodeAt(0) & 31)] = 1;
  return shapes;
}

/**
 * Which of the word lists above each of their words is in, as bits of one number: `cueOf` reads a
 * word and its neighbours with one lookup each, where it asked up to a dozen sets (each a hash
 * lookup of a freshly sliced word; the tense reader was a tenth of the date stage).
 */
const enum Cue {
  Modal = 1, Intent = 2, PresentS = 4, PresentBase = 8, ScheduleS = 16, ScheduleBase = 32, Market = 64, BeforePlain = 128,
  NotVerbBefore = 256, Determiner = 512, Present = 1024, Past = 2048, Postponed = 4096, AuxBe = 8192, Stay = 16384, NotPastEd = 32768, Word = 65536,
}

const CUE_FLAGS: ReadonlyMap<string, number> = cueFlags();

function cueFlags(): Map<string, number> {
  const flags = new Map<string, number>();
  const lists: [ReadonlySet<string>, Cue][] = [[MODAL_FUTURE, Cue.Modal], [INTENT, Cue.Intent], [PRESENT_S_VERBS, Cue.PresentS], [PRESENT_BASE_VERBS, Cue.PresentBase],
    [SCHEDULE_S_VERBS, Cue.ScheduleS], [SCHEDULE_BASE_VERBS, Cue.ScheduleBase], [MARKET_LEVEL, Cue.Market], [BEFORE_PLAIN_VERB, Cue.BeforePlain],
    [NOT_VERB_BEFORE, Cue.NotVerbBefore], [DETERMINERS, Cue.Determiner], [PRESENT_WORDS, Cue.Present], [PAST_WORDS, Cue.Past], [POSTPONED, Cue.Postponed],
    [AUXILIARY_BE, Cue.AuxBe], [STAY, Cue.Stay], [NOT_PAST_ED, Cue.NotPastEd], [CUE_WORDS, Cue.Word]];
  for (const [words, bit] of lists) for (const w of words) flags.set(w, (flags.get(w) ?? 0) | bit);
  return flags;
}

/** The tense word i of a clause says, or null; `before`: the word stands before the date; `f`: its `CUE_FLAGS`. */
function cueOf(w: string, left: string, right: string, before: boolean, f = CUE_FLAGS.get(w) ?? 0): Tense | null {
  const ed = w.length > 4 && w.endsWith('ed');
  // A cue word or an -ed form, else no cue whatever its neighbours.
  if ((f & Cue.Word) === 0 && !ed) return null;
  if ((f & Cue.Modal) !== 0) return w === 'next' && right === 'to' ? null : 'future'; // "next to" is a place
  // "talks may resume Monday"; "may have left Monday" is past (the participle decides).
  if (w === 'may' || w === 'might') return right === 'have' ? null : 'future';
  // "as soon as Tuesday", "as early as next week".
  if ((w === 'soon' || w === 'early') && left === 'as') return 'future';
  const lf = CUE_FLAGS.get(left) ?? 0;
  if ((f & Cue.Intent) !== 0) {
    // "announced the plan Aug. 21", "its hopes": a noun after a determiner is no plan of the clause.
    if (!w.endsWith('ed') && (lf & Cue.Determiner) !== 0) return null;
    if (before && w !== 'set') return 'future';
    if (before && (right === 'for' || (w === 'set' && right === 'to'))) return 'future'; // "set for May", "set to resume Monday"
    return w.endsWith('ed') || w === 'set' ? ((lf & Cue.AuxBe) !== 0 ? null : 'past') : 'present';
  }
  // "postponed until Tuesday", "extended its deadline until Friday": a new date ahead.
  if ((w === 'until' || w === 'till') && (lf & Cue.Postponed) !== 0) return 'future';
  // "is to", "are to": a future arrangement.
  if (w === 'to' && (lf & Cue.AuxBe) !== 0 && left !== 'be' && left !== 'been') return 'future';
  const pastForm = (f & Cue.Past) !== 0 || (ed && (f & Cue.NotPastEd) === 0);
  if (pastForm) {
    // A passive or perfect participle: its auxiliary decides ("must be returned", "was announced", "will be held").
    if ((lf & (Cue.AuxBe | Cue.Stay)) !== 0 && (f & Cue.AuxBe) === 0) return null;
    return 'past';
  }
  // A schedule: "Bids close on Monday", "the summit opens Tuesday", "the law takes effect Friday".
  const verbBefore = left !== '' && (lf & Cue.NotVerbBefore) === 0;
  if (verbBefore && ((CUE_FLAGS.get(right) ?? 0) & Cue.Market) === 0) {
    if ((f & Cue.ScheduleS) !== 0 || ((w === 'takes' || w === 'take') && right === 'effect' && (lf & Cue.BeforePlain) === 0)) return 'future';
    if (before && (f & Cue.ScheduleBase) !== 0 && (lf & Cue.BeforePlain) === 0) return 'future';
  }
  if ((f & Cue.Present) !== 0 || ((f & Cue.PresentS) !== 0 && verbBefore)) return 'present';
  if (before && (f & Cue.PresentBase) !== 0 && verbBefore && (lf & Cue.BeforePlain) === 0) return 'present';
  return null;
}

/** How far the cues are looked for, in words before and after the date. */
const CUE_BEFORE = 16;
const CUE_AFTER = 6;
/** Where the clause of a date ends, after it: punctuation, or a word opening another clause ("…Wednesday that they should…"). */
const CLAUSE_END_LIST: readonly string[] = ['that', 'which', 'who', 'when', 'because', 'but', 'while', 'if', 'although'];

/** `,;:(.!?"` and the backquote. */
function endsClause(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 46 || c === 33 || c === 63 || c === 34 || c === 96;
}

/**
 * The tense governing a date at [start, end), per sentence: of the nearest cue before the date
 * (within CUE_BEFORE words) and the nearest after it in the same clause (CUE_AFTER words, up to a
 * comma), the closer one (the one before on a tie); null when there is none. Cues: modals and "is to" (future); plans and expectations
 * before the date (future: "is scheduled to meet Monday"); past forms; present forms.
 */
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The word before position `at.i` (not before `from`), moving `at.i` to its start; '' when none. */
function readBack(text: string, from: number, at: { i: number }): string {
  const e = wordBack(text, from, at);
  return text.slice(at.i, e);
}

/** The end of the word before position `at.i` (not before `from`), moving `at.i` to its start (`readBack` without the slice). */
function wordBack(text: string, from: number, at: { i: number }): number {
  let i = at.i;
  while (i > from && !isAsciiLetter(text.charCodeAt(i - 1))) i--;
  const e = i;
  while (i > from && isAsciiLetter(text.charCodeAt(i - 1))) i--;
  at.i = i;
  return e;
}

/**
 * Where the next word after position `at.i` starts, moving `at.i` past its end; -1 at the end of
 * the clause or `limit`. `at.and`: "and" ends the clause too (a coordinated verb phrase has its
 * own tense). Read by character codes: `wordAt` slices only the words a cue can be.
 */
function wordOn(text: string, limit: number, at: { i: number; commas: number; and: boolean }): number {
  let j = at.i;
  while (j < limit && !isAsciiLetter(text.charCodeAt(j))) {
    const c = text.charCodeAt(j);
    if (endsClause(c)) {
      if (c !== 44 || at.commas === 0) return -1;
      at.commas--;
    }
    j++;
  }
  const s0 = j;
  while (j < limit && isAsciiLetter(text.charCodeAt(j))) j++;
  at.i = j;
  if (j === s0 || endsClauseWord(text, s0, j) || (at.and && isWordAt(text, s0, j, 'and'))) return -1;
  return s0;
}

/** The lower-case word w is text[s, e) in any case (text[s, e) is ASCII letters). */
function isWordAt(text: string, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let i = 0; i < w.length; i++) if ((text.charCodeAt(s + i) | 0x20) !== w.charCodeAt(i)) return false;
  return true;
}

/** text[s, e) is one of `CLAUSE_END_LIST` in any case. */
function endsClauseWord(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 2 || n > 8) return false;
  for (const w of CLAUSE_END_LIST) if (isWordAt(text, s, e, w)) return true;
  return false;
}

/** The word text[s, e) as `cueOf` reads it: lower case, "May" kept (the month, not the modal); '' for no word (s < 0). */
function wordAt(text: string, s: number, e: number): string {
  if (s < 0 || e === s) return '';
  const raw = text.slice(s, e);
  return raw === 'May' ? raw : raw.toLowerCase();
}

/**
 * Whether the word text[s, e) (ASCII letters) can be a tense cue by an -ed ending, or its length,
 * first letter and hash: `cueOf`'s first test without the slice, so most words of a clause are
 * ruled out before a string is made of them.
 */
function cueShape(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n > 4 && (text.charCodeAt(e - 2) | 0x20) === 101 && (text.charCodeAt(e - 1) | 0x20) === 100) return true;
  if (CUE_SHAPES[Math.min(n, 31) * 32 + (text.charCodeAt(s) & 31)] !== 1) return false;
  // Common words have a cue's shape ("that": "told", "with": "will", "from": "fell"): the hash of
  // the word in lower case then rules out most of them before it is sliced, lower-cased and looked up.
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | 0x20)) | 0;
  return CUE_HASHES[h & (CUE_HASH_SIZE - 1)] === 1;
}

const CUE_HASH_SIZE = 8192;
/** 1 at the hash (`cueShape`'s) of each of `CUE_WORDS`: a word whose hash has no 1 is none of them. */
const CUE_HASHES = cueHashes(CUE_WORDS);

function cueHashes(words: ReadonlySet<string>): Uint8Array {
  const table = new Uint8Array(CUE_HASH_SIZE);
  for (const w of words) {
    let h = 0;
    for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + (w.charCodeAt(i) | 0x20)) | 0;
    table[h & (CUE_HASH_SIZE - 1)] = 1;
  }
  return table;
}

/** Words of a date that is ahead by nature, right before it: "payable Dec. 15", "effective Feb. 1", "due Jan. 2". */
const FORWARD = new Set(['payable', 'effective', 'due', 'expiring', 'maturing']);
/** Before "to", "until", "through": a move to a new date ("extended to Nov. 20", "postponed until Tuesday"). */
const MOVED = new Set([...POSTPONED, 'moved', 'pushed', 'set', 'changed', 'shifted', 'advanced']);

/**
 * Whether the date at `start` names a term ahead by its own words, whatever the tense of the verb
 * reporting it ("declared a dividend payable Dec. 15", "created the office, effective Feb. 1",
 * "extended its offer to Nov. 20"): the past tense is the announcement's, not the date's.
 */
function forwardBefore(text: string, start: number): boolean {
  const at = { i: start };
  const from = Math.max(0, start - 40);
  let w = readBack(text, from, at).toLowerCase();
  if (w === 'on') w = readBack(text, from, at).toLowerCase();
  if (FORWARD.has(w)) return true;
  if (w !== 'to' && w !== 'until' && w !== 'through' && w !== 'till') return false;
  return MOVED.has(readBack(text, from, at).toLowerCase());
}

function tenseTester(article: Article): (start: number, end: number) => Tense | null {
  const tense = clauseTense(article);
  // A term ahead by its own words is read as the nearest such date, not moved back by a past verb.
  return (start, end) => {
    const t = tense(start, end);
    return t === 'past' && forwardBefore(article.text, start) ? 'present' : t;
  };
}

/** The words before a date that make it a deadline or an end, in these cases. */
const UNTIL_WORDS: ReadonlySet<string> = new Set(['until', 'till', 'by', 'through', 'Until', 'By']);

function clauseTense(article: Article): (start: number, end: number) => Tense | null {
  let sStart = -1;
  let sEnd = -1;
  const at = { i: 0, commas: 0, and: false };
  return (start, end) => {
    if (!(start >= sStart && start < sEnd)) {
      const p = paragraphAt(article, start);
      if (!p) return null;
      const s = p.sentences.find((x) => x.start <= start && start < x.end);
      sStart = s ? s.start : p.start;
      sEnd = s ? s.end : p.end;
    }
    // The words before the date, read backwards, each with the word to its left (one read ahead),
    // as positions: a word is sliced and lower-cased only when its shape can be a cue.
    const text = article.text;
    at.i = start;
    let b: Tense | null = null;
    let bd = CUE_BEFORE;
    let rs = -1; // the word to the right of the word read ('' at first)
    let re = -1;
    let we = wordBack(text, sStart, at);
    let ws = at.i;
    // A deadline or an end, "until"/"by"/"through" + date ("is valid until Dec. 31", "stays open until Friday", "runs through May",
    // "answers are due by Monday", "Deadline: by Monday"): ahead, unless a past tense governs it
    // ("Up until Thursday, they had…", "had left by Monday", "had denied it until Monday").
    const until = we - ws >= 2 && we - ws <= 7 && UNTIL_WORDS.has(text.slice(ws, we));
    let wordsBefore = 0;
    for (let d = 0; d < CUE_BEFORE && we > ws; d++) {
      wordsBefore++;
      const le = wordBack(text, sStart, at);
      const ls = at.i;
      let c: Tense | null = null;
      if (cueShape(text, ws, we)) {
        const word = text.slice(ws, we);
        const left = text.slice(ls, le);
        // A headline's infinitive ("City To Host Fair On Monday") announces; "May" is a month, and a
        // capitalized plain verb a name or a month ("Mark", "March").
        const lw = word.toLowerCase();
        // The word's lists, looked up once for the tests here and `cueOf`.
        const f = CUE_FLAGS.get(lw) ?? 0;
        c = word === 'To' && left ? 'future' : word === 'May' || (lw !== word && (f & Cue.PresentBase) !== 0) || !((f & Cue.Word) !== 0 || (lw.length > 4 && lw.endsWith('ed')))
          ? null : cueOf(lw, left.toLowerCase(), rs < 0 ? '' : text.slice(rs, re).toLowerCase(), true, f);
        // "had been scheduled to expire Friday", "had been due to…": a plan in the past perfect is past.
        if (c === 'future' && (f & Cue.Intent) !== 0 && left.toLowerCase() === 'been' && readBack(text, sStart, at).toLowerCase() === 'had') c = 'past';
      }
      if (c) {
        b = c;
        bd = d;
        break;
      }
      rs = ws;
      re = we;
      ws = ls;
      we = le;
    }
    // After the date, only its own clause counts: "…on Monday, officials said" is a parenthetical.
    // A date opening its sentence ("On Tuesday, the league plans…") is governed by the main clause
    // after its comma.
    const fronted = b === null && wordsBefore <= 1;
    at.i = end;
    at.commas = fronted ? 1 : 0;
    // With a cue before the date, "and" after it opens another verb phrase: "planned a march on
    // Saturday and were hoping…" is governed by "planned", not by "were".
    at.and = b !== null;
    const limit = Math.min(sEnd, end + (fronted ? 120 : 80));
    const reach = fronted ? CUE_BEFORE : CUE_AFTER;
    let ps = -1; // the word before the current one ('' at first)
    let pe = -1;
    let cs = bd > 0 ? wordOn(text, limit, at) : -1;
    let ce = at.i;
    for (let d = 0; d < reach && d < bd && cs >= 0; d++) {
      const ns = wordOn(text, limit, at);
      const ne = at.i;
      if (cueShape(text, cs, ce)) {
        const c = cueOf(wordAt(text, cs, ce), wordAt(text, ps, pe), wordAt(text, ns, ne), false);
        if (c) return until && c === 'present' ? 'future' : c;
      }
      ps = cs;
      pe = ce;
      cs = ns;
      ce = ne;
    }
    // No cue at all: ahead, unless the date opens its sentence ("Up until Tuesday, however, the army
    // had…": its main clause, past the commas, was not read).
    return until && (b === 'present' || (b === null && wordsBefore > 2)) ? 'future' : b;
  };
}

interface Context {
  text: string;
  a: YMD | null;
  anchor: string | undefined;
  tenseAt: (start: number, end: number) => Tense | null;
  /** The last DATE or TIME value in the text so far, and where it starts. */
  prev: { value: string; start: number } | null;
  /** The last one naming a day. */
  prevDay: { value: string; start: number } | null;
  /** The last quarter or half (`2012-Q4`, `2013-H1`), and the last year or month, named (not counted from another date: "a year earlier"). */
  prevPart: { value: string; start: number } | null;
  /** The last of those that had ended by the publication date: one that can be reported on ("the fourth quarter", "through the third quarter of 1990" cannot, in October 1989). */
  prevReported: { value: string; start: number } | null;
  prevYM: { value: string; start: number } | null;
  /** The mentions so far (an event's date is looked up among them). */
  dates: readonly DateMention[];
  /** The mentions counted from an event: no event's own date. */
  fromEvent: Set<DateMention>;
  /** The scanner's memo of feast days (`DateScanner.feastDays`). */
  feastDays: Map<string, number>;
}

interface Resolved {
  value: string | null;
  kind: DateKind;
  granularity: DateGranularity;
  resolution: { rule: string; anchor?: string };
  invalid?: string;
  type?: TimexType;
  anchor?: DateAnchor;
  quant?: string;
  freq?: string;
  range?: { start: string | null; end: string | null };
  /** No mention: the words name no date here ("in the quarter" with no quarter before it). */
  drop?: boolean;
  uncertain?: string;
  /** Where the mention starts when the resolver's reading widens the expression ("in" of "in a week" read as a date ahead). */
  start?: number;
}

/**
 * A resolution, every field present in one order (`undefined` where it does not apply) and the
 * fields `more` names copied in: all resolutions share one map, so `recognizeDates` reads them with
 * monomorphic loads, where the resolvers' ~80 literals, in many shapes, made each of its reads of
 * a resolution megamorphic. (A spread of one blank object would not do it: each spread site makes
 * a map of its own.)
 */
function res(value: string | null, kind: DateKind, granularity: DateGranularity, resolution: Resolved['resolution'], more?: Partial<Resolved>): Resolved {
  const r: Resolved = { value, kind, granularity, resolution, invalid: undefined, type: undefined, anchor: undefined, quant: undefined, freq: undefined,
    range: undefined, drop: undefined, uncertain: undefined, start: undefined };
  return more ? Object.assign(r, more) : r;
}

/**
 * `res` with `uncertain` set (undefined: not uncertain), stored on the resolution rather than
 * copied from a literal by `Object.assign`: the resolvers of the commonest kinds (weekdays, months,
 * days, seasons) return through here for every date they resolve.
 */
function uncertainRes(value: string | null, kind: DateKind, granularity: DateGranularity, resolution: Resolved['resolution'], uncertain: string | undefined): Resolved {
  const r = res(value, kind, granularity, resolution);
  r.uncertain = uncertain;
  return r;
}

type YMD = { y: number; m: number; d: number };

const NEEDS = 'needs a publication date: the article has none';
/** How far (days) a partial date may lie before the publication date in a future-tense clause: "must return by Jan. 14" written a day after it. */
const SLACK_DAYS = 31;
/**
 * How far (days) a partial date may lie after the publication date in a past-tense clause and stay
 * there: a past verb often reports a date still ahead ("declared a dividend payable Dec. 15",
 * "extended the offer to Nov. 20", "asked it to respond by Oct. 31"), and wire copy writes the year
 * of a date that far back (see docs/dates.md, "Year of a month and day").
 */
const PAST_AHEAD_DAYS = 62;
const GUESSED = 'tense guessed: no verb in the sentence';

/** Nouns after "today's" that make it generic, the present age rather than the day ("today's youth"). */
const GENERIC_TODAY = /^['’]s (?:(?!(?:on|of|in|for|with|at|about|and|to|over|by) )[a-z-]+ ){0,3}?(?:youth|young|world|society|generation|generations|children|kids|teenagers|teens|students|parents|families|economy|culture|environment|era|age|climate|landscape|realities)\b/;

/** What may stand between a clock time and the day it is on: a conversion in brackets, "on". */
const TIME_TO_DAY = /^\.?\s*(?:\([^()]{0,30}\)\s*|[()]\s*)?(?:on\s+)?$/;
/** What stands between the two clock times of a range ("9 a.m. to 11 a.m.", "8am-1pm"). */
const TIME_RANGE_TO = /^\.?\s*(?:to|until|till|and|-|\u2013)\s*$/;
/** Kinds of a clock time's day that a range's start can take ("11 a.m. on Thursday", "5 p.m. Nov. 6", "4 p.m. yesterday": a day, not `local`). */
const DAY_KINDS: ReadonlySet<string> = new Set(['weekday', 'md', 'ymd', 'holiday', 'rel']);

/**
 * The day written right after the clock time exprs[i] ("at midnight Thursday", "3:20 p.m. (1020
 * GMT) on Thursday"), through other clock times of the same moment; null when none.
 */
function dayWrittenAfter(exprs: Expr[], i: number, text: string): Expr | null {
  for (let j = i + 1; j < exprs.length && j <= i + 2; j++) {
    const n = exprs[j];
    const gap = text.slice(exprs[j - 1].end, n.start);
    if (!TIME_TO_DAY.test(gap)) {
      // "from 9 a.m. to 11 a.m. on Thursday": the end of a range of clock times gives its start the day.
      return j === i + 1 && n.time && !n.local && TIME_RANGE_TO.test(gap) && DAY_KINDS.has(n.kind.type) ? n : null;
    }
    if (n.local) continue;
    const t = n.kind.type;
    // "at 6 a.m. ten days before the shooting": a day counted from an event.
    const fromEvent = t === 'event' && !Number.isNaN(n.kind.n) && (n.kind.unit === 'D' || n.kind.unit === 'W');
    return !n.time && (t === 'weekday' || t === 'md' || t === 'ymd' || t === 'holiday' || (t === 'rel' && n.kind.unit === 'day') || fromEvent) ? n : null;
  }
  return null;
}

function resolve(e: Expr, c: Context, day: Expr | null = null): Resolved {
  const k = e.kind;
  if (day) {
    const d = resolveDate(day, c);
    if (d.value && dayOf(d.value)) {
      const v = d.value.slice(0, 10);
      const r = res(v, 'time', d.granularity, { rule: `${d.resolution.rule}, the day written after the time`, anchor: d.resolution.anchor },
        { invalid: d.invalid, type: d.type, anchor: d.anchor, quant: d.quant, freq: d.freq, range: d.range, drop: d.drop, uncertain: d.uncertain, start: d.start });
      return withTime(e, r);
    }
  }
  // "in each of the last three years": every one of them, a SET of years.
  if (k.type === 'dur' && !Number.isNaN(k.n) && k.n > 1 && /\beach of $/i.test(c.text.slice(Math.max(0, e.start - 8), e.start))) {
    const value = durationValue(1, k.unit);
    return res(value, 'set', 'range', { rule: `recurring: each ${value} of the ${k.n}` }, { type: 'SET', quant: 'EACH', anchor: 'none' });
  }
  if (k.type === 'rel' && k.unit === 'day' && k.offset === 0 && e.end - e.start === 5 && GENERIC_TODAY.test(c.text.slice(e.end, e.end + 60))) {
    // Generic ("today's youth", "in today's world"): our time, not a date; both gold sets leave it (0 of 4).
    return res(null, 'reference', 'day', { rule: "generic today's: our time, no date" }, { drop: true, anchor: 'none' });
  }
  // "on Friday and Saturday nights" in a past-tense clause: those two nights, not every such night.
  if (k.type === 'set' && k.day !== undefined && c.tenseAt(e.start, e.end) === 'past') return withTime(e, resolveWeekday(e, { type: 'weekday', w: k.day }, c));
  const r: Resolved = e.local && c.prev && dayOf(c.prev.value)
    ? res(c.prev.value.slice(0, 10), 'time' as DateKind, 'day' as DateGranularity, { rule: `time of day on the previous date in the text (${c.prev.value.slice(0, 10)})`, anchor: c.prev.value.slice(0, 10) }, { anchor: { previous: c.prev.start } as DateAnchor })
    : resolveDate(e, c);
  return withTime(e, r);
}

/** A day's resolution with the expression's time of day added: a clock time makes it a TIME. */
function withTime(e: Expr, r: Resolved): Resolved {
  if (e.time && r.value && /^\d{4}-\d{2}-\d{2}$/.test(r.value)) {
    if (e.time.includes(':')) {
      r.value += `T${e.time}`;
      r.type = 'TIME';
      r.kind = 'time';
      r.resolution = { ...r.resolution, rule: `${r.resolution.rule}, at ${e.time}` };
    } else {
      // A part of a named day ("Friday night", "tonight", "the next morning") is a TIME on that
      // day, `2013-03-22TMO` as the TIMEX3 guidelines write it; the checks read its day.
      r.value += `T${e.time}`;
      r.type = 'TIME';
      r.kind = 'time';
      r.resolution = { ...r.resolution, rule: `${r.resolution.rule}, in the ${partName(e.time)}` };
    }
  }
  return r;
}

/**
 * Whether a past form stands right before the date at `start` (or before "on" before it): "the
 * quarter ended Oct. 31", "was rescued on Nov. 25" date the past event itself, which has happened.
 */
function pastVerbRightBefore(text: string, start: number): boolean {
  const at = { i: start };
  let w = readBack(text, Math.max(0, start - 40), at);
  if (w === 'on') w = readBack(text, Math.max(0, start - 40), at);
  w = w.toLowerCase();
  if (INTENT.has(w) || POSTPONED.has(w)) return false;
  // A modifier of the date ("completed around Nov. 1"): the verb before it.
  if (w === 'around' || w === 'about' || w === 'approximately' || w === 'roughly') w = readBack(text, Math.max(0, start - 60), at).toLowerCase();
  const past = (PAST_WORDS.has(w) && w !== 'last' && w !== 'since') || (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w));
  // "to be completed Nov. 1", "has been set Nov. 6": a participle after "be"/"been" is no past event.
  if (!past) return false;
  const aux = readBack(text, Math.max(0, start - 80), at).toLowerCase();
  return aux !== 'be' && aux !== 'been' && aux !== 'being';
}

function partName(p: string): string {
  return p === 'MO' ? 'morning' : p === 'AF' ? 'afternoon' : p === 'EV' ? 'evening' : 'night';
}

/** The day-level date of a TIMEX3 value (YYYY-MM-DD…), or null (read by character codes: it runs for every date). */
function dayOf(v: string): YMD | null {
  if (v.length < 10 || v.charCodeAt(7) !== 45 || v.charCodeAt(4) !== 45) return null;
  const y = digitsOf(v, 0, 4);
  const m = digitsOf(v, 5, 7);
  const d = digitsOf(v, 8, 10);
  return y >= 0 && m >= 0 && d >= 0 ? { y, m, d } : null;
}

/** The number written in v[from, to) in ASCII digits, or -1 when a character is no digit. */
function digitsOf(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Moves a date by n units, giving a value at that unit's granularity. */
function shift(base: YMD, n: number, unit: Unit | 'day' | 'week' | 'month' | 'year'): { value: string; granularity: DateGranularity } | null {
  switch (unit) {
    case 'D': case 'day': return { value: formatYMD(fromDayNumber(toDayNumber(base.y, base.m, base.d) + n)), granularity: 'day' };
    case 'W': case 'week': return { value: isoWeek(fromDayNumber(toDayNumber(base.y, base.m, base.d) + 7 * n)), granularity: 'week' };
    case 'M': case 'month': {
      const total = base.y * 12 + (base.m - 1) + n;
      return { value: `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`, granularity: 'month' };
    }
    case 'Y': case 'year': return { value: pad(base.y + n, 4), granularity: 'year' };
    case 'Q': {
      const total = base.y * 4 + Math.floor((base.m - 1) / 3) + n;
      return { value: `${pad(Math.floor(total / 4), 4)}-Q${(total % 4) + 1}`, granularity: 'quarter' };
    }
    case 'DE': return { value: pad(base.y + 10 * n, 4), granularity: 'year' };
    case 'CE': return { value: pad(base.y + 100 * n, 4), granularity: 'year' };
    default: return null;
  }
}

/** A day n units on from a day: weeks count as seven days, so they land on a day ("two weeks after 5 March": 19 March); other units as `shift`. */
function shiftOn(base: YMD, n: number, unit: Unit): { value: string; granularity: DateGranularity } | null {
  return unit === 'W' ? shift(base, 7 * n, 'D') : shift(base, n, unit);
}

/** The same day n years on from a day ("this time last year", "2 years after 3 May 2020"); 29 February becomes the 28th in a common year. */
function yearsOnDay(base: YMD, n: number): { value: string; granularity: DateGranularity } {
  const y = base.y + n;
  const d = base.m === 2 && base.d === 29 && daysInMonth(y, 2) === 28 ? 28 : base.d;
  return { value: formatYMD({ y, m: base.m, d }), granularity: 'day' };
}

/** A previous value parsed back to a day, month or year (weeks: their Thursday). */
function prevBase(v: string): YMD | null {
  const d = dayOf(v);
  if (d) return d;
  const w = /^(\d{4})-W(\d{2})/.exec(v);
  if (w) {
    const jan4 = toDayNumber(Number(w[1]), 1, 4);
    const wd = (weekday(Number(w[1]), 1, 4) + 6) % 7;
    return fromDayNumber(jan4 - wd + 7 * (Number(w[2]) - 1) + 3);
  }
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(v);
  return m ? { y: Number(m[1]), m: m[2] ? Number(m[2]) : 7, d: 1 } : null;
}

const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The season index (year * 4 + n) holding a date: winter is December to February, counted in December's year. */
function seasonIndex(y: number, m: number): number {
  if (m <= 2) return (y - 1) * 4 + 3;
  return y * 4 + Math.floor((m - 3) / 3);
}

/** The expression kind whose `type` is T. */
type KindOf<T extends ExprKind['type']> = Extract<ExprKind, { type: T }>;

/** The value of an expression, by its kind: small kinds here, the others in a function each (a function per kind is optimized as soon as its kind is common). */
function resolveDate(e: Expr, c: Context): Resolved {
  const { a, anchor } = c;
  const k = e.kind;
  switch (k.type) {
    case 'dur':
      return resolveDur(k, c);
    case 'set':
      return res(k.v, 'set', 'range', { rule: `recurring: ${k.what ? `${k.what}, ` : ''}${k.v}${k.quant ? ` (${k.quant.toLowerCase()})` : ''}${k.freq ? ` ${k.freq}` : ''}` }, { type: 'SET', quant: k.quant, freq: k.freq, anchor: 'none' });
    case 'ref':
      return res(k.v, 'reference', 'day', { rule: k.v === 'PRESENT_REF' ? 'the present' : k.v === 'PAST_REF' ? 'the past' : 'the future' }, { anchor: 'none' });
    case 'century':
      return res(pad(k.c, 2), 'century', 'decade', { rule: `century ${k.c}00–${k.c}99` }, { anchor: 'none' });
    case 'relc':
      if (!a) return res(null, 'century', 'decade', { rule: NEEDS });
      if (k.decade) {
        const d = Math.floor(a.y / 10) + k.offset;
        return res(`${d}X`, 'decade', 'decade', { rule: `${k.offset < 0 ? 'the decade before that of' : k.offset > 0 ? 'the decade after that of' : 'the decade of'} the publication date`, anchor });
      }
      return res(pad(Math.floor(a.y / 100) + k.offset, 2), 'century', 'decade', { rule: 'this century: the century of the publication date', anchor });
    case 'fiscal':
      return resolveFiscal(k, c);
    case 'part':
      return resolvePart(e, k, c);
    case 'weekend':
      return resolveWeekend(e, k, c);
    case 'season':
      return resolveSeason(e, k, c);
    case 'ana':
      return resolveAna(e, k, c);
    case 'off':
      return resolveOff(e, k, c);
    case 'ymd':
      return resolveYmd(k);
    case 'ym':
      return res(`${pad(k.y, 4)}-${pad(k.m)}`, 'absolute', 'month', { rule: 'month and year' });
    case 'y':
      return res(`${k.bc ? 'BC' : ''}${pad(k.y, 4)}`, 'absolute', 'year', { rule: k.bc ? 'year before Christ' : 'year' });
    case 'quarter':
      return res(`${pad(k.y, 4)}-Q${k.q}`, 'absolute', 'quarter', { rule: 'quarter' });
    case 'decade':
      return res(`${k.decade}X`, 'decade', 'decade', { rule: `decade ${k.decade}0–${k.decade}9` });
    case 'range':
      return res(`${pad(k.from, 4)}/${pad(k.to, 4)}`, 'range', 'range', { rule: 'range of years' }, { range: { start: pad(k.from, 4), end: pad(k.to, 4) } });
    case 'md':
      return resolveMd(e, k, c);
    case 'holiday':
      return resolveHoliday(e, k, c);
    case 'm':
      return resolveM(e, k, c);
    case 'rel':
      return resolveRel(k, c);
    case 'weekday':
      return resolveWeekday(e, k, c);
    case 'dom':
      return resolveDom(e, k, c);
    case 'back':
      return resolveBack(e, k, c);
    case 'event':
      return resolveEvent(e, k, c);
    case 'turn': {
      if (!c.a) return res(null, 'century', 'year', { rule: NEEDS });
      const y = Math.round(c.a.y / 100) * 100;
      return res(pad(y, 4), 'century', 'year', { rule: `the turn of the century: the years around ${y}, the century boundary nearest the publication date`, anchor: c.anchor });
    }
  }
  return res(null, 'absolute', 'day', { rule: 'unknown' });
}

/** The words between a span and the date it ends at: "the three months to June", "the 12 months through September", "the year ended March 31". */
const SPAN_TO = /^ (?:to|through|thru|ending|ended|until) $/;
/** What stands before such a span: "the", "past" (the "first" of "the first nine months" is in its span). */
const SPAN_BEFORE = /(?:^|\s)(?:the|The|past) $/;

/**
 * A duration followed by the date it ends at ("the six months to June 30", "the 12 months through
 * September"): the duration gets the interval as its `range`, from the start of its first unit to
 * the end date. Only a definite count of days, weeks, months or years after "the" or
 * "past": "delayed the vote by two weeks to March 5" is a shift, not a span ending on March 5.
 */
function spanTo(e: Expr, d: DateMention, end: string, text: string, endStart: number): void {
  const k = e.kind;
  if (k.type !== 'dur' || Number.isNaN(k.n) || k.n < 1 || d.type !== 'DURATION' || d.range || endStart - e.end > 9 || !SPAN_TO.test(text.slice(e.end, endStart))) return;
  if (!SPAN_BEFORE.test(text.slice(Math.max(0, d.start - 6), d.start)) && !/^(?:the|The) /.test(d.text)) return;
  const start = spanStart(k.n, k.unit, end);
  if (!start) return;
  d.range = { start, end };
  d.resolution = { ...d.resolution, rule: `${d.resolution.rule}, ending at ${end}` };
}

/**
 * A quarter followed by the date it ended ("its fourth quarter ended June 30", "the quarter ended
 * Sept. 30"): a fiscal quarter named by its number is of the year it ended in; "the quarter" with no
 * number is the calendar quarter holding the middle of the three months that end then (ended July
 * 31: May to July, the second quarter).
 */
function endedAt(e: Expr, d: DateMention, end: string, text: string, endStart: number): void {
  const k = e.kind;
  // "the quarter ended Sept. 30" after "the fiscal first quarter" is that quarter: only one read
  // from the publication date is set from its end.
  if (!(k.type === 'back' && k.ended && d.anchor === 'dct') && !(k.type === 'part' && k.bare && k.of === 'Q')) return;
  if (!/^ (?:ended|ending) $/.test(text.slice(e.end, endStart))) return;
  const r = /^(\d{4})-(\d{2})/.exec(end);
  if (!r) return;
  const y = Number(r[1]);
  let value: string;
  if (k.type === 'part') value = `${r[1]}-Q${k.n}`;
  else {
    const mid = y * 12 + Number(r[2]) - 2; // the middle month, counted from 0
    value = quarterValue(Math.floor(mid / 3));
  }
  d.value = value;
  d.kind = 'anaphoric';
  d.resolution = { rule: k.type === 'part' ? `quarter ${k.n} of the year it ended in (${end})` : `the quarter ended ${end}: the calendar quarter holding the middle of its three months`, anchor: end };
}

/** The first day, month or year of n units that end with the date `end` (days and weeks: a day; months and years: the end's month, or its year). */
function spanStart(n: number, unit: Unit, end: string): string | null {
  const r = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(end);
  if (!r) return null;
  const y = Number(r[1]);
  if (r[3] && (unit === 'D' || unit === 'W')) {
    return formatYMD(fromDayNumber(toDayNumber(y, Number(r[2]), Number(r[3])) - n * (unit === 'W' ? 7 : 1) + 1));
  }
  const months = unit === 'M' ? n : unit === 'Q' ? 3 * n : unit === 'Y' ? 12 * n : 0;
  if (!months) return null;
  if (!r[2]) return unit === 'Y' ? pad(y - n + 1, 4) : null;
  const first = y * 12 + Number(r[2]) - 1 - (months - 1);
  return `${pad(Math.floor(first / 12), 4)}-${pad((first % 12) + 1, 2)}`;
}

/** What stands just before an expression that opens its sentence. */
const SENTENCE_START = /(?:^|[.!?]["'”’)]?\s+|\n\s*)$/;

/** How far back (characters) "in the quarter", "for the year" look for the date they refer to. */
const BACK_REACH = 1500;

/** Whether a previous date was counted from the publication date or another date ("a year ago", "last year", "the year before"): no period the text reports on. */
function counted(p: { value: string; start: number }): boolean {
  const kind = (p as DateMention).kind;
  return kind === 'relative' || kind === 'offset' || kind === 'anaphoric';
}

/** Whether the quarter or half `v` (`1990-Q3`, `2013-H2`) has not ended by the publication date: the publication date's own or a later one. */
function partAhead(v: string, a: YMD): boolean {
  const y = digitsOf(v, 0, 4);
  const n = v.charCodeAt(6) - 48;
  const per = v.charCodeAt(5) === 72 ? 2 : 4;
  return y * per + n - 1 >= a.y * per + Math.floor((a.m - 1) / (12 / per));
}

/**
 * The quarter or half the text is reporting on at e: the last one named (not counted, ended by the
 * publication date) within `BACK_REACH` before it, when no year or month was named after it; else
 * null.
 */
function reportingPart(e: Expr, c: Context): { value: string; start: number } | null {
  const p = c.prevReported;
  if (!p || e.start - p.start > BACK_REACH) return null;
  return c.prevYM && c.prevYM.start > p.start && !counted(c.prevYM) ? null : p;
}

/**
 * "in the quarter", "the period": the last quarter or half in the text, within `BACK_REACH`
 * ("In the fourth quarter, profit rose… Revenue in the quarter…" → `2012-Q4`), else no mention.
 * "for the year": the year of the last quarter, half, month or year named in the text within
 * `BACK_REACH` (not one counted from another date: "up 5% from a year earlier"), else the
 * publication year.
 */
function resolveBack(e: Expr, k: KindOf<'back'>, c: Context): Resolved {
  const near = (p: { value: string; start: number } | null): p is { value: string; start: number } => p !== null && e.start - p.start <= BACK_REACH;
  const part = near(c.prevPart) ? c.prevPart : null;
  if (k.y !== undefined) {
    // "the 1988 quarter": the quarter reported on, in the year written; with none, the year.
    const p = c.prevPart && (k.what !== 'quarter' || c.prevPart.value.charCodeAt(5) === 81) ? c.prevPart : null;
    if (!p) return res(pad(k.y, 4), 'absolute', 'year', { rule: `the ${k.what} of ${k.y}: no quarter named before it, the year` });
    const value = `${pad(k.y, 4)}${p.value.slice(4)}`;
    return res(value, 'absolute', 'quarter', { rule: `the ${k.what} of ${k.y}: the quarter the text reports on (${p.value}) in that year`, anchor: p.value }, { anchor: { previous: p.start } });
  }
  if (k.what !== 'year') {
    // A text that named a quarter earlier reports on it, however far back ("In the third quarter,
    // … [two columns] … taxes paid during the quarter").
    const named = part ?? c.prevPart;
    if (named && (k.what !== 'quarter' || named.value.charCodeAt(5) === 81)) {
      return res(named.value, 'anaphoric', 'quarter', { rule: `the ${k.what === 'latest' ? 'period' : k.what} of the previous quarter or half in the text (${named.value})`, anchor: named.value }, { anchor: { previous: named.start } });
    }
    // "the latest period", "the quarter ended Sept. 30" with no quarter before: the last one
    // reported (the one ended is set from its date when that follows: `endedAt`).
    if ((k.what === 'latest' || k.ended) && c.a) {
      const value = quarterValue(c.a.y * 4 + Math.floor((c.a.m - 1) / 3) - 1);
      return res(value, 'relative', 'quarter', { rule: 'the latest quarter reported: the one before the publication date\'s', anchor: c.anchor }, { anchor: 'dct' });
    }
    return res(null, 'anaphoric', 'quarter', { rule: 'no quarter before it' }, { drop: true });
  }
  // "the full year" is the year reported on: the quarter's, else the publication year ("by 1992 …
  // an increase for the full year" is this one).
  const ym = !k.full && near(c.prevYM) && /^\d{4}/.test(c.prevYM.value) ? c.prevYM : null;
  const p = part && (!ym || part.start > ym.start) ? part : ym;
  if (p) return res(p.value.slice(0, 4), 'anaphoric', 'year', { rule: `the year of the previous date in the text (${p.value})`, anchor: p.value }, { anchor: { previous: p.start } });
  if (!c.a) return res(null, 'anaphoric', 'year', { rule: NEEDS });
  return res(pad(c.a.y, 4), 'relative', 'year', { rule: 'the publication year', anchor: c.anchor }, { anchor: 'dct' });
}

/** A duration of n units and a half ("2 1/2 years" → P2Y6M, "a minute and a half" → PT1M30S). */
function halfValue(n: number, unit: Unit): string {
  switch (unit) {
    case 'Y': return `P${n}Y6M`;
    case 'M': return `P${n}M15D`;
    case 'D': return `P${n}DT12H`;
    case 'MIN': return `PT${n}M30S`;
    default: return `PT${n}H30M`;
  }
}

/** `resolveDate` of a `dur` expression. */
function resolveDur(k: KindOf<'dur'>, c: Context): Resolved {
  const { a } = c;
  const value = k.half ? halfValue(k.n, k.unit) : durationValue(k.n, k.unit);
  const r: Resolved = res(value, 'duration', 'range', { rule: `duration: ${value}` }, { type: 'DURATION', anchor: 'none' });
  if (k.within && a) {
    const end = shiftOn(a, Number.isNaN(k.n) ? 0 : k.n, k.unit);
    if (end && !Number.isNaN(k.n)) r.range = { start: formatYMD(a), end: end.value };
  }
  return r;
}

/** `resolveDate` of a `fiscal` expression. */
function resolveFiscal(k: KindOf<'fiscal'>, c: Context): Resolved {
  const { a, anchor } = c;
  if (!Number.isNaN(k.y)) return res(pad(k.y, 4), 'fiscal', 'year', { rule: `fiscal year ${k.y}` }, { anchor: 'none' });
  if (!a) return res(null, 'fiscal', 'year', { rule: NEEDS });
  return res(pad(a.y + (k.offset ?? 0), 4), 'fiscal', 'year', { rule: 'fiscal year relative to the publication year', anchor });
}

/** The TIMEX3 value of quarter number `q` counted from year 0 (year × 4 + quarter − 1). */
function quarterValue(q: number): string {
  return `${pad(Math.floor(q / 4), 4)}-Q${(q % 4) + 1}`;
}

/** `resolveDate` of a `part` expression. */
function resolvePart(e: Expr, k: KindOf<'part'>, c: Context): Resolved {
  const { a, anchor } = c;
  const unit = k.of === 'Q' ? 'quarter' : 'half';
  if (!Number.isNaN(k.y)) return res(`${pad(k.y, 4)}-${k.of}${k.n}`, k.of === 'Q' ? 'quarter' : 'half', 'quarter', { rule: unit });
  if (!a) return res(null, k.of === 'Q' ? 'quarter' : 'half', 'quarter', { rule: NEEDS });
  const cur = Math.floor((a.m - 1) / 3) + 1;
  if (Number.isNaN(k.n)) {
    return res(quarterValue(a.y * 4 + cur - 1 + k.offset), 'quarter', 'quarter', { rule: `${k.offset < 0 ? 'the quarter before' : k.offset > 0 ? 'the quarter after' : 'the quarter of'} the publication date`, anchor });
  }
  if (k.bare) {
    // "In 2012 profit rose 5%; in the fourth quarter …": the year the text was just speaking of.
    const py = yearNearby(e, c);
    if (py !== null) {
      return res(`${pad(py, 4)}-${k.of}${k.n}`, k.of === 'Q' ? 'quarter' : 'half', 'quarter', { rule: `${unit} of ${py}, the year of the previous date in the text (${c.prev!.value})`, anchor: c.prev!.value }, { anchor: { previous: c.prev!.start } });
    }
    // "Profit rose in the fourth quarter" written in March: last year's. A future tense looks
    // ahead, but from the period just ended: a quarter is reported after it ends, so "expects to
    // report third-quarter results" written in October is this year's third quarter.
    const future = c.tenseAt(e.start, e.end) === 'future';
    const per = k.of === 'Q' ? 4 : 2;
    const nowN = k.of === 'Q' ? cur : cur <= 2 ? 1 : 2;
    const now = a.y * per + nowN - 1;
    const mine = a.y * per + k.n - 1;
    // The period before the publication date's is still being reported in the first
    // `REPORTING_DAYS` of the next one (the United States' deadline for a quarterly report).
    const recent = toDayNumber(a.y, a.m, a.d) - toDayNumber(a.y, (nowN - 1) * (12 / per) + 1, 1) < REPORTING_DAYS;
    const y = !future ? (mine <= now ? a.y : a.y - 1)
      : mine >= now || (recent && mine === now - 1) ? a.y : a.y + 1;
    return res(`${pad(y, 4)}-${k.of}${k.n}`, k.of === 'Q' ? 'quarter' : 'half', 'quarter', { rule: `${unit}: the ${future ? 'next' : 'most recent'} such ${unit} ${future ? 'from' : 'up to'} the publication date's${future && y * per + k.n - 1 < now ? ' (the one just ended: its results come after it)' : ''}`, anchor });
  }
  return res(`${pad(a.y + k.offset, 4)}-${k.of}${k.n}`, k.of === 'Q' ? 'quarter' : 'half', 'quarter', { rule: `${unit} of the ${k.offset < 0 ? 'year before the ' : k.offset > 0 ? 'year after the ' : ''}publication year`, anchor });
}

/** How long (days) after a quarter or half ends its results are still news: a bare one named in a future clause may be it ("expects to report third-quarter net" in October). */
const REPORTING_DAYS = 45;

/** How near (in characters) a previous year must be for a bare quarter or half to be one of it: the same or the previous sentence. */
const YEAR_NEARBY = 250;

/**
 * The year of the previous date in the text when it names a year, a quarter or a half of one, is
 * the publication year or the one before, and stands close before e ("Sales rose in 2012. In the
 * second half, …"); else null.
 */
function yearNearby(e: Expr, c: Context): number | null {
  const p = c.prev;
  // A year counted from the publication date or another date ("up from $5 million a year ago",
  // "last year's results") is a comparison, not the year the text is reporting on.
  if (!p || e.start - p.start > YEAR_NEARBY || counted(p)) return null;
  const v = p.value;
  if (v.length !== 4 && !(v.length === 7 && (v.charCodeAt(5) === 81 /* Q */ || v.charCodeAt(5) === 72 /* H */))) return null;
  const y = digitsOf(v, 0, 4);
  // Only this year or the last: "every year since 2008 … in the fourth quarter" is the latest one.
  return y >= 0 && (!c.a || (y >= c.a.y - 1 && y <= c.a.y)) ? y : null;
}

/** `resolveDate` of a `weekend` expression. */
function resolveWeekend(e: Expr, k: KindOf<'weekend'>, c: Context): Resolved {
  const { a, anchor } = c;
  if (!a) return res(null, 'relative', 'week', { rule: NEEDS });
  if (k.offset !== 0) {
    const w = shift(a, k.offset, 'week')!;
    return res(`${w.value}-WE`, 'relative', 'week', { rule: `weekend of the week ${k.offset < 0 ? 'before' : 'after'} the publication week`, anchor });
  }
  // "(over) the weekend", "this weekend": weeks start on Monday, so from Monday to Friday the
  // weekend just past belongs to the week before. The tense picks it; without a tense, a
  // Monday article means the weekend just past, a later weekday the coming one.
  const wd = weekday(a.y, a.m, a.d); // 0 Sunday … 6 Saturday
  const t = c.tenseAt(e.start, e.end);
  const past = wd !== 0 && wd !== 6 && (t === 'past' || (t === null && wd === 1));
  const w = shift(a, past ? -1 : 0, 'week')!;
  return res(`${w.value}-WE`, 'relative', 'week', { rule: past ? 'the weekend before the publication date' : 'the weekend of the publication week', anchor });
}

/** `resolveDate` of a `season` expression. */
function resolveSeason(e: Expr, k: KindOf<'season'>, c: Context): Resolved {
  const { a, anchor } = c;
  const name = SEASON_NAMES[k.s];
  if (k.y !== undefined) return res(`${pad(k.y, 4)}-${k.s}`, 'season', 'quarter', { rule: `${name} ${k.y}` });
  if (!a) return res(null, 'season', 'quarter', { rule: NEEDS });
  const now = seasonIndex(a.y, a.m);
  const sn = (SEASON_START[k.s] === 12 ? 3 : Math.floor((SEASON_START[k.s] - 3) / 3));
  const base = Math.floor(now / 4) * 4 + sn; // this year's instance
  let idx: number;
  let uncertain: string | undefined;
  const t = k.rel ? null : c.tenseAt(e.start, e.end);
  if (k.rel === 'last') idx = base < now ? base : base - 4;
  else if (k.rel === 'next') idx = base > now ? base : base + 4;
  // "this spring" in January or February is the calendar year's (the winter then is the year before's).
  else if (k.rel === 'this') idx = k.s === 'WI' ? base : a.y * 4 + sn;
  else if (t === 'future') idx = base >= now ? base : base + 4;
  else if (t === 'past') idx = base <= now ? base : base - 4;
  else {
    idx = Math.abs(base - now) <= 2 ? base : base > now ? base - 4 : base + 4;
    uncertain = t ? undefined : GUESSED;
  }
  return uncertainRes(`${pad(Math.floor(idx / 4), 4)}-${k.s}`, 'season', 'quarter', { rule: `${k.rel ? `${k.rel} ${name}` : name} relative to the publication date`, anchor }, uncertain);
}

/** `resolveDate` of a `ana` expression. */
function resolveAna(e: Expr, k: KindOf<'ana'>, c: Context): Resolved {
  const { a, anchor } = c;
  // "That same day" after "last October": the day of that month, unknown (TimeML `1998-10-XX`),
  // not the older date that named a day.
  if (k.unit === 'day' && c.prev && c.prev !== c.prevDay && (!c.prevDay || c.prevDay.start < c.prev.start)) {
    const pv = c.prev.value;
    const month = pv.length === 7 && /^\d{4}-\d{2}$/.test(pv);
    if (month || (pv.length === 4 && /^\d{4}$/.test(pv))) {
      return res(month ? `${pv}-XX` : `${pv}-XX-XX`, 'anaphoric', month ? 'month' : 'year', { rule: `a day in ${pv}, the previous date in the text`, anchor: pv }, { anchor: { previous: c.prev.start } });
    }
  }
  if (k.grain || k.unit === 'quarter') return resolveYearEarlier(e, k, c);
  // Days and weeks count from the last date naming a day; months and years from the last date.
  const prev = k.unit === 'day' || k.unit === 'week' ? c.prevDay : c.prev;
  const base = prev ? prevBase(prev.value) : a;
  if (!base) return res(null, 'anaphoric', k.unit, { rule: NEEDS });
  const v = shift(base, k.offset, k.unit)!;
  const from = prev ? `the previous date in the text (${prev.value})` : 'the publication date';
  return res(v.value, 'anaphoric', v.granularity, { rule: `${k.offset === 0 ? 'the same' : k.offset > 0 ? `${k.offset} ${k.unit} after` : `${-k.offset} ${k.unit} before`} ${k.offset === 0 ? `${k.unit} as ` : ''}${from}`, anchor: prev ? prev.value : anchor }, { anchor: prev ? { previous: prev.start } : 'dct' });
}

/**
 * "the year-earlier quarter", "the year-ago period", "the previous quarter": the previous date's
 * quarter (half, or the previous date itself: `same`) `k.offset` years (or quarters) on; with no
 * previous date, from the publication date: a year before the latest quarter reported (the one
 * before the publication date's), or the quarter before the publication date's.
 */
function resolveYearEarlier(e: Expr, k: KindOf<'ana'>, c: Context): Resolved {
  const { a, anchor } = c;
  // "In the year-ago period" after "up from $5 million a year ago", "the corresponding period last
  // year" after "the third quarter ended Sept. 30": the period reported on, not the date counted,
  // the day it ended, a period mentioned aside ("after a flat second quarter") nor one ahead.
  const rp = c.prev && (counted(c.prev) || (c.prev !== c.prevReported && c.prev !== c.prevYM)) ? reportingPart(e, c) : null;
  const p = rp ?? c.prev;
  const m = p ? /^(\d{4})(?:-(Q|H)(\d)|-(\d{2}))?/.exec(p.value) : null;
  const letter = k.grain === 'half' ? 'H' : 'Q';
  const per = letter === 'H' ? 2 : 4;
  const steps = k.unit === 'quarter' ? k.offset : k.offset * per;
  const how = k.unit === 'quarter' ? 'the quarter before' : 'a year before';
  const part = (i: number): string => `${pad(Math.floor(i / per), 4)}-${letter}${(i % per) + 1}`;
  if (m && p) {
    const y = Number(m[1]);
    let value: string | null = null;
    let granularity: DateGranularity = 'quarter';
    if (k.grain === 'same') {
      value = m[2] ? `${pad(y + k.offset, 4)}-${m[2]}${m[3]}` : m[4] && p.value.length === 7 ? `${pad(y + k.offset, 4)}-${m[4]}` : pad(y + k.offset, 4);
      granularity = value.length === 4 ? 'year' : m[4] ? 'month' : 'quarter';
    } else if (m[2] === letter) value = part(y * per + Number(m[3]) - 1 + steps);
    else if (m[4]) value = part(y * per + Math.floor((Number(m[4]) - 1) / (12 / per)) + steps);
    else if (k.unit === 'year') {
      value = pad(y + k.offset, 4);
      granularity = 'year';
    }
    if (value) return res(value, 'anaphoric', granularity, { rule: `${how} the previous date in the text (${p.value})`, anchor: p.value }, { anchor: { previous: p.start } });
  }
  if (!a) return res(null, 'anaphoric', 'quarter', { rule: NEEDS });
  // From the publication date: a year before the latest quarter reported, or the quarter before the publication date's.
  const now = a.y * per + Math.floor((a.m - 1) / (12 / per));
  const value = part(k.unit === 'quarter' ? now + steps : now - 1 + steps);
  return res(value, 'anaphoric', 'quarter', { rule: k.unit === 'quarter' ? 'the quarter before the publication date\'s' : `the latest ${letter === 'Q' ? 'quarter' : 'half'} reported before the publication date, a year before`, anchor }, { anchor: 'dct' });
}

/** A unit's name in words. */
function unitName(unit: Unit): string {
  return { H: 'hour', MIN: 'minute', S: 'second', D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade', CE: 'century' }[unit as string] ?? unit;
}

/** How far back (characters) the previous day-precise date may lie to stand for an event no date in the text is marked with. */
const EVENT_REACH = 1500;

/**
 * Whether the mention m is marked as the date of an event of `family`: a word of the family (its
 * nouns or verb forms, `EVENT_WORDS`) among the 10 words before it in its sentence ("was shot to
 * death on the night of Oct. 23") or the 5 after it in its clause ("the Oct. 23 slaying", "last
 * fall when he was gunned down"), up to a word counting from another time ("after", "since").
 */
function markedFor(text: string, m: DateMention, family: string): string | null {
  let from = Math.max(0, m.start - 120);
  // The sentence's start, if after `from`: the last ". ", "? ", "! ", "; " or line break from m.start back to `from`
  // (searched only that far: one before `from` would not move it).
  for (let p = m.start; p >= from; p--) {
    const c = text.charCodeAt(p);
    if (c === 10 || ((c === 46 || c === 63 || c === 33 || c === 59) && text.charCodeAt(p + 1) === 32)) {
      from = p + 1;
      break;
    }
  }
  // The last ten words (runs of ASCII letters) of text[from, m.start), read in text order. The words
  // are found in place, by character codes: this runs for every earlier mention of each event.
  // Local lists, not module-level buffers: core/dates keeps no mutable state between calls.
  const starts: number[] = [];
  const ends: number[] = [];
  let n = 0;
  for (let p = m.start; p > from && n < 10; ) {
    while (p > from && !isAsciiLetter(text.charCodeAt(p - 1))) p--;
    if (p === from) break;
    const e = p;
    while (p > from && isAsciiLetter(text.charCodeAt(p - 1))) p--;
    starts[n] = p;
    ends[n++] = e;
  }
  for (let i = n - 1; i >= 0; i--) {
    const w = text.slice(starts[i], ends[i]);
    if (EVENT_WORDS[w.toLowerCase()]?.includes(family)) return w;
  }
  // After it, in its clause: up to a punctuation mark or a word counting from another time; five words at most.
  const limit = Math.min(text.length, m.end + 60);
  let p = m.end;
  for (let i = 0; i < 5; i++) {
    while (p < limit && !isAsciiLetter(text.charCodeAt(p)) && !endsMarkedClause(text.charCodeAt(p))) p++;
    if (p === limit || endsMarkedClause(text.charCodeAt(p))) break;
    const s0 = p;
    while (p < limit && isAsciiLetter(text.charCodeAt(p))) p++;
    const raw = text.slice(s0, p);
    const w = raw.toLowerCase();
    if (w === 'after' || w === 'before' || w === 'following' || w === 'since' || w === 'until') break;
    if (EVENT_WORDS[w]?.includes(family)) return raw;
  }
  return null;
}

/** `.,;:!?` and a line break: the end of the clause after a mention, for `markedFor`. */
function endsMarkedClause(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10;
}

/**
 * The date the text gave the event: the last day-precise DATE or TIME before it marked with a word
 * of the event's family, else the last coarser one so marked (a month, season or year), else
 * (`short`: hours, days, weeks) the previous day-precise date within `EVENT_REACH` characters in an
 * earlier sentence.
 */
function eventDate(e: Expr, event: string, short: boolean, c: Context): { m: DateMention; day: YMD | null; word: string | null } | null {
  const family = EVENT_NOUNS[event] ?? EVENT_WORDS[event][0];
  let near: { m: DateMention; day: YMD } | null = null;
  let coarse: { m: DateMention; day: null; word: string } | null = null;
  for (let i = c.dates.length - 1; i >= 0; i--) {
    const m = c.dates[i];
    if ((m.type !== 'DATE' && m.type !== 'TIME') || !m.value || m.value.charCodeAt(0) > 57 || c.fromEvent.has(m)) continue;
    const day = dayOf(m.value);
    // Unmarked, only from an earlier sentence: a date in the same one dates its main clause, which the
    // expression relates to the event ("a service on Sunday, one year after he was killed").
    if (short && day && !near && e.start - m.start <= EVENT_REACH && /[.!?]["'”’)]*\s|\n/.test(c.text.slice(m.end, e.start))) near = { m, day };
    const word = markedFor(c.text, m, family);
    if (word && day) return { m, day, word };
    // A month, season or year marked with the event ("killed last fall") dates it only coarsely:
    // the latest such, when no day is marked.
    if (word && !coarse) coarse = { m, day: null, word };
  }
  return coarse ?? (near ? { ...near, word: null } : null);
}

/**
 * `resolveDate` of an `event` expression: counted from the date the text gave the event (see
 * `eventDate`). A number of units lands on a day ("ten days before the murder": the event's day
 * minus 10; hours: the event's day); "the day/week after" is the unit at its grain; a vague span
 * is the month ("in the days/weeks before"), the day (hours) or the year (months) around it,
 * counted 3 days, 2 weeks or 3 months from the event. With no such date, a number of units keeps
 * its reading as a duration, and the rest is no mention.
 */
function resolveEvent(e: Expr, k: KindOf<'event'>, c: Context): Resolved {
  const vague = Number.isNaN(k.n);
  // An unmarked date stands for the event only for hours, days and weeks: "ten years after the war"
  // is seldom counted from the last day the text named.
  const found = eventDate(e, k.event, k.unit === 'H' || k.unit === 'MIN' || k.unit === 'S' || k.unit === 'D' || k.unit === 'W', c);
  // An event dated only to a month, a season or a year: a vague span around it is that period;
  // a count of units cannot land on a day.
  if (found && !found.day && vague) {
    return res(found.m.value, 'offset', found.m.granularity, { rule: `the ${unitName(k.unit)}s ${k.dir < 0 ? 'before' : 'after'} "${k.phrase}", in its period (${found.m.value}, "${found.m.text}" with "${found.word}")`, anchor: found.m.value! }, { anchor: { previous: found.m.start } });
  }
  if (!found || !found.day) {
    if (vague || k.the) return res(null, 'offset', 'day', { rule: `no date of "${k.phrase}" before it` }, { drop: true });
    const value = durationValue(k.n, k.unit);
    return res(value, 'duration', 'range', { rule: `duration: ${value} (no date of "${k.phrase}" before it to count from)` }, { type: 'DURATION', anchor: 'none' });
  }
  const base = found.day;
  const from = formatYMD(base);
  const dirWord = k.dir < 0 ? 'before' : 'after';
  let v: { value: string; granularity: DateGranularity };
  let how: string;
  if (vague) {
    if (k.unit === 'H') v = { value: from, granularity: 'day' };
    else if (k.unit === 'M') v = { value: shift(base, 3 * k.dir, 'M')!.value.slice(0, 4), granularity: 'year' };
    else v = { value: shift(base, (k.unit === 'W' ? 14 : 3) * k.dir, 'D')!.value.slice(0, 7), granularity: 'month' };
    how = `the ${v.granularity} of the ${unitName(k.unit)}s ${dirWord}`;
  } else if (k.the) {
    v = shift(base, k.dir, k.unit)!;
    how = `the ${unitName(k.unit)} ${dirWord}`;
  } else {
    v = k.unit === 'H' || k.unit === 'MIN' || k.unit === 'S' ? { value: from, granularity: 'day' } : k.unit === 'Y' ? yearsOnDay(base, k.dir * k.n) : shiftOn(base, k.dir * k.n, k.unit)!;
    how = `${k.n} ${unitName(k.unit)}${k.n === 1 ? '' : 's'} ${dirWord}`;
  }
  const source = found.word ? `the date of "${k.phrase}" (${found.m.value}, "${found.m.text}" with "${found.word}")` : `the previous day-precise date in the text (${found.m.value}, "${found.m.text}"), taken as the date of "${k.phrase}"`;
  return res(v.value, 'offset', v.granularity, { rule: `${how} ${source}`, anchor: from }, { anchor: { previous: found.m.start } });
}

/** `resolveDate` of a `off` expression. */
function resolveOff(e: Expr, k: KindOf<'off'>, c: Context): Resolved {
  const { a, anchor } = c;
  // "a second letter in two weeks was published": in a past clause, "in" + a quantity is the span
  // it took, the quantity alone ("in" is then a TimeML signal, not part of it).
  const ahead = k.inAt !== undefined;
  if (k.unit === 'H' || k.unit === 'MIN' || k.unit === 'S' || (ahead && c.tenseAt(k.inAt!, e.end) === 'past')) {
    const value = durationValue(Math.abs(k.n), k.unit);
    return res(value, 'duration', 'range', { rule: `duration: ${value}` }, { type: 'DURATION', anchor: 'none' });
  }
  let base: YMD | null = null;
  let anchorOut: DateAnchor = 'dct';
  let from = 'the publication date';
  if (k.from === 'base' && k.base) {
    const b = resolveDate({ start: e.start, end: e.end, kind: k.base }, c);
    // Counted from days (Ramadan): after them from the last, before them (or "the week of") from the first.
    base = b.range?.start && b.range.end ? dayOf(k.n > 0 ? b.range.end : b.range.start) : b.value ? dayOf(b.value) : null;
    from = b.value ?? 'its date';
    if (!base && b.value) {
      const r = offFromPeriod(k, b.value);
      if (r) return r;
    }
  } else if (k.from === 'prev' && (k.unit === 'D' || k.unit === 'W' ? c.prevDay : c.prev)) {
    let prev = (k.unit === 'D' || k.unit === 'W' ? c.prevDay : c.prev)!;
    // "from $5 million a year ago … up from $9 million a year earlier": years count from the
    // period reported on, not from another date counted back.
    if (k.unit === 'Y' && counted(prev)) prev = reportingPart(e, c) ?? prev;
    base = prevBase(prev.value);
    anchorOut = { previous: prev.start };
    from = `the previous date in the text (${prev.value})`;
    // "in February, up from a year earlier", "the first quarter … two years before": years counted
    // from a month, a quarter or a half keep its part of the year (2012-02, 2011-Q1).
    const part = k.unit === 'Y' ? /^(\d{4})(-(?:\d{2}|Q\d|H\d))$/.exec(prev.value) : null;
    if (part) {
      const v = `${pad(Number(part[1]) + k.n, 4)}${part[2]}`;
      const n = Math.abs(k.n);
      return res(v, 'offset', part[2].length === 3 ? 'month' : 'quarter', { rule: `${n} year${n === 1 ? '' : 's'} ${k.n < 0 ? 'before' : 'after'} ${from}`, anchor: from }, { anchor: anchorOut });
    }
  } else {
    base = a;
    // "Net rose in the third quarter … from $5 million a year ago": a comparison of the quarter
    // reported on, so the same quarter a year (or n years) back.
    // Not when it opens its sentence: "A year ago, the bank had profit of …" dates an event.
    const part = k.from === 'dct' && k.unit === 'Y' && k.n < 0 && !ahead && !SENTENCE_START.test(c.text.slice(Math.max(0, e.start - 4), e.start)) ? reportingPart(e, c) : null;
    if (part) {
      const v = `${pad(digitsOf(part.value, 0, 4) + k.n, 4)}${part.value.slice(4)}`;
      const n = -k.n;
      return res(v, 'offset', 'quarter', { rule: `${n} year${n === 1 ? '' : 's'} before the ${part.value.charCodeAt(5) === 72 ? 'half' : 'quarter'} the text reports on (${part.value})`, anchor: part.value }, { anchor: { previous: part.start } });
    }
  }
  if (!base) return res(null, 'offset', 'day', { rule: NEEDS });
  // Weeks counted from a named day land on a day ("two weeks after 5 March": 19 March); "the
  // week of March 6" (no weeks counted) is that day's week.
  // "in two weeks" is likewise the day two weeks ahead (issue #13: "in a week" → the publication date + 7).
  const v = k.from === 'base' && k.unit === 'Y' && k.n !== 0 && isDay(k.base!) ? yearsOnDay(base, k.n)
    : (k.from === 'base' || ahead) && k.n !== 0 ? shiftOn(base, k.n, k.unit)! : shift(base, k.n, k.unit)!;
  const u = { D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade', CE: 'century' }[k.unit as string] ?? k.unit;
  const n = Math.abs(k.n);
  // The date ahead of "in a week" spans "in" too, as newswire gold marks it.
  return res(v.value, k.from === 'dct' ? 'relative' : 'offset', v.granularity, { rule: k.n === 0 ? `the ${u} of ${from}` : `${n} ${u}${n === 1 ? '' : 's'} ${k.n < 0 ? 'before' : 'after'} ${from}`, anchor: k.from === 'dct' ? anchor : from }, { anchor: anchorOut, start: k.inAt });
}

/**
 * "25 years ago this month" (2024-03 → 1999-03), "a year ago this week" (2024-W10 → 2023-W10):
 * years or months counted from a month, years from a week, as precise as it; null for other bases.
 */
function offFromPeriod(k: KindOf<'off'>, base: string): Resolved | null {
  const part = /^(\d{4})-(\d{2}|W\d{2})$/.exec(base);
  const month = part !== null && part[2].length === 2;
  if (!part || !(k.unit === 'Y' || (k.unit === 'M' && month))) return null;
  const months = Number(part[1]) * 12 + (month ? Number(part[2]) - 1 : 0) + (k.unit === 'Y' ? 12 * k.n : k.n);
  const y = Math.floor(months / 12);
  const v = month ? `${pad(y, 4)}-${pad((months % 12) + 1)}` : `${pad(y, 4)}-${part[2]}`;
  const n = Math.abs(k.n);
  const u = k.unit === 'Y' ? 'year' : 'month';
  return res(v, 'offset', month ? 'month' : 'week', { rule: `${n} ${u}${n === 1 ? '' : 's'} ${k.n < 0 ? 'before' : 'after'} ${base}`, anchor: base }, { anchor: 'dct' });
}

/**
 * `resolveDate` of a `dom` expression ("on the 25th"): the day in the month of the previous date
 * in the text when that names a month or a day, else in the publication month, moved a month by
 * the tense when it contradicts it ("met on the 25th" written on the 3rd: the month before).
 */
function resolveDom(e: Expr, k: KindOf<'dom'>, c: Context): Resolved {
  const { a, anchor } = c;
  const nth = `${k.d}${ordinalSuffix(k.d)}`;
  const pm = c.prev ? /^(\d{4})-(\d{2})(?:-\d{2})?(?:T|$)/.exec(c.prev.value) : null;
  if (pm && c.prev) {
    const y = Number(pm[1]);
    const m = Number(pm[2]);
    if (!isValidDate(y, m, k.d)) return res(null, 'anaphoric', 'day', { rule: `the ${nth} of the month of the previous date in the text (${c.prev.value}), which has no such day` });
    return res(formatYMD({ y, m, d: k.d }), 'anaphoric', 'day', { rule: `the ${nth} of the month of the previous date in the text (${c.prev.value})`, anchor: c.prev.value }, { anchor: { previous: c.prev.start } });
  }
  if (!a) return res(null, 'partial', 'day', { rule: NEEDS });
  const t = c.tenseAt(e.start, e.end);
  const shiftBy = t === 'future' && k.d < a.d ? 1 : t === 'past' && k.d > a.d ? -1 : 0;
  const total = a.y * 12 + (a.m - 1) + shiftBy;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const which = shiftBy < 0 ? 'the month before the publication month' : shiftBy > 0 ? 'the month after the publication month' : 'the publication month';
  if (!isValidDate(y, m, k.d)) return res(null, 'partial', 'day', { rule: `the ${nth} of ${which}, which has no such day` });
  return res(formatYMD({ y, m, d: k.d }), 'partial', 'day', { rule: `the ${nth} of ${which}`, anchor }, { anchor: 'dct' });
}

function ordinalSuffix(d: number): string {
  return d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
}

/** `resolveDate` of a `ymd` expression. */
function resolveYmd(k: KindOf<'ymd'>): Resolved {
  if (k.bc) return res(`BC${pad(k.y, 4)}-${pad(k.m)}-${pad(k.d)}`, 'absolute', 'day', { rule: 'absolute date before Christ' });
  if (!isValidDate(k.y, k.m, k.d)) {
    return res(null, 'absolute', 'day', { rule: 'absolute date (does not exist)' }, { invalid: `${k.d} ${MONTHS[k.m - 1] ?? '?'} ${k.y} does not exist: ${MONTHS[k.m - 1] ?? 'that month'} ${k.y} has ${k.m >= 1 && k.m <= 12 ? daysInMonth(k.y, k.m) : 0} days.` });
  }
  return res(formatYMD(k), 'absolute', 'day', { rule: 'absolute date' });
}

/** `resolveDate` of a `md` expression. */
function resolveMd(e: Expr, k: KindOf<'md'>, c: Context): Resolved {
  const { a, anchor } = c;
  if (k.d > daysInMonth(2024, k.m)) {
    return res(null, 'partial', 'day', { rule: 'partial date (does not exist)' }, { invalid: `${MONTHS[k.m - 1]} ${k.d} does not exist: ${MONTHS[k.m - 1]} never has ${k.d} days.` });
  }
  if (!a) return res(null, 'partial', 'day', { rule: NEEDS });
  if (k.weekday) {
    // A weekday written with it picks the year: the nearest year where the day falls on it.
    const an0 = toDayNumber(a.y, a.m, a.d);
    // Only within half a year: further away, the weekday is more likely a mistake (weekday-mismatch says so).
    const fits = [a.y, a.y - 1, a.y + 1].filter((yy) => isValidDate(yy, k.m, k.d) && weekday(yy, k.m, k.d) === k.weekday!.w && Math.abs(toDayNumber(yy, k.m, k.d) - an0) <= 183)
      .sort((p, q) => Math.abs(toDayNumber(p, k.m, k.d) - an0) - Math.abs(toDayNumber(q, k.m, k.d) - an0));
    if (fits.length) return res(formatYMD({ y: fits[0], m: k.m, d: k.d }), 'partial', 'day', { rule: `${WEEKDAYS[k.weekday.w]}, ${MONTHS[k.m - 1]} ${k.d}: the nearest year where that day is a ${WEEKDAYS[k.weekday.w]}`, anchor });
  }
  if (k.yrel !== undefined) {
    return res(formatYMD({ y: a.y + k.yrel, m: k.m, d: k.d }), 'partial', 'day', { rule: `${MONTHS[k.m - 1]} ${k.d} of the year ${k.yrel < 0 ? 'before' : k.yrel > 0 ? 'after' : 'of'} the publication date`, anchor });
  }
  const t = c.tenseAt(e.start, e.end);
  const n = (yy: number): number => (isValidDate(yy, k.m, k.d) ? toDayNumber(yy, k.m, k.d) : NaN);
  const an = toDayNumber(a.y, a.m, a.d);
  let rule: string;
  let uncertain: string | undefined;
  // The nearest such day; the tense moves it a year only when it contradicts the tense by more than a month.
  let y = a.y;
  for (const yy of [a.y - 1, a.y + 1]) if (Math.abs(n(yy) - an) < Math.abs(n(y) - an) || Number.isNaN(n(y))) y = yy;
  const name = `${MONTHS[k.m - 1]} ${k.d}`;
  if (t === 'future' && n(y) < an - SLACK_DAYS) {
    while (!(n(y) >= an)) y++;
    rule = `partial date in a future-tense clause: the next ${name} after the publication date`;
  } else if (t === 'past' && n(y) > an + (pastVerbRightBefore(c.text, e.start) ? 0 : PAST_AHEAD_DAYS)) {
    while (!(n(y) <= an)) y--;
    rule = `partial date in a past-tense clause: the most recent ${name} before the publication date`;
  } else {
    rule = `partial date: the ${name} nearest the publication date${t ? ` (${t} tense)` : ''}`;
    uncertain = t ? undefined : GUESSED;
  }
  return uncertainRes(formatYMD({ y, m: k.m, d: k.d }), 'partial', 'day', { rule, anchor }, uncertain);
}

/** `resolveDate` of a `holiday` expression. */
function resolveHoliday(e: Expr, k: KindOf<'holiday'>, c: Context): Resolved {
  const { a, anchor } = c;
  // A day named by its rule ("the first Tuesday in November") is no holiday: explanations say its words.
  const what = k.day ? k.name : 'holiday';
  /** The holiday's value from its first day and, for one of many days (Ramadan), its last (day numbers). */
  const valued = (first: number, last: number, kind: DateKind, resolution: Resolved['resolution']): Resolved => {
    const f = fromDayNumber(first);
    if (k.week) return res(isoWeek(f), kind, 'week', resolution);
    if (last === first) return res(formatYMD(f), kind, 'day', resolution);
    // A holiday of many days: the range of its days, as "from 1 to 29 March 2025" would be.
    const start = formatYMD(f);
    const end = formatYMD(fromDayNumber(last));
    return res(`${start}/${end}`, kind, 'range', resolution, { range: { start, end } });
  };
  // A holiday's day, computed once per scanner (a feast's calendar costs a millisecond): a rule-made day ("the first Tuesday in November") has no name to key it.
  const memo = (key: string, day: () => number): number => {
    if (k.day) return day();
    let n = c.feastDays.get(key);
    if (n === undefined) {
      if (c.feastDays.size >= 4096) c.feastDays.clear();
      c.feastDays.set(key, (n = day()));
    }
    return n;
  };
  // Its first and last day in Gregorian year y (the first such when a year holds two).
  const firstIn = (y: number): number => memo(`${k.name} ${y}`, () => { const h = holidayDate(k.day ?? k.name, y)!; return toDayNumber(y, h.m, h.d); });
  const lastIn = (y: number): number => memo(`${k.name} ${y} last`, () => { const l = k.day ? null : holidayLastDay(k.name, y); return l ? toDayNumber(l.y, l.m, l.d) : firstIn(y); });
  const inYear = (y: number, kind: DateKind, resolution: Resolved['resolution']): Resolved => valued(firstIn(y), lastIn(y), kind, resolution);
  if (k.y !== undefined) return inYear(k.y, 'absolute', { rule: `the ${what} in ${k.y}` });
  if (!a) return res(null, 'partial', 'day', { rule: NEEDS });
  const an = toDayNumber(a.y, a.m, a.d);
  if (k.yrel !== undefined) {
    return inYear(a.y + k.yrel, 'partial', { rule: `the ${what} in the year ${k.yrel < 0 ? 'before' : k.yrel > 0 ? 'after' : 'of'} the publication date`, anchor });
  }
  if (k.rel === 'this') return inYear(a.y, 'partial', { rule: 'the holiday in the publication year', anchor });
  // Otherwise the occurrence is chosen around the publication date, one a year: by Gregorian year,
  // or for an Islamic feast by Islamic year (a Gregorian year may hold two of them, or none).
  const row = k.day ? undefined : HOLIDAYS[k.name];
  const hijri = row?.hijri;
  const at = hijri ? (i: number): number => memo(`${k.name} AH${i}`, () => hijriDayNumber(hijri[0], hijri[1], i)) : firstIn;
  // The day a holiday of many days ends: "will fast during Ramadan" written in its middle is this one.
  const lastAt = hijri ? (i: number): number => (row!.wholeMonth ? memo(`${k.name} AH${i} last`, () => hijriMonthLastDay(hijri[0], i)) : at(i)) : lastIn;
  let i = hijri ? memo(`AH ${an}`, () => hijriYearAt(an)) : a.y;
  let rule: string;
  if (k.rel === 'last') {
    while (lastAt(i) >= an) i--;
    rule = 'last such holiday before the publication date';
  } else if (k.rel === 'next') {
    while (at(i) <= an) i++;
    rule = 'next such holiday after the publication date';
  } else if (k.week && !k.day) {
    // The week of the holiday nearest the publication date (it may have begun).
    const i0 = i;
    for (const j of [i0 - 1, i0 + 1]) if (Math.abs(at(j) - an) < Math.abs(at(i) - an)) i = j;
    rule = 'the week of the holiday nearest the publication date';
  } else {
    const t = c.tenseAt(e.start, e.end);
    const i0 = i;
    if (t === 'future') while (lastAt(i) < an) i++;
    else if (t === 'past') while (at(i) > an) i--;
    // Present or no cue: the nearest (a holiday a week ahead, not the one a year back).
    else for (const j of [i0 - 1, i0 + 1]) if (Math.abs(at(j) - an) < Math.abs(at(i) - an)) i = j;
    const such = k.day ? k.name : 'such holiday';
    rule = t === 'future' ? `the next ${such}` : t === 'past' ? `the most recent ${such} not after the publication date` : `the ${what} nearest the publication date`;
  }
  return valued(at(i), lastAt(i), 'partial', { rule, anchor });
}

/** `resolveDate` of a `m` expression. */
function resolveM(e: Expr, k: KindOf<'m'>, c: Context): Resolved {
  const { a, anchor } = c;
  const kind: DateKind = k.rel ? 'relative' : 'partial';
  if (!a) return res(null, kind, 'month', { rule: NEEDS });
  if (k.yrel !== undefined) return res(`${pad(a.y + k.yrel, 4)}-${pad(k.m)}`, 'relative', 'month', { rule: `${MONTHS[k.m - 1]} of the year ${k.yrel < 0 ? 'before' : k.yrel > 0 ? 'after' : 'of'} the publication date`, anchor });
  let y: number;
  let rule: string;
  let uncertain: string | undefined;
  const name = MONTHS[k.m - 1];
  if (k.rel === 'last') {
    y = k.m < a.m ? a.y : a.y - 1;
    rule = `last ${name}: the most recent ${name} before the publication month`;
  } else if (k.rel === 'next') {
    y = k.m > a.m ? a.y : a.y + 1;
    rule = `next ${name}: the first ${name} after the publication month`;
  } else if (k.rel === 'this') {
    y = a.y;
    rule = `this ${name}: ${name} of the publication year`;
  } else {
    const t = c.tenseAt(e.start, e.end);
    const d = k.m - a.m;
    const near = d > 6 ? a.y - 1 : d < -6 ? a.y + 1 : a.y;
    const at = a.y * 12 + a.m;
    y = near;
    if (t === 'future') {
      // The nearest, unless it is more than a month in the past.
      while (y * 12 + k.m < at - 1) y++;
      rule = `month in a future-tense clause: the ${name} nearest the publication date, not before the previous month`;
    } else if (t === 'past') {
      while (y * 12 + k.m > at + 1) y--;
      rule = `month in a past-tense clause: the ${name} nearest the publication date, not after the next month`;
    } else if (t === 'present') {
      rule = `month in a present-tense clause: the ${name} nearest the publication date`;
    } else {
      // No verb to go by: news reports the past, except the next month or two.
      const ahead = (k.m - a.m + 12) % 12;
      y = ahead >= 1 && ahead <= 2 ? (k.m > a.m ? a.y : a.y + 1) : k.m <= a.m ? a.y : a.y - 1;
      rule = `month: the most recent ${name} not after the publication date, or the next when it is at most two months ahead`;
      uncertain = GUESSED;
    }
  }
  return uncertainRes(`${pad(y, 4)}-${pad(k.m)}`, kind, 'month', { rule, anchor }, uncertain);
}

/** `resolveDate` of a `rel` expression. */
function resolveRel(k: KindOf<'rel'>, c: Context): Resolved {
  const { a, anchor } = c;
  if (!a) return res(null, 'relative', k.unit, { rule: NEEDS });
  const word = k.offset === 0 ? 'this' : k.offset < 0 ? `${-k.offset} ${k.unit}${k.offset === -1 ? '' : 's'} before` : `${k.offset} ${k.unit}${k.offset === 1 ? '' : 's'} after`;
  const rule = `relative date: ${word} ${k.offset === 0 ? k.unit + ' of ' : ''}the publication date`;
  const v = shift(a, k.offset, k.unit)!;
  return res(v.value, 'relative', v.granularity, { rule, anchor });
}

/** `resolveDate` of a `weekday` expression. */
function resolveWeekday(e: Expr, k: KindOf<'weekday'>, c: Context): Resolved {
  const { a, anchor } = c;
  const kind: DateKind = 'weekday';
  if (!a) return res(null, kind, 'day', { rule: NEEDS });
  const an = toDayNumber(a.y, a.m, a.d);
  const aw = weekday(a.y, a.m, a.d);
  let delta: number;
  let rule: string;
  let uncertain: string | undefined;
  const name = WEEKDAYS[k.w];
  if (k.before) {
    // "the previous Friday": the one before the previous day named in the text (else the publication date).
    const base = c.prevDay ? dayOf(c.prevDay.value) : null;
    const from = base ?? a;
    const fn = toDayNumber(from.y, from.m, from.d);
    const value = formatYMD(fromDayNumber(fn - ((weekday(from.y, from.m, from.d) - k.w + 7) % 7 || 7)));
    return base && c.prevDay
      ? res(value, kind, 'day', { rule: `the previous ${name}: the ${name} before the previous date in the text (${formatYMD(base)})`, anchor: formatYMD(base) }, { anchor: { previous: c.prevDay.start } })
      : res(value, kind, 'day', { rule: `the previous ${name}: the ${name} before the publication date`, anchor });
  }
  if (k.week !== undefined) {
    const monday = an - ((aw + 6) % 7);
    const value = formatYMD(fromDayNumber(monday + 7 * k.week + ((k.w + 6) % 7)));
    const which = k.week === 0 ? 'the week of the publication date' : k.week > 0 ? 'the week after the publication date\'s' : 'the week before the publication date\'s';
    return res(value, kind, 'day', { rule: `${name} of ${which}`, anchor });
  }
  const t = k.past ? 'past' : k.rel === 'next' || k.rel === 'last' ? null : c.tenseAt(e.start, e.end);
  const ahead = (k.w - aw + 7) % 7;
  const back = (aw - k.w + 7) % 7;
  if (k.rel === 'next') {
    delta = ahead || 7;
    rule = `next ${name}: the first ${name} after the publication date`;
  } else if (k.rel === 'last') {
    delta = -(back || 7);
    rule = `last ${name}: the most recent ${name} before the publication date`;
  } else if (t === 'future') {
    // Wire style names the weekday for today too ("will speak Friday" in a Friday story is
    // later that day); a week ahead would be written "next Friday" or as a date.
    delta = ahead;
    rule = ahead === 0 ? `weekday in a future-tense clause: ${name} is the publication day` : `weekday in a future-tense clause: the next ${name} after the publication date`;
  } else if ((t === 'present' || t === null) && k.rel === 'this') {
    delta = ahead;
    rule = `this ${name} in a present-tense clause: the coming ${name}`;
  } else if (t === 'present' && ahead > 0 && ahead < back) {
    delta = ahead;
    rule = `weekday in a present-tense clause: the ${name} nearest the publication date`;
  } else {
    delta = -back;
    rule = back === 0 ? `weekday: ${name} is the publication day` : `weekday: the most recent ${name} not after the publication date`;
    if (!t) uncertain = GUESSED;
  }
  return uncertainRes(formatYMD(fromDayNumber(an + delta)), kind, 'day', { rule, anchor }, uncertain);
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
