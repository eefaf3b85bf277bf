/**
 * Wikidata entities → registry entries (docs/wikidata.md has the table). Pure: the caller reads
 * the input (entity JSON, a dump line by line, SPARQL results) and hands over parsed objects.
 *
 * `WikidataCollector` keeps a compact copy of each entity that can matter (labels in the chosen
 * languages, the few properties the mapping reads), so a dump is streamed in memory proportional
 * to the officials, offices and countries kept, not to the dump. `mapEntities` then decides types,
 * ids, roles and offices over the whole collection, since an office's `single_holder` depends on
 * every tenure in the input.
 */

import { dayInterval } from '../calendar';
import { EntityType } from '../types';
import {
  COUNTRY_CLASSES, NAME_CLASSES, ORGANIZATION_CLASSES, Q, SINGLE_HOLDER_CLASSES, WdEntity, WdStatement,
  itemId, itemValues, qNumber, qualifier, statements, textIn, timeValue,
} from './model';

/** Properties the mapping reads; everything else is dropped when an entity is collected. */
const KEPT_PROPERTIES = ['P31', 'P279', 'P27', 'P39', 'P1001', 'P734', 'P735'];
const KEPT_QUALIFIERS = ['P580', 'P582', 'P1545'];

export interface RegistryRole {
  office: string;
  start?: string;
  end?: string;
  note?: string;
}

export interface RegistryEntry {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  familyName?: string;
  givenName?: string;
  nameOrder?: 'family-first' | 'given-first';
  country?: string;
  description?: string;
  wikidata: string;
  roles: RegistryRole[];
  of?: string;
  singleHolder?: boolean;
  provenance?: { revision?: number; imported: string };
  /** Referenced but not in the input: written with its QID only. */
  stub?: boolean;
}

export interface MapOptions {
  /** Label languages in order of preference: the first that has a label gives `name`. */
  langs: readonly string[];
  /** The import date (`YYYY-MM-DD`), recorded in each entry's provenance. */
  imported: string;
  /** Ids already used for a QID (a merge keeps them). */
  knownIds?: ReadonlyMap<string, string>;
  /** Ids taken by other entities (a new id must not collide with them). */
  takenIds?: ReadonlySet<string>;
  /**
   * An existing entity without a `wikidata` id that is this one (a merge asks for an entity of
   * the same type whose id is the new slug or whose name is one of `forms`: the label and aliases).
   */
  sameAs?: (slug: string, type: EntityType, forms: readonly string[]) => string | undefined;
}

export interface MapResult {
  entries: RegistryEntry[];
  /** Counts for the summary line. */
  counts: Record<EntityType, number> & { stubs: number };
}

/**
 * Cheap test on a raw dump line before JSON.parse: a line without one of these quoted ids cannot
 * matter. One regular expression (an alternation V8 scans in a single pass) is about thirty times
 * faster than testing each id with `includes`.
 */
const LINE_MARKER = new RegExp(`"(?:${['P39', 'P1001', ...COUNTRY_CLASSES, ...ORGANIZATION_CLASSES, ...NAME_CLASSES, ...SINGLE_HOLDER_CLASSES, Q.position].join('|')})"`);
export function dumpLineMayMatter(line: string): boolean {
  return LINE_MARKER.test(line);
}

export class WikidataCollector {
  private readonly items = new Map<string, WdEntity>();

  constructor(private readonly langs: readonly string[]) {}

  get size(): number {
    return this.items.size;
  }

  /**
   * Adds one entity. With `onlyRelevant` (dumps), an entity is kept only if it is a person with a
   * position held, or a position, country, organization or name item; otherwise every item is kept.
   * Returns false when the value is not an entity (no `Qnnn` id) so the reader can report it.
   */
  add(raw: unknown, onlyRelevant = false): boolean {
    if (!raw || typeof raw !== 'object') return false;
    const e = raw as WdEntity;
    if (typeof e.id !== 'string' || !/^Q\d+$/.test(e.id)) return false;
    if (onlyRelevant && !isRelevant(e)) return true;
    const prev = this.items.get(e.id);
    this.items.set(e.id, prev ? mergeEntity(prev, this.compact(e)) : this.compact(e));
    return true;
  }

  entities(): WdEntity[] {
    return [...this.items.values()];
  }

  private compact(e: WdEntity): WdEntity {
    const pick = <T>(m: Record<string, T> | undefined): Record<string, T> | undefined => {
      if (!m || typeof m !== 'object') return undefined;
      const out: Record<string, T> = {};
      for (const l of [...this.langs, 'mul']) if (m[l] !== undefined) out[l] = m[l];
      return out;
    };
    const claims: Record<string, WdStatement[]> = {};
    for (const p of KEPT_PROPERTIES) {
      const list = e.claims?.[p];
      if (!Array.isArray(list)) continue;
      claims[p] = list.filter((s) => s && typeof s === 'object' && s.mainsnak).map((s) => {
        const qualifiers: Record<string, WdStatement['mainsnak'][]> = {};
        for (const k of KEPT_QUALIFIERS) if (Array.isArray(s.qualifiers?.[k])) qualifiers[k] = s.qualifiers![k];
        return { id: s.id, rank: s.rank, mainsnak: s.mainsnak, qualifiers };
      });
    }
    return { id: e.id, lastrevid: typeof e.lastrevid === 'number' ? e.lastrevid : undefined, labels: pick(e.labels), descriptions: pick(e.descriptions), aliases: pick(e.aliases), claims };
  }
}

function isRelevant(e: WdEntity): boolean {
  const classes = itemValues(e, 'P31');
  if (classes.includes(Q.human)) return statements(e, 'P39').length > 0;
  if (statements(e, 'P1001').length) return true;
  return classes.some((c) => c === Q.position || COUNTRY_CLASSES.has(c) || ORGANIZATION_CLASSES.has(c) || NAME_CLASSES.has(c) || SINGLE_HOLDER_CLASSES.has(c))
    || itemValues(e, 'P279').some((c) => SINGLE_HOLDER_CLASSES.has(c));
}

/** The same entity read twice (SPARQL rows, repeated inputs): labels and statements are united. */
function mergeEntity(a: WdEntity, b: WdEntity): WdEntity {
  const claims: Record<string, WdStatement[]> = { ...a.claims };
  for (const [p, list] of Object.entries(b.claims ?? {})) {
    const have = claims[p] ?? [];
    const ids = new Set(have.map((s) => s.id).filter(Boolean));
    claims[p] = [...have, ...list.filter((s) => !s.id || !ids.has(s.id))];
  }
  return {
    id: a.id,
    lastrevid: Math.max(a.lastrevid ?? 0, b.lastrevid ?? 0) || undefined,
    labels: { ...b.labels, ...a.labels },
    descriptions: { ...b.descriptions, ...a.descriptions },
    aliases: { ...b.aliases, ...a.aliases },
    claims,
  };
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A readable id from a name: lower case ASCII words joined by `-` (empty for a name in another script). */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/ß/g, 'ss').replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function mapEntities(input: readonly WdEntity[], opts: MapOptions): MapResult {
  const byId = new Map<string, WdEntity>();
  for (const e of input) byId.set(e.id, e);
  const persons = input.filter((e) => itemValues(e, 'P31').includes(Q.human));
  const types = entityTypes(input, persons, byId);
  const ids = entityIds(types, byId, opts);
  // Tenures per office, for the single-holder decision.
  const tenures = new Map<string, Tenure[]>();
  const entries = persons.map((p) => personEntry(p, { byId, types, ids, opts }, tenures));
  for (const [qid, type] of types) if (type !== 'person') entries.push(otherEntry(qid, type, { byId, types, ids, opts }, tenures));
  const order: EntityType[] = ['person', 'office', 'country', 'organization', 'place', 'event'];
  entries.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.id.localeCompare(b.id));
  const counts = { person: 0, office: 0, country: 0, organization: 0, place: 0, event: 0, stubs: 0 };
  for (const e of entries) {
    counts[e.type]++;
    if (e.stub) counts.stubs++;
  }
  return { entries, counts };
}

interface Tenure {
  person: string;
  start?: string;
  end?: string;
}

/** What the entries of one import are made from: the input by QID, each QID's type and id. */
interface Mapping {
  byId: ReadonlyMap<string, WdEntity>;
  types: ReadonlyMap<string, EntityType>;
  ids: ReadonlyMap<string, string>;
  opts: MapOptions;
}

/** Types: persons by P31, offices by use (P39 values) or class, the rest by class or use. */
function entityTypes(input: readonly WdEntity[], persons: readonly WdEntity[], byId: ReadonlyMap<string, WdEntity>): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const p of persons) types.set(p.id, 'person');
  for (const p of persons) for (const s of statements(p, 'P39')) {
    const o = itemId(s.mainsnak);
    if (o && !types.has(o)) types.set(o, 'office');
  }
  for (const e of input) {
    if (types.has(e.id)) continue;
    const c = itemValues(e, 'P31');
    if (c.includes(Q.position) || c.some((x) => SINGLE_HOLDER_CLASSES.has(x))) types.set(e.id, 'office');
  }
  const citizenships = new Set<string>();
  for (const p of persons) for (const c of itemValues(p, 'P27').slice(0, 1)) citizenships.add(c);
  const typeOfPlace = (id: string): EntityType => {
    const e = byId.get(id);
    const c = e ? itemValues(e, 'P31') : [];
    if (c.some((x) => COUNTRY_CLASSES.has(x))) return 'country';
    if (c.some((x) => ORGANIZATION_CLASSES.has(x))) return 'organization';
    return citizenships.has(id) ? 'country' : 'place';
  };
  for (const c of citizenships) if (!types.has(c)) types.set(c, typeOfPlace(c));
  for (const [id, t] of [...types]) {
    if (t !== 'office') continue;
    const e = byId.get(id);
    const j = e ? itemValues(e, 'P1001')[0] : undefined;
    if (j && !types.has(j)) types.set(j, typeOfPlace(j));
  }
  return types;
}

/** Ids: kept ones first, then slugs in QID order; a repeated slug gets the QID as a suffix. */
function entityIds(types: ReadonlyMap<string, EntityType>, byId: ReadonlyMap<string, WdEntity>, opts: MapOptions): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>(opts.takenIds ?? []);
  for (const qid of types.keys()) {
    const known = opts.knownIds?.get(qid);
    if (known) {
      ids.set(qid, known);
      used.add(known);
    }
  }
  const nameOf = (qid: string): string => textIn(byId.get(qid)?.labels, opts.langs) ?? qid;
  const claimed = new Set(ids.values());
  for (const qid of [...types.keys()].sort((a, b) => qNumber(a) - qNumber(b))) {
    if (ids.has(qid)) continue;
    const base = slugOf(nameOf(qid)) || qid.toLowerCase();
    const e = byId.get(qid);
    const forms = [nameOf(qid), ...opts.langs.flatMap((l) => (Array.isArray(e?.aliases?.[l]) ? e!.aliases![l].map((a) => a?.value) : []))].filter((f): f is string => typeof f === 'string');
    const same = opts.sameAs?.(base, types.get(qid)!, forms);
    if (same && !claimed.has(same)) {
      ids.set(qid, same);
      claimed.add(same);
      continue;
    }
    const id = used.has(base) ? `${base}-${qid.toLowerCase()}` : base;
    ids.set(qid, id);
    used.add(id);
    claimed.add(id);
  }
  return ids;
}

/** A person's entry: roles from positions held (each tenure noted for its office), name parts, citizenship. */
function personEntry(p: WdEntity, m: Mapping, tenures: Map<string, Tenure[]>): RegistryEntry {
  const { byId, types, ids, opts } = m;
  const roles: RegistryRole[] = [];
  for (const s of statements(p, 'P39')) {
    const o = itemId(s.mainsnak);
    // A position held that is itself a person or a country in the input is bad data: skipped.
    if (!o || types.get(o) !== 'office') continue;
    const role: RegistryRole = { office: ids.get(o)! };
    const start = timeValue(qualifier(s, 'P580'));
    const end = timeValue(qualifier(s, 'P582'));
    if (start) role.start = start;
    if (end) role.end = end;
    if (s.rank === 'preferred') role.note = 'preferred rank on Wikidata';
    roles.push(role);
    let l = tenures.get(o);
    if (!l) tenures.set(o, (l = []));
    l.push({ person: p.id, start, end });
  }
  roles.sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff') || a.office.localeCompare(b.office) || (a.end ?? '\uffff').localeCompare(b.end ?? '\uffff'));
  const entry = baseEntry(p, 'person', ids.get(p.id)!, opts);
  const family = nameLabel(byId, itemValues(p, 'P734').slice(0, 1), opts.langs);
  const given = nameLabel(byId, orderedGivenNames(p), opts.langs);
  if (family) entry.familyName = family;
  if (given) entry.givenName = given;
  if (family && given) {
    // Compared without diacritics: the English label is often "Shinzo Abe" for given name "Shinzō".
    const name = fold(entry.name);
    if (name === fold(`${given} ${family}`)) entry.nameOrder = 'given-first';
    else if (name === fold(`${family} ${given}`)) entry.nameOrder = 'family-first';
  }
  const country = itemValues(p, 'P27')[0];
  if (country && types.get(country) === 'country') entry.country = ids.get(country);
  entry.roles = roles;
  return entry;
}

/**
 * An office, country, organization or place; a stub when the input has only its id. Called after
 * every person's entry, so an office's tenures are all known for the single-holder decision.
 */
function otherEntry(qid: string, type: EntityType, m: Mapping, tenures: ReadonlyMap<string, readonly Tenure[]>): RegistryEntry {
  const { byId, types, ids, opts } = m;
  const found = byId.get(qid);
  // An entity known only by its id (a SPARQL row without a label) is a stub too.
  const e = found && (Object.keys(found.labels ?? {}).length || Object.keys(found.claims ?? {}).some((p) => found.claims![p].length)) ? found : undefined;
  const entry: RegistryEntry = e ? baseEntry(e, type, ids.get(qid)!, opts) : { id: ids.get(qid)!, type, name: qid, aliases: [], wikidata: qid, roles: [], stub: true };
  if (type === 'office' && e) {
    const j = itemValues(e, 'P1001')[0];
    const jt = j ? types.get(j) : undefined;
    if (j && (jt === 'country' || jt === 'organization' || jt === 'place')) entry.of = ids.get(j);
    if (entry.of && isSingleHolderClass(e, byId) && !overlaps(tenures.get(qid) ?? [])) entry.singleHolder = true;
  }
  return entry;
}

function baseEntry(e: WdEntity, type: EntityType, id: string, opts: MapOptions): RegistryEntry {
  const name = textIn(e.labels, opts.langs) ?? e.id;
  const aliases: string[] = [];
  const add = (s: unknown): void => {
    if (typeof s !== 'string') return;
    const v = s.trim();
    if (v && v !== name && !aliases.includes(v)) aliases.push(v);
  };
  for (const l of opts.langs) {
    add(e.labels?.[l]?.value);
    const list = e.aliases?.[l];
    if (Array.isArray(list)) for (const a of list) add(a?.value);
  }
  const entry: RegistryEntry = { id, type, name, aliases, wikidata: e.id, roles: [] };
  const description = textIn(e.descriptions, opts.langs);
  if (description) entry.description = description;
  entry.provenance = { revision: e.lastrevid, imported: opts.imported };
  return entry;
}

/** Given names in series-ordinal order (P1545), else statement order. */
function orderedGivenNames(p: WdEntity): string[] {
  const list = statements(p, 'P735');
  const ordinal = (s: WdStatement): number => {
    const v = qualifier(s, 'P1545')?.datavalue?.value;
    return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.MAX_SAFE_INTEGER;
  };
  const ids: string[] = [];
  for (const s of [...list].sort((a, b) => ordinal(a) - ordinal(b))) {
    const id = itemId(s.mainsnak);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The labels of name items that are in the input, joined; undefined if any is missing. */
function nameLabel(byId: ReadonlyMap<string, WdEntity>, qids: string[], langs: readonly string[]): string | undefined {
  if (!qids.length) return undefined;
  const parts: string[] = [];
  for (const q of qids) {
    const l = textIn(byId.get(q)?.labels, langs);
    if (!l) return undefined;
    parts.push(l);
  }
  return parts.join(' ');
}

/**
 * A position of a one-holder kind: an instance (P31) or subclass (P279) of one of
 * SINGLE_HOLDER_CLASSES, directly or through one more subclass step known in the input.
 */
function isSingleHolderClass(e: WdEntity, byId: ReadonlyMap<string, WdEntity>): boolean {
  for (const c of [...itemValues(e, 'P31'), ...itemValues(e, 'P279')]) {
    if (SINGLE_HOLDER_CLASSES.has(c)) return true;
    const ce = byId.get(c);
    if (ce && itemValues(ce, 'P279').some((x) => SINGLE_HOLDER_CLASSES.has(x))) return true;
  }
  return false;
}

/**
 * Whether two different people certainly held the office at once: the same test as the
 * registry's `office-overlap` check (latest possible start before the earliest possible end), so
 * an office marked single-holder here never raises that check on the imported tenures.
 */
function overlaps(list: readonly Tenure[]): boolean {
  const spans = list.flatMap((t) => {
    const s = t.start ? dayInterval(t.start) : null;
    const e = t.end ? dayInterval(t.end) : null;
    return s ? [{ person: t.person, latestStart: s[1], earliestEnd: e ? e[0] : Infinity }] : [];
  });
  for (let i = 0; i < spans.length; i++) {
    for (let j = 0; j < spans.length; j++) {
      if (i === j || spans[i].person === spans[j].person) continue;
      if (spans[j].latestStart >= spans[i].latestStart && spans[j].latestStart < spans[i].earliestEnd) return true;
    }
  }
  return false;
}

/**
 * Ids the mapping would use but that are not among `entities`: the positions, citizenships and
 * name items of persons, and the jurisdictions of positions. A network import fetches them so
 * that nothing is left as a stub.
 */
export function missingReferences(entities: readonly WdEntity[]): string[] {
  const have = new Set(entities.map((e) => e.id));
  const out = new Set<string>();
  const want = (id: string | undefined): void => {
    if (id && !have.has(id)) out.add(id);
  };
  const offices = new Set<string>();
  for (const e of entities) {
    if (!itemValues(e, 'P31').includes(Q.human)) continue;
    for (const s of statements(e, 'P39')) {
      const o = itemId(s.mainsnak);
      if (o) offices.add(o);
      want(o);
    }
    want(itemValues(e, 'P27')[0]);
    want(itemValues(e, 'P734')[0]);
    for (const g of itemValues(e, 'P735')) want(g);
  }
  for (const e of entities) if (offices.has(e.id) || itemValues(e, 'P31').includes(Q.position)) want(itemValues(e, 'P1001')[0]);
  return [...out].sort((a, b) => qNumber(a) - qNumber(b));
}
