/**
 * Protocol tests of what reaches the Problems panel (`attache.diagnostics.scope`): with default
 * settings every article of a copy of `samples/` has its problems published without being opened
 * (exactly the planted ones of the golden file, under the URIs VS Code would use), and they follow
 * changes on disk, edits, closing and a removed folder, and unchanged ones are not sent twice; in
 * `open` scope closed files have none, and switching the setting at runtime publishes or withdraws
 * them. "Check Workspace" counts what it publishes as the panel lists it. Run `npm run build` first.
 */

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fixturesDir, samplesDir } from '../helpers';
import { TestClient, fileUri, makeWorkspace, serverPath, stoppedAfterTests } from './client';

const skip = existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`';

interface GoldenDiagnostic {
  code: string;
  severity: string;
  line: number;
}

const golden = JSON.parse(readFileSync(join(fixturesDir, 'golden', 'samples-check.json'), 'utf8')) as Record<string, GoldenDiagnostic[]>;
const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
const ARTICLES = Object.keys(golden).filter((k) => k.startsWith('articles/'));
const PLANTED = ARTICLES.filter((k) => golden[k].length > 0);

/** The sample renamed so that its URI has characters VS Code and Node spell differently. */
const RENAMED_FROM = 'articles/second-strategic-dialogue.article';
const RENAMED_TO = 'articles/second strategic (dialogue).article';

/** What the panel shows of a publication, comparable with the golden file. */
function shown(d: readonly Diagnostic[]): string[] {
  return d.map((x) => `${x.code} ${x.severity} line ${x.range.start.line + 1}`).sort();
}

function expected(rel: string): string[] {
  return golden[rel].map((g) => `${g.code} ${SEVERITY[g.severity]} line ${g.line}`).sort();
}

const codes = (d: readonly Diagnostic[]): string[] => d.map((x) => String(x.code));

describe('the Problems panel over the protocol', { skip }, () => {
  const { roots, clients } = stoppedAfterTests();

  /** A copy of samples/ in a folder whose name needs percent-encoding, and a server on it. */
  async function start(settings: Record<string, unknown> = {}): Promise<TestClient> {
    const root = mkdtempSync(join(tmpdir(), 'attache problems (scope) '));
    roots.push(root);
    cpSync(samplesDir, root, { recursive: true });
    renameSync(join(root, RENAMED_FROM), join(root, RENAMED_TO));
    const c = await TestClient.start(root, settings);
    clients.push(c);
    return c;
  }

  /** The URI VS Code gives a file of the folder: the folder as the client spelled it, then `%20`, `%28`… */
  function vscodeUri(c: TestClient, rel: string): string {
    const encode = (segment: string): string => encodeURIComponent(segment).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
    return `${fileUri(c.root)}/${rel.split('/').map(encode).join('/')}`;
  }

  const uriOf = (c: TestClient, rel: string): string => vscodeUri(c, rel === RENAMED_FROM ? RENAMED_TO : rel);

  test('by default every article has its planted problems published without being opened', async () => {
    const c = await start();
    for (const rel of ARTICLES) {
      const p = await c.waitForDiagnostics(uriOf(c, rel), (d) => shown(d).join() === expected(rel).join());
      assert.equal(p.version, undefined, `${rel} was never opened`);
    }
    // Every planted code is there, as information or above (VS Code's Problems panel lists no hints).
    const planted = PLANTED.flatMap((rel) => c.diagnostics.get(uriOf(c, rel))!.diagnostics);
    for (const code of ['boilerplate', 'unknown-entity', 'role-conflict', 'event-date-conflict', 'weekday-mismatch', 'duplicate-paragraph', 'near-duplicate-paragraph', 'unresolved-date', 'metadata-date-conflict', 'ambiguous-mention']) {
      assert.ok(planted.some((d) => d.code === code && d.severity! <= 3), `${code} is listed`);
    }
    // The file whose name VS Code spells `%20…%28…%29` is published under that spelling only.
    const renamed = c.uri(RENAMED_TO);
    assert.notEqual(renamed, uriOf(c, RENAMED_FROM));
    assert.equal(c.history.get(renamed), undefined, 'no publication under the other spelling');
    // Registry files and the sample's annotation sidecar: published too, and clean.
    for (const rel of Object.keys(golden).filter((k) => k.startsWith('registry/'))) await c.waitForDiagnostics(vscodeUri(c, rel), (d) => d.length === 0);
    await c.waitForDiagnostics(uriOf(c, 'articles/riyadh-press-briefing.article.annotations.yaml'), (d) => d.length === 0);
  });

  test('closed articles follow the disk: a change, a registry addition, a deletion', async () => {
    const c = await start();
    const kishida = uriOf(c, 'articles/kishida-riyadh-visit.article');
    const nato = uriOf(c, 'articles/nato-japan-partnership.article');
    const germany = uriOf(c, 'articles/japan-germany-dialogue.article');
    await c.waitForDiagnostics(kishida, (d) => codes(d).includes('near-duplicate-paragraph'));
    await c.waitForDiagnostics(nato, (d) => codes(d).includes('unknown-entity'));
    await c.waitForDiagnostics(germany, (d) => codes(d).includes('boilerplate'));
    // The near duplicate (line 7) removed on disk.
    const text = readFileSync(join(c.root, 'articles/kishida-riyadh-visit.article'), 'utf8').split('\n');
    c.writeFile('articles/kishida-riyadh-visit.article', [...text.slice(0, 6), ...text.slice(7)].join('\n'));
    const k = await c.waitForDiagnostics(kishida, (d) => !codes(d).includes('near-duplicate-paragraph'), { fresh: true });
    assert.equal(k.version, undefined);
    // Osamu Izawa added to the registry on disk: the closed article loses its unknown-entity.
    const persons = join(c.root, 'registry', 'persons.yaml');
    c.writeFile('registry/persons.yaml', `${readFileSync(persons, 'utf8').trimEnd()}\n  - id: osamu-izawa\n    type: person\n    name: Osamu Izawa\n`);
    await c.waitForDiagnostics(nato, (d) => !codes(d).includes('unknown-entity') && codes(d).includes('weekday-mismatch'));
    // Every article was analysed again; those whose problems did not change are not sent again,
    // not even by "Check Workspace".
    await c.request('workspace/executeCommand', { command: 'attache.checkWorkspace', arguments: [] });
    for (const rel of ARTICLES.filter((a) => !/kishida|nato/.test(a))) assert.equal(c.history.get(uriOf(c, rel))?.length, 1, rel);
    // The article deleted: its problems are withdrawn, and the disclaimer it shared is no longer
    // in two other articles for the closed japan-germany article.
    rmSync(join(c.root, 'articles/nato-japan-partnership.article'));
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('articles/nato-japan-partnership.article'), type: 3 }] });
    await c.waitForDiagnostics(nato, (d) => d.length === 0);
    await c.waitForDiagnostics(germany, (d) => !codes(d).includes('boilerplate') && codes(d).includes('duplicate-paragraph'));
  });

  test('an article edited and closed without saving: its problems are the file\'s again', async () => {
    const c = await start();
    const rel = 'articles/nato-japan-partnership.article';
    const text = readFileSync(join(c.root, rel), 'utf8');
    await c.waitForDiagnostics(uriOf(c, rel), (d) => codes(d).includes('weekday-mismatch'));
    const uri = c.open(rel, text);
    c.change(rel, text.replace('Thursday, 23 July 2025', 'Wednesday, 23 July 2025'));
    await c.waitForDiagnostics(uri, (d, p) => p.version === 2 && !codes(d).includes('weekday-mismatch'));
    c.close(rel);
    const p = await c.waitForDiagnostics(uri, (d, x) => x.version === undefined && codes(d).includes('weekday-mismatch'), { fresh: true });
    assert.deepEqual(shown(p.diagnostics), expected(rel));
    // The buffer's versions were published in order, and the file's problems came back last.
    const versions = (c.history.get(uri) ?? []).map((x) => x.version);
    assert.equal(versions.at(-1), undefined);
    const buffer = versions.filter((v) => v !== undefined);
    assert.deepEqual(buffer, [...buffer].sort(), `versions ${JSON.stringify(versions)}`);
    assert.equal(buffer.at(-1), 2);
  });

  test('scope `open`: closed files get nothing, open ones do, and "Check Workspace" counts what it lists', async () => {
    const c = await start({ diagnostics: { scope: 'open' } });
    const rel = 'articles/tokyo-briefing.article';
    const uri = c.open(rel, readFileSync(join(c.root, rel), 'utf8'));
    await c.waitForDiagnostics(uri, (d) => shown(d).join() === expected(rel).join());
    // Once the articles read from disk are indexed, the closed ones' problems would have been published.
    const read = await c.waitForLog(/article\(s\) read from disk/);
    await c.waitForLog(/^Indexed articles/, c.log.indexOf(read) + 1);
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual([...c.history.keys()], [uri], 'only the open article has had problems published');
    // "Check Workspace" lists every file's, whatever the scope, and counts them as the panel does.
    const r = await c.request<{ articles: number; registryFiles: number; errors: number; warnings: number; infos: number; hints: number }>('workspace/executeCommand', { command: 'attache.checkWorkspace', arguments: [] });
    assert.equal(r.articles, ARTICLES.length);
    assert.equal(r.registryFiles, 6);
    const all = [...c.diagnostics.values()].flatMap((p: PublishDiagnosticsParams) => p.diagnostics);
    assert.equal(r.errors + r.warnings + r.infos, all.filter((d) => d.severity !== 4).length);
    assert.equal(r.errors + r.warnings + r.infos, Object.values(golden).flat().length);
    assert.equal(r.hints, 0);
    const nato = uriOf(c, 'articles/nato-japan-partnership.article');
    assert.deepEqual(shown(c.diagnostics.get(nato)!.diagnostics), expected('articles/nato-japan-partnership.article'));
    // Opened and closed again: in `open` scope its problems leave with it.
    c.open('articles/nato-japan-partnership.article', readFileSync(join(c.root, 'articles/nato-japan-partnership.article'), 'utf8'));
    c.close('articles/nato-japan-partnership.article');
    await c.waitForDiagnostics(c.uri('articles/nato-japan-partnership.article'), (d) => d.length === 0);
  });

  test('a workspace folder removed: its closed articles\' problems are withdrawn', async () => {
    const registry = 'version: 1\nentities:\n  - id: kenya\n    type: country\n    name: Kenya\n';
    const article = '---\ndate: 2024-06-03\n---\nTrade envoys from Kenya and Peru met Osamu Izawa in Geneva to discuss coffee tariffs.\n';
    const root = makeWorkspace({ 'a/registry.yaml': registry, 'a/one.article': article, 'b/registry.yaml': registry, 'b/two.article': article });
    roots.push(root);
    const c = await TestClient.start(root, {}, ['a', 'b']);
    clients.push(c);
    const two = c.uri('b/two.article');
    await c.waitForDiagnostics(c.uri('a/one.article'), (d) => codes(d).includes('unknown-entity'));
    await c.waitForDiagnostics(two, (d) => codes(d).includes('unknown-entity'));
    void c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: c.uri('b'), name: 'b' }] } });
    await c.waitForDiagnostics(two, (d) => d.length === 0);
    assert.ok(codes(c.diagnostics.get(c.uri('a/one.article'))!.diagnostics).includes('unknown-entity'));
  });

  test('switching the scope at runtime publishes or withdraws closed files\' problems', async () => {
    const c = await start();
    const nato = uriOf(c, 'articles/nato-japan-partnership.article');
    const rel = 'articles/tokyo-briefing.article';
    const tokyo = c.open(rel, readFileSync(join(c.root, rel), 'utf8'));
    await c.waitForDiagnostics(nato, (d) => d.length > 0);
    c.setSettings({ diagnostics: { scope: 'open' } });
    for (const a of PLANTED) if (a !== rel) await c.waitForDiagnostics(uriOf(c, a), (d) => d.length === 0);
    await c.waitForDiagnostics(tokyo, (d) => shown(d).join() === expected(rel).join());
    // A closed file changed on disk stays out of the panel in `open` scope, once re-indexed too.
    const before = c.history.get(nato)!.length;
    c.log.length = 0;
    c.writeFile('articles/nato-japan-partnership.article', `${readFileSync(join(c.root, 'articles/nato-japan-partnership.article'), 'utf8')}\nMore on Thursday, 23 July 2025.\n`);
    await c.waitForLog(/^Indexed articles/);
    await c.request('textDocument/hover', { textDocument: { uri: tokyo }, position: { line: 0, character: 0 } });
    assert.equal(c.history.get(nato)!.length, before, 'nothing was published for the closed file');
    // Back to `workspace` (with a severity changed too): the closed file's current problems come back.
    c.setSettings({ diagnostics: { scope: 'workspace', 'unknown-entity': 'warning' } });
    const p = await c.waitForDiagnostics(nato, (d) => d.filter((x) => x.code === 'weekday-mismatch').length === 2);
    assert.equal(p.diagnostics.find((d) => d.code === 'unknown-entity')?.severity, 2);
  });
});
