/**
 * `--merge`: imported entries → text edits on the registry files that already hold them, found by
 * id (the mapping reuses the id of the entity with the same `wikidata` value). Nothing is
 * re-serialized: each change inserts or replaces an exact range, so comments, order, quoting and
 * hand-added keys stay as the person wrote them.
 *
 * Rules (docs/wikidata.md): a field only in the registry stays; a field only in Wikidata is added;
 * aliases are united (a Wikidata label that is neither the name nor an alias becomes an alias);
 * roles are paired by office and start date (or by office alone when each side has one) and
 * missing ones appended; a value present on both sides that differs is not changed but reported
 * as drift; `provenance` is the importer's own and is updated.
 */

import { Document, LineCounter, parseDocument } from 'yaml';
import { dayInterval } from '../calendar';
import { applyEdits } from '../edits';
import { readFastYaml } from '../registry/fastYaml';
import { YMap, YNode, fromYamlDocument, get, isNull } from '../registry/tree';
import { Entity, EntityType, TextEdit } from '../types';
import { MapOptions, RegistryEntry, RegistryRole } from './mapping';
import { entryLines, flowList, provenanceLines, roleLines, yamlScalar } from './yaml';
import { DRIFT_FIELDS, DRIFT_KEY, roleDriftKey, scalarText } from './drift';

export interface Drift {
  path: string;
  /** Offset of the registry value that differs. */
  offset: number;
  id: string;
  message: string;
  /** The `provenance.wikidata_values` record of a differing value (drift.ts): its key and Wikidata's value. */
  record?: [key: string, value: string];
}

export interface MergeResult {
  /** New text per changed file. */
  texts: Map<string, string>;
  /** The edits that make them, in offsets of the original texts (for an editor's WorkspaceEdit). */
  edits: Map<string, TextEdit[]>;
  drifts: Drift[];
  updated: string[];
  added: string[];
  /** Files that could not be read as YAML (their entities were not merged). */
  problems: string[];
}

interface Located {
  path: string;
  text: string;
  node: YMap;
}

function readTree(text: string): YNode | null | undefined {
  const fast = readFastYaml(text);
  if (fast) return fast;
  const doc: Document.Parsed = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  if (doc.errors.length) return undefined;
  return fromYamlDocument(doc);
}

/** The entity mappings of each file, by id. */
function locate(files: readonly { path: string; text: string }[], problems: string[]): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const f of files) {
    const top = readTree(f.text);
    if (top === undefined) {
      problems.push(`${f.path}: does not parse as YAML; its entities were not merged (fix it and run the import again)`);
      continue;
    }
    if (!top || top.kind !== 'map') continue;
    const list = get(top, 'entities');
    if (!list || list.kind !== 'seq') continue;
    for (const item of list.items) {
      if (item.kind !== 'map') continue;
      const id = get(item, 'id');
      if (id?.kind === 'scalar' && typeof id.value === 'string' && !out.has(id.value)) out.set(id.value, { path: f.path, text: f.text, node: item });
    }
  }
  return out;
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
const indentAt = (text: string, at: number): string => ' '.repeat(at - lineStart(text, at));
/** The offset just after the line holding `at - 1` (the start of the next line). */
function afterLine(text: string, end: number): number {
  const nl = text.indexOf('\n', Math.max(0, end - 1));
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Merges `entries` (mapped with the registry's ids) into `files`. Entries whose id is in no file
 * are appended to `target` (its current text is `targetText`, empty for a new file).
 */
export function mergeIntoRegistry(files: readonly { path: string; text: string }[], entries: readonly RegistryEntry[], target: { path: string; text: string }, header: readonly string[] = []): MergeResult {
  const problems: string[] = [];
  const located = locate(files, problems);
  const edits = new Map<string, TextEdit[]>();
  const texts = new Map<string, string>(files.map((f) => [f.path, f.text]));
  if (!texts.has(target.path)) texts.set(target.path, target.text);
  const edit = (path: string, e: TextEdit): void => {
    let l = edits.get(path);
    if (!l) edits.set(path, (l = []));
    l.push(e);
  };
  const drifts: Drift[] = [];
  const updated: string[] = [];
  const added: RegistryEntry[] = [];
  for (const entry of entries) {
    const at = located.get(entry.id);
    if (!at) {
      added.push(entry);
      continue;
    }
    if (entry.stub) continue;
    const count = mergeEntry(at, entry, (e) => edit(at.path, e), (offset, message, record) => drifts.push({ path: at.path, offset, id: entry.id, message, ...(record ? { record } : {}) }));
    if (count) updated.push(entry.id);
  }
  if (added.length) {
    const text = texts.get(target.path)!;
    const shape = /^([ \t]*)-([ \t]+)id:/m.exec(text);
    const indent = shape ? shape[1] : '  ';
    const lines = added.flatMap((e) => entryLines(e, indent));
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const block = lines.join(eol) + eol;
    if (!text.trim()) edit(target.path, { start: 0, end: text.length, newText: [...header.map((h) => `# ${h}`), 'version: 1', 'entities:'].join(eol) + eol + block });
    else {
      const emptyFlow = /^entities:[ \t]*\[[ \t]*\][ \t]*$/m.exec(text);
      if (emptyFlow) edit(target.path, { start: emptyFlow.index, end: emptyFlow.index + emptyFlow[0].length, newText: `entities:${eol}${block.slice(0, -eol.length)}` });
      else edit(target.path, { start: text.length, end: text.length, newText: (text.endsWith('\n') ? '' : eol) + (/^entities:/m.test(text) ? '' : `entities:${eol}`) + block });
    }
  }
  const out = new Map<string, string>();
  for (const [path, list] of edits) {
    const joined = coalesce(list);
    edits.set(path, joined);
    const r = applyEdits(texts.get(path)!, joined);
    if (r.text !== texts.get(path)) out.set(path, r.text);
  }
  return { texts: out, edits, drifts, updated, added: added.map((e) => e.id), problems };
}

/** What the parts of one entity's merge share: its text and node, and where edits and drift go. */
interface EntryMerge {
  text: string;
  node: YMap;
  entry: RegistryEntry;
  eol: string;
  /** The indent of the entity's keys. */
  keyIndent: string;
  /** Lines of new plain fields, inserted together after the last plain field. */
  newLines: string[];
  /** Wikidata's values where the entry says otherwise, recorded in its provenance (drift.ts). */
  records: [string, string][];
  /** Edits made so far. */
  count: number;
  add(e: TextEdit): void;
  drift(offset: number, message: string, record?: [string, string]): void;
}

/** Edits for one entity; returns how many. */
function mergeEntry(at: Located, entry: RegistryEntry, edit: (e: TextEdit) => void, report: (offset: number, message: string, record?: [string, string]) => void): number {
  const { text, node } = at;
  const m: EntryMerge = {
    text,
    node,
    entry,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    keyIndent: indentAt(text, node.pairs[0].keyStart),
    newLines: [],
    records: [],
    count: 0,
    add(e) {
      edit(e);
      m.count++;
    },
    drift(offset, message, record) {
      if (record) m.records.push(record);
      report(offset, message, record);
    },
  };
  const name = scalarText(get(node, 'name'), text);
  mergeAliases(m, name);
  mergeScalars(m, name);
  mergeRoles(m);
  // Provenance last: its `imported` date changes only when something else did.
  mergeProvenance(m);
  return m.count;
}

/** Aliases: union, in Wikidata's order after the registry's own. */
function mergeAliases(m: EntryMerge, name: string | undefined): void {
  const { text, entry } = m;
  const aliasNode = get(m.node, 'aliases');
  const have = new Set<string>();
  if (aliasNode?.kind === 'seq') for (const it of aliasNode.items) { const v = scalarText(it, text); if (v) have.add(v); }
  const wanted = [...new Set([entry.name, ...entry.aliases].filter((a) => a !== name && !have.has(a)))];
  if (!wanted.length) return;
  if (!aliasNode || isNull(aliasNode)) {
    if (aliasNode) m.add({ start: aliasNode.start, end: aliasNode.end, newText: ` ${flowList(wanted)}`.slice(text[aliasNode.start - 1] === ' ' ? 1 : 0) });
    else m.newLines.push(`${m.keyIndent}aliases: ${flowList(wanted)}`);
  } else if (aliasNode.kind === 'seq' && text[aliasNode.end - 1] === ']') {
    const tail = wanted.map((a) => yamlScalar(a, true)).join(', ');
    m.add({ start: aliasNode.end - 1, end: aliasNode.end - 1, newText: aliasNode.items.length ? `, ${tail}` : tail });
  } else if (aliasNode.kind === 'seq' && aliasNode.items.length) {
    const itemIndent = indentAt(text, aliasNode.start);
    m.add({ start: afterLine(text, aliasNode.end), end: afterLine(text, aliasNode.end), newText: wanted.map((a) => `${itemIndent}- ${yamlScalar(a)}${m.eol}`).join('') });
  } else m.drift(aliasNode.start, `aliases are not a list here, so Wikidata's ${flowList(wanted)} were not added`);
}

/** Keys whose imported value is written as it is (an id, a keyword or `true`), not as a quoted scalar. */
const BARE_KEYS = new Set(['single_holder', 'country', 'of', 'name_order']);

/** Scalar fields: added when missing (with the new aliases line, after the last plain field), reported when different. */
function mergeScalars(m: EntryMerge, name: string | undefined): void {
  const { text, node, entry } = m;
  // name_order describes `name`: Wikidata's is about its label, so it applies only to the same name.
  const scalars: [string, string | undefined][] = [
    ['family_name', entry.familyName], ['given_name', entry.givenName], ['name_order', name === entry.name ? entry.nameOrder : undefined],
    ['country', entry.country], ['of', entry.of], ['single_holder', entry.singleHolder ? 'true' : undefined],
    ['description', entry.description], ['wikidata', entry.wikidata],
  ];
  for (const [key, value] of scalars) {
    if (value === undefined) continue;
    const cur = get(node, key);
    const curText = scalarText(cur, text);
    if (curText === undefined) {
      if (cur && !isNull(cur)) continue;
      m.newLines.push(`${m.keyIndent}${key}: ${BARE_KEYS.has(key) ? value : yamlScalar(value)}`);
    } else if (curText !== value && key !== 'description') {
      m.drift(cur!.start, `${key} is '${curText}' here but '${value}' on Wikidata (${entry.wikidata}); kept as written`, DRIFT_FIELDS.includes(key) ? [key, value] : undefined);
    }
  }
  if (!m.newLines.length) return;
  // After the last plain field, so new keys sit with the others rather than after the roles.
  const plain = node.pairs.filter((p) => p.key !== 'roles' && p.key !== 'provenance');
  const anchor = plain.length ? plain[plain.length - 1].value.end : node.end;
  const pos = afterLine(text, anchor);
  m.add({ start: pos, end: pos, newText: m.newLines.map((l) => l + m.eol).join('') });
}

/**
 * Roles: Wikidata's roles paired with the registry's by office and start date, else by office
 * alone (one on each side, or the one whose tenure overlaps); paired ones get missing dates,
 * the rest are appended.
 */
function mergeRoles(m: EntryMerge): void {
  const rolesNode = get(m.node, 'roles');
  const existing = rolesNode?.kind === 'seq' ? rolesNode.items.filter((r): r is YMap => r.kind === 'map') : [];
  const unpaired = new Set(existing);
  const toAppend: RegistryRole[] = [];
  const byOffice = new Map<string, RegistryRole[]>();
  for (const r of m.entry.roles) {
    let l = byOffice.get(r.office);
    if (!l) byOffice.set(r.office, (l = []));
    l.push(r);
  }
  for (const [office, list] of byOffice) {
    const mine = existing.filter((r) => roleField(m, r, 'office') === office);
    const pairs: [RegistryRole, YMap][] = [];
    const rest: RegistryRole[] = [];
    for (const r of list) {
      const same = mine.find((x) => unpaired.has(x) && r.start !== undefined && roleField(m, x, 'start') === r.start);
      if (same) {
        pairs.push([r, same]);
        unpaired.delete(same);
      } else rest.push(r);
    }
    for (const r of rest) {
      const candidates = mine.filter((x) => unpaired.has(x));
      const overlapping = candidates.filter((x) => spansOverlap(roleField(m, x, 'start'), roleField(m, x, 'end'), r.start, r.end));
      const match = candidates.length === 1 && rest.length === 1 ? candidates[0] : overlapping.length === 1 ? overlapping[0] : undefined;
      if (match) {
        pairs.push([r, match]);
        unpaired.delete(match);
      } else toAppend.push(r);
    }
    for (const [r, x] of pairs) fillRoleDates(m, office, r, x, rolesNode?.kind === 'seq' ? rolesNode.items.indexOf(x) : -1);
  }
  if (toAppend.length) appendRoles(m, rolesNode, existing.length > 0, toAppend);
}

const roleField = (m: EntryMerge, r: YMap, k: string): string | undefined => scalarText(get(r, k), m.text);

/** A paired role: start and end added where the registry has none, reported where they differ. */
function fillRoleDates(m: EntryMerge, office: string, r: RegistryRole, role: YMap, index: number): void {
  const { text, entry } = m;
  const missing: string[] = [];
  for (const k of ['start', 'end'] as const) {
    const mine = roleField(m, role, k);
    const theirs = r[k];
    if (theirs === undefined) continue;
    const cur = get(role, k);
    if (mine === undefined) {
      if (!cur || isNull(cur)) missing.push(`${k}: ${theirs}`);
    } else if (mine !== theirs) {
      m.drift(cur!.start, `${office} ${k} is ${mine} here but ${theirs} on Wikidata (${entry.wikidata}); kept as written`, [roleDriftKey(index, k), theirs]);
    }
  }
  if (!missing.length) return;
  const endNode = get(role, 'end');
  if (endNode && isNull(endNode) && missing.some((x) => x.startsWith('end:'))) {
    // `end:` written empty or `null` means "still holds it": Wikidata now says it ended.
    m.drift(endNode.start, `${office} has no end here but ended ${r.end} on Wikidata (${entry.wikidata}); kept as written`, [roleDriftKey(index, 'end'), r.end!]);
    missing.splice(missing.findIndex((x) => x.startsWith('end:')), 1);
  }
  if (!missing.length) return;
  const ind = indentAt(text, role.pairs[0].keyStart);
  const pos = afterLine(text, role.end);
  m.add({ start: pos, end: pos, newText: missing.map((x) => `${ind}${x}${m.eol}`).join('') });
}

/** Roles with no partner in the registry: appended to its block list, or a `roles:` key added. */
function appendRoles(m: EntryMerge, rolesNode: YNode | undefined, hasItems: boolean, toAppend: RegistryRole[]): void {
  const { text, eol } = m;
  if (rolesNode?.kind === 'seq' && hasItems) {
    const ind = indentAt(text, rolesNode.start);
    const pos = afterLine(text, rolesNode.end);
    m.add({ start: pos, end: pos, newText: toAppend.flatMap((r) => roleLines(r, ind)).map((l) => l + eol).join('') });
  } else if (!rolesNode || isNull(rolesNode)) {
    // No `roles:` key: add one after the entry; an empty `roles:` gets its items on the next lines.
    const pos = afterLine(text, rolesNode ? rolesNode.end : m.node.end);
    const items = toAppend.flatMap((r) => roleLines(r, `${m.keyIndent}  `)).map((l) => l + eol).join('');
    m.add({ start: pos, end: pos, newText: (rolesNode ? '' : `${m.keyIndent}roles:${eol}`) + items });
  } else m.drift(rolesNode.start, `roles are not a block list here, so ${toAppend.length} role(s) from Wikidata were not added`);
}

/** Provenance: the importer's own record, replaced; the drift record rewritten when it changed. */
function mergeProvenance(m: EntryMerge): void {
  const { text, eol, entry, records } = m;
  if (!entry.provenance) return;
  const prov = get(m.node, 'provenance');
  const recordLines = (indent: string): string[] => (records.length ? [`${indent}${DRIFT_KEY}:`, ...records.map(([k, v]) => `${indent}  ${k}: ${k === 'family_name' || k === 'given_name' ? yamlScalar(v) : v}`)] : []);
  if (!prov) {
    const pos = afterLine(text, m.node.end);
    m.add({ start: pos, end: pos, newText: [...provenanceLines(entry.provenance, m.keyIndent), ...recordLines(`${m.keyIndent}  `)].map((l) => l + eol).join('') });
    return;
  }
  if (prov.kind !== 'map') return;
  const blockProv = /^[ \t]*$/.test(text.slice(lineStart(text, prov.start), prov.start));
  // The drift record is rewritten whole when it changed (dropped when nothing differs).
  const pair = prov.pairs.find((p) => p.key === DRIFT_KEY);
  const had = pair?.value.kind === 'map' ? pair.value.pairs.map((p) => `${p.key}: ${scalarText(p.value, text)}`) : pair && !isNull(pair.value) ? [''] : [];
  if (blockProv && had.join('\n') !== records.map(([k, v]) => `${k}: ${v}`).join('\n')) {
    const lines = recordLines(indentAt(text, prov.pairs[0].keyStart)).map((l) => l + eol).join('');
    if (pair) m.add({ start: lineStart(text, pair.keyStart), end: afterLine(text, pair.value.end), newText: lines });
    else m.add({ start: afterLine(text, prov.end), end: afterLine(text, prov.end), newText: lines });
  }
  const rev = get(prov, 'wikidata_revision');
  const imp = get(prov, 'imported');
  if (rev && entry.provenance.revision !== undefined && scalarText(rev, text) !== String(entry.provenance.revision)) m.add({ start: rev.start, end: rev.end, newText: String(entry.provenance.revision) });
  if (imp && m.count > 0 && scalarText(imp, text) !== entry.provenance.imported) m.add({ start: imp.start, end: imp.end, newText: entry.provenance.imported });
}

function spansOverlap(aStart: string | undefined, aEnd: string | undefined, bStart: string | undefined, bEnd: string | undefined): boolean {
  const a0 = aStart ? dayInterval(aStart)?.[0] ?? -Infinity : -Infinity;
  const a1 = aEnd ? dayInterval(aEnd)?.[1] ?? Infinity : Infinity;
  const b0 = bStart ? dayInterval(bStart)?.[0] ?? -Infinity : -Infinity;
  const b1 = bEnd ? dayInterval(bEnd)?.[1] ?? Infinity : Infinity;
  return a0 <= b1 && b0 <= a1;
}

/**
 * How imported entities find themselves in an existing registry (docs/wikidata.md, Merging):
 * by `wikidata` id; else, for an entity without one, by id equal to the new slug (not persons) or
 * by a name that no other entity of that type has. `onMatch` hears of each name match.
 */
export function registryMatch(entities: Iterable<Entity>, onMatch: (id: string, label: string, form: string, type: EntityType) => void = () => {}): Pick<MapOptions, 'knownIds' | 'takenIds' | 'sameAs'> {
  const knownIds = new Map<string, string>();
  const taken = new Set<string>();
  const byId = new Map<string, Entity>();
  const byName = new Map<string, string | undefined>();
  for (const e of entities) {
    taken.add(e.id);
    byId.set(e.id, e);
    if (e.wikidata) {
      if (!knownIds.has(e.wikidata)) knownIds.set(e.wikidata, e.id);
      continue;
    }
    const k = `${e.type}\u0000${e.name}`;
    byName.set(k, byName.has(k) ? undefined : e.id);
  }
  return {
    knownIds,
    takenIds: taken,
    sameAs: (slug, type, forms) => {
      const e = byId.get(slug);
      if (e && e.type === type && !e.wikidata && type !== 'person') return e.id;
      for (const f of forms) {
        const id = byName.get(`${type}\u0000${f}`);
        if (id) {
          onMatch(id, forms[0], f, type);
          return id;
        }
      }
      return undefined;
    },
  };
}

/**
 * The edits in offset order, insertions at the same place joined into one (in the order they
 * were made), so every client applies them the same way: LSP leaves the order of several inserts
 * at one position to the array, which not every editor or library honours.
 */
function coalesce(list: readonly TextEdit[]): TextEdit[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.start === e.start && last.end === last.start && e.end === e.start) out[out.length - 1] = { ...last, newText: last.newText + e.newText };
    else out.push(e);
  }
  return out;
}
