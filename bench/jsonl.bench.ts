/**
 * `attache analyze --jsonl` with `--jobs 1`, `--jobs 2` and the default, as a user runs it (the
 * bundled `bin/attache.js`), on a JSON Lines corpus of unique articles (the samples with a
 * reference number on every body line, e2e.bench.ts's `writeCorpus`; 8 MB by default, `--mb=N`),
 * with the 100,000-entity generated registry (plus the samples' registry) and with the samples'
 * registry alone. Standard input is the corpus file (its size known) or, for the default, also a
 * pipe (`cat corpus | attache`: workers join once enough is read). Each figure is the median of
 * three runs (`--runs=N`): wall time, CPU time of all threads (user + system, Linux), and the peak resident
 * memory when /usr/bin/time is there. Outputs are compared byte for byte with `--jobs 1`.
 */

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childrenCpuMs, median, sha, writeCorpus, writeRegistry } from './e2e.bench';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'attache.js');
const TIME = '/usr/bin/time';

function option(name: string, dflt: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const v = a ? Number(a.slice(name.length + 3)) : dflt;
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

interface Figures {
  wall: number;
  cpu: number;
  rssMb: number;
}

/** One run with the corpus on standard input (`pipe`: through `cat`), output to `out`. */
function jsonlRun(cwd: string, args: string[], corpus: string, out: string, pipe: boolean): Figures {
  const c = childrenCpuMs();
  const t = performance.now();
  const fd = openSync(out, 'w');
  const timed = existsSync(TIME);
  const node = [...(timed ? [TIME, '-f', '%M'] : []), process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const shell = pipe ? `cat '${corpus}' | ${node}` : `${node} < '${corpus}'`;
  const r = spawnSync('/bin/sh', ['-c', shell], { cwd, stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  closeSync(fd);
  if (r.status !== 0 && r.status !== 1) throw new Error(`attache ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rss = timed ? Number(r.stderr.toString().trim().split('\n').pop()) / 1024 : NaN;
  return { wall, cpu: childrenCpuMs() - c, rssMb: rss };
}

export async function run(): Promise<void> {
  const mb = option('mb', 8);
  const RUNS = option('runs', 3);
  const entities = option('entities', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'attache-jsonl-'));
  try {
    writeRegistry(dir, entities);
    mkdirSync(join(dir, 'small'));
    for (const f of readdirSync(join(ROOT, 'samples', 'registry'))) copyFileSync(join(ROOT, 'samples', 'registry', f), join(dir, 'small', f));
    const files = writeCorpus(dir, mb * 1e6).files;
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, files.map((f, i) => JSON.stringify({ id: `a${i}`, text: readFileSync(f, 'utf8') })).join('\n') + '\n');
    const bytes = readFileSync(corpus).length;
    console.log(`Corpus: ${files.length.toLocaleString('en')} lines, ${(bytes / 1e6).toFixed(1)} MB of JSON Lines. Median of ${RUNS} runs; CPU = user + system of all threads.`);
    console.log('| registry | command | jobs | stdin | wall | CPU | peak RSS | MB/s (wall) | output |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, glob] of [[`${entities.toLocaleString('en')} + samples`, 'registry/*.yaml'], ['samples only', 'small/*.yaml']]) {
      for (const mode of [[], ['--emit-claims']]) {
        let first = '';
        for (const [jobs, pipe] of [['1', false], ['2', false], ['', false], ['', true]] as const) {
          const args = ['analyze', '--jsonl', '--quiet', '--registry', glob, ...mode, ...(jobs ? ['--jobs', jobs] : [])];
          const out = join(dir, 'out.jsonl');
          const runs = Array.from({ length: RUNS }, () => jsonlRun(dir, args, corpus, out, pipe));
          const wall = median(runs.map((x) => x.wall));
          const hash = sha(out);
          first ||= hash;
          console.log(`| ${name} | \`analyze --jsonl ${mode.join(' ')}\` | ${jobs || 'default'} | ${pipe ? 'pipe' : 'file'} | ${(wall / 1000).toFixed(2)} s | ${(median(runs.map((x) => x.cpu)) / 1000).toFixed(2)} s | ${median(runs.map((x) => x.rssMb)).toFixed(0)} MB | ${(bytes / 1e6 / (wall / 1000)).toFixed(1)} | ${hash === first ? 'same as --jobs 1' : '**DIFFERS from --jobs 1**'} |`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
