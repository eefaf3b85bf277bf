/**
 * Temporal tagging accuracy on TimeML newswire (`npm run bench -- timeml`): the AQUAINT half of
 * the TempEval-3 training data (gold TIMEX3 annotations), read from `../shared/temporal-dev/aquaint`
 * or `$ATTACHE_TIMEML_DIR`, skipped with a message when absent. The files are only read here,
 * never copied into the repository.
 *
 * Each document's `<TEXT>` is stripped of its tags; its DCT becomes the article's publication date
 * (front matter `date:`, as the analyze pipeline reads it), and the real recognizer runs on it.
 * Scores, as in TempEval-3 Task A (UzZaman et al., 2013):
 * - strict span F1: the system span equals the gold span;
 * - relaxed span F1: the spans overlap (each gold matched at most once, each system span too);
 * - value F1: the spans overlap and the TIMEX3 values are equal. Our decade form `199X` is
 *   compared as TimeML's `199` (and a century `19XX` as `19`).
 * `-- timeml --errors` also lists each miss, false alarm and wrong value.
 *
 * A second set is scored when present: the TimeBank half of the same training data (183 documents:
 * WSJ business news of 1989, AP/NYT/broadcast news of 1990–1998), from `$ATTACHE_TIMEBANK_DIR` or
 * `.cache/timebank` in the repository (not in git; measurement only, like AQUAINT). No rule was
 * tuned on it until December 2026, so it is the nearer estimate of unseen news.
 * `ATTACHE_TIMEML_DIR` alone scores just that folder (as before).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArticle } from '../server/src/core/article';
import { recognizeDates } from '../server/src/core/dates';
import { DateMention } from '../server/src/core/types';

/** The repository's root (this file runs from build/bench). */
const ROOT = join(__dirname, '..', '..');
/** `../shared/temporal-dev/aquaint` beside the repository, or beside the folder of worktrees. */
const CANDIDATES = [join(ROOT, '..', 'shared', 'temporal-dev', 'aquaint'), join(ROOT, '..', '..', 'shared', 'temporal-dev', 'aquaint')];
/** Where the TimeBank set is looked for when `$ATTACHE_TIMEBANK_DIR` is not set. */
const TIMEBANK = join(ROOT, '.cache', 'timebank');

interface Gold {
  start: number;
  end: number;
  type: string;
  value: string;
  mod?: string;
  text: string;
}

interface Doc {
  name: string;
  dct: string;
  text: string;
  gold: Gold[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** The TEXT of a TimeML document without its tags, and its TIMEX3 annotations as offsets into it. */
export function readTimeML(name: string, xml: string): Doc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml);
  const dctValue = dctTag ? attr(dctTag[1], 'value') : undefined;
  if (!dctValue || !/^\d{4}-\d{2}-\d{2}/.test(dctValue)) throw new Error(`${name}: no DCT with a YYYY-MM-DD value`);
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  if (open < 0 || close < open) throw new Error(`${name}: no <TEXT>…</TEXT>`);
  const body = xml.slice(open + 6, close);
  let text = '';
  const gold: Gold[] = [];
  let current: Gold | null = null;
  const re = /<[^>]*>|&(\w+);|[^<&]+|&/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const t = m[0];
    if (t.startsWith('<')) {
      if (t.startsWith('<TIMEX3')) {
        current = { start: text.length, end: -1, type: attr(t, 'type') ?? 'DATE', value: timemlValue(attr(t, 'value') ?? '')!, mod: attr(t, 'mod'), text: '' };
      } else if (t.startsWith('</TIMEX3') && current) {
        current.end = text.length;
        current.text = text.slice(current.start, current.end);
        gold.push(current);
        current = null;
      }
    } else if (m[1] !== undefined) text += ENTITIES[m[1]] ?? t;
    else text += t;
  }
  return { name, dct: dctValue.slice(0, 10), text, gold };
}

/**
 * A value in one spelling for comparison, applied to ours and the gold alike: decades `199X` →
 * `199` (the spec's form and TimeML's), centuries `19XX` → `19`, weeks `2000-W07` → `2000-W7`
 * (the gold writes both).
 */
export function timemlValue(v: string | null): string | null {
  if (v === null) return null;
  if (/^\d{3}X$/.test(v)) return v.slice(0, 3);
  if (/^\d{2}XX$/.test(v)) return v.slice(0, 2);
  return v.replace(/-W0(\d)/, '-W$1');
}

interface Sys {
  start: number;
  end: number;
  type: string;
  value: string | null;
  text: string;
}

function systemMentions(doc: Doc): Sys[] {
  const prefix = `---\ndate: ${doc.dct}\n---\n`;
  const article = parseArticle(prefix + doc.text);
  const dates: DateMention[] = recognizeDates(article).dates;
  return dates.map((d) => ({ start: d.start - prefix.length, end: d.end - prefix.length, type: d.type ?? 'DATE', value: timemlValue(d.value), text: d.text }));
}

class Score {
  gold = 0;
  sys = 0;
  strict = 0;
  relaxed = 0;
  value = 0;
  f1(hits: number): string {
    const p = this.sys ? hits / this.sys : 0;
    const r = this.gold ? hits / this.gold : 0;
    return p + r ? ((200 * p * r) / (p + r)).toFixed(2) : '0.00';
  }
  pr(hits: number): string {
    return `P ${(this.sys ? (100 * hits) / this.sys : 0).toFixed(1)} R ${(this.gold ? (100 * hits) / this.gold : 0).toFixed(1)}`;
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** One-to-one matching of overlapping spans, each gold to the first free overlapping system span. */
function match(gold: Gold[], sys: Sys[]): Map<Gold, Sys> {
  const used = new Set<Sys>();
  const out = new Map<Gold, Sys>();
  for (const g of gold) {
    const s = sys.find((x) => !used.has(x) && overlaps(g, x));
    if (s) {
      used.add(s);
      out.set(g, s);
    }
  }
  return out;
}

function tally(score: Score, gold: Gold[], sys: Sys[]): Map<Gold, Sys> {
  const m = match(gold, sys);
  score.gold += gold.length;
  score.sys += sys.length;
  for (const [g, s] of m) {
    score.relaxed++;
    if (g.start === s.start && g.end === s.end) score.strict++;
    if (g.value === s.value) score.value++;
  }
  return m;
}

export async function run(): Promise<void> {
  if (process.env.ATTACHE_TIMEML_DIR) {
    scoreSet('TimeML', process.env.ATTACHE_TIMEML_DIR);
    return;
  }
  scoreSet('AQUAINT', CANDIDATES.find((d) => existsSync(d)) ?? CANDIDATES[0]);
  const timebank = process.env.ATTACHE_TIMEBANK_DIR ?? TIMEBANK;
  if (existsSync(timebank)) scoreSet('TimeBank', timebank);
  else console.log(`\nTimeBank: skipped (put the TimeBank folder of TempEval-3's TBAQ-cleaned at ${timebank}, or set ATTACHE_TIMEBANK_DIR).`);
}

/** Scores the recognizer on one folder of TimeML files and prints the tables. */
function scoreSet(name: string, dir: string): void {
  if (!existsSync(dir)) {
    console.log(`Skipped: no TimeML directory at ${dir} (set ATTACHE_TIMEML_DIR to a folder of *.tml files).`);
    return;
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
  if (!files.length) {
    console.log(`Skipped: no *.tml files in ${dir}.`);
    return;
  }
  const showErrors = process.argv.includes('--errors');
  const all = new Score();
  const date = new Score();
  const byType = new Map<string, Score>();
  const errors: string[] = [];
  let ms = 0;
  let bytes = 0;
  for (const f of files) {
    let doc: Doc;
    try {
      doc = readTimeML(f, readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      console.log(`${f}: skipped, ${(e as Error).message}`);
      continue;
    }
    const t = performance.now();
    const sys = systemMentions(doc);
    ms += performance.now() - t;
    bytes += Buffer.byteLength(doc.text);
    const m = tally(all, doc.gold, sys);
    tally(date, doc.gold.filter((g) => g.type === 'DATE'), sys.filter((s) => s.type === 'DATE'));
    for (const type of ['DATE', 'TIME', 'DURATION', 'SET']) {
      if (!byType.has(type)) byType.set(type, new Score());
      tally(byType.get(type)!, doc.gold.filter((g) => g.type === type), sys.filter((s) => s.type === type));
    }
    if (showErrors) {
      const matched = new Set(m.values());
      const ctx = (s: number, e: number): string => doc.text.slice(Math.max(0, s - 40), Math.min(doc.text.length, e + 30)).replace(/\s+/g, ' ');
      for (const g of doc.gold) {
        const s = m.get(g);
        if (!s) errors.push(`MISS  ${doc.name} [${doc.dct}] ${g.type} '${g.text}' = ${g.value}${g.mod ? ` (${g.mod})` : ''} | …${ctx(g.start, g.end)}…`);
        else if (s.value !== g.value) errors.push(`VALUE ${doc.name} [${doc.dct}] ${g.type} '${g.text}' = ${g.value}${g.mod ? ` (${g.mod})` : ''}, got '${s.text}' = ${s.value} (${s.type}) | …${ctx(g.start, g.end)}…`);
      }
      for (const s of sys) {
        if (!matched.has(s)) errors.push(`FALSE ${doc.name} [${doc.dct}] ${s.type} '${s.text}' = ${s.value} | …${ctx(s.start, s.end)}…`);
      }
    }
  }
  console.log(`\n### ${name}: ${files.length} documents, ${all.gold} gold TIMEX3 (${date.gold} DATE), ${all.sys} found, ${(bytes / 1e3).toFixed(0)} kB in ${ms.toFixed(0)} ms`);
  console.log('| measure | Attaché | HeidelTime (TempEval-3) |\n| --- | --- | --- |');
  console.log(`| value F1, all types | ${all.f1(all.value)} (${all.pr(all.value)}) | 77.61 |`);
  console.log(`| value F1, DATE | ${date.f1(date.value)} (${date.pr(date.value)}) | — |`);
  console.log(`| relaxed span F1 | ${all.f1(all.relaxed)} (${all.pr(all.relaxed)}) | 90.30 |`);
  console.log(`| strict span F1 | ${all.f1(all.strict)} (${all.pr(all.strict)}) | 81.34 |`);
  console.log('\n| type | gold | found | value F1 | relaxed span F1 |\n| --- | --- | --- | --- | --- |');
  for (const [type, s] of byType) console.log(`| ${type} | ${s.gold} | ${s.sys} | ${s.f1(s.value)} | ${s.f1(s.relaxed)} |`);
  console.log('Targets: value F1 ≥ 85 over all types, ≥ 92 on DATE. HeidelTime\'s figures are on the TempEval-3 test set; these are on the training half.');
  if (showErrors) {
    console.log(`\n### Errors (${errors.length})`);
    for (const e of errors.sort()) console.log(e);
  }
}
