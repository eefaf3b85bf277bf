/**
 * The language service's `Host` on the real file system: `file:` URIs ↔ paths, glob search and
 * safe reads (through `files.ts`, shared with the CLI). URIs are canonicalized here so that a URI
 * the editor sends and one derived from a path on disk compare equal.
 */

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Host } from '../lsp/service';
import { findFiles, globMatcher, readTextFileAsync } from './files';

/** One spelling per file: the editor and `pathToFileURL` may percent-encode differently. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

export function createNodeHost(log: (message: string) => void): Host {
  return {
    findFiles(folderUri, globs) {
      const root = uriToPath(folderUri);
      return root ? findFiles(root, globs).map(pathToUri) : [];
    },
    readFileAsync(uri) {
      const p = uriToPath(uri);
      return p ? readTextFileAsync(p) : Promise.resolve({ ok: false, error: `${uri}: not a file on disk` });
    },
    relativePath(folderUri, uri) {
      const root = uriToPath(folderUri);
      const p = uriToPath(uri);
      if (!root || !p) return undefined;
      const rel = path.relative(root, p);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
      return rel.split(path.sep).join('/');
    },
    matcher(globs) {
      return globMatcher(globs);
    },
    join(folderUri, relPath) {
      const root = uriToPath(folderUri);
      return root ? pathToUri(path.join(root, relPath)) : folderUri.replace(/\/?$/, '/') + relPath;
    },
    log,
  };
}
