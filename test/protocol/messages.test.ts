/**
 * Protocol test of the custom messages declared in `server/src/lsp/protocol.ts`: the built server
 * answers every declared request under its declared method name (none is left unregistered or
 * misspelled on one side), and sends the status notification under its declared name.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { AddEntityRequest, ContextSpansRequest, EntitiesRequest, REQUESTS, StatusNotification, StatusParams, TimelineRequest } from '../../server/src/lsp/protocol';
import { joinLines } from '../helpers';
import { TestClient, makeWorkspace, removeWorkspace, serverPath } from './client';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: chile',
  '    type: country',
  '    name: Chile',
  '  - id: ines-valdes',
  '    type: person',
  '    name: Inés Valdés',
  '    country: chile',
  '',
);

const ARTICLE = joinLines(
  '---',
  'date: 2024-06-04',
  '---',
  'Inés Valdés met trade officials in Chile on Tuesday.',
  '',
);

describe('custom messages', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': ARTICLE });
    client = await TestClient.start(root);
  });
  after(async () => {
    await client.stop();
    removeWorkspace(root);
  });

  test('every declared request is answered under its method name', async () => {
    const uri = client.open('a.article', ARTICLE);
    assert.equal(REQUESTS.length, new Set(REQUESTS.map((r) => r.method)).size, 'method names are unique');
    for (const r of REQUESTS) {
      assert.match(r.method, /^attache\//);
      const params = r === TimelineRequest ? { uri, scope: 'article' } : r === AddEntityRequest ? { uri, name: 'Tomás Ruiz', type: 'person' } : { uri };
      try {
        await client.request(r.method, params);
      } catch (e) {
        assert.ok(!(e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound), `${r.method} is not handled: ${String(e)}`);
        throw e;
      }
    }
    // The answers have the declared shapes.
    const entities = await client.request<{ id: string }[]>(EntitiesRequest.method, { uri });
    assert.deepEqual(entities.map((e) => e.id).sort(), ['chile', 'ines-valdes']);
    const spans = await client.request<{ dates: unknown[]; annotations: unknown[] }>(ContextSpansRequest.method, { uri });
    assert.equal(spans.dates.length, 1);
    assert.deepEqual(spans.annotations, []);
  });

  test('the status notification goes out under its declared name', async () => {
    await client.waitForDiagnostics(client.uri('a.article'));
    const status = client.notifications.filter((n) => n.method === StatusNotification.method).map((n) => n.params as StatusParams);
    assert.ok(status.length > 0, 'no status notification');
    assert.equal(status.at(-1)!.folders[0].entities, 2);
  });
});
