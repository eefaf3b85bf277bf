/**
 * Workspace indexing on worker threads (`attache.indexing.threads`, node/analysisPool.ts), through
 * the built server over stdio: on a workspace of a few hundred articles made from the samples
 * (shared paragraphs, event dates, a file that is not text), the problems published and the
 * references found are the same with the pool as without it, and the log says who indexed; a
 * registry edit while the pool indexes leaves every article with the problems of the new registry
 * (those a server started on the edited workspace finds), none computed with the old one. Run
 * `npm run build` first.
 */

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Location } from 'vscode-languageserver/node';
import { sampleCorpus } from '../helpers';
import { TestClient, makeWorkspace, serverPath, stoppedAfterTests } from './client';

const skip = existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`';

const ARTICLES = 240;

function workspace(): string {
  const files = sampleCorpus(ARTICLES, { verbatimEvery: 11, sharedEvery: 7, eventEvery: 5 });
  const root = makeWorkspace(Object.fromEntries(Object.entries(files).filter(([, v]) => typeof v === 'string')) as Record<string, string>);
  // The file that is not text, as bytes.
  const bytes = files['articles/zz-binary.article'];
  if (bytes) writeFileSync(join(root, 'articles/zz-binary.article'), bytes);
  return root;
}

interface Result {
  /** Per file (relative to the root), its problems as last published. */
  problems: Record<string, string[]>;
  counts: unknown;
  references: string[];
  indexedBy: string;
}

/** Waits until the articles read from disk are indexed, then publishes every file's problems ("Check Workspace") and collects them. */
async function collect(c: TestClient, root: string): Promise<Result> {
  const read = await c.waitForLog(/article\(s\) read from disk/);
  const line = await c.waitForLog(/^Indexed articles/, c.log.indexOf(read) + 1);
  const counts = await c.request('workspace/executeCommand', { command: 'attache.checkWorkspace', arguments: [] });
  const problems: Record<string, string[]> = {};
  const prefix = c.uri('');
  for (const [uri, p] of c.diagnostics) problems[uri.slice(prefix.length)] = p.diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
  // Every mention of the entity under the cursor, over the workspace (an open article asks).
  const rel = 'articles/a0001.article';
  const text = readFileSync(join(root, rel), 'utf8');
  const uri = c.open(rel, text);
  const at = text.indexOf('Japan');
  assert.ok(at >= 0);
  const before = text.slice(0, at).split('\n');
  const refs = await c.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: before.length - 1, character: before.at(-1)!.length }, context: { includeDeclaration: false } });
  const references = refs.map((l) => `${l.uri.slice(prefix.length)} ${l.range.start.line}:${l.range.start.character}`).sort();
  return { problems, counts, references, indexedBy: /(\d+) worker thread/.exec(line)?.[1] ?? '?' };
}

describe('indexing on worker threads', { skip }, () => {
  const { roots, clients } = stoppedAfterTests();

  test('the pool publishes the problems and finds the references the server\'s own thread does', async () => {
    const root = workspace();
    roots.push(root);
    const results: Result[] = [];
    for (const threads of [0, 2]) {
      const c = await TestClient.start(root, { indexing: { threads } });
      clients.push(c);
      results.push(await collect(c, root));
      // Shut down and told to exit, the server ends by itself: no worker thread holds it.
      const exited = new Promise<number | null>((resolve) => c.proc.once('exit', (code) => resolve(code)));
      await c.conn.sendRequest('shutdown');
      await c.conn.sendNotification('exit');
      assert.equal(await exited, 0);
    }
    const [here, pooled] = results;
    assert.equal(here.indexedBy, '0');
    assert.equal(pooled.indexedBy, '2');
    assert.ok(Object.keys(here.problems).length > ARTICLES, `${Object.keys(here.problems).length} files published`);
    assert.ok(Object.values(here.problems).some((d) => d.some((x) => x.startsWith('boilerplate'))), 'cross-article findings among them');
    assert.ok(here.references.length > 50, `${here.references.length} references`);
    assert.deepEqual(pooled.problems, here.problems);
    assert.deepEqual(pooled.counts, here.counts);
    assert.deepEqual(pooled.references, here.references);
  });

  test('a registry edit while the pool indexes: every article gets the new registry\'s problems', async () => {
    const root = workspace();
    roots.push(root);
    const c = await TestClient.start(root, { indexing: { threads: 1 } });
    clients.push(c);
    const original = readFileSync(join(root, 'registry/persons.yaml'), 'utf8');
    // As soon as indexing starts (the articles are read), the persons leave the registry but one.
    const read = await c.waitForLog(/article\(s\) read from disk/);
    const edited = 'version: 1\nentities:\n  - id: nobody-known\n    type: person\n    name: Nobody Known\n';
    c.writeFile('registry/persons.yaml', edited);
    await c.waitForLog(/^Indexed articles/, c.log.indexOf(read) + 1);
    const during = await collect(c, root);
    await c.stop();
    // A server started on the edited workspace, indexing on its own thread.
    const fresh = await TestClient.start(root, { indexing: { threads: 0 } });
    clients.push(fresh);
    const expected = await collect(fresh, root);
    await fresh.stop();
    assert.deepEqual(during.problems, expected.problems);
    assert.deepEqual(during.references, expected.references);
    // The edit mattered: the original registry gives other problems.
    writeFileSync(join(root, 'registry/persons.yaml'), original);
    const before = await TestClient.start(root, { indexing: { threads: 1 } });
    clients.push(before);
    assert.notDeepEqual((await collect(before, root)).problems, expected.problems);
  });
});
