/**
 * The CLI's output documents: the `analyze --json` shape of spec §5 (the contract scripts rely on),
 * the compiler-style text report, and the diagnostics of every file (articles and registry files)
 * in one list for `check`.
 */

import * as path from 'node:path';
import { ArticleAnalysis } from '../core/analyze';
import { creationTime, dateAnchor, timexType } from '../core/dateInfo';
import { LineIndex } from '../core/lines';
import { Finding, Severity } from '../core/types';
import { Project } from './project';

/** One file's diagnostics, in the order files are reported. */
export interface FileReport {
  /** Absolute path. */
  file: string;
  text: string;
  kind: 'article' | 'registry' | 'annotations';
  findings: Finding[];
}

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** Articles first (in path order), then registry files; workspace findings merged in. */
export function fileReports(project: Project, workspaceFindings: (file: string) => Finding[] = () => []): FileReport[] {
  const out: FileReport[] = [];
  for (const a of project.articles) {
    const findings = [...a.analysis.findings, ...workspaceFindings(a.file)].sort((x, y) => x.start - y.start || x.end - y.end || x.code.localeCompare(y.code));
    out.push({ file: a.file, text: a.text, kind: 'article', findings });
    if (a.sidecar) out.push({ file: a.sidecar.file, text: a.sidecar.text, kind: 'annotations', findings: a.analysis.annotationFindings ?? [] });
  }
  for (const f of project.registry.files.values()) {
    out.push({ file: f.path, text: f.text, kind: 'registry', findings: f.findings });
  }
  return out;
}

function jsonFinding(f: Finding, cwd: string): Record<string, unknown> {
  const o: Record<string, unknown> = { code: f.code, severity: f.severity, start: f.start, end: f.end, message: f.message };
  if (f.related?.length) {
    o.related = f.related.map((r) => ({ path: displayPath(cwd, r.path), start: r.start, end: r.end, message: r.message }));
  }
  if (f.fixes?.length) {
    o.fixes = f.fixes.filter((x) => x.edits.length).map((x) => ({
      title: x.title,
      safe: !!x.safe,
      edits: x.edits.map((e) => ({ ...(e.path ? { path: displayPath(cwd, e.path) } : {}), start: e.start, end: e.end, newText: e.newText })),
    }));
  }
  return o;
}

/** The `analyze --json` document (spec §5). */
export function analyzeJson(project: Project, reports: FileReport[]): unknown {
  const byFile = new Map(project.articles.map((a) => [a.file, a]));
  return {
    files: reports.map((r) => {
      const a = byFile.get(r.file);
      return {
        path: displayPath(project.cwd, r.file),
        publicationDate: a?.analysis.article.publicationDate ?? null,
        entities: (a?.analysis.entities ?? []).map((m) => {
          const o: Record<string, unknown> = { start: m.start, end: m.end, text: m.text, type: m.type, id: m.id, candidates: m.candidates };
          if (m.office) o.office = m.office;
          if (m.form === 'unknown' && m.guessedType) o.guessedType = m.guessedType;
          if (m.annotation) o.annotation = m.annotation;
          return o;
        }),
        dates: a ? jsonDates(a.analysis) : [],
        diagnostics: r.findings.map((f) => jsonFinding(f, project.cwd)),
      };
    }),
  };
}

/**
 * The dates of one article (spec §5 and §5a): the fields of §5 first, then the TIMEX3 type
 * (DATE when the recognizer gives none), the modifier and interval when set, the anchor, and
 * `"function": "CREATION_TIME"` on the publication date written in the dateline (added as an
 * entry of its own if the recognizer did not report it).
 */
export function jsonDates(a: ArticleAnalysis): Record<string, unknown>[] {
  const dct = creationTime(a.article, a.dates);
  const dates = dct && !a.dates.includes(dct) ? [...a.dates, dct].sort((x, y) => x.start - y.start) : a.dates;
  return dates.map((d) => {
    const o: Record<string, unknown> = { start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind };
    if (d.annotation) o.annotation = d.annotation;
    o.type = timexType(d);
    if (d.mod) o.mod = d.mod;
    o.anchor = dateAnchor(d);
    if (d.range) o.range = d.range;
    if (d.quant) o.quant = d.quant;
    if (d.freq) o.freq = d.freq;
    if (d.uncertain) o.uncertain = d.uncertain;
    if (d === dct) o.function = 'CREATION_TIME';
    return o;
  });
}

/** `check --format json`: the same per-file shape, diagnostics only. */
export function checkJson(project: Project, reports: FileReport[]): unknown {
  return {
    files: reports.map((r) => ({ path: displayPath(project.cwd, r.file), diagnostics: r.findings.map((f) => jsonFinding(f, project.cwd)) })),
  };
}

/** `path:line:col: severity code: message`, the format terminals and editors make clickable. */
export function textReport(project: Project, reports: FileReport[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const indexes = new Map<string, LineIndex>();
  const lineIndex = (file: string, text?: string): LineIndex | undefined => {
    let li = indexes.get(file);
    if (!li && text !== undefined) indexes.set(file, (li = new LineIndex(text)));
    return li;
  };
  const textOf = new Map(reports.map((r) => [r.file, r.text]));
  for (const r of reports) {
    const li = lineIndex(r.file, r.text)!;
    for (const f of r.findings) {
      counts[f.severity]++;
      const p = li.position(f.start);
      lines.push(`${displayPath(project.cwd, r.file)}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code}: ${f.message}`);
      for (const rel of f.related ?? []) {
        const rli = lineIndex(rel.path, textOf.get(rel.path));
        const where = rli ? `:${rli.position(rel.start).line + 1}:${rli.position(rel.start).character + 1}` : '';
        lines.push(`    ${displayPath(project.cwd, rel.path)}${where}: ${rel.message}`);
      }
    }
  }
  const files = reports.filter((r) => r.kind === 'article').length;
  lines.push(
    `${files} article${files === 1 ? '' : 's'}, ${project.registry.entities.size} registry entities: ` +
      `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ` +
      `${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`,
  );
  return lines.join('\n') + '\n';
}
