// Runs the in-host mocha suite (build/test/vscode/suite/index.js) inside code-server's extension
// host, as @vscode/test-electron's runTests() does with desktop VS Code, on a fresh copy of
// samples/. Prints the suite's results and a closing "N passed, N failed" line.
//
// How (see docs/testing.md): code-server is started with `--vscode-option
// enable-smoke-test-driver`, and the page is opened with a `payload` URL parameter naming
// extensionDevelopmentPath and extensionTestsPath as vscode-remote URIs. The workbench then loads
// the extension from the repository, require()s the suite and calls run(); when run() settles the
// extension host exits and the workbench calls window.codeAutomationExit(code).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { T0, log, makeUserDataDir, startCodeServer, launchBrowser } from './lib.mjs';
import { startWikidataReplay } from '../e2e/wikidata-replay.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const devPath = ROOT;
const testsPath = path.join(ROOT, 'build', 'test', 'vscode', 'suite', 'index.js');
const OUT = path.join(ROOT, 'artifacts', 'vscode-in-host');
const timeoutMs = Number(process.env.ATTACHE_VSCODE_TIMEOUT ?? 240) * 1000;

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const userDataDir = makeUserDataDir(path.join(OUT, 'state', 'user-data'));
const extensionsDir = path.join(OUT, 'state', 'extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
const folder = path.join(OUT, 'state', 'samples');
fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
const resultsFile = path.join(OUT, 'results.json');
const csLog = path.join(OUT, 'code-server.log');

let server;
let browser;
let wikidata;
let exitCode = 1;
let summary = '0 passed, 1 failed';
const consoleLines = [];
try {
  // The language server's Wikidata API: a local replay of the fixtures (suite/wikidata.test.ts).
  wikidata = await startWikidataReplay();
  server = await startCodeServer({
    userDataDir, extensionsDir, folder, logFile: csLog,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { ATTACHE_VSCODE_RESULTS: resultsFile, ATTACHE_WIKIDATA_API: wikidata.url },
  });
  log(`code-server at ${server.url}`);
  browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  let onExit;
  const exited = new Promise((r) => { onExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => { onExit(code); });
  const quiet = /ENOTFOUND|extensionquery|AccountPolicyGate|connection token|Creating a socket|grace time|Service Worker|builtin extensions cache|AgentHost/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = Array.isArray(args) ? format(...args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))) : String(args);
    consoleLines.push(`[automation ${type}] ${line}`);
    if (!quiet.test(line) && /passed|failed|✔|✓|[0-9]+\) |Error|AssertionError/.test(line)) process.stdout.write(`  | ${line.replace(/\n/g, '\n  | ')}\n`);
  });
  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${devPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
  ];
  // A loaded machine can take more than the default 30 s to serve the workbench.
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 180000 });
  let timer;
  const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); })]);
  clearTimeout(timer);
  log(`extension host exited: ${code}`);
  await page.screenshot({ path: path.join(OUT, 'final.png') }).catch(() => {});
  if (fs.existsSync(resultsFile)) {
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    for (const x of r.results ?? []) log(`${x.state === 'passed' ? 'PASS' : 'FAIL'} ${x.title}${x.error ? `\n${x.error}` : ''}`);
    exitCode = code === 0 && r.failed === 0 ? 0 : 1;
    summary = `${r.passed} passed, ${r.failed} failed`;
  } else {
    log('the suite wrote no results (see artifacts/vscode-in-host/code-server.log and browser-console.log)');
  }
} catch (e) {
  log('ERROR', e?.stack ?? e);
} finally {
  fs.writeFileSync(path.join(OUT, 'browser-console.log'), consoleLines.join('\n'));
  if (browser) await browser.close();
  if (server) await server.stop();
  if (wikidata) await wikidata.close();
  log(`total ${Date.now() - T0} ms`);
  console.log(summary);
  process.exitCode = exitCode;
}
