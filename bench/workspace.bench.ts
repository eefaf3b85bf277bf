/**
 * The workspace index under load: 5,000 generated articles (every one with the same legal
 * disclaimer, many with the same "most popular" list, some dating the same events), then the
 * cost of one article change — `update` plus `findingsFor` of the changed article and of every
 * article `update` reports as affected (what the server republishes). Target: under 20 ms.
 */

import { performance } from 'node:perf_hooks';
import { ArticleAnalysis } from '../server/src/core/analyze';
import { parseArticle } from '../server/src/core/article';
import { DateMention, EntityMention } from '../server/src/core/types';
import { WorkspaceIndex } from '../server/src/core/workspace';
import { seededRandom } from './generate';

const ARTICLES = 5000;
const CHANGES = 400;
const TARGET_MS = 20;

const WORDS = ('security cooperation dialogue ministers talks defense maritime region partners agreement visit ' +
  'officials statement framework exchange strategic bilateral summit trade energy stability navigation ' +
  'delegation capital council alliance technology industry investment exercise forces cyber').split(' ');
const DISCLAIMER = 'Legal Disclaimer: the provider gives this information as is, without warranty of any kind, and accepts no responsibility for its accuracy.';
const POPULAR = ['Most popular stories', 'Market research firm raises its forecast for regional shipping volumes this year',
  'New study on the dangers of automated trading tools published by analysts', 'Comments'];
const EVENTS = ['ev-dialogue-1', 'ev-dialogue-2', 'ev-summit-3', 'ev-forum-4', 'ev-meeting-5'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'];


const rand = seededRandom(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

function sentence(n: number): string {
  const w = Array.from({ length: n }, () => pick(WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(' ')}.`;
}

interface Spec {
  paragraphs: string[];
  popular: boolean;
  event?: { id: string; month: number };
}

function makeSpec(i: number): Spec {
  const paragraphs = Array.from({ length: 10 + Math.floor(rand() * 10) }, (_, k) => `Article ${i} paragraph ${k}: ${sentence(25)} ${sentence(20)}`);
  const event = rand() < 0.3 ? { id: pick(EVENTS), month: rand() < 0.9 ? 1 : 1 + Math.floor(rand() * 5) } : undefined;
  return { paragraphs, popular: rand() < 0.4, event };
}

function analyze(path: string, spec: Spec): ArticleAnalysis {
  const lines = [`Headline of article ${path} about ${sentence(6)}`, ...spec.paragraphs];
  let evLine = '';
  if (spec.event) {
    evLine = `The ${spec.event.id} meeting took place in ${MONTHS[spec.event.month - 1]} 2025 in the capital.`;
    lines.push(evLine);
  }
  lines.push(DISCLAIMER);
  if (spec.popular) lines.push(...POPULAR);
  const text = lines.join('\n') + '\n';
  const entities: EntityMention[] = [];
  const dates: DateMention[] = [];
  if (spec.event) {
    const s = text.indexOf(evLine);
    const e = s + 4;
    entities.push({ start: e, end: e + spec.event.id.length, text: spec.event.id, type: 'event', id: spec.event.id, candidates: [], form: 'name' });
    const dText = `${MONTHS[spec.event.month - 1]} 2025`;
    const d = text.indexOf(dText, s);
    dates.push({ start: d, end: d + dText.length, text: dText, value: `2025-0${spec.event.month}`, kind: 'absolute', granularity: 'month', resolution: { rule: 'bench' } });
  }
  return { path, article: parseArticle(text), entities, dates, findings: [] };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function run(): Promise<void> {
  const ws = new WorkspaceIndex();
  const specs: Spec[] = [];
  const t0 = performance.now();
  for (let i = 0; i < ARTICLES; i++) {
    specs.push(makeSpec(i));
    ws.update(`articles/a${i}.article`, analyze(`articles/a${i}.article`, specs[i]));
  }
  const loadMs = performance.now() - t0;

  type Scenario = { name: string; change: (i: number) => void };
  const scenarios: Scenario[] = [
    { name: 'edit one paragraph', change: (i) => { specs[i].paragraphs[3] = `Article ${i} edited: ${sentence(30)}`; } },
    { name: 'insert a line at the top (offsets shift)', change: (i) => { specs[i].paragraphs.unshift(`Article ${i} new lede ${sentence(12)}`); } },
    { name: 'toggle the shared "most popular" list', change: (i) => { specs[i].popular = !specs[i].popular; } },
    { name: 'change an event date', change: (i) => { specs[i].event = { id: pick(EVENTS), month: 1 + Math.floor(rand() * 6) }; } },
  ];
  console.log(`${ARTICLES} articles indexed in ${loadMs.toFixed(0)} ms (${(loadMs / ARTICLES).toFixed(3)} ms each, analysis built outside the index).`);
  console.log('');
  console.log('| change | p50 (ms) | p99 (ms) | max (ms) | affected p50 | affected max | target |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const sc of scenarios) {
    const times: number[] = [];
    const sizes: number[] = [];
    for (let k = 0; k < CHANGES; k++) {
      const i = Math.floor(rand() * ARTICLES);
      const path = `articles/a${i}.article`;
      sc.change(i);
      const a = analyze(path, specs[i]);
      const t = performance.now();
      const affected = ws.update(path, a);
      ws.findingsFor(path);
      for (const p of affected) ws.findingsFor(p);
      times.push(performance.now() - t);
      sizes.push(affected.size);
    }
    const p99 = percentile(times, 99);
    console.log(`| ${sc.name} | ${percentile(times, 50).toFixed(3)} | ${p99.toFixed(3)} | ${Math.max(...times).toFixed(3)} | ${percentile(sizes, 50)} | ${Math.max(...sizes)} | ${p99 < TARGET_MS ? `✓ < ${TARGET_MS} ms` : `✗ ≥ ${TARGET_MS} ms`} |`);
  }
  // The worst case for a shared paragraph: an article leaving and re-joining the 5,000-member ring.
  const times: number[] = [];
  let maxAffected = 0;
  for (let k = 0; k < CHANGES; k++) {
    const i = Math.floor(rand() * ARTICLES);
    const path = `articles/a${i}.article`;
    const a = analyze(path, specs[i]);
    const t = performance.now();
    const gone = ws.remove(path);
    const back = ws.update(path, a);
    for (const p of new Set([...gone, ...back])) ws.findingsFor(p);
    ws.findingsFor(path);
    times.push(performance.now() - t);
    maxAffected = Math.max(maxAffected, gone.size, back.size);
  }
  const p99 = percentile(times, 99);
  console.log(`| remove + re-add (leaves and joins every shared ring) | ${percentile(times, 50).toFixed(3)} | ${p99.toFixed(3)} | ${Math.max(...times).toFixed(3)} | – | ${maxAffected} | ${p99 < TARGET_MS ? `✓ < ${TARGET_MS} ms` : `✗ ≥ ${TARGET_MS} ms`} |`);
}
