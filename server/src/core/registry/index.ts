/**
 * The registry: YAML files parsed with source ranges, validated, merged into one immutable
 * snapshot. PLACEHOLDER until the registry lands (issue 2): the API is final.
 */

import { Entity, RegistryFileStatus, RegistrySnapshot } from '../types';

let nextVersion = 1;

/**
 * Holds the registry files of one workspace folder. `setFile` re-parses only that file; a file
 * whose new text does not parse keeps its last good entities (and says so in its findings).
 */
export class RegistryStore {
  private readonly texts = new Map<string, string>();
  private current: RegistrySnapshot | null = null;

  setFile(path: string, text: string): void {
    this.texts.set(path, text);
    this.current = null;
  }

  removeFile(path: string): void {
    this.texts.delete(path);
    this.current = null;
  }

  paths(): string[] {
    return [...this.texts.keys()];
  }

  snapshot(): RegistrySnapshot {
    if (!this.current) {
      const files = new Map<string, RegistryFileStatus>();
      for (const [path, text] of this.texts) files.set(path, { path, text, findings: [], stale: false });
      this.current = { version: nextVersion++, entities: new Map<string, Entity>(), files };
    }
    return this.current;
  }
}

export function loadRegistry(files: Iterable<{ path: string; text: string }>): RegistrySnapshot {
  const store = new RegistryStore();
  for (const f of files) store.setFile(f.path, f.text);
  return store.snapshot();
}
