/**
 * Go to definition: from a mention to its entity's YAML node (the value of `id:`), from an
 * ambiguous mention to every candidate, and inside a registry file from an id used as a value
 * (`office:`, `country:`, `of:`, `participants:`) to the entry that defines it.
 */

import { Location, Position } from 'vscode-languageserver';
import { Entity } from '../core/types';
import { toOffset, toRange } from './convert';
import { AttacheService, Folder } from './service';

export function definition(service: AttacheService, uri: string, position: Position): Location[] | null {
  const a = service.articleView(uri);
  if (a) {
    const t = service.targetAt(a.analysis, a.folder, toOffset(a.rec.text, position));
    if (t.kind !== 'entity') return null;
    const ids = t.mention.id ? [t.mention.id] : t.mention.candidates;
    const out = ids.map((id) => entityLocation(a.folder, a.folder.snapshot.entities.get(id))).filter((l): l is Location => !!l);
    return out.length ? out : null;
  }
  const folder = service.folderFor(uri);
  const ref = registryReferenceAt(service, uri, position);
  if (!ref) return null;
  const loc = entityLocation(folder, folder.snapshot.entities.get(ref.id));
  return loc ? [loc] : null;
}

/** Where an entity is defined: the `id` value in its registry file. */
export function entityLocation(folder: Folder, e: Entity | undefined): Location | undefined {
  if (!e) return undefined;
  const text = folder.snapshot.files.get(e.source.path)?.text;
  if (text === undefined) return undefined;
  return { uri: e.source.path, range: toRange(text, e.source.idRange[0], e.source.idRange[1]) };
}

/** The id reference (a value of `office`, `country`, `of`, `participants`) under the cursor in a registry file. */
export function registryReferenceAt(service: AttacheService, uri: string, position: Position): { id: string; range: [number, number] } | undefined {
  const folder = service.folderFor(uri);
  const text = folder.snapshot.files.get(uri)?.text;
  if (text === undefined) return undefined;
  const offset = toOffset(text, position);
  const e = service.entityAtRegistryOffset(folder, uri, offset);
  return e?.source.references.find((r) => r.range[0] <= offset && offset <= r.range[1]);
}
