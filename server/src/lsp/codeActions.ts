/**
 * Code actions: every fix the core attaches to a finding (edits become a WorkspaceEdit, a fix
 * that needs the editor becomes a Command), plus two of the server's own:
 *
 * - "Add '<text>' to the registry" on an unknown entity: a new YAML entry with the guessed type,
 *   appended to the registry file for that type (`persons.yaml`, `organizations.yaml`, …) or the
 *   first registry file. The entry is inserted as text after the last entry of that file, so the
 *   file's comments, order and formatting stay exactly as they were.
 * - "Insert front matter with a publication date" in an article without front matter.
 *
 * The server never writes files: all of these are edits the user applies and can undo.
 */

import {
  CodeAction,
  CodeActionContext,
  CodeActionKind,
  CreateFile,
  Diagnostic,
  Range,
  TextDocumentEdit,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { ArticleAnalysis } from '../core/analyze';
import { ENTITY_TYPES, EntityType, Finding, Fix, RegistrySnapshot } from '../core/types';
import { toOffsets, toRange, toTextEdit } from './convert';
import { annotationEdit } from './annotations';
import { CLIENT_COMMANDS } from './protocol';
import { AttacheService, Folder, articleOfSidecar, isSidecar } from './service';
import { REATTACH_COMMAND } from '../core/annotations';

export function codeActions(service: AttacheService, uri: string, range: Range, context: CodeActionContext): CodeAction[] {
  const a = service.article(uri);
  let actions: CodeAction[];
  if (a) {
    const [from, to] = toOffsets(a.rec.text, range);
    const findings = [...a.analysis.findings, ...a.folder.crossFindings(uri)];
    actions = fixActions(service, uri, a.rec.text, findings, from, to, context.diagnostics);
    actions.push(...addToRegistryActions(service, a.folder, a.analysis, from, to, findings, context.diagnostics));
    const fm = frontMatterAction(uri, a.analysis, findings, from, to, context.diagnostics);
    if (fm && !actions.some((x) => x.title === fm.title || x.command?.command === CLIENT_COMMANDS.insertFrontMatter)) actions.push(fm);
  } else if (isSidecar(uri)) {
    // Orphaned annotations: "re-attach to the selection" runs in the editor (it needs the selection
    // in the article), which then asks the server for the edit.
    const article = service.article(articleOfSidecar(uri));
    const text = article?.folder.sidecarText(uri);
    if (!article || text === undefined) return [];
    const [from, to] = toOffsets(text, range);
    actions = [];
    for (const f of article.analysis.annotationFindings ?? []) {
      if (!overlaps(f, from, to)) continue;
      for (const fix of f.fixes ?? []) {
        if (fix.command?.name !== REATTACH_COMMAND) continue;
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, command: { title: fix.title, command: REATTACH_COMMAND, arguments: [articleOfSidecar(uri), ...fix.command.args] } };
        const diags = diagnosticFor(f, text, context.diagnostics);
        if (diags) action.diagnostics = diags;
        actions.push(action);
      }
    }
  } else {
    const folder = service.folderFor(uri);
    const status = folder.snapshot.files.get(uri);
    if (!status) return [];
    const [from, to] = toOffsets(status.text, range);
    actions = fixActions(service, uri, status.text, status.findings, from, to, context.diagnostics);
  }
  const only = context.only;
  return only?.length ? actions.filter((x) => only.some((k) => x.kind === k || x.kind?.startsWith(`${k}.`))) : actions;
}

function overlaps(f: { start: number; end: number }, from: number, to: number): boolean {
  return f.start <= to && from <= f.end;
}

/** The diagnostic the client sent for a finding (same code and start), so the action is tied to it. */
function diagnosticFor(f: Finding, text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] | undefined {
  const r = toRange(text, f.start, f.end);
  const d = diagnostics.find((x) => x.code === f.code && x.range.start.line === r.start.line && x.range.start.character === r.start.character);
  return d ? [d] : undefined;
}

function fixActions(service: AttacheService, uri: string, text: string, findings: readonly Finding[], from: number, to: number, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of findings) {
    if (!f.fixes?.length || !overlaps(f, from, to)) continue;
    const diags = diagnosticFor(f, text, diagnostics);
    for (const fix of f.fixes) {
      const action = fixAction(service, uri, text, fix);
      if (!action) continue;
      if (diags) action.diagnostics = diags;
      out.push(action);
    }
  }
  return out;
}

/** Fix commands the server turns into edits itself (the core cannot: they touch the registry). */
const ADD_TO_REGISTRY = 'attache.addToRegistry';
const LINK_MENTION = 'attache.linkMention';

export function fixAction(service: AttacheService, uri: string, text: string, fix: Fix): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix };
  if (fix.command?.name === ADD_TO_REGISTRY) {
    const [name, type] = fix.command.args;
    if (typeof name !== 'string' || !ENTITY_TYPES.includes(type as EntityType)) return undefined;
    const edit = addEntityEdit(service, service.folderFor(uri), name, type as EntityType);
    if (!edit) return undefined;
    action.edit = edit.edit;
    return action;
  }
  if (fix.command?.name === LINK_MENTION) {
    // Linking writes a `link` annotation into the article's sidecar: an edit like any other.
    const [start, end, entity] = fix.command.args;
    if (typeof start !== 'number' || typeof end !== 'number' || typeof entity !== 'string') return undefined;
    const edit = annotationEdit(service, { uri, start, end, kind: 'link', entity });
    if (!edit) return undefined;
    action.edit = edit;
    return action;
  }
  if (fix.isPreferred) action.isPreferred = true;
  if (fix.edits.length) {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const e of fix.edits) {
      const target = e.path || uri;
      const targetText = target === uri ? text : service.textOf(target);
      // An edit into a file we cannot read cannot be positioned: offer nothing rather than a wrong edit.
      if (targetText === undefined) return undefined;
      (changes[target] ??= []).push(toTextEdit(targetText, e));
    }
    action.edit = { changes };
  }
  // Other commands (linking a mention writes an annotation) run in the editor; they get the
  // document's URI first, since the core's arguments are offsets in it.
  if (fix.command) action.command = { title: fix.title, command: fix.command.name, arguments: [uri, ...fix.command.args] };
  return action.edit || action.command ? action : undefined;
}

// ---------------------------------------------------------------------------------------------
// Add an unknown entity to the registry

const FILE_WORDS: Record<EntityType, string[]> = {
  person: ['person', 'persons', 'people', 'officials'],
  organization: ['organization', 'organizations', 'organisation', 'organisations', 'orgs'],
  country: ['country', 'countries', 'states'],
  place: ['place', 'places', 'locations'],
  office: ['office', 'offices', 'positions'],
  event: ['event', 'events'],
};

function addToRegistryActions(
  service: AttacheService,
  folder: Folder,
  a: ArticleAnalysis,
  from: number,
  to: number,
  findings: readonly Finding[],
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const m of a.entities) {
    if (m.start > to) break;
    if (m.id || m.candidates.length || !overlaps(m, from, to) || seen.has(m.text)) continue;
    seen.add(m.text);
    const name = m.text.replace(/['’]s$/, '');
    const f = findings.find((x) => x.code === 'unknown-entity' && x.start === m.start);
    const diags = f ? diagnosticFor(f, a.article.text, diagnostics) : undefined;
    // The client searches Wikidata for the name and imports the candidate the user picks.
    const find: CodeAction = { title: `Find '${name}' on Wikidata…`, kind: CodeActionKind.QuickFix, command: { title: 'Find on Wikidata', command: CLIENT_COMMANDS.importFromWikidata, arguments: [name] } };
    if (diags) find.diagnostics = diags;
    const edit = addEntityEdit(service, folder, name, m.guessedType ?? m.type ?? 'person');
    const title = `Add '${m.text}' to the registry`;
    // Skip when the core already offers the same action for this span.
    if (!edit || findings.some((x) => x.fixes?.some((y) => y.title === title))) {
      out.push(find);
      continue;
    }
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit: edit.edit };
    if (diags) action.diagnostics = diags;
    out.push(action, find);
  }
  return out;
}

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

/** The registry file a new entity of `type` belongs in: one named for the type, else the first. */
export function registryFileFor(files: readonly string[], type: EntityType): string | undefined {
  const words = FILE_WORDS[type];
  const named = files.find((f) => {
    const base = f.replace(/^.*\//, '').replace(/\.ya?ml$/i, '').toLowerCase();
    return words.includes(base);
  });
  return named ?? files.find((f) => /\/registry\.ya?ml$/i.test(f)) ?? files[0];
}

/** YAML for one entry, indented like the file's existing entries. */
export function entryYaml(id: string, type: EntityType, name: string, itemIndent: string, keyIndent: string, eol: string): string {
  const q = (s: string): string => (/^[\w][\w .'’-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/[:#]/.test(s) ? s : JSON.stringify(s));
  return [`${itemIndent}- id: ${id}`, `${keyIndent}type: ${type}`, `${keyIndent}name: ${q(name)}`].join(eol) + eol;
}

/**
 * The text edit that appends an entry to a registry file: after the end of the line where the
 * file's last entry ends (comments after it stay where they are), or, for a file without
 * entries, at the end under an `entities:` key (added when missing).
 */
export function appendEntryEdit(fileText: string, lastEntryEnd: number | undefined, id: string, type: EntityType, name: string): { start: number; end: number; newText: string } {
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const shape = /^([ \t]*)-([ \t]+)id:/m.exec(fileText);
  const itemIndent = shape ? shape[1] : '  ';
  const keyIndent = shape ? `${shape[1]} ${shape[2]}` : '    ';
  const entry = entryYaml(id, type, name, itemIndent, keyIndent, eol);
  if (lastEntryEnd !== undefined) {
    // The end of the line holding the entry's last character (the entry's range may stop short of a trailing comment).
    const nl = fileText.indexOf('\n', Math.max(0, lastEntryEnd - 1));
    if (nl >= 0) return { start: nl + 1, end: nl + 1, newText: entry };
    return { start: fileText.length, end: fileText.length, newText: eol + entry };
  }
  const lead = fileText.length && !fileText.endsWith('\n') ? eol : '';
  const emptyFlow = /^entities:[ \t]*\[[ \t]*\][ \t]*$/m.exec(fileText);
  if (emptyFlow) return { start: emptyFlow.index, end: emptyFlow.index + emptyFlow[0].length, newText: `entities:${eol}${entry.replace(new RegExp(`${eol}$`), '')}` };
  if (/^entities:[ \t]*(?:#.*)?$/m.test(fileText)) return { start: fileText.length, end: fileText.length, newText: lead + entry };
  const header = fileText.trim() ? '' : `version: 1${eol}`;
  return { start: fileText.length, end: fileText.length, newText: `${lead}${header}entities:${eol}${entry}` };
}

function addEntityEdit(service: AttacheService, folder: Folder, name: string, type: EntityType): { edit: WorkspaceEdit; file: string } | undefined {
  const snap = folder.snapshot;
  const id = slugId(name, snap);
  const files = [...snap.files.keys()].sort();
  const file = registryFileFor(files, type);
  if (!file) {
    // No registry yet: create `registry.yaml` in the folder.
    if (folder.uri === null) return undefined;
    const newUri = service.host.join(folder.uri, 'registry.yaml');
    const e = appendEntryEdit('', undefined, id, type, name);
    const create: CreateFile = { kind: 'create', uri: newUri, options: { ignoreIfExists: true } };
    const write: TextDocumentEdit = {
      textDocument: { uri: newUri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: e.newText }],
    };
    return { edit: { documentChanges: [create, write] }, file: newUri };
  }
  const text = service.textOf(file) ?? snap.files.get(file)?.text ?? '';
  let lastEnd: number | undefined;
  for (const e of folder.entitiesIn(file)) if (lastEnd === undefined || e.source.range[1] > lastEnd) lastEnd = e.source.range[1];
  // The snapshot's offsets refer to the text it parsed; if the buffer has moved on, append at the end.
  if (snap.files.get(file)?.text !== text) lastEnd = undefined;
  const e = appendEntryEdit(text, lastEnd, id, type, name);
  return { edit: { changes: { [file]: [{ range: toRange(text, e.start, e.end), newText: e.newText }] } }, file };
}

// ---------------------------------------------------------------------------------------------
// Front matter

function frontMatterAction(uri: string, a: ArticleAnalysis, findings: readonly Finding[], from: number, to: number, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const art = a.article;
  if (art.frontMatter) return undefined;
  const unresolved = findings.filter((f) => f.code === 'unresolved-date' && overlaps(f, from, to));
  const kind = unresolved.length ? CodeActionKind.QuickFix : CodeActionKind.Source;
  // With a dateline the date is known: an edit. Without one, only the user knows it: the editor
  // asks for it (client command), rather than the server guessing today's date.
  const action: CodeAction = art.publicationDate
    ? {
      title: 'Insert front matter with a publication date',
      kind,
      edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: frontMatterText(art.publicationDate, art.text) }] } },
    }
    : {
      title: 'Insert front matter with a publication date…',
      kind,
      command: { title: 'Insert front matter with a publication date…', command: CLIENT_COMMANDS.insertFrontMatter, arguments: [uri] },
    };
  const diags = unresolved.flatMap((f) => diagnosticFor(f, art.text, diagnostics) ?? []);
  if (diags.length) action.diagnostics = diags;
  return action;
}

/** `---\ndate: 2025-10-26\n---\n`, with the article's own line ends. */
export function frontMatterText(date: string, articleText: string): string {
  const eol = articleText.includes('\r\n') ? '\r\n' : '\n';
  return `---${eol}date: ${date}${eol}---${eol}`;
}
