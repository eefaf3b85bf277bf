/**
 * Fetching entities from the Wikidata API (`wbgetentities`) over the user's network, for
 * `attache import wikidata Q567` and, later, the editor's "Import from Wikidata…" command.
 *
 * It behaves as Wikimedia asks API clients to: a User-Agent naming the tool and where to reach
 * its authors, `maxlag=5` so it backs off when the servers are busy, at most 50 ids a request,
 * one request at a time, and on HTTP 429/503 or a `maxlag` error it waits as `Retry-After` says
 * (capped) before trying again. Every failure (offline, timeout, a truncated or malformed body,
 * an API error) becomes an Error whose message says what happened and what to do.
 */

import { WdEntity, WikidataCollector, missingReferences } from '../core/wikidata';
import { itemId, qualifier, statements, textIn, timeValue } from '../core/wikidata/model';

export const DEFAULT_API = 'https://www.wikidata.org/w/api.php';
export const USER_AGENT = 'Attache/0.1 (https://github.com/attache-project/attache; registry import) Node.js';

export interface FetchOptions {
  /** The `api.php` URL (ATTACHE_WIKIDATA_API overrides the default, e.g. for a mirror or tests). */
  api?: string;
  /** Label languages wanted (all are fetched when omitted). */
  languages?: readonly string[];
  /** Per request. */
  timeoutMs?: number;
  /** Attempts after the first one, for 429/503/maxlag and network errors. */
  retries?: number;
  /** Longest wait honoured from a Retry-After header. */
  maxWaitMs?: number;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Progress and retry messages. */
  log?: (message: string) => void;
}

/** A QID from `Q567`, `wd:Q567` or a Wikidata URL (`…/wiki/Q567`, `…/entity/Q567`, `Special:EntityData/Q567.json`). */
export function qidFromInput(input: string): string | undefined {
  const m = /^(?:wd:)?(Q[1-9]\d*)$/.exec(input.trim()) ??
    /^https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki\/(?:Special:EntityData\/)?|entity\/)(Q[1-9]\d*)(?:\.json)?(?:[?#].*)?$/.exec(input.trim());
  return m?.[1];
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Seconds or an HTTP date, as milliseconds from now (undefined when absent or unreadable). */
function retryAfter(h: string | null): number | undefined {
  if (!h) return undefined;
  if (/^\d+$/.test(h.trim())) return Number(h.trim()) * 1000;
  const t = Date.parse(h);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

type RequestOptions = Required<Pick<FetchOptions, 'timeoutMs' | 'retries' | 'maxWaitMs' | 'sleep' | 'log'>>;

/** The request options with their defaults filled in, and the API address to ask. */
function withDefaults(options: FetchOptions): { opts: RequestOptions; api: string } {
  return {
    opts: {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      sleep: options.sleep ?? sleepReal,
      log: options.log ?? (() => {}),
    },
    api: options.api ?? process.env.ATTACHE_WIKIDATA_API ?? DEFAULT_API,
  };
}

async function getJson(url: string, opts: RequestOptions): Promise<unknown> {
  let attempt = 0;
  for (;;) {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), opts.timeoutMs);
    let wait: number | undefined;
    let why: string;
    try {
      const res = await fetch(url, { headers: { 'User-Agent': USER_AGENT, 'Api-User-Agent': USER_AGENT, Accept: 'application/json' }, signal: ac.signal });
      const body = await res.text();
      if (res.status === 429 || res.status === 503) {
        wait = retryAfter(res.headers.get('retry-after')) ?? 5000 * 2 ** attempt;
        why = `Wikidata answered HTTP ${res.status} (${res.status === 429 ? 'too many requests' : 'busy'})`;
      } else if (!res.ok) {
        throw new FinalError(`Wikidata answered HTTP ${res.status} ${res.statusText} for ${url}`);
      } else {
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          // A 200 with a cut body (a proxy or server timeout) or HTML instead of JSON.
          why = `the answer from Wikidata is not complete JSON (${body.length} characters${body.trimStart().startsWith('<') ? ', HTML' : ''})`;
          if (attempt >= opts.retries) throw new FinalError(`${why}; try again later`);
          attempt++;
          opts.log(`${why}; trying again`);
          continue;
        }
        const err = (json as { error?: { code?: string; info?: string } }).error;
        if (err?.code === 'maxlag') {
          wait = retryAfter(res.headers.get('retry-after')) ?? 5000;
          why = `Wikidata is lagging (${err.info ?? 'maxlag'})`;
        } else if (err) {
          throw new FinalError(`the Wikidata API refused the request: ${err.code ?? 'error'}: ${err.info ?? ''}`.trim());
        } else return json;
      }
    } catch (e) {
      if (e instanceof FinalError) throw new Error(e.message);
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      if ((e as Error).name === 'AbortError') why = `no answer from Wikidata within ${opts.timeoutMs / 1000} s`;
      else if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN' || cause === 'ECONNREFUSED' || cause === 'ENETUNREACH' || cause === 'ECONNRESET') why = `cannot reach Wikidata (${cause}): are you offline?`;
      else why = `the request to Wikidata failed (${(e as Error).message})`;
      wait = 1000 * 2 ** attempt;
    } finally {
      clearTimeout(timer);
    }
    if (attempt >= opts.retries) throw new Error(`${why}; gave up after ${attempt + 1} attempt${attempt ? 's' : ''}`);
    const ms = Math.min(wait ?? 1000, opts.maxWaitMs);
    opts.log(`${why}; waiting ${Math.round(ms / 1000)} s before trying again`);
    await opts.sleep(ms);
    attempt++;
  }
}

class FinalError extends Error {}

/**
 * The entities for `ids` (missing ones are left out and listed), fetched 50 at a time.
 */
export async function fetchEntities(ids: readonly string[], options: FetchOptions = {}): Promise<{ entities: WdEntity[]; missing: string[] }> {
  const { opts, api } = withDefaults(options);
  const entities: WdEntity[] = [];
  const missing: string[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 50) {
    const batch = unique.slice(i, i + 50);
    const params = new URLSearchParams({ action: 'wbgetentities', ids: batch.join('|'), props: 'info|labels|aliases|descriptions|claims', format: 'json', maxlag: '5' });
    if (options.languages?.length) params.set('languages', [...options.languages, 'mul'].join('|'));
    const json = await getJson(`${api}?${params}`, opts);
    const map = (json as { entities?: Record<string, unknown> }).entities;
    if (!map || typeof map !== 'object') throw new Error('the answer from Wikidata has no "entities"; is the API address right?');
    for (const id of batch) {
      const e = map[id] as (WdEntity & { missing?: unknown }) | undefined;
      if (!e || 'missing' in e || typeof e.id !== 'string') missing.push(id);
      else entities.push(e);
    }
  }
  return { entities, missing };
}

/**
 * Fetches `ids` into the collector, then (two more rounds at most) the items they reference: the
 * persons' positions, citizenships and name items, then the positions' jurisdictions. Items that
 * do not exist are reported through `log` and stay stubs.
 */
export async function fetchWithReferences(ids: readonly string[], collector: WikidataCollector, langs: readonly string[], log: (message: string) => void, options: FetchOptions = {}): Promise<void> {
  const absent = new Set<string>();
  let want = [...ids];
  for (let round = 0; round < 3 && want.length; round++) {
    log(`fetching ${want.length} item${want.length === 1 ? '' : 's'} from Wikidata${round ? ' (referenced by the others)' : ''}`);
    const { entities, missing } = await fetchEntities(want, { languages: langs, log, ...options });
    for (const m of missing) {
      absent.add(m);
      log(`${m} does not exist on Wikidata${round ? ' (it stays a stub)' : '; skipped'}`);
    }
    for (const e of entities) collector.add(e);
    want = missingReferences(collector.entities()).filter((id) => !absent.has(id));
  }
}

export interface WikidataCandidate {
  id: string;
  label: string;
  description?: string;
  /** Positions held (P39, not deprecated), with their years: what tells two namesakes apart. */
  positions: string[];
}

/**
 * Items whose label or alias matches `term` (`wbsearchentities`), at most `limit`, each with its
 * description and the positions it held (two more requests: the candidates, then the labels of
 * their positions).
 */
export async function searchEntities(term: string, options: FetchOptions & { limit?: number } = {}): Promise<WikidataCandidate[]> {
  const { opts, api } = withDefaults(options);
  const language = options.languages?.[0] ?? 'en';
  const params = new URLSearchParams({ action: 'wbsearchentities', search: term, language, uselang: language, type: 'item', limit: String(options.limit ?? 10), format: 'json', maxlag: '5' });
  const json = (await getJson(`${api}?${params}`, opts)) as { search?: { id?: unknown; label?: unknown; description?: unknown }[] };
  if (!Array.isArray(json.search)) throw new Error('the answer from Wikidata has no "search" list; is the API address right?');
  const found = json.search.filter((x): x is { id: string; label?: unknown; description?: unknown } => typeof x?.id === 'string' && /^Q\d+$/.test(x.id));
  if (!found.length) return [];
  const { entities } = await fetchEntities(found.map((x) => x.id), { ...options, languages: [language] });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const positionIds = new Set<string>();
  const held = new Map<string, { id: string; start?: string; end?: string }[]>();
  for (const e of entities) {
    const list: { id: string; start?: string; end?: string }[] = [];
    for (const s of statements(e, 'P39')) {
      const id = itemId(s.mainsnak);
      if (!id) continue;
      positionIds.add(id);
      list.push({ id, start: timeValue(qualifier(s, 'P580'))?.slice(0, 4), end: timeValue(qualifier(s, 'P582'))?.slice(0, 4) });
    }
    held.set(e.id, list);
  }
  const labels = new Map<string, string>();
  if (positionIds.size) {
    const { entities: positions } = await fetchEntities([...positionIds].slice(0, 50), { ...options, languages: [language] });
    for (const p of positions) labels.set(p.id, textIn(p.labels, [language]) ?? p.id);
  }
  return found.map((x) => {
    const e = byId.get(x.id);
    const positions = (held.get(x.id) ?? []).map((p) => `${labels.get(p.id) ?? p.id}${p.start || p.end ? ` (${p.start ?? '?'}–${p.end ?? ''})` : ''}`);
    return {
      id: x.id,
      label: (e && textIn(e.labels, [language])) ?? (typeof x.label === 'string' ? x.label : x.id),
      ...(typeof x.description === 'string' ? { description: x.description } : {}),
      positions,
    };
  });
}
