/**
 * The timeline webview's script (bundled by esbuild for the browser, with d3): draws the data the
 * server computed (core/timeline.ts) and nothing else. A horizontal UTC time axis (d3-scale,
 * d3-axis) that zooms with the wheel, the buttons or + / - / 0 from decades down to days
 * (d3-zoom); a row per office with its holders' tenures as labelled bars, a row per event with its
 * date, a marker per dated mention, conflicts in the theme's warning colour with the finding's
 * message on hover and focus. Every item is a focusable button (Tab, Enter); the list under the
 * chart says the same in text. Scope and zoom survive a reload through getState/setState.
 *
 * Why d3 rather than vis-timeline: the rows, bars and markers are laid out by the core already;
 * what the view needs is a scale, an axis and zoom, which d3's small modules give without a
 * framework or a style sheet of their own (vis-timeline injects styles, which a strict CSP forbids).
 */

import { axisTop } from 'd3-axis';
import { ScaleTime, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { utcFormat } from 'd3-time-format';
import { ZoomBehavior, ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import type { TimelineData, TimelineLocation, TimelineMarker, TimelineSpan } from '../../server/src/core/timeline';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
  scope: 'article' | 'workspace';
  entity?: string;
  /** The zoom: scale and horizontal offset, kept while the data's extent stays the same. */
  k?: number;
  x?: number;
  extent?: string;
}

type FromExtension = { type: 'data'; data: TimelineData; scope: 'article' | 'workspace'; entity?: string } | { type: 'message'; text: string };

const vscode = acquireVsCodeApi();
let state: ViewState = vscode.getState() ?? { scope: 'article' };
let data: TimelineData | undefined;
let zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> | undefined;
let svgNode: SVGSVGElement | undefined;

const ROW_H = 32;
const AXIS_H = 30;
const DAY_MS = 86400000;
const MIN_VISIBLE_DAYS = 7;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const nextDay = (iso: string): Date => new Date(utc(iso).getTime() + DAY_MS);

const formatDay = utcFormat('%-d %B %Y');
const formatMonth = utcFormat('%B %Y');

/** A value in words at its own precision: `2025-01` → "January 2025". */
function when(value: string, start: string, end: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(utc(value));
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(utc(`${value}-01`));
  if (/^\d{4}$/.test(value)) return value;
  return `${formatDay(utc(start))} – ${formatDay(utc(end))} (${value})`;
}

function spanText(s: TimelineSpan, rowLabel: string): string {
  if (s.kind === 'event') return `${s.label}: ${s.start === s.end ? formatDay(utc(s.start)) : `${formatDay(utc(s.start))} – ${formatDay(utc(s.end))}`} (registry date)`;
  const from = s.openStart ? 'from an unknown date' : `from ${formatDay(utc(s.start))}`;
  const to = s.openEnd ? 'still in office' : `to ${formatDay(utc(s.end))}`;
  return `${s.label}, ${rowLabel}: ${from} ${to} (registry)`;
}

function place(l: TimelineLocation): string {
  const name = decodeURIComponent(l.path.slice(l.path.lastIndexOf('/') + 1));
  return l.range ? `${name}, line ${l.range.start.line + 1}` : name;
}

function markerText(m: TimelineMarker): string {
  const head = `${m.label}, ${when(m.value, m.start, m.end)}`;
  const body = m.conflict ? `Conflict (${m.conflict.code}): ${m.conflict.message}` : `“${m.quote}”`;
  return `${head}. ${body} — ${place(m.location)}`;
}

function open(location: TimelineLocation): void {
  vscode.postMessage({ type: 'open', location });
}

function saveState(patch: Partial<ViewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function setScopeButtons(): void {
  for (const s of ['article', 'workspace'] as const) {
    const b = byId<HTMLButtonElement>(`scope-${s}`);
    const on = state.scope === s && !state.entity;
    b.setAttribute('aria-checked', String(on));
    b.classList.toggle('on', on);
  }
}

function showDetail(text: string): void {
  byId('detail').textContent = text;
}

/** Makes a chart element a keyboard button: Tab reaches it, Enter or Space activates it. */
function asButton(el: Element, label: string, activate: () => void): void {
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', label);
  el.addEventListener('click', activate);
  el.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') {
      e.preventDefault();
      activate();
    }
  });
  el.addEventListener('focus', () => showDetail(label));
  el.addEventListener('mouseenter', () => showDetail(label));
}

function render(): void {
  const chart = byId('chart');
  chart.textContent = '';
  byId('list').textContent = '';
  if (!data) return;
  byId('title').textContent = data.title;
  const conflicts = data.markers.filter((m) => m.conflict).length;
  byId('status').textContent = `${data.rows.length} rows · ${data.markers.length} dated mentions · ${conflicts} conflict${conflicts === 1 ? '' : 's'}`;
  if (!data.rows.length) {
    const p = chart.appendChild(document.createElement('p'));
    p.className = 'empty';
    p.textContent = 'Nothing to draw: this article names no office or event with a date. Try the workspace scope.';
    return;
  }
  const d = data;
  const width = Math.max(420, chart.clientWidth || 900);
  const LABEL_W = Math.min(230, Math.round(width * 0.28));
  const height = AXIS_H + d.rows.length * ROW_H + 8;
  const startMs = utc(d.start).getTime();
  const endMs = nextDay(d.end).getTime();
  const pad = Math.max(15 * DAY_MS, (endMs - startMs) * 0.03);
  const x = scaleUtc().domain([new Date(startMs - pad), new Date(endMs + pad)]).range([LABEL_W, width - 10]);
  const rowIndex = new Map(d.rows.map((r, i) => [r.id, i]));
  const rowY = (id: string): number => AXIS_H + (rowIndex.get(id) ?? 0) * ROW_H;
  const rowLabel = new Map(d.rows.map((r) => [r.id, r.label]));

  const svg = select(chart).append('svg').attr('id', 'timeline-svg').attr('width', width).attr('height', height)
    .attr('role', 'group').attr('aria-label', `${d.title}: time axis from ${d.start} to ${d.end}`);
  svgNode = svg.node()!;
  svg.append('clipPath').attr('id', 'plot-clip').append('rect').attr('x', LABEL_W).attr('y', 0).attr('width', width - LABEL_W).attr('height', height);
  const axisG = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${AXIS_H - 6})`);
  const rowsG = svg.append('g').attr('class', 'rows');
  for (const r of d.rows) {
    const y = rowY(r.id);
    const g = rowsG.append('g').attr('class', `row ${r.kind}`).attr('data-row', r.id);
    g.append('rect').attr('class', 'row-bg').attr('x', 0).attr('y', y).attr('width', width).attr('height', ROW_H);
    const label = g.append('text').attr('class', 'row-label').attr('x', 6).attr('y', y + ROW_H / 2 + 4).text(r.label.length > 32 ? `${r.label.slice(0, 31)}…` : r.label);
    asButton(label.node()!, `${r.label} (${r.kind}): open its registry entry`, () => open(r.source));
  }
  const plot = svg.append('g').attr('class', 'plot').attr('clip-path', 'url(#plot-clip)');
  const todayLine = plot.append('line').attr('class', 'today').attr('y1', AXIS_H - 6).attr('y2', height);
  todayLine.append('title').text(`Today: ${d.today} (open-ended tenures end here)`);

  const spanEls = d.spans.map((s) => {
    const g = plot.append('g').attr('class', `item span ${s.kind}${s.openEnd ? ' open' : ''}`)
      .attr('data-kind', s.kind).attr('data-row', s.row).attr('data-entity', s.entity).attr('data-start', s.start).attr('data-end', s.end);
    const text = spanText(s, rowLabel.get(s.row) ?? s.row);
    g.append('title').text(text);
    const shape = g.append(s.kind === 'event' ? 'path' : 'rect').attr('class', 'shape');
    const label = s.kind === 'tenure' ? g.append('text').attr('class', 'bar-label').text(s.label) : null;
    asButton(g.node()!, `${text}. Enter opens the registry entry.`, () => open(s.source));
    return { s, shape, label };
  });
  // Conflicts last, so they are drawn on top and reached last by Tab within their row.
  const markers = [...d.markers].sort((a, b) => Number(!!a.conflict) - Number(!!b.conflict));
  const markerEls = markers.map((m) => {
    const g = plot.append('g').attr('class', `item marker${m.conflict ? ' conflict' : ''}`)
      .attr('data-kind', 'marker').attr('data-row', m.row).attr('data-entity', m.entity).attr('data-start', m.start).attr('data-end', m.end);
    if (m.conflict) g.attr('data-code', m.conflict.code);
    const text = markerText(m);
    g.append('title').text(text);
    const extent = g.append('rect').attr('class', 'extent');
    const dot = g.append('circle').attr('class', 'dot').attr('r', m.conflict ? 7 : 5);
    asButton(g.node()!, `${text}. Enter opens the sentence.`, () => open(m.location));
    return { m, extent, dot };
  });

  const draw = (xz: ScaleTime<number, number>): void => {
    axisG.call(axisTop(xz).ticks(Math.max(2, Math.floor((width - LABEL_W) / 110))).tickSizeOuter(0));
    const today = xz(utc(d.today));
    todayLine.attr('x1', today).attr('x2', today);
    for (const { s, shape, label } of spanEls) {
      const a = xz(utc(s.start));
      const b = xz(nextDay(s.end));
      const y = rowY(s.row);
      if (s.kind === 'event' && b - a < 10) {
        const cx = (a + b) / 2;
        const cy = y + ROW_H / 2;
        shape.attr('d', `M${cx} ${cy - 8}L${cx + 8} ${cy}L${cx} ${cy + 8}L${cx - 8} ${cy}Z`);
      } else if (s.kind === 'event') {
        shape.attr('d', `M${a} ${y + 8}H${b}V${y + ROW_H - 8}H${a}Z`);
      } else {
        shape.attr('x', a).attr('y', y + 5).attr('width', Math.max(2, b - a)).attr('height', ROW_H - 10).attr('rx', 3);
        label?.attr('x', Math.max(a, LABEL_W) + 4).attr('y', y + ROW_H / 2 + 4).attr('class', `bar-label${b - Math.max(a, LABEL_W) < 60 ? ' hidden' : ''}`);
      }
    }
    for (const { m, extent, dot } of markerEls) {
      const a = xz(utc(m.start));
      const b = xz(nextDay(m.end));
      const cy = rowY(m.row) + ROW_H / 2;
      dot.attr('cx', (a + b) / 2).attr('cy', cy);
      extent.attr('x', a).attr('y', cy + 8).attr('width', Math.max(0, b - a)).attr('height', b - a > 8 ? 3 : 0);
    }
  };

  const kMax = Math.max(1, (endMs - startMs + 2 * pad) / (MIN_VISIBLE_DAYS * DAY_MS));
  zoomBehavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, kMax])
    .extent([[LABEL_W, 0], [width - 10, height]])
    .translateExtent([[LABEL_W, 0], [width - 10, height]])
    .on('zoom', (e: { transform: ZoomTransform }) => {
      draw(e.transform.rescaleX(x));
      saveState({ k: e.transform.k, x: e.transform.x, extent: `${d.start}/${d.end}` });
    });
  svg.call(zoomBehavior);
  const keep = state.extent === `${d.start}/${d.end}` && state.k ? zoomIdentity.translate(state.x ?? 0, 0).scale(state.k) : zoomIdentity;
  svg.call(zoomBehavior.transform, keep);
  draw(keep.rescaleX(x));
  renderList(d, rowLabel);
}

/** The text alternative: the same items, row by row, each a button that does what the chart's does. */
function renderList(d: TimelineData, rowLabel: Map<string, string>): void {
  const list = byId('list');
  for (const r of d.rows) {
    const h = list.appendChild(document.createElement('h2'));
    h.textContent = `${r.label} (${r.kind})`;
    const ul = list.appendChild(document.createElement('ul'));
    const items: { text: string; conflict: boolean; go: () => void; start: string }[] = [
      ...d.spans.filter((s) => s.row === r.id).map((s) => ({ text: spanText(s, rowLabel.get(s.row) ?? s.row), conflict: false, go: () => open(s.source), start: s.start })),
      ...d.markers.filter((m) => m.row === r.id).map((m) => ({ text: markerText(m), conflict: !!m.conflict, go: () => open(m.location), start: m.start })),
    ].sort((a, b) => a.start.localeCompare(b.start));
    for (const it of items) {
      const li = ul.appendChild(document.createElement('li'));
      const b = li.appendChild(document.createElement('button'));
      b.type = 'button';
      b.className = it.conflict ? 'link conflict' : 'link';
      b.textContent = `${it.conflict ? '⚠ ' : ''}${it.text}`;
      b.addEventListener('click', it.go);
    }
  }
}

function zoomBy(factor: number): void {
  if (svgNode && zoomBehavior) zoomBehavior.scaleBy(select(svgNode), factor);
}

function wire(): void {
  for (const s of ['article', 'workspace'] as const) {
    byId(`scope-${s}`).addEventListener('click', () => {
      saveState({ scope: s, entity: undefined });
      setScopeButtons();
      vscode.postMessage({ type: 'scope', scope: s });
    });
  }
  byId('zoom-in').addEventListener('click', () => zoomBy(2));
  byId('zoom-out').addEventListener('click', () => zoomBy(0.5));
  byId('zoom-fit').addEventListener('click', () => {
    if (svgNode && zoomBehavior) zoomBehavior.transform(select(svgNode), zoomIdentity);
  });
  byId('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'svg' }));
  byId('export-timelinejs').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'timelinejs' }));
  byId('chart').addEventListener('keydown', (e) => {
    if (e.key === '+' || e.key === '=') zoomBy(2);
    else if (e.key === '-') zoomBy(0.5);
    else if (e.key === '0') byId('zoom-fit').click();
  });
  window.addEventListener('message', (e: MessageEvent<FromExtension>) => {
    const msg = e.data;
    if (msg.type === 'data') {
      data = msg.data;
      saveState({ scope: msg.scope, entity: msg.entity });
      setScopeButtons();
      render();
    } else if (msg.type === 'message') {
      byId('status').textContent = msg.text;
    }
  });
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(render, 150);
  });
  setScopeButtons();
  vscode.postMessage({ type: 'ready', scope: state.scope, entity: state.entity });
}

wire();
