/**
 * `attache import wikidata` on a generated dump: a gzip file holding ATTACHE_WD_DUMP_MB megabytes
 * (default 1024) of line-per-entity JSON, mostly items the importer passes over, with one official
 * (a person with positions held) in a thousand. The import runs in a child process so its peak
 * resident memory can be read; the target is under 300 MB whatever the dump's size. Then the
 * same for a bzip2 dump of ATTACHE_WD_BZ2_MB megabytes (default 128; needs the system's bzip2).
 */

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGzip, constants } from 'node:zlib';

const item = (p: string, q: string) => ({ mainsnak: { snaktype: 'value', property: p, datavalue: { value: { 'entity-type': 'item', id: q }, type: 'wikibase-entityid' }, datatype: 'wikibase-item' }, type: 'statement', rank: 'normal' });
const time = (p: string, y: number) => ({ snaktype: 'value', property: p, datavalue: { value: { time: `+${y}-01-01T00:00:00Z`, precision: 9, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' } });

function line(i: number): string {
  const labels: Record<string, { language: string; value: string }> = {};
  for (const l of ['en', 'fr', 'de', 'es', 'it', 'ja', 'ru', 'zh']) labels[l] = { language: l, value: `Item ${i} in ${l}` };
  if (i % 1000 === 0) {
    return JSON.stringify({
      type: 'item', id: `Q${i + 1}`, lastrevid: 1000 + i, labels,
      claims: {
        P31: [item('P31', 'Q5')], P27: [item('P27', 'Q17')],
        P39: [{ ...item('P39', `Q${90_000_000 + (i % 50)}`), qualifiers: { P580: [time('P580', 1990 + (i % 30))] } }],
      },
    });
  }
  // Filler: a scholarly article with the kind of statements dumps are full of (one template, new ids).
  return FILLER.replace(/@ID@/g, String(i + 1));
}

const FILLER = (() => {
  const labels: Record<string, { language: string; value: string }> = {};
  for (const l of ['en', 'fr', 'de', 'es', 'it', 'ja', 'ru', 'zh']) labels[l] = { language: l, value: `Item @ID@ in ${l}` };
  const claims: Record<string, unknown[]> = { P31: [item('P31', 'Q13442814')] };
  for (let k = 0; k < 12; k++) claims[`P${2000 + k}`] = [item(`P${2000 + k}`, `Q${1000 + k}`)];
  return JSON.stringify({ type: 'item', id: 'Q@ID@', lastrevid: 1000, labels, descriptions: labels, claims });
})();

/**
 * Writes a dump of about `bytes` bytes of JSON lines, gzip- or (with the system's `bzip2 -1`)
 * bzip2-compressed; one entity in a thousand is an official.
 */
export async function generateDump(file: string, bytes: number, compression: 'gzip' | 'bzip2' = 'gzip'): Promise<{ lines: number; raw: number }> {
  const out = createWriteStream(file);
  let gz: NodeJS.WritableStream;
  let done: Promise<void>;
  if (compression === 'gzip') {
    const z = createGzip({ level: constants.Z_BEST_SPEED });
    done = new Promise<void>((resolve, reject) => z.pipe(out).on('finish', () => resolve()).on('error', reject));
    gz = z;
  } else {
    const child = spawn('bzip2', ['-1', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
    done = new Promise<void>((resolve, reject) => {
      child.stdout.pipe(out).on('finish', () => resolve()).on('error', reject);
      child.on('error', reject);
    });
    gz = child.stdin;
  }
  let raw = 2;
  let n = 0;
  gz.write('[\n');
  while (raw < bytes) {
    const l = line(n++) + ',\n';
    raw += l.length;
    if (!gz.write(l)) await new Promise((r) => gz.once('drain', r));
  }
  gz.write(`${line(n++)}\n]\n`);
  gz.end();
  await done;
  return { lines: n, raw };
}

/**
 * Imports `file` in a child process (so its peak resident memory is the import's own) and returns
 * the exit status, the peak RSS in kB and the number of persons in the YAML produced.
 */
export function importInChild(file: string): { code: number; maxRssKb: number; persons: number } {
  const script = `
    const { importCommand } = require(${JSON.stringify(join(__dirname, '..', 'server', 'src', 'cli', 'importWikidata.js'))});
    let yaml = '';
    importCommand(['wikidata', ${JSON.stringify(file)}], { cwd: process.cwd(), out: (s) => (yaml += s), err: () => {}, date: '2025-12-01' })
      .then((code) => process.stdout.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS, persons: (yaml.match(/type: person/g) || []).length })));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number; maxRssKb: number; persons: number };
}

export async function run(): Promise<void> {
  const mb = Number(process.env.ATTACHE_WD_DUMP_MB ?? 1024);
  const dir = mkdtempSync(join(tmpdir(), 'attache-wd-bench-'));
  const file = join(dir, 'dump.json.gz');
  try {
    const t0 = performance.now();
    const { lines, raw } = await generateDump(file, mb * 1024 * 1024);
    const genMs = performance.now() - t0;
    const t1 = performance.now();
    const res = importInChild(file);
    const importMs = performance.now() - t1;
    console.log('| what | figure |\n| --- | --- |');
    console.log(`| generated dump | ${(raw / 1024 / 1024).toFixed(0)} MB of JSON lines (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB gzip), ${lines.toLocaleString('en')} entities, generated in ${(genMs / 1000).toFixed(1)} s |`);
    console.log(`| import (gunzip, filter, map, YAML) | ${(importMs / 1000).toFixed(1)} s, ${(raw / 1024 / 1024 / (importMs / 1000)).toFixed(0)} MB/s, exit ${res.code}, ${res.persons} persons |`);
    console.log(`| peak resident memory of the import | ${(res.maxRssKb / 1024).toFixed(0)} MB (target < 300 MB) |`);
    rmSync(file, { force: true });
    // bzip2: the JavaScript block decoder is the slow part, so a smaller dump gives its figures.
    if (spawnSync('bzip2', ['--help']).error === undefined) {
      const bzMb = Number(process.env.ATTACHE_WD_BZ2_MB ?? Math.min(mb, 128));
      const bz = join(dir, 'dump.json.bz2');
      const gen = await generateDump(bz, bzMb * 1024 * 1024, 'bzip2');
      const t2 = performance.now();
      const r2 = importInChild(bz);
      const ms = performance.now() - t2;
      console.log(`| bzip2 dump | ${(gen.raw / 1024 / 1024).toFixed(0)} MB of JSON lines (${(statSync(bz).size / 1024 / 1024).toFixed(0)} MB bzip2 -1) |`);
      console.log(`| import (bunzip2, filter, map, YAML) | ${(ms / 1000).toFixed(1)} s, ${(gen.raw / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s, exit ${r2.code}, ${r2.persons} persons, peak RSS ${(r2.maxRssKb / 1024).toFixed(0)} MB |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
