/**
 * The part of Wikidata's JSON entity model the importer reads (as `wbgetentities`,
 * `Special:EntityData/Qxx.json` and the JSON dumps write it), and the few accessors it needs.
 *
 * Nothing here simplifies statements the way `wikibase-sdk`'s `simplifyClaims` does by default:
 * every statement keeps its rank and qualifiers, so a past office is not lost when the current one
 * has preferred rank, and times keep their precision (`timeValue` below).
 */

export interface WdTimeValue {
  time: string;
  precision: number;
  calendarmodel?: string;
}

export interface WdSnak {
  snaktype: 'value' | 'somevalue' | 'novalue';
  property: string;
  datavalue?: { type: string; value: unknown };
}

export interface WdStatement {
  id?: string;
  rank?: 'preferred' | 'normal' | 'deprecated';
  mainsnak: WdSnak;
  qualifiers?: Record<string, WdSnak[]>;
}

export interface WdEntity {
  id: string;
  type?: string;
  lastrevid?: number;
  labels?: Record<string, { language: string; value: string }>;
  descriptions?: Record<string, { language: string; value: string }>;
  aliases?: Record<string, { language: string; value: string }[]>;
  claims?: Record<string, WdStatement[]>;
}

/** Well-known items and the classes the mapping decides by (documented in docs/wikidata.md). */
export const Q = {
  human: 'Q5',
  position: 'Q4164871',
  country: 'Q6256',
  sovereignState: 'Q3624078',
  familyName: 'Q101352',
  givenName: 'Q202444',
  maleGivenName: 'Q12308941',
  femaleGivenName: 'Q11879590',
  headOfGovernment: 'Q2285706',
  headOfState: 'Q48352',
  primeMinister: 'Q14212',
  president: 'Q30461',
  minister: 'Q83307',
  julianCalendar: 'Q1985786',
} as const;

export const COUNTRY_CLASSES: ReadonlySet<string> = new Set([Q.country, Q.sovereignState, 'Q7275' /* state */, 'Q3024240' /* historical country */]);
export const ORGANIZATION_CLASSES: ReadonlySet<string> = new Set([
  'Q43229' /* organization */, 'Q484652' /* international organization */, 'Q327333' /* government agency */,
  'Q7278' /* political party */, 'Q192350' /* ministry */, 'Q245065' /* intergovernmental organization */,
]);
export const NAME_CLASSES: ReadonlySet<string> = new Set([Q.familyName, Q.givenName, Q.maleGivenName, Q.femaleGivenName, 'Q3409032' /* unisex given name */]);
/** Classes whose positions have one holder at a time (still subject to the overlap test in mapping.ts). */
export const SINGLE_HOLDER_CLASSES: ReadonlySet<string> = new Set([Q.headOfGovernment, Q.headOfState, Q.primeMinister, Q.president, Q.minister]);

/** A statement counts unless deprecated. */
export function isUsable(s: WdStatement): boolean {
  return s.rank !== 'deprecated';
}

/** The item id a snak points at, if it has one. */
export function itemId(snak: WdSnak | undefined): string | undefined {
  if (!snak || snak.snaktype !== 'value' || !snak.datavalue) return undefined;
  const v = snak.datavalue.value as { id?: unknown; 'numeric-id'?: unknown } | null;
  if (v && typeof v === 'object') {
    if (typeof v.id === 'string' && /^Q\d+$/.test(v.id)) return v.id;
    if (typeof v['numeric-id'] === 'number') return `Q${v['numeric-id']}`;
  }
  return undefined;
}

/** The non-deprecated statements of a property, preferred ones first, otherwise in input order. */
export function statements(e: WdEntity, property: string): WdStatement[] {
  const list = e.claims?.[property];
  if (!Array.isArray(list)) return [];
  const usable = list.filter((s) => s && typeof s === 'object' && s.mainsnak && isUsable(s));
  return [...usable.filter((s) => s.rank === 'preferred'), ...usable.filter((s) => s.rank !== 'preferred')];
}

/** Item values of a property's non-deprecated statements (preferred first, no repeats). */
export function itemValues(e: WdEntity, property: string): string[] {
  const out: string[] = [];
  for (const s of statements(e, property)) {
    const id = itemId(s.mainsnak);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * A Wikidata time as a registry date at its precision: day (11) → `2021-11-10`, month (10) →
 * `2021-11`, year (9) → `2021`. Coarser precisions (decade, century), unknown values, years
 * outside 1–9999 and malformed times give undefined: the importer never invents a date. A date in
 * the Julian calendar keeps only its year, since converting its month and day is not worth the
 * risk for modern officials (and the year is the same but for a few days around New Year).
 */
export function timeValue(snak: WdSnak | undefined): string | undefined {
  if (!snak || snak.snaktype !== 'value' || !snak.datavalue) return undefined;
  const v = snak.datavalue.value as Partial<WdTimeValue> | null;
  if (!v || typeof v.time !== 'string' || typeof v.precision !== 'number') return undefined;
  const m = /^\+(\d{1,16})-(\d{2})-(\d{2})T/.exec(v.time);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1 || year > 9999) return undefined;
  const y = String(year).padStart(4, '0');
  const julian = typeof v.calendarmodel === 'string' && v.calendarmodel.endsWith(`/${Q.julianCalendar}`);
  const precision = julian ? Math.min(v.precision, 9) : v.precision;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (precision >= 11 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) return `${y}-${m[2]}-${m[3]}`;
  if (precision >= 10 && month >= 1 && month <= 12) return `${y}-${m[2]}`;
  if (precision >= 9) return y;
  return undefined;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The first qualifier value of a property on a statement. */
export function qualifier(s: WdStatement, property: string): WdSnak | undefined {
  const q = s.qualifiers?.[property];
  return Array.isArray(q) ? q[0] : undefined;
}

/** A label or description in the first of `langs` that has one (then `mul`, the multilingual label). */
export function textIn(map: Record<string, { value: string }> | undefined, langs: readonly string[]): string | undefined {
  if (!map) return undefined;
  for (const l of [...langs, 'mul']) {
    const v = map[l]?.value;
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

/** The numeric part of a QID, for ordering. */
export function qNumber(id: string): number {
  return Number(id.slice(1));
}
