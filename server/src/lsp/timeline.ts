/**
 * `attache/timeline`: the timeline data of an article, of its workspace folder, or of one entity
 * (core/timeline.ts), with the findings the Problems panel shows (cross-article ones included,
 * severity settings applied) and every location given its LSP range (a click on a marker opens
 * the sentence, on a bar the registry entry). A registry file, having no article of its own, gets
 * its folder's timeline in either scope.
 */

import { TimelineData, TimelineLocation, buildTimeline } from '../core/timeline';
import { toRange } from './convert';
import { visibleFindings } from './diagnostics';
import { TimelineParams } from './protocol';
import { AttacheService, Folder } from './service';

export function timeline(service: AttacheService, p: TimelineParams, now = new Date()): TimelineData {
  const today = p.today && /^\d{4}-\d{2}-\d{2}$/.test(p.today) ? p.today : now.toISOString().slice(0, 10);
  const folder: Folder | undefined = p.uri ? service.folderFor(p.uri) : service.folders[0] ?? service.looseFolder;
  const article = p.uri ? service.article(p.uri) : undefined;
  // A registry file (or no file) has no article of its own: its folder's timeline.
  const scope = p.scope === 'article' && article && !p.entity ? 'article' : 'workspace';
  const uris = scope === 'article' ? [p.uri!] : [...folder.articles.keys()].sort();
  const articles = uris.flatMap((uri) => {
    const a = service.article(uri);
    const v = a && visibleFindings(service, uri, folder.settings.core);
    return a && v ? [{ path: uri, analysis: a.analysis, findings: v.findings }] : [];
  });
  const entity = p.entity && folder.snapshot.entities.has(p.entity) ? p.entity : undefined;
  const name = (uri: string): string => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const title = entity ? undefined : scope === 'article' ? `Timeline of ${name(p.uri!)}` : `Timeline of ${folder.name || 'the workspace'} (${articles.length} article${articles.length === 1 ? '' : 's'})`;
  const data = buildTimeline({ registry: folder.snapshot, articles, today, ...(entity ? { entity } : {}), ...(title ? { title } : {}) });
  for (const m of data.markers) withRange(service, m.location);
  for (const x of [...data.rows, ...data.spans]) withRange(service, x.source);
  return data;
}

function withRange(service: AttacheService, l: TimelineLocation): void {
  const text = service.textOf(l.path);
  if (text !== undefined) l.range = toRange(text, l.start, l.end);
}
