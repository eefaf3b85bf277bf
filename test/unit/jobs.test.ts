/**
 * `--jobs N`: the articles analyzed on worker threads give the same output, byte for byte, as one
 * thread, including the cross-article findings (boilerplate, event dates), the read errors and
 * the exit status. Run through the real bundled command (`bin/attache.js`, whose worker script is
 * `server/out/jobsWorker.js`) and through `runCli` in process (the compiled worker beside it).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';
import { decodeRegistry, encodeRegistry } from '../../server/src/cli/sharedRegistry';
import { analyzeInWorkers, defaultJobs, idleThreads, mayUseWorkers } from '../../server/src/cli/jobs';
import { availableCores, startWorkers } from '../../server/src/node/workers';
import type { BatchResult } from '../../server/src/node/workerMessages';
import { loadInputs, readRegistry } from '../../server/src/cli/project';
import { KEEP_ALL } from '../../server/src/cli/pipeline';
import { generateRegistryYaml } from '../../bench/generate';
import { repoRoot, sampleCorpus, samplesDir } from '../helpers';
import { Run, cliJobs as inProcess, workspace } from './cliRun';

const BIN = join(repoRoot, 'bin', 'attache.js');

function bundled(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * `n` unique articles made from the samples, every seventh with the same closing paragraph
 * (boilerplate across articles), every eleventh a verbatim copy of a sample (duplicate paragraphs,
 * event dates shared with the sample registry), plus one file that is not text.
 */
function corpus(n: number): Record<string, string | Buffer> {
  return sampleCorpus(n, { verbatimEvery: 11, sharedEvery: 7, shared: 'This report is provided for information only and may be republished with credit to the newsroom that wrote it.' });
}

test('the bundled CLI with --jobs 2 prints what --jobs 1 prints on the samples', { skip: !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)' }, () => {
  for (const args of [['check', '--format', 'json'], ['analyze', '--json'], ['check'], ['analyze'], ['check', '--format', 'sarif']]) {
    const one = bundled([...args, '--jobs', '1', '.'], samplesDir);
    const two = bundled([...args, '--jobs', '2', '.'], samplesDir);
    assert.ok(one.out.length > 1000, `${args.join(' ')} printed too little: ${one.err}`);
    assert.deepEqual(two, one, `attache ${args.join(' ')} --jobs 2 differs from --jobs 1`);
  }
  // The default (the cores available, as many as the articles keep busy) is the same again.
  assert.deepEqual(bundled(['analyze', '--json', '.'], samplesDir), bundled(['analyze', '--json', '--jobs', '1', '.'], samplesDir));
});

test('--jobs 2 and 3 print what one thread prints on a generated corpus, cross-article findings and errors included', { skip: !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)' }, async () => {
  const dir = workspace(corpus(80));
  for (const args of [['check', '--format', 'json', 'articles'], ['analyze', '--json', 'articles'], ['check', 'articles']]) {
    const one = bundled([...args, '--jobs', '1'], dir);
    assert.equal(one.code, 2, 'the binary file is reported and the status says so');
    assert.match(one.err, /zz-binary\.article: looks like a binary file/);
    assert.match(one.out, /boilerplate/, 'the shared closing paragraph is found across articles');
    assert.match(one.out, /duplicate-paragraph/);
    assert.deepEqual(bundled([...args, '--jobs', '2'], dir), one, `bundled attache ${args.join(' ')} --jobs 2`);
    assert.deepEqual(await inProcess([...args, '--jobs', '3'], dir), one, `runCli ${args.join(' ')} --jobs 3`);
    // The synchronous in-process API gives the same again.
    let out = '';
    let err = '';
    const code = main(args, dir, (s) => (out += s), (s) => (err += s));
    assert.deepEqual({ code, out, err }, one);
  }
});

test('check --format json writes each diagnostic as analyze --json does, cross-article ones merged in place', { skip: !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)' }, () => {
  // Its articles' own findings are written where they are analyzed (a worker thread with
  // --jobs 2) and copied into the report; analyze --json writes the same diagnostics from the
  // findings themselves, on the main thread.
  const dir = workspace(corpus(80));
  for (const jobs of ['1', '2']) {
    const check = bundled(['check', '--format', 'json', '--jobs', jobs, 'articles'], dir);
    const analyze = bundled(['analyze', '--json', '--jobs', jobs, 'articles'], dir);
    const doc = JSON.parse(check.out) as { files: { path: string; diagnostics: { code: string }[] }[] };
    assert.equal(check.out, `${JSON.stringify(doc, null, 2)}\n`, 'the text is JSON.stringify(…, null, 2)');
    const analyzed = (JSON.parse(analyze.out) as { files: { path: string; diagnostics: unknown[] }[] }).files;
    assert.deepEqual(doc.files, analyzed.map((f) => ({ path: f.path, diagnostics: f.diagnostics })), `--jobs ${jobs}`);
    // Articles with their own findings and a cross-article one (merged in order) are among them.
    assert.ok(doc.files.some((f) => f.diagnostics.some((d) => d.code === 'boilerplate') && f.diagnostics.some((d) => d.code !== 'boilerplate')));
  }
});

test('workers started before the registry is read are stopped when the run needs fewer or ends early', { skip: !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)' }, async () => {
  const dir = workspace({ 'a.article': 'Talks were held on Monday.\n', 'b.article': 'Talks went on on Tuesday.\n' });
  // Two articles: one worker of the three started does the work, the others are stopped (the run ends).
  const one = bundled(['check', '--format', 'json', '--jobs', '1', '.'], dir);
  assert.equal(one.code, 0, one.err);
  assert.deepEqual(bundled(['check', '--format', 'json', '--jobs', '4', '.'], dir), one);
  assert.deepEqual(await inProcess(['check', '--format', 'json', '--jobs', '4', '.'], dir), one);
  // One article: no worker is used. No article at all (a missing path): the run ends at once, status 2.
  assert.equal(bundled(['check', '--jobs', '4', 'a.article'], dir).code, 0);
  const missing = bundled(['check', '--jobs', '4', 'no-such-folder'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no-such-folder: no such file or folder/);
});

test('the default --jobs is the idle cores available, fewer when the articles are few for the registry', () => {
  const cores = availableCores();
  assert.ok(cores >= 1);
  // An idle machine with 8 cores (cores and idle ones given: the rule, not this machine's load).
  assert.equal(defaultJobs(0, 96, 8, 8), 1, 'no articles: this thread');
  assert.equal(defaultJobs(50_000, 96, 8, 8), 1, 'a few articles: this thread');
  assert.equal(defaultJobs(1e12, 100_000, 8, 8), 8, 'a huge corpus: every core');
  // 100,000 entities: a second thread needs 12 MB + 11 MB of articles.
  assert.equal(defaultJobs(22_900_000, 100_000, 8, 8), 1);
  assert.equal(defaultJobs(23_100_000, 100_000, 8, 8), 2);
  assert.equal(defaultJobs(60_000_000, 100_000, 8, 8), 3);
  assert.equal(defaultJobs(60_000_000, 96, 8, 8), 5, 'the same corpus with a small registry: more threads');
  assert.equal(defaultJobs(11_000_000, 96, 8, 8), 1, 'a corpus too small for a second warm-up');
  assert.equal(defaultJobs(60_000_000, 96, 2, 2), 2, 'no more threads than cores');
  assert.equal(defaultJobs(Infinity, 0, 8, 8), 8, 'the most a run may use: every idle core');
  // Cores other processes keep busy are not taken, whatever the corpus (the rule of check, analyze and analyze --jsonl).
  assert.equal(defaultJobs(1e12, 100_000, 2, idleThreads(2, 9.5, 1)), 1, 'a 2-core machine loaded by other jobs: this thread only');
  assert.equal(defaultJobs(1e12, 100_000, 8, idleThreads(8, 3.2, 1)), 5);
  assert.equal(defaultJobs(23_100_000, 100_000, 8, idleThreads(8, 3.2, 1)), 2, 'fewer articles than the idle cores could take');
  // Without cores and idle ones given: this machine's.
  const here = defaultJobs(1e12, 100_000);
  assert.ok(here >= 1 && here <= cores);
  // Workers are started early for a folder, not for one small file.
  const dir = workspace({ 'a.article': 'Talks were held on Monday.\n' });
  assert.equal(mayUseWorkers(['a.article'], dir), false);
  assert.equal(mayUseWorkers(['.'], dir), true);
  assert.equal(mayUseWorkers(['missing.article'], dir), false);
});

test('a worker decodes only the entities its articles name, not the registry (20,000 entities, 24 articles)', async () => {
  // Every per-registry table (name forms, office holders, office and event forms, demonyms) is
  // the main thread's: a worker that built one from the snapshot would decode every entity of a
  // type (thousands of persons, offices, countries or events here).
  const dir = workspace({ ...sampleCorpus(24), 'registry/generated.yaml': generateRegistryYaml(20_000) });
  const inputs = loadInputs({ cwd: dir, paths: ['articles'], registryGlobs: ['registry/*.yaml'] });
  assert.ok(inputs.registry.entities.size > 20_000);
  const workers = startWorkers(2);
  const decoded = workers.map(() => -1);
  workers.forEach((w, i) => w.on('message', (m: BatchResult) => {
    if (m.kind === 'batch') decoded[i] = Math.max(decoded[i], m.rowsDecoded);
  }));
  let outcomes = 0;
  let mentions = 0;
  await analyzeInWorkers(inputs, 3, KEEP_ALL, (o) => {
    outcomes++;
    mentions += o.article?.report.entities.length ?? 0;
  }, workers);
  assert.equal(outcomes, 25, 'every article analyzed (the binary one reported)');
  assert.ok(mentions > 200, `the articles name entities (${mentions} mentions)`);
  for (const [i, n] of decoded.entries()) {
    assert.ok(n > 0, `worker ${i} analyzed articles and decoded the entities they name`);
    assert.ok(n <= 300, `worker ${i} decoded ${n} of ${inputs.registry.entities.size} entities`);
  }
});

test('--jobs takes a whole number of threads', () => {
  const dir = workspace({ 'a.article': 'Talks were held on Monday.\n' });
  let err = '';
  const code = main(['check', '--jobs', 'two', 'a.article'], dir, () => undefined, (s) => (err += s));
  assert.equal(code, 2);
  assert.match(err, /--jobs needs a whole number of threads from 1 to 9999, not 'two'/);
  let err0 = '';
  assert.equal(main(['check', '--jobs', '0', 'a.article'], dir, () => undefined, (s) => (err0 += s)), 2);
  assert.match(err0, /not '0'/);
  let errExport = '';
  assert.equal(main(['export', '--format', 'jsonl', '--jobs', '2', 'a.article'], dir, () => undefined, (s) => (errExport += s)), 2);
  assert.match(errExport, /--jobs only goes with check and analyze/);
});

test('the workers\' registry snapshot has every entity as analysis reads it', () => {
  const dir = join(samplesDir, 'registry');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
  // One person whose role still holds (`end: null`, not the same as no end written).
  // And text outside ASCII (accents, Cyrillic, a character beyond U+FFFF), quotes and a
  // backslash: the rows are written in ASCII with escapes, and must read back the same.
  const extra = workspace({
    'more.yaml': 'entities:\n  - id: test-envoy\n    type: person\n    name: Mira Stellan\n    roles:\n      - title: Special Envoy\n        start: 2024-02-01\n        end: null\n' +
      '  - id: test-accents\n    type: person\n    name: Zoë Ångström-Łukasiewicz\n    aliases: [Зоя Ангстрем, "Zoë \\"Z\\" \u{1F30D}", \'back\\slash\']\n',
  });
  const registry = readRegistry([...files, join(extra, 'more.yaml')], []);
  assert.equal(registry.entities.get('test-envoy')?.roles[0].end, null);
  const back = decodeRegistry(encodeRegistry(registry));
  assert.equal(back.version, registry.version);
  assert.deepEqual([...back.entities.keys()], [...registry.entities.keys()]);
  let roles = 0;
  let stillHolds = 0;
  for (const [id, e] of registry.entities) {
    const b = back.entities.get(id)!;
    // Everything but where the id and the references are written (registry navigation only).
    assert.deepEqual({ ...b, source: { path: b.source.path, range: b.source.range } }, { ...e, source: { path: e.source.path, range: e.source.range } }, id);
    roles += e.roles.length;
    stillHolds += e.roles.filter((r) => r.end === null).length;
  }
  assert.ok(roles > 10, 'the samples have roles to carry over');
  assert.ok(stillHolds > 0, 'and roles that still hold (end: null), which must stay null');
  assert.deepEqual(back.entities.get('test-accents')?.aliases, ['Зоя Ангстрем', 'Zoë "Z" \u{1F30D}', 'back\\slash']);
});
