/**
 * Where the core bench's date time goes (issue #13), on its text (the sample articles repeated):
 * the warm-up (CPU per MB of the first 21 MB, the core bench timing MB 1–21), the steady state
 * split into the tokenizer, the rules and the resolution, and the most a prescan could save by
 * tokenizing only the text around the tokens a date needs (docs/performance.md, 4 December 2026).
 * CPU times (`process.cpuUsage`, all threads): the machines are shared.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Article, parseArticle, stripBom } from '../server/src/core/article';
import { findFiles } from '../server/src/node/files';
import { DateScanner, recognizeDates } from '../server/src/core/dates';
import { RULE_ENV, scanDates } from '../server/src/core/dates/scan';
import { Tok } from '../server/src/core/dates/pattern';

const SAMPLES = join(__dirname, '..', '..', 'samples');

function cpuMs(f: () => void): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function articles(mb: number): Article[] {
  const texts = findFiles(SAMPLES, ['**/*.article']).map((f) => stripBom(readFileSync(f, 'utf8')));
  const out: Article[] = [];
  for (let n = 0; n < mb * 1e6;) {
    for (const t of texts) {
      const a = parseArticle(t);
      out.push(a);
      n += a.text.length;
    }
  }
  return out;
}

/** The character ranges within `before` tokens before and `after` after a seed: a token the compiled rules count as a trigger (a number, a digit-letter token, a month or weekday name, a trigger word). */
function windows(s: DateScanner, a: Article, before: number, after: number): number[] {
  s.tokenize(a.text, a.bodyStart, a.text.length);
  const n = s.count;
  const mark = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const kind = s.kind(k);
    if (kind !== Tok.P && RULE_ENV.triggers(s.keyAt(k))) mark.fill(1, Math.max(0, k - before), Math.min(n, k + after + 1));
  }
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!mark[k]) continue;
    let e = k;
    while (e + 1 < n && mark[e + 1]) e++;
    out.push(s.tS[k], s.tE[e]);
    k = e;
  }
  return out;
}

export async function run(): Promise<void> {
  const all = articles(21);
  const s = new DateScanner();
  // The warm-up: CPU per MB, 1 MB slices, from a fresh process's first article.
  const slices: number[] = [];
  let i = 0;
  for (let mb = 0; mb < 21; mb++) {
    let n = 0;
    slices.push(cpuMs(() => {
      for (; i < all.length && n < 1e6; i++) {
        recognizeDates(all[i], s);
        n += all[i].text.length;
      }
    }));
  }
  const timed = slices.slice(1).reduce((x, y) => x + y, 0);
  const first5 = slices.slice(1, 6).reduce((x, y) => x + y, 0);
  console.log('| measure | figure |\n| --- | --- |');
  console.log(`| recognizeDates, CPU ms per MB, MB 0–20 | ${slices.map((x) => x.toFixed(0)).join(' ')} |`);
  console.log(`| the core bench's timed 20 MB (MB 1–20) | ${timed.toFixed(0)} ms CPU, ${(20000 / timed).toFixed(1)} MB/s; the first 5 MB ${((first5 / timed) * 100).toFixed(0)}% of it |`);

  // The steady state: the minimum of the last rounds over 4 MB.
  const part = articles(4);
  const mb = part.reduce((n, a) => n + a.text.length, 0) / 1e6; // per MB of article text, as the core bench counts
  const bodyMb = part.reduce((n, a) => n + a.text.length - a.bodyStart, 0) / 1e6;
  const best = (f: () => void): number => {
    const r: number[] = [];
    for (let k = 0; k < 8; k++) r.push(cpuMs(f) / mb);
    return Math.min(...r.slice(3));
  };
  const rec = best(() => part.forEach((a) => recognizeDates(a, s)));
  const scan = best(() => part.forEach((a) => scanDates(a.text, a.bodyStart, a.text.length, s, 2025)));
  const tok = best(() => part.forEach((a) => s.tokenize(a.text, a.bodyStart, a.text.length)));
  console.log(`| steady state, ms per MB: recognizeDates / scanDates / tokenize | ${rec.toFixed(1)} / ${scan.toFixed(1)} / ${tok.toFixed(1)} (tokenizer ${((tok / rec) * 100).toFixed(0)}%) |`);

  // A prescan's bound: the windows around the seeds known for free, only they tokenized; and the
  // floor of a prescan in JavaScript, one read of each character.
  const floor = best(() => {
    let n = 0;
    for (const a of part) {
      const u = s.codeUnits(a.text, a.bodyStart, a.text.length);
      const len = a.text.length - a.bodyStart;
      for (let j = 0; j < len; j++) {
        const c = u[j];
        if (((c - 48) >>> 0) < 10 || ((c - 65) >>> 0) < 26) n++;
      }
    }
    if (n < 0) throw new Error('unreachable');
  });
  for (const [before, after] of [[4, 6], [7, 10]]) {
    const w = part.map((a) => windows(s, a, before, after));
    const covered = w.reduce((n, x) => n + x.reduce((m, v, q) => m + (q % 2 ? v - x[q - 1] : 0), 0), 0) / 1e6;
    const only = best(() => part.forEach((a, q) => {
      const x = w[q];
      for (let p = 0; p < x.length; p += 2) s.tokenize(a.text, x[p], x[p + 1]);
    }));
    console.log(`| ${before} tokens before a seed, ${after} after: ${((covered / bodyMb) * 100).toFixed(0)}% of the articles' bodies; tokenizing only that, + a prescan's floor | ${only.toFixed(1)} + ${floor.toFixed(1)} ms per MB, against ${tok.toFixed(1)} for all of it |`);
  }
}
