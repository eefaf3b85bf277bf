/**
 * `attache timeline`: TimelineJS JSON in Knight Lab's format and a standalone SVG, on the samples.
 * The SVG is parsed as XML (a strict reader below: nesting, quoted attributes, entities), then its
 * rows and the planted conflict marker are checked, outside the holder's bar in x.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, workspace } from './cliRun';
import { repoRoot } from '../helpers';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, where: number): string {
  return s.replace(/&([^;]*);|&/g, (_whole, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare & near offset ${where}`);
    if (name in ENTITY) return ENTITY[name];
    const num = /^#(x[0-9a-fA-F]+|\d+)$/.exec(name);
    if (!num) throw new Error(`unknown entity &${name}; near offset ${where}`);
    return String.fromCodePoint(num[1][0] === 'x' ? parseInt(num[1].slice(1), 16) : Number(num[1]));
  });
}

/** A strict XML reader for what an SVG file holds: one root, balanced tags, quoted and unique attributes. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.includes('>')) throw new Error(`stray > near offset ${i}`);
    stack[stack.length - 1].text += decode(text, i);
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      i = xml.indexOf('?>', lt) + 2;
      if (i < 2) throw new Error('unclosed processing instruction');
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      if (i < 3) throw new Error('unclosed comment');
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const open = stack.pop()!;
      if (open.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${open.name}> at ${lt}`);
    } else {
      const selfClosing = tag.endsWith('/');
      const m = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*\/?$/.exec(tag);
      if (!m) throw new Error(`malformed tag <${tag.slice(0, 60)}> at ${lt}`);
      const el: XmlElement = { name: m[1], attrs: {}, children: [], text: '' };
      for (const a of m[2].matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} at ${lt}`);
        el.attrs[a[1]] = decode(a[2] ?? a[3], lt);
      }
      if (stack.length === 1 && root.children.length) throw new Error('more than one root element');
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0];
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

const titleOf = (el: XmlElement): string => el.children.find((c) => c.name === 'title')?.text ?? '';

test('the XML reader used below rejects what is not well-formed', () => {
  assert.throws(() => parseXml('<svg><g></svg>'), /closes/);
  assert.throws(() => parseXml('<svg a=1/>'), /malformed/);
  assert.throws(() => parseXml('<svg>a & b</svg>'), /bare &/);
  assert.throws(() => parseXml('<svg/><svg/>'), /more than one root/);
  assert.equal(parseXml('<?xml version="1.0"?><svg a="&lt;x&gt;"><t>&#65;</t></svg>').children[0].text, 'A');
});

test('attache timeline --format svg samples: a well-formed SVG with the rows and the conflict outside the holder\'s bar', () => {
  const r = cli(['timeline', '--format', 'svg', '--today', '2026-12-01', 'samples'], repoRoot);
  assert.equal(r.code, 0, r.err);
  const svg = parseXml(r.out);
  assert.equal(svg.name, 'svg');
  assert.equal(svg.attrs.xmlns, 'http://www.w3.org/2000/svg');
  assert.equal(svg.children.find((c) => c.name === 'title')?.text, 'Timeline of 10 articles');
  const rows = all(svg, (e) => e.attrs['data-row'] !== undefined && e.attrs['data-kind'] !== undefined).map((e) => e.attrs['data-row']);
  for (const id of ['japan-foreign-minister', 'qatar-deputy-prime-minister', 'japan-qatar-strategic-dialogue-2', 'nato-summit-2022']) assert.ok(rows.includes(id), id);

  const conflicts = all(svg, (e) => e.attrs.class === 'marker conflict');
  assert.deepEqual(conflicts.map((c) => `${c.attrs['data-code']} ${c.attrs['data-row']} ${c.attrs['data-entity']}`).sort(), [
    'event-date-conflict japan-qatar-strategic-dialogue-2 japan-qatar-strategic-dialogue-2',
    'role-conflict japan-foreign-minister hayashi-yoshimasa',
    'role-conflict qatar-deputy-prime-minister mohammed-bin-abdulrahman-al-thani',
  ].sort());
  const hayashi = conflicts.find((c) => c.attrs['data-entity'] === 'hayashi-yoshimasa')!;
  assert.match(titleOf(hayashi), /^role-conflict: Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13/);
  assert.match(titleOf(hayashi), /samples\/articles\/qatar-japan-defense\.article:6$/);
  const dot = hayashi.children.find((c) => c.name === 'circle')!;
  const bar = all(svg, (e) => e.name === 'rect' && e.attrs['data-row'] === 'japan-foreign-minister' && e.attrs['data-entity'] === 'hayashi-yoshimasa');
  assert.equal(bar.length, 1);
  const x = Number(dot.attrs.cx);
  const radius = Number(dot.attrs.r);
  const left = Number(bar[0].attrs.x);
  const right = left + Number(bar[0].attrs.width);
  assert.ok(x - radius > right || x + radius < left, `marker ${x - radius}..${x + radius} outside the bar ${left}..${right}`);
});

test('attache timeline --format timelinejs: events with start_date {year, month, day}, text and group', () => {
  const r = cli(['timeline', '--format', 'timelinejs', '--today', '2026-12-01', 'samples/articles/qatar-japan-defense.article'], repoRoot);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out) as { title: { text: { headline: string } }; events: { start_date: Record<string, number>; end_date?: Record<string, number>; text: { headline: string; text: string }; group: string; unique_id: string }[] };
  assert.equal(doc.title.text.headline, 'Timeline of 1 article');
  for (const e of doc.events) {
    assert.equal(typeof e.start_date.year, 'number');
    assert.equal(typeof e.text.headline, 'string');
    assert.equal(typeof e.group, 'string');
  }
  assert.equal(new Set(doc.events.map((e) => e.unique_id)).size, doc.events.length);
  const tenure = doc.events.find((e) => e.text.headline === 'Hayashi Yoshimasa: Minister for Foreign Affairs of Japan')!;
  assert.deepEqual(tenure.start_date, { year: 2021, month: 11, day: 10 });
  assert.deepEqual(tenure.end_date, { year: 2023, month: 9, day: 13 });
  assert.equal(tenure.group, 'Minister for Foreign Affairs of Japan');
  const open = doc.events.find((e) => e.text.headline === 'Motegi Toshimitsu: Minister for Foreign Affairs of Japan' && e.start_date.year === 2025)!;
  assert.deepEqual(open.end_date, { year: 2026, month: 12, day: 1 });
  const event = doc.events.find((e) => e.text.headline === 'Second Japan-Qatar Strategic Dialogue')!;
  assert.deepEqual(event.start_date, { year: 2023, month: 1, day: 31 });
  assert.equal(event.end_date, undefined);
  // The mention in January 2025: a month, with the finding's message.
  const claim = doc.events.find((e) => e.text.headline === '⚠ Hayashi Yoshimasa as Minister for Foreign Affairs of Japan')!;
  assert.deepEqual(claim.start_date, { year: 2025, month: 1 });
  assert.match(claim.text.text, /^<strong>role-conflict<\/strong>: Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13/);
  assert.match(claim.text.text, /qatar-japan-defense\.article:6$/);
});

test('attache timeline: --out writes a file, never over an input, and refuses bad options', () => {
  const dir = workspace({
    'registry.yaml': readFileSync(join(repoRoot, 'samples/registry/persons.yaml'), 'utf8'),
    'a.article': '---\ndate: 2024-01-01\n---\nNothing dated here.\n',
  });
  const w = cli(['timeline', '--format', 'svg', '--out', 'out.svg', 'a.article'], dir);
  assert.equal(w.code, 0, w.err);
  assert.match(w.err, /wrote the timeline \(0 rows, 0 dated mentions, 0 conflicts\) to out\.svg/);
  assert.match(readFileSync(join(dir, 'out.svg'), 'utf8'), /No office, event or dated mention to draw/);
  assert.equal(cli(['timeline', '--format', 'svg', '--out', 'out.svg', 'a.article'], dir).code, 2);
  assert.equal(cli(['timeline', '--format', 'svg', '--out', 'out.svg', '--force', 'a.article'], dir).code, 0);
  const input = cli(['timeline', '--format', 'svg', '--out', 'a.article', '--force', 'a.article'], dir);
  assert.equal(input.code, 2);
  assert.match(input.err, /a\.article: is an input of this run/);
  assert.match(cli(['timeline', 'a.article'], dir).err, /timeline needs --format timelinejs or svg/);
  assert.match(cli(['timeline', '--format', 'svg', '--today', '2025-02-30', 'a.article'], dir).err, /--today must be a date written YYYY-MM-DD, not '2025-02-30'/);
  assert.match(cli(['check', '--today', '2025-02-03', 'a.article'], dir).err, /--today only goes with timeline/);
  assert.match(cli(['timeline', '--format', 'svg', '--entity', 'nobody', 'a.article'], dir).err, /--entity nobody: no such entity/);
  assert.match(cli(['--help'], dir).out, /attache timeline --format timelinejs\|svg/);
});
