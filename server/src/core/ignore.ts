/**
 * `attache.ignore.yaml`: the workspace's list of capitalized spans that are not entities ("Joint
 * Statement", a newspaper's name guessed as a person). Names listed there are never reported as
 * unknown names, in any article of the workspace, by the CLI or the editor.
 *
 * ```yaml
 * version: 1
 * names:
 *   - Joint Statement              # never an unknown name, whatever its guessed type
 *   - name: Gulf Times
 *     type: person                 # only when guessed as this type (or a list of types)
 * ```
 *
 * Matching folds typographic variants (`foldText`), case and runs of white space, so `JOINT
 * STATEMENT` is the same name. Parsing never throws: problems are `ignore-syntax` findings on the
 * exact node, and the good entries still apply. Writing appends text (`ignoreEntryEdit`), so the
 * user's comments and order stay.
 */

import { Document, Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { foldText } from './entities/tokens';
import { ENTITY_TYPES, EntityMention, EntityType, Finding, TextEdit, finding } from './types';

/** The file name, at the root of a workspace folder. */
export const IGNORE_FILE = 'attache.ignore.yaml';

/** The parsed list: folded name → the guessed types it is ignored for (null: every type). */
export interface IgnoreList {
  readonly names: ReadonlyMap<string, ReadonlySet<EntityType> | null>;
}

export const EMPTY_IGNORE: IgnoreList = { names: new Map() };

export interface ParsedIgnore {
  list: IgnoreList;
  /** `ignore-syntax` findings, offsets in the file's text. */
  findings: Finding[];
}

/** The key a name is matched by: folded, lower case, single spaces. */
export function ignoreKey(name: string): string {
  return foldText(name).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether an unknown name guessed as `type` is listed as not an entity. */
export function isIgnored(list: IgnoreList | undefined, name: string, type: EntityType | undefined): boolean {
  if (!list || !list.names.size) return false;
  const types = list.names.get(ignoreKey(name));
  if (types === undefined) return false;
  return types === null || (type !== undefined && types.has(type));
}

/**
 * Drops the unknown names the list ignores from a recognition result (their mentions and their
 * `unknown-entity` findings), leaving everything else as it is.
 */
export function dropIgnored<T extends { mentions: EntityMention[]; findings: Finding[] }>(r: T, list: IgnoreList | undefined): T {
  if (!list || !list.names.size) return r;
  const dropped = new Set<string>();
  const mentions = r.mentions.filter((m) => {
    if (m.form !== 'unknown' || !isIgnored(list, m.text, m.guessedType ?? m.type)) return true;
    dropped.add(`${m.start}:${m.end}`);
    return false;
  });
  if (!dropped.size) return r;
  const findings = r.findings.filter((f) => f.code !== 'unknown-entity' || !dropped.has(`${f.start}:${f.end}`));
  return { ...r, mentions, findings };
}

type Bad = (r: readonly number[] | null | undefined, message: string, severity?: 'warning') => void;

export function parseIgnoreFile(text: string): ParsedIgnore {
  const names = new Map<string, Set<EntityType> | null>();
  const findings: Finding[] = [];
  const bad: Bad = (r, message, severity) => {
    // Parser positions can point one past the end of the text: clamp into it.
    const s = Math.min(r?.[0] ?? 0, text.length);
    const e = Math.min(Math.max(s + 1, r?.[1] ?? s + 1), text.length);
    const f = finding('ignore-syntax', s, e, message);
    findings.push(severity ? { ...f, severity } : f);
  };
  let doc: Document.Parsed;
  try {
    // Walked without toJS(): aliases are never expanded, so an alias bomb costs nothing.
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    bad([0, 1], `${IGNORE_FILE} could not be read: ${(e as Error).message}.`);
    return { list: { names }, findings };
  }
  if (doc.errors.length) {
    for (const e of doc.errors) bad(e.pos, `${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}. No name of ${IGNORE_FILE} is ignored until it parses.`);
    return { list: { names }, findings };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { list: { names }, findings };
  if (!isMap(root)) {
    bad(root.range, `${IGNORE_FILE} is a mapping with \`version: 1\` and a \`names:\` list.`);
    return { list: { names }, findings };
  }
  let list: Node | null = null;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = (pair.key as Node | null)?.range;
    const v = pair.value as Node | null;
    if (key === 'version') {
      if (!isScalar(v) || v.value !== 1) bad(v?.range ?? keyRange, 'Only `version: 1` is known.');
    } else if (key === 'names') list = v;
    else bad(keyRange, `Unknown key '${key}' (${IGNORE_FILE} has \`version\` and \`names\`).`, 'warning');
  }
  if (list === null || (isScalar(list) && list.value === null)) return { list: { names }, findings };
  if (!isSeq(list)) {
    bad(list.range, '`names` is a list: one name per item (`- Joint Statement`), or `- name: …` with `type:`.');
    return { list: { names }, findings };
  }
  for (const item of list.items) readEntry(item as Node | null, names, bad);
  // In the order of the text (the root's keys are checked before the list's items).
  findings.sort((a, b) => a.start - b.start);
  return { list: { names }, findings };
}

function readEntry(node: Node | null, names: Map<string, Set<EntityType> | null>, bad: Bad): void {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) {
    names.set(ignoreKey(node.value), null);
    return;
  }
  if (!isMap(node)) {
    bad(node?.range, 'Each item is a name (`- Joint Statement`) or a mapping with `name` and optional `type`.');
    return;
  }
  let name: string | undefined;
  let types: Set<EntityType> | null = null;
  let ok = true;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    if (key === 'name') {
      if (isScalar(v) && typeof v.value === 'string' && v.value.trim()) name = v.value;
      else {
        bad(v?.range ?? (pair.key as Node | null)?.range, '`name` is the text of the name, as it is written in the articles.');
        ok = false;
      }
    } else if (key === 'type') {
      const t = readTypes(v, bad);
      if (t === undefined) ok = false;
      else types = t;
    } else if (key !== 'note') bad((pair.key as Node | null)?.range, `Unknown key '${key}' (an item has \`name\`, \`type\` and \`note\`).`, 'warning');
  }
  if (name === undefined) {
    if (ok) bad(node.range, 'This item has no `name`.');
    return;
  }
  if (!ok) return;
  const key = ignoreKey(name);
  const prev = names.get(key);
  // Listed twice: the wider of the two wins (any type beats a list of types).
  if (prev === null || types === null) names.set(key, null);
  else names.set(key, new Set([...(prev ?? []), ...types]));
}

function readTypes(v: Node | null, bad: Bad): Set<EntityType> | undefined {
  const items = isSeq(v) ? v.items.map((x) => x as Node | null) : [v];
  const out = new Set<EntityType>();
  for (const x of items) {
    const t = isScalar(x) ? String(x.value) : '';
    if (!ENTITY_TYPES.includes(t as EntityType)) {
      bad(x?.range ?? v?.range, `Unknown type '${t}' (one of ${ENTITY_TYPES.join(', ')}).`);
      return undefined;
    }
    out.add(t as EntityType);
  }
  return out;
}

/** A plain YAML scalar when it reads back as the same string, else a JSON (double-quoted) one. */
function scalar(s: string): string {
  return /^[A-Za-z\u00c0-\u024f][\w .'’-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

/** The YAML item for one name (`- Name`, or a mapping with its type). */
function entryText(name: string, type: EntityType | undefined, indent: string, eol: string): string {
  if (!type) return `${indent}- ${scalar(name)}${eol}`;
  return `${indent}- name: ${scalar(name)}${eol}${indent}  type: ${type}${eol}`;
}

/**
 * The text edit that lists `name` in an ignore file whose text is `fileText` ('' for a file that
 * does not exist yet): appended after the last item of `names:`, or with the file's header when
 * it is empty. With `type`, the name is ignored only when guessed as that type. Nothing already
 * in the file is rewritten.
 */
export function ignoreEntryEdit(fileText: string, name: string, type?: EntityType): TextEdit {
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const end = fileText.length;
  if (!fileText.trim()) {
    const header = `# Names that are not entities: Attaché never reports them as unknown names.${eol}version: 1${eol}names:${eol}`;
    return { start: 0, end, newText: header + entryText(name, type, '  ', eol) };
  }
  const flowEmpty = /^names:[ \t]*\[[ \t]*\][ \t]*$/m.exec(fileText);
  if (flowEmpty) return { start: flowEmpty.index, end: flowEmpty.index + flowEmpty[0].length, newText: `names:${eol}${entryText(name, type, '  ', eol).slice(0, -eol.length)}` };
  const key = /^names:[ \t]*(?:#.*)?$/m.exec(fileText);
  if (!key) {
    const lead = fileText.endsWith('\n') ? '' : eol;
    return { start: end, end, newText: `${lead}names:${eol}${entryText(name, type, '  ', eol)}` };
  }
  // The block list runs from the line after `names:` to the next line at column 0 that is not a
  // comment or blank (another key); the new item goes after its last non-blank line.
  let pos = fileText.indexOf('\n', key.index);
  let insertAt = pos < 0 ? end : pos + 1;
  let indent = '  ';
  let sawItem = false;
  while (pos >= 0 && pos < end) {
    const lineStart = pos + 1;
    const nl = fileText.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? end : nl;
    const line = fileText.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() && !/^[ \t#-]/.test(line)) break;
    const item = /^([ \t]*)-/.exec(line);
    if (item && !sawItem) {
      indent = item[1];
      sawItem = true;
    }
    if (line.trim() && !/^[ \t]*#/.test(line)) insertAt = nl < 0 ? end : nl + 1;
    pos = nl;
  }
  const lead = insertAt === end && !fileText.endsWith('\n') ? eol : '';
  return { start: insertAt, end: insertAt, newText: lead + entryText(name, type, indent, eol) };
}
