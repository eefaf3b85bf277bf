/**
 * Code lens over registry entries: `12 mentions in 5 articles`, which opens the references peek.
 * Counts come from every article of the folder, open or on disk.
 */

import { CodeLens, Location } from 'vscode-languageserver';
import { toRange } from './convert';
import { CLIENT_COMMANDS } from './protocol';
import { AttacheService } from './service';

export function codeLenses(service: AttacheService, uri: string): CodeLens[] {
  const folder = service.folderFor(uri);
  const snap = folder.snapshot;
  const text = snap.files.get(uri)?.text;
  if (text === undefined) return [];
  // One pass over all analyses: locations per entity id, and the set of articles.
  const byId = new Map<string, { locations: Location[]; articles: Set<string> }>();
  for (const rec of folder.articles.values()) {
    const a = folder.analysis(rec);
    for (const m of a.entities) {
      if (!m.id) continue;
      let v = byId.get(m.id);
      if (!v) byId.set(m.id, (v = { locations: [], articles: new Set() }));
      v.locations.push({ uri: rec.uri, range: toRange(rec.text, m.start, m.end) });
      v.articles.add(rec.uri);
    }
  }
  const out: CodeLens[] = [];
  for (const e of folder.entitiesIn(uri)) {
    const range = toRange(text, e.source.idRange[0], e.source.idRange[1]);
    const v = byId.get(e.id);
    const title = lensTitle(v?.locations.length ?? 0, v?.articles.size ?? 0);
    out.push({
      range,
      command: v
        ? { title, command: CLIENT_COMMANDS.showReferences, arguments: [uri, range.start, v.locations] }
        : { title, command: '' },
    });
  }
  return out;
}

export function lensTitle(mentions: number, articles: number): string {
  if (mentions === 0) return 'no mentions';
  return `${mentions} mention${mentions === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}`;
}
