/**
 * SPARQL query results (`application/sparql-results+json`) from the query in docs/wikidata.md →
 * entities in Wikidata's JSON model, so one mapping serves every input form. Each row holds one
 * position-held statement with its person, position, jurisdiction and dates; rows repeat (one per
 * combination of optional values) and are united by statement id.
 *
 * Times arrive as `xsd:dateTime` literals with their precision in a separate variable
 * (`pqv:P580/wikibase:timePrecision`); a time without its precision is kept at year precision
 * only, never at a precision the data does not give.
 */

import { WdEntity, WdSnak, WdStatement } from './model';

interface Binding {
  type: string;
  value: string;
  'xml:lang'?: string;
  datatype?: string;
}

export interface SparqlResults {
  head: { vars: string[] };
  results: { bindings: Record<string, Binding>[] };
}

export function isSparqlResults(x: unknown): x is SparqlResults {
  const r = x as SparqlResults;
  return !!r && typeof r === 'object' && !!r.head && Array.isArray(r.head.vars) && !!r.results && Array.isArray(r.results.bindings);
}

/** The variables the mapping reads; a result set without `person` and `position` is not ours. */
export const SPARQL_VARIABLES = ['person', 'position'];

const ENTITY_URI = /^https?:\/\/www\.wikidata\.org\/entity\/(Q\d+)$/;
const RANKS: Record<string, WdStatement['rank']> = {
  'http://wikiba.se/ontology#PreferredRank': 'preferred',
  'http://wikiba.se/ontology#NormalRank': 'normal',
  'http://wikiba.se/ontology#DeprecatedRank': 'deprecated',
};

function qid(b: Binding | undefined): string | undefined {
  if (!b || b.type !== 'uri') return undefined;
  return ENTITY_URI.exec(b.value)?.[1];
}

function itemSnak(property: string, id: string): WdSnak {
  return { snaktype: 'value', property, datavalue: { type: 'wikibase-entityid', value: { 'entity-type': 'item', id } } };
}

function timeSnak(property: string, value: Binding | undefined, precision: Binding | undefined): WdSnak | undefined {
  if (!value || value.type !== 'literal') return undefined;
  const m = /^(\d{4,})-(\d{2})-(\d{2})T/.exec(value.value);
  if (!m) return undefined;
  const p = precision ? Number(precision.value) : 9;
  return { snaktype: 'value', property, datavalue: { type: 'time', value: { time: `+${m[1]}-${m[2]}-${m[3]}T00:00:00Z`, precision: Number.isFinite(p) ? p : 9 } } };
}

/** The entities being built from result rows, one per item id, claims merged as rows repeat them. */
class EntityBuilder {
  private readonly byId = new Map<string, WdEntity>();

  entities(): WdEntity[] {
    return [...this.byId.values()];
  }

  entity(id: string): WdEntity {
    let e = this.byId.get(id);
    if (!e) this.byId.set(id, (e = { id, labels: {}, descriptions: {}, aliases: {}, claims: {} }));
    return e;
  }

  label(id: string, b: Binding | undefined, field: 'labels' | 'descriptions' = 'labels'): void {
    if (!b || b.type !== 'literal' || !b.value || ENTITY_URI.test(b.value) || /^Q\d+$/.test(b.value)) return;
    const lang = b['xml:lang'] ?? 'en';
    const map = this.entity(id)[field]!;
    if (!map[lang]) map[lang] = { language: lang, value: b.value };
  }

  /** A statement, unless the same one is there (by statement id, else by main snak): then its qualifiers are merged. */
  claim(id: string, property: string, s: WdStatement): void {
    const claims = this.entity(id).claims!;
    const list = (claims[property] ??= []);
    const same = list.find((x) => (s.id && x.id === s.id) || (!s.id && JSON.stringify(x.mainsnak) === JSON.stringify(s.mainsnak)));
    if (!same) list.push(s);
    else if (s.qualifiers) same.qualifiers = { ...s.qualifiers, ...same.qualifiers };
  }

  /** An item claim (`property` → `item`) with the item's label from the row. */
  itemClaim(id: string, property: string, item: string, itemLabel?: Binding): void {
    this.claim(id, property, { mainsnak: itemSnak(property, item), rank: 'normal' });
    if (itemLabel) this.label(item, itemLabel);
  }

  /** The person's side of a row: labels, human, revision, the held position with its dates. */
  person(person: string, position: string, row: Record<string, Binding | undefined>): void {
    this.label(person, row.personLabel);
    this.label(person, row.personDescription, 'descriptions');
    this.itemClaim(person, 'P31', 'Q5');
    const revision = row.revision ? Number(row.revision.value) : NaN;
    if (Number.isInteger(revision) && revision > 0) this.entity(person).lastrevid = revision;
    const qualifiers: Record<string, WdSnak[]> = {};
    const start = timeSnak('P580', row.start, row.startPrecision);
    const end = timeSnak('P582', row.end, row.endPrecision);
    if (start) qualifiers.P580 = [start];
    if (end) qualifiers.P582 = [end];
    const statementId = row.statement?.value.replace(/^.*\/statement\//, '');
    this.claim(person, 'P39', { id: statementId, rank: RANKS[row.rank?.value ?? ''] ?? 'normal', mainsnak: itemSnak('P39', position), qualifiers });
  }

  /** The rest of the person's side: citizenship and names (after the position, so items keep the rows' order). */
  personDetails(person: string, row: Record<string, Binding | undefined>): void {
    const citizenship = qid(row.citizenship);
    if (citizenship) this.itemClaim(person, 'P27', citizenship, row.citizenshipLabel);
    for (const [v, p] of [['familyName', 'P734'], ['givenName', 'P735']] as const) {
      const n = qid(row[v]);
      if (n) this.itemClaim(person, p, n, row[`${v}Label`]);
    }
  }

  /** The position's side of a row: label, class, the one-holder kind, jurisdiction. */
  position(position: string, row: Record<string, Binding | undefined>): void {
    this.entity(position);
    this.label(position, row.positionLabel);
    const cls = qid(row.positionClass);
    if (cls) this.itemClaim(position, 'P31', cls);
    // The one-holder kind the query found among the position's classes and superclasses.
    const kind = qid(row.positionKind);
    if (kind) this.itemClaim(position, 'P279', kind);
    const jurisdiction = qid(row.jurisdiction);
    if (jurisdiction) this.itemClaim(position, 'P1001', jurisdiction, row.jurisdictionLabel);
  }
}

/**
 * Entities from result rows. Returns the entities and the 1-based numbers of rows that could not
 * be used (no person or position item), for the caller to report.
 */
export function entitiesFromSparql(r: SparqlResults): { entities: WdEntity[]; skippedRows: number[] } {
  const built = new EntityBuilder();
  const skippedRows: number[] = [];
  r.results.bindings.forEach((row, i) => {
    const person = qid(row.person);
    const position = qid(row.position);
    if (!person || !position) {
      skippedRows.push(i + 1);
      return;
    }
    built.person(person, position, row);
    built.position(position, row);
    built.personDetails(person, row);
  });
  return { entities: built.entities(), skippedRows };
}
