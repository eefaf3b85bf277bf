/**
 * Code lens over registry entries: `12 mentions in 5 articles`, which opens the references peek.
 * Counts come from every article of the folder, open or on disk. People, offices and events also
 * get `Show on timeline` (the client's timeline view of that entity: roles, tenures, mentions).
 *
 * Lenses are returned bare (a range and the entity id) and resolved one by one: the editor
 * resolves only those on screen, so a registry of 100,000 entries costs 100,000 small ranges,
 * not 100,000 location lists.
 */

import { CodeLens, Location } from 'vscode-languageserver';
import { toRange } from './convert';
import { CLIENT_COMMANDS } from './protocol';
import { AttacheService } from './service';

/** Entity types a timeline can show: a person's roles, an office's holders, an event's date. */
const TIMELINE_TYPES: ReadonlySet<string> = new Set(['person', 'office', 'event']);

interface LensData {
  uri: string;
  id: string;
}

export function codeLenses(service: AttacheService, uri: string): CodeLens[] {
  const folder = service.folderFor(uri);
  const text = folder.snapshot.files.get(uri)?.text;
  if (text === undefined) return [];
  return folder.entitiesIn(uri).flatMap((e) => {
    const range = toRange(text, e.source.idRange[0], e.source.idRange[1]);
    const lens: CodeLens = { range, data: { uri, id: e.id } satisfies LensData };
    if (!TIMELINE_TYPES.has(e.type)) return [lens];
    return [lens, { range, command: { title: 'Show on timeline', command: CLIENT_COMMANDS.showTimeline, arguments: [{ uri, entity: e.id }] } }];
  });
}

export function resolveCodeLens(service: AttacheService, lens: CodeLens): CodeLens {
  const data = lens.data as LensData | undefined;
  if (!data || typeof data.uri !== 'string' || typeof data.id !== 'string') return lens;
  const mentions = service.folderFor(data.uri).mentionsOf(data.id);
  const locations: Location[] = mentions.map((m) => ({ uri: m.uri, range: toRange(m.text, m.mention.start, m.mention.end) }));
  const articles = new Set(mentions.map((m) => m.uri)).size;
  const title = lensTitle(locations.length, articles);
  lens.command = locations.length
    ? { title, command: CLIENT_COMMANDS.showReferences, arguments: [data.uri, lens.range.start, locations] }
    : { title, command: '' };
  return lens;
}

export function lensTitle(mentions: number, articles: number): string {
  if (mentions === 0) return 'no mentions';
  return `${mentions} mention${mentions === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}`;
}
