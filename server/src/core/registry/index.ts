/**
 * The registry: YAML files parsed with source ranges, validated, merged into one immutable
 * snapshot.
 *
 * `RegistryStore` holds the files of one workspace folder. `setFile` re-parses only that file
 * (and nothing when its text is unchanged); `snapshot()` re-runs the cross-file checks only after
 * a change. A file whose new text does not parse keeps its last good entities (`stale: true`),
 * so one typo never empties the registry.
 */

import { Entity, Finding, RegistryFileStatus, RegistrySnapshot, finding } from '../types';
import { crossCheck } from './crossChecks';
import { FormRanges, ParsedRegistryFile, parseRegistryFile } from './parse';

export { parseRegistryFile } from './parse';
export type { ParsedRegistryFile } from './parse';

let nextVersion = 1;

interface FileState {
  /** The current text's parse. */
  current: ParsedRegistryFile;
  /** The last parse without syntax errors (the same object when the current text parses). */
  good: ParsedRegistryFile | null;
}

export class RegistryStore {
  private readonly files = new Map<string, FileState>();
  private current: RegistrySnapshot | null = null;

  setFile(path: string, text: string): void {
    const prev = this.files.get(path);
    if (prev && prev.current.text === text) return;
    const parsed = parseRegistryFile(path, text);
    this.files.set(path, { current: parsed, good: parsed.syntaxError ? prev?.good ?? null : parsed });
    this.current = null;
  }

  /**
   * A registry file that exists but cannot be decoded as text (re-saved as UTF-16, a Latin-1
   * byte, a NUL byte): like a syntax error, it keeps the file's last good entities and carries a
   * `registry-syntax` finding saying why, so the registry does not silently lose the whole file.
   */
  setUnreadable(path: string, reason: string): void {
    const prev = this.files.get(path);
    const message = `This registry file cannot be read: ${reason}. ${prev?.good ? "The registry keeps using this file's last valid version until it is saved as UTF-8 again." : 'Its entities are not loaded until it is saved as UTF-8.'}`;
    const current: ParsedRegistryFile = { path, text: '', entities: [], formRanges: new FormRanges(), findings: [finding('registry-syntax', 0, 0, message)], syntaxError: true };
    this.files.set(path, { current, good: prev?.good ?? null });
    this.current = null;
  }

  removeFile(path: string): void {
    if (this.files.delete(path)) this.current = null;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  snapshot(): RegistrySnapshot {
    if (this.current) return this.current;
    const paths = [...this.files.keys()].sort();
    const used: ParsedRegistryFile[] = [];
    const stale = new Set<string>();
    for (const p of paths) {
      const s = this.files.get(p)!;
      if (s.current.syntaxError) stale.add(p);
      if (s.good) used.push(s.good);
    }
    const { entities, findings } = crossCheck(used, stale);
    const files = new Map<string, RegistryFileStatus>();
    for (const p of paths) {
      const s = this.files.get(p)!;
      const all: Finding[] = [...s.current.findings, ...(findings.get(p) ?? [])];
      all.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
      files.set(p, { path: p, text: s.current.text, findings: all, stale: s.current.syntaxError && s.good !== null });
    }
    this.current = { version: nextVersion++, entities: entities as ReadonlyMap<string, Entity>, files };
    return this.current;
  }
}

export function loadRegistry(files: Iterable<{ path: string; text: string }>): RegistrySnapshot {
  const store = new RegistryStore();
  for (const f of files) store.setFile(f.path, f.text);
  return store.snapshot();
}
