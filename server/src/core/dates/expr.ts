/**
 * What the date scanner finds: an expression's kind and what it says (`ExprKind`), before
 * `index.ts` gives it a TIMEX3 value. Shared by the scanner (`scan.ts`) and the rules (`rules.ts`).
 */

import { Holiday, Unit } from './lexicon';
import { TimexMod } from '../types';

export type ExprKind =
  /**
   * A day. `numeric`: written A/B/Y, read month first; what its numbers say of the order: `mdy`
   * (B is above 12), `dmy` (A is), `either` (both could be months; the article decides).
   */
  | { type: 'ymd'; y: number; m: number; d: number; weekday?: { w: number; s: number; e: number }; bc?: boolean; numeric?: 'mdy' | 'dmy' | 'either' }
  /** A month and day; `yrel` when "last/this/next year" gives the year. */
  | { type: 'md'; m: number; d: number; weekday?: { w: number; s: number; e: number }; yrel?: number }
  | { type: 'ym'; y: number; m: number }
  | { type: 'm'; m: number; rel?: 'last' | 'next' | 'this'; yrel?: number }
  /**
   * A holiday by its name in the lexicon; `y` the year written after it ("Christmas 2012"). `day`:
   * a day the text names by a holiday's kind of rule ("the third Tuesday of September"), `name` its words ("third Tuesday of September").
   */
  | { type: 'holiday'; name: string; rel?: 'last' | 'next' | 'this'; yrel?: number; week?: boolean; y?: number; day?: Holiday }
  | { type: 'y'; y: number; bc?: boolean }
  | { type: 'decade'; decade: number }
  | { type: 'range'; from: number; to: number }
  | { type: 'quarter'; y: number; q: number }
  | { type: 'rel'; unit: 'day' | 'week' | 'month' | 'year'; offset: number }
  /** A weekday; `week`: in the publication date's ISO week plus that many weeks ("Wednesday next week"). */
  | { type: 'weekday'; w: number; rel?: 'last' | 'next' | 'this'; past?: boolean; before?: boolean; week?: number }
  /** A duration: n units (n NaN: unspecified, "several months"); `within`: from now. */
  | { type: 'dur'; n: number; unit: Unit; within?: boolean; half?: boolean }
  /**
   * An offset of n units from the publication date, the previous date in the text, or a base date.
   * `inAt`: "in" + a quantity, and where "in" starts ("in a week"): the date ahead spans from it, the
   * span it took in a past clause is the quantity alone (the resolver decides which).
   */
  | { type: 'off'; n: number; unit: Unit; from: 'dct' | 'prev' | 'base'; base?: ExprKind; inAt?: number }
  /**
   * Anaphoric: the day/week/… `offset` units from the previous date in the text ("the next day",
   * "that month"). `grain`: the result keeps a quarter, a half or the previous date's own
   * granularity ("the year-earlier quarter", "the year-ago period").
   */
  | { type: 'ana'; unit: 'day' | 'week' | 'month' | 'year' | 'quarter'; offset: number; grain?: 'quarter' | 'half' | 'same' }
  | { type: 'ref'; v: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  /**
   * A recurring time: `v` the TIMEX3 value, `quant` EVERY/EACH, `freq` how often within it ("twice a
   * week": `2X`), `what` the recurrence in words when the value cannot say it ("the first Monday of each month").
   */
  | { type: 'set'; v: string; quant?: string; freq?: string; what?: string; day?: number }
  | { type: 'season'; s: 'SP' | 'SU' | 'FA' | 'WI'; y?: number; rel?: 'last' | 'next' | 'this' }
  /**
   * A quarter or half of year y (NaN: the publication year plus offset). n NaN: the publication
   * date's quarter plus offset ("last quarter"). `bare`: no year written ("the fourth quarter"):
   * the tense picks it. `aside`: named with an indefinite article ("after a flat second quarter"),
   * so not the period the text reports on.
   */
  | { type: 'part'; of: 'Q' | 'H'; n: number; y: number; offset: number; bare?: boolean; aside?: boolean }
  | { type: 'fiscal'; y: number; offset?: number }
  /** A century, by its TIMEX3 digits (the 20th century: 19). */
  | { type: 'century'; c: number }
  /** The century of the publication date plus offset ("this century"). */
  | { type: 'relc'; offset: number; decade?: boolean }
  | { type: 'weekend'; offset: number }
  /** A day of the month with no month written ("on the 25th"): the month of the previous date in the text, else the publication month. */
  | { type: 'dom'; d: number }
  /** "the turn of the century": the century boundary nearest the publication year. */
  | { type: 'turn' }
  /**
   * Business copy referring back: "in the quarter", "the period" (the last quarter or half in the
   * text), "for the year" (its year), "the latest period" (that quarter, else the last one
   * reported). Nothing when there is no such date to refer to. `ended`: the date it ended follows
   * ("the quarter ended Sept. 30"), which decides it. `full`: "the full year", the year reported on.
   * `y`: the year written ("the 1988 quarter", "the 1989 period": the quarter reported on, in that year).
   */
  | { type: 'back'; what: 'quarter' | 'period' | 'year' | 'latest'; ended?: boolean; full?: boolean; y?: number }
  /**
   * Counted from an event named in words: n units (NaN: a vague span, "in the days before") in
   * direction `dir` from the date the article gave the event ("ten days before the murder",
   * "the day after his death" with `the`: the unit itself, at its own grain). `event`: the noun or
   * verb naming it (its family: `EVENT_WORDS`), `phrase`: the words naming it ("his death").
   */
  | { type: 'event'; n: number; dir: 1 | -1; unit: Unit; event: string; phrase: string; the?: boolean };

/**
 * Every kind of expression, with what it is. The record is complete by its type (a new kind
 * must be added here), and the unit test \`date-rules.test.ts\` checks that some rule makes each one
 * and that each resolves to a value with an explanation and words for the hover.
 */
export const EXPR_TYPES: Readonly<Record<ExprKind['type'], string>> = Object.freeze({
  ymd: 'a day', md: 'a month and day', ym: 'a month of a year', m: 'a month', holiday: 'a holiday', y: 'a year', decade: 'a decade',
  range: 'a range of years', quarter: 'a quarter of a year', rel: 'a day, week, month or year from the publication date',
  weekday: 'a weekday', dur: 'a duration', off: 'an offset from a date', ana: 'a date from the previous date in the text',
  ref: 'the present, past or future', set: 'a recurring time', season: 'a season', part: 'a quarter or half of a year',
  fiscal: 'a fiscal year', century: 'a century', relc: 'the century or decade of the publication date', weekend: 'a weekend',
  dom: 'a day of the month of the previous date or the publication date', turn: 'the turn of the century',
  back: 'the quarter, period or year of the previous quarter or half in the text',
  event: 'a date counted from an event the text dated before',
});

/** Whether an expression names a day, or days (Ramadan): a base for "2 days after …". */
export function isDay(k: ExprKind): boolean {
  return k.type === 'ymd' || k.type === 'md' || k.type === 'weekday' || (k.type === 'rel' && k.unit === 'day') || (k.type === 'holiday' && !k.week);
}

/** TIMEX3 duration for n units (n NaN: X). */
export function durationValue(n: number, unit: Unit): string {
  const x = Number.isNaN(n) ? 'X' : String(n);
  switch (unit) {
    case 'S': return `PT${x}S`;
    case 'MIN': return `PT${x}M`;
    case 'H': return `PT${x}H`;
    case 'DE': return Number.isNaN(n) ? 'PXY' : `P${n * 10}Y`;
    // "for centuries": PXC, the TIMEX3 letter of an unspecified number of centuries (PXY would lose the scale).
    case 'CE': return Number.isNaN(n) ? 'PXC' : `P${n * 100}Y`;
    default: return `P${x}${unit}`;
  }
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export interface Expr {
  start: number;
  end: number;
  kind: ExprKind;
  /** TIMEX3 modifier written before it ("early", "about", "more than"). */
  mod?: TimexMod;
  /** The other end of a range this expression starts ("10 - 22 August"). */
  pair?: Expr;
  /** The pair is an alternative ("Feb. 20 or 21"), two dates with no interval between them. */
  alternative?: boolean;
  /** A time of day: a part (`MO`, `AF`, `EV`, `NI`) or `hh:mm`. */
  time?: string;
  /** A clock time with no day written: the day is the publication day. */
  local?: boolean;
  /** Why the reading is unsure. */
  uncertain?: string;
}
