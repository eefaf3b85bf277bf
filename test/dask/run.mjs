// The Dask level of `npm test` (issue #18, item 4): starts a Dask scheduler and two workers on
// 127.0.0.1 (free ports, Debian's /usr/bin/python3 with python3-distributed), runs
// examples/dask/attache_dask.py on a generated corpus, and compares its output and exit status
// with one `attache analyze --jsonl` over the same input. The processes it started are always
// stopped (each is the leader of its own process group, killed by group id), also on failure or
// Ctrl-C. Prints "N passed, N failed" last, as scripts/test-all.sh expects.
//
// Without python3-distributed the level says so loudly; it fails only under CI=true (CI installs
// the package, see .ci/run), and counts as skipped on a developer machine.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// ATTACHE_DASK_PYTHON names another interpreter (e.g. one without Dask, to see the message).
const PYTHON = process.env.ATTACHE_DASK_PYTHON ?? '/usr/bin/python3';
const attache = join(repo, 'bin', 'attache.js');
const script = join(repo, 'examples', 'dask', 'attache_dask.py');
const started = [];
let dir;
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
}

function stopAll() {
  for (const p of started) {
    if (p.exitCode === null && p.signalCode === null) {
      try {
        process.kill(-p.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}

function cleanup() {
  stopAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts a long-running Python module in its own process group; its output goes to `log`. */
function startDaemon(name, args, log) {
  const p = spawn(PYTHON, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(p);
  let text = '';
  p.stdout.on('data', (d) => (text += d));
  p.stderr.on('data', (d) => (text += d));
  p.on('exit', () => writeFileSync(log, text));
  p.daemon = name;
  p.tail = () => text.split('\n').slice(-15).join('\n');
  return { proc: p, output: () => text, name };
}

/** Resolves once `pred()` holds, checking every 100 ms; rejects after `ms` (a hung cluster, not a timing assertion). */
function until(pred, ms, what) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (pred()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`gave up waiting for ${what}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

const REGISTRY = [
  'version: 1',
  'entities:',
  '  - {id: japan, type: country, name: Japan, demonyms: [Japanese]}',
  '  - {id: qatar, type: country, name: Qatar, demonyms: [Qatari]}',
  '  - {id: doha, type: place, name: Doha, country: qatar}',
  '  - {id: gulf-energy-forum, type: event, name: Gulf Energy Forum}',
  '',
].join('\n');

/** Articles sharing boilerplate paragraphs and dating one event two ways; one bad line. */
function corpus(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const paras = [
      `Delegations from Japan and Qatar opened round ${i} of the shipping talks in Doha.`,
      `The Gulf Energy Forum began on ${i % 6 === 0 ? 9 : 7} April 2025, the organizers said in note ${i}.`,
      i % 4 === 0 ? 'Copying this dispatch in whole or in part is forbidden without a licence from the agency.' : `A Qatari adviser expects a result in session ${i}.`,
      `Japanese officials did not say when talks number ${i} would end.`,
    ];
    const rec = { id: `doc-${String(i).padStart(5, '0')}`, text: paras.join('\n') + '\n' };
    if (i % 3) rec.date = `2025-04-${String(10 + (i % 9)).padStart(2, '0')}`;
    lines.push(JSON.stringify(rec));
  }
  lines.splice(Math.floor(n / 2), 0, '{"id": "broken", "text": 12}');
  return lines.join('\n') + '\n';
}

async function main() {
  const probe = spawnSync(PYTHON, ['-c', 'import dask.bag, distributed'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const msg = `python3-distributed is missing (${PYTHON} -c 'import dask.bag, distributed' failed${probe.error ? `: ${probe.error.message}` : ''}).\n` +
      'Install it with: sudo apt-get install -y --no-install-recommends python3-distributed';
    console.log(`\n!!!!!!!!!! DASK LEVEL NOT RUN !!!!!!!!!!\n${msg}\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`);
    if (process.env.CI === 'true') check('python3-distributed is installed (required under CI=true)', false, msg);
    return;
  }
  if (!existsSync(join(repo, 'server', 'out', 'cli.js'))) {
    check('the CLI is built (npm run build)', false, 'server/out/cli.js is missing');
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'attache-dask-'));
  writeFileSync(join(dir, 'registry.yaml'), REGISTRY);
  writeFileSync(join(dir, 'in.jsonl'), corpus(400));

  const single = spawnSync(process.execPath, [attache, 'analyze', '--jsonl', '--registry', 'registry.yaml'], {
    cwd: dir, input: readFileSync(join(dir, 'in.jsonl')), maxBuffer: 1 << 28,
  });
  check('one attache analyze --jsonl exits 1 (one bad line)', single.status === 1, single.stderr.toString());
  const findings = (single.stdout.toString().match(/"code":"(boilerplate|event-date-conflict)"/g) ?? []).length;
  check('the corpus has cross-article findings', findings > 100, `${findings}`);

  const port = await freePort();
  const address = `tcp://127.0.0.1:${port}`;
  const schedulerFile = join(dir, 'scheduler.json');
  const scheduler = startDaemon('scheduler', ['-m', 'distributed.cli.dask_scheduler', '--host', '127.0.0.1', '--port', String(port),
    '--no-dashboard', '--no-show', '--scheduler-file', schedulerFile], join(dir, 'scheduler.log'));
  await until(() => existsSync(schedulerFile) || scheduler.proc.exitCode !== null, 60000, 'the scheduler');
  if (scheduler.proc.exitCode !== null) {
    check('the Dask scheduler starts', false, scheduler.output());
    return;
  }
  for (const k of [1, 2]) {
    startDaemon(`worker ${k}`, ['-m', 'distributed.cli.dask_worker', address, '--host', '127.0.0.1', '--nthreads', '1', '--nworkers', '1',
      '--no-nanny', '--no-dashboard', '--local-directory', join(dir, `worker-${k}`)], join(dir, `worker-${k}.log`));
  }
  const out = join(dir, 'out.jsonl');
  const r = await new Promise((resolve) => {
    const p = spawn(PYTHON, [script, '--scheduler', address, '--workers', '2', '--partitions', '5', '--registry', 'registry.yaml', 'in.jsonl', out],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stdout.on('data', (d) => (err += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, err }));
  });
  const parts = /(\d+) partitions on (\d+) workers/.exec(r.err);
  check('the script ran several partitions on the two workers', !!parts && Number(parts[1]) >= 3 && parts[2] === '2', r.err);
  check('attache_dask.py exits with the status of one run (1: a bad line)', r.code === 1, `exit ${r.code}\n${r.err}`);
  check('its bad line is reported on standard error with its line in the input', /\(line 201 of the input\): id "broken": "text" must be a string/.test(r.err), r.err);
  const got = existsSync(out) ? readFileSync(out) : Buffer.alloc(0);
  check('its output equals one attache analyze --jsonl, byte for byte', got.equals(single.stdout),
    `${got.length} bytes vs ${single.stdout.length}; first difference at ${[...got].findIndex((b, i) => b !== single.stdout[i])}`);
  check('the shard folder is removed', !readdirSync(dir).some((n) => n.startsWith('.attache-shards-')), readdirSync(dir).join(' '));
}

/** Waits until every process in `procs` has exited; false after `ms`. */
function exited(procs, ms) {
  return until(() => procs.every((p) => p.exitCode !== null || p.signalCode !== null), ms, 'exit').then(() => true, () => false);
}

/**
 * Stops the cluster so that no process outlives the level: workers first, so that none is still
 * talking to a scheduler that is going away (CI twice saw a worker not exit on SIGTERM when both
 * got it at once), then the scheduler. Dask's own graceful close is not what this level tests
 * (attache_dask.py is), so a daemon that ignores SIGTERM for 30 s is killed and named in the log;
 * the check is that nothing is left running.
 */
async function stopCluster() {
  const daemons = started.filter((p) => p.daemon);
  for (const group of [daemons.filter((p) => p.daemon !== 'scheduler'), daemons.filter((p) => p.daemon === 'scheduler')]) {
    const live = group.filter((p) => p.exitCode === null && p.signalCode === null);
    for (const p of live) {
      try {
        process.kill(-p.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    if (await exited(live, 30000)) continue;
    for (const p of live.filter((q) => q.exitCode === null && q.signalCode === null)) {
      console.log(`# the ${p.daemon} did not stop within 30 s of SIGTERM; killing it. Its last lines:\n${p.tail().replace(/^/gm, '#   ')}`);
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  check('no Dask process is left running', await exited(started, 10000), started.filter((p) => p.exitCode === null && p.signalCode === null).map((p) => p.pid).join(' '));
}

try {
  await main();
} catch (e) {
  check('the Dask level ran to the end', false, e instanceof Error ? e.stack : String(e));
} finally {
  await stopCluster();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
