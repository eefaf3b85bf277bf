/**
 * `attache timeline --format timelinejs|svg [--registry GLOB]... [--out FILE] [--force]
 * [--today YYYY-MM-DD] [--entity ID] PATH...`: the timeline of the articles (core/timeline.ts)
 * as TimelineJS JSON or as an SVG image (core/timelineExport.ts), on standard output or in FILE.
 * Article paths in the output are relative to the current folder, with line numbers.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { finalizeFindings } from '../core/analyze';
import { isValidDate } from '../core/calendar';
import { LineIndex } from '../core/lines';
import { TimelineData, buildTimeline } from '../core/timeline';
import { timelineJs, timelineSvg } from '../core/timelineExport';
import { writeFileAtomic } from '../node/files';
import { UsageError } from './args';
import { Project } from './project';
import { displayPath } from './report';
import { workspaceFindings } from './workspace';

export const TIMELINE_FORMATS = ['timelinejs', 'svg'];

/** Today in UTC as `YYYY-MM-DD`: where open-ended tenures end unless `--today` says otherwise. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function checkToday(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${value}'`);
  return value;
}

/** The timeline of every article of the project (with the cross-article findings), paths made relative. */
export function projectTimeline(project: Project, today: string, entity?: string): TimelineData {
  const cross = workspaceFindings(project);
  const articles = project.articles.map((a) => ({
    path: a.file,
    analysis: a.analysis,
    findings: finalizeFindings([...a.analysis.findings, ...cross(a.file)], project.settings),
  }));
  const n = project.articles.length;
  const data = buildTimeline({ registry: project.registry, articles, today, ...(entity ? { entity } : {}), ...(entity ? {} : { title: `Timeline of ${n} article${n === 1 ? '' : 's'}` }) });
  const lines = new Map(project.articles.map((a) => [a.file, new LineIndex(a.text)]));
  for (const m of data.markers) {
    const li = lines.get(m.location.path);
    if (li) m.location.range = { start: li.position(m.location.start), end: li.position(m.location.end) };
    m.location.path = displayPath(project.cwd, m.location.path);
  }
  for (const x of [...data.rows, ...data.spans]) x.source.path = displayPath(project.cwd, x.source.path);
  return data;
}

export interface TimelineArgs {
  format: string;
  out?: string;
  force: boolean;
  today?: string;
  entity?: string;
}

export function runTimeline(project: Project, args: TimelineArgs, out: (s: string) => void, err: (s: string) => void): number {
  if (args.entity && !project.registry.entities.has(args.entity)) {
    err(`attache: --entity ${args.entity}: no such entity in the registry\n`);
    return 2;
  }
  const data = projectTimeline(project, args.today ?? utcToday(), args.entity);
  const text = args.format === 'svg' ? timelineSvg(data) : JSON.stringify(timelineJs(data), null, 2) + '\n';
  if (!args.out) {
    out(text);
    return project.errors.length ? 2 : 0;
  }
  const file = path.resolve(project.cwd, args.out);
  const inputs = new Set([...project.articles.flatMap((a) => [a.file, ...(a.sidecar ? [a.sidecar.file] : [])]), ...project.registryFiles].map(real));
  if (inputs.has(real(file))) {
    err(`attache: ${args.out}: is an input of this run; refusing to overwrite it (choose another --out)\n`);
    return 2;
  }
  if (!args.force && fs.existsSync(file)) {
    err(`attache: ${args.out}: already exists; add --force to overwrite it\n`);
    return 2;
  }
  try {
    writeFileAtomic(file, text);
  } catch (e) {
    err(`attache: ${args.out}: cannot write (${e instanceof Error ? e.message : String(e)})\n`);
    return 2;
  }
  err(`attache: wrote the timeline (${data.rows.length} rows, ${data.markers.length} dated mentions, ${data.markers.filter((m) => m.conflict).length} conflicts) to ${args.out}\n`);
  return project.errors.length ? 2 : 0;
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
