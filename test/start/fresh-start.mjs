// The README's first command, checked as a newcomer runs it: copy the project's files (tracked and
// untracked, minus what .gitignore excludes, so no node_modules/, .cache/ or build output) into a
// new folder, run `npm start` there through npm exactly as written, wait for the printed loopback
// URL, fetch it (HTTP 200, the VS Code workbench page), then stop it with Ctrl-C (SIGINT) and check
// that nothing it started is left running. Ends with a plain "N passed, N failed" line.
//
// The fresh copy installs everything itself (npm packages, code-server in its own .cache/), which
// is the point: a cache in this checkout must not make the test pass. It takes about 5 minutes.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const TIMEOUT_MS = Number(process.env.ATTACHE_START_TIMEOUT_MS ?? 20 * 60 * 1000);
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
};

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function copyProject(dest) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue; // deleted but not yet staged
    const to = path.join(dest, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, fs.statSync(from).mode);
  }
  return files.length;
}

/** Processes whose command line mentions `dir` (what `npm start` left behind, if anything). */
function processesUnder(dir) {
  const out = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(dir)) out.push(`${pid} ${cmd.slice(0, 120)}`);
    } catch {
      /* ended meanwhile */
    }
  }
  return out;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-fresh-'));
const n = copyProject(dir);
console.log(`# fresh copy of ${n} files in ${dir}`);
check(!fs.existsSync(path.join(dir, 'node_modules')) && !fs.existsSync(path.join(dir, '.cache')), 'the copy has no node_modules/ and no .cache/');

const port = await freePort();
const logPath = path.join(ROOT, 'artifacts', 'fresh-start.log');
fs.mkdirSync(path.dirname(logPath), { recursive: true });
const logFd = fs.openSync(logPath, 'w');
// Only what a user's shell has: no npm_* variables from an outer npm (that is the bug this guards).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
env.PORT = String(port);
const t0 = Date.now();
const child = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const onData = (b) => {
  output += b.toString();
  fs.writeSync(logFd, b);
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

const url = await new Promise((resolve) => {
  const timer = setInterval(() => {
    const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)\/\?folder=\S+/);
    if (m) {
      clearInterval(timer);
      resolve(m[0]);
    } else if (child.exitCode !== null || Date.now() - t0 > TIMEOUT_MS) {
      clearInterval(timer);
      resolve(undefined);
    }
  }, 500);
});
check(url !== undefined, `npm start printed the VS Code URL (${Math.round((Date.now() - t0) / 1000)} s)`);
if (url) {
  check(url.startsWith(`http://127.0.0.1:${port}/`), `it serves on loopback at the port asked for (PORT=${port})`);
  check(decodeURIComponent(url.split('folder=')[1]) === path.join(dir, 'samples'), 'the folder opened is samples/');
  let status = 0;
  let body = '';
  try {
    const r = await fetch(url);
    status = r.status;
    body = await r.text();
  } catch (e) {
    body = String(e);
  }
  check(status === 200, `GET ${url} answers HTTP 200 (got ${status})`);
  check(/<html/i.test(body) && /workbench/i.test(body), 'the page is the VS Code workbench');
  const extDir = path.join(dir, '.cache', 'start', 'extensions');
  const installed = fs.existsSync(extDir) ? fs.readdirSync(extDir).filter((e) => e.startsWith('attache.')) : [];
  check(installed.length === 1, `the packaged extension is installed in that VS Code (${installed.join(', ') || 'none'})`);
}

// Ctrl-C, as a user stops it: SIGINT to the whole foreground process group.
try {
  process.kill(-child.pid, 'SIGINT');
} catch {
  /* already gone */
}
const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 30000))]);
check(result !== undefined, `npm start stops on Ctrl-C (${result ? `exit ${result.code ?? result.signal}` : 'still running after 30 s'})`);
await new Promise((r) => setTimeout(r, 1000));
const left = processesUnder(dir);
check(left.length === 0, `no process of it is left running${left.length ? `: ${left.join('; ')}` : ''}`);
for (const sig of ['SIGKILL']) {
  try {
    process.kill(-child.pid, sig);
  } catch {
    /* gone */
  }
}
fs.closeSync(logFd);
if (failed) console.log(`# npm start log: ${logPath}\n${output.split('\n').slice(-30).join('\n')}`);
else fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
