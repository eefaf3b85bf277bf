/**
 * Writing new registry entries as text: an id for a new name, the registry file a type belongs
 * in, the YAML of one entry, and the text edit that appends it to a file. The editor's "Add 'X'
 * to the registry" uses it through the server, and the CLI can use it as it is: plain text in,
 * a plain text edit out.
 *
 * Nothing is re-serialized: the entry is inserted as text after the file's last entry, in that
 * file's indentation and line ends, so its comments, order and formatting stay as they were.
 */

import { EntityType, RegistrySnapshot, TextEdit } from '../types';

/** What a new entry says: the fields the editor asks for. */
export interface NewEntry {
  id: string;
  type: EntityType;
  name: string;
  /** A country id: written as `of:` for an office (whose office it is), `country:` otherwise; never for a country. */
  country?: string;
  /** A person's role: an office id and, when known, its start (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  role?: { office: string; start?: string };
}

/** File names (without `.yaml`) that hold entities of a type. */
const FILE_WORDS: Record<EntityType, string[]> = {
  person: ['person', 'persons', 'people', 'officials'],
  organization: ['organization', 'organizations', 'organisation', 'organisations', 'orgs'],
  country: ['country', 'countries', 'states'],
  place: ['place', 'places', 'locations'],
  office: ['office', 'offices', 'positions'],
  event: ['event', 'events'],
};

/** A registry id for a name: lower case ASCII, words joined by `-`, unique in the snapshot. */
export function slugId(name: string, snap: RegistrySnapshot): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'entity';
  let id = base;
  for (let n = 2; snap.entities.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The registry file (path or URI) a new entity of `type` belongs in: one named for the type, else `registry.yaml`, else the first. */
export function registryFileFor(files: readonly string[], type: EntityType): string | undefined {
  const words = FILE_WORDS[type];
  const named = files.find((f) => {
    const base = f.replace(/^.*\//, '').replace(/\.ya?ml$/i, '').toLowerCase();
    return words.includes(base);
  });
  return named ?? files.find((f) => /\/registry\.ya?ml$/i.test(f)) ?? files[0];
}

/** A plain YAML scalar when it reads back as the same string, else a JSON (double-quoted) one. */
function scalar(s: string): string {
  return /^[\w][\w .'’-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/[:#]/.test(s) ? s : JSON.stringify(s);
}

/** YAML for one entry, indented like the file's existing entries. */
export function entryYaml(entry: NewEntry, itemIndent: string, keyIndent: string, eol: string): string {
  const lines = [`${itemIndent}- id: ${entry.id}`, `${keyIndent}type: ${entry.type}`, `${keyIndent}name: ${scalar(entry.name)}`];
  if (entry.country && entry.type !== 'country') lines.push(`${keyIndent}${entry.type === 'office' ? 'of' : 'country'}: ${scalar(entry.country)}`);
  if (entry.role && entry.type === 'person') {
    lines.push(`${keyIndent}roles:`, `${keyIndent}  - office: ${scalar(entry.role.office)}`);
    if (entry.role.start && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(entry.role.start)) lines.push(`${keyIndent}    start: ${entry.role.start}`);
  }
  return lines.join(eol) + eol;
}

/**
 * The text edit that appends an entry to a registry file: after the end of the line where the
 * file's last entry ends (`lastEntryEnd`; comments after it stay where they are), or, for a file
 * without entries, at the end under an `entities:` key (added when missing).
 */
export function appendEntryEdit(fileText: string, lastEntryEnd: number | undefined, entry: NewEntry): TextEdit {
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const shape = /^([ \t]*)-([ \t]+)id:/m.exec(fileText);
  const itemIndent = shape ? shape[1] : '  ';
  const keyIndent = shape ? `${shape[1]} ${shape[2]}` : '    ';
  const yaml = entryYaml(entry, itemIndent, keyIndent, eol);
  if (lastEntryEnd !== undefined) {
    // The end of the line holding the entry's last character (the entry's range may stop short of a trailing comment).
    const nl = fileText.indexOf('\n', Math.max(0, lastEntryEnd - 1));
    if (nl >= 0) return { start: nl + 1, end: nl + 1, newText: yaml };
    return { start: fileText.length, end: fileText.length, newText: eol + yaml };
  }
  const lead = fileText.length && !fileText.endsWith('\n') ? eol : '';
  const emptyFlow = /^entities:[ \t]*\[[ \t]*\][ \t]*$/m.exec(fileText);
  if (emptyFlow) return { start: emptyFlow.index, end: emptyFlow.index + emptyFlow[0].length, newText: `entities:${eol}${yaml.slice(0, -eol.length)}` };
  if (/^entities:[ \t]*(?:#.*)?$/m.test(fileText)) return { start: fileText.length, end: fileText.length, newText: lead + yaml };
  const header = fileText.trim() ? '' : `version: 1${eol}`;
  return { start: fileText.length, end: fileText.length, newText: `${lead}${header}entities:${eol}${yaml}` };
}

/**
 * Where the entry written by `edit` (from `appendEntryEdit`) lies in the file once the edit is
 * applied: from its `- id:` line to the end of its last line, as offsets into the new text.
 */
export function newEntrySpan(edit: TextEdit, id: string): { start: number; end: number } {
  const at = edit.newText.search(new RegExp(`-[ \\t]+id: ${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\r?\\n|$)`));
  const from = Math.max(0, at);
  // The entry runs to the end of the inserted text, less its final line end.
  const end = edit.newText.replace(/\r?\n$/, '').length;
  return { start: edit.start + from, end: edit.start + end };
}
