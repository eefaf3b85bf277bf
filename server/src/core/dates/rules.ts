/**
 * The date forms, as data: each rule is a token-class pattern (`pattern.ts`) and a `build` that
 * makes the expression from the matched tokens. `scan.ts` compiles the groups below once at load
 * into an index by the class of a rule's first token; at a token, the rules of the group that can
 * start there are tried in the order written here, and the first whose pattern matches and whose
 * build returns an expression wins (a build returns null to let the next rule try, `STOP` to end
 * the search at this token). `docs/dates.md` ("How a date form is written") documents the format.
 *
 * Each rule has an `example` the unit test `date-rules.test.ts` scans: it must fire the rule and
 * give a TIMEX3 value with an explanation (the hover's), so no rule is dead or unresolvable.
 */

import type { TimexMod } from '../types';
import type { DateScanner } from './scan';
import { Expr, ExprKind, durationValue, isDay, pad2 } from './expr';
import { EVENT_MARKS, EVENT_NOUNS, HOLIDAYS, INDEPENDENCE_DAYS, INDEPENDENCE_HOLIDAYS, LEXICON, NAMED_WEEKDAYS, Unit } from './lexicon';
import {
  ANY, DATE, DAY, DIGITS_LETTERS, El, none, ERA_YEAR, MONTH, Match, N, NUMBER, ORDDAY, P, Parse, SHORT_YEAR, STOP, W, WEEKDAY, X, YEAR,
  alt, digits, glued, lex, lw, opt, punct, reader, seq, sub, token, word,
} from './pattern';

export interface Rule {
  /** Unique; the consistency test and `--trace` name rules by it. */
  readonly name: string;
  readonly pattern: readonly El[];
  /** The expression from the matched tokens (`m.t[i]`: element i's first token); null: not this rule; `STOP`: no date here. */
  readonly build: (s: DateScanner, m: Match) => Parse | null;
  /** A sentence the rule reads (its expression is the first one found). */
  readonly example: string;
}

function rule(name: string, pattern: El[], example: string, build: (s: DateScanner, m: Match) => Parse | null): Rule {
  return Object.freeze({ name, pattern, build, example });
}

const DOT = 46;
const HYPHEN_CODE = 45;
const COMMA_CODE = 44;
const COLON = 58;

const COMMA = punct(',');
const DOT_AFTER = opt(glued(punct('.')));
const HYPHEN = punct('-');
/** A part of the day: morning, afternoon, evening, night (not noon). */
const PART = lex('PART', (w) => w.part !== undefined && w.part !== 'MI');
const UNIT_ONE = lex('UNIT', (w) => w.unit !== undefined && !w.plural);
const UNITS = lex('UNITS', (w) => w.unit !== undefined && !!w.plural);
const SEASON = lex('SEASON', (w) => w.season !== undefined);

/**
 * A day of the month written as an ordinal: "15th", "fifth", "twenty-first" (three tokens).
 * `dayOrdinalAt` reads its day, `dayOrdinalEnd` its last token.
 */
const DAY_ORDINAL = alt(
  ORDDAY,
  lex('DAY_ORDINAL_WORD', (w) => w.ord !== undefined && w.ord <= 31),
  seq(lw('twenty', 'thirty'), glued(HYPHEN), glued(lex('DAY_ORDINAL_UNIT', (w) => w.ord !== undefined && w.ord <= 9))),
);

function dayOrdinalAt(s: DateScanner, k: number): number {
  if (s.kind(k) === X) return s.dayAt(k);
  const tens = s.lw(k) === 'twenty' ? 20 : s.lw(k) === 'thirty' ? 30 : 0;
  const d = tens ? tens + (s.lex(k + 2)?.ord ?? NaN) : s.lex(k)?.ord ?? NaN;
  return d >= 1 && d <= 31 ? d : NaN;
}

function dayOrdinalEnd(s: DateScanner, k: number): number {
  return s.kind(k) === W && (s.lw(k) === 'twenty' || s.lw(k) === 'thirty') ? k + 2 : k;
}

/**
 * Whether a date may end at token `last` when nothing after it says so (a day with no month, "Monday
 * week"): the text ends, a punctuation mark or a clause word follows, not a noun ("Tuesday the 19th
 * anniversary").
 */
function endsHere(s: DateScanner, last: number): boolean {
  const next = s.kind(last + 1);
  return next === 0 || next === P || (next === W && DAY_OF_MONTH_AFTER.has(s.str(last + 1)));
}

/**
 * A year spoken in words ("nineteen ninety-seven", "twenty twelve", "two thousand and one"), as
 * broadcast transcripts write it (`spokenYearAt`); after a month, a season or "the year".
 */
const SPOKEN_YEAR = reader('SPOKEN_YEAR', (e) => ['nineteen', 'twenty', 'two'].map((w) => e.classOf(w)), (s, k) => s.spokenYearAt(k)?.next ?? -1);

/** Month abbreviations, which are followed by a dot that does not end the sentence. */
const ABBREVIATED_MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

/** The relative word ("last", "next", "this") before token k, when there is one. */
function relBefore(s: DateScanner, k: number): 'last' | 'next' | 'this' | undefined {
  return s.isRelWord(k - 1) ? (s.str(k - 1).toLowerCase() as 'last' | 'next' | 'this') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Month first: "March 6, 2016", "Sunday, March, 6th 2016", "May 2019", "in July".

/** A month and a day, with or without a year ("Oct. 26", "March 6, 2016", "March, 6th 2016"). */
const MONTH_DAY: Rule[] = [
  rule('month, day year', [MONTH, DOT_AFTER, COMMA, DAY, YEAR], 'It began on Sunday, March, 6th 2016 in the capital.', (s, m) => {
    const [k, , , j, y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'ymd', y: s.yearAt(y), m: s.monthOf(k), d: s.dayAt(j) } }, next: y + 1 };
  }),
  rule('month day, year', [MONTH, DOT_AFTER, DAY, opt(COMMA), YEAR], 'The treaty was signed on March 6, 2016 in Paris.', (s, m) => {
    const [k, , j, , y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'ymd', y: s.yearAt(y), m: s.monthOf(k), d: s.dayAt(j) } }, next: y + 1 };
  }),
  rule('month day', [MONTH, DOT_AFTER, DAY], 'The vote was held on Oct. 26 in the capital.', (s, m) => {
    const [k, , j] = m.t;
    if (s.isP(j + 1, COLON) && s.kind(j + 2) === N && s.adjacent(j + 1, j + 2)) return null; // "May 5:30": a clock time
    if (s.kind(j + 1) === N && s.tS[j + 1] - s.tE[j] <= 1) return STOP; // "May 5 2025 12" style noise
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'md', m: s.monthOf(k), d: s.dayAt(j) } }, next: j + 1 });
  }),
];

/** A month with a day, a year or alone. */
const MONTH_DATE: Rule[] = [
  ...MONTH_DAY,
  // "March the 15th", "May the first": the day after the month with "the", as spoken; not before a
  // noun ("May the fourth be with you" has no date).
  rule('month the nth', [MONTH, DOT_AFTER, word('the'), DAY_ORDINAL], 'The vote was set for March the 15th, the council said.', (s, m) => {
    const [k, , , j] = m.t;
    const d = dayOrdinalAt(s, j);
    const last = dayOrdinalEnd(s, j);
    if (Number.isNaN(d) || !endsHere(s, last)) return null;
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[last], kind: { type: 'md', m: s.monthOf(k), d } }, next: last + 1 });
  }),
  rule('month of year', [MONTH, DOT_AFTER, word('of'), YEAR], 'Prices peaked in March of 2019 in the capital.', (s, m) => {
    const [k, , , y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'ym', y: s.yearAt(y), m: s.monthOf(k) } }, next: y + 1 };
  }),
  rule('month year', [MONTH, DOT_AFTER, YEAR], 'Prices rose in May 2019 across the region.', (s, m) => {
    const [k, , y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'ym', y: s.yearAt(y), m: s.monthOf(k) } }, next: y + 1 };
  }),
  rule('month spoken year', [MONTH, DOT_AFTER, SPOKEN_YEAR], 'The clinic was bombed in January nineteen ninety-seven, the anchor said.', (s, m) => {
    const [k, , y, next] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[next - 1], kind: { type: 'ym', y: s.spokenYearAt(y)!.y, m: s.monthOf(k) } }, next };
  }),
  rule('month alone', [MONTH, DOT_AFTER], 'The talks resume in July after the recess.', (s, m) => {
    const [k, , j] = m.t;
    const mo = s.monthOf(k);
    const len = s.tE[k] - s.tS[k];
    // Lower case 'june' or 'july' is the month class 6 or 7 with four letters ('jun', 'jul' have three).
    const abbrevOnly = len <= 4 && !(len === 4 && (mo === 6 || mo === 7)) && !s.isMay(k);
    if (abbrevOnly && !s.isP(k + 1, DOT)) return STOP;
    // A month alone needs a preposition or a relative word before it ("in July", "last July").
    const prev = s.strOrNone(k - 1);
    if (s.isP(k - 1, HYPHEN_CODE) && s.adjacent(k - 1, k) && /^(?:early|late|mid|Early|Late|Mid)$/.test(s.strOrNone(k - 2) ?? '')) {
      return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'm', m: mo } }, next: j };
    }
    // "under a June agreement", "its October report": an article or a possessive, the month, a noun.
    const modifier = prev !== undefined && /^(?:a|A|its|Its|his|His|her|Her|their|Their)$/.test(prev) && s.kind(j) === W && s.first(j) >= 97 && !s.isMay(k);
    if (modifier) return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'm', m: mo } }, next: j };
    if (prev === undefined || s.kind(k - 1) !== W || !/^(?:in|In|since|Since|by|until|Until|during|During|before|after|from|From|of|for|For|early|late|mid|Early|Late|Mid|through|till|the|The|and|or|to|between|Between)$/.test(prev)) return STOP;
    // "for April" is a month, "for April Smith" a person.
    if ((prev === 'for' || prev === 'For') && s.kind(j) === W && s.first(j) >= 65 && s.first(j) <= 90) return STOP;
    // "by May" is the month unless a name follows ("a novel by May Sarton").
    const mayBy = (prev === 'by' || prev === 'By') && !(s.kind(j) === W && s.first(j) >= 65 && s.first(j) <= 90);
    if (s.isMay(k) && !mayBy && !/^(?:in|In|since|Since|during|early|late|Early|Late|of|until|Until|and|to|between|through|till)$/.test(prev)) return STOP;
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'm', m: mo } }, next: j });
  }),
];

/**
 * After a day: the month and the year ("[10] August 234 BC", "[31st] March, 2016", "[3] Aug 96").
 * The day is not known here: `d` is 0 and the rule before the day sets it and the start.
 */
const DAY_TAIL: Rule[] = [
  rule('day: month year', [MONTH, DOT_AFTER, opt(COMMA), YEAR], 'It was signed on 31st March, 2016 in Rome.', (s, m) => {
    const [k, , , y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'ymd', y: s.yearAt(y), m: s.monthOf(k), d: 0 } }, next: y + 1 };
  }),
  rule('day: month era-year', [MONTH, DOT_AFTER, ERA_YEAR], 'The city fell on 10 August 234 BC after a siege.', (s, m) => {
    const [k, , y] = m.t;
    const era = s.eraYearAt(y)!;
    return { expr: { start: s.tS[k], end: s.tE[y + 1], kind: { type: 'ymd', y: era.y, m: s.monthOf(k), d: 0, bc: era.bc || undefined } }, next: y + 2 };
  }),
  rule('day: month short-year', [MONTH, DOT_AFTER, SHORT_YEAR], 'The band played on 3 Aug 96 in Leeds.', (s, m) => {
    const [k, , y, end] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[end - 1], kind: { type: 'ymd', y: s.shortYearAt(y)!.y, m: s.monthOf(k), d: 0 } }, next: end };
  }),
  rule('day: month', [MONTH], 'The vote was held on 29 July in the capital.', (s, m) => {
    const k = m.t[0];
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'md', m: s.monthOf(k), d: 0 } }, next: k + 1 };
  }),
];

/** A day before the tail the DAY_TAIL rules read: sets its day and start. */
function withDay(p: Parse, s: DateScanner, k: number, d: number): Parse {
  const kind = p.expr.kind as Extract<ExprKind, { type: 'ymd' | 'md' }>;
  kind.d = d;
  p.expr.start = s.tS[k];
  return p;
}

// ---------------------------------------------------------------------------------------------
// The top level: every form, by its first token.

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A part of the day in the plural ("nights"). */
const PLURAL_PART = lex('PLURAL_PART', (w) => w.parts !== undefined);
/** Words before a plural weekday that make it a count or particular days, not every such day. */
const PLURAL_WEEKDAY_NOT_AFTER: ReadonlySet<string> = new Set(['the', 'The', 'those', 'these', 'Those', 'These', 'several', 'many', 'few', 'some', 'consecutive', 'straight', 'successive', 'past', 'last', 'next', 'recent', 'coming']);

const WEEKDAY_RULES: Rule[] = [
  // "Good Friday", "Black Monday": a weekday named by the capitalized word before it, a holiday
  // (NAMED_WEEKDAYS in lexicon.ts) or a name that is no date ("known as Black Monday").
  rule('named weekday', [WEEKDAY], 'Shops stay shut on Good Friday in the town.', (s, m) => {
    const k = m.t[0];
    const c = s.kind(k - 1) === W ? s.first(k - 1) : 0;
    if (c < 65 || c > 90) return null;
    const key = NAMED_WEEKDAYS[s.str(k - 1)]?.[WEEKDAY_NAMES[s.weekdayOf(k)]];
    if (key === undefined) return null;
    if (key === null) return STOP;
    const rel = relBefore(s, k - 1);
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 2] : s.tS[k - 1], end: s.tE[k], kind: { type: 'holiday', name: key, rel } }, next: k + 1 });
  }),
  // "Tuesday, September 29", "Tuesday morning, September 29": the weekday is checked against the date.
  rule('weekday, month day', [WEEKDAY, opt(PART), opt(COMMA), sub('monthDay')], 'The ceasefire began on Tuesday, September 29, 2025 at dawn.', (s, m) => {
    const [k, p] = m.t;
    const d = m.v[3]!;
    (d.expr.kind as Extract<ExprKind, { type: 'ymd' | 'md' }>).weekday = { w: s.weekdayOf(k), s: s.tS[k], e: s.tE[k] };
    d.expr.start = s.tS[k];
    if (p >= 0) d.expr.time ??= s.partAt(p);
    return d;
  }),
  rule('weekday day month', [WEEKDAY, opt(PART), opt(COMMA), DAY, MONTH], 'The ceasefire began on Monday 29 July 2025 at dawn.', (s, m) => {
    const [k, p, , j, mo] = m.t;
    const wk = { w: s.weekdayOf(k), s: s.tS[k], e: s.tE[k] };
    const d = s.dayAt(j);
    const month = s.monthOf(mo);
    const after = s.afterDot(mo);
    const y = s.yearAt(after);
    const time = p >= 0 ? s.partAt(p) : undefined;
    if (!Number.isNaN(y)) return { expr: { start: s.tS[k], end: s.tE[after], kind: { type: 'ymd', y, m: month, d, weekday: wk }, time }, next: after + 1 };
    return { expr: { start: s.tS[k], end: s.tE[mo], kind: { type: 'md', m: month, d, weekday: wk }, time }, next: mo + 1 };
  }),
  // "Tuesday the 19th": a day of the month with its weekday (the month as for "on the 19th").
  rule('weekday the nth', [WEEKDAY, word('the'), DAY_ORDINAL], 'The envoy will arrive on Tuesday the 19th, his office said.', (s, m) => {
    const [k, , j] = m.t;
    const d = dayOrdinalAt(s, j);
    const last = dayOrdinalEnd(s, j);
    if (Number.isNaN(d) || !endsHere(s, last)) return null;
    return { expr: { start: s.tS[k], end: s.tE[last], kind: { type: 'dom', d } }, next: last + 1 };
  }),
  // "(the) Monday after next": the weekday a week after "next Monday".
  rule('weekday after next', [WEEKDAY, word('after'), word('next')], 'The strike will end the Monday after next.', (s, m) => {
    const [k, , n] = m.t;
    if (s.kind(n + 1) !== P && s.kind(n + 1) !== 0) return null; // "Monday after next week's vote"
    const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
    return { expr: { start, end: s.tE[n], kind: { type: 'off', n: 1, unit: 'W', from: 'base', base: { type: 'weekday', w: s.weekdayOf(k), rel: 'next' } } }, next: n + 1 };
  }),
  // British "Monday week": the Monday after next, as "Monday after next" (not before a noun or a
  // hyphen: "Monday week-long talks").
  rule('weekday week', [WEEKDAY, lw('week')], 'The talks resume Monday week in Brussels.', (s, m) => {
    const [k, w] = m.t;
    if (s.lw(w) !== 'week' || s.isP(w + 1, HYPHEN_CODE) || !endsHere(s, w)) return null;
    if (s.lex(k - 1)?.rel !== undefined || s.lw(k - 1) === 'every' || s.lw(k - 1) === 'each') return null; // "last Monday week", "every Monday week"
    return { expr: { start: s.tS[k], end: s.tE[w], kind: { type: 'off', n: 1, unit: 'W', from: 'base', base: { type: 'weekday', w: s.weekdayOf(k), rel: 'next' } } }, next: w + 1 };
  }),
  // "Wednesday next week", "Friday of last week", "Monday this week": the weekday in that week.
  rule('weekday of a week', [WEEKDAY, opt(word('of')), lw('next', 'last', 'this'), lw('week')], 'The cabinet will meet Wednesday next week in Rome.', (s, m) => {
    const [k, , r, u] = m.t;
    if (s.isApostrophe(u + 1) || relBefore(s, k)) return null; // "Friday next week's vote" is "next week's"
    const week = relOf(s, r);
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'weekday', w: s.weekdayOf(k), week } }, next: u + 1 };
  }),
  // "Wednesday's ruling": an event already named, read as past.
  rule("weekday's", [WEEKDAY, glued(punct("'\u2019")), word('s')], "Critics attacked Wednesday's ruling by the court.", (s, m) => {
    const k = m.t[0];
    if (relBefore(s, k)) return null;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'weekday', w: s.weekdayOf(k), past: true } }, next: k + 1 };
  }),
  // "Tuesday nights", "on Monday and Thursday evenings": a part of every such day, a SET (the
  // first of two weekdays joined by "and"/"or" shares the part: two SETs, no range between them).
  // Two weekdays need the plural for two particular nights too ("clashes on Friday and Saturday
  // nights"): in a past-tense clause they are those days (`day`: the resolver reads them so).
  rule('weekday parts (set)', [WEEKDAY, opt(word('and', 'or'), WEEKDAY), PLURAL_PART], 'The ferry sails on Tuesday nights from the old quay.', (s, m) => {
    const [k, link, p] = m.t;
    const part = LEXICON[s.lw(p)].parts!;
    const set = (w: number): string => `XXXX-WXX-${w === 0 ? 7 : w}T${part}`;
    if (link < 0) return { expr: { start: s.tS[k], end: s.tE[p], kind: { type: 'set', v: set(s.weekdayOf(k)) } }, next: p + 1 };
    const w1 = s.weekdayOf(k);
    const w2 = s.weekdayOf(link + 1);
    const second: Expr = { start: s.tS[link + 1], end: s.tE[p], kind: { type: 'set', v: set(w2), day: w2 }, time: part };
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'set', v: set(w1), day: w1 }, time: part, pair: second, alternative: true }, next: p + 1 };
  }),
  rule('weekday part', [WEEKDAY, PART], 'Shelling resumed on Friday morning near the port.', (s, m) => {
    const [k, p] = m.t;
    const rel = relBefore(s, k);
    return { expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[p], kind: { type: 'weekday', w: s.weekdayOf(k), rel }, time: s.partAt(p) }, next: p + 1 };
  }),
  rule('weekday', [WEEKDAY], 'The delegation arrived on Monday for talks.', (s, m) => {
    const k = m.t[0];
    // "the previous Friday", "the preceding Monday": the one before the previous day in the text.
    const prev = s.strOrNone(k - 1);
    if ((prev === 'previous' || prev === 'preceding') && (s.str(k - 2) === 'the' || s.str(k - 2) === 'The')) {
      return { expr: { start: s.tS[k - 2], end: s.tE[k], kind: { type: 'weekday', w: s.weekdayOf(k), before: true } }, next: k + 1 };
    }
    const rel = relBefore(s, k);
    return { expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[k], kind: { type: 'weekday', w: s.weekdayOf(k), rel } }, next: k + 1 };
  }),
];

/** Words hyphenated before a year or a month that name its edge ("end-2015", "end-June", "early-2016"): the TIMEX3 mod. */
const YEAR_EDGE_MOD: Readonly<Record<string, TimexMod | undefined>> = Object.freeze(Object.assign(Object.create(null) as Record<string, TimexMod>, {
  end: 'END', End: 'END', late: 'END', Late: 'END', early: 'START', Early: 'START', start: 'START',
}));

const MONTH_RULES: Rule[] = [
  // "May Day": 1 May, the workers' holiday (not the month, which "on May" would read).
  rule('May Day', [word('May'), word('Day')], 'Unions marched through the capital on May Day.', (s, m) => {
    const [k, d] = m.t;
    const rel = relBefore(s, k);
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[d], kind: { type: 'holiday', name: 'mayday', rel } }, next: d + 1 });
  }),
  // "the January-March quarter", "the July-September quarter of 2012": a quarter named by its first
  // and last months (its year by the tense, as "the first quarter"); "the January-March period" too,
  // and "the January-June period", "the July-December period": a half.
  rule('month-month quarter', [MONTH, glued(HYPHEN), glued(MONTH), lw('quarter', 'period'), opt(word('of'), YEAR)], 'Sales rose in the January-March quarter, the firm said.', (s, m) => {
    const [k, , j, q, y] = m.t;
    const m1 = s.monthOf(k);
    const m2 = s.monthOf(j);
    const half = s.lw(q) === 'period' && (m1 === 1 || m1 === 7) && m2 === m1 + 5;
    if (!half && (m1 % 3 !== 1 || m2 !== m1 + 2)) return null;
    const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
    const of = half ? 'H' : 'Q';
    const n = half ? (m1 + 5) / 6 : (m1 + 2) / 3;
    if (y >= 0) {
      const yy = s.yearAt(y + 1);
      return { expr: { start, end: s.tE[y + 1], kind: half ? { type: 'part', of, n, y: yy, offset: 0, bare: false } : { type: 'quarter', y: yy, q: n } }, next: y + 2 };
    }
    return { expr: { start, end: s.tE[q], kind: { type: 'part', of, n, y: NaN, offset: 0, bare: true } }, next: q + 1 };
  }),
  rule('last/this/next month-name', [MONTH], 'Prices fell last July in most regions.', (s, m) => {
    const k = m.t[0];
    if (!s.isRelWord(k - 1) || (s.isP(k + 1, DOT) && ABBREVIATED_MONTHS.has(s.str(k)))) return null;
    const after = s.afterDot(k);
    if (!Number.isNaN(s.yearAt(after)) || !Number.isNaN(s.dayAt(after))) return null;
    return { expr: { start: s.tS[k - 1], end: s.tE[k], kind: { type: 'm', m: s.monthOf(k), rel: relBefore(s, k) } }, next: k + 1 };
  }),
  ...MONTH_DATE,
];

/** Prepositions after which "Q3", "H1" alone is a quarter or half of a year. */
const QN_BEFORE: ReadonlySet<string> = new Set(['in', 'In', 'for', 'For', 'during', 'During', 'since', 'Since', 'through', 'until', 'by', 'By', 'from', 'over', 'Over', 'after', 'before']);

/** Forms starting with digits and letters ("Q3", "10am", "1800s", "19th", "1990s", "29th"). */
const DIGIT_LETTER_RULES: Rule[] = [
  // "Q3 2024", "H2 2025": a quarter or a half of a year, as business copy writes them.
  rule('quarter Qn year', [QUARTER(), YEAR], 'Growth slowed in Q3 2024 across the bloc.', (s, m) => {
    const [k, y] = m.t;
    const n = s.src.charCodeAt(s.tS[k] + 1) - 48;
    const kind: ExprKind = partLetter(s, k) === 'H' ? { type: 'part', of: 'H', n, y: s.yearAt(y), offset: 0, bare: false } : { type: 'quarter', y: s.yearAt(y), q: n };
    return { expr: { start: s.tS[k], end: s.tE[y], kind }, next: y + 1 };
  }),
  // "in Q3", "for H1": a quarter or half alone after a preposition is a bare one, as "the third
  // quarter" (its year from the text or the tense); elsewhere it is as often a name ("Audi Q3").
  rule('quarter Qn alone', [QUARTER()], 'Growth slowed in Q3 after the vote.', (s, m) => {
    const k = m.t[0];
    if (!QN_BEFORE.has(s.strOrNone(k - 1) ?? '') || (s.kind(k + 1) === W && s.first(k + 1) <= 90)) return STOP;
    const n = s.src.charCodeAt(s.tS[k] + 1) - 48;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'part', of: partLetter(s, k), n, y: NaN, offset: 0, bare: true } }, next: k + 1 };
  }),
  // "FY2013", "FY13": a fiscal year as budget copy writes it (TimeML values "fiscal 1989" as 1989).
  rule('fiscal FY2013', [DIGITS_LETTERS], 'The defence budget for FY2013 was cut by 5%.', (s, m) => {
    const k = m.t[0];
    const f = /^FY(\d{2}|\d{4})$/.exec(s.str(k));
    if (!f || !s.plainPrefix(k)) return null;
    const n = Number(f[1]);
    const y = f[1].length === 4 ? n : s.twoDigitYear(n);
    return y >= 1000 && y <= 2199 ? { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'fiscal', y } }, next: k + 1 } : null;
  }),
  // "10am", "9pm": a clock time written as one token.
  rule('clock h(am|pm)', [DIGITS_LETTERS], 'The polls open at 8am on the island.', (s, m) => {
    const k = m.t[0];
    const len = s.tE[k] - s.tS[k];
    if (len > 4 || (s.src.charCodeAt(s.tE[k] - 1) | 0x20) !== 109 /* m */) return null;
    const t = /^(\d{1,2})([aApP])[mM]$/.exec(s.str(k));
    const h = t ? Number(t[1]) : NaN;
    if (!(h >= 1 && h <= 12)) return null;
    // With what may follow it, as "9 a.m.": "9am on Saturday" is one TIME on that day.
    return clockTime(s, k, (h % 12) + ((t![2] === 'p' || t![2] === 'P') ? 12 : 0), 0, k + 1, s.tE[k]);
  }),
  rule('century 1800s', [DIGITS_LETTERS], 'Trade grew through the 1800s along the coast.', (s, m) => {
    const k = m.t[0];
    const c = s.centuryOf(k);
    return c === null ? null : { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'century', c } }, next: k + 1 };
  }),
  // "19th century", "late 19th century" (the modifier rule reads it here).
  rule('century 19th', [DIGITS_LETTERS, lw('century')], 'The fort was built in 19th century Lisbon.', (s, m) => {
    const [k, u] = m.t;
    const ord = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(s.str(k));
    if (!ord) return null;
    const n = Number(ord[1]);
    if (n < 1 || n > 22) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'century', c: n - 1 } }, next: u + 1 };
  }),
  rule('decade 1990s', [DIGITS_LETTERS], 'The plant was built in the 1990s by the state.', (s, m) => {
    const k = m.t[0];
    const dec = s.decadeOf(k);
    return dec !== null && s.plainPrefix(k) ? { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'decade', decade: dec } }, next: k + 1 } : null;
  }),
  // "the '90s", "since the '60s": a decade in two digits after an apostrophe and "the" (the '50s to
  // the '90s are the 1900s', the '00s the 2000s'; "in his 90s" is an age, not read).
  rule("decade '90s", [DIGITS_LETTERS], "Voters flocked to the party in the '90s.", (s, m) => {
    const k = m.t[0];
    const d = /^([05-9])0s$/.exec(s.str(k));
    // "the early '90s", "the late '60s": the modifier read here, since no rule reads a date at the apostrophe.
    const edge = s.lw(k - 2) === 'early' || s.lw(k - 2) === 'late' ? k - 2 : -1;
    if (!d || !s.isApostrophe(k - 1) || !s.adjacent(k - 1, k) || s.lw(edge >= 0 ? k - 3 : k - 2) !== 'the') return null;
    const decade = d[1] === '0' ? 200 : 190 + Number(d[1]);
    return { expr: { start: s.tS[edge >= 0 ? edge : k - 1], end: s.tE[k], kind: { type: 'decade', decade }, mod: edge >= 0 ? LEXICON[s.lw(edge)].mod : undefined }, next: k + 1 };
  }),
];

/** A Q1–Q4 or H1–H2 token. */
function QUARTER(): El {
  return token('Qn', (e) => [e.DIGITS_LETTERS], (s, k) => {
    if (s.kind(k) !== 3 || s.tE[k] - s.tS[k] !== 2) return false;
    const n = s.src.charCodeAt(s.tS[k] + 1) - 48;
    const c = s.first(k);
    return c === 81 /* Q */ ? n >= 1 && n <= 4 : c === 72 /* H */ && (n === 1 || n === 2);
  }, true);
}

/** 'Q' or 'H': the letter of a quarter or half token ("Q3", "H2"). */
function partLetter(s: DateScanner, k: number): 'Q' | 'H' {
  return s.first(k) === 72 ? 'H' : 'Q';
}

// ---------------------------------------------------------------------------------------------
// Clock times: "10:35 a.m.", "9 p.m.", "8 PM", "9 o'clock", "4 in the morning", "11 at night",
// "at 14:30", "14:30 GMT", "0715 GMT", each with what may follow ("EDT", "local time", "on Thursday").

/** An hour: one or two digits, 0–24. */
const HOUR = token('HOUR', (e) => e.numbers(1, 2), (s, k) => s.kind(k) === N && s.tE[k] - s.tS[k] <= 2 && !Number.isNaN(s.num(k, 0, 24)), true);
/** ":MM" glued to the hour. */
const MINUTES = seq(glued(punct(':')), glued(token('MM', none, (s, k) => !Number.isNaN(s.num(k, 0, 59, 2)))));
/** A time zone written after a clock time ("GMT", "EST"). */
const ZONE = token('ZONE', none, (s, k) => s.isZone(k));

/** The hour and minutes of a clock rule's first tokens (`MINUTES` optional at element 1). */
function hourMinutes(s: DateScanner, m: Match): { h: number; min: number } {
  const k = m.t[0];
  return { h: s.val(k), min: m.t[1] >= 0 ? s.val(m.t[1] + 1) : 0 };
}

/**
 * A clock time read from token k to token j (exclusive; its text ends at `end`), then what may
 * follow it: a zone, "local time", "on" and a weekday, "yesterday/today/tomorrow". Without a day
 * it is a time of the publication day (`local`).
 */
function clockTime(s: DateScanner, k: number, h: number, min: number, j: number, end: number): Parse | null {
  if (h > 24) return null;
  const time = `${pad2(h)}:${pad2(min)}`;
  let q = j;
  let e = end;
  if (s.isZone(j)) q++;
  if (s.str(q) === 'local' && s.strOrNone(q + 1) === 'time') q += 2;
  if (q > j) e = s.tE[q - 1];
  if (s.str(q) === 'on' || s.str(q) === 'local') q++;
  const wd = s.weekdayOf(q);
  if (wd >= 0) return { expr: { start: s.tS[k], end: s.tE[q], kind: { type: 'weekday', w: wd }, time }, next: q + 1 };
  // "5 p.m. EST, Nov. 6", "5 p.m. EST Nov. 9", "10 a.m. on March 3": the time and its day after
  // it (a comma, "on" or nothing between), one TIME, as a weekday after it is.
  const dq = s.isP(q, COMMA_CODE) ? q + 1 : q;
  if (s.monthOf(dq) > 0) {
    const d = s.tryAt(dq);
    if (d && d.expr.start === s.tS[dq] && !d.expr.time && !d.expr.pair && (d.expr.kind.type === 'md' || d.expr.kind.type === 'ymd')) {
      return { expr: { ...d.expr, start: s.tS[k], time }, next: d.next };
    }
  }
  const x = s.lw(q);
  if (x === 'yesterday' || x === 'today' || x === 'tomorrow') {
    return { expr: { start: s.tS[k], end: s.tE[q], kind: { type: 'rel', unit: 'day', offset: x === 'yesterday' ? -1 : x === 'today' ? 0 : 1 }, time }, next: q + 1 };
  }
  return { expr: { start: s.tS[k], end: e, kind: { type: 'rel', unit: 'day', offset: 0 }, time, local: true }, next: q };
}

/** Words before a range of clock times written with one a.m. or p.m. ("from 9 to 11 a.m."). */
const CLOCK_RANGE_BEFORE: ReadonlySet<string> = new Set(['from', 'From', 'between', 'Between', 'at', 'At']);

/** Words before a 24-hour clock time that make "14:30" a time ("at 14:30", not a score). */
const CLOCK_PREPOSITION: ReadonlySet<string> = new Set(['at', 'At', 'by', 'until', 'till', 'before', 'after', 'around', 'about', 'from', 'since', 'to']);

const CLOCK_RULES: Rule[] = [
  // "from 9 to 11 a.m.", "between 2 and 4 p.m.", "9-11 a.m.": the first time of a range takes the
  // a.m. or p.m. of the second (a half-day earlier when it would come after it: "11 to 1 p.m." starts
  // at 11:00), and the second is read by its own rule; the range's day comes from the end's.
  rule('clock range start', [HOUR, opt(MINUTES), alt(word('to', 'until', 'till', 'and'), punct('-\u2013')), HOUR, opt(MINUTES), alt(seq(word('a', 'p'), punct('.'), word('m')), word('am', 'pm', 'AM', 'PM'))],
    'The polling stations open from 7 to 11 a.m. on Sunday.', (s, m) => {
      const [k, mm, link, k2, , ap] = m.t;
      const h1 = s.val(k);
      const h2 = s.val(k2);
      if (h1 < 1 || h1 > 12 || h2 < 1 || h2 > 12) return null;
      // After "from", "between", "at", or as one word ("9-11 a.m."): "rose 3 to 4 p.m. prices" is no range.
      const before = s.strOrNone(k - 1);
      if (!(before && CLOCK_RANGE_BEFORE.has(before)) && !(s.kind(link) === P && s.adjacent(link - 1, link) && s.adjacent(link, k2))) return null;
      const pm = s.first(ap) === 112 || s.first(ap) === 80; // p, P
      let h = (h1 % 12) + (pm ? 12 : 0);
      // "from 11 to 2 a.m." would start the evening before the end's day: left to the end alone.
      if (h > (h2 % 12) + (pm ? 12 : 0)) {
        if (!pm) return null;
        h -= 12;
      }
      const min = mm >= 0 ? s.val(mm + 1) : 0;
      // The second time, as the a.m./p.m. rules read it (with a zone or a day after it), is the range's end.
      const m2 = m.t[4] >= 0 ? s.val(m.t[4] + 1) : 0;
      const dotted = s.kind(ap + 1) === P;
      const last = dotted ? ap + 2 : ap;
      const j = dotted && s.isP(last + 1, DOT) && s.adjacent(last, last + 1) ? last + 2 : last + 1;
      const second = clockTime(s, k2, (h2 % 12) + (pm ? 12 : 0), m2, j, s.tE[last]);
      if (!second) return null;
      const first: Parse = { expr: { start: s.tS[k], end: s.tE[link - 1], kind: { type: 'rel', unit: 'day', offset: 0 }, time: `${pad2(h)}:${pad2(min)}`, local: true, pair: second.expr }, next: second.next };
      return first;
    }),
  rule('clock a.m./p.m.', [HOUR, opt(MINUTES), word('a', 'p'), punct('.'), word('m')], 'The blast was heard at 10:35 a.m. on the quay.', (s, m) => {
    const [k, , ap, , mm] = m.t;
    let { h } = hourMinutes(s, m);
    if (h > 12) return null;
    if (s.str(ap) === 'p' && h < 12) h += 12;
    if (s.str(ap) === 'a' && h === 12) h = 0;
    const end = s.tE[mm];
    const j = s.isP(mm + 1, DOT) && s.tS[mm + 1] === end ? mm + 2 : mm + 1;
    return clockTime(s, k, h, hourMinutes(s, m).min, j, end);
  }),
  rule('clock am/pm', [HOUR, opt(MINUTES), word('am', 'pm', 'AM', 'PM')], 'The polls close at 8 PM in the east.', (s, m) => {
    const [k, , ap] = m.t;
    let { h } = hourMinutes(s, m);
    if (h > 12) return null;
    const pm = s.str(ap) === 'pm' || s.str(ap) === 'PM';
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return clockTime(s, k, h, hourMinutes(s, m).min, ap + 1, s.tE[ap]);
  }),
  rule("clock o'clock", [HOUR, word('o'), punct("'"), word('clock')], "The bells rang at 9 o'clock in the square.", (s, m) => {
    const [k, , , c] = m.t;
    const h = s.val(k);
    return h >= 1 && h <= 12 ? clockTime(s, k, h, 0, c + 1, s.tE[c]) : null;
  }),
  // "4 in the morning", "10 in the evening", "11 at night".
  rule('clock in the morning', [HOUR, word('in'), word('the'), PART], 'The raid began at 4 in the morning near the border.', (s, m) => {
    const [k, , , p] = m.t;
    let h = s.val(k);
    if (h < 1 || h > 12) return null;
    const part = s.partAt(p)!;
    if (part === 'MO' && h === 12) h = 0;
    else if ((part === 'AF' || part === 'EV' || (part === 'NI' && h >= 6)) && h < 12) h += 12;
    return clockTime(s, k, h, 0, p + 1, s.tE[p]);
  }),
  rule('clock at night', [HOUR, word('at'), word('night')], 'The curfew starts at 11 at night in the city.', (s, m) => {
    const [k, , n] = m.t;
    const h = s.val(k);
    if (h < 1 || h > 12) return null;
    return clockTime(s, k, h >= 6 && h < 12 ? h + 12 : h, 0, n + 1, s.tE[n]);
  }),
  // A 24-hour clock needs a zone, "local", or a preposition before it: "3:45" alone is a score.
  rule('clock 24-hour', [HOUR, MINUTES], 'The ceasefire began at 14:30 in the north.', (s, m) => {
    const [k, mm] = m.t;
    const j = mm + 2;
    const { h, min } = hourMinutes(s, m);
    if (!s.isZone(j) && !(s.kind(j) === W && s.str(j) === 'local')) {
      const before = s.strOrNone(k - 1);
      if (!(before && CLOCK_PREPOSITION.has(before))) return null;
    }
    return h > 23 ? null : clockTime(s, k, h, min, j, s.tE[j - 1]);
  }),
  // "at 0930 local time": a 24-hour time of four digits before "local time", after a clock preposition (not a year: "by 2015 local …").
  rule('clock hhmm local time', [digits(4), word('local'), word('time')], 'The blast struck at 0930 local time near the base.', (s, m) => {
    const k = m.t[0];
    const v = s.val(k);
    const h = Math.floor(v / 100);
    const min = v % 100;
    if (!CLOCK_PREPOSITION.has(s.strOrNone(k - 1) ?? '') || h > 23 || min > 59) return null;
    return clockTime(s, k, h, min, k + 1, s.tE[k]);
  }),
  rule('clock hhmm zone', [digits(4), ZONE], 'Troops crossed the line at 0715 GMT on the border.', (s, m) => {
    const [k, z] = m.t;
    const v = s.val(k);
    const h = Math.floor(v / 100);
    const min = v % 100;
    return h > 23 || min > 59 ? null : clockTime(s, k, h, min, z, s.tE[k]);
  }),
];

/** A word before "in" + a quantity that makes it a span up to now: "the first (visit) in", "the highest (level) in". */
function spanWord(w: string): boolean {
  return w === 'time' || w === 'times' || w === 'first' || w === 'worst' || w === 'best' || (w.length > 4 && w.endsWith('est') && w !== 'interest' && w !== 'protest' && w !== 'request' && w !== 'contest');
}

/** Forms starting with a number, before the day-month forms. */
const NUMBER_RULES: Rule[] = [
  // "in '96", "since '08", "the '96 campaign": a two-digit year after an apostrophe (`twoDigitYear`).
  rule('apostrophe year', [NUMBER], "Turnout was higher in '96 than in any later race.", (s, m) => {
    const k = m.t[0];
    if (!(s.isApostrophe(k - 1) && s.adjacent(k - 1, k) && s.tE[k] - s.tS[k] === 2 && !s.adjacent(k - 2, k - 1))) return null;
    const before = s.strOrNone(k - 2);
    const sy = before !== undefined && (s.isYearPreposition(k - 2) || before === 'the' || before === 'The') ? s.shortYearAt(k - 1) : null;
    return sy ? { expr: { start: sy.start, end: s.tE[k], kind: { type: 'y', y: sy.y } }, next: k + 1 } : null;
  }),
  // "post-1959 politics", "pre-2008 levels", "mid-2012": after, before or the middle of the year;
  // "end-2015", "early-2015" (financial copy's hyphenated edges, YEAR_EDGE_MOD): its end or start.
  rule('post-/pre-/mid-year', [digits(4)], 'Growth returned to pre-2008 levels last year.', (s, m) => {
    const k = m.t[0];
    if (!(s.isP(k - 1, HYPHEN_CODE) && s.adjacent(k - 1, k) && s.kind(k - 2) === W && s.adjacent(k - 2, k - 1) && !s.isP(k + 1, HYPHEN_CODE))) return null;
    const pre = s.str(k - 2);
    const y = s.num(k, 1000, 2199, 4);
    const mod = pre === 'post' || pre === 'Post' ? 'AFTER' : pre === 'pre' || pre === 'Pre' ? 'BEFORE' : pre === 'mid' || pre === 'Mid' ? 'MID' : YEAR_EDGE_MOD[pre];
    return !Number.isNaN(y) && mod ? { expr: { start: s.tS[k - 2], end: s.tE[k], kind: { type: 'y', y }, mod }, next: k + 1 } : null;
  }),
  // A number glued to a letter or currency before it is no date part (`G20`, `$47`, `F-35`).
  rule('not after a letter or currency', [NUMBER], 'The bank lent $47 million in loans.', (s, m) => (s.plainPrefix(m.t[0]) ? null : STOP)),
  rule('ISO date', [digits(4), glued(HYPHEN), glued(digits(2)), glued(HYPHEN), glued(digits(2))], 'The order took effect on 2025-07-29 nationwide.', (s, m) => {
    const [y, , mo, , d, next] = m.t;
    return { expr: { start: s.tS[y], end: s.tE[d], kind: { type: 'ymd', y: s.val(y), m: s.val(mo), d: s.val(d) } }, next };
  }),
  // "2012/8/10", "8/10/2012" (month first; `numeric` says whether the numbers allow the other order), "10.08.2012".
  rule('numeric date', [NUMBER, glued(punct('/.')), glued(NUMBER), glued(punct('/.')), glued(NUMBER)], 'The court ruled on 2012/8/10 in the case.', (s, m) => {
    const [k, p1, , p2, c] = m.t;
    const sep = s.first(p1);
    if (s.first(p2) !== sep) return null;
    if (s.kind(c + 1) === P && s.adjacent(c, c + 1) && (s.first(c + 1) === sep || s.first(c + 1) === COLON)) return null;
    return numericDate(s, k, sep);
  }),
  ...CLOCK_RULES,
];

/** Y/M/D, D.M.Y, A/B/Y from the five tokens at k (separator `sep`). */
function numericDate(s: DateScanner, k: number, sep: number): Parse | null {
  const a = s.val(k);
  const b = s.val(k + 2);
  const c = s.val(k + 4);
  const la = s.tE[k] - s.tS[k];
  const lc = s.tE[k + 4] - s.tS[k + 4];
  const span = { start: s.tS[k], end: s.tE[k + 4] };
  if (la === 4 && a >= 1000 && a <= 2199 && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
    return { expr: { ...span, kind: { type: 'ymd', y: a, m: b, d: c } }, next: k + 5 };
  }
  if (lc !== 4 && lc !== 2) return null;
  const y = lc === 4 ? c : s.twoDigitYear(c);
  if (sep === DOT) {
    if (a >= 1 && a <= 31 && b >= 1 && b <= 12) return { expr: { ...span, kind: { type: 'ymd', y, m: b, d: a } }, next: k + 5 };
    return null;
  }
  if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
    const numeric = b > 12 ? 'mdy' : a !== b ? 'either' : undefined;
    return { expr: { ...span, kind: { type: 'ymd', y, m: a, d: b, numeric } }, next: k + 5 };
  }
  if (a >= 13 && a <= 31 && b >= 1 && b <= 12) return { expr: { ...span, kind: { type: 'ymd', y, m: b, d: a, numeric: 'dmy' } }, next: k + 5 };
  return null;
}

const DAY_RULES: Rule[] = [
  rule('day month', [DAY, sub('dayTail')], 'The talks opened on 29 July 2025 in Geneva.', (s, m) => withDay(m.v[1]!, s, m.t[0], s.dayAt(m.t[0]))),
  // "the 4th of July last year": the year word after it as after "July 4".
  rule('the 12th of month', [ORDDAY, word('of'), sub('dayTail')], 'The vote falls on the 12th of March this year.', (s, m) => s.withYearWord(withDay(m.v[2]!, s, m.t[0], s.dayAt(m.t[0])))),
  // "10 - 22 August 2012", "10 to 22 August": the first day takes the second's month and year.
  rule('day - day month', [DAY, alt(punct('-\u2013'), word('to', 'and')), DAY, sub('dayTail')], 'The fair ran from 10 - 22 August 2012 in the park.', (s, m) => {
    const [k, , j] = m.t;
    if (s.kind(k) !== N) return null; // digits only: "10th - 22nd August" is not read
    const d = s.dayAt(k);
    const d2 = s.dayAt(j);
    if (!(d2 > d)) return null;
    const second = withDay(m.v[3]!, s, j, d2);
    const sk = second.expr.kind as Extract<ExprKind, { type: 'ymd' | 'md' }>;
    const first = { start: s.tS[k], end: s.tE[k], kind: sk.type === 'ymd' ? { type: 'ymd' as const, y: sk.y, m: sk.m, d } : { type: 'md' as const, m: sk.m, d }, pair: second.expr };
    return { expr: first, next: second.next };
  }),
];

// ---------------------------------------------------------------------------------------------
// Dates counted from an event named in words: "ten days before the murder", "the day after his
// death", "in the weeks before the shooting" (the resolver finds the date the text gave the event).

/** What may open the event's noun phrase. */
const EVENT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'our', 'my', 'your']);
/** Words that may follow the event noun when it heads its phrase (else it modifies another noun: "the election campaign"). */
const EVENT_FOLLOWERS: ReadonlySet<string> = new Set(['of', 'in', 'on', 'at', 'by', 'and', 'or', 'but', 'that', 'which', 'who', 'when', 'where', 'while', 'was', 'were', 'is', 'are',
  'had', 'has', 'have', 'with', 'to', 'for', 'from', 'near', 'outside', 'inside', 'against', 'as', 'than', 'into', 'he', 'she', 'they', 'it', 'we', 'there', 'police', 'officials', 'authorities']);
/** The verbs of `EVENT_MARKS` (not the adjectives and nouns there: "dead", "missing", "polls"). */
const EVENT_VERBS: ReadonlySet<string> = new Set(Object.values(EVENT_MARKS).flat().filter((w) => w !== 'dead' && w !== 'missing' && w !== 'polls' && w !== 'votes'));
/** Words before a quantity that make it a span ("lasted 13 days before the truce"), not a date. */
const SPAN_VERBS: ReadonlySet<string> = new Set(['lasted', 'last', 'lasts', 'lasting', 'took', 'take', 'takes', 'taking', 'spent', 'spend', 'spends', 'spending',
  'waited', 'wait', 'waits', 'waiting', 'stayed', 'remained', 'served', 'for', 'over', 'during', 'within', 'after', 'before']);

/** The event's date written right after it ("the vote on 3 May", "the attack Tuesday"), at token i. */
function dateAfterEvent(s: DateScanner, i: number): boolean {
  const w = s.kind(i + 1) === W ? s.str(i + 1) : '';
  const at = w === 'on' || w === 'of' || w === 'in' ? i + 2 : i + 1;
  const date = s.kind(at) === W || s.kind(at) === N || s.kind(at) === X ? s.tryAt(at) : null;
  return !!date && date.expr.start === s.tS[at];
}

/**
 * The event at token j: a noun phrase ("the murder", "his death", "Slepian's killing", "the deadly
 * embassy bombing": a determiner or a name's possessive, at most three modifiers, a noun of
 * `EVENT_NOUNS` heading the phrase), or a short clause with a verb of `EVENT_MARKS` ("Slepian was
 * killed", "a sniper killed…", "the plane crashed"). `word` is the noun or verb (its family is the
 * event's), `phrase` the words up to it. Null when there is none, or when the event's own date
 * follows ("the vote on 3 May", "the attack Tuesday"): that date is read as it was.
 */
function eventAt(s: DateScanner, j: number): { word: string; phrase: string } | null {
  let i = j;
  const d = s.strOrNone(i);
  if (d === undefined || s.kind(i) !== W) return null;
  const found = (k: number, word: string): { word: string; phrase: string } | null => (dateAfterEvent(s, k) ? null : { word, phrase: s.src.slice(s.tS[j], s.tE[k]) });
  let np = true;
  if (EVENT_DETERMINERS.has(d.toLowerCase())) i++;
  else if (s.first(i) >= 65 && s.first(i) <= 90 && s.isApostrophe(i + 1) && s.strOrNone(i + 2) === 's' && s.tE[i] === s.tS[i + 1]) i += 3;
  else np = false;
  if (np) {
    for (let n = 0; n < 4 && s.kind(i) === W; n++, i++) {
      const w = s.str(i).toLowerCase();
      if (EVENT_NOUNS[w] === undefined) continue;
      const next = s.kind(i + 1);
      if (next === W && !EVENT_FOLLOWERS.has(s.str(i + 1).toLowerCase()) && !(s.first(i + 1) >= 65 && s.first(i + 1) <= 90)) continue;
      return found(i, w);
    }
  }
  // A clause: a subject of one to three words, then a verb of the event ("was killed", "crashed").
  for (i = j + 1; i <= j + 4 && s.kind(i) === W; i++) {
    const w = s.str(i).toLowerCase();
    if (EVENT_VERBS.has(w)) return found(i, w);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Quantities of units: durations and offsets ("five years", "two years ago", "a week later",
// "5 days from now", "2 weeks after yesterday", "in two weeks").

const QUANTITY_WORDS = Object.keys(LEXICON).filter((w) => LEXICON[w].n !== undefined);
/** A quantity of units: "five years", "13 days", "a couple of days", "16-hour", "5 1/2 hours" (`durationAt` reads it). */
const QUANTITY_EL = reader('QUANTITY', (e) => [...e.numbers(1, 3), ...QUANTITY_WORDS.map((w) => e.classOf(w))], (s, k) => s.durationAt(k)?.next ?? -1, true);

/**
 * Business days ("eight trading days", "ten business days", "five working days"): a count of days
 * that calendar arithmetic cannot place (weekends and holidays fall out), so it stays a span: no
 * offset ("… after Oct. 12", "… ago", "… later") and no end date ("within ten business days").
 */
const BUSINESS_WORDS: ReadonlySet<string> = new Set(['trading', 'business', 'working']);
function businessDays(s: DateScanner, d: { next: number }): boolean {
  return BUSINESS_WORDS.has(s.strOrNone(d.next - 2) ?? '');
}

/**
 * A whole count at k that opens a range of durations ("two" in "two to three weeks", "12" in "12
 * to 18 months"): digits (up to three, no money or fraction glued before them) or a number in words
 * (not "a"), with the token after it; null otherwise.
 */
function rangeCount(s: DateScanner, k: number): { n: number; next: number } | null {
  if (s.kind(k) === N) {
    // The link first: most numbers are followed by no "to"/"or"/"and", and this is tried at each.
    if (!rangeLink(s, k + 1) || s.tE[k] - s.tS[k] > 3 || !s.plainPrefix(k) || (s.kind(k - 1) === P && s.tE[k - 1] === s.tS[k])) return null;
    return { n: s.val(k), next: k + 1 };
  }
  const r = s.wordNumberAt(k, 1, 99);
  return r && rangeLink(s, r.next) ? r : null;
}
/** Numbers in words that can open a range ("two to three weeks"); not "a", "an", "couple", "several" (no count of their own). */
const COUNT_WORDS = QUANTITY_WORDS.filter((w) => Number.isInteger(LEXICON[w].n) && w !== 'a' && w !== 'an' && w !== 'couple');
// Not frozen (nothing writes it): `isOneOf` reads it by index, which for a frozen array is the generic keyed load.
const RANGE_LINKS: readonly string[] = ['to', 'or', 'and'];
function rangeLink(s: DateScanner, k: number): boolean {
  return s.kind(k) === W && s.isOneOf(k, RANGE_LINKS);
}
const RANGE_COUNT = reader('RANGE_COUNT', (e) => [...e.numbers(1, 3), ...COUNT_WORDS.map((w) => e.classOf(w))], (s, k) => rangeCount(s, k)?.next ?? -1);

/** The quantity the rule matched at token k. */
function quantity(s: DateScanner, k: number): { n: number; unit: Unit; next: number; half?: boolean } {
  return s.durationAt(k)!;
}

/** Modals before "one day" meaning "some day" ("will one day be"). */
const SOMEDAY_MODALS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'shall', 'should', 'must']);
/** Words after "one day" that make it a span or a date counted from another ("one day of talks", "one day later"). */
const NOT_SOMEDAY_AFTER = new Set(['of', 'in', 'after', 'before', 'later', 'earlier', 'and', 'or', 'to', 'for', 'at', 'on', 'from', 'a', 'per', 'ago', 'than']);

/**
 * Whether token k is a count: digits (not money: "$1.76 a year" is left as it was, the gold splits
 * on amounts of money) or a number word.
 */
function countAt(s: DateScanner, k: number): boolean {
  if (s.kind(k) === N) return !(s.kind(k - 1) === P && /[$£€¥]/.test(s.str(k - 1))) && !(s.kind(k - 2) === P && /[$£€¥]/.test(s.str(k - 2)));
  const n = s.lex(k)?.n;
  return n !== undefined && !Number.isNaN(n) && n > 1;
}
/** Words after "a year" that make it an offset ("a year ago", "a year earlier"), not a rate. */
const OFFSET_AFTER = new Set(['ago', 'earlier', 'later', 'before', 'after', 'ahead', 'from', 'since']);

const QUANTITY_RULES: Rule[] = [
  // (First, so that the rules below that start with a quantity stay in a row and read it once.)
  // "two to three weeks", "three or four days", "between five and ten years": two durations, the
  // first count taking the unit written after the second (as the TimeML guidelines split them).
  rule('count to quantity', [RANGE_COUNT, word('to', 'or', 'and'), QUANTITY_EL], 'Repairs will take two to three weeks, the port said.', (s, m) => {
    const [k, link, j] = m.t;
    if (s.str(link) === 'and' && s.lw(k - 1) !== 'between') return null;
    const n = rangeCount(s, k)!.n;
    const d = quantity(s, j);
    if (Number.isNaN(d.n) || d.half || d.n <= n || !s.lex(d.next - 1)?.plural) return null;
    // "one or two days later", "five to seven years ago": an offset, left to the quantity after it.
    if (OFFSET_AFTER.has(s.strOrNone(d.next) ?? '')) return null;
    return { expr: { start: s.tS[k], end: s.tE[link - 1], kind: { type: 'dur', n, unit: d.unit } }, next: j };
  }),
  // "will one day be the largest": some day ahead, FUTURE_REF (not the span P1D).
  rule('one day (some day)', [word('one'), word('day')], 'The minister said the country will one day join the union.', (s, m) => {
    const [k, d] = m.t;
    const next = s.kind(d + 1) === W ? s.str(d + 1) : '';
    if (!SOMEDAY_MODALS.has(s.strOrNone(k - 1) ?? '') || !/^[a-z]/.test(next) || NOT_SOMEDAY_AFTER.has(next)) return null;
    return { expr: { start: s.tS[k], end: s.tE[d], kind: { type: 'ref', v: 'FUTURE_REF' } }, next: d + 1 };
  }),
  // "twice a week": a frequency (SET P1W, freq 2X, the count in the span as TimeML marks it: "three
  // times a day" is P1D 3X); "24 hours a day": the rate's denominator, no date.
  rule('once/twice a unit', [lw('a', 'an'), lex('UNIT_ANY', (w) => w.unit !== undefined)], 'The council meets twice a week in the hall.', (s, m) => {
    const [k, u] = m.t;
    const w = LEXICON[s.lw(u)];
    const before = s.strOrNone(k - 1) ?? '';
    if (!w.plural && /^(?:[Oo]nce|[Tt]wice|[Tt]hrice|times)$/.test(before)) {
      let start = s.tS[k];
      let freq: string | undefined;
      if (before !== 'times') {
        start = s.tS[k - 1];
        freq = /^[Oo]/.test(before) ? '1X' : /^[Tt]w/.test(before) ? '2X' : '3X';
      } else {
        // "three times a day", "10 times a year": the count before "times" (digits or a number word).
        const n = s.kind(k - 2) === N ? s.num(k - 2, 2, 999) : s.lex(k - 2)?.n;
        if (n !== undefined && n >= 2 && Number.isInteger(n)) {
          start = s.tS[k - 2];
          freq = `${n}X`;
        }
      }
      return { expr: { start, end: s.tE[u], kind: { type: 'set', v: durationValue(1, w.unit!), freq } }, next: u + 1 };
    }
    // A rate after a count ("358,000 a month", "700 seats a week", "four flights a week"): no date.
    if (!w.plural && (countAt(s, k - 1) || (s.kind(k - 1) === W && countAt(s, k - 2))) && !OFFSET_AFTER.has(s.strOrNone(u + 1) ?? '')) return STOP;
    return s.lex(k - 1)?.unit ? STOP : null;
  }),
  // A rate ("24 hours a day", "ten hours per week") is neither a span nor a date.
  rule('rate', [QUANTITY_EL, alt(lw('a', 'an'), word('per')), UNIT_ONE], 'Crews worked 24 hours a day at the site.', () => STOP),
  rule('quantity ago', [QUANTITY_EL, lw('ago')], 'The talks collapsed two years ago in Oslo.', (s, m) => {
    const [k, a] = m.t;
    const d = quantity(s, k);
    if (businessDays(s, d)) return null;
    // "several years ago", "a few weeks ago": some time back, PAST_REF (the span with "ago").
    if (Number.isNaN(d.n)) return { expr: { start: s.tS[k], end: s.tE[a], kind: { type: 'ref', v: 'PAST_REF' } }, next: a + 1 };
    // "25 years ago this month", "a year ago today": counted back from this month (day, week), so
    // as precise as it.
    const unit = s.lw(a + 1) === 'today' ? 'day' : s.lw(a + 1) !== 'this' ? '' : s.lw(a + 2) === 'month' ? 'month' : s.lw(a + 2) === 'week' ? 'week' : '';
    if (unit && (unit === 'day' ? d.unit === 'Y' || d.unit === 'M' || d.unit === 'W' : unit === 'month' ? d.unit === 'Y' || d.unit === 'M' : d.unit === 'Y')) {
      const end = unit === 'day' ? a + 1 : a + 2;
      return { expr: { start: s.tS[k], end: s.tE[end], kind: { type: 'off', n: -d.n, unit: d.unit, from: 'base', base: { type: 'rel', unit, offset: 0 } } }, next: end + 1 };
    }
    return { expr: { start: s.tS[k], end: s.tE[a], kind: { type: 'off', n: -d.n, unit: d.unit, from: 'dct' } }, next: a + 1 };
  }),
  rule('quantity later/earlier', [QUANTITY_EL, lw('later', 'earlier')], 'The rebels returned on 3 May 2020. Two days later they left.', (s, m) => {
    const [k, a] = m.t;
    const d = quantity(s, k);
    if (Number.isNaN(d.n) || d.half || businessDays(s, d)) return null; // "a minute and a half later": the span
    return { expr: { start: s.tS[k], end: s.tE[a], kind: { type: 'off', n: s.lw(a) === 'later' ? d.n : -d.n, unit: d.unit, from: 'prev' } }, next: a + 1 };
  }),
  // British: "a week on Friday", "a fortnight on Monday" (that many weeks after the coming
  // weekday), "a week last Friday" (before the last one), "a week today", "a fortnight tomorrow".
  // Not after a verb of span or "for" ("stayed a week on Friday's orders" has no date).
  rule('weeks on a weekday', [QUANTITY_EL, alt(seq(word('on', 'last'), WEEKDAY), lw('today', 'tomorrow'))], 'The vote is a week on Friday, the Speaker said.', (s, m) => {
    const [k, w] = m.t;
    const d = quantity(s, k);
    const before = (s.strOrNone(k - 1) ?? '').toLowerCase();
    if (d.unit !== 'W' || Number.isNaN(d.n) || d.half || SPAN_VERBS.has(before)) return null;
    const day = s.kind(w) === W && (s.lw(w) === 'today' || s.lw(w) === 'tomorrow');
    const end = day ? w : w + 1;
    const after = s.strOrNone(end + 1);
    if (after === "'" || after === '\u2019') return null; // "Friday's"
    const last = s.str(w) === 'last';
    const base: ExprKind = day ? { type: 'rel', unit: 'day', offset: s.lw(w) === 'today' ? 0 : 1 } : { type: 'weekday', w: s.weekdayOf(w + 1), rel: last ? 'last' : 'next' };
    return { expr: { start: s.tS[k], end: s.tE[end], kind: { type: 'off', n: last ? -d.n : d.n, unit: 'W', from: 'base', base } }, next: end + 1 };
  }),
  // "5 days from now"; "three years from today" counts from the day, so keeps it (as "2 years after 3 May").
  rule('quantity from now', [QUANTITY_EL, lw('from'), lw('now', 'today')], 'The law takes effect 5 days from now in all states.', (s, m) => {
    const [k, , now] = m.t;
    const d = quantity(s, k);
    if (Number.isNaN(d.n)) return null;
    const today = s.lw(now) === 'today';
    return { expr: { start: s.tS[k], end: s.tE[now], kind: today ? { type: 'off', n: d.n, unit: d.unit, from: 'base', base: { type: 'rel', unit: 'day', offset: 0 } } : { type: 'off', n: d.n, unit: d.unit, from: 'dct' } }, next: now + 1 };
  }),
  // "three weeks from Sunday" counts from the day as "after" does; "for two weeks from March 3" is
  // a span that starts then (the span and the day are read apart).
  rule('quantity after/before a day', [QUANTITY_EL, lw('after', 'before', 'from'), DATE], 'The vote comes 2 weeks after yesterday, officials said.', (s, m) => {
    const [k, a, b] = m.t;
    const d = quantity(s, k);
    const base = m.v[2]!;
    if (Number.isNaN(d.n) || base.expr.start !== s.tS[b] || !isDay(base.expr.kind) || businessDays(s, d)) return null;
    const before = (s.strOrNone(k - 1) ?? '').toLowerCase();
    if (s.lw(a) === 'from' && (d.half || SPAN_VERBS.has(before) || before === 'of')) return null;
    return { expr: { start: s.tS[k], end: base.expr.end, kind: { type: 'off', n: s.lw(a) === 'before' ? -d.n : d.n, unit: d.unit, from: 'base', base: base.expr.kind } }, next: base.next };
  }),
  rule('quantity before/after an event', [QUANTITY_EL, lw('after', 'before', 'following')], 'Slepian was shot on Oct. 23. A jogger saw the car ten days before the murder.', (s, m) => {
    const [k, a] = m.t;
    const d = quantity(s, k);
    if (d.half || businessDays(s, d) || SPAN_VERBS.has((s.strOrNone(k - 1) ?? '').toLowerCase())) return null;
    const ev = eventAt(s, a + 1);
    if (!ev) return null;
    return { expr: { start: s.tS[k], end: s.tE[a - 1], kind: { type: 'event', n: d.n, dir: s.lw(a) === 'before' ? -1 : 1, unit: d.unit, event: ev.word, phrase: ev.phrase } }, next: a };
  }),
  rule('quantity', [QUANTITY_EL], 'The siege lasted 13 days before the truce.', (s, m) => {
    const k = m.t[0];
    const d = quantity(s, k);
    const j = d.next;
    const start = s.tS[k];
    const end = s.tE[j - 1];
    // "in two weeks" is a date ahead (a span, when its clause is past: the resolver decides);
    // "the first time in five years", "the highest in a decade": a span up to now, not a date ahead.
    const p = s.strOrNone(k - 1);
    // An age ("Howes, 37 years old"), like "a 37-year-old": no span of time.
    if (d.unit === 'Y' && s.strOrNone(j) === 'old') return STOP;
    // "a week or so ago", "a month or so": the quantity with mod APPROX, "or so" in the span ("in a
    // week or so" stays the date ahead below, without it). Read here, not by rules of their own,
    // which every number would try.
    if (s.strOrNone(j) === 'or' && s.strOrNone(j + 1) === 'so' && !d.half && !/^(?:in|In|within)$/.test(p ?? '')) {
      if (s.lw(j + 2) === 'ago') {
        const kind: ExprKind = Number.isNaN(d.n) ? { type: 'ref', v: 'PAST_REF' } : { type: 'off', n: -d.n, unit: d.unit, from: 'dct' };
        return { expr: { start, end: s.tE[j + 2], kind, mod: 'APPROX' }, next: j + 3 };
      }
      return { expr: { start, end: s.tE[j + 1], kind: { type: 'dur', n: d.n, unit: d.unit }, mod: 'APPROX' }, next: j + 2 };
    }
    // "the first in two years", "the largest protest in a decade" too.
    const sinceSpan = spanWord(s.strOrNone(k - 2) ?? '') || spanWord(s.strOrNone(k - 3) ?? '');
    if ((p === 'in' || p === 'In') && !sinceSpan && !Number.isNaN(d.n) && d.unit !== 'H' && d.unit !== 'MIN' && d.unit !== 'S' && !businessDays(s, d)) {
      // "in a week": the date a week ahead, or the span it took in a past clause; the resolver
      // decides, and with it whether "in" is part of the span (`inAt`).
      return { expr: { start, end, kind: { type: 'off', n: d.n, unit: d.unit, from: 'dct', inAt: s.tS[k - 1] } }, next: j };
    }
    return { expr: { start, end, kind: { type: 'dur', n: d.n, unit: d.unit, half: d.half } }, next: j };
  }),
];

const YEAR_RULES: Rule[] = [
  ...QUANTITY_RULES,
  rule('era year', [ERA_YEAR], 'The temple was built around 500 BCE by settlers.', (s, m) => {
    const k = m.t[0];
    const era = s.eraYearAt(k)!;
    return { expr: { start: s.tS[k], end: s.tE[k + 1], kind: { type: 'y', y: era.y, bc: era.bc || undefined } }, next: k + 2 };
  }),
  // "300 B.C.", "1300 B.C.E.", "70 A.D.": the era in dotted capitals, as AP style writes it (was
  // no date, or "1300" read as a year of the Common Era).
  rule('era year dotted', [NUMBER, word('B', 'A'), glued(punct('.')), glued(word('C', 'D'))], 'The palace was built in 1300 B.C. by the kings of the city.', (s, m) => {
    const [k, e, , c] = m.t;
    const bc = s.first(e) === 66; // B
    const y = s.num(k, 1, 9999);
    if (Number.isNaN(y) || bc !== (s.first(c) === 67) || !s.plainPrefix(k)) return null; // "B.C." or "A.D."
    let end = c;
    if (s.isP(c + 1, DOT) && s.adjacent(c, c + 1)) end = c + 1;
    if (bc && s.strOrNone(end + 1) === 'E' && s.adjacent(end, end + 1)) end = s.isP(end + 2, DOT) && s.adjacent(end + 1, end + 2) ? end + 2 : end + 1;
    return { expr: { start: s.tS[k], end: s.tE[end], kind: { type: 'y', y, bc: bc || undefined } }, next: end + 1 };
  }),
  rule('year month day', [YEAR, MONTH, DOT_AFTER, DAY], 'The Deadline is 2018 March 18 for all bids.', (s, m) => {
    const [k, mo, , d, next] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[d], kind: { type: 'ymd', y: s.yearAt(k), m: s.monthOf(mo), d: s.dayAt(d) } }, next };
  }),
  rule('year-year', [YEAR, glued(punct('-\u2013\u2014')), glued(ANY)], 'The plan covers 2009-2013 in full.', (s, m) => {
    const [k, , j] = m.t;
    const y = s.yearAt(k);
    // "2025-H2", "2024-Q3": the ISO-like spelling of a half or a quarter.
    const c = s.first(j);
    const n = s.src.charCodeAt(s.tS[j] + 1) - 48;
    if (s.tE[j] - s.tS[j] === 2 && ((c === 72 /* H */ && (n === 1 || n === 2)) || (c === 81 /* Q */ && n >= 1 && n <= 4))) {
      const kind: ExprKind = c === 72 ? { type: 'part', of: 'H', n, y, offset: 0, bare: false } : { type: 'quarter', y, q: n };
      return { expr: { start: s.tS[k], end: s.tE[j], kind }, next: j + 1 };
    }
    const b = s.num(j, 1000, 2199, 4);
    if (!Number.isNaN(b)) return b > y && b - y <= 100 ? { expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'range', from: y, to: b } }, next: j + 1 } : STOP;
    // "1980-88", "the 2012-13 season", "1999-00": the end year's last two digits (not "2012-03-14").
    const b2 = s.num(j, 0, 99, 2);
    if (Number.isNaN(b2) || (s.kind(j + 1) === P && s.adjacent(j, j + 1) && s.first(j + 1) !== COMMA_CODE && s.first(j + 1) !== DOT)) return STOP;
    const to = y - (y % 100) + b2 + (b2 <= y % 100 ? 100 : 0);
    return to - y <= 30 ? { expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'range', from: y, to } }, next: j + 1 } : STOP;
  }),
  // "2013's first quarter", "2012's second half": business copy's possessive year.
  rule("year's ordinal quarter", [YEAR, glued(punct("'\u2019")), glued(word('s')), lex('ORDINAL_PART', (w) => w.ord !== undefined && w.ord <= 4), lw('quarter', 'half')], "Sales rose in 2013's first quarter at the chain.", (s, m) => {
    const [y, , , k, u] = m.t;
    const part = ordinalPart(s, k, u);
    if (!part) return null;
    return { expr: { start: s.tS[y], end: s.tE[u], kind: part === 'Q' ? { type: 'quarter', y: s.yearAt(y), q: ordinalAt(s, k) } : { type: 'part', of: 'H', n: ordinalAt(s, k), y: s.yearAt(y), offset: 0, bare: false } }, next: u + 1 };
  }),
  // "the 1988 second quarter", "the 1988 quarter", "the 1989 period": a quarter of that year (with
  // no number, the one the text reports on).
  rule('the year quarter', [YEAR, opt(lex('ORDINAL_PART', (w) => w.ord !== undefined && w.ord <= 4)), lw('quarter', 'half', 'period')], 'Profit fell from the 2012 fourth quarter, the bank said.', (s, m) => {
    const [y, o, u] = m.t;
    // "the 2010 quarter-final", "the 2012 period of unrest" are no quarters.
    if (s.lw(y - 1) !== 'the' || !endsBackRef(s, u) || gameOf(s, u + 1)) return null;
    const start = s.tS[y - 1];
    if (o >= 0) {
      const part = ordinalPart(s, o, u);
      if (!part) return null;
      return { expr: { start, end: s.tE[u], kind: part === 'Q' ? { type: 'quarter', y: s.yearAt(y), q: ordinalAt(s, o) } : { type: 'part', of: 'H', n: ordinalAt(s, o), y: s.yearAt(y), offset: 0, bare: false } }, next: u + 1 };
    }
    const what = s.lw(u);
    if (what === 'half') return null;
    return { expr: { start, end: s.tE[u], kind: { type: 'back', what: what as 'quarter' | 'period', y: s.yearAt(y) } }, next: u + 1 };
  }),
  rule('year', [YEAR], 'The law was passed in 2013 by parliament.', (s, m) => {
    const k = m.t[0];
    return s.isYearContext(k) || yearAfterWord(s, k) || yearOpensSentence(s, k) ? { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'y', y: s.yearAt(k) } }, next: k + 1 } : STOP;
  }),
  // "in nineteen ninety-one", "a nineteen ninety-seven attack": a year spoken in words. "nineteen"
  // + a number of 10 to 99 is no count; "twenty" + one ("twenty twelve") only after a preposition
  // that takes a year ("in twenty twelve"), since "twenty thirty-year bonds" counts.
  rule('spoken year', [lw('nineteen', 'twenty')], 'The dam was finished in nineteen ninety-seven, the radio said.', (s, m) => {
    const k = m.t[0];
    const r = s.spokenYearAt(k);
    if (!r || (s.lw(k) === 'twenty' && !s.isYearPreposition(k - 1))) return null;
    return { expr: { start: s.tS[k], end: s.tE[r.next - 1], kind: { type: 'y', y: r.y } }, next: r.next };
  }),
];

/** Words after which a number of four digits is a year unless a noun follows it. */
const YEAR_AFTER = new Set(['for', 'For', 'with', 'over', 'against', 'than', 'year', 'Year', 'versus', 'vs', 'due', 'both']);
/** Lower-case words that may follow such a year ("for 2013 and 2014", "for 2012 alone"). */
const AFTER_YEAR = new Set(['and', 'or', 'to', 'alone', 'onward', 'onwards']);

/**
 * "set for 2014", "compared with 2011", "the year 2000", "forecasts for 2013 and 2014": a year
 * after a word that takes one, when no noun follows ("troops for 2000 families" is a count).
 */
function yearAfterWord(s: DateScanner, k: number): boolean {
  if (s.kind(k - 1) !== W || !YEAR_AFTER.has(s.str(k - 1))) return false;
  if (s.lw(k - 1) === 'year') return true;
  if (s.kind(k + 1) !== W) return s.kind(k + 1) !== N;
  const c = s.first(k + 1);
  return (c >= 65 && c <= 90) || AFTER_YEAR.has(s.str(k + 1));
}

/** Verbs after which a year opening a sentence is its subject ("2012 was the worst year"). */
const YEAR_SUBJECT_VERBS = new Set(['was', 'is', 'will', 'has', 'had', 'saw', 'marked', 'brought', 'began', 'ended', 'proved', 'became']);

/** A year opening a sentence as its subject: "2012 was the worst year for exporters." */
function yearOpensSentence(s: DateScanner, k: number): boolean {
  if (s.kind(k + 1) !== W || !YEAR_SUBJECT_VERBS.has(s.str(k + 1))) return false;
  if (k === 0 || s.kind(k - 1) === 0) return s.tS[k] === 0 || /[.!?\n]\s*$/.test(s.src.slice(Math.max(0, s.tS[k] - 3), s.tS[k]));
  const c = s.first(k - 1);
  return s.kind(k - 1) === P && (c === DOT || c === 33 || c === 63 || c === 34 || c === 96);
}

// ---------------------------------------------------------------------------------------------
// Forms starting with a lexicon word.

const MOD = lex('MOD', (w, x) => w.mod !== undefined && x !== 'end' && x !== 'start' && x !== 'beginning' && x !== 'middle');

// ---------------------------------------------------------------------------------------------
// Seasons and relative words: "the winter of 2010", "last summer", "next week", "that day",
// "the following morning", "the past four years", "this fiscal year".

const SEASON_RULES: Rule[] = [
  rule('season of year', [SEASON, opt(word('of')), YEAR], 'Fighting eased in the winter of 2010 near the pass.', (s, m) => {
    const [k, , y] = m.t;
    // "the Arab Spring of 2011", "the Prague Spring of 1968": a capitalized season after a capitalized word is a name.
    if (s.first(k) <= 90 && s.kind(k - 1) === W && s.first(k - 1) >= 65 && s.first(k - 1) <= 90 && !s.opensSentence(k - 1) && s.lw(k - 1) !== 'the') return STOP;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'season', s: LEXICON[s.lw(k)].season!, y: s.yearAt(y) } }, next: y + 1 };
  }),
  rule('season of short year', [SEASON, word('of'), SHORT_YEAR], "Troops came home in the summer of '45 after the surrender.", (s, m) => {
    const [k, , y, next] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[next - 1], kind: { type: 'season', s: LEXICON[s.lw(k)].season!, y: s.shortYearAt(y)!.y } }, next };
  }),
  rule('season of spoken year', [SEASON, opt(word('of')), SPOKEN_YEAR], 'Prices fell in the winter of nineteen ninety-four, the anchor said.', (s, m) => {
    const [k, , y, next] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[next - 1], kind: { type: 'season', s: LEXICON[s.lw(k)].season!, y: s.spokenYearAt(y)!.y } }, next };
  }),
  // A bare season needs "in (the)", "early/late" or "the" before it ("this/last/next" are the relative rules).
  rule('season', [SEASON], 'Exports rose in spring after the drought.', (s, m) => {
    const k = m.t[0];
    const p = s.lw(k - 1) || s.strOrNone(k - 1);
    const pp = s.strOrNone(k - 2);
    const bare = (p === 'the' && SEASON_THE_AFTER.has(pp ?? ''))
      || p === 'in' || p === 'In' || p === 'early' || p === 'late' || p === 'mid' || p === 'during';
    return bare ? { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'season', s: LEXICON[s.lw(k)].season! } }, next: k + 1 } : STOP;
  }),
];

/** Words before "the" + season that make it a time ("in the spring", "over the summer", "well into the winter"). */
const SEASON_THE_AFTER = new Set(['in', 'In', 'during', 'During', 'by', 'By', 'until', 'Until', 'over', 'Over', 'this', 'into', 'through', 'throughout', 'Throughout', 'since', 'Since']);

const REL = lex('REL', (w) => w.rel !== undefined);
const UNIT_DAY_UP = lex('UNIT_DAY_UP', (w) => !w.plural && (w.unit === 'D' || w.unit === 'W' || w.unit === 'M' || w.unit === 'Y' || w.unit === 'DE' || w.unit === 'CE'));
const REL_SPAN = lw('past', 'last', 'next', 'coming', 'previous', 'following');
const REL_DAY_PART = lw('this', 'that', 'last', 'same', 'next', 'following');
const REL_SEASON = lw('last', 'past', 'next', 'upcoming', 'this', 'that');
const THIS_NEXT_LAST = lw('this', 'next', 'last');
const ANY_PART = lex('PART_ANY', (w) => w.part !== undefined);

/** "that same day": the start of "that" before "same". */
function relStart(s: DateScanner, k: number): number {
  return s.lw(k) === 'same' && s.lw(k - 1) === 'that' ? s.tS[k - 1] : s.tS[k];
}

function relOf(s: DateScanner, k: number): -1 | 0 | 1 {
  return LEXICON[s.lw(k)].rel!;
}

/**
 * The relative rules, written once for a relative word alone ("last week": `the` false) and after
 * "the" ("the last week", "the next day": `the` true; the rule before sets the start). They differ
 * in what is anaphoric ("the next day" is the day after the previous date; "next week" is after
 * the publication date) and in "the last week" (a span).
 */
function relRules(the: boolean): Rule[] {
  const after = the ? ' (after the)' : '';
  const anaphoric = (x: string): boolean => x === 'following' || x === 'previous' || x === 'same' || x === 'that' || (the && x === 'next');
  return [
    // ("the this century" is no English: the rule is only for the word alone.)
    ...(the ? [] : [rule('this century', [lw('this'), lw('century')], 'Nothing like it has been seen this century in Europe.', (s, m) => {
      const [k, c] = m.t;
      return { expr: { start: s.tS[k], end: s.tE[c], kind: { type: 'relc', offset: 0 } }, next: c + 1 };
    }),
    // "this decade", "last decade", "next decade": the publication date's decade, or one beside it ("the last decade" is a span).
    rule('this decade', [THIS_NEXT_LAST, lw('decade')], 'Growth has been slow this decade in the region.', (s, m) => {
      const [k, c] = m.t;
      return { expr: { start: s.tS[k], end: s.tE[c], kind: { type: 'relc', offset: relOf(s, k), decade: true } }, next: c + 1 };
    })]),
    rule(`relative unit${after}`, [REL, UNIT_DAY_UP], the ? 'The ministers met again the next day in Vienna.' : 'Exports fell last week at the port.', (s, m) => {
      const [k, j] = m.t;
      const x = s.lw(k);
      const u = LEXICON[s.lw(j)].unit!;
      const start = relStart(s, k);
      if (x === 'past' || x === 'coming' || x === 'upcoming' || (the && x === 'last' && u !== 'D')) {
        return { expr: { start, end: s.tE[j], kind: { type: 'dur', n: LEXICON[s.lw(j)].per ?? 1, unit: u } }, next: j + 1 };
      }
      if (u === 'DE' || u === 'CE') return STOP; // "this century" above
      // A title in quotes: ABC's "This Week", "This Week With David Brinkley" (a show, no date).
      if (!the && s.str(k) === 'This' && s.first(j) <= 90 && /["“]/.test(s.strOrNone(k - 1) ?? '') && s.kind(j + 1) !== 0 && !/^[a-z]/.test(s.str(j + 1))) return STOP;
      const unit = u === 'D' ? 'day' : u === 'W' ? 'week' : u === 'M' ? 'month' : 'year';
      if (anaphoric(x)) return { expr: { start, end: s.tE[j], kind: { type: 'ana', unit, offset: relOf(s, k) }, time: undefined }, next: j + 1 };
      if (unit === 'day') return STOP; // "this day", "last day"
      return { expr: { start, end: s.tE[j], kind: { type: 'rel', unit, offset: relOf(s, k) } }, next: j + 1 };
    }),
    // "the coming years", "the past decades": an unspecified duration ("the past four years" is read by the number).
    rule(`relative units${after}`, [REL_SPAN, UNITS], the ? 'Prices have doubled over the past decades in the city.' : 'Prices will rise in coming years, the bank said.', (s, m) => {
      const [k, j] = m.t;
      return { expr: { start: relStart(s, k), end: s.tE[j], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(j)].unit! } }, next: j + 1 };
    }),
    rule(`relative quantity${after}`, [REL_SPAN, QUANTITY_EL], the ? 'The economy grew over the past four years in the region.' : 'Growth will slow over next five years, the bank said.', (s, m) => {
      const [k, j] = m.t;
      const d = quantity(s, j);
      return s.lex(d.next - 1)?.plural ? { expr: { start: relStart(s, k), end: s.tE[d.next - 1], kind: { type: 'dur', n: d.n, unit: d.unit } }, next: d.next } : null;
    }),
    rule(`relative part of day${after}`, [REL_DAY_PART, ANY_PART], the ? 'They met on 3 May 2020 and again the following morning.' : 'Shelling resumed last night near the port.', (s, m) => {
      const [k, j] = m.t;
      const x = s.lw(k);
      const part = LEXICON[s.lw(j)].part!;
      const start = relStart(s, k);
      if (part === 'MI') return STOP;
      if (x === 'that' || x === 'same' || x === 'following' || (the && x === 'next')) {
        return { expr: { start, end: s.tE[j], kind: { type: 'ana', unit: 'day', offset: x === 'following' || x === 'next' ? 1 : 0 }, time: part }, next: j + 1 };
      }
      const offset = x === 'last' ? (part === 'NI' || part === 'EV' ? -1 : NaN) : x === 'next' ? 1 : 0;
      if (Number.isNaN(offset)) return STOP;
      return { expr: { start, end: s.tE[j], kind: { type: 'rel', unit: 'day', offset }, time: part }, next: j + 1 };
    }),
    rule(`relative season of year${after}`, [REL_SEASON, SEASON, opt(word('of')), YEAR], the ? 'Fighting eased in the last winter of 2010 near the pass.' : 'Fighting eased in this winter of 2010 near the pass.', (s, m) => {
      const [k, j, , y] = m.t;
      return { expr: { start: relStart(s, k), end: s.tE[y], kind: { type: 'season', s: LEXICON[s.lw(j)].season!, y: s.yearAt(y) } }, next: y + 1 };
    }),
    rule(`relative season${after}`, [REL_SEASON, SEASON], the ? 'Exports rose in the last summer after the drought.' : 'Exports rose last summer after the drought.', (s, m) => {
      const [k, j] = m.t;
      const x = s.lw(k);
      return { expr: { start: relStart(s, k), end: s.tE[j], kind: { type: 'season', s: LEXICON[s.lw(j)].season!, rel: x === 'last' ? 'last' : x === 'next' ? 'next' : 'this' } }, next: j + 1 };
    }),
    rule(`relative weekend${after}`, [REL, word('weekend')], the ? 'Talks ended on the last weekend in Doha.' : 'Talks continue this weekend in Doha.', (s, m) => {
      const [k, j] = m.t;
      const x = s.lw(k);
      if (anaphoric(x)) return STOP;
      // "the coming weekend" is the next one ahead: in a week's working days, the same week's.
      const offset = x === 'coming' || x === 'upcoming' ? 0 : relOf(s, k);
      return { expr: { start: relStart(s, k), end: s.tE[j], kind: { type: 'weekend', offset } }, next: j + 1 };
    }),
    // "last quarter", "this quarter" ("the last quarter" may be a year's fourth: not read).
    rule(`relative quarter${after}`, [THIS_NEXT_LAST, word('quarter')], the ? 'Sales fell in the last quarter at the firm.' : 'Sales fell last quarter at the firm.', (s, m) => {
      const [k, j] = m.t;
      if (the || s.lw(k - 1) === 'the' || s.strOrNone(j + 1) === 'of') return STOP;
      return { expr: { start: relStart(s, k), end: s.tE[j], kind: { type: 'part', of: 'Q', n: NaN, y: NaN, offset: relOf(s, k) } }, next: j + 1 };
    }),
    rule(`relative fiscal year${after}`, [THIS_NEXT_LAST, lw('fiscal'), lw('year')], the ? 'The deficit will shrink in the next fiscal year, the ministry said.' : 'The deficit will shrink this fiscal year, the ministry said.', (s, m) => {
      const [k, , y] = m.t;
      return { expr: { start: relStart(s, k), end: s.tE[y], kind: { type: 'fiscal', y: NaN, offset: relOf(s, k) } }, next: y + 1 };
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// "the …": ordinals ("the 20th century", "the first quarter of 2024"), anaphora ("the next day"),
// "the day before yesterday", "the week of March 6", "the end of the year", "the past".

/** The ordinal at token k: `20th` or a lexicon ordinal ("first", "second"); NaN otherwise. */
function ordinalAt(s: DateScanner, k: number): number {
  if (s.kind(k) === X) {
    const m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(s.str(k));
    return m ? Number(m[1]) : NaN;
  }
  return s.lex(k)?.ord ?? NaN;
}

const ORDINAL = alt(DIGITS_LETTERS, lex('ORDINAL_WORD', (w) => w.ord !== undefined));
const YEAR_REL = lw('the', 'this', 'next', 'last');

/** After "the": an ordinal and what it counts (the rule before sets the start). */
const ORDINAL_RULES: Rule[] = [
  rule('ordinal century', [ORDINAL, lw('century')], 'Trade grew in the 20th century along the coast.', (s, m) => {
    const [k, u] = m.t;
    const ord = ordinalAt(s, k);
    if (s.lw(k) === 'second' || !(ord >= 1 && ord <= 22)) return null;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'century', c: ord - 1 } }, next: u + 1 };
  }),
  rule('ordinal quarter/half of year', [ORDINAL, lw('quarter', 'half'), word('of'), YEAR], 'Profits fell in the first quarter of 2024 at the bank.', (s, m) => {
    const [k, u, , y] = m.t;
    const part = ordinalPart(s, k, u);
    return part ? { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'part', of: part, n: ordinalAt(s, k), y: s.yearAt(y), offset: 0, bare: false } }, next: y + 1 } : null;
  }),
  rule('ordinal quarter/half of this year', [ORDINAL, lw('quarter', 'half'), word('of'), YEAR_REL, lw('year')], 'Growth should pick up in the second half of the year.', (s, m) => {
    const [k, u, , r, y] = m.t;
    const part = ordinalPart(s, k, u);
    const rel = s.lw(r);
    return part ? { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'part', of: part, n: ordinalAt(s, k), y: NaN, offset: rel === 'next' ? 1 : rel === 'last' ? -1 : 0, bare: false } }, next: y + 1 } : null;
  }),
  rule('ordinal quarter', [ORDINAL, lw('quarter', 'half')], 'Profit rose in the fourth quarter at the firm.', (s, m) => {
    const [k, u] = m.t;
    const part = ordinalPart(s, k, u);
    // "the first half of the match" is no half of a year, nor "into the second half"; a half of the
    // year is a time something happened in: "in", "for", "during" … "the first half".
    if (!part || (part === 'H' && (s.strOrNone(u + 1) === 'of' || !HALF_PREPOSITIONS.has(s.strOrNone(k - 2) ?? '')))) return null;
    // "the third quarter of the game", "of their match": a game's ("of the year" is read above).
    if (gameOf(s, u + 1) || (part === 'Q' && s.lw(u + 1) === 'century')) return null;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'part', of: part, n: ordinalAt(s, k), y: NaN, offset: 0, bare: true } }, next: u + 1 };
  }),
  // "the fifth of November", "the twenty-first of June 1990": a day spelled out ("the 12th of
  // March" is read from its digits, DAY_RULES).
  rule('the nth of month, spelled', [DAY_ORDINAL, word('of'), sub('dayTail')], 'The fleet sailed on the fifth of November in thick fog.', (s, m) => {
    const k = m.t[0];
    const d = dayOrdinalAt(s, k);
    const tail = m.v[2]!.expr.kind;
    // "the Fourth of July" is the holiday's rule (Independence Day, by name in the hover).
    if (s.kind(k) === X || Number.isNaN(d) || (d === 4 && tail.type !== 'ymd' && (tail as { m?: number }).m === 7)) return null;
    return s.withYearWord(withDay(m.v[2]!, s, k, d));
  }),
  // "on the 25th", "by the 3rd": a day with no month written (the month of the previous date in the
  // text, else the publication month), only after a preposition and when no noun follows it.
  rule('the nth (day of the month)', [ORDDAY], 'The envoys will return on the 25th, the ministry said.', (s, m) => {
    const k = m.t[0];
    if (s.lw(k - 1) !== 'the' || !DAY_OF_MONTH_BEFORE.has(s.strOrNone(k - 2) ?? '') || !endsHere(s, k)) return null;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'dom', d: s.dayAt(k) } }, next: k + 1 };
  }),
  // "the first nine months", "the first two weeks": a span (the TimeML DURATION), "the" and "first" in it.
  rule('first quantity', [lex('FIRST', (w) => w.ord === 1), QUANTITY_EL], 'Profit rose 8% in the first nine months of the year.', (s, m) => {
    const [k, j] = m.t;
    const d = quantity(s, j);
    if (Number.isNaN(d.n) || d.n < 2 || !s.lex(d.next - 1)?.plural) return null;
    return { expr: { start: s.tS[k], end: s.tE[d.next - 1], kind: { type: 'dur', n: d.n, unit: d.unit } }, next: d.next };
  }),
];

/** Prepositions before "the 25th" that make it a day of the month. */
const DAY_OF_MONTH_BEFORE: ReadonlySet<string> = new Set(['on', 'On', 'by', 'By', 'until', 'Until', 'till', 'since', 'Since', 'from', 'From', 'before', 'after', 'to', 'through']);
/** Words that may follow such a day: "the 25th anniversary", "the 25th Infantry" are no dates. */
const DAY_OF_MONTH_AFTER: ReadonlySet<string> = new Set(['and', 'or', 'at', 'in', 'when', 'to', 'after', 'before', 'but', 'with', 'as', 'from', 'until', 'for', 'if', 'while', 'because', 'amid', 'during', 'ahead', 'instead', 'or', 'than', 'so', 'that', 'which', 'where']);

/** Words after "the third quarter of" that make it a game's: "of the game", "of their match" ("of the year" is read first). */
const GAME_OF: ReadonlySet<string> = new Set(['the', 'a', 'its', 'their', 'his', 'her', 'each', 'every', 'that', 'this']);

/** Words after "the third quarter of the" that still name a year ("of the fiscal year", "of the current year"). */
const YEAR_OF: ReadonlySet<string> = new Set(['year', 'fiscal', 'current', 'previous', 'same', 'following', 'next', 'last', 'past', 'coming']);

/** Whether "of" at j starts a game's or a season's quarter ("of the game", not "of the year"). */
function gameOf(s: DateScanner, j: number): boolean {
  return s.strOrNone(j) === 'of' && GAME_OF.has(s.lw(j + 1) || (s.strOrNone(j + 1) ?? '')) && !YEAR_OF.has(s.lw(j + 2));
}

/** Words before "year end" that make it the end of the year ("by year end", "since year end"). */
const YEAR_END_BEFORE: ReadonlySet<string> = new Set(['by', 'at', 'around', 'until', 'till', 'before', 'after', 'since', 'near', 'toward', 'towards', 'through', 'from', 'to']);

/** Words before "the first half" that make it a half of the year. */
const HALF_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'In', 'for', 'For', 'during', 'During', 'over', 'through', 'from', 'since', 'by', 'until', 'than']);

/** 'Q' or 'H' when the ordinal at k can count the unit at u (quarters 1–4, halves 1–2). */
function ordinalPart(s: DateScanner, k: number, u: number): 'Q' | 'H' | null {
  const ord = ordinalAt(s, k);
  const unit = s.lw(u);
  if (s.kind(k) === W && s.lw(k) !== 'second' && s.lex(k)?.unit) return null;
  return unit === 'quarter' && ord <= 4 ? 'Q' : unit === 'half' && ord <= 2 ? 'H' : null;
}

const THE = lw('the');
/** A weekday's place in its month, by the word naming it (-1: the last). */
const NTH: Readonly<Record<string, number>> = Object.freeze({ first: 1, second: 2, third: 3, fourth: 4, last: -1 });
/** The prepositions before "the quarter", "the year" that refer back ("in the quarter", "For the year,"). */
const BACK_BEFORE = new Set(['in', 'In', 'for', 'For', 'during', 'During', 'over', 'Over', 'throughout', 'Throughout']);
/**
 * Words after "the quarter/period/year" that make it something else: "the period of", "the year to
 * March", "the year before"; a clause naming its own event ("in the year he took office", "the
 * period when"), whose date the text does not give.
 */
const BACK_NOT_AFTER = new Set(['of', 'between', 'from', 'since', 'when', 'in', 'that', 'which', 'to', 'through', 'under', 'before', 'after', 'ahead', 'ago', 'earlier', 'later', 'leading', 'until', 'following', 'prior',
  'he', 'she', 'it', 'they', 'we', 'I', 'you', 'his', 'her', 'its', 'their', 'the', 'a', 'an', 'this', 'these', 'those', 'during', 'where']);

/**
 * Whether "the quarter/period/year" at q ends there as a reference back: not "the period of
 * unrest", "the year to March", "the period-end", "the quarter 2"; an amount after "to" or "of" is
 * no date of its own ("in the quarter to $2.35 billion", "a high for the year of $42.875").
 */
function endsBackRef(s: DateScanner, q: number): boolean {
  const next = s.strOrNone(q + 1);
  if (next === undefined) return true;
  if ((next === 'to' || next === 'of') && (s.kind(q + 2) === N || s.strOrNone(q + 2) === '$')) return true;
  return !(BACK_NOT_AFTER.has(next) || (s.kind(q + 1) === P && s.adjacent(q, q + 1) && (s.first(q + 1) === HYPHEN_CODE || s.isApostrophe(q + 1))) || s.kind(q + 1) === N);
}

const THE_RULES: Rule[] = [
  // "the first Monday of each month", "the last Friday of every month": a recurring day of each
  // month. TIMEX3 has no value for a weekday of the month (ISO 8601 counts weeks in the year), so
  // the value is the period it recurs in, P1M with its quant, and the explanation names the day.
  rule('the nth weekday of each month', [THE, word('first', 'second', 'third', 'fourth', 'last'), WEEKDAY, word('of'), lw('every', 'each'), lw('month')], 'The club meets on the first Monday of each month.', (s, m) => {
    const [k, o, w, , q, u] = m.t;
    const what = `the ${s.str(o)} ${s.str(w)} of each month`;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: 'P1M', quant: s.lw(q).toUpperCase(), what } }, next: u + 1 };
  }),
  // "the third Tuesday of September 2014", "the last Monday in March": a day by the rule a holiday
  // would have (a weekday's place in a month); its year written, else by the tense as a holiday's.
  rule('the nth weekday of a month', [THE, word('first', 'second', 'third', 'fourth', 'last'), WEEKDAY, word('of', 'in'), MONTH], 'The assembly opens on the third Tuesday of September 2014.', (s, m) => {
    const [k, o, w, , mo] = m.t;
    const nth = NTH[s.str(o)];
    const day = { m: s.monthOf(mo), weekday: s.weekdayOf(w), nth };
    const name = `${s.str(o)} ${WEEKDAY_NAMES[day.weekday]} of ${s.str(mo)}`;
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[mo], kind: { type: 'holiday', name, day } }, next: mo + 1 });
  }),
  // "the last day of January", "the first day of March 2014": a day by a holiday's kind of rule (d -1: the last).
  rule('the first/last day of a month', [THE, word('first', 'last'), lw('day'), word('of', 'in'), MONTH], 'The court ruled on the last day of January.', (s, m) => {
    const [k, o, , , mo] = m.t;
    const day = { m: s.monthOf(mo), d: s.str(o) === 'last' ? -1 : 1 };
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[mo], kind: { type: 'holiday', name: `${s.str(o)} day of ${s.str(mo)}`, day } }, next: mo + 1 });
  }),
  // "the first week of October", "the last week of September 2012": the ISO week holding the month's
  // first (last …) Thursday, as ISO 8601 gives a week to the month that holds most of its days.
  rule('the nth week of a month', [THE, word('first', 'second', 'third', 'fourth', 'last'), lw('week'), word('of', 'in'), MONTH], 'The referendum will be held in the first week of October.', (s, m) => {
    const [k, o, , , mo] = m.t;
    const day = { m: s.monthOf(mo), weekday: 4, nth: NTH[s.str(o)] };
    const name = `${s.str(o)} week of ${s.str(mo)}`;
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[mo], kind: { type: 'holiday', name, day, week: true } }, next: mo + 1 });
  }),
  rule('the ordinal', [THE, sub('ordinal')], 'The fort dates from the 19th century and still stands.', (s, m) => {
    const p = m.v[1]!;
    const k = m.t[0];
    p.expr.start = s.tS[k];
    // "the end of the first quarter": "the end of" is read from here, since the window of its
    // "the" (four words) does not reach "quarter" (`the end of` reads "the end of the 19th century").
    const e = s.lw(k - 2);
    if (!p.expr.mod && s.str(k - 1) === 'of' && (e === 'end' || e === 'beginning' || e === 'start' || e === 'middle') && s.lw(k - 3) === 'the') {
      p.expr.start = s.tS[k - 3];
      p.expr.mod = LEXICON[e].mod;
    }
    return p;
  }),
  rule('the day before yesterday', [THE, lw('day'), lw('before', 'after'), lw('yesterday', 'tomorrow')], 'The minister left the day before yesterday for Rome.', (s, m) => {
    const [k, , a, n] = m.t;
    const offset = (s.lw(n) === 'yesterday' ? -1 : 1) + (s.lw(a) === 'after' ? 1 : -1);
    return { expr: { start: s.tS[k], end: s.tE[n], kind: { type: 'rel', unit: 'day', offset } }, next: n + 1 };
  }),
  rule('the day before/after', [THE, lw('day', 'week', 'month', 'year'), lw('before', 'after')], 'The rebels struck on 3 May 2020. Talks had ended the day before.', (s, m) => {
    const [k, u, a] = m.t;
    const after = s.lw(a) === 'after';
    const j = a + 1;
    const unit = s.lw(u) as 'day' | 'week' | 'month' | 'year';
    // "the day before last Tuesday": the weekday rule starts at the weekday and takes the word before it.
    const at = s.isRelWord(j) && s.weekdayOf(j + 1) >= 0 ? j + 1 : j;
    const base = unit === 'day' && s.kind(at) ? s.tryAt(at) : null;
    if (base && base.expr.start === s.tS[j] && isDay(base.expr.kind)) {
      return { expr: { start: s.tS[k], end: base.expr.end, kind: { type: 'off', n: after ? 1 : -1, unit: 'D', from: 'base', base: base.expr.kind } }, next: base.next };
    }
    const ends = (i: number): boolean => s.kind(i) === P || s.kind(i) === 0;
    // "the year before last", "the week after next": two units from the publication date.
    if (s.lw(j) === (after ? 'next' : 'last') && ends(j + 1)) {
      return { expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'rel', unit, offset: after ? 2 : -2 } }, next: j + 1 };
    }
    // "the day after his death": the unit counted from the event's date (TimeML marks the unit alone).
    const ev = eventAt(s, j);
    if (ev) return { expr: { start: s.tS[u], end: s.tE[u], kind: { type: 'event', n: 1, dir: after ? 1 : -1, unit: LEXICON[unit].unit!, event: ev.word, phrase: ev.phrase, the: true } }, next: j };
    // Alone only before punctuation ("…the day before.", "the year before, …"): "the day before authorities acted" is a clause.
    if (!ends(j)) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[a], kind: { type: 'ana', unit, offset: after ? 1 : -1 } }, next: j };
  }),
  // "the week of March 6": that date's ISO week.
  rule('the week of a day', [THE, lw('week'), word('of'), DATE], 'Talks resume the week of March 6 in Geneva.', (s, m) => {
    const [k, , , j] = m.t;
    const base = m.v[3]!;
    if (base.expr.start !== s.tS[j] || !isDay(base.expr.kind)) return null;
    return { expr: { start: s.tS[k], end: base.expr.end, kind: { type: 'off', n: 0, unit: 'W', from: 'base', base: base.expr.kind } }, next: base.next };
  }),
  rule('the past/future', [THE, lw('past', 'future')], 'Such attacks belong to the past, the minister said.', (s, m) => {
    const [k, j] = m.t;
    const x = s.lw(j);
    const u = s.lex(j + 1);
    if (x === 'past' && (u?.unit || u?.n !== undefined || s.kind(j + 1) === N)) {
      const r = s.group('theRel', j);
      if (r) r.expr.start = s.tS[k];
      return r ?? STOP;
    }
    if (u?.unit) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'ref', v: LEXICON[x].ref! } }, next: j + 1 };
  }),
  // "the last quarter of 2012", "the final quarter of 2013": a year's fourth quarter (without a year
  // "the last quarter" is the one before the publication date's: the relative rules).
  rule('the last quarter of year', [THE, word('last', 'final'), lw('quarter'), word('of'), YEAR], 'The accord was signed in the last quarter of 2012.', (s, m) => {
    const [k, , , , y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'part', of: 'Q', n: 4, y: s.yearAt(y), offset: 0, bare: false } }, next: y + 1 };
  }),
  rule('the last/next/same', [THE, sub('theRel')], 'The ministers met again the next day in Vienna.', (s, m) => {
    const p = m.v[1]!;
    p.expr.start = s.tS[m.t[0]];
    return p;
  }),
  // "the end of the year", "the beginning of March", "the middle of 2024".
  rule('the end of', [THE, lw('end', 'beginning', 'start', 'middle'), word('of'), alt(seq(THE, UNIT_ONE), seq(opt(THE), DATE))], 'Troops leave by the end of the year, officials said.', (s, m) => {
    const [k, e, , q0] = m.t;
    let q = q0;
    let r: Parse | null = null;
    if (s.lw(q) === 'the' && s.lex(q + 1)?.unit && !s.lex(q + 1)!.plural) {
      const u = s.lex(q + 1)!.unit!;
      if (u === 'W' || u === 'M' || u === 'Y') r = { expr: { start: s.tS[k], end: s.tE[q + 1], kind: { type: 'rel', unit: u === 'W' ? 'week' : u === 'M' ? 'month' : 'year', offset: 0 } }, next: q + 2 };
      else if (u === 'DE' || u === 'CE') r = { expr: { start: s.tS[k], end: s.tE[q + 1], kind: { type: 'relc', offset: 0, decade: u === 'DE' } }, next: q + 2 };
    } else if (s.kind(q)) {
      if (s.lw(q) === 'the') q++;
      r = s.tryAt(q);
      if (r && r.expr.start !== s.tS[q]) r = null;
    }
    if (!r) return STOP;
    r.expr.start = s.tS[k];
    r.expr.mod = LEXICON[s.lw(e)].mod;
    return r;
  }),
  // "the turn of the century": the years around the century boundary nearest the publication date (mod APPROX).
  rule('the turn of the century', [THE, word('turn'), word('of'), THE, lw('century')], 'The port grew fast around the turn of the century.', (s, m) => {
    const [k, , , , c] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[c], kind: { type: 'turn' }, mod: 'APPROX' }, next: c + 1 };
  }),
  rule('the season', [THE, sub('season')], 'Fighting eased in the winter of 2010 near the pass.', (s, m) => {
    const p = m.v[1]!;
    p.expr.start = s.tS[m.t[0]];
    return p;
  }),
  // "the weekend after next": two weekends on from "this weekend" (as "the week after next").
  rule('the weekend after next', [THE, lw('weekend'), word('after'), word('next')], 'Negotiators will meet again the weekend after next.', (s, m) => {
    const [k, , , n] = m.t;
    if (s.kind(n + 1) !== P && s.kind(n + 1) !== 0) return null;
    return { expr: { start: s.tS[k], end: s.tE[n], kind: { type: 'weekend', offset: 2 } }, next: n + 1 };
  }),
  rule('the weekend', [THE, lw('weekend')], 'Talks continue over the weekend in Doha.', (s, m) => {
    const [k, j] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'weekend', offset: 0 } }, next: j + 1 };
  }),
  // "the weeks ahead", "the months ahead": an unspecified duration, as "the coming weeks" (PXW).
  rule('the units ahead', [THE, UNITS, word('ahead')], 'Banks may have to sell bonds in the weeks ahead, analysts said.', (s, m) => {
    const [k, u, a] = m.t;
    if (s.strOrNone(a + 1) === 'of') return null; // "in the months ahead of the vote": before an event
    return { expr: { start: s.tS[k], end: s.tE[a], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(u)].unit! } }, next: a + 1 };
  }),
  // "over the years", "over the decades": an unspecified span up to now, as "for years" (PXY); not
  // "over the years before the war" (counted from an event).
  rule('over the units', [THE, UNITS], 'Over the years the border town has changed hands twice.', (s, m) => {
    const [k, u] = m.t;
    const p = s.strOrNone(k - 1);
    if ((p !== 'over' && p !== 'Over') || /^(?:after|before|following|since|of|to|ahead)$/.test(s.strOrNone(u + 1) ?? '')) return null;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(u)].unit! } }, next: u + 1 };
  }),
  // "the year two thousand", "the year nineteen ninety-nine": a year spoken in words, "the year" in its span.
  rule('the year spoken', [THE, lw('year'), SPOKEN_YEAR], 'The bank promised to halve unemployment by the year two thousand.', (s, m) => {
    const [k, , y, next] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[next - 1], kind: { type: 'y', y: s.spokenYearAt(y)!.y } }, next };
  }),
  // Business copy referring back: "Revenue in the quarter rose", "for the period", "For the year,
  // sales rose" (the resolver finds the quarter or half before it, or drops the mention).
  rule('the quarter/period/year (back)', [THE, opt(alt(word('full'), lw('fiscal'))), lw('quarter', 'period', 'year')], 'Profit rose in the fourth quarter. For the year, sales rose 3%.', (s, m) => {
    const [k, f, q] = m.t;
    const what = s.lw(q) as 'quarter' | 'period' | 'year';
    // "the first nine months of the year": the year reported on too.
    const ofMonths = s.strOrNone(k - 1) === 'of' && s.strOrNone(k - 2) === 'months';
    if (!(BACK_BEFORE.has(s.strOrNone(k - 1) ?? '') || ofMonths) || (f >= 0 && what !== 'year')) return STOP;
    const next = s.strOrNone(q + 1);
    // "the year ended Sept. 30", "the year ending June 30": a span of a year up to that date
    // (a DURATION, its end the DATE after it); "the quarter ended Sept. 30": the quarter that date ends.
    if (next === 'ended' || next === 'ending') {
      if ((f >= 0 && s.lw(f) !== 'fiscal') || !s.kind(q + 2)) return STOP;
      return { expr: { start: s.tS[k], end: s.tE[q], kind: what === 'year' ? { type: 'dur', n: 1, unit: 'Y' } : { type: 'back', what, ended: true } }, next: q + 1 };
    }
    if (!endsBackRef(s, q)) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[q], kind: f >= 0 && s.lw(f) !== 'fiscal' ? { type: 'back', what, full: true } : { type: 'back', what } }, next: q + 1 };
  }),
  // "the latest period", "the most recent period": the quarter (or half) the text reports on.
  rule('the latest period (back)', [THE, opt(word('most')), lw('latest', 'recent'), alt(lw('period'), seq(lw('fiscal'), lw('year')))], 'Profit rose in the third quarter. Sales in the latest period fell.', (s, m) => {
    const [k, most, l, q] = m.t;
    if ((s.lw(l) === 'recent') !== most >= 0) return STOP;
    // "the latest fiscal year": the last one closed, the year before the publication year.
    if (s.lw(q) === 'fiscal') return { expr: { start: s.tS[k], end: s.tE[q + 1], kind: { type: 'fiscal', y: NaN, offset: -1 } }, next: q + 2 };
    // "the most recent period of unrest" is none.
    if (!endsBackRef(s, q)) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[q], kind: { type: 'back', what: 'latest' } }, next: q + 1 };
  }),
  // "the corresponding period last year", "the same quarter a year ago": the period reported on, a year back.
  rule('the same period last year', [THE, word('same', 'corresponding', 'comparable'), lw('quarter', 'period'), alt(seq(lw('last'), lw('year')), seq(lw('a'), lw('year'), lw('ago', 'earlier')))], 'Profit rose in the third quarter of 2012 from the same period last year.', (s, m) => {
    const [k, , , l] = m.t;
    const end = s.lw(l) === 'last' ? l + 1 : l + 2;
    return { expr: { start: s.tS[k], end: s.tE[end], kind: { type: 'ana', unit: 'year', offset: -1, grain: 'same' } }, next: end + 1 };
  }),
  rule('the (nothing else)', [THE], 'The 3 delegates arrived.', () => STOP),
];

// ---------------------------------------------------------------------------------------------
// Holidays (their dates are rows of HOLIDAYS in lexicon.ts), modifiers, references and ranges.

const HOLIDAY = lex('HOLIDAY', (w) => w.holiday !== undefined);
const APOSTROPHE = punct("'\u2019");

/** A holiday name is capitalized, and followed by its required word ("Election Day"). */
function holidayNamed(s: DateScanner, k: number): boolean {
  const needs = HOLIDAYS[LEXICON[s.lw(k)].holiday!]?.word;
  return s.first(k) <= 90 && (!needs || s.strOrNone(k + 1) === needs);
}

/** The holiday at k, its name ending at token `last` ("last Christmas", "Memorial Day", "Thanksgiving next year"). */
function holiday(s: DateScanner, k: number, last: number): Parse {
  return holidayNamedAt(s, k, last, LEXICON[s.lw(k)].holiday!);
}

/**
 * "Independence Day" at k..d: the United States' (4 July) unless a country owns it, in the
 * possessive ("Ukraine's", "the Philippines'") or by its adjective ("Indian Independence Day"):
 * then that country's day (`INDEPENDENCE_DAYS`; Israel's from the Hebrew calendar,
 * `INDEPENDENCE_HOLIDAYS`), or no date for one not listed or not named ("its Independence Day"):
 * better none than 4 July.
 */
function independenceDay(s: DateScanner, k: number, d: number): Parse {
  // An ordinal between ("India's 77th Independence Day", "its first Independence Day").
  let j = s.kind(k - 1) === X || (s.kind(k - 1) === W && ORDINAL_WORDS.has(s.str(k - 1).toLowerCase())) ? k - 2 : k - 1;
  let possessive = false;
  if (s.kind(j) === W && s.str(j) === 's' && s.isApostrophe(j - 1)) {
    possessive = true;
    j -= 2;
  } else if (s.isApostrophe(j)) {
    possessive = true;
    j -= 1;
  }
  if (s.kind(j) !== W) return possessive ? STOP : holiday(s, k, d);
  // "its Independence Day", "their first Independence Day": a country named elsewhere.
  if (OWNER_PRONOUNS.has(s.str(j).toLowerCase())) return STOP;
  const own = INDEPENDENCE_HOLIDAYS[s.str(j)];
  if (own) return holidayNamedAt(s, k, d, own);
  const two = s.kind(j - 1) === W ? INDEPENDENCE_DAYS[`${s.str(j - 1)} ${s.str(j)}`] : undefined;
  const owner = two ?? INDEPENDENCE_DAYS[s.str(j)];
  if (!owner) return possessive ? STOP : holiday(s, k, d);
  const [country, month, day] = owner;
  return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[d], kind: { type: 'holiday', name: `Independence Day of ${country}`, day: { m: month, d: day } } }, next: d + 1 });
}

/** Pronouns that own an Independence Day without naming the country. */
const OWNER_PRONOUNS: ReadonlySet<string> = new Set(['its', 'their', 'our', 'his', 'her', 'your']);

/** Ordinals that may stand between an owner and its Independence Day. */
const ORDINAL_WORDS: ReadonlySet<string> = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'tenth', 'twentieth', 'fiftieth', 'hundredth']);

/** The Orthodox feast of a name when "Orthodox" stands before it (HOLIDAYS rows of the Julian calendar). */
const ORTHODOX: Readonly<Record<string, string>> = { christmas: 'orthodoxchristmas', christmaseve: 'orthodoxchristmaseve', easter: 'orthodoxeaster', eastermonday: 'orthodoxeastermonday' };

/**
 * Holiday `name` named from token k to `last`, with "last/next/this" before it, a year after it,
 * and "Orthodox" before it: "Orthodox Christmas" is 7 January, "Orthodox Easter" the Julian
 * computus's, a week or five after the Western one most years.
 */
function holidayNamedAt(s: DateScanner, k: number, last: number, name: string): Parse {
  const first = ORTHODOX[name] && s.strOrNone(k - 1) === 'Orthodox' ? k - 1 : k;
  const rel = relBefore(s, first);
  return s.withYearWord({ expr: { start: rel ? s.tS[first - 1] : s.tS[first], end: s.tE[last], kind: { type: 'holiday', name: first < k ? ORTHODOX[name] : name, rel } }, next: last + 1 });
}

/** Words near a bare "Eid" (lower-cased) that make it the feast of the sacrifice (Eid al-Adha). */
const EID_ADHA_CUES: ReadonlySet<string> = new Set(['adha', 'sacrifice', 'sacrificial', 'sacrificed', 'slaughter', 'slaughtered', 'sheep', 'goats', 'cattle', 'livestock', 'cows', 'hajj', 'pilgrimage', 'pilgrims', 'arafat']);

const HOLIDAY_RULES: Rule[] = [
  // "Valentine's Day", "St. Patrick's Day", "Mother's Day", "Presidents' Day": a name in the possessive.
  rule("holiday's Day", [HOLIDAY, APOSTROPHE, opt(word('s')), word('Day')], "Florists sold out before Valentine's Day in the city.", (s, m) => {
    const [k, , s2, d] = m.t;
    const name = LEXICON[s.lw(k)].holiday!;
    const needs = HOLIDAYS[name]?.word;
    if (s.first(k) > 90 || !s.adjacent(k, k + 1) || (needs !== "'s Day" && !(needs === 'Day' && s2 < 0 && s.str(k).endsWith('s')))) return STOP;
    const saint = s.str(k - 1) === 'St' || s.str(k - 1) === 'Saint' ? k - 1 : s.str(k - 2) === 'St' && s.isP(k - 1, DOT) ? k - 2 : -1;
    const p = holiday(s, k, d);
    if (saint >= 0) p.expr.start = s.tS[saint];
    return p;
  }),
  rule('holiday Day', [HOLIDAY, word('Day')], 'Polls open on Election Day across the country.', (s, m) => {
    const [k, d] = m.t;
    if (!holidayNamed(s, k)) return STOP;
    if (s.lw(k) === 'independence') return independenceDay(s, k, d);
    return s.lw(k) === 'easter' ? null : holiday(s, k, d);
  }),
  rule('Easter Sunday/Monday', [lw('easter'), word('Sunday', 'Monday')], 'Churches filled on Easter Sunday in the city.', (s, m) => {
    const [k, d] = m.t;
    if (!holidayNamed(s, k)) return STOP;
    return holidayNamedAt(s, k, d, s.str(d) === 'Monday' ? 'eastermonday' : 'easter');
  }),
  rule("New Year's Day/Eve", [lw('new'), word('Year'), APOSTROPHE, word('s'), word('Day', 'Eve')], "Fireworks lit the sky on New Year's Eve over the bay.", (s, m) => {
    const [k, , , , d] = m.t;
    if (!holidayNamed(s, k)) return STOP;
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[d], kind: { type: 'holiday', name: s.str(d) === 'Eve' ? 'newyeareve' : 'newyear' } }, next: d + 1 });
  }),
  rule('Christmas Eve', [lw('christmas'), word('Eve')], 'Shops close early on Christmas Eve in the city.', (s, m) => {
    const [k, e] = m.t;
    return holidayNamed(s, k) ? holidayNamedAt(s, k, e, 'christmaseve') : STOP;
  }),
  // "Eid al-Fitr", "Eid al-Adha" (also "ul", "el", a dash or not): the feasts' days in the Islamic
  // calendar (HOLIDAYS rows with `hijri`), their year by the tense as any holiday's.
  rule('Eid al-Fitr/al-Adha', [lw('eid'), opt(glued(HYPHEN)), word('al', 'ul', 'el', 'Al'), opt(glued(HYPHEN)), word('Fitr', 'Adha', 'fitr', 'adha')], 'Families gathered in the park for Eid al-Fitr, the end of the fasting month.', (s, m) => {
    const [k, , , , f] = m.t;
    if (s.first(k) > 90) return STOP;
    const rel = relBefore(s, k);
    const name = s.first(f) === 70 || s.first(f) === 102 ? 'eidalfitr' : 'eidaladha'; // F, f
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[f], kind: { type: 'holiday', name, rel } }, next: f + 1 });
  }),
  // "Eid" alone: one of the two feasts, Eid al-Adha when the sentence around it speaks of the
  // sacrifice or the pilgrimage, else Eid al-Fitr (the end of Ramadan, the one most often called
  // just "Eid"). Not a surname ("Mohammed Eid": a capitalized word before it) nor before another
  // name ("Eid Mubarak" is a greeting, no date of its own).
  rule('Eid', [lw('eid')], 'Families gathered in the capital to celebrate Eid.', (s, m) => {
    const k = m.t[0];
    if (s.first(k) > 90 || (s.kind(k + 1) === W && s.first(k + 1) <= 90) || s.isApostrophe(k + 1)) return STOP;
    if (s.kind(k - 1) === W && s.first(k - 1) <= 90 && !s.opensSentence(k - 1) && !s.isRelWord(k - 1)) return STOP;
    let name = 'eidalfitr';
    for (let j = Math.max(0, k - 15); j <= k + 15 && s.kind(j) !== 0; j++) if (s.kind(j) === W && EID_ADHA_CUES.has(s.str(j).toLowerCase())) name = 'eidaladha';
    const rel = relBefore(s, k);
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[k], kind: { type: 'holiday', name, rel } }, next: k + 1 });
  }),
  // "Rosh Hashanah", "Yom Kippur": Jewish feasts of two words (HOLIDAYS rows with `lunar`).
  rule('Rosh Hashanah/Yom Kippur', [lw('rosh', 'yom'), word('Hashanah', 'Hashana', 'Kippur')], 'Markets in Tel Aviv were shut for Yom Kippur.', (s, m) => {
    const [k, w] = m.t;
    const rosh = s.lw(k) === 'rosh';
    if (s.first(k) > 90 || rosh !== (s.first(w) === 72)) return STOP; // H
    const rel = relBefore(s, k);
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[w], kind: { type: 'holiday', name: rosh ? 'roshhashanah' : 'yomkippur', rel } }, next: w + 1 });
  }),
  // "Lunar New Year", "Chinese New Year": the first day of the Chinese calendar's year.
  rule('Lunar New Year', [lw('new'), word('Year')], 'Millions travelled home for the Lunar New Year holiday.', (s, m) => {
    const [k, y] = m.t;
    const w = s.strOrNone(k - 1);
    if (w !== 'Lunar' && w !== 'Chinese' && w !== 'Vietnamese') return null;
    const rel = relBefore(s, k - 1);
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 2] : s.tS[k - 1], end: s.tE[y], kind: { type: 'holiday', name: 'lunarnewyear', rel } }, next: y + 1 });
  }),
  // "the Fourth of July": Independence Day by its date.
  rule('Fourth of July', [lw('fourth'), word('of'), MONTH], 'Fireworks lit the harbor on the Fourth of July.', (s, m) => {
    const [k, , j] = m.t;
    if (s.monthOf(j) !== 7 || s.tE[j] - s.tS[j] !== 4) return null;
    const rel = s.lw(k - 1) === 'the';
    return s.withYearWord({ expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[j], kind: { type: 'holiday', name: 'independence' } }, next: j + 1 });
  }),
  // "Martin Luther King Day", "Martin Luther King Jr. Day" ("MLK Day" is the holiday rule's).
  rule('Martin Luther King Day', [lw('luther'), word('King'), opt(word('Jr'), opt(glued(punct('.')))), word('Day')], 'Schools close on Martin Luther King Day in January.', (s, m) => {
    const [k, , , d] = m.t;
    const start = s.strOrNone(k - 1) === 'Martin' ? k - 1 : k;
    const rel = relBefore(s, start);
    return s.withYearWord({ expr: { start: rel ? s.tS[start - 1] : s.tS[start], end: s.tE[d], kind: { type: 'holiday', name: 'mlk', rel } }, next: d + 1 });
  }),
  // "Easter week", "Thanksgiving week": the week holding the holiday.
  rule('holiday week', [HOLIDAY, lw('week')], 'Traffic peaks in Thanksgiving week on the roads.', (s, m) => {
    const [k, w] = m.t;
    if (!holidayNamed(s, k) || s.lw(k) === 'new' || HOLIDAYS[LEXICON[s.lw(k)].holiday!]?.wholeMonth) return STOP;
    const rel = relBefore(s, k);
    return { expr: { start: rel ? s.tS[k - 1] : s.tS[k], end: s.tE[w], kind: { type: 'holiday', name: LEXICON[s.lw(k)].holiday!, rel, week: true } }, next: w + 1 };
  }),
  rule('holiday', [HOLIDAY], 'The troops were home by Christmas, the army said.', (s, m) => {
    const k = m.t[0];
    return holidayNamed(s, k) && s.lw(k) !== 'new' ? holiday(s, k, k) : STOP;
  }),
];

const DECADE = token('DECADE', (e) => [e.DIGITS_LETTERS], (s, k) => s.decadeOf(k) !== null, true);

/**
 * A modifier before an expression: "about two weeks", "more than four decades ago", "at least 72
 * hours", "early 1990s", "mid-1990s", "late November". Early/late/mid qualify dates; the others
 * quantities, years and times (and "about" a date with a time: "around 10 a.m. Monday").
 */
const MODIFIER_RULE = rule('modifier', [MOD, opt(word('than')), opt(glued(HYPHEN)), alt(DECADE, DATE)], 'The site was settled in the early 1990s by farmers.', (s, m) => {
  const [k, than, hyphen, j] = m.t;
  const x = s.lw(k);
  const w = LEXICON[x];
  if ((than >= 0 && x !== 'more' && x !== 'less') || (hyphen >= 0 && !s.adjacent(k, hyphen))) return STOP;
  if (x === 'least' && s.str(k - 1) !== 'at') return STOP;
  if (x === 'some' && s.kind(j) !== N && !(s.lex(j)?.n! > 1)) return STOP;
  const dec = j > k + 1 ? s.decadeOf(j) : null; // "mid-1990s"
  const r: Parse | null = dec !== null ? { expr: { start: s.tS[j], end: s.tE[j], kind: { type: 'decade', decade: dec } }, next: j + 1 } : s.lex(j)?.mod ? null : s.tryAt(j);
  if (!r || r.expr.start !== s.tS[j]) return STOP;
  const kind = r.expr.kind.type;
  if ((x === 'early' || x === 'late' || x === 'mid') && (kind === 'dur' || kind === 'set')) return STOP;
  // "around Wednesday's ruling": approximation words qualify quantities, years and times, not days.
  // "talked about the future": no modifier qualifies a reference to the present, past or future.
  if (kind === 'ref') return STOP;
  // A month and day takes an approximation ("around Nov. 1"); a weekday does not ("around Wednesday's ruling").
  if (w.mod !== 'START' && w.mod !== 'END' && w.mod !== 'MID' && (kind === 'weekday' || (kind === 'md' && w.mod !== 'APPROX' && x !== 'least') || kind === 'rel' || kind === 'ana') && !r.expr.time) return STOP;
  r.expr.start = x === 'least' ? s.tS[k - 1] : s.tS[k];
  // "at least" before a point ("through at least March 2014") is ON_OR_AFTER, a point's modifier (EQUAL_OR_MORE is a quantity's).
  r.expr.mod = x === 'least' && kind !== 'dur' && kind !== 'set' && kind !== 'off' ? 'ON_OR_AFTER' : w.mod;
  return r;
});

/** "late on Sunday", "early on Monday": the day with mod END or START, as "late Sunday" ("on" in the span). */
const EARLY_LATE_ON_RULE = rule('early/late on a day', [lw('early', 'late'), word('on'), alt(WEEKDAY, lw('yesterday', 'today', 'tomorrow'))], 'The talks broke up late on Sunday in Vienna.', (s, m) => {
  const [k, , j] = m.t;
  const r = s.tryAt(j);
  if (!r || r.expr.start !== s.tS[j]) return null;
  r.expr.start = s.tS[k];
  r.expr.mod = LEXICON[s.lw(k)].mod;
  return r;
});

/**
 * "until at least 2015", "through at least September": a year or a month alone after "at least"
 * and a preposition of time (which the year and month rules look for right before them); the
 * end lies there or later: ON_OR_AFTER. Not before a lower-case noun ("by at least 2015 points").
 */
const LEAST_POINT_RULE = rule('at least a year or month', [lw('least'), alt(NUMBER, MONTH)], 'Troops will stay until at least 2015, the ministry said.', (s, m) => {
  const [k, j] = m.t;
  if (s.str(k - 1) !== 'at' || !LEAST_POINT_BEFORE.has(s.strOrNone(k - 2) ?? '')) return null;
  const noun = s.kind(j + 1) === W && s.first(j + 1) >= 97 && s.first(j + 1) <= 122 && !/^(?:and|or|to|when|as|but|in|for)$/.test(s.str(j + 1));
  const y = s.kind(j) === N && s.tE[j] - s.tS[j] === 4 ? s.num(j, 1900, 2100) : NaN;
  const mo = s.monthOf(j);
  let r: Parse | null = null;
  if (!Number.isNaN(y) && !noun) r = { expr: { start: s.tS[k - 1], end: s.tE[j], kind: { type: 'y', y } }, next: j + 1 };
  else if (mo > 0 && !s.isMay(j) && s.tE[j] - s.tS[j] > 4 && s.monthOf(j + 1) <= 0 && s.kind(j + 1) !== N) r = s.withYearWord({ expr: { start: s.tS[k - 1], end: s.tE[j], kind: { type: 'm', m: mo } }, next: j + 1 });
  if (!r) return null;
  r.expr.mod = 'ON_OR_AFTER';
  return r;
});

/** Prepositions before "at least" that make a year or a month after it a date ("until at least 2015"). */
const LEAST_POINT_BEFORE: ReadonlySet<string> = new Set(['until', 'Until', 'till', 'through', 'to', 'into', 'by']);

/** Words after "future" that leave it a noun ("Elian's future away from…", "our future is…"). */
const AFTER_FUTURE_NOUN = new Set(['away', 'is', 'was', 'will', 'would', 'may', 'might', 'could', 'can', 'should', 'must', 'has', 'had', 'have', 'are', 'were',
  'of', 'in', 'and', 'or', 'but', 'to', 'for', 'with', 'as', 'at', 'on', 'by', 'that', 'which', 'looks', 'remains', 'lies', 'depends', 'rests', 'hangs', 'seems', 'appears']);
/** Adjectives that make "the future" open-ended, no time ("for the foreseeable future"). */
const OPEN_FUTURE = new Set(['foreseeable', 'indefinite']);
/** Plural periods after "future" that keep it a time ("in future quarters"). */
const FUTURE_TIME_NOUNS = new Set(['quarter', 'quarters', 'generation', 'generations', 'periods', 'seasons']);
/** Auxiliaries before "recently" in a verb group ("has recently moved"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);

const REFERENCE_RULE = rule('reference', [lex('REF', (w) => w.ref !== undefined)], 'Talks are currently stalled over the border.', (s, m) => {
  const k = m.t[0];
  const x = s.lw(k);
  if (x === 'past') return STOP; // only "the past"
  // "Now the alliance…", "Now, officials said…": a sentence opening with "Now" is a discourse marker.
  if (x === 'now' && s.first(k) === 78 /* N */ && s.opensSentence(k)) return STOP;
  if (x === 'current' && s.lex(k + 1)?.unit) return STOP;
  // "the then current price": the present of a past time.
  if (x === 'current' && s.strOrNone(k - 1) === 'then') return { expr: { start: s.tS[k - 1], end: s.tE[k], kind: { type: 'ref', v: 'PAST_REF' } }, next: k + 1 };
  // "a future in which…", "a brighter future": a kind of future, not the time after now.
  if (x === 'future' && (s.isArticle(k - 1) || (s.kind(k - 1) === W && s.isArticle(k - 2)))) return STOP;
  // "for the foreseeable future", "the indefinite future": an open-ended "as long as can be seen", no time (neither gold set annotates it: 0 of 2).
  if (x === 'future' && OPEN_FUTURE.has(s.strOrNone(k - 1) ?? '')) return STOP;
  // "future earnings", "its future strategy": an adjective classing a noun, not the time after now.
  if (x === 'future' && s.kind(k + 1) === W && s.first(k + 1) >= 97 && s.first(k + 1) <= 122 && !AFTER_FUTURE_NOUN.has(s.str(k + 1)) && !s.lex(k + 1)?.unit && !FUTURE_TIME_NOUNS.has(s.str(k + 1))) return STOP;
  if (x === 'recently') {
    // "has recently moved", "was recently extended": inside a verb group, not annotated (see docs/dates.md).
    if (AUXILIARIES.has(s.strOrNone(k - 1) ?? '')) return STOP;
    // "most recently last October", "most recently on Monday": the date after it carries the time.
    for (let j = k + 1; j <= k + 2 && j < s.count; j++) {
      const d = s.tryAt(j);
      if (d && d.expr.start >= s.tS[k + 1] && d.expr.start <= s.tS[j]) return STOP;
    }
  }
  return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'ref', v: LEXICON[x].ref! } }, next: k + 1 };
});

/** "between 2009 and 2013", "from 2014 to 2016", "between March and May": two linked dates (the first alone without its link). */
const RANGE_RULE = rule('between/from … and/to', [lw('between', 'from'), DATE, opt(word('and', 'to', 'until', 'through', 'till'), DATE)], 'Output fell between 2009 and 2012 in the region.', (s, m) => {
  const [k, j, link] = m.t;
  const a = m.v[1]!;
  if (a.expr.start !== s.tS[j]) return STOP;
  const l = link >= 0 ? s.str(link) : '';
  const ok = s.lw(k) === 'between' ? l === 'and' : l === 'to' || l === 'until' || l === 'through' || l === 'till';
  if (!ok) return a;
  const b = s.tryAt(link + 1);
  if (!b || b.expr.start !== s.tS[link + 1]) return a;
  a.expr.pair = b.expr;
  return { expr: a.expr, next: b.next };
});

/** Words after a frequency adverb that leave it an adverb ("adjusted quarterly and…", "paid quarterly to holders"). */
const FREQUENCY_AFTER = new Set(['and', 'or', 'but', 'to', 'in', 'at', 'on', 'for', 'by', 'since', 'through', 'from', 'with', 'as', 'until', 'the', 'a', 'an',
  'after', 'before', 'during', 'over', 'instead', 'rather', 'than', 'if', 'when', 'while', 'because']);
/** Words of an amount before a frequency adverb: a rate ("$5 million annually", "3 percent annually"). */
const RATE_BEFORE = new Set(['percent', 'million', 'billion', 'trillion', 'thousand', 'hundred']);

/**
 * A recurring day with its time after it ("Fridays at noon", "every Sunday at 10 a.m.", "every
 * Friday morning", "every day at noon"): one SET of that time on each such day (XXXX-WXX-5T12:00,
 * XXXX-XX-XXT12:00), as HeidelTime and the TimeML guidelines write it, not a SET and a time of the
 * publication day. Only a clock time or noon/midnight after "at" (read by the date rules, as a time
 * with no day of its own), or a part of the day right after a weekday.
 */
function withSetTime(s: DateScanner, p: Parse & { expr: { kind: { type: 'set'; v: string } } }, weekday: boolean): Parse {
  const k = p.next;
  const part = weekday ? s.partAt(k) : undefined;
  if (part !== undefined && s.lw(k) !== 'tonight') {
    if (PART_NOUN_BEFORE.has(s.strOrNone(k + 1) ?? '')) return p; // "every Friday morning prayer"
    p.expr.kind.v = `${p.expr.kind.v}T${part}`;
    p.expr.end = s.tE[k];
    p.next = k + 1;
    return p;
  }
  if (s.strOrNone(k) !== 'at') return p;
  const t = s.tryForm(k + 1);
  const e = t?.expr;
  if (!t || !e || !e.local || !e.time || !e.time.includes(':') || e.pair || e.kind.type !== 'rel' || e.kind.offset !== 0) return p;
  p.expr.kind.v = `${p.expr.kind.v === 'P1D' ? 'XXXX-XX-XX' : p.expr.kind.v}T${e.time}`;
  p.expr.end = e.end;
  p.next = t.next;
  return p;
}

/** Nouns a part of the day qualifies ("every morning paper", "each evening newscast"): no SET. */
const PART_NOUN_BEFORE: ReadonlySet<string> = new Set(['paper', 'papers', 'newspaper', 'newspapers', 'edition', 'editions', 'news', 'newscast', 'show', 'shift', 'shifts', 'session', 'sessions', 'prayer', 'prayers', 'flight', 'flights', 'train', 'trains']);

/** Half of a unit as a count of the next smaller one ("half an hour": 30 minutes); weeks and quarters have none. */
const HALF_OF: Readonly<Partial<Record<Unit, readonly [number, Unit]>>> = Object.freeze({
  CE: [50, 'Y'], DE: [5, 'Y'], Y: [6, 'M'], M: [15, 'D'], D: [12, 'H'], H: [30, 'MIN'], MIN: [30, 'S'],
});

const WORD_RULES: Rule[] = [
  // "the nineties", "the early eighties": a decade in words, only after "the" ("in his sixties" is an age).
  rule('decade word', [lex('DECADE_WORD', (w) => w.decade !== undefined)], 'The party ruled the region through the nineties.', (s, m) => {
    const k = m.t[0];
    const b = s.lw(k - 1) === 'early' || s.lw(k - 1) === 'late' ? k - 2 : k - 1;
    if (s.lw(b) !== 'the') return null;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'decade', decade: s.lex(k)!.decade! } }, next: k + 1 };
  }),
  rule('yesterday/today/tomorrow part', [lw('yesterday', 'today', 'tomorrow'), PART], 'Shells fell yesterday morning on the port.', (s, m) => {
    const [k, p] = m.t;
    const x = s.lw(k);
    return { expr: { start: s.tS[k], end: s.tE[p], kind: { type: 'rel', unit: 'day', offset: x === 'yesterday' ? -1 : x === 'tomorrow' ? 1 : 0 }, time: s.partAt(p) }, next: p + 1 };
  }),
  // "the day before yesterday" is read by the "the" rules; "today's" stays today.
  rule('yesterday/today/tomorrow/tonight', [lw('yesterday', 'today', 'tomorrow', 'tonight')], 'The minister resigned yesterday after the vote.', (s, m) => {
    const k = m.t[0];
    const x = s.lw(k);
    // A name: "USA Today", "VOA Today", "NBC's Today show" (an acronym before the capitalized word).
    if (x === 'today' && s.first(k) === 84 /* T */ && !s.opensSentence(k)) {
      const a = s.str(k - 1) === 's' && s.isApostrophe(k - 2) ? k - 3 : k - 1;
      if (s.kind(a) === W && /^[A-Z]{2,5}$/.test(s.str(a))) return STOP;
    }
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'rel', unit: 'day', offset: x === 'yesterday' ? -1 : x === 'tomorrow' ? 1 : 0 }, time: x === 'tonight' ? 'NI' : undefined }, next: k + 1 };
  }),
  // "earlier that day", "later that year": the anaphor after it, with the word in its span (the
  // extent newswire gold gives it; "earlier this week" is annotated as "this week"). "Earlier in
  // the day" is not an expression of its own (newswire gold leaves it).
  rule('earlier/later that', [lw('earlier', 'later')], 'Later that day the envoy met the king.', (s, m) => {
    const k = m.t[0];
    if (s.lw(k + 1) !== 'that') return null;
    const r = s.tryAt(k + 1);
    if (!r || r.expr.start !== s.tS[k + 1] || r.expr.kind.type !== 'ana') return null;
    r.expr.start = s.tS[k];
    return r;
  }),
  // "mid-decade", "by mid-century": the publication date's decade or century with mod MID.
  rule('mid-decade', [word('mid', 'Mid'), glued(HYPHEN), glued(lw('decade', 'century'))], 'The plant should reopen by mid-decade, the firm said.', (s, m) => {
    const [k, , u] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'relc', offset: 0, decade: s.lw(u) === 'decade' }, mod: 'MID' }, next: u + 1 };
  }),
  // "at mid-afternoon yesterday", "By mid afternoon,": the part of the day with mod MID, on the day
  // written after it (a weekday, yesterday/today/tomorrow), else on the previous date naming a day.
  rule('mid part of day', [word('mid', 'Mid'), opt(glued(HYPHEN)), PART], 'Shares were up 2% at mid-afternoon yesterday in London.', (s, m) => {
    const [k, , p] = m.t;
    const time = s.partAt(p)!;
    if (time === 'NI') return null;
    const start = s.tS[k];
    const x = s.lw(p + 1);
    if (x === 'yesterday' || x === 'today' || x === 'tomorrow') {
      return { expr: { start, end: s.tE[p + 1], kind: { type: 'rel', unit: 'day', offset: x === 'yesterday' ? -1 : x === 'tomorrow' ? 1 : 0 }, time, mod: 'MID' }, next: p + 2 };
    }
    const q = s.strOrNone(p + 1) === 'on' ? p + 2 : p + 1;
    const wd = s.weekdayOf(q);
    if (wd >= 0) return { expr: { start, end: s.tE[q], kind: { type: 'weekday', w: wd }, time, mod: 'MID' }, next: q + 1 };
    return { expr: { start, end: s.tE[p], kind: { type: 'rel', unit: 'day', offset: 0 }, time, local: true, mod: 'MID' }, next: p + 1 };
  }),
  LEAST_POINT_RULE,
  // "end-June", "early-March", "late-May": the month's edge, hyphenated as financial copy writes it
  // (the year by the tense, as a month alone); the modifier rule reads "mid-June".
  rule('edge-month', [lw('end', 'early', 'late', 'start'), glued(HYPHEN), glued(MONTH)], 'Reserves rose to $30 billion at end-June, the bank said.', (s, m) => {
    const [k, , j] = m.t;
    const mod = YEAR_EDGE_MOD[s.str(k)];
    if (!mod || s.isP(j + 1, HYPHEN_CODE)) return null; // "end-June-to-September"
    return s.withYearWord({ expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'm', m: s.monthOf(j) }, mod }, next: j + 1 });
  }),
  EARLY_LATE_ON_RULE,
  MODIFIER_RULE,
  // "the current quarter", "the current year", "the current fiscal year": the publication date's.
  rule('current period', [lw('current'), alt(lw('week', 'month', 'year', 'quarter'), seq(lw('fiscal'), lw('year')))], 'Output should rise in the current quarter, the bank said.', (s, m) => {
    const [k, j] = m.t;
    const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
    const x = s.lw(j);
    if (x === 'fiscal') return { expr: { start, end: s.tE[j + 1], kind: { type: 'fiscal', y: NaN, offset: 0 } }, next: j + 2 };
    if (x === 'quarter') return { expr: { start, end: s.tE[j], kind: { type: 'part', of: 'Q', n: NaN, y: NaN, offset: 0 } }, next: j + 1 };
    return { expr: { start, end: s.tE[j], kind: { type: 'rel', unit: x as 'week' | 'month' | 'year', offset: 0 } }, next: j + 1 };
  }),
  REFERENCE_RULE,
  rule('noon/midnight', [lw('noon', 'midday', 'midnight')], 'The curfew starts at midnight in the capital.', (s, m) => {
    const k = m.t[0];
    const p = s.strOrNone(k - 1);
    // "at midnight", or before its day: "the deadline is midnight Friday", "is midnight on Friday".
    const dayAfter = s.weekdayOf(k + 1) >= 0 || (s.strOrNone(k + 1) === 'on' && s.weekdayOf(k + 2) >= 0);
    if (p !== 'at' && p !== 'by' && p !== 'until' && p !== 'before' && p !== 'after' && p !== 'around' && p !== 'about' && p !== 'till' && !dayAfter) return STOP;
    const time = s.lw(k) === 'midnight' ? '24:00' : '12:00';
    // "noon Thursday", "midnight Friday": one TIME, the time on that day (as a clock time before its weekday).
    const wd = s.weekdayOf(k + 1);
    if (wd >= 0) return { expr: { start: s.tS[k], end: s.tE[k + 1], kind: { type: 'weekday', w: wd }, time }, next: k + 2 };
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'rel', unit: 'day', offset: 0 }, time, local: true }, next: k + 1 };
  }),
  ...HOLIDAY_RULES,
  rule('frequency adverb', [lex('SET', (w) => w.set !== undefined)], 'The council meets weekly in the town hall.', (s, m) => {
    const k = m.t[0];
    // A newspaper, not a frequency: "the party daily Granma", "China Daily" (capitalized inside a sentence).
    const next = s.kind(k + 1) === W ? s.first(k + 1) : 0;
    if ((next >= 65 && next <= 90) || (s.first(k) <= 90 && !s.opensSentence(k))) return STOP;
    const x = s.lw(k);
    // "the quarterly dividend", "its initial quarterly of five cents": before a noun (or as one)
    // "quarterly" names the period a figure is reported for, not how often the clause's event recurs.
    if (x === 'quarterly' && next >= 97 && next <= 122 && !FREQUENCY_AFTER.has(s.str(k + 1))) return STOP;
    // A rate, not a recurrence: "rose 8.5% annually", "10,000 units annually", "$5 million annually".
    if (s.kind(k - 1) === N || s.str(k - 1) === '%' || RATE_BEFORE.has(s.strOrNone(k - 1) ?? '') || (s.kind(k - 1) === W && s.kind(k - 2) === N && !s.lw(k - 1))) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'set', v: LEXICON[x].set! } }, next: k + 1 };
  }),
  rule('every unit', [lw('every', 'each'), UNIT_ONE], 'Inspectors visit every week without notice.', (s, m) => {
    const [k, u] = m.t;
    const p = { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set' as const, v: durationValue(1, LEXICON[s.lw(u)].unit!), quant: s.lw(k).toUpperCase() } }, next: u + 1 };
    return s.lw(u) === 'day' ? withSetTime(s, p, false) : p;
  }),
  rule('every season-name', [lw('every', 'each'), SEASON], 'Floods return each winter to the valley.', (s, m) => {
    const [k, u] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: `XXXX-${LEXICON[s.lw(u)].season!}`, quant: s.lw(k).toUpperCase() } }, next: u + 1 };
  }),
  rule('every season', [lw('every', 'each'), lw('season')], 'Prices change every season at the market.', (s, m) => {
    const [k, u] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: 'P3M', quant: s.lw(k).toUpperCase() } }, next: u + 1 };
  }),
  // "closed on Sundays", "works weekends": every such day (TIMEX3 SET XXXX-WXX-7, XXXX-WXX-WE); not
  // after a count or a determiner ("two weekends", "the Sundays of Lent"), nor before a name ("Fridays For Future").
  rule('weekdays (set)', [lex('WEEKDAYS', (w) => w.weekdays !== undefined)], 'The market is closed on Sundays in the old town.', (s, m) => {
    const k = m.t[0];
    const n = LEXICON[s.lw(k)].weekdays!;
    if ((n < 8 && s.first(k) > 90) || (s.kind(k + 1) === W && s.first(k + 1) <= 90)) return STOP;
    const p = s.kind(k - 1);
    if (p === N || (p === W && (s.lex(k - 1)?.n !== undefined || PLURAL_WEEKDAY_NOT_AFTER.has(s.str(k - 1))))) return STOP;
    const r = { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'set' as const, v: n === 8 ? 'XXXX-WXX-WE' : `XXXX-WXX-${n}` } }, next: k + 1 };
    return n === 8 ? r : withSetTime(s, r, false);
  }),
  rule('every weekday', [lw('every', 'each'), WEEKDAY], 'Protesters gather every Monday outside parliament.', (s, m) => {
    const [k, u] = m.t;
    const wd = s.weekdayOf(u);
    return withSetTime(s, { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: `XXXX-WXX-${wd === 0 ? 7 : wd}`, quant: s.lw(k).toUpperCase() } }, next: u + 1 }, true);
  }),
  // "each July", "every March": the month of every year (a SET, as "every Monday").
  rule('every month-name', [lw('every', 'each'), MONTH], 'Marchers parade each July through the town.', (s, m) => {
    const [k, u] = m.t;
    if (s.tE[u] - s.tS[u] < 4 && !s.isMay(u) && !s.isP(u + 1, DOT)) return null; // "every Mar" without its dot
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: `XXXX-${pad2(s.monthOf(u))}`, quant: s.lw(k).toUpperCase() } }, next: u + 1 };
  }),
  rule('every n units', [lw('every'), QUANTITY_EL], 'Elections are held every four years in the state.', (s, m) => {
    const [k, j] = m.t;
    const d = s.durationAt(j);
    if (!d) return STOP;
    // "every few months", "every several years": an unspecified count, X in TIMEX3 (PXM).
    return { expr: { start: s.tS[k], end: s.tE[d.next - 1], kind: { type: 'set', v: durationValue(d.n, d.unit), quant: 'EVERY' } }, next: d.next };
  }),
  // "every other week": every second one (SET P2W, quant EVERY).
  rule('every other unit', [lw('every'), word('other'), UNIT_ONE], 'The panel meets every other week in Geneva.', (s, m) => {
    const [k, , u] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: durationValue(2, LEXICON[s.lw(u)].unit!), quant: 'EVERY' } }, next: u + 1 };
  }),
  // "every quarter", "each quarter": a SET of quarters (P1Q); "a quarter" alone is no unit (a fraction).
  rule('every quarter', [lw('every', 'each'), lw('quarter')], 'The fund pays out every quarter to its members.', (s, m) => {
    const [k, u] = m.t;
    if (s.strOrNone(u + 1) === 'of') return null; // "each quarter of the city"
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: 'P1Q', quant: s.lw(k).toUpperCase() } }, next: u + 1 };
  }),
  // "every other Sunday": every second such day, a SET of the weekday (as "every Sunday"; the
  // TIMEX3 value has no place for the step, which a duration would lose the weekday to).
  rule('every other weekday', [lw('every'), word('other'), WEEKDAY], 'The market opens every other Sunday in the square.', (s, m) => {
    const [k, , u] = m.t;
    const wd = s.weekdayOf(u);
    return withSetTime(s, { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: `XXXX-WXX-${wd === 0 ? 7 : wd}`, quant: 'EVERY' } }, next: u + 1 }, true);
  }),
  // "every morning", "each night": a part of every day, a SET (XXXX-XX-XXTMO, as "nightly").
  rule('every part of day', [lw('every', 'each'), PART], 'Protesters gather every morning outside the court.', (s, m) => {
    const [k, u] = m.t;
    if (s.lw(u) === 'tonight' || PART_NOUN_BEFORE.has(s.strOrNone(u + 1) ?? '')) return STOP; // "every morning paper"
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'set', v: `XXXX-XX-XXT${LEXICON[s.lw(u)].part!}`, quant: s.lw(k).toUpperCase() } }, next: u + 1 };
  }),
  // "half an hour", "a half-hour", "half a century": the half written as the next smaller unit
  // (PT30M, P50Y), as TimeML writes it; "ago"/"later" make it an offset as after any quantity.
  rule('half a unit', [lw('half'), opt(alt(lw('a', 'an'), glued(HYPHEN))), UNIT_ONE], 'The trial lasted half an hour, the court said.', (s, m) => {
    const [k, , u] = m.t;
    const h = HALF_OF[LEXICON[s.lw(u)].unit!];
    if (!h || s.lex(k - 1)?.ord !== undefined || s.strOrNone(k - 1) === 'and') return null; // "the first half year", "a year and a half"
    const start = s.lw(k - 1) === 'a' ? s.tS[k - 1] : s.tS[k];
    const after = s.lw(u + 1);
    if (after === 'ago') return { expr: { start, end: s.tE[u + 1], kind: { type: 'off', n: -h[0], unit: h[1], from: 'dct' } }, next: u + 2 };
    if (after === 'later' || after === 'earlier') return { expr: { start, end: s.tE[u + 1], kind: { type: 'off', n: after === 'later' ? h[0] : -h[0], unit: h[1], from: 'prev' } }, next: u + 2 };
    return { expr: { start, end: s.tE[u], kind: { type: 'dur', n: h[0], unit: h[1] } }, next: u + 1 };
  }),
  rule('every (nothing else)', [lw('every', 'each')], 'Every delegate voted.', () => STOP),
  // "first-quarter profits", "fourth-quarter results": the quarter as "the first quarter" reads it.
  rule('ordinal-quarter', [lex('ORDINAL', (w) => w.ord !== undefined && w.ord <= 4), glued(HYPHEN), glued(lw('quarter', 'half'))], 'The bank reported first-quarter profits on time.', (s, m) => {
    const [k, , q] = m.t;
    const n = LEXICON[s.lw(k)].ord!;
    const of = s.lw(q) === 'half' ? 'H' : 'Q';
    if (of === 'H' && n > 2) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[q], kind: { type: 'part', of, n, y: NaN, offset: 0, bare: true } }, next: q + 1 };
  }),
  // "this time last year", "this time next year": the publication day a year back or ahead (a DATE
  // at day precision: the phrase points at the same point of the calendar, not at the whole year).
  rule('this time last year', [lw('this'), word('time'), lw('last', 'next'), lw('year')], 'Prices are higher than this time last year, traders said.', (s, m) => {
    const [k, , r, y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'off', n: s.lw(r) === 'last' ? -1 : 1, unit: 'Y', from: 'base', base: { type: 'rel', unit: 'day', offset: 0 } } }, next: y + 1 };
  }),
  // "this past week", "this past year": a DATE (TimeML), the week or year holding the middle of the
  // seven days or twelve months up to the publication date: on a Friday the current week, on a
  // Monday the one before; in March the year before, in November the current one. ("The past
  // week" is the span, a DURATION: the relative rules.)
  rule('this past week/year', [lw('this'), lw('past'), lw('week', 'year')], 'Ministers met twice this past week in Brussels.', (s, m) => {
    const [k, , u] = m.t;
    const week = s.lw(u) === 'week';
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'off', n: 0, unit: week ? 'W' : 'Y', from: 'base', base: { type: 'rel', unit: 'day', offset: week ? -3 : -182 } } }, next: u + 1 };
  }),
  // "this past spring": the one just gone, as "last spring".
  rule('this past season', [lw('this'), lw('past'), SEASON], 'The mill closed this past spring after the floods.', (s, m) => {
    const [k, , j] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[j], kind: { type: 'season', s: LEXICON[s.lw(j)].season!, rel: 'last' } }, next: j + 1 };
  }),
  // "this past weekend", "this past Monday": the one just gone.
  rule('this past', [lw('this'), lw('past'), alt(lw('weekend'), WEEKDAY)], 'The accord was signed this past weekend in Doha.', (s, m) => {
    const [k, , j] = m.t;
    const start = s.tS[k];
    if (s.lw(j) === 'weekend') return { expr: { start, end: s.tE[j], kind: { type: 'weekend', offset: -1 } }, next: j + 1 };
    return { expr: { start, end: s.tE[j], kind: { type: 'weekday', w: s.weekdayOf(j), rel: 'last' } }, next: j + 1 };
  }),
  // "this coming Friday", "this coming weekend": the next one ahead, as "next Friday" (the span holds "this coming").
  rule('this coming', [lw('this'), lw('coming', 'upcoming'), alt(lw('weekend'), WEEKDAY)], 'The summit opens this coming Friday in Brussels.', (s, m) => {
    const [k, , j] = m.t;
    const start = s.tS[k];
    if (s.lw(j) === 'weekend') return { expr: { start, end: s.tE[j], kind: { type: 'weekend', offset: 0 } }, next: j + 1 };
    return { expr: { start, end: s.tE[j], kind: { type: 'weekday', w: s.weekdayOf(j), rel: 'next' } }, next: j + 1 };
  }),
  // "year-end", "the year-end", "at year's end", "month-end": the publication year or month with
  // mod END ("the end of the year" is read by the "the end of" rule).
  rule('year-end', [lw('year', 'month'), alt(seq(glued(HYPHEN), glued(word('end'))), seq(glued(APOSTROPHE), glued(word('s')), word('end')))], 'Sales usually peak at year-end, the chain said.', (s, m) => {
    const [k, , next] = m.t;
    const end = next - 1;
    const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
    return { expr: { start, end: s.tE[end], kind: { type: 'rel', unit: s.lw(k) === 'year' ? 'year' : 'month', offset: 0 }, mod: 'END' }, next: end + 1 };
  }),
  // "by year end", "since year end": as "year-end", in two words after a preposition.
  rule('year end', [lw('year'), word('end')], 'The deal should close by year end, the firm said.', (s, m) => {
    const [k, e] = m.t;
    if (!YEAR_END_BEFORE.has(s.strOrNone(k - 1) ?? '')) return null;
    return { expr: { start: s.tS[k], end: s.tE[e], kind: { type: 'rel', unit: 'year', offset: 0 }, mod: 'END' }, next: e + 1 };
  }),
  // "its third quarter", "a flat second quarter", "the fiscal first quarter": a quarter, read as "the
  // third quarter" whatever comes before it (TimeML leaves "its" and adjectives out of the span,
  // keeps "the fiscal"); "the third quarter" itself is read by the "the" rules.
  rule('ordinal quarter (no the)', [lex('ORDINAL', (w) => w.ord !== undefined && w.ord <= 4), lw('quarter')], 'The firm lost money in its third quarter, it said.', (s, m) => {
    const [k, q] = m.t;
    // "a second quarter-century", "its first quarter century", "third quarter of the game": no quarter of a year.
    if ((s.kind(q + 1) === P && s.adjacent(q, q + 1) && s.first(q + 1) === HYPHEN_CODE) || s.lw(q + 1) === 'century' || gameOf(s, q + 1)) return null;
    const fiscal = s.strOrNone(k - 1) === 'fiscal';
    const start = fiscal ? (s.lw(k - 2) === 'the' ? s.tS[k - 2] : s.tS[k - 1]) : s.tS[k];
    const n = LEXICON[s.lw(k)].ord!;
    const a = s.lw(k - 1) === 'a' || s.lw(k - 2) === 'a' || s.lw(k - 1) === 'an' || s.lw(k - 2) === 'an';
    return { expr: { start, end: s.tE[q], kind: a ? { type: 'part', of: 'Q', n, y: NaN, offset: 0, bare: true, aside: true } : { type: 'part', of: 'Q', n, y: NaN, offset: 0, bare: true } }, next: q + 1 };
  }),
  // "the latest quarter", "the most recent quarter": the last one reported, the quarter before the publication date's.
  rule('latest quarter', [lw('latest', 'recent'), lw('quarter')], 'Sales fell 4% in the latest quarter, the bank said.', (s, m) => {
    const [k, q] = m.t;
    const most = s.lw(k) === 'recent' && s.str(k - 1) === 'most';
    if (s.lw(k) === 'recent' && !most) return null;
    const art = most ? k - 2 : k - 1;
    const start = s.lw(art) === 'the' ? s.tS[art] : s.tS[most ? k - 1 : k];
    return { expr: { start, end: s.tE[q], kind: { type: 'part', of: 'Q', n: NaN, y: NaN, offset: -1 } }, next: q + 1 };
  }),
  // "the previous quarter", "the prior quarter": the quarter before the previous date's.
  rule('previous quarter', [lw('previous', 'prior', 'preceding'), lw('quarter')], 'Sales rose in the first quarter of 2013 from the previous quarter.', (s, m) => {
    const [k, q] = m.t;
    const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
    return { expr: { start, end: s.tE[q], kind: { type: 'ana', unit: 'quarter', offset: -1, grain: 'quarter' } }, next: q + 1 };
  }),
  // "the last half of 1989", "the first two quarters of 1990": a half of that year (read from
  // "first"/"last", which opens the window to the year).
  rule('last half of a year', [lw('first', 'last'), opt(word('two')), alt(lw('half'), word('quarters')), word('of'), YEAR], 'Sales slowed in the last half of 2012, the chain said.', (s, m) => {
    const [f, two, u, , y] = m.t;
    if ((two >= 0) !== (s.str(u) === 'quarters')) return null;
    const start = s.lw(f - 1) === 'the' ? s.tS[f - 1] : s.tS[f];
    return { expr: { start, end: s.tE[y], kind: { type: 'part', of: 'H', n: s.lw(f) === 'first' ? 1 : 2, y: s.yearAt(y), offset: 0, bare: false } }, next: y + 1 };
  }),
  // "this year's third quarter", "next year's first half": that part of the year; "last year's
  // quarter", "last year's period": the one the text reports on, a year back.
  rule("relative year's quarter", [THIS_NEXT_LAST, lw('year'), glued(APOSTROPHE), glued(word('s')), opt(lex('ORDINAL_PART', (w) => w.ord !== undefined && w.ord <= 4)), lw('quarter', 'half', 'period')], "Sales rose in this year's third quarter at the chain.", (s, m) => {
    const [k, , , , o, u] = m.t;
    const offset = relOf(s, k);
    if (gameOf(s, u + 1) || (s.kind(u + 1) === P && s.adjacent(u, u + 1) && s.first(u + 1) === HYPHEN_CODE)) return null;
    if (o >= 0) {
      const part = ordinalPart(s, o, u);
      if (!part) return null;
      return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'part', of: part, n: ordinalAt(s, o), y: NaN, offset, bare: false } }, next: u + 1 };
    }
    if (s.lw(u) === 'half' || offset !== -1 || !endsBackRef(s, u)) return null;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'ana', unit: 'year', offset: -1, grain: 'same' } }, next: u + 1 };
  }),
  ...SEASON_RULES,
  ...relRules(false),
  // "Results for that quarter included…": the quarter of the previous date (as "the previous quarter" is the one before it).
  rule('that quarter', [lw('that'), lw('quarter')], 'Profit fell in the second quarter of 2012. Results for that quarter included a charge.', (s, m) => {
    const [k, q] = m.t;
    // "that quarter of the city", "that quarter century" are no quarter of a year.
    if (s.strOrNone(q + 1) === 'of' || s.strOrNone(q + 1) === 'century' || s.isP(q + 1, HYPHEN_CODE)) return null;
    return { expr: { start: s.tS[k], end: s.tE[q], kind: { type: 'ana', unit: 'quarter', offset: 0, grain: 'quarter' } }, next: q + 1 };
  }),
  rule('relative word (nothing else)', [REL], 'Last of all, 3 delegates voted.', () => STOP),
  ...THE_RULES,
  rule('recent units', [lw('recent'), UNITS], 'Prices rose in recent weeks across the country.', (s, m) => {
    const [k, u] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[u], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(u)].unit! } }, next: u + 1 };
  }),
  rule('fiscal year', [lw('fiscal'), opt(lw('year')), YEAR], 'The budget for fiscal 2023 was approved.', (s, m) => {
    const [k, , y] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'fiscal', y: s.yearAt(y) } }, next: y + 1 };
  }),
  rule('fiscal FY year', [lw('fy'), YEAR], 'The budget for FY 2014 was approved.', (s, m) => {
    const [k, y] = m.t;
    if (s.str(k) !== 'FY') return STOP;
    return { expr: { start: s.tS[k], end: s.tE[y], kind: { type: 'fiscal', y: s.yearAt(y) } }, next: y + 1 };
  }),
  // "for years", "for weeks": an unspecified duration.
  rule('for units', [lw('for'), UNITS], 'The two sides have negotiated for years without result.', (s, m) => {
    const u = m.t[1];
    return { expr: { start: s.tS[u], end: s.tE[u], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(u)].unit! } }, next: u + 1 };
  }),
  // "in the days before the slaying", "weeks after the attack", "in the months leading up to the war": a vague span by an event.
  rule('units before/after an event', [lex('UNITS_BY_EVENT', (w) => !!w.plural && (w.unit === 'H' || w.unit === 'D' || w.unit === 'W' || w.unit === 'M')),
    alt(lw('after', 'before', 'following'), seq(word('leading'), word('up'), word('to')))], 'Slepian was shot on Oct. 23. The car was seen in the weeks before the shooting.', (s, m) => {
    const [k, a, j] = m.t;
    const ev = eventAt(s, j);
    if (!ev) return null;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'event', n: NaN, dir: s.lw(a) === 'after' || s.lw(a) === 'following' ? 1 : -1, unit: LEXICON[s.lw(k)].unit!, event: ev.word, phrase: ev.phrase } }, next: a };
  }),
  // "within 3 days": a duration from now.
  rule('within quantity', [lw('within'), QUANTITY_EL], 'The army must withdraw within 3 days of the deal.', (s, m) => {
    const j = m.t[1];
    const d = s.durationAt(j);
    return d ? { expr: { start: s.tS[j], end: s.tE[d.next - 1], kind: { type: 'dur', n: d.n, unit: d.unit, within: !businessDays(s, d) || undefined } }, next: d.next } : null;
  }),
  // "within hours", "within weeks": an unspecified span from then (PTXH, PXW).
  rule('within units', [lw('within'), UNITS], 'Power was restored within hours of the storm.', (s, m) => {
    const u = m.t[1];
    return { expr: { start: s.tS[u], end: s.tE[u], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(u)].unit! } }, next: u + 1 };
  }),
  RANGE_RULE,
  // "the year-earlier quarter", "the year-ago period": the previous date's quarter (or period) a year before.
  rule('year-earlier quarter', [lw('year'), glued(HYPHEN), glued(lw('earlier', 'ago')), word('quarter', 'period', 'half')], 'Profit fell in the third quarter of 2012 from the year-earlier quarter.', (s, m) => {
    const [k, , , q] = m.t;
    const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
    const grain = s.str(q) === 'period' ? 'same' : s.str(q) === 'half' ? 'half' : 'quarter';
    return { expr: { start, end: s.tE[q], kind: { type: 'ana', unit: 'year', offset: -1, grain } }, next: q + 1 };
  }),
  // "compared with year-earlier profit", "The year-ago results": the reporting period a year before
  // (TimeML marks the adjective alone).
  rule('year-earlier adjective', [lw('year'), glued(HYPHEN), glued(lw('earlier', 'ago'))], 'Profit rose in the third quarter of 2012 from year-earlier levels.', (s, m) => {
    const [k, , a] = m.t;
    // "the year-ago third quarter": the quarter reported on, a year back, in one span.
    const o = a + 1;
    if (s.lex(o)?.ord !== undefined && s.lex(o)!.ord! <= 4 && s.lw(o + 1) === 'quarter') {
      const start = s.lw(k - 1) === 'the' ? s.tS[k - 1] : s.tS[k];
      return { expr: { start, end: s.tE[o + 1], kind: { type: 'ana', unit: 'year', offset: -1, grain: 'quarter' } }, next: o + 2 };
    }
    // Before a noun only: "the year-earlier $4.5 million", "the year-earlier nine months" (a span) are not it.
    if (s.kind(a + 1) !== W || s.lex(a + 1)) return STOP;
    return { expr: { start: s.tS[k], end: s.tE[a], kind: { type: 'ana', unit: 'year', offset: -1, grain: 'same' } }, next: a + 1 };
  }),
  // A unit word alone: "decades-long", "years-old", "day-long".
  rule('unit-long', [UNIT_ONE, glued(HYPHEN), word('long')], 'A day-long strike shut the port.', (s, m) => {
    const [k, , l] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[l], kind: { type: 'dur', n: 1, unit: LEXICON[s.lw(k)].unit! } }, next: l + 1 };
  }),
  rule('units-long', [UNITS, glued(HYPHEN), word('long', 'old')], 'A decades-long dispute ended in court.', (s, m) => {
    const [k, , l] = m.t;
    return { expr: { start: s.tS[k], end: s.tE[l], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(k)].unit! } }, next: l + 1 };
  }),  // "these days": the present age (PRESENT_REF), not a span.
  rule('these days', [lw('days')], 'Few papers turn a profit these days, editors say.', (s, m) => {
    const k = m.t[0];
    const p = s.strOrNone(k - 1);
    return p === 'these' || p === 'These' ? { expr: { start: s.tS[k - 1], end: s.tE[k], kind: { type: 'ref', v: 'PRESENT_REF' } }, next: k + 1 } : null;
  }),
  // "in the near term", "over the short term": the time just ahead (FUTURE_REF).
  rule('the near term', [lw('term')], 'Prices should stay high in the near term, traders said.', (s, m) => {
    const k = m.t[0];
    const p = s.strOrNone(k - 1);
    if ((p !== 'near' && p !== 'short') || (s.str(k - 2) !== 'the' && s.str(k - 2) !== 'The')) return STOP;
    return { expr: { start: s.tS[k - 2], end: s.tE[k], kind: { type: 'ref', v: 'FUTURE_REF' } }, next: k + 1 };
  }),
  // "the highest in decades", "the first time in years", "the worst attack in months": an unspecified span up to now.
  rule('in units after a superlative', [UNITS], 'Turnout was the highest in decades, officials said.', (s, m) => {
    const k = m.t[0];
    if (s.strOrNone(k - 1) !== 'in' || !(spanWord(s.strOrNone(k - 2) ?? '') || spanWord(s.strOrNone(k - 3) ?? ''))) return null;
    return { expr: { start: s.tS[k], end: s.tE[k], kind: { type: 'dur', n: NaN, unit: LEXICON[s.lw(k)].unit! } }, next: k + 1 };
  }),
];


/**
 * The groups: `date` is what the scanner tries at each token; the others are read by `sub`
 * elements and by the procedural forms (`rangeTail` reads a second date with `monthDate`).
 */
export const GROUPS: Readonly<Record<string, readonly Rule[]>> = Object.freeze({
  date: Object.freeze([...WEEKDAY_RULES, ...MONTH_RULES, ...DIGIT_LETTER_RULES, ...NUMBER_RULES, ...DAY_RULES, ...YEAR_RULES, ...WORD_RULES]),
  monthDay: Object.freeze(MONTH_DAY),
  monthDate: Object.freeze(MONTH_DATE),
  dayTail: Object.freeze(DAY_TAIL),
  ordinal: Object.freeze(ORDINAL_RULES),
  season: Object.freeze(SEASON_RULES),
  theRel: Object.freeze(relRules(true)),
});

