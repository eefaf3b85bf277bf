/**
 * `role-conflict`: a person named with an office they did not hold at the mention's reference
 * date (spec §2, `../reference.ts`: the date governing its clause — a date of its sentence, before
 * or after it, else the nearest earlier date of its paragraph, else the publication date).
 *
 * Dates of any precision are compared as day intervals (`calendar.dayInterval`): "January 2025"
 * conflicts only if no day of January 2025 lies inside any of the person's tenures in that office,
 * and a tenure written `2017-11` is taken to start on the first day of that month, so imprecise
 * registry dates never cause a warning on their own. A person the registry gives no roles at all
 * is not checked (the registry knows nothing about their career); a person with roles, none of
 * them in this office, is reported, since the registry then says they never held it.
 *
 * The message names the tenure(s), who held the office at that date (from every person's roles)
 * and what the person did hold then, so the reader can tell a wrong title from a wrong date.
 */

import { dayInterval, describeIsoDate } from '../calendar';
import { valueInWords } from '../dateInfo';
import { ReferenceDate, referenceDate } from '../reference';
import { Entity, Finding, RegistrySnapshot, Role, finding } from '../types';
import { entitiesOfType } from '../registry';
import type { CheckContext } from './index';

type Interval = [number, number];

export interface Tenure {
  person: Entity;
  role: Role;
  interval: Interval;
}

/** A role's tenure as a day interval; null when a date is unreadable (then nothing is claimed). */
export function tenureInterval(role: Role): Interval | null {
  let a = -Infinity;
  let b = Infinity;
  if (role.start) {
    const i = dayInterval(role.start);
    if (!i) return null;
    a = i[0];
  }
  if (role.end) {
    const i = dayInterval(role.end);
    if (!i) return null;
    b = i[1];
  }
  return [a, b];
}

/** `tenureInterval` of each role once per role object (roles of a registry snapshot do not change). */
const tenureCache = new WeakMap<Role, Interval | null>();

function cachedTenure(role: Role): Interval | null {
  let i = tenureCache.get(role);
  if (i === undefined) tenureCache.set(role, (i = tenureInterval(role)));
  return i;
}

const overlaps = (x: Interval, y: Interval): boolean => x[0] <= y[1] && y[0] <= x[1];

/** Tenures by office id: a Map, or a `--jobs` worker's table read from shared memory. */
export interface HolderLookup {
  get(office: string): Tenure[] | undefined;
}

const holderCache = new WeakMap<RegistrySnapshot, HolderLookup>();

/** Gives `registry` its office holders found elsewhere (a `--jobs` worker: from the main thread's table). */
export function presetOfficeHolders(registry: RegistrySnapshot, holders: HolderLookup): void {
  holderCache.set(registry, holders);
}

/** Every tenure of every person, by office id. Built once per registry snapshot. */
export function officeHolders(registry: RegistrySnapshot): HolderLookup {
  const found = holderCache.get(registry);
  if (found) return found;
  const m = new Map<string, Tenure[]>();
  for (const e of entitiesOfType(registry, 'person')) {
    for (const role of e.roles) {
      if (!role.office) continue;
      const interval = tenureInterval(role);
      if (!interval) continue;
      let list = m.get(role.office);
      if (!list) m.set(role.office, (list = []));
      list.push({ person: e, role, interval });
    }
  }
  holderCache.set(registry, m);
  return m;
}

/** "from 2021-11-10 to 2023-09-13", "since 2024-10-01", "until 2016". */
export function describeTenure(role: Role): string {
  if (role.start && role.end) return `from ${role.start} to ${role.end}`;
  if (role.start) return `since ${role.start}`;
  if (role.end) return `until ${role.end}`;
  return 'at an unknown time';
}

/** "in January 2025", "on 5 January 2025", "in week 17 of 2023", "between 2009 and 2013". */
export function describeWhen(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `on ${describeIsoDate(value)}`;
  const slash = value.indexOf('/');
  if (slash > 0) return `between ${valueInWords(value.slice(0, slash))} and ${valueInWords(value.slice(slash + 1))}`;
  return `in ${valueInWords(value)}`;
}

/**
 * Words that say the title is not held at the reference date ("former Foreign Minister",
 * "ex-minister", "Foreign Minister-designate"): such a mention claims no tenure at that date.
 */
const NOT_CURRENT_BEFORE = /\b(?:former|ex|late|past|previous|one-time|onetime|erstwhile|incoming|future|next|would-be)[\s-]*$/i;
const NOT_CURRENT_AFTER = /^[\s-]*(?:designate|elect|nominee)\b/i;

/**
 * Whether the words around a person mention with an office say the title is not held at the
 * reference date. Each regular expression runs only where its first (or last) letter is there:
 * most mentions have none of these words, and the expressions, tried at every place of the
 * 30 characters before a mention, were most of the check's time for such a mention.
 */
export function notCurrent(text: string, m: { start: number; end: number; officeRange?: [number, number] }): boolean {
  if (notCurrentBefore(text, m.start)) return true;
  if (!m.officeRange) return false;
  const [os, oe] = m.officeRange;
  // The recognizer may have included the qualifier in the office span itself.
  if (notCurrentBefore(text, os)) return true;
  const c = os < oe ? text.charCodeAt(os) | 0x20 : 0;
  if ((c === 0x66 || c === 0x65) && /^(?:former|ex)\b/i.test(text.slice(os, oe))) return true;
  return mayFollow(text, oe) && NOT_CURRENT_AFTER.test(text.slice(oe, oe + 12));
}

/** `NOT_CURRENT_BEFORE` on the 30 characters before `at`. */
function notCurrentBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 30);
  let i = at - 1;
  while (i >= from && isSpaceOrHyphen(text.charCodeAt(i))) i--;
  // The last two letters of one of the words (former, ex, late, past, previous, …, would-be).
  if (i <= from || !LAST_LETTERS.has(((text.charCodeAt(i - 1) | 0x20) << 16) | (text.charCodeAt(i) | 0x20))) return false;
  return NOT_CURRENT_BEFORE.test(text.slice(from, at));
}

/** Whether `NOT_CURRENT_AFTER` may match the 12 characters from `at`: its word's first letter after spaces and hyphens. */
function mayFollow(text: string, at: number): boolean {
  const to = Math.min(text.length, at + 12);
  let i = at;
  while (i < to && isSpaceOrHyphen(text.charCodeAt(i))) i++;
  const c = i < to ? text.charCodeAt(i) | 0x20 : 0;
  return c === 0x64 || c === 0x65 || c === 0x6e;
}

/** The last two letters of NOT_CURRENT_BEFORE's words, lower case (`| 0x20` of either case), as `first << 16 | second`. */
const LAST_LETTERS: ReadonlySet<number> = new Set(['er', 'ex', 'te', 'st', 'us', 'me', 'le', 'ng', 're', 'xt', 'be'].map((w) => (w.charCodeAt(0) << 16) | w.charCodeAt(1)));

/** What `[\s-]` matches: a hyphen, or white space as regular expressions read `\s`. */
function isSpaceOrHyphen(c: number): boolean {
  if (c === 0x2d || c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function roleConflict(ctx: CheckContext): Finding[] {
  const { registry } = ctx;
  const out: Finding[] = [];
  for (const m of ctx.entities) {
    if (m.type !== 'person' || !m.id || !m.office) continue;
    const f = mentionConflict(ctx, registry, m);
    if (f) out.push(f);
  }
  return out;
}

/**
 * The finding of one person mention with an office, or null when the person held it at the
 * reference date (most mentions). Kept apart from `conflictFinding`, which words the message: the
 * common path stays small, so the optimizing compiler does not compile (and recompile, as new
 * object shapes reach the rarely run message code) the whole check for every corpus.
 */
function mentionConflict(ctx: CheckContext, registry: RegistrySnapshot, m: CheckContext['entities'][number]): Finding | null {
  const person = registry.entities.get(m.id!);
  const office = registry.entities.get(m.office!);
  if (!person || !office || person.roles.length === 0) return null;
  if (notCurrent(ctx.article.text, m)) return null;
  const start = m.officeRange ? Math.min(m.start, m.officeRange[0]) : m.start;
  const end = m.officeRange ? Math.max(m.end, m.officeRange[1]) : m.end;
  const ref = referenceDate(ctx.article, ctx.dates, start, end);
  if (!ref.value) return null;
  const when = dayInterval(ref.value);
  if (!when) return null;
  let any = false;
  for (const r of person.roles) {
    if (r.office !== m.office) continue;
    const i = cachedTenure(r);
    // An unreadable tenure date means we cannot tell: say nothing rather than guess.
    if (i === null) return null;
    if (overlaps(i, when)) any = true;
  }
  if (any) return null;
  return conflictFinding(registry, m.office!, person, office, ref, when, start, end);
}

function conflictFinding(registry: RegistrySnapshot, officeId: string, person: Entity, office: Entity, ref: ReferenceDate, when: Interval, start: number, end: number): Finding {
  const roles = person.roles.filter((r) => r.office === officeId);
  const whenText = describeWhen(ref.value!);
  const tenures = roles.map(describeTenure);
  let message = roles.length
    ? `${person.name} was ${office.name} ${joinNames(tenures)}; `
    : `The registry records no tenure of ${person.name} as ${office.name}; `;
  const holders = (officeHolders(registry).get(office.id) ?? []).filter((t) => t.person.id !== person.id && overlaps(t.interval, when));
  const holderNames = [...new Set(holders.map((t) => t.person.name))];
  message += holderNames.length
    ? `${whenText} the office was held by ${joinNames(holderNames)}.`
    : `the registry names no holder of the office ${whenText}.`;
  const held = person.roles
    .filter((r) => r.office !== officeId && r.office && registry.entities.has(r.office))
    .filter((r) => {
      const i = cachedTenure(r);
      return i !== null && overlaps(i, when);
    })
    .map((r) => registry.entities.get(r.office!)!.name);
  if (held.length) message += ` At that date ${person.name} was ${joinNames([...new Set(held)])}.`;
  message += ref.source === 'publication'
    ? ` (The date is the article's publication date.) Correct the title or the date.`
    : ` Correct the title or the date.`;

  const related = [{ path: person.source.path, start: person.source.range[0], end: person.source.range[1], message: `${person.name} in the registry` }];
  for (const h of holders) {
    if (related.length >= 4) break;
    related.push({ path: h.person.source.path, start: h.role.range[0], end: h.role.range[1], message: `${h.person.name}: ${office.name} ${describeTenure(h.role)}` });
  }
  return finding('role-conflict', start, end, message, { related, ...(ref.date?.uncertain ? { uncertain: ref.date.uncertain } : {}) });
}
