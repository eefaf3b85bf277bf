/**
 * Messages between the Attaché server and its client beyond standard LSP, in one place: the
 * client imports this module too, so names and shapes cannot drift apart.
 *
 * Every custom request and notification is declared once here with its method name and, as
 * types, its parameters and result. `server.ts` turns a declaration into its library's
 * `RequestType` / `NotificationType` (vscode-languageserver-protocol) and the client
 * (`client/src/messages.ts`) sends by its method name typed by it; both register or send only
 * through the declarations, so a handler and a caller cannot disagree on a shape. The
 * declarations are plain objects rather than `RequestType`s because the server and the client
 * libraries each bundle their own copy of vscode-jsonrpc, whose message classes do not match
 * across copies; this module's only run-time import is `core/commands.ts` (no dependencies), so
 * the client bundle does not pull in the server library.
 */

import type { Range, WorkspaceEdit } from 'vscode-languageserver';
import { FIX_COMMANDS } from '../core/commands';
import type { TimelineData } from '../core/timeline';

/** A custom request: its method name; `P` and `R` (parameters, result) exist only as types. */
export interface Request<P, R> {
  readonly method: string;
  /** Never set: carries the parameter and result types. */
  readonly _types?: [P, R];
}

/** A custom notification: its method name; `P` (parameters) exists only as a type. */
export interface Notification<P> {
  readonly method: string;
  /** Never set: carries the parameter type. */
  readonly _types?: [P];
}

function request<P, R>(method: string): Request<P, R> {
  return { method };
}

function notification<P>(method: string): Notification<P> {
  return { method };
}

/** Server → client notification: the registry state of every workspace folder (status bar). */
export const StatusNotification = notification<StatusParams>('attache/status');

export interface FolderStatus {
  name: string;
  /** Folder URI; null for files outside every folder. */
  uri: string | null;
  entities: number;
  /** Registry file URIs, first is the one the status bar opens. */
  registryFiles: string[];
  /** Registry diagnostics of severity error / warning, over all its files. */
  errors: number;
  warnings: number;
  /** Articles known in the folder (open or on disk). */
  articles: number;
}

export interface StatusParams {
  folders: FolderStatus[];
}

/** Commands the server executes (`workspace/executeCommand`). */
export const COMMANDS = {
  /** Publish diagnostics for every article, sidecar and registry file of the workspace, open or not. Returns a `CheckWorkspaceResult`. */
  checkWorkspace: 'attache.checkWorkspace',
  /** Argument: an `AnnotateArgs` (lsp/annotations.ts). Appends an annotation to the article's sidecar through workspace/applyEdit. */
  annotate: 'attache.server.annotate',
  /** Arguments: the article's uri and an offset. Removes the annotations covering it from the sidecar. */
  removeAnnotation: 'attache.server.removeAnnotation',
  /** Arguments: the article's uri, an annotation id, start and end offsets. Re-attaches an orphan to that span. */
  reattach: 'attache.server.reattachAnnotation',
  /** Argument: the article's uri. Stores the annotations' current places in the sidecar (run on save). */
  refreshAnchors: 'attache.server.refreshAnchors',
  /**
   * Arguments: a document or folder uri, then QIDs or Wikidata URLs. Fetches them from Wikidata and
   * merges them into that folder's registry through workspace/applyEdit. Returns an `ImportWikidataResult`.
   */
  importWikidata: 'attache.server.importWikidata',
  /** Argument: a search term. Returns the matching Wikidata items as `WikidataCandidate[]` (node/wikidataFetch.ts), or a message. */
  searchWikidata: 'attache.server.searchWikidata',
  /**
   * Argument: an `AnnotateAllArgs`. Applies one decision to every identical mention of the article's
   * folder through workspace/applyEdit (previewed: its change annotation needs confirmation).
   * Returns an `AnnotateAllReport`.
   */
  annotateAll: 'attache.server.annotateAll',
} as const;

/** The same mention in the same role: same text, and resolved the same way (core/annotations/all.ts). */
export interface MentionRoleItem {
  text: string;
  /** The linked entity; null for unknown and ambiguous mentions. */
  id: string | null;
  candidates: string[];
}

export interface AnnotateAllArgs {
  /** An article of the folder whose articles get the decision. */
  uri: string;
  /** The mention the decision was made on (offsets into the article); its role is used unless `role` is given. */
  start?: number;
  end?: number;
  /** The role, as `SameMentionsRequest` reported it before the decision was applied to that mention. */
  role?: MentionRoleItem;
  kind: 'link' | 'not-entity' | 'entity';
  entity?: string;
  type?: string;
  author?: string;
}

export interface AnnotateAllReport {
  applied: boolean;
  /** Mentions the edit annotates, and in how many articles. */
  occurrences: number;
  articles: number;
  /** Articles left alone because their sidecar does not parse (URIs). */
  unreadable: string[];
}

/**
 * Client → server request: the mention exactly at [start, end) of an article, with how many
 * mentions like it (same text, same role) no person has decided yet in the article's folder,
 * this one included. Null when no mention is exactly there.
 */
export const SameMentionsRequest = request<SameMentionsParams, SameMentions | null>('attache/sameMentions');

export interface SameMentionsParams {
  uri: string;
  start: number;
  end: number;
}

export interface SameMentions {
  role: MentionRoleItem;
  occurrences: number;
  articles: number;
}

export interface SearchWikidataResult {
  candidates: { id: string; label: string; description?: string; positions: string[] }[];
  /** Set when the search failed (offline, timeout…). */
  message?: string;
}

export interface ImportWikidataResult {
  applied: boolean;
  message: string;
  /** Differences kept as written (`wikidata-drift`). */
  drifts: string[];
}

/** Client → server request: the entities of the registry an article belongs to, for pickers. */
export const EntitiesRequest = request<EntitiesParams, EntityItem[]>('attache/entities');

export interface EntitiesParams {
  uri: string;
}

export interface EntityItem {
  id: string;
  name: string;
  type: string;
  /** Country, roles or description: what tells two similar names apart in a picker. */
  detail: string;
}

/** Commands the client implements, used in code lenses and code actions the server returns. */
export const CLIENT_COMMANDS = {
  /** Arguments: uri, position, locations (LSP shapes): shows a references peek. */
  showReferences: 'attache.showReferences',
  /** Argument: the article's uri. Asks for a publication date and inserts front matter with it. */
  insertFrontMatter: FIX_COMMANDS.insertFrontMatter,
  /**
   * Arguments: the article's uri, the name, the guessed entity type. Asks the type and the
   * country, applies the edit of `AddEntityRequest` and opens the registry at the new entry.
   */
  addToRegistry: FIX_COMMANDS.addToRegistry,
  /** Optional argument: a name to search for. Imports items from Wikidata into the registry. */
  importFromWikidata: 'attache.importFromWikidata',
  /** Optional argument: a file URI, or `{ uri?, entity?, scope? }`. Opens the timeline view. */
  showTimeline: 'attache.showTimeline',
} as const;

/** Client → server request: the edit that adds an entity to the registry of an article's folder. */
export const AddEntityRequest = request<AddEntityParams, AddEntityResult | null>('attache/addEntityEdit');

export interface AddEntityParams {
  /** The article the name was found in: its folder's registry gets the entry. */
  uri: string;
  name: string;
  type: string;
  /** A country id, or absent for none. */
  country?: string;
  /** A person's role to write with the entry (the office named next to an unknown name, and a start hint). */
  role?: { office: string; start?: string };
}

/** The answer to `AddEntityRequest`; null when there is nowhere to write the entry. */
export interface AddEntityResult {
  /** The new entity's id. */
  id: string;
  /** The registry file that gets the entry. */
  uri: string;
  edit: WorkspaceEdit;
  /** Where the entry is in that file once the edit is applied. */
  range: Range;
}

/**
 * Client → server request: the spans of an article the editor's context keys depend on (the
 * context menu shows "Correct Date Value…" only on a date, "Remove Annotation" only on an
 * annotated span). Asked again whenever the server re-analyzes the article.
 */
export const ContextSpansRequest = request<EntitiesParams, ContextSpans>('attache/contextSpans');

export interface ContextSpans {
  /** Recognized date expressions. */
  dates: Range[];
  /** Annotated spans that are anchored in the current text. */
  annotations: Range[];
}

/**
 * What "Check Workspace" published. `errors + warnings + infos` is what the Problems panel lists
 * of Attaché's problems; hints are shown in the editor only and counted apart.
 */
export interface CheckWorkspaceResult {
  articles: number;
  registryFiles: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

/** Client → server request: the annotations of an article, anchored in its current text (tree view, decorations). */
export const AnnotationsRequest = request<EntitiesParams, AnnotationItem[]>('attache/annotations');

export interface AnnotationItem {
  id: string;
  kind: string;
  /** What the annotation says: the linked entity, the note, the tag, the corrected value. */
  label: string;
  quote: string;
  /** Where it is now; null for an orphan (its text is gone). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } } | null;
}

/**
 * Client → server request: the timeline (core/timeline.ts) of the article `uri`, of every article
 * of its workspace folder (`scope: 'workspace'`), or of one entity across the folder (`entity`).
 * Locations carry their LSP `range` besides the offsets; the webview only draws what comes back.
 */
export const TimelineRequest = request<TimelineParams, TimelineData>('attache/timeline');

export interface TimelineParams {
  /** An article or registry file; absent: the first workspace folder. */
  uri?: string;
  scope: 'article' | 'workspace';
  /** An entity id: its timeline across the folder (a person's roles and mentions). */
  entity?: string;
  /** `YYYY-MM-DD` where open-ended tenures end (the user's today); the server's UTC day when absent. */
  today?: string;
}

export type { TimelineData };


/**
 * Client → server request: the unknown names of the workspace folder of `uri` (every folder when
 * absent), ranked as `attache suggest` ranks them (core/suggest.ts), for the "Unknown names" view.
 * Names in the folder's `attache.ignore.yaml` are left out.
 */
export const UnknownNamesRequest = request<UnknownNamesParams, UnknownNameItem[]>('attache/unknownNames');

export interface UnknownNamesParams {
  /** A workspace folder, or any file in it. */
  uri?: string;
}

export interface UnknownNameOccurrence {
  uri: string;
  range: Range;
  text: string;
}

export interface UnknownNameItem {
  /** The workspace folder the name was found in. */
  folder: string;
  name: string;
  type: string;
  count: number;
  articles: number;
  confidence: number;
  /** Offices of the registry named next to it, most frequent first, with the earliest date as a start hint. */
  offices: { id: string | null; name: string; count: number; start: string | null }[];
  /** Example sentences. */
  examples: { uri: string; line: number; sentence: string }[];
  /** Every mention, in path and offset order. */
  occurrences: UnknownNameOccurrence[];
}

/**
 * Client → server request: the edit that lists a name in the `attache.ignore.yaml` of the folder
 * of `uri` (creating the file when it does not exist). Null outside every
 * workspace folder.
 */
export const IgnoreNameRequest = request<IgnoreNameParams, IgnoreNameResult | null>('attache/ignoreNameEdit');

export interface IgnoreNameParams {
  /** An article (or any file) of the workspace folder. */
  uri: string;
  name: string;
  /** Ignore the name only when guessed as this type; absent: whatever type. */
  type?: string;
}

export interface IgnoreNameResult {
  /** The ignore file's URI. */
  uri: string;
  edit: WorkspaceEdit;
}

/** Every custom request the server answers (a protocol test asks each one). */
export const REQUESTS: readonly Request<unknown, unknown>[] = [
  EntitiesRequest, AddEntityRequest, ContextSpansRequest, AnnotationsRequest, TimelineRequest, SameMentionsRequest, UnknownNamesRequest, IgnoreNameRequest,
];
