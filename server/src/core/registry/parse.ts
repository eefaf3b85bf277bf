/**
 * One registry file: YAML text → entities with exact source ranges, plus the findings that need
 * only this file (`registry-syntax`, `registry-schema`, `tenure-order`).
 *
 * The YAML AST is walked directly and aliases are never resolved, so an alias bomb costs nothing
 * and an alias where an entity field belongs is reported as a schema error. Dates stay strings:
 * the literal source text is kept (`start: 2012` is "2012", not a number).
 */

import { Document, LineCounter, Node, Pair, Parser, Composer, isAlias, isMap, isScalar, isSeq, YAMLMap, Scalar } from 'yaml';
import { dayInterval } from '../calendar';
import { ENTITY_TYPES, Entity, EntityType, Finding, Role, finding } from '../types';

export interface ParsedRegistryFile {
  path: string;
  text: string;
  entities: Entity[];
  /** Where each entity's surface forms are written, for alias-collision ranges. */
  forms: Map<Entity, { form: string; range: [number, number] }[]>;
  findings: Finding[];
  /** True when the YAML did not parse: the caller keeps the last good entities. */
  syntaxError: boolean;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const ENTITY_KEYS = new Set([
  'id', 'type', 'name', 'aliases', 'demonyms', 'family_name', 'given_name', 'name_order', 'country', 'description',
  'wikidata', 'roles', 'of', 'single_holder', 'date', 'participants',
]);
const ROLE_KEYS = new Set(['office', 'title', 'of', 'start', 'end', 'note']);

/** Keys that only make sense for some types: used on another type they are a warning. */
const TYPE_ONLY: Record<string, EntityType[]> = {
  roles: ['person'], family_name: ['person'], given_name: ['person'], name_order: ['person'],
  demonyms: ['country'], single_holder: ['office'], date: ['event'], participants: ['event'],
};

/** Deeper YAML than this is refused (a registry never needs it; it protects the walker). */
const MAX_DEPTH = 64;

export function parseRegistryFile(path: string, text: string): ParsedRegistryFile {
  const out: ParsedRegistryFile = { path, text, entities: [], forms: new Map(), findings: [], syntaxError: false };
  let doc: Document.Parsed | undefined;
  try {
    const lineCounter = new LineCounter();
    const docs = [...new Composer({ uniqueKeys: true }).compose(new Parser(lineCounter.addNewLine).parse(text))];
    doc = docs[0];
    for (const d of docs) {
      for (const e of d.errors) {
        out.syntaxError = true;
        const [s, t] = e.pos;
        out.findings.push(finding('registry-syntax', s, Math.max(t, s + 1), `${cleanYamlMessage(e.message)}. The registry keeps using this file's last valid version until it parses again.`));
      }
    }
    if (docs.length > 1 && !out.syntaxError) {
      const r = docs[1].range;
      out.findings.push(finding('registry-schema', r[0], Math.max(r[0] + 1, r[1]), 'A registry file holds one YAML document; this second document is ignored. Move its entities into the first one or into another file.'));
    }
  } catch (e) {
    out.syntaxError = true;
    out.findings.push(finding('registry-syntax', 0, Math.min(text.length, 1), `The YAML parser failed: ${String(e)}`));
  }
  if (out.syntaxError) return out;
  if (!doc) {
    out.findings.push({ ...finding('registry-schema', 0, Math.min(1, text.length), 'This registry file is empty: start it with `version: 1` and an `entities:` list.'), severity: 'warning' });
    return out;
  }
  if (maxDepth(doc.contents, 0) > MAX_DEPTH) {
    out.syntaxError = true;
    out.findings.push(finding('registry-syntax', 0, Math.min(text.length, 1), `The YAML nests deeper than ${MAX_DEPTH} levels; a registry never needs that. The last valid version stays in use.`));
    return out;
  }
  new FileWalker(out).walk(doc);
  return out;
}

function cleanYamlMessage(m: string): string {
  return m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function maxDepth(n: unknown, d: number): number {
  if (d > MAX_DEPTH) return d;
  if (isMap(n) || isSeq(n)) {
    let m = d;
    for (const it of n.items as unknown[]) {
      const v = isPairLike(it) ? (it as Pair).value : it;
      m = Math.max(m, maxDepth(v, d + 1));
      if (m > MAX_DEPTH) break;
    }
    return m;
  }
  return d;
}

function isPairLike(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'key' in x && 'value' in x;
}

function rangeOf(n: Node | null | undefined, fallback: [number, number]): [number, number] {
  const r = n?.range;
  if (!r) return fallback;
  return [r[0], Math.max(r[1], r[0] + 1)];
}

class FileWalker {
  constructor(private readonly out: ParsedRegistryFile) {}

  private report(code: 'registry-schema' | 'tenure-order', range: [number, number], message: string, severity?: 'warning'): void {
    const f = finding(code, range[0], range[1], message);
    this.out.findings.push(severity ? { ...f, severity } : f);
  }

  walk(doc: Document.Parsed): void {
    const top = doc.contents;
    const whole: [number, number] = [0, Math.max(1, Math.min(this.out.text.length, this.out.text.indexOf('\n') < 0 ? this.out.text.length : this.out.text.indexOf('\n')))];
    if (top === null || (isScalar(top) && top.value === null)) {
      this.report('registry-schema', whole, 'This registry file is empty: start it with `version: 1` and an `entities:` list.', 'warning');
      return;
    }
    if (!isMap(top)) {
      this.report('registry-schema', rangeOf(top, whole), 'A registry file is a mapping with `version: 1` and `entities:` (a list of entities).');
      return;
    }
    const version = top.get('version', true) as Node | undefined;
    if (version === undefined) this.report('registry-schema', rangeOf(top, whole), 'Missing `version: 1` at the top of the registry file.');
    else if (!isScalar(version) || (version as Scalar).value !== 1) this.report('registry-schema', rangeOf(version, whole), 'Unsupported registry `version`: this Attaché reads version 1.');
    for (const pair of top.items) {
      const k = keyName(pair);
      if (k !== 'version' && k !== 'entities') this.report('registry-schema', rangeOf(pair.key as Node, whole), `Unknown top-level key '${k}': a registry file has only \`version\` and \`entities\`; the key is ignored.`, 'warning');
    }
    const entities = top.get('entities', true);
    if (entities === undefined) {
      this.report('registry-schema', rangeOf(top, whole), 'Missing `entities:` list in the registry file.');
      return;
    }
    if (isScalar(entities) && entities.value === null) return;
    if (!isSeq(entities)) {
      this.report('registry-schema', rangeOf(entities as Node, whole), '`entities` must be a list (each item starting with `- id: ...`).');
      return;
    }
    for (const item of entities.items) this.entity(item as Node, whole);
  }

  private entity(node: Node, whole: [number, number]): void {
    const range = rangeOf(node, whole);
    if (isAlias(node)) {
      this.report('registry-schema', range, 'YAML aliases (*name) are not allowed for entities: write the entity out.');
      return;
    }
    if (!isMap(node)) {
      this.report('registry-schema', range, 'Each entity is a mapping with at least `id`, `type` and `name`.');
      return;
    }
    const head: [number, number] = [range[0], lineEnd(this.out.text, range[0])];
    for (const pair of node.items) {
      const k = keyName(pair);
      if (!ENTITY_KEYS.has(k)) this.report('registry-schema', rangeOf(pair.key as Node, head), `Unknown key '${k}' is ignored. Known keys: ${[...ENTITY_KEYS].join(', ')}.`, 'warning');
    }
    const idNode = node.get('id', true) as Node | undefined;
    const id = this.str(node, 'id', head, true);
    if (id !== undefined && !ID_PATTERN.test(id)) {
      this.report('registry-schema', rangeOf(idNode, head), `Invalid id '${id}': ids are lower case letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. 'hayashi-yoshimasa').`);
    }
    const typeNode = node.get('type', true) as Node | undefined;
    const type = this.str(node, 'type', head, true);
    if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
      this.report('registry-schema', rangeOf(typeNode, head), `Unknown type '${type}': use one of ${ENTITY_TYPES.join(', ')}.`);
    }
    const name = this.str(node, 'name', head, true);
    if (id === undefined || !ID_PATTERN.test(id) || type === undefined || !(ENTITY_TYPES as readonly string[]).includes(type) || name === undefined) return;
    const t = type as EntityType;
    for (const [key, types] of Object.entries(TYPE_ONLY)) {
      const kn = findKey(node, key);
      if (kn && !types.includes(t)) this.report('registry-schema', rangeOf(kn, head), `'${key}' applies to ${types.join('/')} entities, not to a ${t}; it is ignored.`, 'warning');
    }
    const references: Entity['source']['references'] = [];
    const ref = (key: string): string | undefined => {
      const v = this.str(node, key, head, false);
      if (v !== undefined) references.push({ id: v, range: rangeOf(node.get(key, true) as Node, head) });
      return v;
    };
    const forms: { form: string; range: [number, number] }[] = [{ form: name, range: rangeOf(node.get('name', true) as Node, head) }];
    const aliases = this.strList(node, 'aliases', head, forms);
    const demonyms = this.strList(node, 'demonyms', head, t === 'country' ? forms : undefined);
    const participantsNode = node.get('participants', true) as Node | undefined;
    const participants = this.strList(node, 'participants', head);
    if (isSeq(participantsNode)) {
      for (const p of participantsNode.items) if (isScalar(p) && typeof p.value === 'string') references.push({ id: p.value, range: rangeOf(p, head) });
    }
    const nameOrder = this.str(node, 'name_order', head, false);
    if (nameOrder !== undefined && nameOrder !== 'family-first' && nameOrder !== 'given-first') {
      this.report('registry-schema', rangeOf(node.get('name_order', true) as Node, head), `name_order is 'family-first' or 'given-first', not '${nameOrder}'.`);
    }
    const singleNode = node.get('single_holder', true) as Node | undefined;
    if (singleNode !== undefined && !(isScalar(singleNode) && typeof singleNode.value === 'boolean')) {
      this.report('registry-schema', rangeOf(singleNode, head), 'single_holder is true or false.');
    }
    const e: Entity = {
      id,
      type: t,
      name,
      aliases,
      demonyms,
      familyName: this.str(node, 'family_name', head, false),
      givenName: this.str(node, 'given_name', head, false),
      nameOrder: nameOrder === 'family-first' || nameOrder === 'given-first' ? nameOrder : undefined,
      country: ref('country'),
      description: this.str(node, 'description', head, false),
      wikidata: this.str(node, 'wikidata', head, false),
      roles: [],
      of: ref('of'),
      singleHolder: isScalar(singleNode) && singleNode.value === true ? true : undefined,
      date: this.eventDate(node, head),
      participants,
      source: { path: this.out.path, range, idRange: rangeOf(idNode, head), references },
    };
    const rolesNode = node.get('roles', true) as Node | undefined;
    if (rolesNode !== undefined && !(isScalar(rolesNode) && rolesNode.value === null)) {
      if (!isSeq(rolesNode)) this.report('registry-schema', rangeOf(rolesNode, head), '`roles` must be a list of roles (`- office: ID` or `- title: TEXT`, with `start`/`end`).');
      else for (const r of rolesNode.items) {
        const role = this.role(r as Node, head, references);
        if (role) e.roles.push(role);
      }
    }
    this.out.entities.push(e);
    this.out.forms.set(e, forms);
  }

  private role(node: Node, head: [number, number], references: Entity['source']['references']): Role | undefined {
    const range = rangeOf(node, head);
    if (!isMap(node)) {
      this.report('registry-schema', range, 'Each role is a mapping: `office: ID` or `title: TEXT`, with optional `of`, `start`, `end`.');
      return undefined;
    }
    for (const pair of node.items) {
      const k = keyName(pair);
      if (!ROLE_KEYS.has(k)) this.report('registry-schema', rangeOf(pair.key as Node, range), `Unknown role key '${k}' is ignored. Role keys: ${[...ROLE_KEYS].join(', ')}.`, 'warning');
    }
    const office = this.str(node, 'office', range, false);
    const title = this.str(node, 'title', range, false);
    const of = this.str(node, 'of', range, false);
    if (office !== undefined) references.push({ id: office, range: rangeOf(node.get('office', true) as Node, range) });
    if (of !== undefined) references.push({ id: of, range: rangeOf(node.get('of', true) as Node, range) });
    if (office === undefined && title === undefined) {
      this.report('registry-schema', range, 'A role needs `office: ID` (an office entity) or `title: TEXT`.');
      return undefined;
    }
    const start = this.date(node, 'start', range);
    const endNode = node.get('end', true) as Node | undefined;
    const end = isScalar(endNode) && endNode.value === null ? null : this.date(node, 'end', range);
    if (start && end) {
      const a = dayInterval(start);
      const b = dayInterval(end);
      if (a && b && b[1] < a[0]) {
        this.report('tenure-order', rangeOf(endNode, range), `This role ends (${end}) before it starts (${start}); swap the dates or correct one of them.`);
      }
    }
    return { office, title, of, start, end, range };
  }

  private eventDate(node: YAMLMap, head: [number, number]): string | undefined {
    const n = node.get('date', true) as Node | undefined;
    const v = this.str(node, 'date', head, false);
    if (v === undefined) return undefined;
    const parts = v.split('/');
    if (parts.length > 2 || !parts.every((p) => DATE_PATTERN.test(p) && dayInterval(p))) {
      this.report('registry-schema', rangeOf(n, head), `Invalid date '${v}': write YYYY, YYYY-MM, YYYY-MM-DD, or START/END with those forms.`);
      return undefined;
    }
    if (parts.length === 2 && dayInterval(parts[1])![1] < dayInterval(parts[0])![0]) {
      this.report('tenure-order', rangeOf(n, head), `The event's date range ends (${parts[1]}) before it starts (${parts[0]}).`);
    }
    return v;
  }

  private date(node: YAMLMap, key: string, head: [number, number]): string | undefined {
    const n = node.get(key, true) as Node | undefined;
    const v = this.str(node, key, head, false);
    if (v === undefined) return undefined;
    if (!DATE_PATTERN.test(v) || !dayInterval(v)) {
      this.report('registry-schema', rangeOf(n, head), `Invalid ${key} date '${v}': write YYYY, YYYY-MM or YYYY-MM-DD.`);
      return undefined;
    }
    return v;
  }

  /** A scalar field as written (numbers and booleans as their source text). */
  private str(node: YAMLMap, key: string, head: [number, number], required: boolean): string | undefined {
    const n = node.get(key, true) as Node | undefined;
    if (n === undefined || (isScalar(n) && n.value === null)) {
      if (required) this.report('registry-schema', head, `Missing required field '${key}'.`);
      return undefined;
    }
    if (isAlias(n)) {
      this.report('registry-schema', rangeOf(n, head), `'${key}' must be written out, not a YAML alias.`);
      return undefined;
    }
    if (!isScalar(n)) {
      this.report('registry-schema', rangeOf(n, head), `'${key}' must be a single value, not a ${isSeq(n) ? 'list' : 'mapping'}.`);
      return undefined;
    }
    const v = (n as Scalar).value;
    if (typeof v === 'string') {
      if (v.trim() === '') {
        if (required) this.report('registry-schema', rangeOf(n, head), `'${key}' must not be empty.`);
        return undefined;
      }
      return v;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      const r = n.range;
      return r ? this.out.text.slice(r[0], r[1]) : String(v);
    }
    return String(v);
  }

  private strList(node: YAMLMap, key: string, head: [number, number], forms?: { form: string; range: [number, number] }[]): string[] {
    const n = node.get(key, true) as Node | undefined;
    if (n === undefined || (isScalar(n) && n.value === null)) return [];
    if (!isSeq(n)) {
      this.report('registry-schema', rangeOf(n, head), `'${key}' must be a list, e.g. ${key}: [First, Second].`);
      return [];
    }
    const out: string[] = [];
    for (const it of n.items) {
      if (isScalar(it) && (typeof it.value === 'string' || typeof it.value === 'number') && String(it.value).trim()) {
        out.push(String(it.value));
        forms?.push({ form: String(it.value), range: rangeOf(it, head) });
      } else this.report('registry-schema', rangeOf(it as Node, head), `Each item of '${key}' must be a non-empty text.`);
    }
    return out;
  }
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function findKey(node: YAMLMap, key: string): Node | undefined {
  for (const p of node.items) if (keyName(p) === key) return p.key as Node;
  return undefined;
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  const e = i < 0 ? text.length : i;
  return Math.max(from + 1, text[e - 1] === '\r' ? e - 1 : e);
}
