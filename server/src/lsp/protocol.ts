/**
 * Messages between the Attaché server and its client beyond standard LSP, in one place: the
 * client imports this module too, so names and shapes cannot drift apart.
 */

/** Server → client notification: the registry state of every workspace folder (status bar). */
export const STATUS_NOTIFICATION = 'attache/status';

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
  /** Publish diagnostics for every article of the workspace, open or not. Returns a `CheckWorkspaceResult`. */
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
} as const;

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
export const ENTITIES_REQUEST = 'attache/entities';

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
  insertFrontMatter: 'attache.insertFrontMatter',
  /** Optional argument: a name to search for. Imports items from Wikidata into the registry. */
  importFromWikidata: 'attache.importFromWikidata',
} as const;

export interface CheckWorkspaceResult {
  articles: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Client → server request: the annotations of an article, anchored in its current text (tree view, decorations). */
export const ANNOTATIONS_REQUEST = 'attache/annotations';

export interface AnnotationItem {
  id: string;
  kind: string;
  /** What the annotation says: the linked entity, the note, the tag, the corrected value. */
  label: string;
  quote: string;
  /** Where it is now; null for an orphan (its text is gone). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } } | null;
}
