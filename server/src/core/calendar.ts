/**
 * Calendar arithmetic on plain ISO dates (proleptic Gregorian, no time zones): month and weekday
 * names, validity, weekdays, and comparisons of dates of different precision.
 *
 * Dates are handled as `{ y, m, d }` numbers or ISO strings (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`);
 * nothing here uses `Date` with local time, so results never depend on the machine's time zone.
 */

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Month names and their usual abbreviations (with or without a final dot), lower case → 1..12. */
export const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTHS.map((m, i) => [m.toLowerCase(), i + 1] as [string, number]),
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Weekday names and abbreviations, lower case → 0 (Sunday) .. 6 (Saturday). */
export const WEEKDAY_BY_NAME: ReadonlyMap<string, number> = new Map<string, number>([
  ...WEEKDAYS.map((w, i) => [w.toLowerCase(), i] as [string, number]),
  ['sun', 0], ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6],
]);

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  // One table, not an array literal per call (every date of every article asks).
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : MONTH_DAYS[m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Days since 1970-01-01 (may be negative). Integer dates go through the civil-calendar formula
 * (H. Hinnant's days_from_civil, linear in the day like `Date`); anything else through `Date`,
 * whose `setUTCFullYear` keeps years 0..99 literal. Same results; no `Date` per call.
 */
export function toDayNumber(y: number, m: number, d: number): number {
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && Math.abs(y) <= 100000 && Math.abs(d) <= 1000000) {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  }
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return Math.floor(dt.getTime() / 86400000);
}

/** The date of a day number (civil_from_days for integers, as `toDayNumber`). */
export function fromDayNumber(n: number): YMD {
  if (Number.isInteger(n) && Math.abs(n) <= 36000000) {
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const m = mp < 10 ? mp + 3 : mp - 9;
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
  }
  const dt = new Date(n * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(y: number, m: number, d: number): number {
  return ((toDayNumber(y, m, d) % 7) + 7 + 4) % 7;
}

/** '00'..'99', so months and days are padded without a new string each time. */
const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function pad(n: number, width = 2): string {
  if (width === 2 && n >= 0 && n < 100 && Number.isInteger(n)) return PAD2[n];
  return String(n).padStart(width, '0');
}

export function formatYMD(v: YMD): string {
  return `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}`;
}

/** Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also the date part of an ISO date-time). */
export function parseIsoDate(s: string): { y: number; m?: number; d?: number } | null {
  // Fast path for the plain YYYY-MM-DD that publication dates always are (the regular expression
  // below was most of the per-article cost of date recognition); same result.
  const ymd = plainDay(s);
  if (ymd >= 0) return ymd ? { y: Math.floor(ymd / 10000), m: Math.floor(ymd / 100) % 100, d: ymd % 100 } : null;
  const r = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!r) return null;
  const y = Number(r[1]);
  const m = r[2] === undefined ? undefined : Number(r[2]);
  const d = r[3] === undefined ? undefined : Number(r[3]);
  if (m !== undefined && (m < 1 || m > 12)) return null;
  if (d !== undefined && !isValidDate(y, m!, d)) return null;
  return { y, m, d };
}

/**
 * A plain `YYYY-MM-DD` (the usual value, and what publication dates always are) read in place,
 * with no parsed object: `y * 10000 + m * 100 + d`; 0 when it has that shape but is no valid day;
 * -1 when it does not have that shape. The one reader of both `parseIsoDate` and `dayInterval`.
 */
function plainDay(s: string): number {
  if (!(s.length === 10 && isDigits(s, 0, 4) && s.charCodeAt(4) === 45 && isDigits(s, 5, 7) && s.charCodeAt(7) === 45 && isDigits(s, 8, 10))) return -1;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 7);
  const d = digitsAt(s, 8, 10);
  return m >= 1 && m <= 12 && isValidDate(y, m, d) ? y * 10000 + m * 100 + d : 0;
}

/** The value of the decimal digits `s[from..to)` (`Number(s.slice(from, to))` without the slice). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The first and last day (day numbers, inclusive) an ISO value of any precision covers:
 * `2025` → all of 2025, `2025-01` → January, `199X` → the decade, `2009/2013` → 2009-01-01..2013-12-31.
 * Returns null for values it does not understand.
 */
export function dayInterval(value: string): [number, number] | null {
  const ymd = plainDay(value);
  if (ymd >= 0) {
    if (!ymd) return null;
    const n = toDayNumber(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);
    return [n, n];
  }
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const a = dayInterval(value.slice(0, slash));
    const b = dayInterval(value.slice(slash + 1));
    return a && b ? [a[0], b[1]] : null;
  }
  // Each special form has its own length and marker, so a plain date (the usual value) tries no
  // regular expression here.
  const decade = value.length === 4 && value.charCodeAt(3) === 88 ? /^(\d{3})X$/.exec(value) : null;
  if (decade) {
    const y = Number(decade[1]) * 10;
    return [toDayNumber(y, 1, 1), toDayNumber(y + 9, 12, 31)];
  }
  const q = value.length === 7 && value.charCodeAt(5) === 81 ? /^(\d{4})-Q([1-4])$/.exec(value) : null;
  if (q) {
    const y = Number(q[1]);
    const m0 = (Number(q[2]) - 1) * 3 + 1;
    return [toDayNumber(y, m0, 1), toDayNumber(y, m0 + 2, daysInMonth(y, m0 + 2))];
  }
  const w = value.length === 8 && value.charCodeAt(5) === 87 ? /^(\d{4})-W(\d{2})$/.exec(value) : null;
  if (w) {
    // ISO week: week 1 holds the year's first Thursday.
    const y = Number(w[1]);
    const jan4 = toDayNumber(y, 1, 4);
    const monday = jan4 - ((weekday(y, 1, 4) + 6) % 7) + (Number(w[2]) - 1) * 7;
    return [monday, monday + 6];
  }
  // A part of a day (`2013-03-22TMO`, TIMEX3's morning, afternoon, evening, night, daytime) is that day.
  if (value.length === 13 && value.charCodeAt(10) === 84 && value.charCodeAt(11) >= 65) return dayInterval(value.slice(0, 10));
  const p = parseIsoDate(value);
  if (!p) return null;
  if (p.m === undefined) return [toDayNumber(p.y, 1, 1), toDayNumber(p.y, 12, 31)];
  if (p.d === undefined) return [toDayNumber(p.y, p.m, 1), toDayNumber(p.y, p.m, daysInMonth(p.y, p.m))];
  const n = toDayNumber(p.y, p.m, p.d);
  return [n, n];
}

/**
 * A range of two ISO values in words, the month and year said once where both ends share them:
 * "11 to 12 July 2023", "23 March to 20 April 2023", "2009 to 2013".
 */
function describeDays(a: string, b: string): string {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (!x || !y) return `${a} to ${b}`;
  if (x.d !== undefined && y.d !== undefined && x.y === y.y) {
    return x.m === y.m ? `${x.d} to ${describeIsoDate(b)}` : `${x.d} ${MONTHS[x.m! - 1]} to ${describeIsoDate(b)}`;
  }
  return `${describeIsoDate(a)} to ${describeIsoDate(b)}`;
}

/** `2025-01` → "January 2025", `2025-01-05` → "5 January 2025", `2025` → "2025"; a range "11 to 12 July 2023". */
export function describeIsoDate(value: string): string {
  const slash = value.indexOf('/');
  if (slash > 0) return describeDays(value.slice(0, slash), value.slice(slash + 1));
  const p = parseIsoDate(value);
  if (!p) return value;
  if (p.m === undefined) return String(p.y);
  if (p.d === undefined) return `${MONTHS[p.m - 1]} ${p.y}`;
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}
