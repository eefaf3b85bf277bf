/**
 * Workspace indexing by the language server, through the protocol as an editor sees it: the
 * built server (`server/out/server.js --stdio`) on a temporary workspace with a 100,000-entity
 * registry and 2,000 articles of about 3 KB (`--articles N` for another count), once with the
 * indexing on the server's own thread (`attache.indexing.threads: 0`) and once on the worker
 * pool (the default from 3 cores, cores − 1; 1 on fewer; `--threads N` for another count). Reports the time
 * from `initialize` to the last diagnostics published (every article's, `workspace` scope), the
 * server's CPU time (all its threads, /proc), how long the server's own thread was busy while it
 * indexed (its event-loop utilization, from its log), and hover round trips on an open article
 * asked every 200 ms while it indexes. The machine may be shared: CPU times are the stable figures.
 */

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver/node';
import { registryYaml, stopServer } from './lsp.bench';
import { defaultIndexThreads } from '../server/src/node/analysisPool';

const ENTITIES = 100_000;
const ARTICLE_BYTES = 3000;
/** How often a hover is asked while indexing (ms): each costs the server's thread some work (mention counts). */
const HOVER_EVERY_MS = 200;
/** No publication for this long after indexing: the last one has gone out (ms). */
const QUIET_MS = 1500;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Article `i`: sentences naming registry persons, with dates; front matter with a date. */
function article(i: number, persons: string[]): string {
  const verbs = ['met', 'telephoned', 'wrote to', 'criticized', 'welcomed', 'thanked', 'visited', 'hosted'];
  const dates = ['on Monday', 'last week', 'in September', 'on 29 July 2025', 'in 2019', 'yesterday'];
  const topics = ['maritime security', 'energy supplies', 'a ceasefire proposal', 'grain exports', 'visa rules', 'port fees'];
  const lines = ['---', `date: 2025-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}`, '---', `Report ${i} on ${topics[i % topics.length]}`, ''];
  let size = 0;
  for (let k = 0; size < ARTICLE_BYTES; k++) {
    const n = i * 31 + k;
    const line = `${persons[(n * 7919) % persons.length]} ${verbs[n % verbs.length]} ${persons[(n * 104729 + 17) % persons.length]} ${dates[n % dates.length]} about ${topics[(n * 7) % topics.length]}, officials said (${i}.${k}).`;
    lines.push(line, '');
    size += line.length + 2;
  }
  return lines.join('\n');
}

/** CPU time (user + system) so far, in ms, of `/proc/…/stat` file `stat`: a process (all its threads) or one thread. */
function cpuMs(stat: string): number {
  const text = readFileSync(stat, 'utf8');
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

interface Run {
  lastPublishMs: number;
  indexedMs: number;
  cpuMs: number;
  /** CPU time of the server's own thread (its task id is the process id), start-up included. */
  mainCpuMs: number;
  busyMs: number;
  hovers: number[];
  published: number;
}

async function once(serverPath: string, root: string, threads: number, open: { uri: string; text: string }): Promise<Run> {
  const proc: ChildProcess = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let lastPublish = 0;
  const publishedUris = new Set<string>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    lastPublish = performance.now();
    publishedUris.add(p.uri);
  });
  let indexed: ((line: string) => void) | undefined;
  let read = false;
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    if (/article\(s\) read from disk/.test(p.message)) read = true;
    else if (read && /^Indexed articles/.test(p.message)) indexed?.(p.message);
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ indexing: { threads } })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const done = new Promise<string>((resolve) => (indexed = resolve));
  try {
    const t0 = performance.now();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: open.uri, languageId: 'diplomatic-article', version: 1, text: open.text } });
    // Hovers on the open article while the workspace is indexed.
    const hovers: number[] = [];
    let indexing = true;
    const line = done.then((l) => {
      indexing = false;
      return l;
    });
    while (!read) await new Promise((r) => setTimeout(r, 50));
    while (indexing) {
      const s = performance.now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri: open.uri }, position: { line: 6, character: 2 } });
      hovers.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, HOVER_EVERY_MS));
    }
    const message = await line;
    const indexedMs = performance.now() - t0;
    while (performance.now() - lastPublish < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
    const cpu = cpuMs(`/proc/${proc.pid}/stat`);
    const mainCpu = cpuMs(`/proc/${proc.pid}/task/${proc.pid}/stat`);
    return { lastPublishMs: lastPublish - t0, indexedMs, cpuMs: cpu, mainCpuMs: mainCpu, busyMs: Number(/busy (\d+) ms/.exec(message)?.[1] ?? NaN), hovers: hovers.sort((a, b) => a - b), published: publishedUris.size };
  } finally {
    await stopServer(conn, proc);
  }
}

const q = (xs: number[], p: number): string => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1) : '–');

export async function run(): Promise<void> {
  const serverPath = join(__dirname, '..', '..', 'server', 'out', 'server.js');
  if (!existsSync(serverPath)) {
    console.log('server/out/server.js is missing: run `npm run build` first.');
    return;
  }
  const articles = option('--articles', 2000);
  const threads = option('--threads', Math.max(1, defaultIndexThreads()));
  const root = mkdtempSync(join(tmpdir(), 'attache-indexing-bench-'));
  try {
    const { yaml, persons } = registryYaml(ENTITIES);
    writeFileSync(join(root, 'registry.yaml'), yaml);
    mkdirSync(join(root, 'articles'));
    let bytes = 0;
    for (let i = 0; i < articles; i++) {
      const text = article(i, persons);
      bytes += text.length;
      writeFileSync(join(root, 'articles', `a${String(i).padStart(5, '0')}.article`), text);
    }
    const openText = article(articles, persons);
    writeFileSync(join(root, 'open.article'), openText);
    const open = { uri: pathToFileURL(join(root, 'open.article')).href, text: openText };
    console.log(`Registry: ${ENTITIES.toLocaleString('en')} entities; ${articles.toLocaleString('en')} articles, ${(bytes / 1e6).toFixed(1)} MB; worker threads: ${threads}.\n`);
    console.log('| indexing | initialize → last diagnostics (ms) | → indexed (ms) | server CPU, all threads (ms) | server thread CPU, start-up included (ms) | server thread busy while indexing (ms) | hover p50 / p99 / max during indexing (ms) | files published |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
    for (const n of [0, threads]) {
      const r = await once(serverPath, root, n, open);
      console.log(`| ${n ? `${n} worker thread(s)` : "server's thread"} | ${r.lastPublishMs.toFixed(0)} | ${r.indexedMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${r.mainCpuMs.toFixed(0)} | ${r.busyMs} | ${q(r.hovers, 0.5)} / ${q(r.hovers, 0.99)} / ${q(r.hovers, 1)} (${r.hovers.length}) | ${r.published} |`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
