/**
 * Protocol test: named pipes (FIFOs) named like articles do not freeze the server (issue #14,
 * item 2). One is in the workspace when the server starts; another appears later and the file
 * watcher reports it. Opening a FIFO blocks until someone writes to it, so a server that tried
 * would never answer the hover asked afterwards; it logs why it did not read it instead.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Hover, MarkupContent } from 'vscode-languageserver/node';
import { joinLines } from '../helpers';
import { TestClient, makeWorkspace, positionOf, removeWorkspace, serverPath } from './client';

const REGISTRY = joinLines('version: 1', 'entities:', '  - id: peru', '    type: country', '    name: Peru', '');
const ARTICLE = joinLines('---', 'date: 2024-03-05', '---', 'Peru recalled its envoy on Monday.', '');

describe('special files named like articles', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': ARTICLE });
    execFileSync('mkfifo', [join(root, 'early.article')]);
    // Read at start-up too, like the articles: an article's sidecar, the ignore file (both by
    // name). A FIFO under the registry globs is not even listed: the folder walk takes regular files.
    mkdirSync(join(root, 'registry'));
    for (const f of ['registry/pipe.yaml', 'a.article.annotations.yaml', 'attache.ignore.yaml']) execFileSync('mkfifo', [join(root, f)]);
    client = await TestClient.start(root);
  });
  after(async () => {
    await client.stop();
    removeWorkspace(root);
  });

  test('a FIFO in the workspace and one reported by the watcher are refused; requests go on', async () => {
    const uri = client.open('a.article', ARTICLE);
    await client.waitForDiagnostics(uri);
    execFileSync('mkfifo', [join(root, 'late.article')]);
    const logged = client.log.length;
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('late.article'), type: 1 }] });
    await client.waitForLog(/late\.article: is a named pipe \(FIFO\), not a file/, logged);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, 'Peru', 1) });
    assert.match((h!.contents as MarkupContent).value, /Peru/);
    // Neither pipe became an article with problems of its own.
    assert.ok(!client.diagnostics.has(client.uri('late.article')));
    assert.ok(!client.diagnostics.has(client.uri('early.article')));
  });

  test('a FIFO as sidecar or ignore file is refused with a message naming it; the rest loads', async () => {
    for (const f of ['a.article.annotations.yaml', 'attache.ignore.yaml']) {
      await client.waitForLog(new RegExp(`${f.replace(/\./g, '\\.')}: is a named pipe \\(FIFO\\), not a file`));
    }
    const uri = client.uri('a.article');
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, 'Peru', 1) });
    assert.match((h!.contents as MarkupContent).value, /Peru/);
    assert.ok(!client.log.some((l) => /registry\/pipe\.yaml/.test(l)), 'the FIFO under the registry globs is never opened');
  });

  test('the annotate command on file:///dev/zero answers false at once, reading nothing', async () => {
    // Item 2: the server once read the whole device (2 GB in 2 s) to place the annotation.
    const r = await client.request<boolean>('workspace/executeCommand', {
      command: 'attache.server.annotate',
      arguments: [{ uri: 'file:///dev/zero', start: 0, end: 4, kind: 'not-entity' }],
    });
    assert.equal(r, false);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('a.article') }, position: positionOf(ARTICLE, 'Peru', 1) });
    assert.match((h!.contents as MarkupContent).value, /Peru/);
  });
});
