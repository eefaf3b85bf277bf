/**
 * The "Unknown names" view's two requests: the unknown names of a workspace folder ranked as
 * `attache suggest` ranks them (core/suggest.ts), with LSP ranges for each mention, and the edit
 * that lists a name in the folder's `attache.ignore.yaml` ("Not an entity"), creating the file
 * when it does not exist. The server never writes the file: the client applies the edit.
 *
 * Each article's unknown names are reduced once per analysis (kept beside it in a WeakMap), so
 * asking again after one article changed costs that article and the grouping.
 */

import { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { ArticleAnalysis } from '../core/analyze';
import { ignoreEntryEdit } from '../core/ignore';
import { UnknownOccurrence, rankSuggestions, unknownOccurrences } from '../core/suggest';
import { ENTITY_TYPES, EntityType } from '../core/types';
import { toRange } from './convert';
import { IgnoreNameResult, UnknownNameItem } from './protocol';
import { AttacheService, Folder } from './service';

const occurrencesOf = new WeakMap<ArticleAnalysis, UnknownOccurrence[]>();

function folderOccurrences(folder: Folder): { occurrences: UnknownOccurrence[]; texts: Map<string, string> } {
  const occurrences: UnknownOccurrence[] = [];
  const texts = new Map<string, string>();
  const snap = folder.snapshot;
  for (const rec of folder.articles.values()) {
    const a = folder.analysis(rec);
    let occ = occurrencesOf.get(a);
    if (!occ) occurrencesOf.set(a, (occ = unknownOccurrences(rec.uri, a, snap)));
    if (occ.length) texts.set(rec.uri, rec.text);
    for (const o of occ) occurrences.push(o);
  }
  return { occurrences, texts };
}

/** The unknown names of the folder of `uri`, or of every workspace folder when `uri` is absent. */
export function unknownNames(service: AttacheService, uri: string | undefined): UnknownNameItem[] {
  const folders = uri ? [service.folderFor(uri)] : service.folders;
  const out: UnknownNameItem[] = [];
  for (const folder of folders) {
    if (folder.uri === null) continue;
    const { occurrences, texts } = folderOccurrences(folder);
    for (const s of rankSuggestions(occurrences)) {
      out.push({
        folder: folder.uri, name: s.name, type: s.type, count: s.count, articles: s.articles, confidence: s.confidence,
        offices: s.offices.map((o) => ({ id: o.id, name: o.name, count: o.count, start: o.start })),
        examples: s.examples.map((e) => ({ uri: e.path, line: e.line - 1, sentence: e.sentence })),
        occurrences: s.occurrences.map((o) => ({ uri: o.path, range: toRange(texts.get(o.path) ?? '', o.start, o.end), text: o.text })),
      });
    }
  }
  return out;
}

/** The edit that adds `name` to the ignore file of the folder of `uri`; null outside every workspace folder. */
export function ignoreNameEdit(service: AttacheService, uri: string, rawName: unknown, rawType?: unknown): IgnoreNameResult | null {
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  const type = ENTITY_TYPES.includes(rawType as EntityType) ? (rawType as EntityType) : undefined;
  const folder = service.folderFor(uri);
  const target = folder.ignoreUri();
  if (!name || !target) return null;
  const text = service.documents.get(target)?.text ?? folder.ignoreFile?.text;
  if (text === undefined) {
    // No ignore file yet: create it with its header.
    const e = ignoreEntryEdit('', name, type);
    const create: CreateFile = { kind: 'create', uri: target, options: { ignoreIfExists: true } };
    const write: TextDocumentEdit = { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: e.newText }] };
    return { uri: target, edit: { documentChanges: [create, write] } };
  }
  const e = ignoreEntryEdit(text, name, type);
  const edit: WorkspaceEdit = { changes: { [target]: [{ range: toRange(text, e.start, e.end), newText: e.newText }] } };
  return { uri: target, edit };
}
