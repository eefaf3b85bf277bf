/**
 * An edit inside a few entities of a big registry file, read again without reading the file:
 * the text before the edit and after it is what the last full read accepted, so only the items of
 * the `entities:` list that the edit touches are read (with the fast reader and the same walker),
 * and the entities, findings and form ranges after them move by the edit's length.
 *
 * Anything uncertain returns undefined and the caller reads the whole file: an edit in the top
 * level (`version:`, `entities:`, the lines before the first item), a file the fast reader did not
 * read or whose top level has findings, an `entities` list in flow style, an edit whose text the
 * fast reader declines or that ends the list early.
 *
 * The entities after the edit are the same objects as before, their ranges moved in place: a
 * registry store's snapshots share entity objects, and only the newest snapshot's ranges hold.
 */

import { Document, Parser, Composer } from 'yaml';
import { Entity, Finding, finding } from '../types';
import { partitionPoint, upperBound } from '../search';
import { readFastYamlItems } from './fastYaml';
import { EntityItems, EntitySource, FileWalker, FormRanges, ParsedRegistryFile } from './parse';

export interface Reparsed {
  file: ParsedRegistryFile;
  /** The entities of the items read again, as they were (old ranges) and as they are now. */
  removed: readonly Entity[];
  added: readonly Entity[];
}

/** Where the edit lies and which items it touches; undefined when an item-wise read is not safe. */
interface Region {
  /** First item read again, and the first one after (the count of items: none). */
  a: number;
  b: number;
  /** Where reading starts (the same in both texts), and where it must stop in the new text. */
  from: number;
  stopAt: number;
  delta: number;
}

function regionOf(old: ParsedRegistryFile, items: EntityItems, text: string): Region | undefined {
  const ot = old.text;
  const p = commonPrefix(ot, text);
  const s = commonSuffix(ot, text, Math.min(ot.length, text.length) - p);
  const oldEnd = ot.length - s;
  const { starts, indent } = items;
  const count = starts.length;
  // The first item's `- ` must be untouched: an edit above it is in the top level.
  if (p < starts[0] + indent + 2) return undefined;
  // From the item before the one the edit starts in (the edit may extend that one, as a new key
  // line at its end does), to the first item whose line starts after the edit.
  const c = upperBound(starts, p) - 1;
  const a = c > 0 ? c - 1 : 0;
  const b = upperBound(starts, oldEnd);
  const stopOld = b < count ? starts[b] : items.tail;
  // The line where reading stops must start inside the unchanged end (its line break too), so
  // that from there on both texts read alike.
  if (!(stopOld > oldEnd || stopOld === ot.length)) return undefined;
  const delta = text.length - ot.length;
  return { a, b, from: starts[a], stopAt: stopOld + delta, delta };
}

/**
 * The file `old` (read in full or by an earlier reparse, without syntax error) with its text
 * replaced by `text`; undefined when only a full read can tell (see above). `error` is set instead
 * when the items the edit touches are not valid YAML on their own: the file has a syntax error,
 * and the `yaml` package's findings for those items are returned without reading the whole file.
 */
export function reparseRegistryFile(old: ParsedRegistryFile, text: string): Reparsed | { error: Finding[] } | undefined {
  const items = old.items;
  if (!items || old.syntaxError) return undefined;
  const r = regionOf(old, items, text);
  if (!r) return undefined;
  const read = readRegion(old.path, text, r.from, r.stopAt, items.indent);
  if (!('region' in read)) return read.error ? { error: read.error } : undefined;
  return spliceRegion(old, items, text, r, read);
}

/** The items between `from` and `stopAt` read as a file of their own, with each item's start and running counts. */
function readRegion(path: string, text: string, from: number, stopAt: number, indent: number): RegionRead | { error?: Finding[] } {
  const region: ParsedRegistryFile = { path, text, entities: [], formRanges: new FormRanges(), findings: [], syntaxError: false };
  const walker = new FileWalker(region, true);
  const whole = walker.wholeRange();
  const rStarts: number[] = [];
  const rEntities: number[] = [];
  const rFindings: number[] = [];
  const ok = readFastYamlItems(text, from, stopAt, indent, (item, lineStart) => {
    walker.entity(item, whole);
    rStarts.push(lineStart);
    rEntities.push(region.entities.length);
    rFindings.push(region.findings.length);
  });
  if (!ok) return { error: regionSyntaxErrors(text, from, stopAt, indent) };
  region.formRanges.seal();
  return { region, rStarts, rEntities, rFindings };
}

interface RegionRead {
  region: ParsedRegistryFile;
  /** Per item read: its line start, and the region's entity and finding counts after it. */
  rStarts: number[];
  rEntities: number[];
  rFindings: number[];
}

/** The old file with items `a`..`b` replaced by the region read, its arrays shifted and spliced in place. */
function spliceRegion(old: ParsedRegistryFile, items: EntityItems, text: string, r: { a: number; b: number; delta: number }, read: RegionRead): Reparsed {
  const { a, b, delta } = r;
  const { region, rStarts, rEntities, rFindings } = read;
  // The old file is replaced by this one: its arrays are reused in place (a big registry's are
  // megabytes, and fresh memory costs more than the edit).
  const count = items.starts.length;
  const eA = a ? items.entityEnd[a - 1] : 0;
  const eB = b ? items.entityEnd[b - 1] : 0;
  const fA = a ? items.findingEnd[a - 1] : 0;
  const fB = b ? items.findingEnd[b - 1] : 0;
  const entities = old.entities;
  const removed = entities.slice(eA, eB);
  if (delta) for (let i = eB; i < entities.length; i++) shiftEntity(entities[i], delta);
  spliceInPlace(entities, eA, eB, region.entities);
  const findings = old.findings.slice(0, fA).concat(region.findings, delta ? old.findings.slice(fB).map((f) => shiftFinding(f, old.path, delta)) : old.findings.slice(fB));
  const formRanges = old.formRanges;
  formRanges.splice(eA, eB, region.formRanges, delta);

  const rn = rStarts.length;
  const eMove = region.entities.length - (eB - eA);
  const fMove = region.findings.length - (fB - fA);
  const { starts, entityEnd, findingEnd } = items;
  for (let i = b; i < count; i++) {
    starts[i] += delta;
    entityEnd[i] += eMove;
    findingEnd[i] += fMove;
  }
  for (let i = 0; i < rn; i++) {
    rEntities[i] += eA;
    rFindings[i] += fA;
  }
  spliceInPlace(starts, a, b, rStarts);
  spliceInPlace(entityEnd, a, b, rEntities);
  spliceInPlace(findingEnd, a, b, rFindings);
  old.items = undefined;
  const file: ParsedRegistryFile = {
    path: old.path, text, entities, findings, syntaxError: false, formRanges,
    items: { indent: items.indent, starts, entityEnd, findingEnd, tail: items.tail + delta },
  };
  return { file, removed, added: region.entities };
}

/** `xs.splice(from, to - from, ...ys)` without spreading `ys` into arguments (it may be long). */
function spliceInPlace<T>(xs: T[], from: number, to: number, ys: readonly T[]): void {
  if (ys.length === to - from) {
    for (let i = 0; i < ys.length; i++) xs[from + i] = ys[i];
    return;
  }
  if (ys.length < 10_000) {
    xs.splice(from, to - from, ...ys);
    return;
  }
  const tail = xs.slice(to);
  xs.length = from;
  for (const y of ys) xs.push(y);
  for (const y of tail) xs.push(y);
}

/** The `yaml` package's errors for the lines [from, stopAt) read alone, when it finds any and they
 * are sure to be errors of the whole file too; undefined otherwise. */
function regionSyntaxErrors(text: string, from: number, stopAt: number, indent: number): Finding[] | undefined {
  const slice = text.slice(from, stopAt);
  // Every line of the items must be inside the list (indented at least as far as its dashes), and
  // none may start or end a document: then the items mean the same alone as in the file.
  for (let at = 0; at < slice.length;) {
    let nl = slice.indexOf('\n', at);
    if (nl < 0) nl = slice.length;
    let i = at;
    while (i < nl && slice.charCodeAt(i) === 32) i++;
    const blank = i >= nl || slice[i] === '\r' || slice[i] === '#';
    if (!blank && i - at < indent) return undefined;
    if (/^(?:---|\.\.\.|%)/.test(slice.slice(at, at + 3))) return undefined;
    at = nl + 1;
  }
  let docs: Document.Parsed[];
  try {
    docs = [...new Composer({ uniqueKeys: true }).compose(new Parser().parse(slice))];
  } catch {
    return undefined;
  }
  const out: Finding[] = [];
  for (const d of docs) {
    for (const e of d.errors) {
      const s = Math.min(e.pos[0], slice.length);
      const t = Math.min(Math.max(e.pos[1], s + 1), slice.length);
      const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
      out.push(finding('registry-syntax', from + s, Math.min(from + t, text.length), `${message}. The registry keeps using this file's last valid version until it parses again.`));
    }
  }
  return out.length ? out : undefined;
}

function shiftEntity(e: Entity, d: number): void {
  const s = e.source;
  if (s instanceof EntitySource) s.shift(d);
  else shiftPlainSource(s, d);
  for (const r of e.roles) {
    r.range[0] += d;
    r.range[1] += d;
  }
}

function shiftPlainSource(s: Entity['source'], d: number): void {
  s.range[0] += d;
  s.range[1] += d;
  s.idRange[0] += d;
  s.idRange[1] += d;
  for (const r of s.references) {
    r.range[0] += d;
    r.range[1] += d;
  }
}

/** A copy of a finding of file `path` moved by `d` (its related places and fix edits in that file too). */
function shiftFinding(f: Finding, path: string, d: number): Finding {
  const out: Finding = { ...f, start: f.start + d, end: f.end + d };
  if (f.related) out.related = f.related.map((r) => (r.path === path ? { ...r, start: r.start + d, end: r.end + d } : r));
  if (f.fixes) {
    out.fixes = f.fixes.map((x) => ({
      ...x,
      edits: x.edits.map((e) => (e.path === undefined || e.path === path ? { ...e, start: e.start + d, end: e.end + d } : e)),
    }));
  }
  return out;
}

/**
 * How many code units `a` and `b` share at the start. A binary search over slices compared whole
 * (V8 compares two flat strings' slices as memory, about 100 times faster than a loop over their
 * code units, which matters for a 20 MB registry file).
 */
export function commonPrefix(a: string, b: string): number {
  // The first length at which the prefixes differ, minus one; each probe compares only what lies
  // beyond the longest prefix already found equal (see `partitionPoint`), so the work is linear.
  let known = 0;
  return partitionPoint(1, Math.min(a.length, b.length) + 1, (m) => {
    if (a.slice(known, m) !== b.slice(known, m)) return false;
    known = m;
    return true;
  }) - 1;
}

/** How many code units `a` and `b` share at the end, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let known = 0;
  return partitionPoint(1, max + 1, (m) => {
    if (a.slice(a.length - m, a.length - known) !== b.slice(b.length - m, b.length - known)) return false;
    known = m;
    return true;
  }) - 1;
}
