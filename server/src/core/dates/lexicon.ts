/**
 * The date scanner's lexicon: every word (lower case) that a date form reads besides month and
 * weekday names, with what it means to the forms. The scanner's word classes and its trigger
 * search are derived from this table (`scan.ts`), so a new word is one row here.
 *
 * A word marked `trigger` can be the only date-like word of an expression ("five years", "now",
 * "daily"): text around it is tokenized and parsed. Other words are read only inside the window
 * of a trigger (digits, month and weekday names always trigger).
 */

import { TimexMod } from '../types';

/** Units of time, as their TIMEX3 duration letters (minutes `MIN`, quarters `Q`, decades `DE`, centuries `CE`). */
export type Unit = 'S' | 'MIN' | 'H' | 'D' | 'W' | 'M' | 'Q' | 'Y' | 'DE' | 'CE';

export interface Word {
  /** A number word's value; NaN for an unspecified number ("several": X in TIMEX3). */
  n?: number;
  /** A unit of time, and whether the word is its plural. */
  unit?: Unit;
  plural?: boolean;
  /** How many of `unit` one of the word is ("fortnight": two weeks); 1 when absent. */
  per?: number;
  /** A reference to the present, past or future. */
  ref?: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';
  /** A weekday named in the plural, the day it recurs on ("Mondays": 1 … "Sundays": 7; "weekends": 8), a SET. */
  weekdays?: number;
  /** A part of the day in the plural ("nights" after a weekday: "Tuesday nights", a SET). */
  parts?: 'MO' | 'AF' | 'EV' | 'NI';
  /** A frequency adverb's TIMEX3 set value ("daily" → P1D). */
  set?: string;
  /** A decade named in words ("the nineties"): its TIMEX3 digits (199). */
  decade?: number;
  /** A season's TIMEX3 code. */
  season?: 'SP' | 'SU' | 'FA' | 'WI';
  /** A part of the day's TIMEX3 code. */
  part?: 'MO' | 'AF' | 'EV' | 'NI' | 'MI';
  /** A modifier before a date or duration. */
  mod?: TimexMod;
  /** An ordinal (quarters, halves, centuries, days of the month). */
  ord?: number;
  /** Direction: last/previous (-1), this/that/same (0), next/following/coming (+1). */
  rel?: -1 | 0 | 1;
  /** A holiday (its key for `holidayDate`). */
  holiday?: string;
  /** Starts a scan window. */
  trigger?: boolean;
}

const UNIT_WORDS: Record<string, Word> = {
  second: { unit: 'S', ord: 2 }, seconds: { unit: 'S', plural: true },
  minute: { unit: 'MIN' }, minutes: { unit: 'MIN', plural: true },
  hour: { unit: 'H' }, hours: { unit: 'H', plural: true },
  day: { unit: 'D' }, days: { unit: 'D', plural: true },
  week: { unit: 'W' }, weeks: { unit: 'W', plural: true },
  month: { unit: 'M' }, months: { unit: 'M', plural: true },
  // Only the plural is a unit: "a quarter" is as often a fraction ("a quarter of the vote"), and
  // "the third quarter", "this quarter" are read as periods by their own rules.
  quarters: { unit: 'Q', plural: true },
  year: { unit: 'Y' }, years: { unit: 'Y', plural: true },
  decade: { unit: 'DE' }, decades: { unit: 'DE', plural: true },
  century: { unit: 'CE' }, centuries: { unit: 'CE', plural: true },
  fortnight: { unit: 'W', per: 2 }, fortnights: { unit: 'W', per: 2, plural: true },
};
/** Every unit word triggers a scan ("five years"). */
const units: Record<string, Word> = Object.fromEntries(Object.entries(UNIT_WORDS).map(([k, w]) => [k, { ...w, trigger: true }]));

const numbers: Record<string, Word> = {
  a: { n: 1 }, an: { n: 1 }, one: { n: 1 }, two: { n: 2 }, three: { n: 3 }, four: { n: 4 }, five: { n: 5 }, six: { n: 6 },
  seven: { n: 7 }, eight: { n: 8 }, nine: { n: 9 }, ten: { n: 10 }, eleven: { n: 11 }, twelve: { n: 12 }, thirteen: { n: 13 },
  fourteen: { n: 14 }, fifteen: { n: 15 }, sixteen: { n: 16 }, seventeen: { n: 17 }, eighteen: { n: 18 },
  // "nineteen", "twenty" also open a year spoken in words ("nineteen ninety-seven", "twenty twelve").
  nineteen: { n: 19, trigger: true }, twenty: { n: 20, trigger: true },
  thirty: { n: 30 }, forty: { n: 40 }, fifty: { n: 50 }, sixty: { n: 60 }, seventy: { n: 70 }, eighty: { n: 80 }, ninety: { n: 90 }, hundred: { n: 100 },
  several: { n: NaN }, few: { n: NaN }, many: { n: NaN }, couple: { n: 2 },
};

const LEXICON_ROWS: Record<string, Word> = Object.assign(Object.create(null) as Record<string, Word>, {
  ...units,
  ...numbers,
  yesterday: { trigger: true }, today: { trigger: true }, tomorrow: { trigger: true }, tonight: { part: 'NI', trigger: true },
  last: { rel: -1 }, previous: { rel: -1 }, past: { rel: -1, ref: 'PAST_REF', trigger: true },
  next: { rel: 1 }, following: { rel: 1 }, coming: { rel: 1 }, upcoming: { rel: 1 },
  this: { rel: 0 }, that: { rel: 0 }, same: { rel: 0 },
  early: { mod: 'START' }, earlier: {}, late: { mod: 'END' }, later: {}, mid: { mod: 'MID' },
  beginning: { mod: 'START' }, start: { mod: 'START' }, end: { mod: 'END' }, middle: { mod: 'MID' },
  about: { mod: 'APPROX' }, around: { mod: 'APPROX' }, approximately: { mod: 'APPROX' }, roughly: { mod: 'APPROX' }, some: { mod: 'APPROX' },
  nearly: { mod: 'LESS_THAN' }, almost: { mod: 'LESS_THAN' }, more: { mod: 'MORE_THAN' }, less: { mod: 'LESS_THAN' }, least: { mod: 'EQUAL_OR_MORE' },
  between: {}, from: {}, latest: {}, prior: {}, preceding: {}, the: {}, ago: { trigger: true }, after: {}, before: {}, within: {}, for: {}, recent: { trigger: true },
  now: { ref: 'PRESENT_REF', trigger: true }, currently: { ref: 'PRESENT_REF', trigger: true }, current: { ref: 'PRESENT_REF', trigger: true },
  nowadays: { ref: 'PRESENT_REF', trigger: true },
  future: { ref: 'FUTURE_REF', trigger: true }, recently: { ref: 'PAST_REF', trigger: true }, term: { trigger: true },
  // Weekdays in the plural ("closed on Sundays", "works weekends"): SETs; parts of days after one ("Tuesday nights").
  mondays: { weekdays: 1, trigger: true }, tuesdays: { weekdays: 2, trigger: true }, wednesdays: { weekdays: 3, trigger: true },
  thursdays: { weekdays: 4, trigger: true }, fridays: { weekdays: 5, trigger: true }, saturdays: { weekdays: 6, trigger: true },
  sundays: { weekdays: 7, trigger: true }, weekends: { weekdays: 8, trigger: true },
  mornings: { parts: 'MO' }, afternoons: { parts: 'AF' }, evenings: { parts: 'EV' }, nights: { parts: 'NI' },
  daily: { set: 'P1D', trigger: true }, weekly: { set: 'P1W', trigger: true }, monthly: { set: 'P1M', trigger: true },
  annually: { set: 'P1Y', trigger: true }, quarterly: { set: 'P3M', trigger: true }, yearly: { set: 'P1Y', trigger: true }, hourly: { set: 'PT1H', trigger: true }, nightly: { set: 'XXXX-XX-XXTNI', trigger: true },
  every: { trigger: true }, each: {}, season: { trigger: true },
  fifties: { decade: 195, trigger: true }, sixties: { decade: 196, trigger: true }, seventies: { decade: 197, trigger: true },
  eighties: { decade: 198, trigger: true }, nineties: { decade: 199, trigger: true },
  spring: { season: 'SP', trigger: true }, summer: { season: 'SU', trigger: true }, fall: { season: 'FA', trigger: true },
  autumn: { season: 'FA', trigger: true }, winter: { season: 'WI', trigger: true },
  morning: { part: 'MO', trigger: true }, afternoon: { part: 'AF', trigger: true }, evening: { part: 'EV', trigger: true },
  night: { part: 'NI', trigger: true }, noon: { part: 'MI', trigger: true }, midday: { part: 'MI', trigger: true },
  weekend: { trigger: true }, period: { trigger: true }, quarter: { trigger: true }, half: { trigger: true }, fiscal: { trigger: true },
  first: { ord: 1 }, third: { ord: 3 }, fourth: { ord: 4 }, twentieth: { ord: 20 }, nineteenth: { ord: 19 }, eighteenth: { ord: 18 }, seventeenth: { ord: 17 },
  // Days of the month spelled out ("the fifth of November", "March the twelfth"); with "first" to
  // "fourth" above, and "twenty-"/"thirty-" before one of them ("the twenty-first of June").
  fifth: { ord: 5 }, sixth: { ord: 6 }, seventh: { ord: 7 }, eighth: { ord: 8 }, ninth: { ord: 9 }, tenth: { ord: 10 },
  eleventh: { ord: 11 }, twelfth: { ord: 12 }, thirteenth: { ord: 13 }, fourteenth: { ord: 14 }, fifteenth: { ord: 15 },
  sixteenth: { ord: 16 }, thirtieth: { ord: 30 },
  bc: {}, bce: {}, ad: {}, ce: {}, midnight: { trigger: true }, fy: {},
  thanksgiving: { holiday: 'thanksgiving', trigger: true }, christmas: { holiday: 'christmas', trigger: true }, easter: { holiday: 'easter', trigger: true },
  halloween: { holiday: 'halloween', trigger: true }, new: { holiday: 'newyear' },
  // Read only before "Day" (HOLIDAYS[…].word), which opens the scan window.
  election: { holiday: 'election' }, memorial: { holiday: 'memorial' }, veterans: { holiday: 'veterans' },
  labor: { holiday: 'labor' }, columbus: { holiday: 'columbus' }, independence: { holiday: 'independence' }, presidents: { holiday: 'presidents' },
  // Read only before "'s Day" (the possessive holiday rule): "Valentine's Day", "St. Patrick's Day", "Mother's Day".
  boxing: { holiday: 'boxing' },
  valentine: { holiday: 'valentine' }, patrick: { holiday: 'patrick' }, mother: { holiday: 'mother' }, father: { holiday: 'father' },
  // "Eid al-Fitr", "Eid al-Adha": read only with the feast's name after it (the rule "Eid al-Fitr/al-Adha").
  eid: { trigger: true },
  // "MLK Day" (the holiday rule), "Martin Luther King Day" (its own rule, from "Luther").
  mlk: { holiday: 'mlk' }, luther: {},
  bastille: { holiday: 'bastille' }, canada: { holiday: 'canada' }, australia: { holiday: 'australia' }, anzac: { holiday: 'anzac' },
  remembrance: { holiday: 'remembrance' }, armistice: { holiday: 'armistice' }, earth: { holiday: 'earth' },
  juneteenth: { holiday: 'juneteenth', trigger: true },
  // Jewish feasts (the Hebrew calendar) and the Lunar New Year ("Lunar/Chinese New Year": the rule of that name, from "New").
  passover: { holiday: 'passover', trigger: true }, hanukkah: { holiday: 'hanukkah', trigger: true }, chanukah: { holiday: 'hanukkah', trigger: true },
  hanukah: { holiday: 'hanukkah', trigger: true }, rosh: { trigger: true }, yom: { trigger: true },
  // Ramadan (a range of days: HOLIDAYS.ramadan.wholeMonth; "Ramazan" in Turkish and Persian
  // spelling), and Nowruz, the Persian new year, in the spellings of wire copy.
  ramadan: { holiday: 'ramadan', trigger: true }, ramazan: { holiday: 'ramadan', trigger: true },
  nowruz: { holiday: 'nowruz', trigger: true }, norouz: { holiday: 'nowruz', trigger: true }, nowrouz: { holiday: 'nowruz', trigger: true },
  nowrooz: { holiday: 'nowruz', trigger: true }, navruz: { holiday: 'nowruz', trigger: true },
});

/** The lexicon, frozen with its rows: the scanner's tables are derived from it once, and nothing changes it afterwards. */
export const LEXICON: Readonly<Record<string, Readonly<Word>>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Word>, Object.fromEntries(Object.entries(LEXICON_ROWS).map(([k, w]) => [k, Object.freeze(w)]))),
);

/**
 * A holiday's rule, one row per holiday: a fixed day (`m`, `d`; `d` -1: the month's last day); the `nth` `weekday` (0 Sunday …
 * 6 Saturday) of month `m` counted from day `from` (default 1; `nth` -1: the last); or `easter`
 * plus days. `word`: the word after the name that makes it a holiday ("Election Day"; "Day" is
 * optional for the others). The lexicon row `{ holiday: key }` names the first word.
 */
export interface Holiday {
  m?: number;
  d?: number;
  weekday?: number;
  nth?: number;
  from?: number;
  easter?: number;
  /** `easter` counts from the Orthodox Easter (the Julian computus), not the Western one. */
  julian?: boolean;
  /** Another holiday's date plus `plus` days ("Black Friday": the day after Thanksgiving). */
  after?: string;
  plus?: number;
  word?: string;
  /** A day of the Islamic calendar, [month, day] (Umm al-Qura, the Saudi calendar most Muslim states follow). */
  hijri?: readonly [number, number];
  /**
   * The holiday is the whole Islamic month that `hijri` opens (Ramadan): a range of days, from
   * its first to the day before the next month's first (29 or 30 days), not one day.
   */
  wholeMonth?: boolean;
  /**
   * A day of the Hebrew, Chinese or Persian (solar Hijri) calendar, as ICU names it: [calendar, month (the name ICU gives a
   * Hebrew month, the number of a Chinese one), day, and the Gregorian month and day it never falls
   * before]. Each of these falls once in a Gregorian year, within 40 days of that bound.
   */
  lunar?: readonly ['hebrew' | 'chinese' | 'persian', string, number, number, number];
  /** Days the holiday moves when it falls on each weekday (Sunday first): Israel keeps its Independence Day off the Sabbath. */
  moved?: readonly number[];
}

/**
 * Holidays of newswire (United States ones where the name is theirs: Thanksgiving, Election Day,
 * Memorial Day, Veterans Day, Labor Day, Columbus Day, Presidents Day, Independence Day, Mother's
 * and Father's Day). `word` "'s Day": the name is read only in the possessive ("Mother's Day").
 */
export const HOLIDAYS: Readonly<Record<string, Readonly<Holiday>>> = freezeRows({
  christmas: { m: 12, d: 25 },
  christmaseve: { m: 12, d: 24 },
  // The Orthodox feasts ("Orthodox Christmas", read by the word before the name): the Julian
  // calendar's 24–25 December fall on 6–7 January from 1900 to 2099.
  orthodoxchristmas: { m: 1, d: 7 },
  orthodoxchristmaseve: { m: 1, d: 6 },
  orthodoxeaster: { easter: 0, julian: true },
  orthodoxeastermonday: { easter: 1, julian: true },
  newyear: { m: 1, d: 1 },
  newyeareve: { m: 12, d: 31 },
  halloween: { m: 10, d: 31 },
  thanksgiving: { m: 11, weekday: 4, nth: 4 },
  easter: { easter: 0 },
  eastermonday: { easter: 1 },
  goodfriday: { easter: -2 },
  holythursday: { easter: -3 },
  palmsunday: { easter: -7 },
  ashwednesday: { easter: -46 },
  shrovetuesday: { easter: -47 },
  blackfriday: { after: 'thanksgiving', plus: 1 },
  cybermonday: { after: 'thanksgiving', plus: 4 },
  // The Tuesday after the first Monday of November: the first Tuesday from 2 November.
  election: { m: 11, weekday: 2, nth: 1, from: 2, word: 'Day' },
  memorial: { m: 5, weekday: 1, nth: -1, word: 'Day' },
  veterans: { m: 11, d: 11, word: 'Day' },
  labor: { m: 9, weekday: 1, nth: 1, word: 'Day' },
  columbus: { m: 10, weekday: 1, nth: 2, word: 'Day' },
  presidents: { m: 2, weekday: 1, nth: 3, word: 'Day' },
  independence: { m: 7, d: 4, word: 'Day' },
  boxing: { m: 12, d: 26, word: 'Day' },
  mlk: { m: 1, weekday: 1, nth: 3, word: 'Day' }, // the third Monday of January
  // Fixed days of other countries' and international news, read only before "Day".
  mayday: { m: 5, d: 1 },
  bastille: { m: 7, d: 14, word: 'Day' },
  canada: { m: 7, d: 1, word: 'Day' },
  australia: { m: 1, d: 26, word: 'Day' },
  anzac: { m: 4, d: 25, word: 'Day' },
  remembrance: { m: 11, d: 11, word: 'Day' },
  armistice: { m: 11, d: 11, word: 'Day' },
  earth: { m: 4, d: 22, word: 'Day' },
  juneteenth: { m: 6, d: 19 },
  valentine: { m: 2, d: 14, word: "'s Day" },
  patrick: { m: 3, d: 17, word: "'s Day" },
  mother: { m: 5, weekday: 0, nth: 2, word: "'s Day" },
  father: { m: 6, weekday: 0, nth: 3, word: "'s Day" },
  eidalfitr: { hijri: [10, 1] }, // 1 Shawwal, the end of Ramadan
  eidaladha: { hijri: [12, 10] }, // 10 Dhu al-Hijjah
  ramadan: { hijri: [9, 1], wholeMonth: true }, // the fasting month, 1 Ramadan to the eve of Eid al-Fitr
  roshhashanah: { lunar: ['hebrew', 'Tishri', 1, 9, 1] }, // the Jewish new year, 1 Tishri (5 Sep – 5 Oct)
  yomkippur: { lunar: ['hebrew', 'Tishri', 10, 9, 10] }, // 10 Tishri
  passover: { lunar: ['hebrew', 'Nisan', 15, 3, 20] }, // 15 Nisan (26 Mar – 25 Apr)
  hanukkah: { lunar: ['hebrew', 'Kislev', 25, 11, 20] }, // its first day, 25 Kislev (27 Nov – 27 Dec)
  lunarnewyear: { lunar: ['chinese', '1', 1, 1, 15] }, // the first day of the first Chinese month (21 Jan – 20 Feb)
  nowruz: { lunar: ['persian', '1', 1, 3, 19] }, // the Persian new year, 1 Farvardin (20 or 21 March)
  // Israel's Independence Day, 5 Iyar (15 April – 15 May), moved to the Thursday before from a Friday or
  // Saturday and to Tuesday from a Monday (the rule since 2004); read by its owner ("Israel's Independence Day").
  israelindependence: { lunar: ['hebrew', 'Iyar', 5, 4, 15], moved: [0, 1, 0, 0, 0, -1, -2] },
});

/**
 * Independence Days of other countries than the United States ("Ukraine's Independence Day",
 * "Indian Independence Day"): by the country's name or its adjective (the last word, or the two
 * last of a two-word name), the month and day. "Independence Day" with no owner is the United
 * States' (`HOLIDAYS.independence`); an owner neither here nor in `INDEPENDENCE_HOLIDAYS` gives no
 * date rather than 4 July.
 * Only countries whose "Independence Day" is one fixed day by that name.
 */
export const INDEPENDENCE_DAYS: Readonly<Record<string, readonly [string, number, number]>> = (() => {
  const rows: [string[], string, number, number][] = [
    [['Ukraine', 'Ukrainian'], 'Ukraine', 8, 24],
    [['India', 'Indian'], 'India', 8, 15],
    [['Pakistan', 'Pakistani'], 'Pakistan', 8, 14],
    [['Bangladesh', 'Bangladeshi'], 'Bangladesh', 3, 26],
    [['Lanka', 'Lankan'], 'Sri Lanka', 2, 4],
    [['Indonesia', 'Indonesian'], 'Indonesia', 8, 17],
    [['Philippines', 'Philippine', 'Filipino'], 'the Philippines', 6, 12],
    [['Mexico', 'Mexican'], 'Mexico', 9, 16],
    [['Brazil', 'Brazilian'], 'Brazil', 9, 7],
    [['Argentina', 'Argentine', 'Argentinian'], 'Argentina', 7, 9],
    [['Venezuela', 'Venezuelan'], 'Venezuela', 7, 5],
    [['Colombia', 'Colombian'], 'Colombia', 7, 20],
    [['Chile', 'Chilean'], 'Chile', 9, 18],
    [['Peru', 'Peruvian'], 'Peru', 7, 28],
    [['Nigeria', 'Nigerian'], 'Nigeria', 10, 1],
    [['Ghana', 'Ghanaian'], 'Ghana', 3, 6],
    [['Kenya', 'Kenyan'], 'Kenya', 12, 12],
    [['Algeria', 'Algerian'], 'Algeria', 7, 5],
    [['Tunisia', 'Tunisian'], 'Tunisia', 3, 20],
    [['Morocco', 'Moroccan'], 'Morocco', 11, 18],
    [['Lebanon', 'Lebanese'], 'Lebanon', 11, 22],
    [['Jordan', 'Jordanian'], 'Jordan', 5, 25],
    [['Iraq', 'Iraqi'], 'Iraq', 10, 3],
    [['Libya', 'Libyan'], 'Libya', 12, 24],
    [['Sudan', 'Sudanese'], 'Sudan', 1, 1],
    [['South Sudan', 'South Sudanese'], 'South Sudan', 7, 9],
    [['Eritrea', 'Eritrean'], 'Eritrea', 5, 24],
    [['Afghanistan', 'Afghan'], 'Afghanistan', 8, 19],
    [['Kazakhstan', 'Kazakh'], 'Kazakhstan', 12, 16],
    [['Uzbekistan', 'Uzbek'], 'Uzbekistan', 9, 1],
    [['Kyrgyzstan', 'Kyrgyz'], 'Kyrgyzstan', 8, 31],
    [['Tajikistan', 'Tajik'], 'Tajikistan', 9, 9],
    [['Turkmenistan', 'Turkmen'], 'Turkmenistan', 9, 27],
    [['Armenia', 'Armenian'], 'Armenia', 9, 21],
    [['Georgia', 'Georgian'], 'Georgia', 5, 26],
    [['Belarus', 'Belarusian'], 'Belarus', 7, 3],
    [['Moldova', 'Moldovan'], 'Moldova', 8, 27],
    [['Estonia', 'Estonian'], 'Estonia', 2, 24],
    [['Finland', 'Finnish'], 'Finland', 12, 6],
    [['Poland', 'Polish'], 'Poland', 11, 11],
    [['Kosovo'], 'Kosovo', 2, 17],
    [['Montenegro', 'Montenegrin'], 'Montenegro', 5, 21],
    [['Greece', 'Greek'], 'Greece', 3, 25],
    [['Cyprus', 'Cypriot'], 'Cyprus', 10, 1],
    [['Myanmar', 'Burmese'], 'Myanmar', 1, 4],
    [['Cambodia', 'Cambodian'], 'Cambodia', 11, 9],
    [['Malaysia', 'Malaysian'], 'Malaysia', 8, 31],
    [['Vietnam', 'Vietnamese'], 'Vietnam', 9, 2],
    [['Haiti', 'Haitian'], 'Haiti', 1, 1],
    [['Jamaica', 'Jamaican'], 'Jamaica', 8, 6],
    [['Zimbabwe', 'Zimbabwean'], 'Zimbabwe', 4, 18],
    [['Mozambique', 'Mozambican'], 'Mozambique', 6, 25],
    [['Angola', 'Angolan'], 'Angola', 11, 11],
    [['Namibia', 'Namibian'], 'Namibia', 3, 21],
    [['Senegal', 'Senegalese'], 'Senegal', 4, 4],
    [['Mali', 'Malian'], 'Mali', 9, 22],
  ];
  const out: Record<string, readonly [string, number, number]> = Object.create(null);
  for (const [keys, name, m, d] of rows) for (const key of keys) out[key] = Object.freeze([name, m, d] as const);
  return Object.freeze(out);
})();

/**
 * Independence Days that are a row of `HOLIDAYS` (the United States' own, Israel's on the Hebrew
 * calendar), by the country's name or adjective.
 */
export const INDEPENDENCE_HOLIDAYS: Readonly<Record<string, string>> = Object.freeze({
  America: 'independence', American: 'independence', States: 'independence', US: 'independence', USA: 'independence',
  Israel: 'israelindependence', Israeli: 'israelindependence',
});

/**
 * Weekdays named by the capitalized word before them ("Good Friday", "Black Monday"): by that word
 * and the weekday, the holiday it is (a row of `HOLIDAYS`), or null for a name that is no date of
 * its own ("Black Monday", the 1987 crash; "Super Tuesday", whose primaries move every cycle).
 * Only these words: a capitalized word before a weekday is as often a subject in wire copy ("the
 * Cabinet Monday approved", "told CNN Monday"), so capitalization alone does not make a name.
 */
export const NAMED_WEEKDAYS: Readonly<Record<string, Readonly<Record<string, string | null>>>> = freezeRows<Record<string, string | null>>({
  Good: { Friday: 'goodfriday' },
  Holy: { Thursday: 'holythursday' },
  Maundy: { Thursday: 'holythursday' },
  Palm: { Sunday: 'palmsunday' },
  Ash: { Wednesday: 'ashwednesday' },
  Shrove: { Tuesday: 'shrovetuesday' },
  Fat: { Tuesday: 'shrovetuesday' },
  Cyber: { Monday: 'cybermonday' },
  Black: { Friday: 'blackfriday', Monday: null, Tuesday: null, Wednesday: null, Thursday: null, Saturday: null, Sunday: null },
  Bloody: { Sunday: null, Monday: null, Tuesday: null, Wednesday: null, Thursday: null, Friday: null, Saturday: null },
  Super: { Tuesday: null, Saturday: null, Sunday: null },
  Giving: { Tuesday: null },
});

function freezeRows<T extends object>(rows: Record<string, T>): Readonly<Record<string, Readonly<T>>> {
  return Object.freeze(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, Object.freeze(r)])));
}

/** Western Easter Sunday of year y (anonymous Gregorian algorithm). */
function easterSunday(y: number): { m: number; d: number } {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { m: Math.floor((h + l - 7 * m + 114) / 31), d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/**
 * Orthodox Easter Sunday of year y, as a Gregorian date: the Julian computus (Meeus), moved by the
 * days the Julian calendar lags the Gregorian one in that century (13 from 1900 to 2099).
 */
function orthodoxEasterSunday(y: number): { m: number; d: number } {
  const a = y % 4, b = y % 7, c = y % 19;
  const d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  const m = Math.floor((d + e + 114) / 31), day = ((d + e + 114) % 31) + 1;
  const lag = Math.floor(y / 100) - Math.floor(y / 400) - 2;
  const t = new Date(Date.UTC(y, m - 1, day + lag));
  return { m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The Islamic year, month and day of day number t (days since 1970-01-01), by a formatter of that calendar. */
function hijriOf(f: Intl.DateTimeFormat, t: number): { y: number; m: number; d: number } {
  let y = 0, m = 0, d = 0;
  for (const p of f.formatToParts(new Date(t * 86400000))) {
    if (p.type === 'year') y = parseInt(p.value, 10);
    else if (p.type === 'month') m = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return { y, m, d };
}

/**
 * The first day of Gregorian year y that is day `hd` of Islamic month `hm` (an Islamic year is 11
 * days shorter, so one falls in every Gregorian year, two in some): estimated from the Islamic date
 * of 1 January at 29.53 days a month, then moved a day at a time to the day itself.
 */
function hijriDay(hm: number, hd: number, y: number): { m: number; d: number } {
  // The Umm al-Qura calendar (the Saudi one, which most Muslim states follow), as ICU has it. Made
  // here, not at load: a process's first Intl formatter costs about 17 ms, paid only by a text
  // that names a feast (0.1–0.5 ms after that).
  const f = hijriFormat();
  const jan1 = Math.floor(Date.UTC(y, 0, 1) / 86400000);
  const h = hijriOf(f, jan1);
  const months = (hm - h.m + 12) % 12 + (hm === h.m && hd < h.d ? 12 : 0);
  const t = stepToHijri(f, jan1 + Math.round(months * 29.53 + hd - h.d), h.m + months > 12 ? h.y + 1 : h.y, hm, hd);
  const g = new Date(t * 86400000);
  return { m: g.getUTCMonth() + 1, d: g.getUTCDate() };
}

/** Day number t, an estimate of day `hd` of month `hm` of Islamic year `iy`, moved a day at a time (at most 10) to that day. */
function stepToHijri(f: Intl.DateTimeFormat, t: number, iy: number, hm: number, hd: number): number {
  const want = iy * 400 + hm * 32 + hd;
  for (let i = 0; i < 10; i++) {
    const x = hijriOf(f, t);
    const got = x.y * 400 + x.m * 32 + x.d;
    if (got === want) break;
    t += got < want ? 1 : -1;
  }
  return t;
}

/** The Umm al-Qura formatter (made only for a text that names an Islamic feast: see `hijriDay`). */
function hijriFormat(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
}

/** 1 Muharram 1446 (7 July 2024), a day number to estimate others from. */
const MUHARRAM_1446 = 19911;
/** The mean length of an Islamic month in days. */
const LUNAR_MONTH = 29.530589;

/**
 * The day number (days since 1970-01-01) of day `hd` of Islamic month `hm` of Islamic year `iy`:
 * estimated at the mean month's length from 1 Muharram 1446, then moved a day at a time to it.
 * Counting feasts by Islamic year finds each one, where a Gregorian year holds two now and then
 * (Ramadan begins in January and in December 2030).
 */
export function hijriDayNumber(hm: number, hd: number, iy: number): number {
  return stepToHijri(hijriFormat(), MUHARRAM_1446 + Math.round(((iy - 1446) * 12 + hm - 1) * LUNAR_MONTH) + hd - 1, iy, hm, hd);
}

/** The day number of the last day of Islamic month `hm` of year `iy`: the day before the next month's first. */
export function hijriMonthLastDay(hm: number, iy: number): number {
  return hm === 12 ? hijriDayNumber(1, 1, iy + 1) - 1 : hijriDayNumber(hm + 1, 1, iy) - 1;
}

/** The Islamic year (Umm al-Qura) of day number t. */
export function hijriYearAt(t: number): number {
  return hijriOf(hijriFormat(), t).y;
}

/**
 * A holiday that lasts longer than a day (`Holiday.wholeMonth`): its last day when its first is
 * in Gregorian year y (the year of that day: the range may end in the next year), else null.
 */
export function holidayLastDay(name: string, y: number): { y: number; m: number; d: number } | null {
  const h = HOLIDAYS[name];
  if (!h?.wholeMonth) return null;
  const first = holidayDate(name, y)!;
  const last = new Date(hijriMonthLastDay(h.hijri![0], hijriYearAt(Math.floor(Date.UTC(y, first.m - 1, first.d) / 86400000))) * 86400000);
  return { y: last.getUTCFullYear(), m: last.getUTCMonth() + 1, d: last.getUTCDate() };
}

/**
 * The day of Gregorian year y that is a Hebrew, Chinese or Persian calendar's day (`Holiday.lunar`), found
 * from the earliest Gregorian day it can fall on, a day at a time (ICU's calendars; the formatter made
 * only for a text that names such a feast, as for `hijriDay`).
 */
function lunarDay(l: Readonly<NonNullable<Holiday['lunar']>>, y: number): { m: number; d: number } {
  const [cal, month, day, gm, gd] = l;
  const f = new Intl.DateTimeFormat(`en-u-ca-${cal}`, { timeZone: 'UTC', month: cal === 'hebrew' ? 'long' : 'numeric', day: 'numeric' });
  const t0 = Date.UTC(y, gm - 1, gd);
  for (let i = 0; i < 45; i++) {
    let m = '', d = 0;
    for (const p of f.formatToParts(new Date(t0 + i * 86400000))) {
      if (p.type === 'month') m = p.value;
      else if (p.type === 'day') d = parseInt(p.value, 10);
    }
    if (m === month && d === day) return { m: new Date(t0 + i * 86400000).getUTCMonth() + 1, d: new Date(t0 + i * 86400000).getUTCDate() };
  }
  return { m: gm, d: gd }; // not reached for the rows above (ICU's calendars through 2199)
}

/** A holiday's date in year y, from its row in `HOLIDAYS` (or such a row itself); null for an unknown name. */
export function holidayDate(name: string | Readonly<Holiday>, y: number): { m: number; d: number } | null {
  const h = typeof name === 'string' ? HOLIDAYS[name] : name;
  if (!h) return null;
  if (h.after !== undefined) {
    const b = holidayDate(h.after, y)!;
    const t = new Date(Date.UTC(y, b.m - 1, b.d + (h.plus ?? 0)));
    return { m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  if (h.hijri !== undefined) return hijriDay(h.hijri[0], h.hijri[1], y);
  if (h.lunar !== undefined) {
    const l = lunarDay(h.lunar, y);
    if (!h.moved) return l;
    const t = new Date(Date.UTC(y, l.m - 1, l.d));
    t.setUTCDate(l.d + h.moved[t.getUTCDay()]);
    return { m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  if (h.easter !== undefined) {
    const e = h.julian ? orthodoxEasterSunday(y) : easterSunday(y);
    const t = new Date(Date.UTC(y, e.m - 1, e.d + h.easter));
    return { m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  if (h.weekday === undefined) return { m: h.m!, d: h.d! < 0 ? new Date(Date.UTC(y, h.m!, 0)).getUTCDate() : h.d! };
  if (h.nth! < 0) {
    const last = new Date(Date.UTC(y, h.m!, 0)); // the month's last day
    return { m: h.m!, d: last.getUTCDate() - ((last.getUTCDay() - h.weekday + 7) % 7) };
  }
  const from = h.from ?? 1;
  const first = new Date(Date.UTC(y, h.m! - 1, from)).getUTCDay();
  return { m: h.m!, d: from + ((h.weekday - first + 7) % 7) + 7 * (h.nth! - 1) };
}

/**
 * Events a date can be counted from ("the day after his death", "in the weeks before the
 * shooting", "ten days before the vote"): the noun (singular or plural) → its family, and each
 * family's words (nouns and verb forms) that mark the date the article gave the event ("was shot
 * to death on Oct. 23", "the Oct. 23 slaying"). The resolver counts from the last day-precise date
 * marked by a word of the same family, else from the previous day-precise date nearby.
 */
export const EVENT_NOUNS: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, {
  death: 'kill', killing: 'kill', killings: 'kill', shooting: 'kill', shootings: 'kill', slaying: 'kill', slayings: 'kill', murder: 'kill', murders: 'kill',
  assassination: 'kill', execution: 'kill', massacre: 'kill', funeral: 'kill',
  attack: 'attack', attacks: 'attack', bombing: 'attack', bombings: 'attack', blast: 'attack', blasts: 'attack', explosion: 'attack', raid: 'attack',
  ambush: 'attack', airstrike: 'attack', airstrikes: 'attack', hijacking: 'attack', kidnapping: 'attack', abduction: 'attack',
  election: 'vote', elections: 'vote', vote: 'vote', referendum: 'vote', ballot: 'vote', runoff: 'vote', primary: 'vote',
  summit: 'meet', meeting: 'meet', talks: 'meet', visit: 'meet', conference: 'meet', hearing: 'meet', speech: 'meet',
  war: 'war', invasion: 'war', coup: 'war', offensive: 'war', uprising: 'war', revolution: 'war',
  crash: 'disaster', earthquake: 'disaster', quake: 'disaster', tsunami: 'disaster', hurricane: 'disaster', flood: 'disaster', floods: 'disaster', fire: 'disaster', collapse: 'disaster',
  ceasefire: 'deal', truce: 'deal', deal: 'deal', agreement: 'deal', accord: 'deal', treaty: 'deal',
  ruling: 'court', verdict: 'court', arrest: 'court', indictment: 'court', sentencing: 'court', conviction: 'court', trial: 'court',
  resignation: 'office', inauguration: 'office', swearing: 'office', appointment: 'office', dismissal: 'office',
  announcement: 'announce', disappearance: 'vanish', release: 'release', withdrawal: 'withdraw',
}));

/** The words of each event family that mark a date as the event's (its nouns count too). */
export const EVENT_MARKS: Readonly<Record<string, readonly string[]>> = Object.freeze(Object.assign(Object.create(null) as Record<string, readonly string[]>, {
  kill: Object.freeze(['killed', 'shot', 'slain', 'murdered', 'died', 'dead', 'assassinated', 'executed', 'massacred', 'gunned']),
  attack: Object.freeze(['attacked', 'bombed', 'exploded', 'struck', 'raided', 'ambushed', 'hijacked', 'kidnapped', 'abducted', 'seized']),
  vote: Object.freeze(['voted', 'elected', 'votes', 'polls']),
  meet: Object.freeze(['met', 'visited', 'testified', 'spoke']),
  war: Object.freeze(['invaded', 'seized', 'toppled', 'overthrown', 'ousted']),
  disaster: Object.freeze(['crashed', 'struck', 'hit', 'collapsed', 'flooded', 'burned']),
  deal: Object.freeze(['signed', 'agreed', 'reached', 'sealed']),
  court: Object.freeze(['ruled', 'convicted', 'sentenced', 'arrested', 'indicted', 'acquitted', 'detained']),
  office: Object.freeze(['resigned', 'inaugurated', 'sworn', 'appointed', 'dismissed', 'fired']),
  announce: Object.freeze(['announced']),
  vanish: Object.freeze(['disappeared', 'vanished', 'missing']),
  release: Object.freeze(['released', 'freed']),
  withdraw: Object.freeze(['withdrew', 'withdrawn', 'pulled']),
}));

/** Each event word (a noun of `EVENT_NOUNS` or a word of `EVENT_MARKS`) → the families it marks. */
export const EVENT_WORDS: Readonly<Record<string, readonly string[]>> = eventWords();

function eventWords(): Readonly<Record<string, readonly string[]>> {
  const out = Object.create(null) as Record<string, string[]>;
  const add = (w: string, f: string): void => {
    const fs = (out[w] ??= []);
    if (!fs.includes(f)) fs.push(f);
  };
  for (const [w, f] of Object.entries(EVENT_NOUNS)) add(w, f);
  for (const [f, ws] of Object.entries(EVENT_MARKS)) for (const w of ws) add(w, f);
  for (const w of Object.keys(out)) Object.freeze(out[w]);
  return Object.freeze(out);
}
