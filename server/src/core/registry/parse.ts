/**
 * One registry file: YAML text → entities with exact source ranges, plus the findings that need
 * only this file (`registry-syntax`, `registry-schema`, `tenure-order`).
 *
 * Plain block-style files are read by the fast reader (fastYaml.ts); anything else by the `yaml`
 * package. Both give the same tree (tree.ts), which is walked here. Aliases are never resolved,
 * so an alias bomb costs nothing and an alias where an entity field belongs is a schema error.
 * Dates stay strings: the literal source text is kept (`start: 2012` is "2012", not a number).
 */

import { Document, LineCounter, Pair, Parser, Composer, isMap, isSeq } from 'yaml';
import { memoize, registryDayInterval as dayInterval } from './memo';
import { ENTITY_TYPES, Entity, EntityType, Finding, Role, finding } from '../types';
import { EntitiesInfo, readFastYaml } from './fastYaml';
import { DRIFT_KEY, driftFindings } from '../wikidata/drift';
import { YMap, YNode, YPair, fromYamlDocument, get, isNull } from './tree';

export interface ParsedRegistryFile {
  path: string;
  text: string;
  entities: Entity[];
  /** Where each entity's surface forms are written, for alias-collision ranges. */
  formRanges: FormRanges;
  findings: Finding[];
  /** True when the YAML did not parse: the caller keeps the last good entities. */
  syntaxError: boolean;
  /** Where each item of a block `entities:` list lies, when the fast reader read the file and the
   * top level has no findings: what lets an edit inside a few entities re-read only those (reparse.ts). */
  items?: EntityItems;
}

/** The items of a block `entities:` sequence, in order. */
export interface EntityItems {
  /** The column of the dashes. */
  indent: number;
  /** Where each item's `-` line starts. */
  starts: number[];
  /** How many entities and findings (`entities`, `findings`) the items up to and including each one gave. */
  entityEnd: number[];
  findingEnd: number[];
  /** Where the first line after the sequence starts (the text's length when none). */
  tail: number;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
/** The day interval of a date written YYYY, YYYY-MM or YYYY-MM-DD; null for anything else. (Once
 * per distinct text: a big registry repeats the same few thousand dates.) */
const registryDate = memoize((v: string) => (DATE_PATTERN.test(v) ? dayInterval(v) : null), 50_000);

const ENTITY_KEYS = new Set([
  'id', 'type', 'name', 'aliases', 'demonyms', 'family_name', 'given_name', 'name_order', 'country', 'description',
  'wikidata', 'roles', 'of', 'single_holder', 'date', 'participants', 'provenance',
]);
/** Where an imported entry came from (written by `attache import wikidata`; read by `--merge`). */
const PROVENANCE_KEYS = new Set(['wikidata_revision', 'imported', DRIFT_KEY]);
const ROLE_KEYS = new Set(['office', 'title', 'of', 'start', 'end', 'note']);

/** Keys that only make sense for some types: used on another type they are a warning. */
const TYPE_ONLY = new Map<string, EntityType[]>([
  ['roles', ['person']], ['family_name', ['person']], ['given_name', ['person']], ['name_order', ['person']],
  ['demonyms', ['country']], ['single_holder', ['office']], ['date', ['event']], ['participants', ['event']],
]);

/** The bit `Fields` sets for each key of TYPE_ONLY, and those of the keys each type may have. */
const TYPE_ONLY_BIT: Record<string, number> = {
  demonyms: 1, family_name: 2, given_name: 4, name_order: 8, roles: 16, single_holder: 32, date: 64, participants: 128,
};
const TYPE_ONLY_ALLOWED = Object.fromEntries(ENTITY_TYPES.map((t) => {
  let bits = 0;
  for (const [key, types] of TYPE_ONLY) if (types.includes(t)) bits |= TYPE_ONLY_BIT[key];
  return [t, bits];
})) as Record<EntityType, number>;

/** Deeper YAML than this is refused (a registry never needs it; it protects the walker). */
const MAX_DEPTH = 64;

/** `fastReader: false` parses with the `yaml` package only (tests compare the two readers). */
export function parseRegistryFile(path: string, text: string, options: { fastReader?: boolean } = {}): ParsedRegistryFile {
  const out = readRegistryFile(path, text, options);
  out.formRanges.seal();
  // Ranges from the YAML parser can point one past the end of the text (an error at the end of
  // the input): every finding is kept inside the text, as the offsets invariant requires.
  for (const f of out.findings) {
    if (f.end > text.length || f.start > text.length) {
      f.start = Math.min(f.start, text.length);
      f.end = Math.min(f.end, text.length);
    }
  }
  return out;
}

function readRegistryFile(path: string, text: string, options: { fastReader?: boolean }): ParsedRegistryFile {
  const out: ParsedRegistryFile = { path, text, entities: [], formRanges: new FormRanges(), findings: [], syntaxError: false };
  if (options.fastReader !== false) {
    if (readFast(out)) return out;
    out.entities = [];
    out.formRanges = new FormRanges();
    out.findings = [];
  }
  readWithYamlPackage(out);
  return out;
}

/**
 * `out.text` read by the fast reader, entities walked as it reads them (see readFastYaml), the top
 * level after; false (with `out` partly filled) when the text is outside what that reader covers.
 */
function readFast(out: ParsedRegistryFile): boolean {
  const walker = new FileWalker(out, true);
  const whole = walker.wholeRange();
  const info: EntitiesInfo = {};
  const starts: number[] = [];
  const entityEnd: number[] = [];
  const findingEnd: number[] = [];
  const fast = readFastYaml(out.text, (item, lineStart) => {
    walker.entity(item, whole);
    starts.push(lineStart);
    entityEnd.push(out.entities.length);
    findingEnd.push(out.findings.length);
  }, info);
  if (!fast) return false;
  const entityFindings = out.findings;
  out.findings = [];
  walker.walk(fast, true);
  if (info.block && !out.findings.length && starts.length) {
    out.items = { indent: info.block.indent, starts, entityEnd, findingEnd, tail: info.block.tail };
  }
  // The order the yaml path gives: the top level's findings, then the entities'.
  if (entityFindings.length) out.findings = out.findings.length ? [...out.findings, ...entityFindings] : entityFindings;
  return true;
}

/** `out.text` read by the `yaml` package: its syntax errors, a second document, emptiness and depth reported, else walked. */
function readWithYamlPackage(out: ParsedRegistryFile): void {
  const text = out.text;
  let doc: Document.Parsed | undefined;
  try {
    const lineCounter = new LineCounter();
    const docs = [...new Composer({ uniqueKeys: true }).compose(new Parser(lineCounter.addNewLine).parse(text))];
    doc = docs[0];
    for (const d of docs) {
      for (const e of d.errors) {
        out.syntaxError = true;
        // The parser places an error at the end of the input one past the last character: clamp.
        const s = Math.min(e.pos[0], text.length);
        const t = Math.min(Math.max(e.pos[1], s + 1), text.length);
        out.findings.push(finding('registry-syntax', s, t, `${cleanYamlMessage(e.message)}. The registry keeps using this file's last valid version until it parses again.`));
      }
    }
    if (docs.length > 1 && !out.syntaxError) {
      const r = docs[1].range;
      out.findings.push(finding('registry-schema', Math.min(r[0], text.length), Math.min(Math.max(r[0] + 1, r[1]), text.length), 'A registry file holds one YAML document; this second document is ignored. Move its entities into the first one or into another file.'));
    }
  } catch (e) {
    out.syntaxError = true;
    out.findings.push(finding('registry-syntax', 0, Math.min(text.length, 1), `The YAML parser failed: ${String(e)}`));
  }
  if (out.syntaxError) return;
  if (!doc) {
    out.findings.push({ ...finding('registry-schema', 0, Math.min(1, text.length), 'This registry file is empty: start it with `version: 1` and an `entities:` list.'), severity: 'warning' });
    return;
  }
  if (maxDepth(doc.contents, 0) > MAX_DEPTH) {
    out.syntaxError = true;
    out.findings.push(finding('registry-syntax', 0, Math.min(text.length, 1), `The YAML nests deeper than ${MAX_DEPTH} levels; a registry never needs that. The last valid version stays in use.`));
    return;
  }
  new FileWalker(out).walk(fromYamlDocument(doc));
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

function rangeOf(n: { start: number; end: number } | null | undefined, fallback: [number, number]): [number, number] {
  if (!n) return fallback;
  return [n.start, Math.max(n.end, n.start + 1)];
}

export class FileWalker {
  /** `interned`: the text was read by the fast reader, whose values of the keys whose values
   * repeat (ids, names, dates) are already one string per text: no need to look them up again. */
  constructor(private readonly out: ParsedRegistryFile, private readonly interned = false) {}

  /** Reused from one entity to the next (see `entity`). */
  private readonly head: [number, number] = [0, 0];
  private readonly fields = new Fields();

  /** Lists reused from one entity to the next (their contents are copied out). */
  private readonly refs = new Scratch<string | number>();
  private readonly forms = new Scratch<number>();
  private readonly roles = new Scratch<Role>();
  private readonly listItems = new Scratch<string>();

  private intern(s: string): string {
    return this.interned ? s : intern(s);
  }

  private internOr(s: string | undefined): string | undefined {
    return s === undefined || this.interned ? s : intern(s);
  }

  private report(code: 'registry-schema' | 'tenure-order', range: [number, number], message: string, severity?: 'warning'): void {
    const f = finding(code, range[0], range[1], message);
    this.out.findings.push(severity ? { ...f, severity } : f);
  }

  /** The first line: where findings about the whole file go. */
  wholeRange(): [number, number] {
    return [0, Math.max(1, Math.min(this.out.text.length, this.out.text.indexOf('\n') < 0 ? this.out.text.length : this.out.text.indexOf('\n')))];
  }

  /** `streamed`: the items of `entities` were already walked as they were read. */
  walk(top: YNode | null, streamed = false): void {
    const whole = this.wholeRange();
    if (top === null || isNull(top)) {
      this.report('registry-schema', whole, 'This registry file is empty: start it with `version: 1` and an `entities:` list.', 'warning');
      return;
    }
    if (top.kind !== 'map') {
      this.report('registry-schema', rangeOf(top, whole), 'A registry file is a mapping with `version: 1` and `entities:` (a list of entities).');
      return;
    }
    const version = get(top, 'version');
    if (version === undefined) this.report('registry-schema', rangeOf(top, whole), 'Missing `version: 1` at the top of the registry file.');
    else if (version.kind !== 'scalar' || version.value !== 1) this.report('registry-schema', rangeOf(version, whole), 'Unsupported registry `version`: this Attaché reads version 1.');
    for (const pair of top.pairs) {
      const k = pair.key;
      if (k !== 'version' && k !== 'entities') this.report('registry-schema', keyRangeOf(pair), `Unknown top-level key '${k}': a registry file has only \`version\` and \`entities\`; the key is ignored.`, 'warning');
    }
    const entities = get(top, 'entities');
    if (entities === undefined) {
      this.report('registry-schema', rangeOf(top, whole), 'Missing `entities:` list in the registry file.');
      return;
    }
    if (isNull(entities)) return;
    if (entities.kind !== 'seq') {
      this.report('registry-schema', rangeOf(entities, whole), '`entities` must be a list (each item starting with `- id: ...`).');
      return;
    }
    if (!streamed) for (const item of entities.items) this.entity(item, whole);
  }

  entity(node: YNode, whole: [number, number]): void {
    if (!this.readPairs(node, whole)) return;
    const f = this.fields;
    const head = this.head;
    const idNode = f.id;
    const id = this.checkedId(idNode, head);
    const t = this.checkedType(f.type, head);
    const name = this.value(f.name, 'name', head, true);
    if (id === undefined || t === undefined || name === undefined) return;
    // Only when a key of another type is there (a bit per key, see Fields): no look-up per key.
    if (f.typeOnly & ~TYPE_ONLY_ALLOWED[t]) this.misplacedKeys(node as YMap, t);
    // References flat: key, id, start, end (see EntitySource). Scratch lists, copied to their exact length at the end.
    const references = this.refs;
    references.n = 0;
    const nameNode = f.name!;
    const forms = this.forms;
    forms.n = 0;
    forms.push2(nameNode.start, Math.max(nameNode.end, nameNode.start + 1));
    const aliases = this.list(f.aliases, 'aliases', head, forms);
    const demonyms = this.list(f.demonyms, 'demonyms', head, t === 'country' ? forms : undefined);
    const participants = this.list(f.participants, 'participants', head);
    this.participantRefs(f.participants, references);
    const nameOrder = this.nameOrder(head);
    const singleNode = f.single_holder;
    if (singleNode !== undefined && !(singleNode.kind === 'scalar' && typeof singleNode.value === 'boolean')) {
      this.report('registry-schema', rangeOf(singleNode, head), 'single_holder is true or false.');
    }
    if (f.provenance !== undefined) this.provenance(node as YMap, head);
    const start = node.start;
    const e: Entity = {
      id,
      type: ENTITY_TYPE[t],
      name,
      aliases,
      demonyms,
      familyName: this.internOr(this.value(f.family_name, 'family_name', head, false)),
      givenName: this.internOr(this.value(f.given_name, 'given_name', head, false)),
      nameOrder,
      country: this.ref(f.country, 'country', head),
      description: this.value(f.description, 'description', head, false),
      wikidata: this.value(f.wikidata, 'wikidata', head, false),
      roles: EMPTY as Role[],
      of: this.ref(f.of, 'of', head),
      singleHolder: singleNode?.kind === 'scalar' && singleNode.value === true ? true : undefined,
      date: f.date === undefined ? undefined : this.eventDate(node as YMap, head),
      participants,
      source: new EntitySource(this.out.path, start, Math.max(node.end, start + 1), idNode!.start, Math.max(idNode!.end, idNode!.start + 1), EMPTY as (string | number)[]),
    };
    if (f.roles !== undefined && !isNull(f.roles)) e.roles = this.entityRoles(f.roles, head, references);
    (e.source as EntitySource).refs = references.copy();
    this.out.entities.push(e);
    this.out.formRanges.add(forms.items, forms.n);
  }

  /** The entity's id, undefined when missing or invalid (reported). */
  private checkedId(idNode: YNode | undefined, head: [number, number]): string | undefined {
    const id = this.value(idNode, 'id', head, true);
    if (id === undefined || ID_PATTERN.test(id)) return id;
    this.report('registry-schema', rangeOf(idNode, head), `Invalid id '${id}': ids are lower case letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. 'hayashi-yoshimasa').`);
    return undefined;
  }

  /** The entity's type, undefined when missing or unknown (reported). */
  private checkedType(typeNode: YNode | undefined, head: [number, number]): EntityType | undefined {
    const type = this.value(typeNode, 'type', head, true);
    if (type === undefined || (ENTITY_TYPES as readonly string[]).includes(type)) return type as EntityType | undefined;
    this.report('registry-schema', rangeOf(typeNode, head), `Unknown type '${type}': use one of ${ENTITY_TYPES.join(', ')}.`);
    return undefined;
  }

  /**
   * An entity item's shape checked (a mapping, not an alias), `head` set to its first line (where
   * findings about a missing field go) and its pairs read into `fields` in one pass, unknown keys
   * reported. No tuple per entity: `head` is reused (only findings copy it), as are the fields.
   */
  private readPairs(node: YNode, whole: [number, number]): node is YMap {
    if (node.kind === 'alias') {
      this.report('registry-schema', rangeOf(node, whole), 'YAML aliases (*name) are not allowed for entities: write the entity out.');
      return false;
    }
    if (node.kind !== 'map') {
      this.report('registry-schema', rangeOf(node, whole), 'Each entity is a mapping with at least `id`, `type` and `name`.');
      return false;
    }
    this.head[0] = node.start;
    this.head[1] = lineEnd(this.out.text, node.start);
    const f = this.fields.reset();
    for (let i = 0; i < node.pairs.length; i++) {
      const pair = node.pairs[i];
      const k = pair.key;
      if (!f.set(k, pair.value)) this.report('registry-schema', keyRangeOf(pair), `Unknown key '${k}' is ignored. Known keys: ${[...ENTITY_KEYS].join(', ')}.`, 'warning');
    }
    return true;
  }

  /** Warnings for the keys of `node` that belong to other entity types than `t` (they are ignored). */
  private misplacedKeys(node: YMap, t: EntityType): void {
    for (let i = 0; i < node.pairs.length; i++) {
      const pair = node.pairs[i];
      const types = TYPE_ONLY.get(pair.key);
      if (types && !types.includes(t)) this.report('registry-schema', keyRangeOf(pair), `'${pair.key}' applies to ${types.join('/')} entities, not to a ${t}; it is ignored.`, 'warning');
    }
  }

  /** Each participant id of an event's list added to the entity's references. */
  private participantRefs(node: YNode | undefined, references: Scratch<string | number>): void {
    if (node?.kind !== 'seq') return;
    for (let i = 0; i < node.items.length; i++) {
      const p = node.items[i];
      if (p.kind === 'scalar' && typeof p.value === 'string') references.push4('participants', this.intern(p.value), p.start, Math.max(p.end, p.start + 1));
    }
  }

  /** The entity's `name_order`, reported when it is neither of the two orders. */
  private nameOrder(head: [number, number]): 'family-first' | 'given-first' | undefined {
    const f = this.fields;
    const v = this.value(f.name_order, 'name_order', head, false);
    if (v === 'family-first' || v === 'given-first' || v === undefined) return v;
    this.report('registry-schema', rangeOf(f.name_order, head), `name_order is 'family-first' or 'given-first', not '${v}'.`);
    return undefined;
  }

  /** The roles of an entity (`roles:` not null), each read by `role`, the list reported when it is not one. */
  private entityRoles(rolesNode: YNode, head: [number, number], references: Scratch<string | number>): Role[] {
    if (rolesNode.kind !== 'seq') {
      this.report('registry-schema', rangeOf(rolesNode, head), '`roles` must be a list of roles (`- office: ID` or `- title: TEXT`, with `start`/`end`).');
      return EMPTY as Role[];
    }
    const roles = this.roles;
    roles.n = 0;
    for (let i = 0; i < rolesNode.items.length; i++) {
      const role = this.role(rolesNode.items[i], head, references);
      if (role) roles.push(role);
    }
    return roles.copy();
  }

  /** The id the value `n` of `key` names, added to the entity's references (undefined: none). */
  private ref(n: YNode | undefined, key: string, head: [number, number]): string | undefined {
    const v = this.value(n, key, head, false);
    if (v === undefined) return undefined;
    const id = this.intern(v);
    this.refs.push4(key, id, n!.start, Math.max(n!.end, n!.start + 1));
    return id;
  }

  private role(node: YNode, head: [number, number], references: Scratch<string | number>): Role | undefined {
    const range = rangeOf(node, head);
    if (node.kind !== 'map') {
      this.report('registry-schema', range, 'Each role is a mapping: `office: ID` or `title: TEXT`, with optional `of`, `start`, `end`.');
      return undefined;
    }
    // One pass over the pairs: the unknown keys reported, the first value of each known one kept
    // (as `get` finds it).
    let officeNode: YNode | undefined;
    let titleNode: YNode | undefined;
    let ofNode: YNode | undefined;
    let startNode: YNode | undefined;
    let endNode: YNode | undefined;
    for (let i = 0; i < node.pairs.length; i++) {
      const pair = node.pairs[i];
      switch (pair.key) {
        case 'office': officeNode ??= pair.value; break;
        case 'title': titleNode ??= pair.value; break;
        case 'of': ofNode ??= pair.value; break;
        case 'start': startNode ??= pair.value; break;
        case 'end': endNode ??= pair.value; break;
        case 'note': break;
        default: this.report('registry-schema', keyRangeOf(pair), `Unknown role key '${pair.key}' is ignored. Role keys: ${[...ROLE_KEYS].join(', ')}.`, 'warning');
      }
    }
    const office = this.internOr(this.value(officeNode, 'office', range, false));
    const title = this.internOr(this.value(titleNode, 'title', range, false));
    const of = this.internOr(this.value(ofNode, 'of', range, false));
    if (office !== undefined) references.push4('office', office, officeNode!.start, Math.max(officeNode!.end, officeNode!.start + 1));
    if (of !== undefined) references.push4('of', of, ofNode!.start, Math.max(ofNode!.end, ofNode!.start + 1));
    if (office === undefined && title === undefined) {
      this.report('registry-schema', range, 'A role needs `office: ID` (an office entity) or `title: TEXT`.');
      return undefined;
    }
    const start = this.dateOf(startNode, 'start', range);
    const a = this.interval;
    const end = isNull(endNode) ? null : this.dateOf(endNode, 'end', range);
    const b = this.interval;
    if (start && end && b![1] < a![0]) {
      this.report('tenure-order', rangeOf(endNode, range), `This role ends (${end}) before it starts (${start}); swap the dates or correct one of them.`);
    }
    return { office, title, of, start, end, range };
  }

  private provenance(node: YMap, head: [number, number]): void {
    const n = get(node, 'provenance');
    if (n === undefined || isNull(n)) return;
    if (n.kind !== 'map') {
      this.report('registry-schema', rangeOf(n, head), '`provenance` is a mapping: `wikidata_revision: NUMBER`, `imported: YYYY-MM-DD` and, when the import found differences, `wikidata_values`.');
      return;
    }
    for (const pair of n.pairs) {
      if (!PROVENANCE_KEYS.has(pair.key)) this.report('registry-schema', keyRangeOf(pair), `Unknown provenance key '${pair.key}' is ignored. Provenance keys: ${[...PROVENANCE_KEYS].join(', ')}.`, 'warning');
    }
    const rev = get(n, 'wikidata_revision');
    if (rev !== undefined && !(rev.kind === 'scalar' && typeof rev.value === 'number' && Number.isInteger(rev.value) && rev.value > 0)) {
      this.report('registry-schema', rangeOf(rev, head), 'wikidata_revision is the revision number of the Wikidata item (its `lastrevid`), a positive whole number.');
    }
    this.date(n, 'imported', head);
    // Values kept as written that differ from Wikidata's, recorded by the import (`wikidata-drift`).
    this.out.findings.push(...driftFindings(node, n, this.out.text));
  }

  private eventDate(node: YMap, head: [number, number]): string | undefined {
    const n = get(node, 'date');
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
    return this.intern(v);
  }

  private date(node: YMap, key: string, head: [number, number]): string | undefined {
    return this.dateOf(get(node, key), key, head);
  }

  /** The day interval of the last date `dateOf` accepted. */
  private interval: readonly [number, number] | null = null;

  /** The date `n`, the value of `key` (undefined: absent or not a valid date, which is reported);
   * its day interval in `interval`. */
  private dateOf(n: YNode | undefined, key: string, head: [number, number]): string | undefined {
    const v = this.value(n, key, head, false);
    if (v === undefined) return undefined;
    const interval = registryDate(v);
    if (!interval) {
      this.report('registry-schema', rangeOf(n, head), `Invalid ${key} date '${v}': write YYYY, YYYY-MM or YYYY-MM-DD.`);
      return undefined;
    }
    this.interval = interval;
    return this.intern(v);
  }

  /** A scalar field as written (numbers and booleans as their source text). */
  private str(node: YMap, key: string, head: [number, number], required: boolean): string | undefined {
    return this.value(get(node, key), key, head, required);
  }

  /** `str` of the value `n` of `key` (undefined: the key is absent). */
  private value(n: YNode | undefined, key: string, head: [number, number], required: boolean): string | undefined {
    if (n === undefined || isNull(n)) {
      if (required) this.report('registry-schema', head, `Missing required field '${key}'.`);
      return undefined;
    }
    if (n.kind === 'alias') {
      this.report('registry-schema', rangeOf(n, head), `'${key}' must be written out, not a YAML alias.`);
      return undefined;
    }
    if (n.kind !== 'scalar') {
      this.report('registry-schema', rangeOf(n, head), `'${key}' must be a single value, not a ${n.kind === 'seq' ? 'list' : 'mapping'}.`);
      return undefined;
    }
    const v = n.value;
    if (typeof v === 'string') {
      if (isBlank(v)) {
        if (required) this.report('registry-schema', rangeOf(n, head), `'${key}' must not be empty.`);
        return undefined;
      }
      return v;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      return this.out.text.slice(n.start, n.end);
    }
    return String(v);
  }

  /** A list of texts, the value `n` of `key` (undefined: absent); `forms` receives each one's range (start, end). */
  private list(n: YNode | undefined, key: string, head: [number, number], forms?: Scratch<number>): string[] {
    if (n === undefined || isNull(n)) return EMPTY as string[];
    if (n.kind !== 'seq') {
      this.report('registry-schema', rangeOf(n, head), `'${key}' must be a list, e.g. ${key}: [First, Second].`);
      return EMPTY as string[];
    }
    const out = this.listItems;
    out.n = 0;
    for (let i = 0; i < n.items.length; i++) {
      const it = n.items[i];
      const v = it.kind === 'scalar' && (typeof it.value === 'string' || typeof it.value === 'number') ? String(it.value) : '';
      if (!isBlank(v)) {
        out.push(key === 'participants' ? this.intern(v) : v);
        if (forms) forms.push2(it.start, Math.max(it.end, it.start + 1));
      } else this.report('registry-schema', rangeOf(it, head), `Each item of '${key}' must be a non-empty text.`);
    }
    return out.copy();
  }
}

/**
 * A list reused from one entity to the next: its first `n` items are this entity's. (Setting an
 * array's length to 0 would free its storage, and every push would allocate it again.)
 */
class Scratch<T> {
  items: T[] = [];
  n = 0;

  push(x: T): void {
    this.items[this.n++] = x;
  }

  push2(a: T, b: T): void {
    this.items[this.n++] = a;
    this.items[this.n++] = b;
  }

  push4(a: T, b: T, c: T, d: T): void {
    this.items[this.n++] = a;
    this.items[this.n++] = b;
    this.items[this.n++] = c;
    this.items[this.n++] = d;
  }

  /** The first `n` items, in a list of their own (the shared empty one when none). */
  copy(): T[] {
    return this.n === 0 ? (EMPTY as T[]) : this.items.slice(0, this.n);
  }
}

/** An entity's values by key (the first pair of each known key). */
class Fields {
  id: YNode | undefined = undefined;
  type: YNode | undefined = undefined;
  name: YNode | undefined = undefined;
  aliases: YNode | undefined = undefined;
  demonyms: YNode | undefined = undefined;
  family_name: YNode | undefined = undefined;
  given_name: YNode | undefined = undefined;
  name_order: YNode | undefined = undefined;
  country: YNode | undefined = undefined;
  description: YNode | undefined = undefined;
  wikidata: YNode | undefined = undefined;
  roles: YNode | undefined = undefined;
  of: YNode | undefined = undefined;
  single_holder: YNode | undefined = undefined;
  date: YNode | undefined = undefined;
  participants: YNode | undefined = undefined;
  provenance: YNode | undefined = undefined;

  /** The keys seen that apply to some types only (TYPE_ONLY), a bit each (TYPE_ONLY_BIT). */
  typeOnly = 0;

  /** No key seen yet; returns itself. */
  reset(): this {
    this.id = this.type = this.name = this.aliases = this.demonyms = this.family_name = this.given_name = undefined;
    this.name_order = this.country = this.description = this.wikidata = this.roles = this.of = undefined;
    this.single_holder = this.date = this.participants = this.provenance = undefined;
    this.typeOnly = 0;
    return this;
  }

  /** Keeps `value` for `key` (unless the key came before); false for a key entities do not have.
   * (A switch, not `this[key]`: a store by a computed name is several times slower.) */
  set(key: string, value: YNode): boolean {
    switch (key) {
      case 'id': this.id ??= value; return true;
      case 'type': this.type ??= value; return true;
      case 'name': this.name ??= value; return true;
      case 'aliases': this.aliases ??= value; return true;
      case 'demonyms': this.demonyms ??= value; this.typeOnly |= 1; return true;
      case 'family_name': this.family_name ??= value; this.typeOnly |= 2; return true;
      case 'given_name': this.given_name ??= value; this.typeOnly |= 4; return true;
      case 'name_order': this.name_order ??= value; this.typeOnly |= 8; return true;
      case 'country': this.country ??= value; return true;
      case 'description': this.description ??= value; return true;
      case 'wikidata': this.wikidata ??= value; return true;
      case 'roles': this.roles ??= value; this.typeOnly |= 16; return true;
      case 'of': this.of ??= value; return true;
      case 'single_holder': this.single_holder ??= value; this.typeOnly |= 32; return true;
      case 'date': this.date ??= value; this.typeOnly |= 64; return true;
      case 'participants': this.participants ??= value; this.typeOnly |= 128; return true;
      case 'provenance': this.provenance ??= value; return true;
      default: return false;
    }
  }
}

/**
 * Where an entity is written (`Entity['source']`), compact: a big registry has millions of these,
 * and a tuple per range and an object per reference would be most of its memory. The ranges are
 * numbers here; `range`, `idRange` and `references` make the documented shapes when asked for
 * (each call a new copy: change the numbers, or `shift`, not the copies).
 */
export class EntitySource {
  constructor(
    readonly path: string,
    /** `range`: the whole entry. */
    public start: number,
    public end: number,
    /** `idRange`: the value of `id`. */
    public idStart: number,
    public idEnd: number,
    /** `references`, flat: key, id, start, end for each. */
    public refs: (string | number)[],
  ) {}

  /**
   * The entity's number in the snapshot whose entity index was last written out for worker
   * threads (`numberEntities`, cli/sharedRegistry.ts); -1 before. A field, not a map by id: that
   * write looks an entity up for each of the trie's targets, half a million at 100,000 entities.
   */
  ordinal = -1;

  get range(): [number, number] {
    return [this.start, this.end];
  }

  get idRange(): [number, number] {
    return [this.idStart, this.idEnd];
  }

  get references(): { id: string; range: [number, number]; key: string }[] {
    const out: { id: string; range: [number, number]; key: string }[] = [];
    const r = this.refs;
    for (let i = 0; i < r.length; i += 4) out.push({ id: r[i + 1] as string, range: [r[i + 2] as number, r[i + 3] as number], key: r[i] as string });
    return out;
  }

  /** Moves every range by `d` (an edit before the entity). */
  shift(d: number): void {
    this.start += d;
    this.end += d;
    this.idStart += d;
    this.idEnd += d;
    const r = this.refs;
    for (let i = 2; i < r.length; i += 4) {
      (r[i] as number) += d;
      (r[i + 1] as number) += d;
    }
  }
}

/** Where entity `e`'s entry starts (`e.source.range[0]`, without the tuple). */
export function entryStart(e: Entity): number {
  const s = e.source;
  return s instanceof EntitySource ? s.start : s.range[0];
}

/**
 * For `entities[n]`, where each of its forms (`formAt(e, i)`) is written: flat numbers in typed
 * arrays, not an object and a tuple per form (a big registry has millions of forms).
 */
export class FormRanges {
  private data = new Int32Array(64);
  /** Where entity n's numbers start in `data` (entity n + 1's start is its end). */
  private starts = new Int32Array(16);
  /** While adding: how much of `data` and `starts` is used (the arrays grow by doubling). */
  private dataLength = 0;
  private startsLength = 1;
  private sealed = false;

  /** The next entity's ranges: start, end, start, end... */
  add(ranges: readonly number[], count = ranges.length): void {
    if (this.dataLength + count > this.data.length) {
      const grown = new Int32Array(2 * this.data.length + count);
      grown.set(this.data);
      this.data = grown;
    }
    if (this.startsLength === this.starts.length) {
      const grown = new Int32Array(2 * this.starts.length);
      grown.set(this.starts);
      this.starts = grown;
    }
    for (let i = 0; i < count; i++) this.data[this.dataLength++] = ranges[i];
    this.starts[this.startsLength++] = this.dataLength;
  }

  /** Done adding: the arrays cut to their exact length (4 bytes a number). */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    this.data = this.data.slice(0, this.dataLength);
    this.starts = this.starts.slice(0, this.startsLength);
  }

  /**
   * Entities [from, to) replaced by all of `region`'s (sealed), the later ones' numbers moved by
   * `delta` (an edit inside those entities). In place: the arrays are reallocated, with room to
   * spare, only when they must grow (a big registry's arrays are megabytes).
   */
  splice(from: number, to: number, region: FormRanges, delta: number): void {
    const rs = region.starts;
    const rd = region.data;
    const rn = rs.length - 1;
    const rLen = rs[rn];
    let starts = this.starts;
    let data = this.data;
    const n = this.count();
    const dFrom = starts[from];
    const dTo = starts[to];
    const dEnd = starts[n];
    const newN = n - (to - from) + rn;
    const newLen = dFrom + rLen + (dEnd - dTo);
    if (newLen > data.length) {
      const grown = new Int32Array(newLen + (newLen >> 4) + 64);
      grown.set(data.subarray(0, dEnd));
      data = grown;
    }
    if (newN + 1 > starts.length) {
      const grown = new Int32Array(newN + 1 + ((newN + 1) >> 4) + 16);
      grown.set(starts.subarray(0, n + 1));
      starts = grown;
    }
    data.copyWithin(dFrom + rLen, dTo, dEnd);
    data.set(rd.subarray(0, rLen), dFrom);
    if (delta) for (let i = dFrom + rLen; i < newLen; i++) data[i] += delta;
    starts.copyWithin(from + rn + 1, to + 1, n + 1);
    for (let i = 1; i <= rn; i++) starts[from + i] = dFrom + rs[i];
    const moved = dFrom + rLen - dTo;
    if (moved) for (let i = from + rn + 1; i <= newN; i++) starts[i] += moved;
    this.data = data;
    this.starts = starts;
    this.n = newN;
  }

  /** How many entities (sealed arrays may be longer: room to grow). */
  private n = -1;

  private count(): number {
    return this.n >= 0 ? this.n : this.starts.length - 1;
  }

  /** The range of form `i` of entity `n`. */
  range(n: number, i: number): [number, number] {
    const at = this.starts[n] + 2 * i;
    return [this.data[at], this.data[at + 1]];
  }
}

/**
 * The surface forms `formRanges` describes, in order: the name, the aliases, and a country's
 * demonyms (strList keeps only valid items, in both the entity and the ranges).
 */
export function formsOf(e: Entity): string[] {
  const out: string[] = [];
  for (let i = 0, n = formCount(e); i < n; i++) out.push(formAt(e, i));
  return out;
}

export function formCount(e: Entity): number {
  return 1 + e.aliases.length + (e.type === 'country' ? e.demonyms.length : 0);
}

/** `formsOf(e)[i]`, without the list. */
export function formAt(e: Entity, i: number): string {
  if (i === 0) return e.name;
  return i <= e.aliases.length ? e.aliases[i - 1] : e.demonyms[i - 1 - e.aliases.length];
}

/**
 * Compact entities: a big registry holds millions of small lists and repeats the same few
 * thousand ids, dates and names across entities. Empty lists share one frozen array; others are
 * copied to their exact length (see Scratch: an array grown by `push` keeps room for 16 more); repeated texts
 * share one string.
 */
const EMPTY = Object.freeze([]) as unknown as never[];

const ENTITY_TYPE = Object.fromEntries(ENTITY_TYPES.map((t) => [t, t])) as Record<EntityType, EntityType>;

const intern: (s: string) => string = memoize((s: string) => s, 200_000);


/** `s.trim() === ''`, decided by the first code unit when it is printable ASCII other than a space
 * (nearly every value): no trimmed copy made. */
function isBlank(s: string): boolean {
  const c = s.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? false : s.trim() === '';
}

function keyRangeOf(pair: YPair): [number, number] {
  return [pair.keyStart, Math.max(pair.keyEnd, pair.keyStart + 1)];
}


function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  const e = i < 0 ? text.length : i;
  return Math.max(from + 1, text[e - 1] === '\r' ? e - 1 : e);
}
