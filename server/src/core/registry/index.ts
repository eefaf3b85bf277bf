/**
 * The registry: YAML files parsed with source ranges, validated, merged into one immutable
 * snapshot.
 *
 * `RegistryStore` holds the files of one workspace folder. `setFile` re-parses only that file
 * (and nothing when its text is unchanged), and of a big file only the entities an edit touches
 * (reparse.ts); the cross-file checks follow each change incrementally (crossChecks.ts). A file
 * whose new text does not parse keeps its last good entities (`stale: true`), so one typo never
 * empties the registry.
 */

import { Entity, EntityType, Finding, RegistryFileStatus, RegistrySnapshot, finding } from '../types';
import { CrossState } from './crossChecks';
import { FormRanges, ParsedRegistryFile, parseRegistryFile } from './parse';
import { reparseRegistryFile } from './reparse';

export { parseRegistryFile } from './parse';
export { order as entityOrder } from './crossChecks';
export type { ParsedRegistryFile } from './parse';

let nextVersion = 1;

interface FileState {
  /** The current text's parse. */
  current: ParsedRegistryFile;
  /** The last parse without syntax errors (the same object when the current text parses). */
  good: ParsedRegistryFile | null;
}

/**
 * How a snapshot's members (the entities of `entities`) differ from an earlier snapshot's: the
 * steps, in order, that turn `base`'s members into this one's. Set by an incremental update, so
 * that the entity index can be updated in place rather than built again (`buildEntityIndex`).
 */
export interface RegistryDelta {
  base: RegistrySnapshot;
  steps: { leaving: readonly Entity[]; entering: readonly Entity[] }[];
}

const deltas = new WeakMap<RegistrySnapshot, RegistryDelta>();

/** How `snapshot` was made from an earlier one, if it was made by an incremental update. */
export function registryDelta(snapshot: RegistrySnapshot): RegistryDelta | undefined {
  return deltas.get(snapshot);
}

/** Forgets `snapshot`'s delta (the entity index was made for it: the base is no longer needed). */
export function dropRegistryDelta(snapshot: RegistrySnapshot): void {
  deltas.delete(snapshot);
}

/** More entities changed than this at once: the cross-file checks run again in full. */
const INCREMENTAL_LIMIT = 2000;

/** A chain of incremental snapshots longer than this (no entity index made between) is cut. */
const MAX_CHAIN = 16;

export class RegistryStore {
  private readonly files = new Map<string, FileState>();
  private current: RegistrySnapshot | null = null;
  /** The cross-file checks' state, kept up to date with every change while it is not null. */
  private cross: CrossState | null = null;
  /** The last snapshot made, and the member changes since it. */
  private last: RegistrySnapshot | null = null;
  private steps: RegistryDelta['steps'] = [];
  private chain = 0;
  private readonly incremental: boolean;

  /** `incremental: false`: every change reads its file and runs the cross-file checks in full (tests compare the two). */
  constructor(options: { incremental?: boolean } = {}) {
    this.incremental = options.incremental !== false;
  }

  setFile(path: string, text: string): void {
    const prev = this.files.get(path);
    if (prev && prev.current.text === text) return;
    this.current = null;
    // An edit inside a few entities of a file read by the fast reader: only those are read again.
    const base = prev?.good;
    const re = base?.items && this.incremental ? reparseRegistryFile(base, text) : undefined;
    if (re && 'error' in re) {
      // The file does not parse: it keeps its last good entities, so nothing else changes.
      this.files.set(path, { current: { path, text, entities: [], formRanges: base!.formRanges, findings: re.error, syntaxError: true }, good: base! });
      return;
    }
    if (re) {
      this.files.set(path, { current: re.file, good: re.file });
      this.changed(re.removed, re.added);
      return;
    }
    const parsed = parseRegistryFile(path, text);
    const good = parsed.syntaxError ? prev?.good ?? null : parsed;
    this.files.set(path, { current: parsed, good });
    if (good !== (prev?.good ?? null)) this.changed(prev?.good?.entities ?? [], good?.entities ?? []);
  }

  /** The members' cross-file state follows a change of these entities (or is dropped). */
  private changed(removed: readonly Entity[], added: readonly Entity[]): void {
    if (!this.cross) return;
    if (!this.incremental || removed.length + added.length > INCREMENTAL_LIMIT) {
      this.cross = null;
      return;
    }
    this.steps.push(this.cross.apply(this.usedFiles(), removed, added));
  }

  private usedFiles(): ParsedRegistryFile[] {
    const used: ParsedRegistryFile[] = [];
    for (const p of [...this.files.keys()].sort()) {
      const g = this.files.get(p)!.good;
      if (g) used.push(g);
    }
    return used;
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
    const prev = this.files.get(path);
    if (!prev) return;
    this.files.delete(path);
    this.current = null;
    if (prev.good) this.changed(prev.good.entities, []);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  snapshot(): RegistrySnapshot {
    if (this.current) return this.current;
    const paths = [...this.files.keys()].sort();
    const stale = new Set<string>();
    for (const p of paths) if (this.files.get(p)!.current.syntaxError) stale.add(p);
    // Snapshots made since the last one whose entity index was made (which drops its delta).
    const chain = this.last && deltas.has(this.last) ? this.chain + 1 : 1;
    const incremental = this.cross !== null && this.last !== null && chain <= MAX_CHAIN;
    if (!this.cross) this.cross = CrossState.build(this.usedFiles());
    const findings = this.cross.findings(stale);
    const files = new Map<string, RegistryFileStatus>();
    for (const p of paths) {
      const s = this.files.get(p)!;
      const cross = findings.get(p);
      const all: Finding[] = cross ? [...s.current.findings, ...cross] : [...s.current.findings];
      all.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
      files.set(p, { path: p, text: s.current.text, findings: all, stale: s.current.syntaxError && s.good !== null });
    }
    const snap: RegistrySnapshot = { version: nextVersion++, entities: this.cross.entities as ReadonlyMap<string, Entity>, files };
    if (incremental) deltas.set(snap, { base: this.last!, steps: this.steps });
    this.chain = incremental ? chain : 0;
    this.steps = [];
    this.last = snap;
    this.current = snap;
    return snap;
  }
}

/**
 * A snapshot's entities that can list one type's entities without reading the others (a `--jobs`
 * worker's, whose entities are read from shared memory when first asked for).
 */
export interface TypedEntities {
  ofType(type: EntityType): Iterable<Entity>;
}

/** The entities of `type`, in snapshot order. */
export function entitiesOfType(registry: RegistrySnapshot, type: EntityType): Iterable<Entity> {
  const all = registry.entities as ReadonlyMap<string, Entity> & Partial<TypedEntities>;
  if (all.ofType) return all.ofType(type);
  return [...all.values()].filter((e) => e.type === type);
}

export function loadRegistry(files: Iterable<{ path: string; text: string }>): RegistrySnapshot {
  const store = new RegistryStore();
  for (const f of files) store.setFile(f.path, f.text);
  return store.snapshot();
}
