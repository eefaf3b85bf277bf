/**
 * Protocol test: named pipes (FIFOs) named like articles do not freeze the server (issue #14,
 * item 2). One is in the workspace when the server starts; another appears later and the file
 * watcher reports it. Opening a FIFO blocks until someone writes to it, so a server that tried
 * would never answer the hover asked afterwards; it logs why it did not read it instead.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
});
