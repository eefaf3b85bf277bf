/**
 * Registry checks that need all files at once: `duplicate-id`, `unknown-reference`,
 * `alias-collision` and `office-overlap`. Each returns findings keyed by the file they belong to.
 */

import { memoize, registryDayInterval as dayInterval } from './memo';
import { Entity, EntityType, Finding, finding } from '../types';
import { lowerBound, partitionPoint } from '../search';
import { EntitySource, ParsedRegistryFile, entryStart, formAt, formCount } from './parse';

export type FindingsByFile = Map<string, Finding[]>;

function push(m: FindingsByFile, path: string, f: Finding): void {
  let l = m.get(path);
  if (!l) m.set(path, (l = []));
  l.push(f);
}

/** What each reference key may point at. */
const REFERENCE_TYPES: Record<string, EntityType[] | undefined> = {
  country: ['country'],
  office: ['office'],
  of: ['country', 'organization', 'place'],
  participants: undefined,
};

/**
 * `files` in a stable order (by path). Returns the merged entity map (first definition wins) and
 * the cross-file findings. Files in `stale` (their ranges refer to old text) contribute entities
 * but get no findings.
 */
export function crossCheck(files: readonly ParsedRegistryFile[], stale: ReadonlySet<string>): { entities: Map<string, Entity>; findings: FindingsByFile } {
  const state = CrossState.build(files);
  return { entities: state.entities, findings: state.findings(stale) };
}

/**
 * The cross-file checks' state for one set of files, kept so that an edit of a few entities
 * updates it (`apply`) in time proportional to the edit and to the findings, not to the registry:
 *
 * - `entities` (first definition wins; `shadowed`: the later ones) is changed in place when the
 *   edited entities keep their ids (Map order is kept), and built again otherwise;
 * - `unknown-reference` findings are kept per entity and checked again for the edited entities
 *   and those that have some (all of them only when ids or types changed);
 * - alias collisions: a count of every folded form by hash (as the full check counts them) and the
 *   entities of each form seen more than once; a form newly shared is looked for in one pass;
 * - `office-overlap`: each office's holders, and its findings computed again when one of its
 *   holders or the office itself changed, or it has findings (their ranges may have moved).
 *
 * The "members" are the entities in `entities`: an edit's `leaving` and `entering` members are
 * what the entity index changes too.
 */
export class CrossState {
  entities = new Map<string, Entity>();
  /** Definitions of an id after its first (nearly always none), and those ids. */
  shadowed = new Set<Entity>();
  private shadowedIds = new Set<string>();
  private files: readonly ParsedRegistryFile[] = [];
  private byPath = new Map<string, ParsedRegistryFile>();
  private readonly refFindings = new Map<Entity, Finding[]>();
  private aliases!: FormCounts;
  /** The members using each form counted more than once (by hash), in member order. */
  readonly byForm = new Map<string, Entity[]>();
  /** Persons (members) with a role at each office, in member order. */
  private readonly holders = new Map<string, Entity[]>();
  private readonly overlapFindings = new Map<string, OwnedFinding[]>();
  /** During a full check of the references: the entity of each id referred to so far (null: none). */
  private referred: Map<string, Entity | null> | null = null;

  static build(files: readonly ParsedRegistryFile[]): CrossState {
    const st = new CrossState();
    st.setFiles(files);
    st.mergeEntities();
    const members = st.members();
    // The few thousand ids that are referred to, each looked up once in the big map: its
    // look-ups are cache misses, those of a small map mostly not.
    st.referred = new Map();
    st.checkAllReferences(members);
    st.referred = null;
    st.aliases = FormCounts.build(st, members);
    st.addHolders(members);
    st.holders.forEach((list, office) => {
      if (list.length > 1) st.checkOverlaps(office);
    });
    return st;
  }

  // Each pass over the members of a full build is a function of its own: V8 compiles a loop that
  // runs once while it runs (on-stack replacement), and one function with all the passes was
  // compiled again for each pass, after falling back to the interpreter at the end of the one
  // before (code after a loop has no type feedback until it has run).

  private checkAllReferences(members: readonly Entity[]): void {
    for (let i = 0; i < members.length; i++) this.checkReferences(members[i]);
  }

  private addHolders(members: readonly Entity[]): void {
    for (let i = 0; i < members.length; i++) if (members[i].type === 'person') this.addHolder(members[i]);
  }

  private setFiles(files: readonly ParsedRegistryFile[]): void {
    this.files = files;
    this.byPath = new Map(files.map((f) => [f.path, f]));
  }

  /** Members in order: files by path, entities in file order, later definitions left out. (An
   * array, not a generator: the full checks walk it several times over a big registry.) */
  members(): readonly Entity[] {
    const skip = this.shadowed.size > 0;
    if (this.files.length === 1 && !skip) return this.files[0].entities;
    const out: Entity[] = [];
    for (const f of this.files) for (const e of f.entities) if (!skip || !this.shadowed.has(e)) out.push(e);
    return out;
  }

  private mergeEntities(): void {
    const entities = new Map<string, Entity>();
    const shadowed = new Set<Entity>();
    // One look-up per entity: `set`, and a map that did not grow had the id already (rare: the
    // first definition is put back, at its place, once all are in).
    let repeated: Entity[] | undefined;
    for (const file of this.files) {
      const list = file.entities;
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        const n = entities.size;
        entities.set(e.id, e);
        if (entities.size === n) (repeated ??= []).push(e);
      }
    }
    if (repeated) {
      const first = new Map<string, Entity>();
      const ids = new Set(repeated.map((e) => e.id));
      for (const file of this.files) for (const e of file.entities) if (ids.has(e.id) && !first.has(e.id)) first.set(e.id, e);
      for (const [id, e] of first) entities.set(id, e);
      for (const file of this.files) for (const e of file.entities) if (ids.has(e.id) && first.get(e.id) !== e) shadowed.add(e);
    }
    this.entities = entities;
    this.shadowed = shadowed;
    this.shadowedIds = new Set([...shadowed].map((e) => e.id));
  }

  /**
   * `files` (by path) are the old ones with one file's items `removed` replaced by `added`.
   * Returns the members that left and entered.
   */
  apply(files: readonly ParsedRegistryFile[], removed: readonly Entity[], added: readonly Entity[]): { leaving: Entity[]; entering: Entity[] } {
    this.setFiles(files);
    let leaving: Entity[];
    let entering: Entity[];
    let allReferences = false;
    const sameIds = removed.length === added.length && removed.every((e, i) => e.id === added[i].id && !this.shadowedIds.has(e.id) && this.entities.get(e.id) === e);
    if (sameIds) {
      leaving = [...removed];
      entering = [...added];
      for (let i = 0; i < added.length; i++) {
        this.entities.set(added[i].id, added[i]);
        if (removed[i].type !== added[i].type) allReferences = true;
      }
    } else {
      const old = this.entities;
      const candidates = new Set<Entity>([...removed, ...added, ...this.shadowed]);
      this.mergeEntities();
      for (const e of this.shadowed) candidates.add(e);
      leaving = [];
      entering = [];
      for (const c of candidates) {
        const was = old.get(c.id) === c;
        const is = this.entities.get(c.id) === c;
        if (was && !is) leaving.push(c);
        else if (is && !was) entering.push(c);
      }
      allReferences = true;
    }
    entering.sort(order);

    if (allReferences) {
      this.refFindings.clear();
      for (const e of this.members()) this.checkReferences(e);
    } else {
      for (const e of leaving) this.refFindings.delete(e);
      for (const e of [...entering, ...this.refFindings.keys()]) this.checkReferences(e);
    }

    for (const e of leaving) this.aliases.remove(e, this.byForm);
    const unseen = new Set<string>();
    for (const e of entering) this.aliases.add(e, this.byForm, unseen);
    if (unseen.size) this.collectForms(unseen);

    const offices = new Set<string>(this.overlapFindings.keys());
    for (const e of [...leaving, ...entering]) {
      if (e.type === 'office') offices.add(e.id);
      if (e.type === 'person') for (const r of e.roles) if (r.office) offices.add(r.office);
    }
    for (const e of leaving) if (e.type === 'person') this.removeHolder(e);
    for (const e of entering) if (e.type === 'person') this.addHolder(e);
    for (const o of offices) this.checkOverlaps(o);
    return { leaving, entering };
  }

  /** The findings by file, in check order; none for files in `stale`. */
  findings(stale: ReadonlySet<string>): FindingsByFile {
    const out: FindingsByFile = new Map();
    const report = (e: Entity, f: Finding): void => {
      if (!stale.has(e.source.path)) push(out, e.source.path, f);
    };
    for (const e of [...this.shadowed].sort(order)) {
      const first = this.entities.get(e.id)!;
      report(e, finding('duplicate-id', e.source.idRange[0], e.source.idRange[1],
        `The id '${e.id}' is already defined (${first.type} '${first.name}'); ids must be unique across all registry files. Rename one of them or merge the entries.`,
        { related: [{ path: first.source.path, start: first.source.idRange[0], end: first.source.idRange[1], message: `first definition of '${e.id}'` }] }));
    }
    for (const [e, list] of this.refFindings) for (const f of list) report(e, f);
    for (const [form, list] of this.byForm) if (list.length > 1) this.aliasFindings(form, list, report);
    for (const [, list] of this.overlapFindings) for (const f of list) report(f.owner, f.finding);
    return out;
  }

  private checkReferences(e: Entity): void {
    let out: Finding[] | undefined;
    const s = e.source;
    if (s instanceof EntitySource) {
      // The compact form (parse.ts): key, id, start, end per reference, read without copies.
      const r = s.refs;
      for (let i = 0; i < r.length; i += 4) out = this.checkReference(e, r[i] as string, r[i + 1] as string, r[i + 2] as number, r[i + 3] as number, out);
    } else {
      for (const r of s.references) out = this.checkReference(e, r.key, r.id, r.range[0], r.range[1], out);
    }
    if (out) this.refFindings.set(e, out);
    else if (this.refFindings.size) this.refFindings.delete(e);
  }

  /** `out` with the finding about `e`'s reference to `id` as `key` at [start, end), if it is wrong. */
  private checkReference(e: Entity, key: string, id: string, start: number, end: number, out: Finding[] | undefined): Finding[] | undefined {
    let target: Entity | null | undefined;
    const referred = this.referred;
    if (referred) {
      target = referred.get(id);
      if (target === undefined) referred.set(id, (target = this.entities.get(id) ?? null));
    } else target = this.entities.get(id);
    if (!target) {
      (out ??= []).push(finding('unknown-reference', start, end, `No entity has the id '${id}' (used as ${key} of '${e.id}'). Define it in a registry file or correct the id.`));
      return out;
    }
    const allowed = REFERENCE_TYPES[key];
    if (allowed && !allowed.includes(target.type)) {
      (out ??= []).push(finding('unknown-reference', start, end, `'${id}' is a ${target.type} ('${target.name}'), but ${key} must name ${allowed.map((a) => `${/^[aeiou]/.test(a) ? 'an' : 'a'} ${a}`).join(' or ')}.`,
        { related: [{ path: target.source.path, start: target.source.idRange[0], end: target.source.idRange[1], message: `definition of '${id}'` }] }));
    }
    return out;
  }

  /** Every member's forms among `forms`, into `byForm` (one pass over the registry). */
  private collectForms(forms: ReadonlySet<string>): void {
    const lists = new Map<string, Entity[]>();
    for (const e of this.members()) {
      for (const k of distinctForms(e)) {
        if (!forms.has(k)) continue;
        let l = lists.get(k);
        if (!l) lists.set(k, (l = []));
        l.push(e);
      }
    }
    for (const [k, l] of lists) this.byForm.set(k, l);
  }

  /** Where member `e` writes form `i`. */
  private formRange(e: Entity, i: number): [number, number] {
    const file = this.byPath.get(e.source.path)!;
    const list = file.entities;
    const at = entryStart(e);
    // `e` is a member of the file: its index is the first whose entry does not start before it.
    return file.formRanges.range(partitionPoint(0, list.length - 1, (k) => entryStart(list[k]) < at), i);
  }

  private aliasFindings(form: string, entities: Entity[], report: (e: Entity, f: Finding) => void): void {
    interface Use { e: Entity; range: [number, number]; form: string }
    // Generic office titles ("Foreign Minister") shared by offices of different countries are
    // expected: the country word beside a mention decides between them.
    if (entities.every((e) => e.type === 'office') && new Set(entities.map((e) => e.of ?? '')).size === entities.length) return;
    const list: Use[] = entities.map((e) => {
      let i = 0;
      while (fold(formAt(e, i)) !== form) i++;
      return { e, range: this.formRange(e, i), form: formAt(e, i) };
    });
    // Each use names at most MAX_NAMED others, so a form shared by many entities costs linear work
    // and readable messages, not a quadratic list.
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      const others: Use[] = [];
      for (let j = 0; j < list.length && others.length < MAX_NAMED; j++) if (j !== i) others.push(list[j]);
      const more = list.length - 1 - others.length;
      report(x.e, finding('alias-collision', x.range[0], x.range[1],
        `'${x.form}' is also a name of ${others.map((y) => `'${y.e.id}'`).join(', ')}${more ? ` and ${more} more` : ''}: mentions of it will be ambiguous until a person links them. Remove the form from one entity if that is not intended.`,
        { related: others.map((y) => ({ path: y.e.source.path, start: y.range[0], end: y.range[1], message: `'${y.form}' on '${y.e.id}'` })) }));
    }
  }

  private addHolder(e: Entity): void {
    let last: string | undefined;
    for (const r of e.roles) {
      if (!r.office || r.office === last) continue;
      last = r.office;
      let l = this.holders.get(r.office);
      if (!l) this.holders.set(r.office, (l = []));
      if (l.length && l[l.length - 1] === e) continue;
      if (l.length && order(l[l.length - 1], e) < 0) l.push(e);
      else if (!l.includes(e)) insertSorted(l, e);
    }
  }

  private removeHolder(e: Entity): void {
    for (const r of e.roles) {
      const l = r.office ? this.holders.get(r.office) : undefined;
      if (!l) continue;
      const i = l.indexOf(e);
      if (i >= 0) l.splice(i, 1);
      if (!l.length) this.holders.delete(r.office!);
    }
  }

  private checkOverlaps(officeId: string): void {
    this.overlapFindings.delete(officeId);
    const office = this.entities.get(officeId);
    const persons = this.holders.get(officeId);
    if (!office?.singleHolder || !persons || persons.length < 2) return;
    interface Tenure { person: Entity; role: Entity['roles'][number]; latestStart: number; earliestEnd: number }
    const list: Tenure[] = [];
    for (const e of persons) {
      for (const role of e.roles) {
        if (role.office !== officeId || !role.start) continue;
        const s = dayInterval(role.start);
        const en = role.end ? dayInterval(role.end) : null;
        if (!s || (role.end && !en)) continue;
        // Count only certain overlap: the latest day the role may have started, the earliest it may have ended.
        list.push({ person: e, role, latestStart: s[1], earliestEnd: en ? en[0] : Infinity });
      }
    }
    // Holders follow each other in the registry's order, as a rule: sorted already.
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1].latestStart <= list[i].latestStart;
    if (!sorted) list.sort((a, b) => a.latestStart - b.latestStart);
    const out: OwnedFinding[] = [];
    for (let i = 1; i < list.length; i++) {
      const b = list[i];
      for (let j = 0; j < i; j++) {
        const a = list[j];
        if (a.person === b.person) continue;
        if (b.latestStart < a.earliestEnd) {
          out.push({ owner: b.person, finding: finding('office-overlap', b.role.range[0], b.role.range[1],
            `${office.name} has one holder at a time, but ${b.person.name} (from ${b.role.start}) overlaps ${a.person.name} (${a.role.start} to ${a.role.end ?? 'present'}). Correct the start or end date of one of them.`,
            { related: [{ path: a.person.source.path, start: a.role.range[0], end: a.role.range[1], message: `${a.person.name}'s tenure` }] }) });
          break;
        }
      }
    }
    if (out.length) this.overlapFindings.set(officeId, out);
  }
}

interface OwnedFinding { owner: Entity; finding: Finding }

/** Member order: by file path, then by place in the file. */
export function order(a: Entity, b: Entity): number {
  const p = a.source.path;
  const q = b.source.path;
  if (p !== q) return p < q ? -1 : 1;
  return entryStart(a) - entryStart(b);
}

function insertSorted(list: Entity[], e: Entity): void {
  list.splice(partitionPoint(0, list.length, (i) => order(list[i], e) < 0), 0, e);
}

/** An entity's forms folded, each once (an entity's own forms that fold alike count once). */
function distinctForms(e: Entity, out: string[] = []): string[] {
  const count = formCount(e);
  out.length = 0;
  if (count > 16) {
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const k = fold(formAt(e, i));
      if (!seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
    }
    return out;
  }
  for (let i = 0; i < count; i++) {
    const k = fold(formAt(e, i));
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

function fold(s: string): string {
  // Most forms are plain ASCII with single spaces, for which folding changes nothing; the few
  // others are remembered.
  return isPlain(s) ? s : foldUnicode(s);
}

/** Whether folding leaves `s` as it is: printable ASCII but a backtick, single spaces between
 * other characters (`/[^\x21-\x7e ]|[`]|  |^ | $/` finds nothing; a loop is faster on short forms). */
function isPlain(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prev === 32) return false;
    } else if (c < 0x21 || c > 0x7e || c === 0x60) return false;
    prev = c;
  }
  return true;
}

const foldUnicode = memoize((s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`]/g, "'").replace(/[–—‐]/g, '-').replace(/\s+/g, ' ').trim(), 100_000);

const MAX_NAMED = 10;

/** FNV-1a over the code units of `s`. */
function hashText(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function totalForms(members: readonly Entity[]): number {
  let total = 0;
  for (let i = 0; i < members.length; i++) total += formCount(members[i]);
  return total;
}

/** Each member's distinct folded forms' hashes into `hashes`, where member n's end into `ends`; how many in all. */
function hashForms(members: readonly Entity[], hashes: Int32Array, ends: Int32Array, scratch: string[]): number {
  let at = 0;
  for (let n = 0; n < members.length; n++) {
    const forms = distinctForms(members[n], scratch);
    for (let i = 0; i < forms.length; i++) hashes[at++] = hashText(forms[i]);
    ends[n] = at;
  }
  return at;
}

function countDistinct(sorted: Int32Array): number {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/** The distinct hashes of `sorted` into `keys`, 1 + their counts into `counts`, those counted twice or more into `shared`. */
function countSorted(sorted: Int32Array, keys: Int32Array, counts: Int32Array, shared: Set<number>): void {
  for (let i = 0, k = -1; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      keys[++k] = sorted[i];
      counts[k] = 2;
    } else {
      if (counts[k] < 65535) counts[k]++;
      shared.add(sorted[i]);
    }
  }
}

/** The members of each form whose hash is in `shared`, into `byForm`, in member order. */
function collectShared(members: readonly Entity[], hashes: Int32Array, ends: Int32Array, shared: ReadonlySet<number>, byForm: Map<string, Entity[]>, scratch: string[]): void {
  for (let n = 0, from = 0; n < members.length; from = ends[n], n++) {
    let any = false;
    for (let i = from; i < ends[n] && !any; i++) any = shared.has(hashes[i]);
    if (!any) continue;
    const e = members[n];
    for (const k of distinctForms(e, scratch)) {
      if (!shared.has(hashText(k))) continue;
      const l = byForm.get(k);
      if (l) l.push(e);
      else byForm.set(k, [e]);
    }
  }
}

/**
 * How many members use each folded form, by its 32-bit hash: no object per form (a
 * million-entity registry has millions). The hashes counted at the full build are a sorted list
 * with a count each, made by sorting the hashes (a typed array's numeric sort): a table indexed
 * by hash would be megabytes of random accesses, most of them cache misses, for a registry in
 * which nearly every form is used once. Hashes first counted by a later edit are kept in a small
 * map until there are enough of them to merge into the lists. A count is kept as 1 + the count,
 * saturating at 65,535 (as it always was). Forms whose hash is counted more than once have their
 * members in `byForm` (a few: the real collisions, and the rare hash collisions).
 */
class FormCounts {
  private constructor(
    /** The hashes, ascending, and 1 + the count of each. */
    private keys: Int32Array,
    private counts: Int32Array,
    /** 1 + the count of hashes not in `keys`. */
    private readonly extra: Map<number, number>,
  ) {}

  static build(st: CrossState, members: readonly Entity[] = st.members()): FormCounts {
    // Two passes: hash every member's forms (the hashes kept, so the forms are folded once), then
    // keep the members of forms seen twice, folding again only those members' forms. (Each pass
    // a function: see `CrossState.checkAllReferences`.)
    const byForm = st.byForm;
    byForm.clear();
    const all = new Int32Array(totalForms(members));
    /** Where member n's hashes end in `hashes`. */
    const ends = new Int32Array(members.length);
    // A list reused for every member's forms (read before the next member's are made).
    const scratch: string[] = [];
    const hashes = all.subarray(0, hashForms(members, all, ends, scratch));
    const sorted = hashes.slice().sort();
    const distinct = countDistinct(sorted);
    const keys = new Int32Array(distinct);
    const counts = new Int32Array(distinct);
    /** The hashes counted more than once. */
    const shared = new Set<number>();
    countSorted(sorted, keys, counts, shared);
    const t = new FormCounts(keys, counts, new Map());
    if (shared.size) collectShared(members, hashes, ends, shared, byForm, scratch);
    return t;
  }

  /** Where hash `h` is in `keys`, or -1. */
  private find(h: number): number {
    const i = lowerBound(this.keys, h);
    return i < this.keys.length && this.keys[i] === h ? i : -1;
  }

  count(h: number): number {
    const i = this.find(h);
    const c = i >= 0 ? this.counts[i] : this.extra.get(h) ?? 0;
    return c === 0 ? 0 : c - 1;
  }

  private bump(h: number, d: 1 | -1): number {
    const i = this.find(h);
    let c = i >= 0 ? this.counts[i] : this.extra.get(h) ?? 1;
    if (c !== 65535) c = d > 0 ? c + 1 : Math.max(1, c - 1);
    if (i >= 0) this.counts[i] = c;
    else {
      this.extra.set(h, c);
      if (this.extra.size > 1024) this.merge();
    }
    return c - 1;
  }

  /** The hashes of `extra` merged into `keys` (a pass over the lists, once per thousand new hashes). */
  private merge(): void {
    const add = [...this.extra.keys()].sort((a, b) => a - b);
    const n = this.keys.length;
    const keys = new Int32Array(n + add.length);
    const counts = new Int32Array(n + add.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < keys.length; k++) {
      if (j >= add.length || (i < n && this.keys[i] < add[j])) {
        keys[k] = this.keys[i];
        counts[k] = this.counts[i++];
      } else {
        keys[k] = add[j];
        counts[k] = this.extra.get(add[j++])!;
      }
    }
    this.keys = keys;
    this.counts = counts;
    this.extra.clear();
  }

  remove(e: Entity, byForm: Map<string, Entity[]>): void {
    for (const k of distinctForms(e)) {
      this.bump(hashText(k), -1);
      const l = byForm.get(k);
      if (!l) continue;
      const i = l.indexOf(e);
      if (i >= 0) l.splice(i, 1);
      if (!l.length) byForm.delete(k);
    }
  }

  /** Counts `e`'s forms; a form now counted twice whose members are not known goes to `unseen`. */
  add(e: Entity, byForm: Map<string, Entity[]>, unseen: Set<string>): void {
    for (const k of distinctForms(e)) {
      if (this.bump(hashText(k), 1) < 2) continue;
      const l = byForm.get(k);
      if (l) insertSorted(l, e);
      else unseen.add(k);
    }
  }
}
