/**
 * Language server latency, measured through the protocol as an editor sees it: the built server
 * (`server/out/server.js --stdio`) on a temporary workspace with a 100,000-entity registry and a
 * 50 KB article. Reports p50/p99 of hover and definition round trips, and the time from
 * `didChange` to the `publishDiagnostics` of that version (minus the 150 ms debounce).
 * Targets (issue 6): hover and definition p99 < 5 ms; diagnostics within 50 ms of the debounce.
 */

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver/node';

const ENTITIES = 100_000;
const ARTICLE_BYTES = 50 * 1024;
const DEBOUNCE_MS = 150;
const REQUESTS = 400;
const EDITS = 30;

const SYLLABLES = ['ka', 'mi', 'ra', 'to', 'su', 'ne', 'ho', 'ya', 'el', 'an', 'or', 'iv', 'da', 'lu', 'be', 'zo', 'qa', 'ti', 'ro', 'ma'];

/** A capitalized synthetic word for `n`, unique per `n` (base-20 syllables). */
function word(n: number): string {
  let s = '';
  let k = n;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s[0].toUpperCase() + s.slice(1) + 'n';
}

/** Ends a benchmarked server as a client does (shutdown, exit), then makes sure its process is gone. */
export async function stopServer(conn: MessageConnection, proc: ChildProcess): Promise<void> {
  try {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } catch {
    // Already gone.
  }
  conn.dispose();
  proc.kill();
}

/** Registry YAML: 200 countries, 2,000 offices, the rest persons with a role each. */
export function registryYaml(total: number): { yaml: string; persons: string[] } {
  const lines = ['version: 1', 'entities:'];
  const persons: string[] = [];
  const countries = 200;
  const offices = 2000;
  for (let i = 0; i < countries; i++) lines.push(`  - id: country-${i}`, '    type: country', `    name: ${word(i + 50_000)}ia`);
  for (let i = 0; i < offices; i++) {
    lines.push(`  - id: office-${i}`, '    type: office', `    name: Minister of ${word(i + 60_000)} Affairs of ${word((i % countries) + 50_000)}ia`, `    of: country-${i % countries}`);
  }
  for (let i = 0; i < total - countries - offices; i++) {
    const name = `${word(i)} ${word(i * 7 + 13)}`;
    persons.push(name);
    lines.push(
      `  - id: person-${i}`,
      '    type: person',
      `    name: ${name}`,
      `    country: country-${i % countries}`,
      '    roles:',
      `      - office: office-${i % offices}`,
      `        start: ${2000 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
      `        end: ${2004 + (i % 20)}-0${1 + (i % 9)}-2${i % 9}`,
    );
  }
  return { yaml: lines.join('\n') + '\n', persons };
}

/** About 50 KB of article: sentences naming registry persons, with dates of several kinds. */
export function article(persons: string[]): { text: string; names: { line: number; character: number }[] } {
  const lines = ['---', 'date: 2025-10-26', '---'];
  const names: { line: number; character: number }[] = [];
  const dates = ['on Monday', 'last week', 'in September', 'on 29 July 2025', 'in 2019', 'yesterday', 'on Thursday', 'last month'];
  const verbs = ['met', 'telephoned', 'wrote to', 'criticized', 'welcomed', 'thanked', 'visited', 'hosted'];
  const topics = ['maritime security', 'energy supplies', 'a ceasefire proposal', 'grain exports', 'visa rules', 'port fees', 'debt relief', 'election monitors', 'fishing rights', 'cyber attacks'];
  const tails = ['a spokesperson said.', 'according to a statement.', 'officials confirmed.', 'the ministry said in a briefing.', 'state media reported.'];
  // Varied sentences (a realistic article does not repeat itself hundreds of times).
  let size = 0;
  for (let i = 0; size < ARTICLE_BYTES; i++) {
    const p = persons[(i * 7919) % persons.length];
    const q = persons[(i * 104729 + 17) % persons.length];
    const line = `${p} ${verbs[i % verbs.length]} ${q} ${dates[(i * 3) % dates.length]} about ${topics[(i * 7) % topics.length]} and ${topics[(i * 11 + 3) % topics.length]}, ${tails[(i * 5) % tails.length]} Paragraph ${i}.`;
    names.push({ line: lines.length, character: 1 });
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join('\n') + '\n', names };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}

export async function run(): Promise<void> {
  const serverPath = join(__dirname, '..', '..', 'server', 'out', 'server.js');
  if (!existsSync(serverPath)) {
    console.log('server/out/server.js is missing: run `npm run build` first.');
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'attache-lsp-bench-'));
  let reg: { yaml: string; persons: string[] } | null = registryYaml(ENTITIES);
  const art = article(reg.persons);
  const registryMB = reg.yaml.length / 1e6;
  mkdirSync(join(root, 'articles'));
  writeFileSync(join(root, 'registry.yaml'), reg.yaml);
  // The 18 MB of YAML is garbage from here on: drop it so this process's own collector does not
  // pause in the middle of the measurements.
  reg = null;
  writeFileSync(join(root, 'articles', 'big.article'), art.text);
  const uri = pathToFileURL(join(root, 'articles', 'big.article')).href;

  const proc: ChildProcess = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri !== uri || p.version === undefined) return;
    published.set(p.version, performance.now());
    waiters.get(p.version)?.();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const waitPublished = (version: number): Promise<void> => (published.has(version) ? Promise.resolve() : new Promise((r) => waiters.set(version, r)));

  try {
    const t0 = performance.now();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'diplomatic-article', version: 1, text: art.text } });
    await waitPublished(1);
    const startup = performance.now() - t0;

    const timeRequests = async (method: string): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const position = art.names[(i * 31) % art.names.length];
        const s = performance.now();
        await conn.sendRequest(method, { textDocument: { uri }, position });
        times.push(performance.now() - s);
      }
      return times.sort((a, b) => a - b);
    };
    // Warm up (first requests build caches: line index, mention statistics) and let both
    // processes settle after the registry load.
    await timeRequests('textDocument/hover');
    await timeRequests('textDocument/definition');
    const hover = await timeRequests('textDocument/hover');
    const definition = await timeRequests('textDocument/definition');

    const diag: number[] = [];
    let text = art.text;
    for (let v = 2; v < EDITS + 2; v++) {
      text = text.replace(/\n$/, ` x${v}\n`);
      const s = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      await waitPublished(v);
      diag.push(published.get(v)! - s - DEBOUNCE_MS);
    }
    diag.sort((a, b) => a - b);

    console.log(`Registry: ${ENTITIES.toLocaleString('en')} entities (${registryMB.toFixed(1)} MB YAML); article: ${(art.text.length / 1024).toFixed(0)} KB, ${art.names.length} lines naming persons.`);
    console.log(`Startup (initialize → first diagnostics of the open article, includes parsing the registry): ${fmt(startup)} ms\n`);
    console.log('| measure | p50 (ms) | p99 (ms) | target |');
    console.log('| --- | ---: | ---: | --- |');
    console.log(`| hover round trip (${REQUESTS}) | ${fmt(quantile(hover, 0.5))} | ${fmt(quantile(hover, 0.99))} | p99 < 5 |`);
    console.log(`| definition round trip (${REQUESTS}) | ${fmt(quantile(definition, 0.5))} | ${fmt(quantile(definition, 0.99))} | p99 < 5 |`);
    console.log(`| didChange → publishDiagnostics, after the ${DEBOUNCE_MS} ms debounce (${EDITS}) | ${fmt(quantile(diag, 0.5))} | ${fmt(quantile(diag, 0.99))} | < 50 |`);
  } finally {
    await stopServer(conn, proc);
    rmSync(root, { recursive: true, force: true });
  }
}
