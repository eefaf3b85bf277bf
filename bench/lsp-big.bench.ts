/**
 * The language server on a 5 MB article, as an editor sees it while someone types in it: the built
 * server (`server/out/server.js --stdio`) on a temporary workspace with the sample registry and a
 * generated 5 MB article (varied sentences naming registry entities, each paragraph numbered).
 * After the first diagnostics, a burst of 200 `didChange` edits (one typed character each, in a
 * paragraph in the middle) with a hover after each one, on a name somewhere in the article.
 *
 * Reports hover-while-typing p50/p99, the time from the last keystroke to the diagnostics of the
 * last version, diagnostics published for versions older than the client's latest, and the
 * server's peak RSS (VmHWM from /proc). Targets (issue 14): hover p99 < 50 ms, diagnostics
 * < 500 ms, RSS < 400 MB.
 */

import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver/node';
import { seededRandom } from './generate';
import { stopServer } from './lsp.bench';

const ARTICLE_CHARS = 5_000_000;
/** `LSP_BIG_EDITS` runs a shorter burst (a slow build would take minutes for 200). */
const EDITS = Number(process.env.LSP_BIG_EDITS ?? 200);
const DEBOUNCE_MS = 150;

const PERSONS = ['Iwaya Takeshi', 'Kamikawa Yoko', 'Motegi Toshimitsu', 'Kishida Fumio', 'Ishiba Shigeru', 'Johann Wadephul', 'Annalena Baerbock', 'Faisal bin Farhan', 'Mark Rutte', 'Jens Stoltenberg'];
const PLACES = ['Tokyo', 'Doha', 'Riyadh', 'Brussels', 'Japan', 'Qatar', 'Germany', 'Jordan', 'Bahrain', 'Australia'];
const VERBS = ['met officials in', 'flew to', 'spoke by telephone with counterparts in', 'sent a delegation to', 'praised the port authority of', 'hosted a trade mission from', 'opened a consulate in', 'wrote to the embassy of'];
const TOPICS = ['liquefied gas contracts', 'coast guard training', 'a fisheries accord', 'visa waivers for students', 'undersea cable repairs', 'grain shipments', 'a desalination plant', 'disaster relief drills', 'customs software', 'pension rules for seconded staff', 'satellite imagery sharing', 'a science museum loan'];
const WHEN = ['on Monday', 'last week', 'in March', 'on 12 June 2024', 'two days later', 'in the spring', 'on Friday', 'earlier this year', 'in 2023', 'the following month'];
const TAILS = ['a spokesperson said.', 'according to a readout.', 'diplomats said on background.', 'the ministry noted in a short statement.', 'local papers reported.', 'an aide confirmed.'];

/** About `chars` characters of article with hover targets: for each paragraph, where its first name starts. */
export function bigArticle(chars: number): { text: string; lines: string[]; names: { line: number; character: number }[] } {
  const rnd = seededRandom(14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = ['---', 'date: 2025-10-20', '---', 'TOKYO, Oct. 20', ''];
  const names: { line: number; character: number }[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const who = pick(PERSONS);
    const s1 = `${who} ${pick(VERBS)} ${pick(PLACES)} ${pick(WHEN)} to discuss ${pick(TOPICS)} and ${pick(TOPICS)}, ${pick(TAILS)}`;
    const s2 = `Item ${i} of the file lists ${Math.floor(rnd() * 9000) + 1000} pages on ${pick(TOPICS)}, and ${pick(PERSONS)} is due in ${pick(PLACES)} ${pick(WHEN)}.`;
    names.push({ line: lines.length, character: 1 });
    const line = `${s1} ${s2}`;
    lines.push(line, '');
    size += line.length + 2;
  }
  return { text: lines.join('\n') + '\n', lines, names };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** CPU time (user + system) the process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function peakRssMB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  // `ATTACHE_SERVER` may name another build (to measure before and after a change).
  const serverPath = process.env.ATTACHE_SERVER ?? join(__dirname, '..', '..', 'server', 'out', 'server.js');
  if (!existsSync(serverPath)) {
    console.log('server/out/server.js is missing: run `npm run build` first.');
    return;
  }
  const samples = join(__dirname, '..', '..', 'samples', 'registry');
  const root = mkdtempSync(join(tmpdir(), 'attache-lsp-big-'));
  mkdirSync(join(root, 'registry'));
  for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(root, 'registry', f));
  mkdirSync(join(root, 'articles'));
  const art = bigArticle(ARTICLE_CHARS);
  writeFileSync(join(root, 'articles', 'big.article'), art.text);
  const uri = pathToFileURL(join(root, 'articles', 'big.article')).href;

  const proc: ChildProcess = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  /** The latest version the client has sent. */
  let sent = 1;
  const published: { version: number; at: number; latest: number; count: number }[] = [];
  const waiters = new Map<number, () => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    if (p.uri !== uri || p.version === undefined) return;
    published.push({ version: p.version, at: performance.now(), latest: sent, count: p.diagnostics.length });
    waiters.get(p.version)?.();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const waitPublished = (version: number): Promise<void> =>
    published.some((p) => p.version === version) ? Promise.resolve() : new Promise((r) => waiters.set(version, r));

  try {
    const t0 = performance.now();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'diplomatic-article', version: 1, text: art.text } });
    await waitPublished(1);
    const open = performance.now() - t0;
    const cpuOpen = cpuMs(proc.pid!);
    const firstCount = published[published.length - 1].count;

    // Typing in a paragraph in the middle, one character per change, a hover after each.
    const rnd = seededRandom(7);
    const editLine = art.names[Math.floor(art.names.length / 2)].line;
    let column = art.lines[editLine].indexOf(' ', 40) + 1;
    const typed = 'and the delegation also inspected the new harbour cranes before leaving the city by night train ';
    const hovers: number[] = [];
    let empty = 0;
    let lastKey = 0;
    for (let i = 0; i < EDITS; i++) {
      const ch = typed[i % typed.length];
      sent++;
      lastKey = performance.now();
      void conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: sent },
        contentChanges: [{ range: { start: { line: editLine, character: column }, end: { line: editLine, character: column } }, text: ch }],
      });
      column++;
      // Every fourth hover on the paragraph being edited (its first name, before the typing).
      const position = i % 4 === 0 ? { line: editLine, character: 1 } : art.names[Math.floor(rnd() * art.names.length)];
      const s = performance.now();
      const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      hovers.push(performance.now() - s);
      if (!h) empty++;
    }
    const cpuBurst = cpuMs(proc.pid!);
    await waitPublished(sent);
    const cpuEnd = cpuMs(proc.pid!);
    const diagnostics = published.find((p) => p.version === sent)!.at - lastKey;
    const stale = published.filter((p) => p.version < p.latest && p.version > 1);
    const intermediate = published.filter((p) => p.version > 1 && p.version < sent);
    const rss = peakRssMB(proc.pid!);
    hovers.sort((a, b) => a - b);

    console.log(`Article: ${(art.text.length / 1e6).toFixed(1)} MB, ${art.names.length.toLocaleString('en')} paragraphs; sample registry; ${firstCount.toLocaleString('en')} diagnostics.`);
    console.log(`Open → first diagnostics: ${open.toFixed(0)} ms`);
    // CPU time does not grow with the machine's load as wall-clock time does: compare it between runs.
    const ms = (x: number | undefined): string => (x === undefined ? 'n/a' : `${x.toLocaleString('en')} ms`);
    console.log(`Server CPU time: open ${ms(cpuOpen)}, burst ${ms(cpuBurst !== undefined && cpuOpen !== undefined ? cpuBurst - cpuOpen : undefined)} (${EDITS} edits and hovers), last keystroke → diagnostics ${ms(cpuEnd !== undefined && cpuBurst !== undefined ? cpuEnd - cpuBurst : undefined)}\n`);
    console.log('| measure | value | target |');
    console.log('| --- | ---: | --- |');
    console.log(`| hover while typing, p50 (${EDITS} edits, a hover after each) | ${quantile(hovers, 0.5).toFixed(1)} ms | |`);
    console.log(`| hover while typing, p99 | ${quantile(hovers, 0.99).toFixed(1)} ms | < 50 ms |`);
    console.log(`| hovers on a name that answered nothing | ${empty} | 0 |`);
    console.log(`| last keystroke → diagnostics of the last version (includes the ${DEBOUNCE_MS} ms debounce) | ${diagnostics.toFixed(0)} ms | < 500 ms |`);
    console.log(`| diagnostics published for an older version than the client's latest | ${stale.length} | 0 |`);
    console.log(`| diagnostics published for intermediate versions | ${intermediate.length} | |`);
    console.log(`| server peak RSS (VmHWM) | ${rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`} | < 400 MB |`);
  } finally {
    await stopServer(conn, proc);
    rmSync(root, { recursive: true, force: true });
  }
}
