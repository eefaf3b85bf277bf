/**
 * `attache export`: mentions, dates and user annotations in formats other tools read.
 *
 * - `jsonl`: one JSON object a line, offsets exactly as `analyze --json` (UTF-16 code units).
 * - `brat`: standoff files for the brat annotation tool: `NAME.txt` (the text) and `NAME.ann`
 *   (T-lines, N-lines for registry ids, `#` AnnotatorNotes), plus an `annotation.conf`. brat
 *   counts offsets in Unicode code points, so offsets are converted.
 * - `w3c`: a W3C Web Annotation collection (JSON-LD) per article, with TextQuoteSelector and
 *   TextPositionSelector (code points, as the W3C model defines them).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateMention, EntityMention } from '../core/types';
import { lowerBound } from '../core/search';
import { Project, LoadedArticle } from './project';
import { displayPath } from './report';

export type ExportFormat = 'jsonl' | 'brat' | 'w3c';

interface Item {
  kind: 'entity' | 'date' | 'note' | 'tag';
  start: number;
  end: number;
  text: string;
  type: string;
  id: string | null;
  value?: string | null;
  annotation?: string;
  body?: string;
  /** An organization or country inside an office mention (issue #17): a span of its own. */
  nested?: boolean;
}

/** Mentions, dates and notes/tags of one article, in text order. */
export function exportItems(a: LoadedArticle): Item[] {
  const items: Item[] = [];
  for (const m of a.analysis.entities) items.push(entityItem(m));
  for (const d of a.analysis.dates) items.push(dateItem(d));
  for (const n of a.analysis.notes ?? []) {
    items.push({ kind: n.kind, start: n.start, end: n.end, text: a.text.slice(n.start, n.end), type: n.kind, id: null, annotation: n.annotation, body: n.body });
  }
  return items.sort((x, y) => x.start - y.start || x.end - y.end);
}

function entityItem(m: EntityMention): Item {
  return { kind: 'entity', start: m.start, end: m.end, text: m.text, type: m.type, id: m.id, ...(m.annotation ? { annotation: m.annotation } : {}), ...(m.nested ? { nested: true } : {}) };
}

function dateItem(d: DateMention): Item {
  return { kind: 'date', start: d.start, end: d.end, text: d.text, type: 'date', id: null, value: d.value, ...(d.annotation ? { annotation: d.annotation } : {}) };
}

export function exportJsonl(project: Project): string {
  return project.articles.map((a) => jsonlOf(project, a)).join('');
}

/** `--format jsonl --out DIR`: one `NAME.jsonl` per article (spec §5a), named as brat names its files. */
export function exportJsonlFiles(project: Project): [string, string][] {
  const used = new Set<string>();
  return project.articles.map((a) => [`${exportName(project, a, used)}.jsonl`, jsonlOf(project, a)]);
}

function jsonlOf(project: Project, a: LoadedArticle): string {
  const lines: string[] = [];
  const article = displayPath(project.cwd, a.file);
  for (const it of exportItems(a)) {
    const o: Record<string, unknown> = { article, start: it.start, end: it.end, text: it.text, type: it.type, id: it.id };
    if (it.kind === 'date') o.value = it.value ?? null;
    if (it.annotation) o.annotation = it.annotation;
    if (it.nested) o.nested = true;
    if (it.body !== undefined) o.body = it.body;
    lines.push(JSON.stringify(o));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A file name for an article's export, unique within one export run. */
function exportName(project: Project, a: LoadedArticle, used: Set<string>): string {
  let name = displayPath(project.cwd, a.file).replace(/^(\.\.\/)+/, '').replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  while (used.has(name)) name += '_';
  used.add(name);
  return name;
}

/** UTF-16 offset → code point offset, for formats that count code points (brat, W3C). */
export function codePointOffsets(text: string): (utf16: number) => number {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) astral.push(++i);
    }
  }
  return (o) => o - lowerBound(astral, o);
}

const BRAT_TYPE: Record<string, string> = {
  person: 'Person', organization: 'Organization', country: 'Country', place: 'Place', office: 'Office', event: 'Event', date: 'Date',
  note: 'Note', tag: 'Tag',
};

/** Files to write for brat: `[relative name, content]`. */
export function exportBrat(project: Project): [string, string][] {
  const files: [string, string][] = [];
  const used = new Set<string>();
  for (const a of project.articles) {
    const name = exportName(project, a, used);
    const cp = codePointOffsets(a.text);
    const ann: string[] = [];
    let t = 0;
    let n = 0;
    let note = 0;
    for (const it of exportItems(a)) {
      // brat spans cannot cross line breaks: split at them into fragments (`start end;start end`).
      const frags: string[] = [];
      const pieces: string[] = [];
      let s = it.start;
      for (let i = it.start; i <= it.end; i++) {
        if (i === it.end || a.text[i] === '\n' || a.text[i] === '\r') {
          if (i > s) {
            frags.push(`${cp(s)} ${cp(i)}`);
            pieces.push(a.text.slice(s, i));
          }
          s = i + 1;
        }
      }
      if (!frags.length) continue;
      const tid = `T${++t}`;
      ann.push(`${tid}\t${BRAT_TYPE[it.type] ?? 'Entity'} ${frags.join(';')}\t${pieces.join(' ')}`);
      if (it.id) ann.push(`N${++n}\tReference ${tid} Attache:${it.id}\t${it.text.replace(/\s+/g, ' ')}`);
      if (it.kind === 'date') ann.push(`#${++note}\tAnnotatorNotes ${tid}\tvalue=${it.value ?? 'unresolved'}`);
      if (it.body) ann.push(`#${++note}\tAnnotatorNotes ${tid}\t${it.body.replace(/\s+/g, ' ')}`);
    }
    files.push([`${name}.txt`, a.text], [`${name}.ann`, ann.length ? ann.join('\n') + '\n' : '']);
  }
  files.push(['annotation.conf', [
    '[entities]', 'Person', 'Organization', 'Country', 'Place', 'Office', 'Event', 'Date', 'Note', 'Tag', '',
    '[relations]', '', '[events]', '', '[attributes]', '',
  ].join('\n')]);
  return files;
}

/** One W3C annotation collection per article. */
export function exportW3c(project: Project): [string, unknown][] {
  return project.articles.map((a) => {
    const source = pathToFileURL(a.file).href;
    const cp = codePointOffsets(a.text);
    const items = exportItems(a).map((it, i) => {
      const body: Record<string, unknown>[] = [];
      if (it.id) body.push({ type: 'SpecificResource', purpose: 'identifying', source: `urn:attache:entity:${it.id}` });
      if (it.kind === 'entity' || it.kind === 'date') body.push({ type: 'TextualBody', purpose: 'classifying', value: it.type });
      if (it.kind === 'date' && it.value) body.push({ type: 'TextualBody', purpose: 'describing', value: it.value, format: 'text/plain' });
      if (it.body !== undefined) body.push({ type: 'TextualBody', purpose: it.kind === 'tag' ? 'tagging' : 'commenting', value: it.body });
      return {
        id: `${source}#annotation-${i + 1}`,
        type: 'Annotation',
        motivation: it.kind === 'note' ? 'commenting' : it.kind === 'tag' ? 'tagging' : 'identifying',
        ...(it.annotation ? { 'dcterms:source': `annotation:${it.annotation}` } : {}),
        body,
        target: {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: it.text, prefix: a.text.slice(Math.max(0, it.start - 32), it.start), suffix: a.text.slice(it.end, it.end + 32) },
            { type: 'TextPositionSelector', start: cp(it.start), end: cp(it.end) },
          ],
        },
      };
    });
    const doc = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${source}#annotations`,
      type: 'AnnotationCollection',
      label: `Attaché annotations of ${displayPath(project.cwd, a.file)}`,
      total: items.length,
      first: { id: `${source}#annotations-page-1`, type: 'AnnotationPage', startIndex: 0, items },
    };
    return [displayPath(project.cwd, a.file).replace(/^(\.\.\/)+/, '').replace(/[^A-Za-z0-9._-]+/g, '_') + '.jsonld', doc];
  });
}

/** Writes export files under `out`, creating it; returns the written paths. */
export function writeExport(out: string, files: [string, string][]): string[] {
  fs.mkdirSync(out, { recursive: true });
  return files.map(([name, content]) => {
    const p = path.join(out, name);
    fs.writeFileSync(p, content);
    return p;
  });
}
