/**
 * Core benchmarks: loading a 100,000-entity registry, entity recognition throughput against the
 * JavaScript libraries a user might try instead (compromise, wink-nlp), and date recognition
 * throughput and accuracy against chrono-node, all measured in the same run on the same text.
 *
 * The text is the project's own sample articles (never the scraped seeds), repeated; each copy is
 * analyzed as one article, as the CLI and the server do.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArticle, stripBom, Article } from '../server/src/core/article';
import { DateScanner, recognizeDates } from '../server/src/core/dates';
import { buildEntityIndex, recognizeEntities } from '../server/src/core/entities';
import { RegistryStore, loadRegistry } from '../server/src/core/registry';
import { findFiles } from '../server/src/node/files';
import { registryYaml } from './lsp.bench';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');

function sampleTexts(): string[] {
  return findFiles(SAMPLES, ['**/*.article']).map((f) => stripBom(readFileSync(f, 'utf8')));
}

function sampleRegistryYaml(): string {
  // The samples' own entities, so the sample text has mentions to find among the generated ones.
  return findFiles(SAMPLES, ['registry/**/*.yaml']).map((f) => readFileSync(f, 'utf8').replace(/^version: 1\nentities:\n/m, '').replace(/^#.*\n/gm, '')).join('\n');
}

function mbps(bytes: number, ms: number): string {
  return ((bytes / 1e6) / (ms / 1000)).toFixed(1);
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

export async function run(): Promise<void> {
  const N = 100_000;
  const generated = registryYaml(N).yaml;
  const yaml = `${generated.trimEnd()}\n${sampleRegistryYaml().split('\n').map((l) => l).join('\n')}\n`;

  // --- Registry -------------------------------------------------------------------------------
  const [snapshot, loadMs] = time(() => loadRegistry([{ path: 'registry.yaml', text: yaml }]));
  console.log('### Registry');
  console.log(`| what | figure |\n| --- | --- |`);
  console.log(`| load ${snapshot.entities.size.toLocaleString('en')} entities (${(yaml.length / 1e6).toFixed(1)} MB YAML: parse, validate, cross-file checks) | ${loadMs.toFixed(0)} ms (target < 2,000 ms) |`);
  const store = new RegistryStore();
  store.setFile('big.yaml', generated);
  store.setFile('small.yaml', 'version: 1\nentities:\n  - { id: x-country, type: country, name: Xland }\n');
  store.snapshot();
  const [, reparseMs] = time(() => {
    store.setFile('small.yaml', 'version: 1\nentities:\n  - { id: x-country, type: country, name: Xlandia }\n');
    return store.snapshot();
  });
  console.log(`| re-parse one small file beside a 100,000-entity file (new snapshot) | ${reparseMs.toFixed(0)} ms |`);
  const [index, indexMs] = time(() => buildEntityIndex(snapshot));
  console.log(`| build the entity index (surface-form trie) | ${indexMs.toFixed(0)} ms (target < 1,000 ms) |`);

  // --- Entities -------------------------------------------------------------------------------
  const texts = sampleTexts();
  const copies = Math.ceil(20e6 / texts.reduce((n, t) => n + t.length, 0));
  const articles: Article[] = [];
  for (let i = 0; i < copies; i++) for (const t of texts) articles.push(parseArticle(t));
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  // Steady-state throughput, as in a server that has been running: every tool first runs over
  // the start of the same text (the slow libraries over less), untimed, so JIT compilation is
  // not counted for any of them. A cold process's first pass is slower for all of them.
  const warm = (mb: number): Article[] => {
    const out: Article[] = [];
    let n = 0;
    for (const a of articles) {
      if (n >= mb * 1e6) break;
      out.push(a);
      n += a.text.length;
    }
    return out;
  };
  for (const a of warm(1)) recognizeEntities(a, index);
  const [mentions, entMs] = time(() => articles.reduce((n, a) => n + recognizeEntities(a, index).mentions.length, 0));
  const slice = (mb: number): string[] => {
    const out: string[] = [];
    let n = 0;
    for (const a of articles) {
      if (n >= mb * 1e6) break;
      out.push(a.text);
      n += Buffer.byteLength(a.text);
    }
    return out;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNlp = require('wink-nlp');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkModel = require('wink-eng-lite-web-model');
  const wink = winkNlp(winkModel);
  const winkTexts = slice(2);
  for (const a of warm(0.2)) wink.readDoc(a.text).entities().length();
  const [, winkMs] = time(() => winkTexts.reduce((n, t) => n + wink.readDoc(t).entities().length(), 0));
  const winkBytes = winkTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise');
  const compTexts = slice(0.3);
  const compromiseCount = (t: string): number => {
    const d = nlp(t);
    return d.people().length + d.places().length + d.organizations().length;
  };
  for (const a of warm(0.03)) compromiseCount(a.text);
  const [, compMs] = time(() => compTexts.reduce((n, t) => n + compromiseCount(t), 0));
  const compBytes = compTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ours = Number(mbps(bytes, entMs));
  console.log(`\n### Entity recognition (${snapshot.entities.size.toLocaleString('en')}-entity registry, sample articles repeated)`);
  console.log('| tool | text | MB/s | Attaché is |\n| --- | --- | --- | --- |');
  console.log(`| Attaché (trie + linking + offices + unknown names) | ${(bytes / 1e6).toFixed(1)} MB, ${mentions.toLocaleString('en')} mentions | ${ours} | 1× |`);
  console.log(`| wink-nlp + wink-eng-lite-web-model (entities) | ${(winkBytes / 1e6).toFixed(1)} MB | ${mbps(winkBytes, winkMs)} | ${(ours / Number(mbps(winkBytes, winkMs))).toFixed(0)}× faster |`);
  console.log(`| compromise (people, places, organizations) | ${(compBytes / 1e6).toFixed(2)} MB | ${mbps(compBytes, compMs)} | ${(ours / Number(mbps(compBytes, compMs))).toFixed(0)}× faster |`);
  console.log('Target: ≥ 40 MB/s on one core with the 100,000-entity registry.');

  // --- Dates ----------------------------------------------------------------------------------
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chrono = require('chrono-node');
  // One scanner for the run, as the analysis context keeps one (AnalysisContext.dateScanner).
  const scanner = new DateScanner();
  for (const a of warm(1)) recognizeDates(a, scanner);
  const [found, dateMs] = time(() => articles.reduce((n, a) => n + recognizeDates(a, scanner).dates.length, 0));
  const chronoTexts = slice(4);
  const chronoBytes = chronoTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ref = new Date('2025-10-26T12:00:00Z');
  for (const a of warm(0.4)) chrono.parse(a.text, ref);
  const [, chronoMs] = time(() => chronoTexts.reduce((n, t) => n + chrono.parse(t, ref).length, 0));
  const oursD = Number(mbps(bytes, dateMs));
  console.log('\n### Date recognition (same text; chrono-node given the same reference date)');
  console.log('| tool | text | MB/s | Attaché is |\n| --- | --- | --- | --- |');
  console.log(`| Attaché | ${(bytes / 1e6).toFixed(1)} MB, ${found.toLocaleString('en')} dates | ${oursD} | 1× |`);
  console.log(`| chrono-node | ${(chronoBytes / 1e6).toFixed(1)} MB | ${mbps(chronoBytes, chronoMs)} | ${(oursD / Number(mbps(chronoBytes, chronoMs))).toFixed(1)}× faster |`);
  console.log('Target: ≥ 50 MB/s (5 times chrono-node).');

  // Accuracy on fixtures: value and granularity right.
  const FIXTURES: [string, string, string][] = [
    ['The accord was signed on 29 July 2025.', '2025-10-26', '2025-07-29'],
    ['The talks were held on September 29.', '2025-10-26', '2025-09-29'],
    ['Officials met on Oct. 26 in Tokyo.', '2025-10-26', '2025-10-26'],
    ['Exchanges began in May 2019.', '2025-10-26', '2019-05'],
    ['An agreement was activated last July.', '2025-07-29', '2024-07'],
    ['Reporters were briefed last month.', '2025-10-26', '2025-09'],
    ['The minister spoke yesterday.', '2025-10-26', '2025-10-25'],
    ['They pledged on Monday to deepen ties.', '2025-10-26', '2025-10-20'],
    ['Contacts began in the early 1990s.', '2025-10-26', '199X'],
    ['Aid was pledged over five years (2009-2013).', '2025-10-26', '2009/2013'],
    ['The fund was set up in 2013.', '2025-10-26', '2013'],
    ['The office opened two years ago.', '2025-10-26', '2023'],
    ['Growth slowed in Q3 2024.', '2025-10-26', '2024-Q3'],
    ['The ministers will meet on November 3.', '2025-10-26', '2025-11-03'],
  ];
  let oursRight = 0;
  let chronoRight = 0;
  const rows: string[] = [];
  for (const [s, pub, want] of FIXTURES) {
    const a = parseArticle(`---\ndate: ${pub}\n---\n${s}`);
    const got = recognizeDates(a).dates.map((d) => d.value);
    const ok = got.includes(want);
    const c = chrono.parse(s, new Date(`${pub}T12:00:00Z`)).map((r: { start: { date(): Date; isCertain(k: string): boolean } }) => chronoValue(r.start));
    const cok = c.includes(want);
    if (ok) oursRight++;
    if (cok) chronoRight++;
    rows.push(`| ${s} | ${want} | ${got.join(', ') || '—'} ${ok ? '✓' : '✗'} | ${c.join(', ') || '—'} ${cok ? '✓' : '✗'} |`);
  }
  console.log(`\nAccuracy on ${FIXTURES.length} fixtures (value at the right granularity): Attaché ${oursRight}/${FIXTURES.length}, chrono-node ${chronoRight}/${FIXTURES.length}.`);
  console.log('| sentence | expected | Attaché | chrono-node |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
}

/** chrono-node's result as a TIMEX3 value at the granularity it is certain of. */
function chronoValue(c: { date(): Date; isCertain(k: string): boolean }): string {
  const d = c.date();
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  if (c.isCertain('day')) return `${y}-${m}-${day}`;
  if (c.isCertain('month')) return `${y}-${m}`;
  if (c.isCertain('year')) return `${y}`;
  return `${y}-${m}-${day}`;
}
