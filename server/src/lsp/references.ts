/**
 * Find all references: from a mention, or from a registry entry (its id, or anywhere in its
 * entry), every mention of that entity in every article of the folder, open or only on disk; with
 * the declaration when the client asks for it.
 */

import { Location, Position } from 'vscode-languageserver';
import { toOffset, toRange } from './convert';
import { entityLocation, registryReferenceAt } from './definition';
import { AttacheService, Folder } from './service';

export function references(service: AttacheService, uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
  const id = entityIdAt(service, uri, position);
  if (!id) return null;
  const folder = service.folderFor(uri);
  const out = mentionLocations(folder, id);
  if (includeDeclaration) {
    const decl = entityLocation(folder, folder.snapshot.entities.get(id));
    if (decl) out.unshift(decl);
  }
  return out;
}

/** The entity a position is about: a linked mention in an article, or a registry entry or id reference. */
export function entityIdAt(service: AttacheService, uri: string, position: Position): string | undefined {
  const a = service.article(uri);
  if (a) {
    const t = service.targetAt(a.analysis, a.folder, toOffset(a.rec.text, position));
    return t.kind === 'entity' ? (t.mention.id ?? undefined) : undefined;
  }
  const ref = registryReferenceAt(service, uri, position);
  if (ref) return ref.id;
  const folder = service.folderFor(uri);
  const text = folder.snapshot.files.get(uri)?.text;
  if (text === undefined) return undefined;
  return service.entityAtRegistryOffset(folder, uri, toOffset(text, position))?.id;
}

export function mentionLocations(folder: Folder, id: string): Location[] {
  return folder.mentionsOf(id).map((m) => ({ uri: m.uri, range: toRange(m.text, m.mention.start, m.mention.end) }));
}
