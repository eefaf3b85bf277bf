/**
 * An in-memory `Host` for in-process tests of the language service: files are a map from URI
 * (`file:///ws/…`) to text, so a test builds a workspace from `joinLines(…)` and calls the LSP
 * feature functions directly, with no disk, no server process and no connection.
 */

import { Host, HostRead } from '../../server/src/lsp/service';
import { globMatcher } from '../../server/src/node/files';

export const ROOT = 'file:///ws';

export interface MemoryHost extends Host {
  /** What `readFileAsync` answers, at once (the service itself has no synchronous read). */
  readFile(uri: string): HostRead;
  /** URI → text; tests may change it and tell the service (`fileChanged`). */
  readonly files: Map<string, string>;
  /** Everything the service logged. */
  readonly logged: string[];
  /** URIs read, in order (to see that a file was or was not read). */
  readonly reads: string[];
}

/** A host whose disk holds `files` (path relative to `ROOT` → text). */
export function memoryHost(files: Record<string, string>): MemoryHost {
  const map = new Map(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, text]));
  const logged: string[] = [];
  const reads: string[] = [];
  const relativePath = (folderUri: string, uri: string): string | undefined =>
    uri.startsWith(`${folderUri}/`) ? uri.slice(folderUri.length + 1) : undefined;
  return {
    files: map,
    logged,
    reads,
    findFiles(folderUri, globs) {
      const match = globMatcher(globs);
      return [...map.keys()].filter((uri) => {
        const rel = relativePath(folderUri, uri);
        return rel !== undefined && match(rel);
      }).sort();
    },
    readFile(uri) {
      reads.push(uri);
      const text = map.get(uri);
      return text === undefined ? { ok: false, error: `${uri}: cannot read (ENOENT)`, reason: 'cannot read (ENOENT)', missing: true } : { ok: true, text };
    },
    readFileAsync(uri) {
      return Promise.resolve(this.readFile(uri));
    },
    relativePath,
    matcher: globMatcher,
    join: (folderUri, rel) => `${folderUri}/${rel}`,
    log: (m) => logged.push(m),
  };
}
