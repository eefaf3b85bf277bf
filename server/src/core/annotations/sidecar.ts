/**
 * The annotation sidecar `X.article.annotations.yaml`: what a person decided about an article,
 * kept beside it so the article's text never changes.
 *
 * Parsing keeps every node's range so that problems become `annotation-syntax` findings on the exact
 * node; an ill-typed annotation is reported and skipped, the others still apply. Writing never
 * reserializes the user's file: a new annotation is YAML text to append, so comments and order stay.
 */

import { Document, Node, YAMLMap, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { Finding, finding } from '../types';
import { AnnotationTarget, CONTEXT_LENGTH } from './anchor';

export type AnnotationKind = 'link' | 'not-entity' | 'entity' | 'date' | 'note' | 'tag';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['link', 'not-entity', 'entity', 'date', 'note', 'tag'];

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  /** link, entity: the registry id. */
  entity?: string;
  /** entity: the type of a new entity (when `entity` is absent or not in the registry). */
  type?: string;
  /** date: the corrected TIMEX3 value (null: the date cannot be resolved). */
  value?: string | null;
  /** note: the text. */
  body?: string;
  /** tag: the label. */
  tag?: string;
  author?: string;
  created?: string;
  /** The annotation's mapping node in the sidecar (where orphan findings go). */
  range: [number, number];
  /** The `entity` value's node, for findings about the id. */
  entityRange?: [number, number];
}

export interface ParsedSidecar {
  annotations: Annotation[];
  /** `annotation-syntax` findings, offsets in the sidecar text. */
  findings: Finding[];
  /** Set when no annotation of the file applies: it does not parse, or is not shaped as a sidecar. */
  unreadable?: true;
}

const KEYS = new Set(['id', 'kind', 'target', 'entity', 'type', 'value', 'body', 'tag', 'author', 'created']);
const TARGET_KEYS = new Set(['quote', 'prefix', 'suffix', 'start']);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** TIMEX3 values the core produces (dates, months, years, decades, weeks, quarters, ranges). */
const TIMEX_PART = String.raw`(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-W(?:0[1-9]|[1-4]\d|5[0-3])|-Q[1-4])?|\d{3}X|\d{2}XX)`;
const TIMEX_PATTERN = new RegExp(`^${TIMEX_PART}(?:/${TIMEX_PART})?$`);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ENTITY_TYPE_NAMES = new Set(['person', 'organization', 'country', 'place', 'office', 'event']);

export function isTimexValue(v: string): boolean {
  return TIMEX_PATTERN.test(v);
}

export function parseSidecar(text: string): ParsedSidecar {
  const out: ParsedSidecar = { annotations: [], findings: [] };
  const bad: Bad = (r, message, severity) => {
    // Parser positions can point one past the end of the text: clamp into it.
    const s = Math.min(r?.[0] ?? 0, text.length);
    const e = Math.min(Math.max(s + 1, r?.[1] ?? s + 1), text.length);
    const f = finding('annotation-syntax', s, e, message);
    out.findings.push(severity ? { ...f, severity } : f);
  };
  const root = sidecarRoot(text, out, bad);
  if (!root) return out;
  const list = annotationList(root, bad);
  if (list === null || (isScalar(list) && list.value === null)) return out;
  if (!isSeq(list)) {
    bad(list.range, '`annotations` is a list of annotations (each item starts with `- id:`).');
    out.unreadable = true;
    return out;
  }
  const seen = new Map<string, [number, number]>();
  for (const item of list.items) {
    const a = readAnnotation(item as Node | null, bad);
    if (!a) continue;
    const prev = seen.get(a.id);
    if (prev) {
      bad(a.range, `The id '${a.id}' is used twice in this file; this second annotation is ignored. Give it a new id.`);
      continue;
    }
    seen.set(a.id, a.range);
    out.annotations.push(a);
  }
  return out;
}

/** The file's top mapping; undefined for an empty file, or one that is not a mapping or does not parse (then `unreadable`). */
function sidecarRoot(text: string, out: ParsedSidecar, bad: Bad): YAMLMap | undefined {
  let doc: Document.Parsed;
  try {
    // The AST is walked without toJS(), so aliases are never expanded and an alias bomb is cheap.
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    bad([0, Math.min(1, text.length)], `The annotation file could not be read: ${(e as Error).message}.`);
    out.unreadable = true;
    return undefined;
  }
  if (doc.errors.length) {
    for (const e of doc.errors) bad(e.pos, `${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}. No annotation of this file applies until it parses.`);
    out.unreadable = true;
    return undefined;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return undefined;
  if (!isMap(root)) {
    bad(root.range, 'An annotation file is a mapping with `version: 1` and an `annotations:` list.');
    out.unreadable = true;
    return undefined;
  }
  return root;
}

/** The top mapping's keys checked (`version: 1`, nothing unknown); the `annotations` value, or null. */
function annotationList(root: YAMLMap, bad: Bad): Node | null {
  let list: Node | null = null;
  let sawVersion = false;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = (pair.key as Node | null)?.range;
    if (key === 'version') {
      sawVersion = true;
      const v = pair.value as Node | null;
      if (!isScalar(v) || v.value !== 1) bad(v?.range ?? keyRange, 'Only `version: 1` is known.');
    } else if (key === 'annotations') {
      list = pair.value as Node | null;
    } else {
      bad(keyRange, `Unknown key '${key}' (an annotation file has \`version\` and \`annotations\`).`, 'warning');
    }
  }
  if (!sawVersion) bad([root.range?.[0] ?? 0, (root.range?.[0] ?? 0) + 1], 'Missing `version: 1` at the top of the annotation file.', 'warning');
  return list;
}

type Bad = (r: readonly number[] | null | undefined, message: string, severity?: 'warning') => void;

/** The fields of one annotation mapping, read with their problems reported; `ok` false after a fatal one. */
class Fields {
  ok = true;
  private readonly fields = new Map<string, Node | null>();

  constructor(node: YAMLMap, readonly range: [number, number], readonly bad: Bad) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS.has(key)) bad((pair.key as Node | null)?.range, `Unknown annotation key '${key}'.`, 'warning');
      else this.fields.set(key, pair.value as Node | null);
    }
  }

  node(key: string): Node | null | undefined {
    return this.fields.get(key);
  }

  /** A problem that makes the annotation unusable. */
  fail(r: readonly number[] | null | undefined, message: string): void {
    this.bad(r, message);
    this.ok = false;
  }

  /** A string (or number) field; a missing required one is reported on the whole annotation. */
  str(key: string, required: boolean): string | undefined {
    const v = this.fields.get(key);
    if (v === undefined || (isScalar(v) && v.value === null)) {
      if (required) this.fail(this.range, `This annotation has no \`${key}\`.`);
      return undefined;
    }
    if (!isScalar(v) || typeof v.value !== 'string' && typeof v.value !== 'number') {
      this.fail(v?.range ?? this.range, `\`${key}\` is a string.`);
      return undefined;
    }
    return String(v.value);
  }
}

function readAnnotation(node: Node | null, bad: Bad): Annotation | null {
  if (!isMap(node)) {
    bad(node?.range, 'Each annotation is a mapping with `id`, `kind` and `target`.');
    return null;
  }
  const range: [number, number] = node.range ? [node.range[0], node.range[1]] : [0, 0];
  const f = new Fields(node, range, bad);
  const id = f.str('id', true);
  if (id !== undefined && !ID_PATTERN.test(id)) f.fail(f.node('id')?.range, `The annotation id '${id}' should be letters, digits, '.', '_' or '-'.`);
  const kind = f.str('kind', true);
  if (kind !== undefined && !ANNOTATION_KINDS.includes(kind as AnnotationKind)) f.fail(f.node('kind')?.range, `Unknown annotation kind '${kind}' (one of ${ANNOTATION_KINDS.join(', ')}).`);
  const target = readTarget(f.node('target'), range, bad);
  if (!target) f.ok = false;
  const a: Partial<Annotation> = { id, kind: kind as AnnotationKind, target: target ?? undefined, range };
  const author = f.str('author', false);
  if (author !== undefined) a.author = author;
  const created = f.str('created', false);
  if (created !== undefined) {
    if (!ISO_TIME.test(created)) bad(f.node('created')?.range, `\`created\` is an ISO 8601 time such as 2025-10-27T09:30:00Z.`, 'warning');
    a.created = created;
  }
  switch (kind) {
    case 'link':
    case 'entity':
      readEntityFields(f, kind, a);
      break;
    case 'date':
      readDateValue(f, a);
      break;
    case 'note':
      a.body = f.str('body', true);
      break;
    case 'tag':
      a.tag = f.str('tag', true);
      break;
  }
  return f.ok ? (a as Annotation) : null;
}

/** `link` (a registry id) and `entity` (a registry id, or the type of a new entity). */
function readEntityFields(f: Fields, kind: 'link' | 'entity', a: Partial<Annotation>): void {
  const entity = f.str('entity', kind === 'link');
  if (entity !== undefined) {
    a.entity = entity;
    const r = f.node('entity')?.range;
    if (r) a.entityRange = [r[0], r[1]];
  }
  const type = f.str('type', false);
  if (type !== undefined) {
    if (!ENTITY_TYPE_NAMES.has(type)) f.fail(f.node('type')?.range, `Unknown entity type '${type}' (one of ${[...ENTITY_TYPE_NAMES].join(', ')}).`);
    else a.type = type;
  }
  if (kind === 'entity' && entity === undefined && type === undefined) f.fail(f.range, 'An `entity` annotation names the registry id (`entity:`) or the type of a new entity (`type:`).');
}

/** `date`: a TIMEX3 value, or null for a date that cannot be resolved. */
function readDateValue(f: Fields, a: Partial<Annotation>): void {
  const v = f.node('value');
  if (v === undefined) {
    f.fail(f.range, 'A `date` annotation has a `value` (TIMEX3, such as 2025-09-29, 2025-09, 2025, 199X; null when it cannot be resolved).');
    return;
  }
  if (isScalar(v) && v.value === null) {
    a.value = null;
    return;
  }
  const value = isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value) : undefined;
  if (value === undefined || !isTimexValue(value)) f.fail(v?.range ?? f.range, `'${value ?? ''}' is not a TIMEX3 value (such as 2025-09-29, 2025-09, 2025, 199X, 2025-W31, 2009/2013).`);
  else a.value = value;
}

function readTarget(node: Node | null | undefined, range: [number, number], bad: Bad): AnnotationTarget | null {
  if (node === undefined || node === null) {
    bad(range, 'This annotation has no `target` (the `quote` it is about, with `prefix`, `suffix` and `start`).');
    return null;
  }
  if (!isMap(node)) {
    bad(node.range, '`target` is a mapping with `quote`, `prefix`, `suffix` and `start`.');
    return null;
  }
  const t: Partial<AnnotationTarget> = {};
  let ok = true;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    if (!TARGET_KEYS.has(key)) {
      bad((pair.key as Node | null)?.range, `Unknown target key '${key}'.`, 'warning');
      continue;
    }
    if (key === 'start') {
      if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 0) {
        bad(v?.range ?? node.range, '`start` is a non-negative whole number (UTF-16 offset).');
        ok = false;
      } else t.start = v.value;
      continue;
    }
    if (!isScalar(v) || (typeof v.value !== 'string' && typeof v.value !== 'number')) {
      if (isScalar(v) && v.value === null && key !== 'quote') continue;
      bad(v?.range ?? node.range, `\`${key}\` is a string.`);
      ok = false;
      continue;
    }
    const s = String(v.value);
    if ((key === 'prefix' || key === 'suffix') && s.length > CONTEXT_LENGTH) {
      bad(v.range, `\`${key}\` holds at most ${CONTEXT_LENGTH} characters (this one has ${s.length}); only the ${key === 'prefix' ? 'last' : 'first'} ${CONTEXT_LENGTH} are used.`, 'warning');
      t[key] = key === 'prefix' ? s.slice(-CONTEXT_LENGTH) : s.slice(0, CONTEXT_LENGTH);
    } else t[key as 'quote' | 'prefix' | 'suffix'] = s;
  }
  if (t.quote === undefined || t.quote === '') {
    bad(node.range, '`target` needs a non-empty `quote`: the annotated text.');
    ok = false;
  }
  return ok ? (t as AnnotationTarget) : null;
}

/** What a new annotation needs; `range` and the parsed extras are filled in by the parser. */
export type NewAnnotation = Omit<Annotation, 'range' | 'entityRange'>;

/**
 * The text to append to a sidecar (possibly empty or absent) so that it holds `a` too. The user's
 * text is never rewritten: the result is inserted at `existing.length`. For an empty file the
 * header (`version: 1`, `annotations:`) comes first; the existing file's line ending is kept.
 */
export function annotationAppendText(existing: string, a: NewAnnotation): string {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines: string[] = [];
  const header = !/^annotations\s*:/m.test(existing);
  if (header) {
    if (!/^version\s*:/m.test(existing)) lines.push('version: 1');
    lines.push('annotations:');
  }
  lines.push(`  - id: ${scalar(a.id)}`, `    kind: ${a.kind}`);
  if (a.entity !== undefined) lines.push(`    entity: ${scalar(a.entity)}`);
  if (a.type !== undefined) lines.push(`    type: ${a.type}`);
  if (a.kind === 'date') lines.push(`    value: ${a.value === null || a.value === undefined ? 'null' : scalar(a.value)}`);
  if (a.body !== undefined) lines.push(`    body: ${scalar(a.body)}`);
  if (a.tag !== undefined) lines.push(`    tag: ${scalar(a.tag)}`);
  lines.push('    target:', `      quote: ${scalar(a.target.quote)}`);
  if (a.target.prefix !== undefined) lines.push(`      prefix: ${scalar(a.target.prefix)}`);
  if (a.target.suffix !== undefined) lines.push(`      suffix: ${scalar(a.target.suffix)}`);
  if (a.target.start !== undefined) lines.push(`      start: ${a.target.start}`);
  if (a.author) lines.push(`    author: ${scalar(a.author)}`);
  if (a.created) lines.push(`    created: ${scalar(a.created)}`);
  const lead = existing.length && !existing.endsWith('\n') ? eol : '';
  return lead + lines.join(eol) + eol;
}

/**
 * A YAML scalar that reads back as exactly `s`: double-quoted (JSON escaping is valid YAML) unless
 * it is a plain word that YAML would not turn into a number, boolean or null.
 */
function scalar(s: string): string {
  if (/^[A-Za-z][A-Za-z0-9._-]*$/.test(s) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(s)) return s;
  return JSON.stringify(s);
}

/** An id not used in `existing`: `a1`, `a2`, … (the first free number after the largest). */
export function newAnnotationId(existing: readonly { id: string }[]): string {
  let max = 0;
  for (const a of existing) {
    const m = /^a(\d+)$/.exec(a.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `a${max + 1}`;
}

/**
 * The next free id for a sidecar's text, read from every `id:` line: unlike `newAnnotationId`, it
 * works while the file has a syntax error, so a new annotation never reuses an id.
 */
export function nextAnnotationId(sidecarText: string): string {
  let max = 0;
  for (const m of sidecarText.matchAll(/^[ \t-]*id\s*:\s*["']?a(\d+)["']?\s*$/gm)) max = Math.max(max, Number(m[1]));
  return `a${max + 1}`;
}
