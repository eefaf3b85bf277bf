/**
 * Timeline data: who held which office when, when each event happened, and what the articles
 * claim, on one time axis. The core computes it; the webview, the SVG and the TimelineJS export
 * only draw it (`timelineExport.ts`).
 *
 * - A row per office involved: its holders' tenures from the registry as bars (an open-ended
 *   tenure runs to `today`), labelled with the holder.
 * - A row per event involved: its registry date as a point (a day) or a span (a month, a range).
 * - A marker per dated mention: a person named with an office, an office, an event, at the date
 *   the sentence refers to (`reference.ts` for people and offices; for an event the date of its
 *   sentence that agrees with the registry, else the nearest one, as `event-date-conflict` reads it).
 * - Every `role-conflict` and `event-date-conflict` of the articles flags its mention's marker with
 *   the finding's message: for a role conflict the marker lies outside the holder's bars, which is
 *   the point of the picture.
 *
 * Partial dates (a year, a month, a decade, a range) are spans: `start` and `end` are the first
 * and last day (ISO `YYYY-MM-DD`, both inclusive), `value` keeps the value as written.
 * Pure: a registry snapshot and analyses in, plain data out.
 */

import { ArticleAnalysis } from './analyze';
import { dayInterval, formatYMD, fromDayNumber } from './calendar';
import { eventDateClaims, valuesOverlap } from './checks/event-date-conflict';
import { tenureInterval } from './checks/role-conflict';
import { sentenceAt } from './checks/text';
import { referenceDate } from './reference';
import { DateMention, DiagnosticCode, Entity, EntityMention, Finding, RegistrySnapshot, Severity } from './types';

/** A place in a file: offsets (the core); the server adds the LSP range. */
export interface TimelineLocation {
  /** File path (CLI) or URI (server). */
  path: string;
  start: number;
  end: number;
  /** Filled in by the server: the same place as an LSP range. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export type TimelineRowKind = 'office' | 'event' | 'person';

export interface TimelineRow {
  /** The entity id (an office, an event, or a person's own row for mentions without an office). */
  id: string;
  kind: TimelineRowKind;
  label: string;
  /** The registry entry. */
  source: TimelineLocation;
}

/** A tenure (a bar) or an event's registry date (a point or a span). */
export interface TimelineSpan {
  kind: 'tenure' | 'event';
  row: string;
  /** The holder of a tenure, the event itself for an event. */
  entity: string;
  label: string;
  /** First and last day, inclusive (`YYYY-MM-DD`). */
  start: string;
  end: string;
  /** The dates as the registry writes them (`2017-11`, `2022-06-28/2022-06-30`); undefined when absent. */
  startValue?: string;
  endValue?: string;
  /** A tenure still held: drawn up to `today`. */
  openEnd?: boolean;
  /** A tenure without a start date: drawn from the timeline's first day. */
  openStart?: boolean;
  /** The registry entry (the role mapping for a tenure). */
  source: TimelineLocation;
}

export interface TimelineConflict {
  code: Extract<DiagnosticCode, 'role-conflict' | 'event-date-conflict'>;
  severity: Severity;
  message: string;
}

/** A dated mention in an article. */
export interface TimelineMarker {
  row: string;
  /** Who or what is mentioned (the person for a person with an office). */
  entity: string;
  label: string;
  /** The date the sentence refers to: first and last day, and the value. */
  start: string;
  end: string;
  value: string;
  /** Where the date comes from (`reference.ts`), or `event` for an event's sentence date. */
  dateSource: 'sentence' | 'paragraph' | 'publication' | 'event';
  /** The mention (with its title), in its article. */
  location: TimelineLocation;
  /** The sentence, for the tooltip and the list. */
  quote: string;
  conflict?: TimelineConflict;
}

export interface TimelineData {
  title: string;
  today: string;
  rows: TimelineRow[];
  spans: TimelineSpan[];
  markers: TimelineMarker[];
  /** First and last day of everything drawn (today when there is nothing). */
  start: string;
  end: string;
}

export interface TimelineArticle {
  path: string;
  analysis: ArticleAnalysis;
  /** The findings to draw (with cross-article ones, severities applied); the analysis's own by default. */
  findings?: readonly Finding[];
}

export interface TimelineOptions {
  registry: RegistrySnapshot;
  articles: readonly TimelineArticle[];
  /** `YYYY-MM-DD`: where open-ended tenures end. */
  today: string;
  /** An entity timeline: only this person's roles (or this office's, this event's row) and its mentions. */
  entity?: string;
  /** Rows to show even when no article mentions them (entity ids of offices or events). */
  include?: readonly string[];
  title?: string;
}

const iso = (day: number): string => formatYMD(fromDayNumber(day));

/** The spans a value covers, or null when it has no days. */
function daysOf(value: string): { start: string; end: string } | null {
  const i = dayInterval(value);
  return i ? { start: iso(i[0]), end: iso(i[1]) } : null;
}

export function buildTimeline(opts: TimelineOptions): TimelineData {
  const { registry } = opts;
  const focus = opts.entity ? registry.entities.get(opts.entity) : undefined;
  const markers: TimelineMarker[] = [];
  const personRow = focus?.type === 'person' ? focus.id : undefined;
  for (const a of opts.articles) markers.push(...articleMarkers(registry, a, personRow));
  const shown = focus ? markers.filter((m) => m.entity === focus.id || m.row === focus.id) : markers;

  // Rows: what the markers concern, what the caller asks for, and an entity's own rows.
  const rowIds: string[] = [];
  const addRow = (id: string): void => {
    if (!rowIds.includes(id)) rowIds.push(id);
  };
  if (focus?.type === 'person') for (const r of focus.roles) if (r.office && registry.entities.has(r.office)) addRow(r.office);
  if (focus && focus.type !== 'person') addRow(focus.id);
  for (const id of opts.include ?? []) if (registry.entities.has(id)) addRow(id);
  for (const m of shown) addRow(m.row);

  const rows: TimelineRow[] = [];
  const spans: TimelineSpan[] = [];
  for (const id of rowIds) {
    const e = registry.entities.get(id);
    if (!e) continue;
    rows.push({ id, kind: e.type === 'event' ? 'event' : e.type === 'office' ? 'office' : 'person', label: e.name, source: entityLocation(e) });
    if (e.type === 'office') spans.push(...tenures(registry, e, opts.today, focus?.type === 'person' ? focus.id : undefined));
    if (e.type === 'event' && e.date) {
      const d = daysOf(e.date);
      if (d) {
        const [a, b] = e.date.split('/');
        spans.push({ kind: 'event', row: id, entity: id, label: e.name, ...d, startValue: a, ...(b ? { endValue: b } : {}), source: entityLocation(e) });
      }
    }
  }
  sortRows(rows, spans);

  const days = [...spans.filter((s) => !s.openStart).flatMap((s) => [s.start, s.end]), ...shown.flatMap((m) => [m.start, m.end])].sort();
  const start = days[0] ?? opts.today;
  const end = days[days.length - 1] ?? opts.today;
  for (const s of spans) if (s.openStart) s.start = start < s.end ? start : s.end;
  const title = opts.title ?? (focus ? `Timeline of ${focus.name}` : 'Timeline');
  return { title, today: opts.today, rows, spans, markers: shown.sort(byStart), start, end };
}

const byStart = (a: { start: string; end: string }, b: { start: string; end: string }): number =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0;

/** Offices first, then people, then events; within each, by their first day. */
function sortRows(rows: TimelineRow[], spans: TimelineSpan[]): void {
  const first = new Map<string, string>();
  for (const s of spans) if (!s.openStart && (!first.has(s.row) || s.start < first.get(s.row)!)) first.set(s.row, s.start);
  const kindOrder: Record<TimelineRowKind, number> = { office: 0, person: 1, event: 2 };
  rows.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (first.get(a.id) ?? '9999').localeCompare(first.get(b.id) ?? '9999') || a.label.localeCompare(b.label));
}

function entityLocation(e: Entity): TimelineLocation {
  return { path: e.source.path, start: e.source.range[0], end: e.source.range[1] };
}

/** The tenures of an office (of one person only, for a person's timeline), open ends to `today`. */
function tenures(registry: RegistrySnapshot, office: Entity, today: string, only?: string): TimelineSpan[] {
  const out: TimelineSpan[] = [];
  for (const p of registry.entities.values()) {
    if (p.type !== 'person' || (only && p.id !== only)) continue;
    for (const role of p.roles) {
      if (role.office !== office.id) continue;
      const i = tenureInterval(role);
      if (!i) continue;
      const openEnd = i[1] === Infinity;
      const endDay = openEnd ? dayInterval(today)![1] : i[1];
      out.push({
        kind: 'tenure', row: office.id, entity: p.id, label: p.name,
        start: i[0] === -Infinity ? iso(endDay) : iso(i[0]), end: iso(endDay),
        ...(role.start ? { startValue: role.start } : { openStart: true }),
        ...(role.end ? { endValue: role.end } : {}),
        ...(openEnd ? { openEnd: true } : {}),
        source: { path: p.source.path, start: role.range[0], end: role.range[1] },
      });
    }
  }
  return out.sort(byStart);
}

/**
 * The dated mentions of one article, flagged with its role and event-date conflicts. Mentions of
 * `personRow` named without an office go on that person's own row (an entity timeline).
 */
function articleMarkers(registry: RegistrySnapshot, a: TimelineArticle, personRow?: string): TimelineMarker[] {
  const { article, entities, dates } = a.analysis;
  const findings = a.findings ?? a.analysis.findings;
  const roleFindings = new Map<string, Finding>();
  for (const f of findings) if (f.code === 'role-conflict') roleFindings.set(`${f.start}:${f.end}`, f);
  const eventFindings = findings.filter((f) => f.code === 'event-date-conflict');
  const quote = (offset: number): string => {
    const s = sentenceAt(article, offset);
    const t = s ? article.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim() : '';
    return t.length > 240 ? `${t.slice(0, 239)}…` : t;
  };
  const out: TimelineMarker[] = [];
  // An office named as a person's title is drawn once, with the person.
  const titles = new Set(entities.filter((m) => m.officeRange).map((m) => m.officeRange!.join(':')));

  for (const m of entities) {
    if (!m.id || (m.type !== 'person' && m.type !== 'office')) continue;
    if (m.type === 'office' && titles.has(`${m.start}:${m.end}`)) continue;
    const row = m.type === 'office' ? m.id : m.office ?? (m.id === personRow ? m.id : undefined);
    if (!row || !registry.entities.has(row)) continue;
    const entity = registry.entities.get(m.id);
    if (!entity) continue;
    const start = m.officeRange ? Math.min(m.start, m.officeRange[0]) : m.start;
    const end = m.officeRange ? Math.max(m.end, m.officeRange[1]) : m.end;
    const ref = referenceDate(article, dates, start, end);
    const days = ref.value ? daysOf(ref.value) : null;
    if (!ref.value || !days || ref.source === 'none') continue;
    const f = roleFindings.get(`${start}:${end}`);
    out.push({
      row, entity: m.id, label: markerLabel(registry, m, entity),
      ...days, value: ref.value, dateSource: ref.source,
      location: { path: a.path, start, end }, quote: quote(start),
      ...(f ? { conflict: conflictOf(f) } : {}),
    });
  }

  for (const claim of eventDateClaims(article, entities, dates, a.analysis.memo)) {
    const event = registry.entities.get(claim.event);
    if (!event) continue;
    const sentence = sentenceAt(article, claim.mention.start);
    // A conflict found on a date of this sentence decides the date; else one that agrees with the
    // registry; else the nearest.
    const f = sentence && eventFindings.find((x) => x.start >= sentence.start && x.end <= sentence.end);
    const d: DateMention = (f && claim.dates.find((x) => x.start === f.start)) || (event.date ? claim.dates.find((x) => valuesOverlap(x.value!, event.date!)) : undefined) || claim.dates[0];
    const days = daysOf(d.value!);
    if (!days) continue;
    out.push({
      row: event.id, entity: event.id, label: `${event.name} ('${d.text}')`,
      ...days, value: d.value!, dateSource: 'event',
      location: { path: a.path, start: claim.mention.start, end: claim.mention.end }, quote: quote(claim.mention.start),
      ...(f ? { conflict: conflictOf(f) } : {}),
    });
  }
  return out;
}

function markerLabel(registry: RegistrySnapshot, m: EntityMention, entity: Entity): string {
  if (m.type === 'office') return entity.name;
  const office = m.office ? registry.entities.get(m.office) : undefined;
  return office ? `${entity.name} as ${office.name}` : entity.name;
}

function conflictOf(f: Finding): TimelineConflict {
  return { code: f.code as TimelineConflict['code'], severity: f.severity, message: f.message };
}
