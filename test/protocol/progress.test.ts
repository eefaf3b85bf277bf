/**
 * Protocol tests of the server's work done progress (issue #18, item 6): loading a registry and
 * indexing the workspace's articles are reported with `window/workDoneProgress/create` and
 * `$/progress` begin / report / end, to a client that announces `window.workDoneProgress`.
 * Run `npm run build` first.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { joinLines } from '../helpers';
import { TestClient, makeWorkspace, serverPath, stoppedAfterTests } from './client';

const skip = existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`';

function registryFile(ids: string[]): string {
  return joinLines('version: 1', 'entities:', ...ids.map((id) => `  - {id: ${id}, type: country, name: ${id[0].toUpperCase()}${id.slice(1)}}`), '');
}

/** The events of one task are well formed: create, then begin, reports with rising percentages, end last. */
function wellFormed(client: TestClient, events: TestClient['progress']): void {
  const kinds = events.map((e) => e.kind);
  assert.equal(kinds[0], 'create', kinds.join(' '));
  assert.equal(kinds[1], 'begin');
  assert.equal(kinds[kinds.length - 1], 'end');
  assert.ok(kinds.slice(2, -1).every((k) => k === 'report'), kinds.join(' '));
  const pcts = events.filter((e) => e.kind === 'report').map((e) => e.value!.percentage as number);
  assert.deepEqual(pcts, [...pcts].sort((a, b) => a - b), `percentages rise: ${pcts.join(' ')}`);
  assert.equal(pcts[pcts.length - 1], 100);
  // Nothing is sent on a token after its end.
  const endAt = client.progress.findIndex((e) => e.token === events[0].token && e.kind === 'end');
  assert.ok(client.progress.slice(endAt + 1).every((e) => e.token !== events[0].token));
}

describe('work done progress', { skip }, () => {
  const { roots, clients } = stoppedAfterTests();

  test('registry loading: begin, files read, entities, end', async () => {
    const files: Record<string, string> = {
      'registry/africa.yaml': registryFile(['kenya', 'ghana']),
      'registry/americas.yaml': registryFile(['peru', 'chile']),
      'registry/asia.yaml': registryFile(['japan', 'nepal', 'laos']),
    };
    const root = makeWorkspace(files);
    roots.push(root);
    const client = await TestClient.start(root);
    clients.push(client);
    const events = await client.waitForProgress(/^Attaché: loading the registry of ws$/);
    wellFormed(client, events);
    const messages = events.filter((e) => e.kind === 'report').map((e) => e.value!.message);
    assert.ok(messages.includes('3/3 registry files read'), messages.join(' | '));
    assert.equal(messages[messages.length - 1], '7 entities');
  });

  test('workspace indexing: every article counted, 100% before the end', async () => {
    const files: Record<string, string> = { 'registry.yaml': registryFile(['kenya', 'peru']) };
    for (let i = 0; i < 60; i++) {
      files[`articles/n${i}.article`] = joinLines('---', 'date: 2024-06-03', '---', `Trade envoys from Kenya and Peru met for round ${i} of the coffee talks.`, '');
    }
    const root = makeWorkspace(files);
    roots.push(root);
    const client = await TestClient.start(root);
    clients.push(client);
    const events = await client.waitForProgress(/^Attaché: indexing articles$/);
    wellFormed(client, events);
    const reports = events.filter((e) => e.kind === 'report');
    assert.equal(reports[reports.length - 1].value!.message, '60/60 articles');
    for (const r of reports) assert.match(String(r.value!.message), /^\d+\/60 articles$/);
    // The begin went out only after the client created the token.
    const create = client.progress.indexOf(events[0]);
    const begin = client.progress.indexOf(events[1]);
    assert.ok(create < begin);
  });

  test('a client that does not announce window.workDoneProgress gets none', async () => {
    const files: Record<string, string> = { 'registry.yaml': registryFile(['kenya']) };
    for (let i = 0; i < 5; i++) files[`articles/k${i}.article`] = `Envoys from Kenya met for round ${i}.\n`;
    const root = makeWorkspace(files);
    roots.push(root);
    const client = await TestClient.start(root, {}, undefined, undefined, { workDoneProgress: false });
    clients.push(client);
    const read = await client.waitForLog(/5 article\(s\) read from disk/);
    await client.waitForLog(/Indexed articles/, client.log.indexOf(read) + 1);
    // The articles read from disk are indexed, and not one create request or $/progress was sent.
    assert.deepEqual(client.progress, []);
    assert.ok(!client.notifications.some((n) => n.method === '$/progress'));
  });
});
