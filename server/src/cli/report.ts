/**
 * The CLI's output documents: the `analyze --json` shape of spec §5 (the contract scripts rely on),
 * the compiler-style text report of `check`, the table per article of `analyze` without `--json`,
 * and the diagnostics of every file (articles and registry files) in one list.
 */

import * as path from 'node:path';
import { ArticleAnalysis } from '../core/analyze';
import { Article } from '../core/article';
import { creationTime, dateAnchor, timexType } from '../core/dateInfo';
import { LineIndex } from '../core/lines';
import { DateMention, EntityMention, Finding, RegistrySnapshot, Severity } from '../core/types';
import { ByteFieldWriter, LazyArray, RawJson, jsonString, writeJson } from './jsonWrite';
import { Segment, SpillFile } from './spill';

/**
 * What the reports need of one analyzed article: the analysis without its parse tree (paragraphs,
 * sentences, fingerprints), so a run over a big corpus keeps only this (`pipeline.ts`).
 */
export interface ReportedArticle {
  /** Absolute path. */
  file: string;
  text: string;
  /** The file began with a UTF-8 BOM. */
  bom?: boolean;
  sidecar?: { file: string; text: string };
  /** Article-local findings, severities applied, sorted. */
  findings: Finding[];
  /** Findings on the sidecar file, when there is one. */
  annotationFindings?: Finding[];
  publicationDate: string | null;
  publicationDateSource: Article['publicationDateSource'];
  entities: EntityMention[];
  dates: DateMention[];
  /** The publication date as written in the dateline (`creationTime`), taken while the article was at hand. */
  creationTime: DateMention | null;
  /**
   * Set by `renderFindings` (`check --format json`): each finding of `findings` as that report
   * writes it; `findings` then keeps only what ordering and the exit status read of them.
   */
  findingsJson?: RenderedFindings;
  /**
   * Set by `spillArticle`: the entities, dates and findings were written to a temporary file
   * (and the fields above emptied), to be read back when the report is written.
   */
  spilled?: SpilledParts;
}

/**
 * One article's parts of `analyze --json` kept in a temporary file (`spillArticle`): plain numbers,
 * one after the other in the file from `start`, so a big run keeps a few bytes per article.
 */
export interface SpilledParts {
  file: SpillFile;
  start: number;
  /** Bytes of the `entities` and `dates` arrays, as written at `FILE_FIELD_INDENT`. */
  entities: number;
  dates: number;
  /**
   * Bytes of the article's own findings, one a line, read back one at a time with its
   * cross-article findings merged in; -1 when they were not in order (then they stay in `findings`).
   */
  findings: number;
  /** The findings were written as their text in the document (`findingsJson`, see `spillRendered`), not as objects. */
  rendered: boolean;
}

/** What the report functions read: the folder paths are shown relative to, the registry, the articles. */
export interface ReportInput {
  cwd: string;
  registry: RegistrySnapshot;
  articles: readonly ReportedArticle[];
  /** The run's `attache.ignore.yaml` files, reported after the registry files. */
  ignoreFiles?: readonly { file: string; text: string; findings: Finding[] }[];
}

/** The report view of a full analysis. */
export function reportedArticle(file: string, text: string, analysis: ArticleAnalysis, extra: { bom?: boolean; sidecar?: { file: string; text: string } } = {}): ReportedArticle {
  const { article, entities, dates } = analysis;
  return {
    file, text, ...(extra.bom ? { bom: true } : {}), ...(extra.sidecar ? { sidecar: extra.sidecar } : {}),
    findings: analysis.findings, ...(analysis.annotationFindings ? { annotationFindings: analysis.annotationFindings } : {}),
    publicationDate: article.publicationDate, publicationDateSource: article.publicationDateSource,
    entities, dates, creationTime: creationTime(article, dates),
  };
}

/** One file's diagnostics, in the order files are reported. */
export interface FileReport {
  /** Absolute path. */
  file: string;
  text: string;
  kind: 'article' | 'registry' | 'annotations' | 'ignore';
  findings: Finding[];
  /**
   * Of a spilled article (`spillArticle`), whose `findings` are then empty: its cross-article
   * findings, made when its diagnostics are written (`analyzeJson`, in input order), so the
   * document never holds every article's at once.
   */
  workspaceFindings?: () => Finding[];
}

/**
 * Paths already shown, per cwd (file → shown): a report names each file many times. Looked up by
 * the file string itself (its hash is kept with it), not by a key string made per call.
 */
const shownPaths = new Map<string, Map<string, string>>();
let shownCount = 0;

export function displayPath(cwd: string, file: string): string {
  let inCwd = shownPaths.get(cwd);
  let shown = inCwd?.get(file);
  if (shown === undefined) {
    const rel = relativeInside(cwd, file) ?? path.relative(cwd, file);
    shown = rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
    // Shown with forward slashes everywhere (already so on POSIX).
    if (path.sep !== '/') shown = shown.split(path.sep).join('/');
    if (shownCount >= 200_000) {
      shownPaths.clear();
      shownCount = 0;
      inCwd = undefined;
    }
    if (!inCwd) shownPaths.set(cwd, (inCwd = new Map()));
    inCwd.set(file, shown);
    shownCount++;
  }
  return shown;
}

/**
 * `path.relative(cwd, file)` without resolving both paths (two `process.cwd()` calls and two
 * normalizations per article in a big run) for the usual case: on POSIX, a normalized absolute
 * `cwd` and a file under it with no empty, `.` or `..` segment. Undefined otherwise.
 */
function relativeInside(cwd: string, file: string): string | undefined {
  if (path.sep !== '/' || cwd.length < 2 || cwd.charCodeAt(0) !== 47 || cwd.charCodeAt(cwd.length - 1) === 47) return undefined;
  if (file.length <= cwd.length + 1 || file.charCodeAt(cwd.length) !== 47 || !file.startsWith(cwd)) return undefined;
  if (!normalCwds.has(cwd)) {
    if (path.resolve(cwd) !== cwd) return undefined;
    normalCwds.add(cwd);
  }
  const rel = file.slice(cwd.length + 1);
  return ODD_SEGMENT.test(rel) ? undefined : rel;
}

const normalCwds = new Set<string>();
/** A segment `path.relative` would normalize: empty (`//`, a trailing `/`), `.` or `..`. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * An article's own findings with its workspace findings merged in. Its own findings are already in
 * this order (finalizeFindings): sorted again only with workspace findings to merge in.
 */
function withWorkspace(own: Finding[], ws: Finding[]): Finding[] {
  return ws.length ? [...own, ...ws].sort(findingOrder) : own;
}

/** What the order of findings reads of them. */
type Placed = Pick<Finding, 'start' | 'end' | 'code'>;

function findingOrder(x: Placed, y: Placed): number {
  return x.start - y.start || x.end - y.end || x.code.localeCompare(y.code);
}

/**
 * `withWorkspace` of findings in order, made as they are asked for: the same list, since a
 * stable sort of `[...own, ...ws]` puts each finding of `own` before the equal ones of `ws`.
 */
function* mergeInOrder<T extends Placed>(own: Iterable<T>, ws: readonly Finding[]): Generator<T | Finding> {
  let j = 0;
  for (const f of own) {
    while (j < ws.length && findingOrder(ws[j], f) < 0) yield ws[j++];
    yield f;
  }
  while (j < ws.length) yield ws[j++];
}

/**
 * Articles first (in path order), then registry files, then ignore files; workspace findings
 * merged in (of a spilled article, none: `analyzeJson` asks for them and merges them with the rest).
 */
export function fileReports(project: ReportInput, workspaceFindings: (file: string) => Finding[] = () => []): FileReport[] {
  const out: FileReport[] = [];
  for (const a of project.articles) {
    const file = a.file;
    if (a.spilled && a.spilled.findings >= 0) out.push({ file, text: a.text, kind: 'article', findings: [], workspaceFindings: () => workspaceFindings(file) });
    else out.push({ file, text: a.text, kind: 'article', findings: withWorkspace(a.findings, workspaceFindings(file)) });
    if (a.sidecar) out.push({ file: a.sidecar.file, text: a.sidecar.text, kind: 'annotations', findings: a.annotationFindings ?? [] });
  }
  for (const f of project.registry.files.values()) {
    out.push({ file: f.path, text: f.text, kind: 'registry', findings: f.findings });
  }
  for (const f of project.ignoreFiles ?? []) out.push({ file: f.file, text: f.text, kind: 'ignore', findings: f.findings });
  return out;
}

/** One diagnostic of the JSON outputs; `show` turns a related or edited file into the path printed. */
export function jsonFinding(f: Finding, cwd: string, show: (file: string) => string = (file) => displayPath(cwd, file)): Record<string, unknown> {
  const o: Record<string, unknown> = { code: f.code, severity: f.severity, start: f.start, end: f.end, message: f.message };
  if (f.related?.length) {
    o.related = f.related.map((r) => ({ path: show(r.path), start: r.start, end: r.end, message: r.message }));
  }
  if (f.fixes?.length) {
    o.fixes = f.fixes.filter((x) => x.edits.length).map((x) => ({
      title: x.title,
      safe: !!x.safe,
      edits: x.edits.map((e) => ({ ...(e.path ? { path: show(e.path) } : {}), start: e.start, end: e.end, newText: e.newText })),
    }));
  }
  return o;
}

/** The indent of a file's fields in the `analyze --json` document: `{ "files": [ { here } ] }`. */
const FILE_FIELD_INDENT = ' '.repeat(6);

/**
 * The `analyze --json` document (spec §5). The parts of a spilled article (`spillArticle`) are
 * streamed back from its temporary file as they are written.
 */
export function analyzeJson(project: ReportInput, reports: FileReport[]): unknown {
  const byFile = new Map(project.articles.map((a) => [a.file, a]));
  return {
    files: new LazyArray(reports, (r: FileReport) => {
      const a = byFile.get(r.file);
      const s = a?.spilled;
      return {
        path: displayPath(project.cwd, r.file),
        publicationDate: a?.publicationDate ?? null,
        // Made while written (`writeJson`): a large article's mentions never exist twice.
        entities: s ? spilledJson(s.file, { start: s.start, bytes: s.entities }) : a ? new LazyArray(a.entities, jsonEntity) : [],
        dates: s ? spilledJson(s.file, { start: s.start + s.entities, bytes: s.dates }) : a ? lazyDates(a.dates, a.creationTime) : [],
        diagnostics: s && s.findings >= 0
          ? new LazyArray(spilledFindings(s, r.workspaceFindings?.() ?? r.findings), (f: Finding | RenderedFinding) => (f instanceof RenderedFinding ? rawDiagnostic(f.json) : diagnosticJson(f, project.cwd)))
          : checkDiagnostics(r, a, project.cwd),
      };
    }),
  };
}

/**
 * Writes an article's parts of `analyze --json` that no other article changes (entities, dates,
 * its own findings) to `file` and empties them in `a`, so a run over a corpus holds one article's
 * mentions at a time, not the corpus's (#14 item 5). The entities and dates are written as
 * `analyzeJson` would write them; the findings as plain JSON, merged with the cross-article ones
 * when the document is written.
 */
export function spillArticle(a: ReportedArticle, file: SpillFile): void {
  // Each item's text as `writeJson` writes it at ITEM_INDENT, made without the object.
  const entities = spillItems(file, a.entities, entityFields);
  const { dates: all, mark } = datesOf(a.dates, a.creationTime);
  const dates = spillItems(file, all, (d, w) => dateFields(d, mark, w));
  // Its own findings are in order (finalizeFindings), so they can be merged one at a time when
  // written.
  let findings = -1;
  const rendered = a.findingsJson !== undefined;
  if (a.findings.every((f, i) => i === 0 || findingOrder(a.findings[i - 1], f) <= 0)) {
    findings = (a.findingsJson ? spillRendered(file, a.findings, a.findingsJson) : spillFindings(file, a.findings)).bytes;
    a.findings = NONE;
    a.findingsJson = undefined;
  }
  a.spilled = { file, start: entities.start, entities: entities.bytes, dates: dates.bytes, findings, rendered };
  a.entities = NONE;
  a.dates = NONE;
  a.creationTime = null;
}

/** The empty parts of every spilled article (one frozen array, not three per article). */
const NONE = Object.freeze([]) as unknown as never[];

/** The indent of an item of a file's `entities` and `dates` in `analyze --json`. */
const ITEM_INDENT = `${FILE_FIELD_INDENT}  `;

/**
 * Writes `items` to `file` as `writeJson` writes an array of them at `FILE_FIELD_INDENT`, each
 * item's fields put by `fields` into the bytes of the file (`ByteFieldWriter`) in one pass: no
 * object or string per item, no native serializer and second pass to re-indent it (the spill of
 * `analyze --json` writes every mention of the corpus).
 */
const FIRST_ITEM = `[\n${ITEM_INDENT}`;
const NEXT_ITEM = `,\n${ITEM_INDENT}`;
const LAST_ITEM = `\n${FILE_FIELD_INDENT}]`;
/** The spill's writer, kept from article to article (its buffer and its keys' bytes). */
const spillWriter = new ByteFieldWriter(ITEM_INDENT);

function spillItems<T>(file: SpillFile, items: readonly T[], fields: (x: T, f: Fields) => void): Segment {
  const w = spillWriter;
  w.n = 0;
  return file.segmentBytes((sink) => {
    if (!items.length) w.ascii('[]');
    else {
      for (let k = 0; k < items.length; k++) {
        w.ascii(k ? NEXT_ITEM : FIRST_ITEM);
        w.open();
        fields(items[k], w);
        w.close();
        if (w.n >= 1 << 16) w.drain(sink);
      }
      w.ascii(LAST_ITEM);
    }
    w.drain(sink);
  });
}

/**
 * Where the fields of a mention are put: an object (`ObjectFields`, for `jsonEntities`,
 * `jsonDates` and the in-memory document) or the item's text in the document (`ByteFieldWriter`, for
 * the spill). `entityFields` and `dateFields` are the one list of each kind's fields, so the two
 * forms cannot drift apart.
 */
interface Fields {
  put(key: string, value: unknown): void;
}

class ObjectFields implements Fields {
  readonly o: Record<string, unknown> = {};
  put(key: string, value: unknown): void {
    this.o[key] = value;
  }
}


function spilledJson(file: SpillFile, seg: Segment): RawJson {
  return new RawJson(FILE_FIELD_INDENT, (out) => file.read(seg, out), (out) => file.readBytes(seg, out));
}

/** One finding a line (JSON text has no raw line break), never one string for all: a big article has hundreds of thousands. */
function spillFindings(file: SpillFile, findings: readonly Finding[]): Segment {
  return file.segment((w) => {
    let buf = '';
    for (const f of findings) {
      buf += `${JSON.stringify(f)}\n`;
      if (buf.length >= 1 << 16) {
        w(buf);
        buf = '';
      }
    }
    if (buf) w(buf);
  });
}

/**
 * Findings already written as the document has them (`renderFindings`, `findingsJson`): each one's
 * place and code (what merging reads), then its text, ended by a NUL, which JSON text never holds
 * unescaped. Read back, they are copied as they are: not parsed and written again.
 */
function spillRendered(file: SpillFile, findings: readonly Finding[], texts: RenderedFindings): Segment {
  // The spill's writer: the article's mentions are written (and drained) by now.
  const w = spillWriter;
  w.n = 0;
  return file.segmentBytes((sink) => {
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k];
      offsetText(w, f.start);
      w.ascii(',');
      offsetText(w, f.end);
      w.ascii(',');
      w.string(f.code);
      w.ascii('\u0001');
      w.copy(texts.bytes, k ? texts.ends[k - 1] : 0, texts.ends[k]);
      w.ascii('\u0000');
      if (w.n >= 1 << 16) w.drain(sink);
    }
    w.drain(sink);
  });
}

/** `${v}`: what `RenderedFinding.of` reads back with `Number`. */
function offsetText(w: ByteFieldWriter, v: number): void {
  if (typeof v === 'number' && Number.isFinite(v)) w.number(v);
  else w.text(String(v));
}

/** A finding of `spillRendered` read back: its place and code, and its text in the document. */
class RenderedFinding implements Placed {
  constructor(readonly start: number, readonly end: number, readonly code: Finding['code'], readonly json: string) {}

  static of(record: string): RenderedFinding {
    const a = record.indexOf(',');
    const b = record.indexOf(',', a + 1);
    const c = record.indexOf('\u0001', b + 1);
    return new RenderedFinding(Number(record.slice(0, a)), Number(record.slice(a + 1, b)), JSON.parse(record.slice(b + 1, c)) as Finding['code'], record.slice(c + 1));
  }
}

/** A spilled article's own findings, read back one at a time, with `ws` (sorted) merged in. */
function spilledFindings(s: SpilledParts, ws: readonly Finding[]): Iterable<Finding | RenderedFinding> {
  const seg = { start: s.start + s.entities + s.dates, bytes: s.findings };
  const own = s.rendered
    ? { *[Symbol.iterator](): Generator<RenderedFinding> {
      for (const record of s.file.lines(seg, '\u0000')) yield RenderedFinding.of(record);
    } }
    : { *[Symbol.iterator](): Generator<Finding> {
      for (const line of s.file.lines(seg)) yield JSON.parse(line) as Finding;
    } };
  return { [Symbol.iterator]: () => mergeInOrder<Placed>(own, ws) as Generator<Finding | RenderedFinding> };
}

/** The entity mentions of one article (spec §5). */
export function jsonEntities(a: ArticleAnalysis): Record<string, unknown>[] {
  return a.entities.map(jsonEntity);
}

function jsonEntity(m: EntityMention): Record<string, unknown> {
  const f = new ObjectFields();
  entityFields(m, f);
  return f.o;
}

/** The fields of an entity mention (spec §5), in their order. */
function entityFields(m: EntityMention, f: Fields): void {
  f.put('start', m.start);
  f.put('end', m.end);
  f.put('text', m.text);
  f.put('type', m.type);
  f.put('id', m.id);
  f.put('candidates', m.candidates);
  if (m.office) f.put('office', m.office);
  if (m.form === 'unknown' && m.guessedType) f.put('guessedType', m.guessedType);
  if (m.form === 'unknown' && m.confidence !== undefined) f.put('confidence', m.confidence);
  if (m.annotation) f.put('annotation', m.annotation);
  if (m.nested) f.put('nested', true);
}

/**
 * The dates of one article (spec §5 and §5a): the fields of §5 first, then the TIMEX3 type
 * (DATE when the recognizer gives none), the modifier and interval when set, the anchor, and
 * `"function": "CREATION_TIME"` on the publication date written in the dateline (added as an
 * entry of its own if the recognizer did not report it).
 */
export function jsonDates(a: ArticleAnalysis): Record<string, unknown>[] {
  return lazyDates(a.dates, creationTime(a.article, a.dates)).toJSON();
}

/** `jsonDates` from the dates and the creation time (`creationTime`) of an article, each date's JSON made when written. */
function lazyDates(all: readonly DateMention[], dct: DateMention | null): LazyArray<DateMention, Record<string, unknown>> {
  const { dates, mark } = datesOf(all, dct);
  return new LazyArray(dates, (d) => {
    const f = new ObjectFields();
    dateFields(d, mark, f);
    return f.o;
  });
}

/** The fields of a date (`mark`: the creation time), in their order. */
function dateFields(d: DateMention, mark: DateMention | null, f: Fields): void {
  f.put('start', d.start);
  f.put('end', d.end);
  f.put('text', d.text);
  f.put('value', d.value);
  f.put('kind', d.kind);
  if (d.annotation) f.put('annotation', d.annotation);
  f.put('type', timexType(d));
  if (d.mod) f.put('mod', d.mod);
  f.put('anchor', dateAnchor(d));
  if (d.range) f.put('range', d.range);
  if (d.quant) f.put('quant', d.quant);
  if (d.freq) f.put('freq', d.freq);
  if (d.uncertain) f.put('uncertain', d.uncertain);
  if (d === mark) f.put('function', 'CREATION_TIME');
}

/** The dates of `jsonDates` and the one of them marked as the creation time (`dct`, added when the recognizer did not report it). */
function datesOf(all: readonly DateMention[], dct: DateMention | null): { dates: readonly DateMention[]; mark: DateMention | null } {
  // A creation time found among the dates is that date: compared by place and value, since a
  // report made in a worker thread arrives as a copy.
  const at = dct ? all.findIndex((d) => d.start === dct.start && d.end === dct.end && d.value === dct.value) : -1;
  const mark = at >= 0 ? all[at] : dct;
  return { dates: dct && at < 0 ? [...all, dct].sort((x, y) => x.start - y.start) : all, mark };
}

/** The indent of a diagnostic in the `check --format json` document: `{ "files": [ { "diagnostics": [ here ] } ] }`. */
const CHECK_DIAGNOSTIC_INDENT = ' '.repeat(8);

/**
 * Writes the `check --format json` text of each of the article's own findings (`findingsJson`)
 * where it is analyzed, and keeps of each finding only its code, severity and place (what ordering
 * and the exit status read): with `--jobs` that work is done on the worker threads, and a worker
 * sends one buffer an article instead of its objects.
 */
export function renderFindings(a: ReportedArticle, cwd: string): void {
  const texts: string[] = [];
  const ends = new Uint32Array(a.findings.length);
  let all = '';
  for (let k = 0; k < a.findings.length; k++) {
    const f = a.findings[k];
    let t = findingText(f, cwd, CHECK_DIAGNOSTIC_INDENT);
    if (t === undefined) {
      let s = '';
      writeJson(jsonFinding(f, cwd), (x) => (s += x), CHECK_DIAGNOSTIC_INDENT);
      t = s;
    }
    texts.push(t);
    all += t;
    ends[k] = all.length;
  }
  // One native encoding an article (the concatenations are flattened once, here): the strings die
  // young, and what the run keeps is bytes (`RenderedFindings`).
  if (3 * all.length > encoded.length) encoded = new Uint8Array(Math.max(3 * all.length, 2 * encoded.length));
  const bytes = encoded;
  const n = UTF8_ENCODER.encodeInto(all, bytes).written;
  if (n !== all.length) {
    // Not all ASCII: the ends in bytes, finding by finding.
    let at = 0;
    for (let k = 0; k < texts.length; k++) ends[k] = at += Buffer.byteLength(texts[k]);
  }
  // A copy of its own size (a view of a larger buffer would be cloned whole to the main thread).
  a.findingsJson = { bytes: bytes.slice(0, n), ends };
  a.findings = a.findings.map((f): Finding => ({ code: f.code, severity: f.severity, start: f.start, end: f.end, message: '' }));
}

/**
 * The text of an article's findings in the `check --format json` document (`renderFindings`), as
 * UTF-8: finding k is `bytes[ends[k - 1], ends[k])`. Bytes, not strings: the run keeps them until
 * the report is written, and outside the JavaScript heap they are neither copied by each young
 * collection nor encoded again when written.
 */
export interface RenderedFindings {
  bytes: Uint8Array;
  ends: Uint32Array;
}

const UTF8_DECODER = new TextDecoder();
const UTF8_ENCODER = new TextEncoder();
/** `renderFindings`' buffer, kept from article to article. */
let encoded = new Uint8Array(1 << 16);

/**
 * The text `writeJson(jsonFinding(f, cwd), out, indent)` writes, made in one pass: no object per
 * finding, related place and edit, no second pass to indent the lines. Every finding of a
 * `check --format json` run goes through it. Undefined (the general path then writes it) when a
 * field is not of the type the findings' shape gives it, where `JSON.stringify` would write
 * something else (a property left out, `null` for a number that is not finite).
 */
export function findingText(f: Finding, cwd: string, indent: string): string | undefined {
  if (!isText(f.code) || !isText(f.severity) || !isCount(f.start) || !isCount(f.end) || !isText(f.message)) return undefined;
  const i1 = `${indent}  `;
  const i2 = `${i1}  `;
  const i3 = `${i2}  `;
  let s = `{\n${i1}"code": ${jsonString(f.code)},\n${i1}"severity": ${jsonString(f.severity)},\n${i1}"start": ${f.start},\n${i1}"end": ${f.end},\n${i1}"message": ${jsonString(f.message)}`;
  if (f.related?.length) {
    s += `,\n${i1}"related": [`;
    for (let k = 0; k < f.related.length; k++) {
      const r = f.related[k];
      if (!isText(r.path) || !isCount(r.start) || !isCount(r.end) || !isText(r.message)) return undefined;
      s += `${k ? ',' : ''}\n${i2}{\n${i3}"path": ${jsonString(displayPath(cwd, r.path))},\n${i3}"start": ${r.start},\n${i3}"end": ${r.end},\n${i3}"message": ${jsonString(r.message)}\n${i2}}`;
    }
    s += `\n${i1}]`;
  }
  if (f.fixes?.length) {
    const i4 = `${i3}  `;
    const i5 = `${i4}  `;
    let fixes = '';
    for (const x of f.fixes) {
      if (!x.edits.length) continue;
      if (!isText(x.title)) return undefined;
      fixes += `${fixes ? ',' : ''}\n${i2}{\n${i3}"title": ${jsonString(x.title)},\n${i3}"safe": ${!!x.safe},\n${i3}"edits": [`;
      for (let k = 0; k < x.edits.length; k++) {
        const e = x.edits[k];
        if ((e.path !== undefined && typeof e.path !== 'string') || !isCount(e.start) || !isCount(e.end) || !isText(e.newText)) return undefined;
        const at = e.path ? `\n${i5}"path": ${jsonString(displayPath(cwd, e.path))},` : '';
        fixes += `${k ? ',' : ''}\n${i4}{${at}\n${i5}"start": ${e.start},\n${i5}"end": ${e.end},\n${i5}"newText": ${jsonString(e.newText)}\n${i4}}`;
      }
      fixes += `\n${i3}]\n${i2}}`;
    }
    s += fixes ? `,\n${i1}"fixes": [${fixes}\n${i1}]` : `,\n${i1}"fixes": []`;
  }
  // Not flattened: `renderFindings` encodes an article's findings at once, `writeJson` the
  // document's text some 64 KB at a time.
  return `${s}\n${indent}}`;
}

function isText(x: unknown): x is string {
  return typeof x === 'string';
}

/** A number `JSON.stringify` writes as `String` does (offsets are integers). */
function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * A diagnostic of `analyze --json` or `check --format json` (the same place in both documents),
 * written directly (`findingText`) when it can be.
 */
function diagnosticJson(f: Finding, cwd: string): unknown {
  const s = findingText(f, cwd, CHECK_DIAGNOSTIC_INDENT);
  return s === undefined ? jsonFinding(f, cwd) : rawDiagnostic(s);
}

/** A diagnostic's text (`findingText`) as a part of the document. */
function rawDiagnostic(s: string): RawJson {
  return new RawJson(CHECK_DIAGNOSTIC_INDENT, (out) => out(s));
}

/** Finding k of an article's rendered findings as a part of the document: its bytes copied as they are. */
function renderedDiagnostic(r: RenderedFindings, k: number): RawJson {
  const start = k ? r.ends[k - 1] : 0;
  const end = r.ends[k];
  return new RawJson(CHECK_DIAGNOSTIC_INDENT, (out) => out(UTF8_DECODER.decode(r.bytes.subarray(start, end))), (out) => out(r.bytes, start, end));
}

/** 0, 1, …, n − 1, as often as asked. */
function upTo(n: number): Iterable<number> {
  return {
    *[Symbol.iterator](): Generator<number> {
      for (let k = 0; k < n; k++) yield k;
    },
  };
}

/** `check --format json`: the same per-file shape, diagnostics only. */
export function checkJson(project: ReportInput, reports: FileReport[]): unknown {
  const byFile = new Map(project.articles.map((a) => [a.file, a]));
  // Made while written (`writeJson`), as `analyzeJson`.
  return {
    files: new LazyArray(reports, (r: FileReport) => ({ path: displayPath(project.cwd, r.file), diagnostics: checkDiagnostics(r, r.kind === 'article' ? byFile.get(r.file) : undefined, project.cwd) })),
  };
}

/** A file's diagnostics in `check --format json`; an article's own ones from their text written earlier (`renderFindings`). */
function checkDiagnostics(r: FileReport, a: ReportedArticle | undefined, cwd: string): Iterable<unknown> {
  const json = a?.findingsJson;
  // Cross-article findings (and those of registry files) are written here, directly when they can be.
  const written = (f: Finding): unknown => diagnosticJson(f, cwd);
  if (!json) return new LazyArray(r.findings, written);
  // Without cross-article findings the list is the article's own (`withWorkspace`): in order.
  const raw = (k: number): RawJson => renderedDiagnostic(json, k);
  if (r.findings === a.findings) return new LazyArray(upTo(json.ends.length), raw);
  const own = new Map(a.findings.map((f, i) => [f, i]));
  return new LazyArray(r.findings, (f: Finding) => {
    const i = own.get(f);
    return i === undefined ? written(f) : raw(i);
  });
}

/** Line indexes of the reported files, built once each; related places may point to any of them. */
class Places {
  private readonly indexes = new Map<string, LineIndex>();
  private readonly texts: Map<string, string>;

  constructor(private readonly cwd: string, reports: readonly FileReport[]) {
    this.texts = new Map(reports.map((r) => [r.file, r.text]));
  }

  /** `line:col`, both from 1 (UTF-16 columns, as editors count); empty for a file not reported. */
  at(file: string, offset: number): string {
    let li = this.indexes.get(file);
    const text = this.texts.get(file);
    if (!li && text !== undefined) this.indexes.set(file, (li = new LineIndex(text)));
    if (!li) return '';
    const p = li.position(offset);
    return `${p.line + 1}:${p.character + 1}`;
  }

  /** The compiler-style lines of one file's findings: `path:line:col: severity code: message`, related places indented. */
  findingLines(r: FileReport): string[] {
    const lines: string[] = [];
    const file = displayPath(this.cwd, r.file);
    for (const f of r.findings) {
      lines.push(`${file}:${this.at(r.file, f.start)}: ${f.severity} ${f.code}: ${f.message}`);
      for (const rel of f.related ?? []) {
        const where = this.at(rel.path, rel.start);
        lines.push(`    ${displayPath(this.cwd, rel.path)}${where ? `:${where}` : ''}: ${rel.message}`);
      }
    }
    return lines;
  }
}

function summaryLine(project: ReportInput, reports: readonly FileReport[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  const files = reports.filter((r) => r.kind === 'article').length;
  return `${files} article${files === 1 ? '' : 's'}, ${project.registry.entities.size} registry entities: ` +
    `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ` +
    `${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`;
}

/** `path:line:col: severity code: message`, the format terminals and editors make clickable. */
export function textReport(project: ReportInput, reports: FileReport[]): string {
  const places = new Places(project.cwd, reports);
  const lines = reports.flatMap((r) => places.findingLines(r));
  lines.push(summaryLine(project, reports));
  return lines.join('\n') + '\n';
}

/** Longest text shown in a table cell; longer mentions end with `…`. */
const TABLE_TEXT = 40;

function cell(s: string, width: number): string {
  const one = s.replace(/\s+/g, ' ');
  const cut = one.length > TABLE_TEXT ? `${one.slice(0, TABLE_TEXT - 1)}…` : one;
  return cut.padEnd(width);
}

/** The rows of an article's table, in text order: entities and dates, with what each links to or resolves to. */
function tableRows(a: Pick<ReportedArticle, 'entities' | 'dates'>, places: Places, file: string): string[][] {
  const rows: { start: number; end: number; cells: string[] }[] = [];
  for (const m of a.entities) {
    const linked = m.id
      ? `${m.id}${m.office ? ` (as ${m.office})` : ''}`
      : m.candidates.length
        ? `ambiguous: ${m.candidates.join(', ')}`
        : `not in the registry${m.guessedType ? ` (looks like ${/^[aeiou]/.test(m.guessedType) ? 'an' : 'a'} ${m.guessedType})` : ''}`;
    rows.push({ start: m.start, end: m.end, cells: [m.id || m.candidates.length ? m.type : 'unknown', m.text, places.at(file, m.start), linked] });
  }
  for (const d of a.dates) {
    rows.push({ start: d.start, end: d.end, cells: [`date (${d.kind})`, d.text, places.at(file, d.start), d.value ?? 'unresolved'] });
  }
  rows.sort((x, y) => x.start - y.start || x.end - y.end);
  return rows.map((r) => r.cells);
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.min(TABLE_TEXT, Math.max(h.length, ...rows.map((r) => r[i].replace(/\s+/g, ' ').length))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : cell(c, widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/**
 * `analyze` without `--json`: per article, a header with the publication date, a table of what
 * was recognized (kind, text, line:col, the linked id or the resolved value), then its problems
 * in the `check` format; then the problems of the registry and annotation files, and the summary.
 */
export function analyzeText(project: ReportInput, reports: FileReport[]): string {
  const places = new Places(project.cwd, reports);
  const byFile = new Map(project.articles.map((a) => [a.file, a]));
  const out: string[] = [];
  for (const r of reports) {
    const a = byFile.get(r.file);
    if (!a) {
      if (r.findings.length) out.push(...places.findingLines(r), '');
      continue;
    }
    const published = a.publicationDate ? `published ${a.publicationDate} (${a.publicationDateSource})` : 'no publication date';
    out.push(`${displayPath(project.cwd, r.file)} · ${published}`);
    const rows = tableRows(a, places, r.file);
    if (rows.length) out.push(...table(['kind', 'text', 'at', 'linked id or value'], rows).map((l) => `  ${l}`));
    else out.push('  no entities or dates recognized');
    const problems = places.findingLines(r);
    out.push(r.findings.length ? `  ${r.findings.length} problem${r.findings.length === 1 ? '' : 's'}:` : '  no problems');
    out.push(...problems.map((l) => `  ${l}`), '');
  }
  out.push(summaryLine(project, reports));
  return out.join('\n') + '\n';
}
