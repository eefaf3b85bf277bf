/**
 * What the `--jobs` workers get of the main thread's registry, all in shared memory (nothing
 * copied per worker, nothing built again):
 *
 * - the entities (`encodeRegistry`): one JSON array per entity, fields in a fixed order, ASCII in
 *   a SharedArrayBuffer, with the ids and types apart. A worker's snapshot reads an entity's row
 *   only when it is first asked for (`SharedEntities`): an article reads a few hundred of them,
 *   and the per-registry tables below are the main thread's, so no worker reads all 100,000.
 *   Left out: where the id and the references are written (`source.idRange`,
 *   `source.references`), which only registry navigation reads; a worker never serves that.
 * - the entity index's trie (`shareEntityIndex`, read in place by core/entities/flatTrie.ts);
 * - the tables analysis builds once per registry (`shareTables`): short and full forms of
 *   person names, known name parts, office holders, office forms, headline event forms and
 *   demonyms, as flat tables (core/flatTable.ts). Each of them is built from every entity of a
 *   type, which a worker would have to decode to build it: presetting all of them is what keeps
 *   a worker's decoding to the entities its articles name (`rowsDecoded`).
 */

import { AnalysisContext } from '../core/analyze';
import { HolderLookup, Tenure, officeHolders, presetOfficeHolders, tenureInterval } from '../core/checks/role-conflict';
import { EntityIndex } from '../core/entities';
import { knownDemonyms, knownNameParts, presetDemonyms, presetNameParts } from '../core/entities/evidence';
import { EventForm, EventForms, eventFormTokens, eventForms, presetEventForms } from '../core/entities/headline';
import { TrieNode, officeFormsOf, sharedEntityIndex } from '../core/entities/trie';
import { flattenTrie } from '../core/entities/flatTrie';
import { IdLookup, fullForms, presetNameForms, shortForms } from '../core/entities/variants';
import { FlatTable, TableSource, writeFlatTable } from '../core/flatTable';
import { TypedEntities } from '../core/registry';
import { EntitySource } from '../core/registry/parse';
import { ENTITY_TYPES, Entity, EntityType, RegistrySnapshot, Role } from '../core/types';

/** The entities of a snapshot, as `encodeRegistry` writes them. */
export interface EncodedRegistry {
  version: number;
  paths: string[];
  /** Every id, in snapshot order, each followed by "\n" (ids have no line breaks). */
  ids: string;
  /** Per entity, its type's place in ENTITY_TYPES. */
  types: Uint8Array;
  /** Where each entity's row starts in `rows` (n + 1 numbers: the last is the end). */
  rowStarts: Int32Array;
  /** The rows: JSON arrays in ASCII (other code units escaped). */
  rows: Uint8Array;
}

/** Typed arrays over new shared memory. */
function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * n));
}

/** Code units outside ASCII, written `\uXXXX` in the rows (JSON.parse reads them back). */
const NON_ASCII = /[\u0080-\uffff]/g;
const escapeUnit = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The rows are ASCII (every other code unit escaped), so a row's place in the text is its place
 * in the bytes: rows are joined into chunks of some 64 KB, each written at once (latin1, a plain
 * copy), and no row is kept once written (keeping 100,000 of them made the garbage collector copy
 * them all).
 */
export function encodeRegistry(registry: RegistrySnapshot): EncodedRegistry {
  const steps = encodeRegistrySteps(registry);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `encodeRegistry` in steps of `every` entities (a caller that must stay responsive pauses between them). */
export function* encodeRegistrySteps(registry: RegistrySnapshot, every = 4096): Generator<void, EncodedRegistry, void> {
  const paths = new Map<string, number>();
  const n = registry.entities.size;
  const types = new Uint8Array(new SharedArrayBuffer(n));
  const rowStarts = sharedInt32(n + 1);
  let ids = '';
  // Shared memory is given zeroed pages as they are first written: room to spare costs nothing.
  let buf = Buffer.from(new SharedArrayBuffer(Math.max(1 << 16, 256 * n)));
  let bytes = 0;
  let chunk = '';
  const flush = (): void => {
    if (buf.length - bytes < chunk.length) {
      const grown = Buffer.from(new SharedArrayBuffer(2 * buf.length + chunk.length));
      buf.copy(grown, 0, 0, bytes);
      buf = grown;
    }
    bytes += buf.write(chunk, bytes, 'latin1');
    chunk = '';
  };
  let k = 0;
  for (const e of registry.entities.values()) {
    let p = paths.get(e.source.path);
    if (p === undefined) paths.set(e.source.path, (p = paths.size));
    let row = JSON.stringify([
      e.id, e.type, e.name, e.aliases, e.demonyms, e.familyName ?? null, e.givenName ?? null, e.nameOrder ?? null,
      e.country ?? null, e.description ?? null, e.wikidata ?? null, rolesRow(e.roles), e.of ?? null, e.singleHolder ?? null,
      e.date ?? null, e.participants, p, e.source.range[0], e.source.range[1],
    ]);
    NON_ASCII.lastIndex = 0;
    if (NON_ASCII.test(row)) row = row.replace(NON_ASCII, escapeUnit);
    ids += `${e.id}\n`;
    types[k] = ENTITY_TYPES.indexOf(e.type);
    rowStarts[k++] = bytes + chunk.length;
    chunk += row;
    if (chunk.length >= 1 << 16) flush();
    if (k % every === 0) yield;
  }
  flush();
  rowStarts[k] = bytes;
  return { version: registry.version, paths: [...paths.keys()], ids, types, rowStarts, rows: new Uint8Array(buf.buffer, 0, bytes) };
}

const NONE = Object.freeze([]) as unknown as never[];

/** Entities decoded from rows on this thread, every snapshot counted (`rowsDecoded`). */
let decoded = 0;

/**
 * How many entities this thread has decoded from encoded rows so far, in every snapshot it made:
 * what a worker has read of the registry (a test holds a worker to the entities its articles name).
 */
export function rowsDecoded(): number {
  return decoded;
}

/** Roles as one flat list, 7 values a role; an absent value is 0 (`end: null` stays null: it still holds). */
function rolesRow(roles: readonly Role[]): unknown[] {
  const out: unknown[] = [];
  for (const r of roles) out.push(r.office ?? 0, r.title ?? 0, r.of ?? 0, r.start ?? 0, r.end === undefined ? 0 : r.end, r.range[0], r.range[1]);
  return out;
}

function rolesOf(row: unknown[]): Role[] {
  if (!row.length) return NONE;
  const v = <T>(x: unknown): T | undefined => (x === 0 ? undefined : (x as T));
  const out: Role[] = [];
  for (let i = 0; i < row.length; i += 7) {
    out.push({ office: v(row[i]), title: v(row[i + 1]), of: v(row[i + 2]), start: v(row[i + 3]), end: v(row[i + 4]), range: [row[i + 5] as number, row[i + 6] as number] });
  }
  return out;
}

/**
 * A worker's entities: a map by id over the encoded rows, each entity made when first asked for
 * (then kept), in snapshot order when listed.
 */
export class SharedEntities implements ReadonlyMap<string, Entity>, TypedEntities {
  private readonly ids: string[];
  private readonly byId = new Map<string, number>();
  private readonly made: (Entity | undefined)[];
  private readonly buf: Buffer;

  constructor(private readonly enc: EncodedRegistry) {
    this.ids = enc.ids.split('\n');
    this.ids.pop();
    for (let i = 0; i < this.ids.length; i++) this.byId.set(this.ids[i], i);
    this.made = new Array(this.ids.length);
    this.buf = Buffer.from(enc.rows.buffer, enc.rows.byteOffset, enc.rows.length);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The id of entity number n. */
  idAt(n: number): string {
    return this.ids[n];
  }

  /** The number of the entity `id` (-1 if none). */
  numberOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  /** Entity number n. */
  at(n: number): Entity {
    return (this.made[n] ??= this.read(n));
  }

  private read(n: number): Entity {
    decoded++;
    const r = JSON.parse(this.buf.toString('latin1', this.enc.rowStarts[n], this.enc.rowStarts[n + 1])) as unknown[];
    const opt = <T>(x: unknown): T | undefined => (x === null ? undefined : (x as T));
    const list = <T>(x: unknown): T[] => ((x as T[]).length ? (x as T[]) : NONE);
    return {
      id: this.ids[n], type: r[1] as Entity['type'], name: r[2] as string, aliases: list(r[3]), demonyms: list(r[4]),
      familyName: opt(r[5]), givenName: opt(r[6]), nameOrder: opt(r[7]), country: opt(r[8]), description: opt(r[9]),
      wikidata: opt(r[10]), roles: rolesOf(r[11] as unknown[]), of: opt(r[12]), singleHolder: opt(r[13]), date: opt(r[14]),
      participants: list(r[15]),
      source: { path: this.enc.paths[r[16] as number], range: [r[17] as number, r[18] as number], idRange: [r[17] as number, r[17] as number], references: NONE },
    };
  }

  get(id: string): Entity | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.at(n);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  *ofType(type: EntityType): Iterable<Entity> {
    const t = ENTITY_TYPES.indexOf(type);
    const types = this.enc.types;
    for (let n = 0; n < this.ids.length; n++) if (types[n] === t) yield this.at(n);
  }

  *entries(): MapIterator<[string, Entity]> {
    for (let n = 0; n < this.ids.length; n++) yield [this.ids[n], this.at(n)];
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  *values(): MapIterator<Entity> {
    for (let n = 0; n < this.ids.length; n++) yield this.at(n);
  }

  [Symbol.iterator](): MapIterator<[string, Entity]> {
    return this.entries();
  }

  forEach(f: (value: Entity, key: string, map: ReadonlyMap<string, Entity>) => void): void {
    for (let n = 0; n < this.ids.length; n++) f(this.at(n), this.ids[n], this);
  }
}

/** The snapshot `encodeRegistry` describes (no registry files: their findings are reported by the main thread). */
export function decodeRegistry(enc: EncodedRegistry): RegistrySnapshot {
  return { version: enc.version, entities: new SharedEntities(enc), files: new Map() };
}

/** The per-registry tables analysis builds beside the index, written out (entities by number). */
export interface NameTables {
  shortForms: SharedArrayBuffer;
  fullForms: SharedArrayBuffer;
  nameParts: SharedArrayBuffer;
  holders: SharedArrayBuffer;
  /** Office numbers by folded office form (`EntityIndex.officeForms`). */
  officeForms: SharedArrayBuffer;
  /** Per lower-case first token, pairs (event number, form: -1 the name, else the alias index), longest form first (`eventForms`). */
  eventForms: SharedArrayBuffer;
  /** Folded demonyms (`knownDemonyms`). */
  demonyms: SharedArrayBuffer;
}

/** The main thread's index and per-registry tables, for the workers. */
export interface SharedTables extends NameTables {
  trie: SharedArrayBuffer;
  rootStarts: Uint8Array;
}

/** Writes out `ctx`'s entity index and the tables analysis builds from the registry (building them now if not yet built). */
export function shareTables(ctx: AnalysisContext): SharedTables {
  const ordinals = entityNumbers(ctx.registry);
  return { ...shareTrie(ctx.entityIndex, ordinals), ...writeNameTables(ctx.entityIndex, (id) => ordinals.get(id)!) };
}

/** Entity numbers by id, in snapshot order. */
export function entityNumbers(registry: RegistrySnapshot): Map<string, number> {
  const ordinals = new Map<string, number>();
  for (const id of registry.entities.keys()) ordinals.set(id, ordinals.size);
  numbered.set(ordinals, registry);
  return ordinals;
}

/** The index's trie and root pairs in shared memory. */
export function shareTrie(index: EntityIndex, ordinals: ReadonlyMap<string, number>): Pick<SharedTables, 'trie' | 'rootStarts'> {
  const rootStarts = new Uint8Array(new SharedArrayBuffer(index.rootStarts.length));
  rootStarts.set(index.rootStarts);
  // Each entity's number written on its source (`numberEntities`); else by id (a Map by entity
  // object was slower still).
  const stamped = numberEntities(index.registry, ordinals);
  return { trie: flattenTrie(index.root as TrieNode, stamped ? (e) => (e.source as EntitySource).ordinal : (e) => ordinals.get(e.id)!), rootStarts };
}

/**
 * Writes each entity's number (its place in `registry`, as `ordinals` gives it) on its source,
 * when every source is an `EntitySource` (read by this thread's registry reader) and `ordinals`
 * numbers this snapshot's entities (`entityNumbers` of it); false otherwise (a worker's decoded
 * entities), and then the numbers are not read.
 */
function numberEntities(registry: RegistrySnapshot, ordinals: ReadonlyMap<string, number>): boolean {
  if (numbered.get(ordinals) !== registry) return false;
  let n = 0;
  for (const e of registry.entities.values()) {
    if (!(e.source instanceof EntitySource)) return false;
    e.source.ordinal = n++;
  }
  return true;
}

/** The snapshot each `entityNumbers` table numbers. */
const numbered = new WeakMap<ReadonlyMap<string, number>, RegistrySnapshot>();

/**
 * The per-registry tables of `index` (name forms, office holders, office and event forms,
 * demonyms), built now if not yet built, written out with `number(id)` for each entity. An index
 * of `{ registry }` alone will do: the language server's pool has its first worker write them from
 * its snapshot, before any index exists (the main thread answers the editor meanwhile).
 */
export function writeNameTables(index: Pick<EntityIndex, 'registry'> & Partial<Pick<EntityIndex, 'officeForms'>>, number: (id: string) => number): NameTables {
  const ix = index as EntityIndex;
  // A table's value is its ids, or one id (`IdTable`).
  const byNumber = (m: IdLookup): SharedArrayBuffer =>
    writeFlatTable(m as unknown as TableSource<string | readonly string[]>, (ids) => (typeof ids === 'string' ? 1 : ids.length), (ids, out, at) => {
      if (typeof ids === 'string') out[at] = number(ids);
      else for (let i = 0; i < ids.length; i++) out[at + i] = number(ids[i]);
    });
  const holders = new Map<string, number[]>();
  for (const [office, tenures] of officeHolders(ix.registry) as Map<string, Tenure[]>) {
    const persons: number[] = [];
    for (const t of tenures) {
      const n = number(t.person.id);
      if (persons[persons.length - 1] !== n) persons.push(n);
    }
    holders.set(office, persons);
  }
  const offices = index.officeForms instanceof Map ? (index.officeForms as Map<string, Set<string>>) : officeFormsOf(ix.registry);
  return {
    shortForms: byNumber(shortForms(ix)),
    fullForms: byNumber(fullForms(ix)),
    nameParts: writeFlatTable(knownNameParts(ix) as Set<string>, () => 0, () => undefined),
    holders: writeFlatTable(holders, (list) => list.length, (list, out, at) => out.set(list, at)),
    officeForms: writeFlatTable(offices, (ids) => ids.size, (ids, out, at) => {
      for (const id of ids) out[at++] = number(id);
    }),
    eventForms: writeFlatTable(eventForms(ix) as Map<string, EventForm[]>, (forms) => 2 * forms.length, (forms, out, at) => {
      for (const f of forms) {
        out[at++] = number(f.target.id);
        out[at++] = f.source;
      }
    }),
    demonyms: writeFlatTable(knownDemonyms(ix) as Set<string>, () => 0, () => undefined),
  };
}

/** Gives `index` (and its registry) the tables `writeNameTables` wrote, `entityAt(n)` being entity number n. */
export function presetNameTables(index: EntityIndex, tables: NameTables, entityAt: (n: number) => Entity, idAt: (n: number) => string = (n) => entityAt(n).id): void {
  presetNameForms(index, idLookup(new FlatTable(tables.shortForms), idAt), idLookup(new FlatTable(tables.fullForms), idAt));
  const parts = new FlatTable(tables.nameParts);
  presetNameParts(index, { has: (k) => parts.has(k) });
  presetOfficeHolders(index.registry, holderLookup(new FlatTable(tables.holders), entityAt));
  presetEventForms(index, eventFormLookup(new FlatTable(tables.eventForms), entityAt));
  const demonyms = new FlatTable(tables.demonyms);
  presetDemonyms(index, { has: (k) => demonyms.has(k) });
}

/** A worker's entity index over `registry` (decoded by `decodeRegistry`), with the main thread's tables. */
export function sharedIndex(registry: RegistrySnapshot, tables: SharedTables): EntityIndex {
  const entities = registry.entities as SharedEntities;
  // Office forms as ids only: no office is decoded.
  const index = sharedEntityIndex(registry, tables.trie, (n) => entities.at(n), tables.rootStarts, idLookup(new FlatTable(tables.officeForms), (n) => entities.idAt(n)));
  presetNameTables(index, tables, (n) => entities.at(n), (n) => entities.idAt(n));
  return index;
}

/** Event forms by first token from a table of (event, form) pairs: an event is decoded when a headline word first starts one of its forms. */
function eventFormLookup(table: FlatTable, entityAt: (n: number) => Entity): EventForms {
  const get = memoBySlot(table, (pairs) => {
    const forms: EventForm[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const e = entityAt(pairs[i]);
      const source = pairs[i + 1];
      forms.push({ toks: eventFormTokens(source < 0 ? e.name : e.aliases[source]), target: { id: e.id, form: source < 0 ? 'name' : 'alias', entity: e }, source });
    }
    return forms;
  });
  return {
    size: table.size,
    get,
    *keys() {
      for (let n = 0; n < table.size; n++) yield table.keyAt(n);
    },
  };
}

/** Ids by key from a table of entity numbers (each list made once, when first asked for). */
function idLookup(table: FlatTable, idAt: (n: number) => string): IdLookup {
  return { size: table.size, get: memoBySlot(table, (numbers) => Array.from(numbers, idAt)) };
}

/** A key's value made from its row of `table` by `make` when first asked for, then kept (undefined for a key not in the table). */
function memoBySlot<T>(table: FlatTable, make: (row: ReturnType<FlatTable['values']>) => T): (key: string) => T | undefined {
  const made = new Map<number, T>();
  return (key) => {
    const n = table.find(key);
    if (n < 0) return undefined;
    let v = made.get(n);
    if (v === undefined) made.set(n, (v = make(table.values(n))));
    return v;
  };
}

/** Tenures by office, as `officeHolders` lists them (persons in order, each one's roles in order), from the persons holding each office. */
function holderLookup(table: FlatTable, entityAt: (n: number) => Entity): HolderLookup {
  const made = new Map<string, Tenure[] | undefined>();
  return {
    get(office) {
      if (made.has(office)) return made.get(office);
      const n = table.find(office);
      let list: Tenure[] | undefined;
      if (n >= 0) {
        list = [];
        for (const p of table.values(n)) {
          const person = entityAt(p);
          for (const role of person.roles) {
            if (role.office !== office) continue;
            const interval = tenureInterval(role);
            if (interval) list.push({ person, role, interval });
          }
        }
      }
      made.set(office, list);
      return list;
    },
  };
}
