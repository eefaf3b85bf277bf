/**
 * Settings (`attache.*`, spec §3 and package.json `contributes.configuration`): read through
 * `workspace/configuration` per resource, normalized, cached per resource, cleared when the client
 * says they changed. Nothing here keeps settings in server globals: callers ask for the settings
 * of the document they work on.
 */

import { CoreSettings, DIAGNOSTIC_CODES, DiagnosticCode, NUMERIC_ORDERS, NumericOrder, SeveritySetting } from '../core/types';
import { DEFAULT_ARTICLE_GLOBS, DEFAULT_REGISTRY_GLOBS } from '../node/files';

export interface AttacheSettings {
  /** Registry globs, relative to the workspace folder. */
  registry: string[];
  /** Globs that make a file an article, relative to the workspace folder. */
  articles: string[];
  core: CoreSettings;
  /**
   * `attache.diagnostics.scope`: `workspace` publishes every article's problems once the folder is
   * indexed, open or not; `open` only those of open files (and what "Check Workspace" shows).
   */
  diagnosticsScope: DiagnosticsScope;
  annotations: { author: string; tags: string[] };
  /**
   * `attache.indexing.threads`: how many worker threads analyze the articles on disk when a
   * folder is indexed (0: none, the server's own thread does it; undefined: the default,
   * `defaultIndexThreads`: the cores but one from three cores, none on two).
   */
  indexingThreads?: number;
}

export type DiagnosticsScope = 'workspace' | 'open';

export const DEFAULT_SETTINGS: AttacheSettings = {
  registry: DEFAULT_REGISTRY_GLOBS,
  articles: DEFAULT_ARTICLE_GLOBS,
  core: {},
  diagnosticsScope: 'workspace',
  annotations: { author: '', tags: ['claim', 'quote', 'source'] },
};

const SEVERITY_VALUES = new Set<string>(['off', 'hint', 'information', 'warning', 'error']);

function stringList(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
}

/** Turns whatever the client sent (possibly nothing, possibly garbage) into complete settings. */
export function normalizeSettings(raw: unknown): AttacheSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  const diag = r['diagnostics'];
  let diagnosticsScope = DEFAULT_SETTINGS.diagnosticsScope;
  if (diag && typeof diag === 'object') {
    const scope = (diag as Record<string, unknown>)['scope'];
    if (scope === 'workspace' || scope === 'open') diagnosticsScope = scope;
    for (const [code, value] of Object.entries(diag as Record<string, unknown>)) {
      if (code in DIAGNOSTIC_CODES && typeof value === 'string' && SEVERITY_VALUES.has(value)) {
        severities[code as DiagnosticCode] = value as SeveritySetting;
      }
    }
  }
  const ann = (r['annotations'] && typeof r['annotations'] === 'object' ? r['annotations'] : {}) as Record<string, unknown>;
  const dates = (r['dates'] && typeof r['dates'] === 'object' ? r['dates'] : {}) as Record<string, unknown>;
  const order = dates['numericOrder'];
  const numericOrder: NumericOrder = NUMERIC_ORDERS.includes(order as NumericOrder) ? (order as NumericOrder) : 'auto';
  const unknownNames = (r['unknownNames'] && typeof r['unknownNames'] === 'object' ? r['unknownNames'] : {}) as Record<string, unknown>;
  const min = unknownNames['minConfidence'];
  const core: AttacheSettings['core'] = { severities, numericOrder };
  const indexing = (r['indexing'] && typeof r['indexing'] === 'object' ? r['indexing'] : {}) as Record<string, unknown>;
  const threads = indexing['threads'];
  if (typeof min === 'number' && min >= 0 && min <= 1) core.unknownMinConfidence = min;
  return {
    registry: stringList(r['registry'], DEFAULT_SETTINGS.registry),
    articles: stringList(r['articles'], DEFAULT_SETTINGS.articles),
    core,
    diagnosticsScope,
    annotations: {
      author: typeof ann['author'] === 'string' ? ann['author'] : DEFAULT_SETTINGS.annotations.author,
      tags: stringList(ann['tags'], DEFAULT_SETTINGS.annotations.tags),
    },
    ...(typeof threads === 'number' && Number.isInteger(threads) && threads >= 0 ? { indexingThreads: Math.min(threads, 64) } : {}),
  };
}

/** Fetches the raw `attache` section for a resource (a folder or document URI). */
export type SettingsFetcher = (resource: string) => Promise<unknown>;

export class SettingsCache {
  private readonly cache = new Map<string, Promise<AttacheSettings>>();

  /** `fetch` is absent when the client cannot answer `workspace/configuration`: defaults apply. */
  constructor(private readonly fetch: SettingsFetcher | undefined) {}

  get(resource: string): Promise<AttacheSettings> {
    if (!this.fetch) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(resource);
    if (!s) {
      s = this.fetch(resource).then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(resource, s);
    }
    return s;
  }

  clear(): void {
    this.cache.clear();
  }
}
