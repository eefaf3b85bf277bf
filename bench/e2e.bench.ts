/**
 * End to end, as a user runs it: the built `attache` command (`bin/attache.js`, the bundled CLI)
 * on a corpus of unique articles with a 100,000-entity registry, beside chrono-node parsing the
 * same texts for dates only, in the same run.
 *
 * The corpus is the sample articles repeated, a reference number appended to every body line so
 * no two articles (and no two paragraphs) are alike: 20 MB by default, `--mb=N` for a quicker run
 * (`--entities=N` changes the registry size, for a smoke run of the bench itself).
 * The registry is `generateRegistryYaml(100_000)` (block style) plus the samples' own registry
 * files, so the articles have mentions to find. Each command runs three times and the median is
 * kept; its startup (node, the bundle, reading and indexing the registry) is measured separately
 * with the same command on `--jobs` tiny articles (median of three) and subtracted, so MB/s is the
 * article throughput. The CPU time of each command (user + system, all threads; median of three,
 * Linux) is printed too: on a shared machine it is steadier than the wall time. Outputs of
 * `--jobs 1` and `--jobs 2` are compared byte for byte.
 *
 * A run of a few MB is partly warm-up: V8 compiles the pipeline while it runs, and the date and
 * entity stages reach their steady speed only after some 10 MB of articles (docs/performance.md).
 * A corpus of millions of articles runs at that steady speed, so `--jobs 1` is also run on the
 * corpus's first half alone (`articles/first/`), and the second half's rate, (whole − first half)
 * ÷ (run − run of the first half), is printed as the rate once warm.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateRegistryYaml } from './generate';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');
const BIN = join(ROOT, 'bin', 'attache.js');
const RUNS = 3;

function option(name: string, dflt: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const v = a ? Number(a.slice(name.length + 3)) : dflt;
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

/**
 * Writes `articles/NNNNNN.article` files (copies of the sample articles, each body line ending in
 * ` [ref N-L]`) until `bytes` are written. Front matter lines are kept as they are.
 */
export function writeCorpus(dir: string, bytes: number): { files: string[]; bytes: number } {
  const sampleDir = join(SAMPLES, 'articles');
  const texts = readdirSync(sampleDir).filter((f) => f.endsWith('.article')).sort().map((f) => readFileSync(join(sampleDir, f), 'utf8'));
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const files: string[] = [];
  let total = 0;
  for (let n = 0; total < bytes; n++) {
    const lines = texts[n % texts.length].split('\n');
    let front = lines[0] === '---';
    const out = lines.map((l, i) => {
      if (front) {
        if (i > 0 && l === '---') front = false;
        return l;
      }
      return l.trim() ? `${l} [ref ${n}-${i}]` : l;
    });
    const text = out.join('\n');
    const file = join(dir, 'articles', `${String(n).padStart(6, '0')}.article`);
    writeFileSync(file, text);
    files.push(file);
    total += Buffer.byteLength(text);
  }
  return { files, bytes: total };
}

export function writeRegistry(dir: string, entities: number): void {
  mkdirSync(join(dir, 'registry'), { recursive: true });
  writeFileSync(join(dir, 'registry', 'generated.yaml'), generateRegistryYaml(entities));
  for (const f of readdirSync(join(SAMPLES, 'registry'))) copyFileSync(join(SAMPLES, 'registry', f), join(dir, 'registry', f));
}

/**
 * CPU time (user + system, ms) of this process's waited-for children so far, from
 * `/proc/self/stat` (Linux; NaN elsewhere). On a machine shared with other jobs the wall time of
 * a run says little, its CPU time much more.
 */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5) (cutime, cstime), counted from the state (field 3) here.
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Wall time of one `attache` run in `cwd` (ms), and its CPU time; its standard output written to `out`. */
function attacheRun(cwd: string, args: string[], out: string): { wall: number; cpu: number } {
  const c = childrenCpuMs();
  const t = performance.now();
  const fd = openSync(out, 'w');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  closeSync(fd);
  if (r.status !== 0 && r.status !== 1) throw new Error(`attache ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: childrenCpuMs() - c };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

export async function run(): Promise<void> {
  const mb = option('mb', 20);
  const entities = option('entities', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'attache-e2e-'));
  try {
    writeRegistry(dir, entities);
    const corpus = writeCorpus(dir, mb * 1e6);
    const texts = corpus.files.map((f) => readFileSync(f, 'utf8'));
    // The first half of the articles also in a folder of its own, for the rate once warm.
    const half = Math.floor(corpus.files.length / 2);
    mkdirSync(join(dir, 'articles', 'first'));
    let halfBytes = 0;
    for (const f of corpus.files.slice(0, half)) {
      halfBytes += Buffer.byteLength(readFileSync(f));
      renameSync(f, join(dir, 'articles', 'first', basename(f)));
    }
    // Startup corpora: `--jobs` one-line articles, so the same number of workers starts.
    for (const j of [1, 2]) {
      mkdirSync(join(dir, `tiny${j}`));
      for (let i = 0; i < j; i++) writeFileSync(join(dir, `tiny${j}`, `t${i}.article`), `---\ndate: 2025-10-26\n---\nTalks were held on Monday. [${i}]\n`);
    }
    const hasJobs = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout.includes('--jobs');
    const registry = ['--registry', 'registry/*.yaml'];
    const commands: { name: string; args: string[] }[] = [
      { name: 'check --format json', args: ['check', '--format', 'json'] },
      { name: 'analyze --json', args: ['analyze', '--json'] },
    ];
    console.log(`Corpus: ${corpus.files.length.toLocaleString('en')} unique articles, ${(corpus.bytes / 1e6).toFixed(1)} MB; registry ${entities.toLocaleString('en')} generated entities (block style) + the samples' registry.`);
    console.log(`Each figure: median of ${RUNS} runs; MB/s = corpus size / (run − startup), startup = the same command on \`--jobs\` one-line articles (median of ${RUNS}).`);
    console.log('| command | jobs | startup | run | MB/s (startup subtracted) | MB/s (whole run) | CPU: startup, run | output |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
    const rates = new Map<string, number>();
    const totals = new Map<string, number>();
    const warmRows: string[] = [];
    for (const c of commands) {
      const hashes: string[] = [];
      for (const j of hasJobs ? [1, 2] : [1]) {
        const jobs = hasJobs ? ['--jobs', String(j)] : [];
        const out = join(dir, `out-${c.args[0]}-${j}.json`);
        const starts = Array.from({ length: RUNS }, () => attacheRun(dir, [...c.args, ...registry, ...jobs, `tiny${j}`], join(dir, 'startup.out')));
        const runs = Array.from({ length: RUNS }, () => attacheRun(dir, [...c.args, ...registry, ...jobs, 'articles'], out));
        const startup = median(starts.map((x) => x.wall));
        const total = median(runs.map((x) => x.wall));
        const cpu = `${(median(starts.map((x) => x.cpu)) / 1000).toFixed(2)} s, ${(median(runs.map((x) => x.cpu)) / 1000).toFixed(2)} s`;
        // On a loaded machine the startup can exceed the run: then no article rate is given.
        const rate = total > startup ? corpus.bytes / 1e6 / ((total - startup) / 1000) : NaN;
        rates.set(`${c.name} ${j}`, rate);
        totals.set(`${c.name} ${j}`, total);
        hashes.push(sha(out));
        if (j === 1) {
          const firstHalf = median(Array.from({ length: RUNS }, () => attacheRun(dir, [...c.args, ...registry, ...jobs, join('articles', 'first')], join(dir, 'half.out')).wall));
          const warm = total > firstHalf ? (corpus.bytes - halfBytes) / 1e6 / ((total - firstHalf) / 1000) : NaN;
          warmRows.push(`| \`attache ${c.name}\` (--jobs 1) | ${(halfBytes / 1e6).toFixed(1)} MB in ${(firstHalf / 1000).toFixed(2)} s | ${((corpus.bytes - halfBytes) / 1e6).toFixed(1)} MB in ${((total - firstHalf) / 1000).toFixed(2)} s | **${Number.isNaN(warm) ? 'n/a' : warm.toFixed(1)}** |`);
        }
        console.log(`| \`attache ${c.name}\` | ${hasJobs ? j : '—'} | ${(startup / 1000).toFixed(2)} s | ${(total / 1000).toFixed(2)} s | **${Number.isNaN(rate) ? 'n/a (startup ≥ run: machine loaded?)' : rate.toFixed(1)}** | ${(corpus.bytes / 1e6 / (total / 1000)).toFixed(1)} | ${cpu} | ${(readFileSync(out).length / 1e6).toFixed(1)} MB, sha256 ${hashes[hashes.length - 1]} |`);
      }
      if (hashes.length > 1) {
        const articles = rates.get(`${c.name} 2`)! / rates.get(`${c.name} 1`)!;
        const whole = totals.get(`${c.name} 1`)! / totals.get(`${c.name} 2`)!;
        console.log(`| ${c.name}: \`--jobs 2\` output ${hashes[0] === hashes[1] ? 'identical to' : '**DIFFERS FROM**'} \`--jobs 1\` | | | | speed-up ${Number.isNaN(articles) ? 'n/a' : `${articles.toFixed(2)}×`} | whole run ${whole.toFixed(2)}× | | |`);
      }
    }

    console.log(`\nOnce warm: the first half of the articles alone (median of ${RUNS}), and the second half as the difference to the whole run.`);
    console.log('| command | first half, alone | second half (whole − first half) | MB/s once warm |\n| --- | --- | --- | --- |');
    for (const row of warmRows) console.log(row);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const chrono = require('chrono-node');
    const ref = new Date('2025-10-26T12:00:00Z');
    const chronoMs = median(Array.from({ length: RUNS }, () => {
      const t = performance.now();
      let n = 0;
      for (const s of texts) n += chrono.parse(s, ref).length;
      if (n < 0) console.log(n);
      return performance.now() - t;
    }));
    const chronoRate = corpus.bytes / 1e6 / (chronoMs / 1000);
    console.log(`\n| chrono-node (dates only, in process, the same texts) | ${(chronoMs / 1000).toFixed(2)} s | ${chronoRate.toFixed(1)} MB/s |\n| --- | --- | --- |`);
    for (const c of commands) {
      console.log(`| Attaché \`${c.name}\` (--jobs 1) ÷ chrono-node | | **${(rates.get(`${c.name} 1`)! / chronoRate).toFixed(2)}×** |`);
    }
    console.log('Targets: ≥ 25 MB/s per core end to end (--jobs 1) with 100,000 entities, ≥ 2× chrono-node; --jobs 2 ≥ 1.7× --jobs 1 on 2 cores.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
