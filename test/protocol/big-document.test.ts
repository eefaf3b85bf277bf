/**
 * A large article (over the server's 100,000-character threshold, analyzed in steps and spliced
 * while edited) over stdio: after a burst of changes only the last version's problems are
 * published; a cancelled request gets LSP's RequestCancelled error; a hover right after an edit
 * answers from the new text (issue #14, item 3). No timing: the tests wait on events.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, Hover, LSPErrorCodes, MarkupContent, ResponseError } from 'vscode-languageserver/node';
import { TestClient, makeWorkspace, positionOf, removeWorkspace, serverPath } from './client';

const REGISTRY = [
  'version: 1',
  'entities:',
  '  - id: japan',
  '    type: country',
  '    name: Japan',
  '  - id: iwaya-takeshi',
  '    type: person',
  '    name: Iwaya Takeshi',
  '    country: japan',
  '  - id: kamikawa-yoko',
  '    type: person',
  '    name: Kamikawa Yoko',
  '    country: japan',
  '',
].join('\n');

const TOPICS = ['ferry timetables', 'harbour dredging', 'customs forms', 'weather radar', 'school exchanges', 'fishing quotas', 'rail freight', 'museum loans'];

/** About 300 KB of varied paragraphs, each numbered; paragraph 1000 names Iwaya Takeshi. */
function bigArticle(): string {
  const lines = ['---', 'date: 2025-10-20', '---', 'Regional Officials Review Transport Plans', ''];
  for (let i = 0; i < 2400; i++) {
    const who = i === 1000 ? 'Iwaya Takeshi' : 'A deputy';
    lines.push(`${who} reviewed ${TOPICS[i % 8]} and ${TOPICS[(i * 3 + 1) % 8]} with ${i % 5} aides, item ${i} of the list.`, '');
  }
  return lines.join('\n');
}

const hoverText = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : '');

describe('large article over stdio', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;
  let uri: string;
  let text = bigArticle();

  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'big.article': text });
    client = await TestClient.start(root);
    uri = client.open('big.article', text);
    await client.waitForDiagnostics(uri, (_d, p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    if (root) removeWorkspace(root);
  });

  test('a hover right after an edit answers from the new text', async () => {
    text = text.replace('Iwaya Takeshi reviewed', 'Kamikawa Yoko reviewed');
    client.change('big.article', text);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Kamikawa Yoko', 2) });
    assert.match(hoverText(h), /Kamikawa Yoko/);
    assert.doesNotMatch(hoverText(h), /Iwaya/);
  });

  test('after a burst of changes only the last version’s problems are published', async () => {
    const from = client.history.get(uri)?.length ?? 0;
    let last = 0;
    for (let i = 0; i < 20; i++) {
      text = text.replace(`item ${1200 + i} of`, `item ${1200 + i} (revised) of`);
      // The last version says a weekday that does not match its date.
      if (i === 19) text = text.replace('Regional Officials Review Transport Plans\n', 'Regional Officials Review Transport Plans\n\nThe plan was signed on Tuesday, 3 March 2025.\n');
      last = client.change('big.article', text);
    }
    // A request answered after the last change: from here on the server has every version.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const barrier = client.history.get(uri)?.length ?? 0;
    const p = await client.waitForDiagnostics(uri, (_d, x) => x.version === last);
    assert.ok(p.diagnostics.some((d) => d.code === 'weekday-mismatch'), 'the last version’s problems');
    const published = (client.history.get(uri) ?? []).slice(from);
    const versions = published.map((x) => x.version!);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, `publications in version order: ${versions}`);
    const afterBarrier = (client.history.get(uri) ?? []).slice(barrier).map((x) => x.version);
    assert.deepEqual(afterBarrier.filter((v) => v !== last), [], 'nothing for an older version once the server had the newest');
  });

  test('a cancelled request answers RequestCancelled', async () => {
    text = text.replace('item 2000 of', 'item 2000 (moved) of');
    client.change('big.article', text);
    const source = new CancellationTokenSource();
    const pending = client.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(text, 'Kamikawa Yoko', 2), context: { includeDeclaration: true } }, source.token);
    source.cancel();
    await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
  });
});
