/**
 * The status the client shows in its status bar: per folder, the registry's size and how many of
 * its diagnostics are errors and warnings.
 */

import { FolderStatus } from './protocol';
import { Folder } from './service';

export function folderStatus(folder: Folder): FolderStatus {
  const snap = folder.snapshot;
  let errors = 0;
  let warnings = 0;
  for (const f of snap.files.values()) {
    for (const x of f.findings) {
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
    }
  }
  const registryFiles = [...snap.files.keys()].sort((a, b) => Number(/\/registry\.ya?ml$/.test(b)) - Number(/\/registry\.ya?ml$/.test(a)) || a.localeCompare(b));
  return { name: folder.name, uri: folder.uri, entities: snap.entities.size, registryFiles, errors, warnings, articles: folder.articles.size };
}
