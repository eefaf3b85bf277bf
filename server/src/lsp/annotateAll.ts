/**
 * "Annotate all occurrences" in the editor: the decision a person makes on one mention (link it,
 * mark it as not an entity, mark it as an entity) offered for every identical mention of the
 * article's workspace folder, as one WorkspaceEdit over the sidecars (`core/annotations/all.ts`
 * computes it). Its edits carry a change annotation that needs confirmation, so VS Code shows
 * them in the Refactor Preview before anything is applied; like every server edit, it can be undone.
 *
 * Offered two ways: beside the "Link to …" quick fixes of an ambiguous mention ("Link all N
 * occurrences …") and on an unknown name ("Mark all N occurrences … as not an entity"), and after
 * the editor's annotation commands (the client asks `SameMentionsRequest` first, then runs
 * `COMMANDS.annotateAll` if the user accepts).
 */

import { ChangeAnnotation, CodeAction, CodeActionKind, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { ArticleAnalysis } from '../core/analyze';
import {
  AnnotateAllResult, BULK_ANNOTATION_KINDS, BulkAnnotationKind, BulkArticle, BulkDecision, MentionRole, annotateAllEdits, roleOf, sidecarPath, undecidedOccurrences,
} from '../core/annotations';
import { Finding } from '../core/types';
import { toRange } from './convert';
import { AnnotateAllArgs, SameMentions } from './protocol';
import { AttacheService, Folder, LARGE_ARTICLE } from './service';

/** The id of the one change annotation every edit of an "annotate all" carries. */
export const ANNOTATE_ALL_CHANGE = 'attache.annotateAll';

/**
 * Whether the client resolves a code action's edit later (`codeAction/resolve`), set from its
 * capabilities at initialization. Then the quick fixes carry only what they are about (`data`) and
 * the edit over every sidecar is built when one is picked: counting is cheap, building is not
 * (about 0.25 s of CPU for 1,000 occurrences).
 */
let resolveEdits = false;

export function setCodeActionEditResolve(supported: boolean): void {
  resolveEdits = supported;
}

/** What a deferred quick fix needs to build its edit (`CodeAction.data`). */
interface ResolveData {
  annotateAll: { uri: string; role: MentionRole; decision: BulkDecision };
}

function isResolveData(x: unknown): x is ResolveData {
  const a = (x as ResolveData | undefined)?.annotateAll;
  return !!a && typeof a.uri === 'string' && typeof a.role?.text === 'string' && Array.isArray(a.role.candidates) && BULK_ANNOTATION_KINDS.includes(a.decision?.kind);
}

/** `codeAction/resolve`: builds the edit of a deferred "all occurrences" quick fix; other actions come back as they are. */
export function resolveAnnotateAllAction(service: AttacheService, action: CodeAction): CodeAction {
  if (action.edit || !isResolveData(action.data)) return action;
  const { uri, role, decision } = action.data.annotateAll;
  const r = annotateAllEdit(service, uri, role, decision);
  return r ? { ...action, edit: r.edit } : action;
}

/** Every article of the folder with its current analysis and sidecar text. */
function bulkArticles(folder: Folder): BulkArticle[] {
  const out: BulkArticle[] = [];
  for (const rec of folder.articles.values()) {
    const a = folder.analysis(rec);
    const sidecar = sidecarPath(rec.uri);
    out.push({ path: rec.uri, sidecarPath: sidecar, text: rec.text, entities: a.entities, annotations: a.annotations, sidecar: folder.sidecarText(sidecar) });
  }
  return out;
}

/**
 * Whether the quick fixes can count the folder's mentions without analysing much on the request
 * path: not while articles wait for their first analysis (indexing), nor while a large article
 * waits for its exact one. The command, which a person runs on purpose, analyses what it needs.
 */
function cheapToRead(folder: Folder, uri: string): boolean {
  for (const rec of folder.articles.values()) {
    if (rec.uri !== uri && folder.isStale(rec) && (!rec.analysis || rec.text.length >= LARGE_ARTICLE)) return false;
  }
  return true;
}

/** What the decision does, in words: the change annotation's label and the menu titles. */
function decisionLabel(folder: Folder, text: string, d: BulkDecision): string {
  if (d.kind === 'not-entity') return `Mark '${text}' as not an entity`;
  const name = d.entity ? folder.snapshot.entities.get(d.entity)?.name ?? d.entity : undefined;
  if (d.kind === 'link') return `Link '${text}' to ${name}`;
  return name ? `Mark '${text}' as ${name}` : `Mark '${text}' as a new ${d.type ?? 'entity'}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The core's result as a WorkspaceEdit: a new sidecar is created, an existing one gets an insertion at its end. */
export function toWorkspaceEdit(folder: Folder, result: AnnotateAllResult, label: string): WorkspaceEdit {
  const annotation: ChangeAnnotation = {
    label,
    description: `${plural(result.occurrences, 'occurrence')} in ${plural(result.changes.length, 'article')}`,
    needsConfirmation: true,
  };
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  for (const c of result.changes) {
    const existing = folder.sidecarText(c.sidecarPath) ?? '';
    if (c.create) documentChanges.push({ kind: 'create', uri: c.sidecarPath, options: { ignoreIfExists: true }, annotationId: ANNOTATE_ALL_CHANGE });
    const edit: TextDocumentEdit = {
      textDocument: { uri: c.sidecarPath, version: null },
      edits: [{ range: toRange(existing, c.edit.start, c.edit.end), newText: c.edit.newText, annotationId: ANNOTATE_ALL_CHANGE }],
    };
    documentChanges.push(edit);
  }
  return { documentChanges, changeAnnotations: { [ANNOTATE_ALL_CHANGE]: annotation } };
}

/** The edit that applies `decision` to every undecided mention in `role` of the folder of `uri`, with its label. */
export function annotateAllEdit(
  service: AttacheService,
  uri: string,
  role: MentionRole,
  decision: BulkDecision,
  articles: readonly BulkArticle[] = bulkArticles(service.folderFor(uri)),
): { edit: WorkspaceEdit; result: AnnotateAllResult; label: string } | undefined {
  const folder = service.folderFor(uri);
  const result = annotateAllEdits(articles, role, decision);
  if (!result.changes.length) return undefined;
  const label = decisionLabel(folder, role.text, decision);
  return { edit: toWorkspaceEdit(folder, result, label), result, label };
}

/** The mention exactly at [start, end) of an article, if any. */
function mentionAt(a: ArticleAnalysis, start: number, end: number): ArticleAnalysis['entities'][number] | undefined {
  return a.entities.find((m) => m.start === start && m.end === end);
}

/** `SameMentionsRequest`: the role of the mention at [start, end) and how many undecided mentions share it. */
export function sameMentions(service: AttacheService, uri: string, start: number, end: number): SameMentions | null {
  const a = service.article(uri);
  const m = a && mentionAt(a.analysis, start, end);
  if (!a || !m) return null;
  const role = roleOf(m);
  let occurrences = 0;
  let articles = 0;
  for (const x of bulkArticles(a.folder)) {
    const n = undecidedOccurrences(x, role).open.length;
    occurrences += n;
    if (n) articles++;
  }
  return { role: { text: role.text, id: role.id, candidates: [...role.candidates] }, occurrences, articles };
}

/** Checks `COMMANDS.annotateAll`'s argument (it comes from the editor) and finds the role. */
export function annotateAllFromArgs(service: AttacheService, args: AnnotateAllArgs): ReturnType<typeof annotateAllEdit> {
  if (!BULK_ANNOTATION_KINDS.includes(args.kind as BulkAnnotationKind)) return undefined;
  let role: MentionRole | undefined;
  const r = args.role;
  if (r && typeof r.text === 'string' && r.text && (r.id === null || typeof r.id === 'string') && Array.isArray(r.candidates) && r.candidates.every((c) => typeof c === 'string')) {
    role = { text: r.text, id: r.id, candidates: [...r.candidates].sort() };
  } else if (typeof args.start === 'number' && typeof args.end === 'number') {
    const a = service.article(args.uri);
    const m = a && mentionAt(a.analysis, args.start, args.end);
    if (m) role = roleOf(m);
  }
  if (!role) return undefined;
  const decision: BulkDecision = {
    kind: args.kind,
    ...(typeof args.entity === 'string' && args.kind !== 'not-entity' ? { entity: args.entity } : {}),
    ...(typeof args.type === 'string' && args.kind === 'entity' ? { type: args.type } : {}),
    ...(typeof args.author === 'string' && args.author ? { author: args.author } : {}),
    created: new Date().toISOString(),
  };
  return annotateAllEdit(service, args.uri, role, decision);
}

/**
 * Quick fixes beside the ones for one mention: "Link all N occurrences of 'X' in the workspace to
 * Y" for each candidate of an ambiguous mention, and "Mark all N occurrences of 'X' in the
 * workspace as not an entity" on an unknown name, when the mention occurs more than once. They
 * follow the visible findings (`findings`), so a switched-off code offers neither, and wait for
 * the folder to be indexed (`cheapToRead`).
 */
export function annotateAllActions(
  service: AttacheService,
  uri: string,
  a: ArticleAnalysis,
  findings: readonly Finding[],
  from: number,
  to: number,
  diagnosticFor: (f: Finding) => Diagnostic[] | undefined,
): CodeAction[] {
  const out: CodeAction[] = [];
  const created = new Date().toISOString();
  // Read once per request, and only when a finding asks for it.
  let articles: BulkArticle[] | undefined;
  for (const f of findings) {
    if (f.start > to || f.end < from || (f.code !== 'ambiguous-mention' && f.code !== 'unknown-entity')) continue;
    const m = mentionAt(a, f.start, f.end);
    if (!m || m.annotation !== undefined || m.id !== null) continue;
    const role = roleOf(m);
    if (!articles && !cheapToRead(service.folderFor(uri), uri)) return out;
    articles ??= bulkArticles(service.folderFor(uri));
    // One occurrence is what the single fix already does.
    const n = articles.reduce((k, x) => k + undecidedOccurrences(x, role).open.length, 0);
    if (n < 2) continue;
    const decisions: BulkDecision[] = f.code === 'ambiguous-mention'
      ? role.candidates.map((id) => ({ kind: 'link', entity: id, created }))
      : [{ kind: 'not-entity', created }];
    const diags = diagnosticFor(f);
    for (const d of decisions) {
      let edit: WorkspaceEdit | undefined;
      if (!resolveEdits) {
        const r = annotateAllEdit(service, uri, role, d, articles);
        // Sidecars that do not parse can leave fewer than the count.
        if (!r || r.result.occurrences < 2) continue;
        edit = r.edit;
      }
      const title = d.kind === 'link'
        ? `Link all ${n} occurrences of '${role.text}' in the workspace to ${service.folderFor(uri).snapshot.entities.get(d.entity!)?.name ?? d.entity}`
        : `Mark all ${n} occurrences of '${role.text}' in the workspace as not an entity`;
      const action: CodeAction = { title, kind: CodeActionKind.QuickFix };
      if (edit) action.edit = edit;
      else action.data = { annotateAll: { uri, role, decision: d } } satisfies ResolveData;
      if (diags) action.diagnostics = diags;
      out.push(action);
    }
  }
  return out;
}
