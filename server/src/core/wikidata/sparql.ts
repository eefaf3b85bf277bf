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

/**
 * Entities from result rows. Returns the entities and the 1-based numbers of rows that could not
 * be used (no person or position item), for the caller to report.
 */
export function entitiesFromSparql(r: SparqlResults): { entities: WdEntity[]; skippedRows: number[] } {
  const entities = new Map<string, WdEntity>();
  const skippedRows: number[] = [];
  const entity = (id: string): WdEntity => {
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { id, labels: {}, descriptions: {}, aliases: {}, claims: {} }));
    return e;
  };
  const label = (id: string, b: Binding | undefined, field: 'labels' | 'descriptions' = 'labels'): void => {
    if (!b || b.type !== 'literal' || !b.value || ENTITY_URI.test(b.value) || /^Q\d+$/.test(b.value)) return;
    const lang = b['xml:lang'] ?? 'en';
    const map = entity(id)[field]!;
    if (!map[lang]) map[lang] = { language: lang, value: b.value };
  };
  const claim = (id: string, property: string, s: WdStatement): void => {
    const claims = entity(id).claims!;
    const list = (claims[property] ??= []);
    const same = list.find((x) => (s.id && x.id === s.id) || (!s.id && JSON.stringify(x.mainsnak) === JSON.stringify(s.mainsnak)));
    if (!same) list.push(s);
    else if (s.qualifiers) same.qualifiers = { ...s.qualifiers, ...same.qualifiers };
  };
  r.results.bindings.forEach((row, i) => {
    const person = qid(row.person);
    const position = qid(row.position);
    if (!person || !position) {
      skippedRows.push(i + 1);
      return;
    }
    label(person, row.personLabel);
    label(person, row.personDescription, 'descriptions');
    claim(person, 'P31', { mainsnak: itemSnak('P31', 'Q5'), rank: 'normal' });
    const revision = row.revision ? Number(row.revision.value) : NaN;
    if (Number.isInteger(revision) && revision > 0) entity(person).lastrevid = revision;
    const qualifiers: Record<string, WdSnak[]> = {};
    const start = timeSnak('P580', row.start, row.startPrecision);
    const end = timeSnak('P582', row.end, row.endPrecision);
    if (start) qualifiers.P580 = [start];
    if (end) qualifiers.P582 = [end];
    const statementId = row.statement?.value.replace(/^.*\/statement\//, '');
    claim(person, 'P39', { id: statementId, rank: RANKS[row.rank?.value ?? ''] ?? 'normal', mainsnak: itemSnak('P39', position), qualifiers });
    entity(position);
    label(position, row.positionLabel);
    const cls = qid(row.positionClass);
    if (cls) claim(position, 'P31', { mainsnak: itemSnak('P31', cls), rank: 'normal' });
    // The one-holder kind the query found among the position's classes and superclasses.
    const kind = qid(row.positionKind);
    if (kind) claim(position, 'P279', { mainsnak: itemSnak('P279', kind), rank: 'normal' });
    const jurisdiction = qid(row.jurisdiction);
    if (jurisdiction) {
      claim(position, 'P1001', { mainsnak: itemSnak('P1001', jurisdiction), rank: 'normal' });
      label(jurisdiction, row.jurisdictionLabel);
    }
    const citizenship = qid(row.citizenship);
    if (citizenship) {
      claim(person, 'P27', { mainsnak: itemSnak('P27', citizenship), rank: 'normal' });
      label(citizenship, row.citizenshipLabel);
    }
    for (const [v, p] of [['familyName', 'P734'], ['givenName', 'P735']] as const) {
      const n = qid(row[v]);
      if (n) {
        claim(person, p, { mainsnak: itemSnak(p, n), rank: 'normal' });
        label(n, row[`${v}Label`]);
      }
    }
  });
  return { entities: [...entities.values()], skippedRows };
}
