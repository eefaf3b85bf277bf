/**
 * The date scanner: a single pass over an article's characters that cuts it into word, number
 * and punctuation tokens, then a small hand-written parser that tries the date forms at each
 * token that can start one (a month or weekday name, a number, a handful of relative words).
 *
 * The scanner only finds expressions and what they say (`Expr`); giving them values against the
 * publication date is `resolve.ts`'s job. Numbers that are not dates are rejected here by their
 * surroundings: `$47 billion`, `90%`, `6.6`, `41st`, `2-state`, `04:52`, `G20`, `25,000`.
 */

import { MONTH_BY_NAME, WEEKDAY_BY_NAME } from '../calendar';

export interface Tok {
  s: number;
  e: number;
  /** 'w' word, 'n' number (digits only), 'x' digits with letters (1990s, 41st, G20), 'p' punctuation. */
  k: 'w' | 'n' | 'x' | 'p';
  t: string;
  /** For words: the month, weekday or keyword class (case-insensitive), else 0; see `classOf`. */
  c: number;
}

export function tokenizeDates(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0) {
      i++;
      continue;
    }
    const s = i;
    if (isLetter(c) || isDigit(c)) {
      let digits = 0;
      let letters = 0;
      // Hash of the lower-cased word, for `classOf`; -1 once a non-ASCII letter is seen.
      let h = 0;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) digits++;
        else if (isLetter(d)) {
          letters++;
          if (h !== -1) h = d < 128 ? (Math.imul(h, 31) + (d | 0x20)) & 0x3fffffff : -1;
        } else break;
        i++;
      }
      const k = letters === 0 ? 'n' : digits === 0 ? 'w' : 'x';
      out.push({ s, e: i, k, t: text.slice(s, i), c: k === 'w' && h !== -1 ? classOf(text, s, i, h) : 0 });
    } else {
      i++;
      out.push({ s, e: i, k: 'p', t: text[s], c: 0 });
    }
  }
  return out;
}

/**
 * Word classes, so the parser never lower-cases or looks up a word that cannot start a date:
 * 1..12 a month name or abbreviation, WEEKDAY_CLASS + 0..6 a weekday, KEYWORD_CLASS + i one of
 * `KEYWORDS`. Matching is ASCII case-insensitive, which is exactly `toLowerCase()` equality here:
 * no letter the tokenizer accepts outside ASCII lower-cases to ASCII.
 */
const WEEKDAY_CLASS = 16;
const KEYWORD_CLASS = 32;
/** The words `tryAt` looks up in lower case, besides months and weekdays ('constructor' is in `NUMBER_WORDS` for `in`). */
const KEYWORDS = ['yesterday', 'today', 'tomorrow', 'last', 'next', 'this', 'early', 'late', 'mid', 'between', 'from', 'constructor',
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'few'];
/** Keyword class → its lower-case word (an internalized constant, cheap to compare and look up). */
const CLASS_WORD: string[] = [];
/** Lower-case hash → the one word with that hash and its class. */
const CLASS_BY_HASH = new Map<number, { w: string; c: number }>();

function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) & 0x3fffffff;
  return h;
}

function addClass(w: string, c: number): void {
  const h = wordHash(w);
  if (CLASS_BY_HASH.has(h)) throw new Error(`date scanner: word hash collision for '${w}'`);
  CLASS_BY_HASH.set(h, { w, c });
  CLASS_WORD[c] = w;
}
for (const [w, m] of MONTH_BY_NAME) addClass(w, m);
for (const [w, d] of WEEKDAY_BY_NAME) addClass(w, WEEKDAY_CLASS + d);
KEYWORDS.forEach((w, i) => addClass(w, KEYWORD_CLASS + i));

/** The class of the ASCII word text[s, e) whose lower-case hash is h, or 0. */
function classOf(text: string, s: number, e: number, h: number): number {
  const entry = CLASS_BY_HASH.get(h);
  if (entry === undefined) return 0;
  const w = entry.w;
  if (w.length !== e - s) return 0;
  for (let i = 0; i < w.length; i++) if ((text.charCodeAt(s + i) | 0x20) !== w.charCodeAt(i)) return 0;
  return entry.c;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export type ExprKind =
  | { type: 'ymd'; y: number; m: number; d: number; weekday?: { w: number; s: number; e: number } }
  | { type: 'md'; m: number; d: number; weekday?: { w: number; s: number; e: number } }
  | { type: 'ym'; y: number; m: number }
  | { type: 'm'; m: number; rel?: 'last' | 'next' | 'this' }
  | { type: 'y'; y: number }
  | { type: 'decade'; decade: number }
  | { type: 'range'; from: number; to: number }
  | { type: 'quarter'; y: number; q: number }
  | { type: 'rel'; unit: 'day' | 'week' | 'month' | 'year'; offset: number }
  | { type: 'weekday'; w: number; rel?: 'last' | 'next' | 'this' };

export interface Expr {
  start: number;
  end: number;
  kind: ExprKind;
}

/** Month abbreviations, which are followed by a dot that does not end the sentence. */
const ABBREVIATED_MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

const RELATIVE_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  several: NaN, few: NaN,
};
/** Words after which a bare four-digit number is a year. */
const YEAR_PREPOSITIONS = new Set(['in', 'In', 'since', 'Since', 'from', 'From', 'by', 'By', 'until', 'Until', 'till', 'before', 'Before',
  'after', 'After', 'of', 'during', 'During', 'between', 'to', 'and', 'or', 'through', 'early', 'late', 'mid', 'Early', 'Late', 'around', 'circa']);

function monthOf(tok: Tok | undefined): number {
  if (!tok || tok.k !== 'w') return 0;
  const c = tok.t.charCodeAt(0);
  if (c < 65 || c > 90) return 0; // month names are capitalized
  // Three-letter abbreviations only count with their dot ("Oct."), except in full dates (checked by callers).
  return tok.c >= 1 && tok.c <= 12 ? tok.c : 0;
}

function weekdayOf(tok: Tok | undefined, abbrev = false): number {
  if (!tok || tok.k !== 'w') return -1;
  const c = tok.t.charCodeAt(0);
  if (c < 65 || c > 90) return -1;
  if (!abbrev && tok.t.length < 6) return -1;
  return tok.c >= WEEKDAY_CLASS && tok.c < WEEKDAY_CLASS + 7 ? tok.c - WEEKDAY_CLASS : -1;
}

function isP(tok: Tok | undefined, ch: string): boolean {
  return !!tok && tok.k === 'p' && tok.t === ch;
}

function num(tok: Tok | undefined, min: number, max: number, len?: number): number {
  if (!tok || tok.k !== 'n' || (len !== undefined && tok.t.length !== len)) return NaN;
  const v = Number(tok.t);
  return v >= min && v <= max ? v : NaN;
}

/**
 * Where a date can start: a digit, a month or weekday name (by prefix), a quarter, or one of the
 * relative words. Only windows of text around these are tokenized and parsed, so prose without
 * dates costs one regular-expression scan (faster here than a charCodeAt loop: irregexp skips
 * ahead on the first characters). One instance, reset by each call; `exec` is never re-entered.
 */
const TRIGGER = /[0-9]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|yesterday|Yesterday|today|Today|tomorrow|Tomorrow|ago|Q[1-4]|(?:last|next|this|Last|Next|This) (?:week|month|year))/g;

/** Words of context kept before and after a trigger (the parser looks at most this far). */
const BEFORE = 3;
const AFTER = 8;

/**
 * Windows are [wordsBack(p, BEFORE), wordsForward(p, AFTER)] around each trigger p, merged when
 * they touch. wordsForward is monotonic in p, so an open window ends at wordsForward(last), and
 * it is only computed when a trigger falls beyond it or at the end: `before` walks at most from
 * the last trigger to the next one, so each character is walked about once instead of AFTER words
 * per trigger.
 */
export function scanDates(text: string, from: number, to: number): Expr[] {
  const out: Expr[] = [];
  const re = TRIGGER;
  re.lastIndex = from;
  let wStart = -1;
  let last = -1; // the last trigger of the open window
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const p = m.index;
    // Skip the rest of a digit run so one number is one trigger.
    if (text.charCodeAt(p) <= 57) {
      let q = p + 1;
      while (q < to && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
      re.lastIndex = q;
    }
    if (wStart >= 0) {
      // Inside the open window (p < its end, so p's start is too): extend it to p.
      if (before(text, last, p, AFTER, to)) {
        last = p;
        continue;
      }
      const wEnd = wordsForward(text, last, AFTER, to);
      const s = wordsBack(text, p, BEFORE, from);
      if (s <= wEnd) {
        last = p;
        continue;
      }
      parseTokens(tokenizeDates(text, wStart, wEnd), out);
    }
    wStart = wordsBack(text, p, BEFORE, from);
    last = p;
  }
  if (wStart >= 0) parseTokens(tokenizeDates(text, wStart, wordsForward(text, last, AFTER, to)), out);
  return out;
}

/** Whether b < wordsForward(text, a, n, limit), for a ≤ b; walks no further than b. */
function before(text: string, a: number, b: number, n: number, limit: number): boolean {
  let i = a;
  for (let w = 0; w < n && i < limit; w++) {
    while (i < limit && text.charCodeAt(i) > 32) i++;
    while (i < limit && text.charCodeAt(i) <= 32) i++;
    if (i > b) return true;
  }
  return i > b;
}

function wordsBack(text: string, p: number, n: number, limit: number): number {
  let i = p;
  for (let w = 0; w < n && i > limit; w++) {
    while (i > limit && text.charCodeAt(i - 1) <= 32) i--;
    while (i > limit && text.charCodeAt(i - 1) > 32) i--;
  }
  return i;
}

function wordsForward(text: string, p: number, n: number, limit: number): number {
  let i = p;
  for (let w = 0; w < n && i < limit; w++) {
    while (i < limit && text.charCodeAt(i) > 32) i++;
    while (i < limit && text.charCodeAt(i) <= 32) i++;
  }
  return i;
}

function parseTokens(toks: Tok[], out: Expr[]): void {
  let i = 0;
  const adjacent = (a: number, b: number): boolean => toks[a].e === toks[b].s;
  /** A number that is part of money, a decimal, a percentage, a time or a larger number is not a date part. */
  const plainNumber = (k: number): boolean => {
    const p = toks[k - 1];
    const n = toks[k + 1];
    if (p && p.k === 'p' && p.e === toks[k].s && /[$€£¥.,:/]/.test(p.t)) return false;
    if (p && p.k === 'w' && /^(?:USD|EUR|JPY|GBP|US|Article|article|No|no|page|Page|p|pp|vol|Vol|issue|Issue|number|Number|Resolution|G)$/.test(p.t)) return false;
    if (n && n.k === 'p' && n.s === toks[k].e) {
      if (n.t === '%' || n.t === ':') return false;
      if ((n.t === '.' || n.t === ',') && toks[k + 2]?.k === 'n' && toks[k + 2].s === n.e) return false;
      if (n.t === '-' && toks[k + 2]?.k === 'w' && toks[k + 2].s === n.e) return false;
    }
    if (n && n.k === 'w' && /^(?:percent|per|billion|million|trillion|thousand|magnitude|km|kilometres|kilometers|miles|tons|tonnes|people|troops|soldiers|attendees|votes)$/i.test(n.t)) return false;
    return true;
  };
  /** Skips an abbreviation dot after a month ("Oct."). */
  const afterDot = (k: number): number => (isP(toks[k + 1], '.') && adjacent(k, k + 1) ? k + 2 : k + 1);

  while (i < toks.length) {
    const r = tryAt(i);
    if (r) {
      out.push(r.expr);
      i = r.next;
    } else i++;
  }

  function yearAt(k: number, min = 1000, max = 2199): number {
    const y = num(toks[k], min, max, 4);
    return !Number.isNaN(y) && plainNumber(k) ? y : NaN;
  }

  function dayAt(k: number): number {
    const tk = toks[k];
    if (!tk) return NaN;
    if (tk.k === 'x' && /^\d{1,2}(?:st|nd|rd|th)$/.test(tk.t)) {
      const d = parseInt(tk.t, 10);
      return d >= 1 && d <= 31 ? d : NaN;
    }
    const d = num(tk, 1, 31);
    return !Number.isNaN(d) && tk.t.length <= 2 && plainNumber(k) ? d : NaN;
  }

  /** "Month D[, YYYY]" / "Month YYYY" / "Month" starting at k (k is a month token). */
  function monthFirst(k: number, start: number, weekday?: { w: number; s: number; e: number }): { expr: Expr; next: number } | null {
    const m = monthOf(toks[k]);
    const abbrevOnly = toks[k].t.length <= 4 && toks[k].t.toLowerCase() !== 'june' && toks[k].t.toLowerCase() !== 'july' && toks[k].t !== 'May';
    let j = afterDot(k);
    const d = dayAt(j);
    if (!Number.isNaN(d) && toks[j] && !(toks[j + 1]?.k === 'p' && toks[j + 1].t === ':')) {
      let end = toks[j].e;
      let n = j + 1;
      let y = NaN;
      if (isP(toks[n], ',') && !Number.isNaN(yearAt(n + 1))) {
        y = yearAt(n + 1);
        end = toks[n + 1].e;
        n += 2;
      } else if (!Number.isNaN(yearAt(n))) {
        y = yearAt(n);
        end = toks[n].e;
        n += 1;
      }
      if (!Number.isNaN(y)) return { expr: { start, end, kind: { type: 'ymd', y, m, d, weekday } }, next: n };
      if (toks[n]?.k === 'n' && toks[n].s - end <= 1) return null; // "May 5 2025 12" style noise
      return { expr: { start, end, kind: { type: 'md', m, d, weekday } }, next: n };
    }
    if (weekday) return null;
    const y = yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start, end: toks[j].e, kind: { type: 'ym', y, m } }, next: j + 1 };
    if (abbrevOnly && !isP(toks[k + 1], '.')) return null;
    // A month alone needs a preposition or a relative word before it ("in July", "last July").
    const prev = toks[k - 1];
    if (start === toks[k].s && (!prev || prev.k !== 'w' || !/^(?:in|In|since|Since|by|until|during|During|before|after|from|From|of|early|late|mid|through|till)$/.test(prev.t))) return null;
    if (toks[k].t === 'May' && (!prev || !/^(?:in|In|since|Since|during|early|late|of|until)$/.test(prev.t)) && start === toks[k].s) return null;
    return { expr: { start, end: toks[k].e, kind: { type: 'm', m } }, next: j };
  }

  function tryAt(k: number): { expr: Expr; next: number } | null {
    const t = toks[k];
    if (t.k === 'w') {
      // Weekday written with a date: "Tuesday, September 29, 2025", "Monday 29 July 2025".
      const w = weekdayOf(t);
      if (w >= 0) {
        let j = k + 1;
        if (isP(toks[j], ',')) j++;
        const wk = { w, s: t.s, e: t.e };
        if (monthOf(toks[j])) {
          const r = monthFirst(j, t.s, wk);
          if (r) return r;
        }
        const d = dayAt(j);
        const m = monthOf(toks[j + 1]);
        if (!Number.isNaN(d) && m) {
          const after = afterDot(j + 1);
          const y = yearAt(after);
          if (!Number.isNaN(y)) return { expr: { start: t.s, end: toks[after].e, kind: { type: 'ymd', y, m, d, weekday: wk } }, next: after + 1 };
          return { expr: { start: t.s, end: toks[j + 1].e, kind: { type: 'md', m, d, weekday: wk } }, next: j + 2 };
        }
        // A weekday alone ("on Monday", "Thursday").
        const prev = toks[k - 1];
        const rel = prev && /^(?:last|next|this|Last|Next|This)$/.test(prev.t) ? (prev.t.toLowerCase() as 'last' | 'next' | 'this') : undefined;
        return { expr: { start: rel ? prev.s : t.s, end: t.e, kind: { type: 'weekday', w, rel } }, next: k + 1 };
      }
      if (monthOf(t)) {
        const prev = toks[k - 1];
        if (prev && /^(?:last|next|this|Last|Next|This)$/.test(prev.t) && !(isP(toks[k + 1], '.') && ABBREVIATED_MONTHS.has(t.t))) {
          const yAfter = yearAt(afterDot(k));
          if (Number.isNaN(yAfter) && Number.isNaN(dayAt(afterDot(k)))) {
            return { expr: { start: prev.s, end: t.e, kind: { type: 'm', m: monthOf(t), rel: prev.t.toLowerCase() as 'last' | 'next' | 'this' } }, next: k + 1 };
          }
        }
        return monthFirst(k, t.s);
      }
      // Every form below starts with one of KEYWORDS; other words are rejected without lower-casing them.
      if (t.c < KEYWORD_CLASS) return null;
      const lw = CLASS_WORD[t.c]; // === t.t.toLowerCase()
      if (lw === 'yesterday' || lw === 'today' || lw === 'tomorrow') {
        return { expr: { start: t.s, end: t.e, kind: { type: 'rel', unit: 'day', offset: lw === 'yesterday' ? -1 : lw === 'today' ? 0 : 1 } }, next: k + 1 };
      }
      if (lw === 'last' || lw === 'next' || lw === 'this') {
        const u = toks[k + 1];
        const unit = u && u.k === 'w' ? RELATIVE_UNITS[u.t] : undefined;
        if (unit && (u.t === unit || u.t === unit + 's') && !u.t.endsWith('s')) {
          return { expr: { start: t.s, end: u.e, kind: { type: 'rel', unit, offset: lw === 'last' ? -1 : lw === 'next' ? 1 : 0 } }, next: k + 2 };
        }
        return null;
      }
      // "two years ago", "a week ago".
      if (lw in NUMBER_WORDS) {
        const u = toks[k + 1];
        const unit = u && u.k === 'w' ? RELATIVE_UNITS[u.t] : undefined;
        const n = NUMBER_WORDS[lw];
        if (unit && toks[k + 2]?.t === 'ago' && !Number.isNaN(n)) {
          return { expr: { start: t.s, end: toks[k + 2].e, kind: { type: 'rel', unit, offset: -n } }, next: k + 3 };
        }
        return null;
      }
      // "early 1990s", "mid-1990s", "late 1990s".
      if (lw === 'early' || lw === 'late' || lw === 'mid') {
        let j = k + 1;
        if (isP(toks[j], '-') && adjacent(k, j)) j++;
        const dec = decadeOf(toks[j]);
        if (dec !== null) return { expr: { start: t.s, end: toks[j].e, kind: { type: 'decade', decade: dec } }, next: j + 1 };
        return null;
      }
      // "between 2009 and 2013", "from 2014 to 2016".
      if (lw === 'between' || lw === 'from') {
        const a = yearAt(k + 1);
        const link = toks[k + 2]?.t;
        const b = yearAt(k + 3);
        if (!Number.isNaN(a) && !Number.isNaN(b) && ((lw === 'between' && link === 'and') || (lw === 'from' && (link === 'to' || link === 'until' || link === 'through'))) && b >= a) {
          return { expr: { start: toks[k + 1].s, end: toks[k + 3].e, kind: { type: 'range', from: a, to: b } }, next: k + 4 };
        }
        return null;
      }
      return null;
    }
    if (t.k === 'x') {
      // "Q3 2024".
      const q = /^Q([1-4])$/.exec(t.t);
      if (q) {
        const y = yearAt(k + 1);
        if (!Number.isNaN(y)) return { expr: { start: t.s, end: toks[k + 1].e, kind: { type: 'quarter', y, q: Number(q[1]) } }, next: k + 2 };
        return null;
      }
      const dec = decadeOf(t);
      if (dec !== null && plainPrefix(k)) return { expr: { start: t.s, end: t.e, kind: { type: 'decade', decade: dec } }, next: k + 1 };
      // "29th of July"? Rare in news; "29th July 2025" handled as a day.
      const d = dayAt(k);
      if (!Number.isNaN(d) && monthOf(toks[k + 1])) return dayFirst(k, d);
      return null;
    }
    if (t.k === 'n') {
      if (!plainPrefix(k)) return null;
      // ISO 2025-07-29.
      if (t.t.length === 4 && isP(toks[k + 1], '-') && toks[k + 2]?.k === 'n' && toks[k + 2].t.length === 2 && isP(toks[k + 3], '-') && toks[k + 4]?.k === 'n' && toks[k + 4].t.length === 2
        && adjacent(k, k + 1) && adjacent(k + 1, k + 2) && adjacent(k + 2, k + 3) && adjacent(k + 3, k + 4)) {
        return { expr: { start: t.s, end: toks[k + 4].e, kind: { type: 'ymd', y: Number(t.t), m: Number(toks[k + 2].t), d: Number(toks[k + 4].t) } }, next: k + 5 };
      }
      const d = dayAt(k);
      if (!Number.isNaN(d) && monthOf(toks[k + 1])) return dayFirst(k, d);
      const y = yearAt(k);
      if (Number.isNaN(y)) return null;
      // Ranges "2009-2013", "2009–2013".
      const dash = toks[k + 1];
      if (dash && dash.k === 'p' && (dash.t === '-' || dash.t === '–' || dash.t === '—') && adjacent(k, k + 1) && adjacent(k + 1, k + 2)) {
        const b = num(toks[k + 2], 1000, 2199, 4);
        if (!Number.isNaN(b) && b > y && b - y <= 100) return { expr: { start: t.s, end: toks[k + 2].e, kind: { type: 'range', from: y, to: b } }, next: k + 3 };
        return null;
      }
      if (isYearContext(k)) return { expr: { start: t.s, end: t.e, kind: { type: 'y', y } }, next: k + 1 };
      return null;
    }
    return null;
  }

  function dayFirst(k: number, d: number): { expr: Expr; next: number } | null {
    const m = monthOf(toks[k + 1]);
    const j = afterDot(k + 1);
    const y = yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start: toks[k].s, end: toks[j].e, kind: { type: 'ymd', y, m, d } }, next: j + 1 };
    return { expr: { start: toks[k].s, end: toks[k + 1].e, kind: { type: 'md', m, d } }, next: k + 2 };
  }

  /** Not glued to a letter or currency before it (`G20`, `$47`, `F-35`). */
  function plainPrefix(k: number): boolean {
    const p = toks[k - 1];
    if (!p || p.e !== toks[k].s) return true;
    if (p.k !== 'p') return false;
    if (/[$€£¥]/.test(p.t)) return false;
    if (p.t === '-' && toks[k - 2] && toks[k - 2].e === p.s && toks[k - 2].k !== 'p') return false;
    return true;
  }

  function decadeOf(tok: Tok | undefined): number | null {
    if (!tok || tok.k !== 'x') return null;
    const m = /^(1[0-9]|20)([0-9])0s$/.exec(tok.t);
    return m ? Number(m[1] + m[2]) : null;
  }

  /** A four-digit number is a year after a preposition, in "the 2021 NATO Summit", or after a capitalized name ("Vilnius Summit 2023"). */
  function isYearContext(k: number): boolean {
    const p = toks[k - 1];
    const n = toks[k + 1];
    if (!p) return !!n && n.k === 'w' && /^[A-Z]/.test(n.t);
    if (p.k === 'w' && YEAR_PREPOSITIONS.has(p.t)) return true;
    if (p.k === 'w' && (p.t === 'the' || p.t === 'The') && n && n.k === 'w' && /^[A-Z]/.test(n.t)) return true;
    if (p.k === 'w' && /^[A-Z][a-z]+$/.test(p.t) && /^(?:Summit|Concept|Conference|Agenda|Declaration|Games|Cup|Expo|Vision|Plan|Strategy|Report|Review|Dialogue|Forum|Meeting|Olympics|Election|Elections|Budget)$/.test(p.t)) return true;
    if (p.k === 'p' && p.t === '(' && n && n.k === 'p' && n.t === ')') return true;
    return false;
  }
}
