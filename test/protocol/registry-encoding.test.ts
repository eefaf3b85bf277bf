/**
 * A registry file re-saved in another encoding (UTF-16, a Latin-1 byte, a NUL byte) keeps its last
 * good entities and shows a registry-syntax diagnostic saying why, as invalid YAML does; before,
 * the server dropped all of the file's entities with only a log line (issue #14, item 13).
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver/node';
import { TestClient, makeWorkspace, removeWorkspace, serverPath } from './client';

const REGISTRY = ['version: 1', 'entities:', '  - id: qatar', '    type: country', '    name: Qatar', '  - id: japan', '    type: country', '    name: Japan', ''].join('\n');
const ARTICLE = ['---', 'date: 2025-03-20', '---', 'Japan and Qatar agreed to widen their energy talks.', ''].join('\n');
const unknownQatar = (d: Diagnostic[]): boolean => d.some((x) => x.code === 'unknown-entity' && /Qatar/.test(x.message));
const syntax = (d: Diagnostic[]): Diagnostic | undefined => d.find((x) => x.code === 'registry-syntax');

describe('a registry file that cannot be decoded', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': ARTICLE });
    client = await TestClient.start(root);
    client.open('a.article', ARTICLE);
    await client.waitForDiagnostics(client.uri('a.article'), (d) => !unknownQatar(d));
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  const cases: [string, Buffer, RegExp][] = [
    ['re-saved as UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REGISTRY, 'utf16le')]), /UTF-16 \(NUL byte at offset 3\)/],
    ['with a Latin-1 byte', Buffer.from(REGISTRY.replace('name: Japan', 'name: Jap\u00e1n'), 'latin1'), /not valid UTF-8 \(first bad byte at offset \d+\)/],
  ];
  for (const [what, bytes, why] of cases) {
    test(`${what}: a registry-syntax diagnostic says why, and the entities stay`, async () => {
      client.writeFile('registry.yaml', bytes);
      const p = await client.waitForDiagnostics(client.uri('registry.yaml'), (d) => syntax(d) !== undefined && why.test(syntax(d)!.message), { fresh: true });
      assert.match(syntax(p.diagnostics)!.message, /cannot be read: .*last valid version/);
      const a = await client.waitForDiagnostics(client.uri('a.article'));
      assert.ok(!unknownQatar(a.diagnostics), 'Qatar is still linked from the last good registry');
      client.writeFile('registry.yaml', REGISTRY);
      await client.waitForDiagnostics(client.uri('registry.yaml'), (d) => syntax(d) === undefined);
    });
  }
});
