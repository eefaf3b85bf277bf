/**
 * Code actions: every fix the core attaches to a finding (edits become a WorkspaceEdit, a fix
 * that needs the editor becomes a Command), plus two of the server's own:
 *
 * - "Add '<text>' to the registry…" on an unknown entity: a command the editor runs
 *   (`CLIENT_COMMANDS.addToRegistry`), which asks the type (the guess preselected) and the
 *   country, then asks the server for the edit (`AddEntityRequest`, `addEntityEdit` here): a new
 *   YAML entry appended to the registry file for that type (`persons.yaml`, …) or the first
 *   registry file, as text after the file's last entry (core/registry/write.ts), so the file's
 *   comments, order and formatting stay exactly as they were.
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
import { appendEntryEdit, newEntrySpan, registryFileFor, slugId } from '../core/registry/write';
import { applyEdits } from '../core/edits';
import { CoreSettings, ENTITY_TYPES, EntityType, Finding, Fix } from '../core/types';
import { FIX_COMMANDS } from '../core/commands';
import { frontMatterText } from '../core/frontMatter';
import { visibleFindings } from './diagnostics';
import { toOffsets, toRange, toTextEdit } from './convert';
import { annotationEdit } from './annotations';
import { annotateAllActions } from './annotateAll';
import { AddEntityResult, CLIENT_COMMANDS } from './protocol';
import { AttacheService, Folder } from './service';
import { REATTACH_COMMAND, articleOfSidecar, isSidecarPath } from '../core/annotations';

/**
 * Quick fixes for the problems in `range`. Findings come from `visibleFindings`, as diagnostics do:
 * a code the settings switch off offers no fix.
 */
export function codeActions(service: AttacheService, uri: string, range: Range, context: CodeActionContext, settings: CoreSettings): CodeAction[] {
  const a = service.article(uri);
  const visible = visibleFindings(service, uri, settings);
  let actions: CodeAction[];
  if (a) {
    const [from, to] = toOffsets(a.rec.text, range);
    const findings = visible?.findings ?? [];
    actions = fixActions(service, uri, a.rec.text, findings, from, to, context.diagnostics);
    actions.push(...addToRegistryActions(a.folder, uri, a.analysis, from, to, findings, context.diagnostics));
    actions.push(...annotateAllActions(service, uri, a.analysis, findings, from, to, (f) => diagnosticFor(f, a.rec.text, context.diagnostics)));
    const fm = frontMatterAction(uri, a.analysis, findings, from, to, context.diagnostics);
    if (fm && !actions.some((x) => x.title === fm.title || x.command?.command === CLIENT_COMMANDS.insertFrontMatter)) actions.push(fm);
  } else if (isSidecarPath(uri)) {
    // Orphaned annotations: "re-attach to the selection" runs in the editor (it needs the selection
    // in the article), which then asks the server for the edit.
    const article = service.article(articleOfSidecar(uri));
    const text = article?.folder.sidecarText(uri);
    if (!article || text === undefined) return [];
    const [from, to] = toOffsets(text, range);
    actions = [];
    for (const f of visible?.findings ?? []) {
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
    actions = fixActions(service, uri, status.text, visible?.findings ?? [], from, to, context.diagnostics);
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
const ADD_TO_REGISTRY = FIX_COMMANDS.addToRegistry;
const LINK_MENTION = FIX_COMMANDS.linkMention;

export function fixAction(service: AttacheService, uri: string, text: string, fix: Fix): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix };
  if (fix.command?.name === ADD_TO_REGISTRY) {
    const [name, type] = fix.command.args;
    if (typeof name !== 'string' || !ENTITY_TYPES.includes(type as EntityType)) return undefined;
    return addToRegistryAction(uri, name, type as EntityType);
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

/** "Add 'X' to the registry…": the editor asks the type and the country, then asks for the edit. */
function addToRegistryAction(uri: string, name: string, guessedType: EntityType): CodeAction {
  const title = `Add '${name}' to the registry…`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: CLIENT_COMMANDS.addToRegistry, arguments: [uri, name, guessedType] } };
}

function addToRegistryActions(
  folder: Folder,
  uri: string,
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
    // Skip "Add" when the core already offers the action for this span, or there is no registry.
    if (findings.some((x) => x.fixes?.some((y) => y.title === `Add '${m.text}' to the registry`)) || (!folder.snapshot.files.size && folder.uri === null)) {
      out.push(find);
      continue;
    }
    const action = addToRegistryAction(uri, name, m.guessedType ?? m.type ?? 'person');
    if (diags) action.diagnostics = diags;
    out.push(action, find);
  }
  return out;
}

/**
 * The edit that adds an entity to the registry of the folder `articleUri` belongs to, with where
 * the new entry will be once it is applied (the editor opens the file there). Undefined when
 * there is nowhere to write it (a file outside every folder and no registry).
 */
export function addEntityEdit(service: AttacheService, articleUri: string, rawName: unknown, type: unknown, rawCountry?: unknown, rawRole?: unknown): AddEntityResult | undefined {
  // The arguments come from the editor: check them as any request input.
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (!name || !ENTITY_TYPES.includes(type as EntityType)) return undefined;
  const entityType = type as EntityType;
  const country = typeof rawCountry === 'string' && rawCountry ? rawCountry : undefined;
  const folder = service.folderFor(articleUri);
  const snap = folder.snapshot;
  const id = slugId(name, snap);
  const role = roleOf(rawRole);
  const entry = { id, type: entityType, name, country, ...(role ? { role } : {}) };
  const files = [...snap.files.keys()].sort();
  const file = registryFileFor(files, entityType);
  if (!file) {
    // No registry yet: create `registry.yaml` in the folder.
    if (folder.uri === null) return undefined;
    const newUri = service.host.join(folder.uri, 'registry.yaml');
    const e = appendEntryEdit('', undefined, entry);
    const create: CreateFile = { kind: 'create', uri: newUri, options: { ignoreIfExists: true } };
    const write: TextDocumentEdit = {
      textDocument: { uri: newUri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: e.newText }],
    };
    const span = newEntrySpan(e, id);
    return { id, uri: newUri, edit: { documentChanges: [create, write] }, range: toRange(e.newText, span.start, span.end) };
  }
  const text = service.textOf(file) ?? snap.files.get(file)?.text ?? '';
  let lastEnd: number | undefined;
  for (const x of folder.entitiesIn(file)) if (lastEnd === undefined || x.source.range[1] > lastEnd) lastEnd = x.source.range[1];
  // The snapshot's offsets refer to the text it parsed; if the buffer has moved on, append at the end.
  if (snap.files.get(file)?.text !== text) lastEnd = undefined;
  const e = appendEntryEdit(text, lastEnd, entry);
  const span = newEntrySpan(e, id);
  const edit: WorkspaceEdit = { changes: { [file]: [{ range: toRange(text, e.start, e.end), newText: e.newText }] } };
  return { id, uri: file, edit, range: toRange(applyEdits(text, [e]).text, span.start, span.end) };
}

/** A role from the editor (`{ office, start? }`), checked as any request input; undefined when malformed. */
function roleOf(raw: unknown): { office: string; start?: string } | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { office, start } = raw as { office?: unknown; start?: unknown };
  if (typeof office !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(office)) return undefined;
  return typeof start === 'string' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(start) ? { office, start } : { office };
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

