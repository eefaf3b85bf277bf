/**
 * Document symbols (an article's outline: paragraphs, with the entities and dates in each; a
 * registry file's entries) and workspace symbols (registry entities by name, fuzzy).
 */

import { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { Entity } from '../core/types';
import { SYMBOL_KINDS, toRange } from './convert';
import { entityLocation } from './definition';
import { EntityItem } from './protocol';
import { AttacheService } from './service';

/** Longest paragraph label in the outline: the start of its text. */
const LABEL_CHARS = 60;
/** Most workspace symbols returned: the client filters further as the user types. */
const MAX_WORKSPACE_SYMBOLS = 200;

export function documentSymbols(service: AttacheService, uri: string): DocumentSymbol[] {
  const a = service.articleView(uri);
  if (!a) return registrySymbols(service, uri);
  const { text } = a.rec;
  const { entities, dates, article } = a.analysis;
  let ei = 0;
  let di = 0;
  return article.paragraphs.map((p, i) => {
    const children: DocumentSymbol[] = [];
    while (ei < entities.length && entities[ei].start < p.start) ei++;
    for (; ei < entities.length && entities[ei].start < p.end; ei++) {
      const m = entities[ei];
      const r = toRange(text, m.start, m.end);
      children.push({ name: m.text, detail: m.id ?? (m.candidates.length ? 'ambiguous' : 'unknown'), kind: SYMBOL_KINDS[m.type], range: r, selectionRange: r });
    }
    while (di < dates.length && dates[di].start < p.start) di++;
    for (; di < dates.length && dates[di].start < p.end; di++) {
      const d = dates[di];
      const r = toRange(text, d.start, d.end);
      children.push({ name: d.text, detail: d.value ?? 'unresolved', kind: SYMBOL_KINDS.date, range: r, selectionRange: r });
    }
    children.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    const raw = text.slice(p.start, Math.min(p.end, p.start + LABEL_CHARS * 2)).replace(/\s+/g, ' ');
    const name = raw.length > LABEL_CHARS ? `${raw.slice(0, LABEL_CHARS - 1)}…` : raw;
    const range = toRange(text, p.start, p.end);
    return { name: name || `¶ ${i + 1}`, detail: `¶ ${i + 1}`, kind: SYMBOL_KINDS.paragraph, range, selectionRange: range, children };
  });
}

function registrySymbols(service: AttacheService, uri: string): DocumentSymbol[] {
  const folder = service.folderFor(uri);
  const text = folder.snapshot.files.get(uri)?.text;
  if (text === undefined) return [];
  const out: DocumentSymbol[] = [];
  for (const e of folder.entitiesIn(uri)) {
    out.push({
      name: e.name,
      detail: e.id,
      kind: SYMBOL_KINDS[e.type],
      range: toRange(text, e.source.range[0], e.source.range[1]),
      selectionRange: toRange(text, e.source.idRange[0], e.source.idRange[1]),
    });
  }
  return out;
}

/**
 * Fuzzy score of `query` against `name`: the query's characters must appear in order; matches at
 * word starts and consecutive matches score higher. Returns -1 when it does not match.
 */
export function fuzzyScore(query: string, name: string): number {
  if (!query) return 0;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let score = 0;
  let qi = 0;
  let prev = -2;
  for (let i = 0; i < n.length && qi < q.length; i++) {
    if (n[i] !== q[qi]) continue;
    const wordStart = i === 0 || /[\s\-_.'’(]/.test(n[i - 1]);
    score += 1 + (wordStart ? 3 : 0) + (prev === i - 1 ? 2 : 0);
    prev = i;
    qi++;
  }
  if (qi < q.length) return -1;
  // Prefer shorter names for equal matches, and a name that starts with the query.
  return score * 10 - n.length / 10 + (n.startsWith(q) ? 20 : 0);
}

export function workspaceSymbols(service: AttacheService, query: string): SymbolInformation[] {
  const scored: { e: Entity; folderIndex: number; score: number }[] = [];
  const folders = service.allFolders();
  folders.forEach((folder, folderIndex) => {
    for (const e of folder.snapshot.entities.values()) {
      let best = fuzzyScore(query, e.name);
      for (const alias of e.aliases) best = Math.max(best, fuzzyScore(query, alias) - 1);
      if (best >= 0) scored.push({ e, folderIndex, score: best });
    }
  });
  scored.sort((x, y) => y.score - x.score || x.e.name.localeCompare(y.e.name));
  const out: SymbolInformation[] = [];
  for (const { e, folderIndex } of scored.slice(0, MAX_WORKSPACE_SYMBOLS)) {
    const location = entityLocation(folders[folderIndex], e);
    if (location) out.push({ name: e.name, kind: SYMBOL_KINDS[e.type], location, containerName: e.type });
  }
  return out;
}

/**
 * Every entity of the registry an article belongs to, for the editor's "Link selection to
 * entity…" picker: the client filters them fuzzily as the user types.
 */
export function entityItems(service: AttacheService, uri: string): EntityItem[] {
  const folder = service.folderFor(uri);
  const reg = folder.snapshot;
  const out: EntityItem[] = [];
  for (const e of reg.entities.values()) {
    const role = e.roles.find((r) => !r.end) ?? e.roles[e.roles.length - 1];
    const roleName = role ? (role.office ? reg.entities.get(role.office)?.name ?? role.office : role.title) : undefined;
    const country = e.country ? reg.entities.get(e.country)?.name : undefined;
    const detail = [e.type, country, roleName ?? e.description].filter(Boolean).join(' · ');
    out.push({ id: e.id, name: e.name, type: e.type, detail });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
