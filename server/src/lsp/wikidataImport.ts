/**
 * "Attaché: Import from Wikidata…": the items the user named (QIDs or Wikidata URLs) are fetched
 * with the items they reference (node/wikidataFetch.ts), mapped with the folder's registry ids
 * (core/wikidata) and merged into the registry files as a WorkspaceEdit the user can undo: the
 * same exact-range edits as `attache import wikidata --merge`, so comments and hand edits stay and
 * differences are reported, not overwritten. New entities go to the folder's person registry file,
 * its `registry.yaml` or its first registry file, or to a new `registry.yaml`.
 */

import { CreateFile, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { WikidataCollector, mapEntities, mergeIntoRegistry, registryMatch } from '../core/wikidata';
import { FetchOptions, fetchWithReferences, qidFromInput } from '../node/wikidataFetch';
import { registryFileFor } from '../core/registry/write';
import { toRange } from './convert';
import { AttacheService } from './service';

export interface WikidataImportResult {
  edit?: WorkspaceEdit;
  /** What happened, for the user: counts, differences kept, problems. */
  message: string;
  /** Differences kept as written (`wikidata-drift`), as `FILE-URI:OFFSET: message`. */
  drifts: string[];
}

/** `uri`: any document of the workspace folder to import into; `inputs`: QIDs or Wikidata URLs. */
export async function wikidataImport(service: AttacheService, uri: string, inputs: readonly string[], fetchOptions: FetchOptions = {}, today = new Date().toISOString().slice(0, 10)): Promise<WikidataImportResult> {
  const ids: string[] = [];
  for (const input of inputs) {
    const id = qidFromInput(input);
    if (!id) return { message: `'${input}' is not a Wikidata item id (Q…) or item URL (https://www.wikidata.org/wiki/Q…).`, drifts: [] };
    ids.push(id);
  }
  if (!ids.length) return { message: 'Nothing to import: give a Wikidata item id such as Q567.', drifts: [] };
  const folder = service.folderFor(uri);
  const langs = ['en'];
  const collector = new WikidataCollector(langs);
  const log: string[] = [];
  try {
    await fetchWithReferences(ids, collector, langs, (m) => log.push(m), fetchOptions);
  } catch (e) {
    return { message: `Import from Wikidata failed: ${e instanceof Error ? e.message : String(e)}`, drifts: [] };
  }
  const snap = folder.snapshot;
  const files = [...snap.files.keys()].sort().map((f) => ({ path: f, text: service.textOf(f) ?? snap.files.get(f)!.text }));
  const matched: string[] = [];
  const match = registryMatch(snap.entities.values(), (id, label) => matched.push(`${id} = ${label}`));
  const result = mapEntities(collector.entities(), { langs, imported: today, ...match });
  const file = registryFileFor(files.map((f) => f.path), 'person');
  const target = file ? files.find((f) => f.path === file)! : folder.uri ? { path: service.host.join(folder.uri, 'registry.yaml'), text: '' } : undefined;
  if (!target) return { message: 'Open a folder first: the import writes into its registry.', drifts: [] };
  const merged = mergeIntoRegistry(files, result.entries, target, [`Imported from Wikidata by Attaché on ${today}.`]);
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  for (const [path, edits] of merged.edits) {
    const known = files.find((f) => f.path === path);
    if (!known) changes.push({ kind: 'create', uri: path, options: { ignoreIfExists: true } });
    const text = known?.text ?? '';
    const lsp: LspTextEdit[] = edits.map((e) => ({ range: toRange(text, e.start, e.end), newText: e.newText }));
    changes.push({ textDocument: { uri: path, version: null }, edits: lsp });
  }
  const drifts = merged.drifts.map((d) => `${d.path}:${d.offset}: ${d.id}: ${d.message}`);
  const parts = [`${merged.updated.length} updated`, `${merged.added.length} added`];
  if (merged.drifts.length) parts.push(`${merged.drifts.length} difference${merged.drifts.length === 1 ? '' : 's'} kept as written`);
  if (matched.length) parts.push(`matched by name: ${matched.join(', ')}`);
  const missing = log.filter((m) => m.includes('does not exist'));
  return {
    edit: changes.length ? { documentChanges: changes } : undefined,
    message: `Imported from Wikidata: ${parts.join('; ')}.${missing.length ? ` ${missing.join('; ')}.` : ''}${merged.problems.length ? ` ${merged.problems.join('; ')}.` : ''}`,
    drifts,
  };
}
