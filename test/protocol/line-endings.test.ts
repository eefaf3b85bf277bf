/**
 * Lone-CR line endings (old Mac files, some scrapers) are line breaks, as LSP defines them: the
 * paragraphs, the duplicate check, the diagnostics' lines and hovers at protocol positions all
 * work as they do with LF (issue #14, item 12).
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Hover, MarkupContent } from 'vscode-languageserver/node';
import { TestClient, makeWorkspace, removeWorkspace, serverPath } from './client';

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
  '',
].join('\n');

const PARA = 'Both delegations agreed to continue the maritime security dialogue next spring.';
const ARTICLE = ['---', 'date: 2025-03-20', '---', PARA, 'Iwaya Takeshi spoke to reporters in Tokyo after the meeting.', PARA, ''].join('\r');

describe('lone-CR line endings over stdio', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'cr.article': ARTICLE });
    client = await TestClient.start(root);
    client.open('cr.article', ARTICLE);
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  test('the repeated paragraph is found and reported on its own line', async () => {
    const p = await client.waitForDiagnostics(client.uri('cr.article'), (d) => d.some((x) => x.code === 'duplicate-paragraph'));
    const dup = p.diagnostics.find((x) => x.code === 'duplicate-paragraph');
    assert.ok(dup);
    assert.equal(dup.range.start.line, 5);
    assert.equal(dup.range.start.character, 0);
  });

  test('a hover at the protocol position of a name on line 4 finds it', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('cr.article') }, position: { line: 4, character: 2 } });
    assert.ok(h, 'expected a hover');
    assert.match((h.contents as MarkupContent).value, /Iwaya Takeshi/);
  });
});
