/**
 * Timeline data (`timeline.ts`) as files for a report: TimelineJS JSON (Knight Lab's documented
 * format: `events` with `start_date {year, month, day}`, `end_date`, `text {headline, text}`,
 * `group`) and a standalone SVG image. The CLI (`attache timeline`) and the editor's export
 * buttons both call these, so the two give the same files. Pure: data in, text out.
 *
 * The SVG is drawn by hand (a linear day scale and calendar ticks): the data is already laid out
 * in rows, and a few rectangles need no library in the core. Colours are fixed (a report has no
 * editor theme); a conflict is drawn in a warning orange with a dark outline, so it stays
 * distinct in greyscale, and carries its message as a `<title>` (a tooltip in browsers).
 */

import { MONTHS, dayInterval, fromDayNumber, toDayNumber } from './calendar';
import { TimelineData, TimelineLocation, TimelineMarker, TimelineSpan } from './timeline';

/** TimelineJS date: year required, month and day when the value has them. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineJsEvent {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
  display_date?: string;
}

export interface TimelineJsDocument {
  title: { text: { headline: string; text: string } };
  events: TimelineJsEvent[];
}

/** A location as people read it: `articles/x.article:6` (the line when the caller filled in `range`). */
export function placeText(l: TimelineLocation): string {
  return l.range ? `${l.path}:${l.range.start.line + 1}` : l.path;
}

/** Values TimelineJS can say with its own precision (a year, a month, a day). */
const PLAIN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The value's own precision: `2025-01` → year and month; anything else → the given day. */
function jsDate(value: string | undefined, fallbackDay: string): TimelineJsDate {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  const parts = m ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(fallbackDay)!;
  const out: TimelineJsDate = { year: Number(parts[1]) };
  if (parts[2]) out.month = Number(parts[2]);
  if (parts[3]) out.day = Number(parts[3]);
  return out;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function timelineJs(data: TimelineData): TimelineJsDocument {
  const rowLabel = new Map(data.rows.map((r) => [r.id, r.label]));
  const events: TimelineJsEvent[] = [];
  let n = 0;
  for (const s of data.spans) {
    const group = rowLabel.get(s.row) ?? s.row;
    events.push({
      start_date: jsDate(s.startValue, s.start),
      ...(spanEnd(s) ?? {}),
      text: { headline: s.kind === 'tenure' ? `${s.label}: ${group}` : s.label, text: escapeHtml(spanText(s)) },
      group,
      unique_id: `${s.kind}-${++n}`,
    });
  }
  for (const m of data.markers) {
    const parts = [escapeHtml(`“${m.quote}”`), escapeHtml(placeText(m.location))];
    if (m.conflict) parts.unshift(`<strong>${escapeHtml(m.conflict.code)}</strong>: ${escapeHtml(m.conflict.message)}`);
    const whole = PLAIN.test(m.value);
    events.push({
      start_date: jsDate(m.value, m.start),
      ...(whole ? {} : { end_date: jsDate(undefined, m.end) }),
      text: { headline: `${m.conflict ? '⚠ ' : ''}${m.label}`, text: parts.join('<br>') },
      group: rowLabel.get(m.row) ?? m.row,
      unique_id: `mention-${++n}`,
      display_date: m.value,
    });
  }
  return {
    title: { text: { headline: data.title, text: escapeHtml(`${data.rows.length} rows, ${data.markers.length} dated mentions, ${data.markers.filter((m) => m.conflict).length} conflicts; open-ended tenures drawn to ${data.today}.`) } },
    events,
  };
}

/** A tenure's end (today when open); an event's end when it is a range, or a value TimelineJS cannot say alone. */
function spanEnd(s: TimelineSpan): { end_date: TimelineJsDate } | undefined {
  if (s.kind === 'tenure') return { end_date: jsDate(s.openEnd ? undefined : s.endValue, s.end) };
  if (s.endValue) return { end_date: jsDate(s.endValue, s.end) };
  return s.startValue && PLAIN.test(s.startValue) ? undefined : { end_date: jsDate(undefined, s.end) };
}

function spanText(s: TimelineSpan): string {
  if (s.kind === 'event') return `Registry date: ${s.endValue ? `${s.startValue} to ${s.endValue}` : s.startValue}`;
  const from = s.startValue ? `from ${s.startValue}` : 'from an unknown date';
  const to = s.openEnd ? 'still in office' : `to ${s.endValue}`;
  return `${from} ${to} (registry)`;
}

// ---------------------------------------------------------------------------------------------
// SVG

export interface SvgOptions {
  /** Width of the chart area (without the row labels), in pixels. */
  width?: number;
  rowHeight?: number;
  labelWidth?: number;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const dayOf = (iso: string): number => dayInterval(iso)![0];

interface Tick {
  day: number;
  label: string;
}

/** Calendar ticks between two day numbers: years (every 1, 2, 5, 10… years), months or days. */
export function calendarTicks(from: number, to: number, max = 12): Tick[] {
  const a = fromDayNumber(from);
  const b = fromDayNumber(to);
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500]) {
    if ((b.y - a.y) / step > max) continue;
    if ((b.y - a.y) / step < 2 && step === 1) break;
    const out: Tick[] = [];
    for (let y = Math.ceil(a.y / step) * step; y <= b.y; y += step) {
      const d = toDayNumber(y, 1, 1);
      if (d >= from && d <= to) out.push({ day: d, label: String(y) });
    }
    return out;
  }
  const months = (b.y - a.y) * 12 + b.m - a.m;
  for (const step of [1, 2, 3, 6]) {
    if (months / step > max || months < 2) continue;
    const out: Tick[] = [];
    for (let i = 0; i <= months + 1; i++) {
      const mm = a.m - 1 + i;
      const y = a.y + Math.floor(mm / 12);
      const m = (mm % 12) + 1;
      if ((m - 1) % step) continue;
      const d = toDayNumber(y, m, 1);
      if (d >= from && d <= to) out.push({ day: d, label: m === 1 ? String(y) : `${MONTHS[m - 1].slice(0, 3)} ${y}` });
    }
    if (out.length >= 2) return out;
  }
  const stepDays = Math.max(1, Math.ceil((to - from) / max));
  const out: Tick[] = [];
  for (let d = from; d <= to; d += stepDays) {
    const v = fromDayNumber(d);
    out.push({ day: d, label: `${v.d} ${MONTHS[v.m - 1].slice(0, 3)} ${v.y}` });
  }
  return out;
}

/** A standalone SVG of the timeline: a row per office or event, bars, event points and markers. */
export function timelineSvg(data: TimelineData, opts: SvgOptions = {}): string {
  const width = opts.width ?? 960;
  const rowH = opts.rowHeight ?? 34;
  const labelW = opts.labelWidth ?? 260;
  const top = 56;
  const height = top + Math.max(1, data.rows.length) * rowH + 40;
  // A little room on both sides, so a marker at the first or last day is not cut in half.
  const from = dayOf(data.start);
  const to = dayOf(data.end);
  const pad = Math.max(15, Math.round((to - from) * 0.03));
  const x0 = from - pad;
  const x1 = to + pad;
  const x = (day: number): number => labelW + ((day - x0) / (x1 - x0)) * width;
  const r2 = (n: number): string => String(Math.round(n * 100) / 100);
  const rowIndex = new Map(data.rows.map((r, i) => [r.id, i]));
  const rowY = (id: string): number => top + (rowIndex.get(id) ?? 0) * rowH;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + width + 20}" height="${height}" viewBox="0 0 ${labelW + width + 20} ${height}" role="img" aria-labelledby="t-title t-desc" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<title id="t-title">${escapeXml(data.title)}</title>`);
  const conflicts = data.markers.filter((m) => m.conflict).length;
  out.push(`<desc id="t-desc">${escapeXml(`${data.rows.length} rows from ${data.start} to ${data.end}; ${data.markers.length} dated mentions, ${conflicts} conflicts. Open-ended tenures are drawn to ${data.today}.`)}</desc>`);
  out.push('<style>.tenure{fill:#8fb3de;stroke:#2f5f98}.tenure.open{fill:url(#open)}.event{fill:#6a4fb3}.mention{fill:#1d6b3a;stroke:#fff}.conflict{fill:#e8860c;stroke:#5a2d00;stroke-width:1.5}.row{fill:none;stroke:#ddd}.tick{stroke:#bbb}.label{fill:#222}.bar-label{fill:#10243f;font-size:11px}.muted{fill:#666}</style>');
  out.push('<defs><linearGradient id="open" x1="0" x2="1"><stop offset="0.7" stop-color="#8fb3de"/><stop offset="1" stop-color="#8fb3de" stop-opacity="0.2"/></linearGradient></defs>');
  out.push(`<rect x="0" y="0" width="${labelW + width + 20}" height="${height}" fill="#fff"/>`);
  out.push(`<text x="10" y="22" font-size="16" font-weight="bold" class="label">${escapeXml(data.title)}</text>`);

  out.push('<g class="axis">');
  for (const t of calendarTicks(x0, x1)) {
    out.push(`<line class="tick" x1="${r2(x(t.day))}" x2="${r2(x(t.day))}" y1="${top - 8}" y2="${height - 30}"/>`);
    out.push(`<text class="muted" x="${r2(x(t.day))}" y="${top - 12}" text-anchor="middle">${escapeXml(t.label)}</text>`);
  }
  const today = dayOf(data.today);
  if (today >= x0 && today <= x1) out.push(`<line x1="${r2(x(today))}" x2="${r2(x(today))}" y1="${top - 8}" y2="${height - 30}" stroke="#c00" stroke-dasharray="3 3"><title>${escapeXml(`Today: ${data.today}`)}</title></line>`);
  out.push('</g>');

  for (const r of data.rows) {
    const y = rowY(r.id);
    out.push(`<g class="row-group" data-row="${escapeXml(r.id)}" data-kind="${r.kind}">`);
    out.push(`<rect class="row" x="${labelW}" y="${y}" width="${width}" height="${rowH}"/>`);
    out.push(`<text class="label" x="10" y="${y + rowH / 2 + 4}">${escapeXml(truncate(r.label, 40))}</text>`);
    out.push('</g>');
  }
  for (const s of data.spans) out.push(spanSvg(s, x, rowY(s.row), rowH, r2));
  for (const m of data.markers) out.push(markerSvg(m, x, rowY(m.row), rowH, r2));
  if (!data.rows.length) out.push(`<text class="muted" x="${labelW}" y="${top + 20}">No office, event or dated mention to draw.</text>`);
  out.push(`<text class="muted" x="10" y="${height - 10}">${escapeXml(`Bars: tenures from the registry; diamonds: events; dots: dated mentions; orange: conflicts (${conflicts}).`)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function spanSvg(s: TimelineSpan, x: (d: number) => number, y: number, rowH: number, r2: (n: number) => string): string {
  const a = x(dayOf(s.start));
  const b = x(dayOf(s.end) + 1);
  const tip = escapeXml(s.kind === 'tenure' ? `${s.label}: ${spanText(s)}` : `${s.label}: ${spanText(s)}`);
  const data = `data-row="${escapeXml(s.row)}" data-entity="${escapeXml(s.entity)}" data-start="${s.start}" data-end="${s.end}"`;
  if (s.kind === 'event' && b - a < 8) {
    const cx = (a + b) / 2;
    const cy = y + rowH / 2;
    return `<path class="event" ${data} d="M${r2(cx)} ${r2(cy - 7)}L${r2(cx + 7)} ${r2(cy)}L${r2(cx)} ${r2(cy + 7)}L${r2(cx - 7)} ${r2(cy)}Z"><title>${tip}</title></path>`;
  }
  const cls = s.kind === 'event' ? 'event' : `tenure${s.openEnd ? ' open' : ''}`;
  const w = Math.max(2, b - a);
  const label = s.kind === 'tenure' && w > 40 ? `<text class="bar-label" x="${r2(a + 4)}" y="${r2(y + rowH / 2 + 4)}">${escapeXml(truncate(s.label, Math.floor(w / 6.5)))}</text>` : '';
  return `<g><rect class="${cls}" ${data} x="${r2(a)}" y="${y + 6}" width="${r2(w)}" height="${rowH - 12}" rx="3"><title>${tip}</title></rect>${label}</g>`;
}

function markerSvg(m: TimelineMarker, x: (d: number) => number, y: number, rowH: number, r2: (n: number) => string): string {
  const a = x(dayOf(m.start));
  const b = x(dayOf(m.end) + 1);
  const cy = y + rowH / 2;
  const tip = escapeXml([m.conflict ? `${m.conflict.code}: ${m.conflict.message}` : '', `${m.label}, ${m.value}`, `“${m.quote}”`, placeText(m.location)].filter(Boolean).join('\n'));
  const cls = m.conflict ? 'marker conflict' : 'marker mention';
  const data = `data-row="${escapeXml(m.row)}" data-entity="${escapeXml(m.entity)}" data-start="${m.start}" data-end="${m.end}"${m.conflict ? ` data-code="${m.conflict.code}"` : ''}`;
  // A span of days (a month, a year) shows its extent under the dot.
  const extent = b - a > 6 ? `<rect class="${m.conflict ? 'conflict' : 'mention'}" x="${r2(a)}" y="${r2(cy + 7)}" width="${r2(b - a)}" height="3" opacity="0.7"/>` : '';
  return `<g class="${cls}" ${data}>${extent}<circle class="${m.conflict ? 'conflict' : 'mention'}" cx="${r2((a + b) / 2)}" cy="${r2(cy)}" r="${m.conflict ? 6 : 4.5}"/><title>${tip}</title></g>`;
}
