/**
 * Protocol test of `attache/timeline` on the sample workspace (copied to a temporary folder): an
 * article's timeline with the planted conflicts and LSP ranges on every location, the folder's,
 * one person's, and an edit that removes the conflict (the view re-asks after a change).
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { TimelineData, TimelineParams, TimelineRequest } from '../../server/src/lsp/protocol';
import { sampleFiles } from '../helpers';
import { TestClient, makeWorkspace, removeWorkspace, serverPath } from './client';

const FILE = 'articles/qatar-japan-defense.article';

describe('attache/timeline', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;
  let files: Record<string, string>;
  const ask = (p: TimelineParams): Promise<TimelineData> => client.request<TimelineData>(TimelineRequest.method, p);

  before(async () => {
    files = sampleFiles();
    root = makeWorkspace(files);
    client = await TestClient.start(root);
  });
  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  test('an article: its offices and events, the conflicts with their messages and ranges', async () => {
    const uri = client.open(FILE, files[FILE]);
    const t = await ask({ uri, scope: 'article', today: '2026-12-01' });
    assert.equal(t.title, 'Timeline of qatar-japan-defense.article');
    assert.equal(t.today, '2026-12-01');
    assert.ok(t.rows.some((r) => r.id === 'japan-foreign-minister' && r.source.range && r.source.path.endsWith('/registry/offices.yaml')));
    const conflict = t.markers.find((m) => m.conflict?.code === 'role-conflict' && m.entity === 'hayashi-yoshimasa');
    assert.ok(conflict, JSON.stringify(t.markers));
    assert.equal(conflict.location.path, uri);
    // Line 6 of the article (0-based 5), where the Problems panel puts it.
    assert.equal(conflict.location.range?.start.line, 5);
    assert.match(conflict.conflict!.message, /^Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13/);
    const bar = t.spans.find((s) => s.row === 'japan-foreign-minister' && s.entity === 'hayashi-yoshimasa')!;
    assert.ok(conflict.start > bar.end);
    assert.ok(bar.source.range && bar.source.path.endsWith('/registry/persons.yaml'));
    assert.deepEqual(t.markers.filter((m) => m.conflict).map((m) => m.conflict!.code).sort(), ['event-date-conflict', 'role-conflict', 'role-conflict']);
  });

  test('a person\'s hover card links to their timeline', async () => {
    const uri = client.uri(FILE);
    const at = files[FILE].split('\n').findIndex((l) => l.includes('HE Hayashi Yoshimasa'));
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: at, character: files[FILE].split('\n')[at].indexOf('Hayashi Yoshimasa') + 2 } });
    const link = /\[Show on timeline\]\(command:attache\.showTimeline\?([^ )]+)/.exec(h?.contents.value ?? '');
    assert.ok(link, h?.contents.value);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ uri, entity: 'hayashi-yoshimasa' }]);
  });

  test('the folder, and one person across it', async () => {
    const uri = client.uri(FILE);
    const all = await ask({ uri, scope: 'workspace', today: '2026-12-01' });
    assert.match(all.title, /\(10 articles\)$/);
    assert.ok(all.markers.some((m) => m.location.path.endsWith('/iwaya-qatar-energy.article')));
    assert.ok(all.rows.some((r) => r.id === 'japan-germany-strategic-dialogue-1'));
    // A registry file has no article of its own: the folder's timeline.
    const fromRegistry = await ask({ uri: client.uri('registry/offices.yaml'), scope: 'article', today: '2026-12-01' });
    assert.equal(fromRegistry.title, all.title);
    assert.equal(fromRegistry.markers.length, all.markers.length);
    const person = await ask({ uri, scope: 'workspace', entity: 'hayashi-yoshimasa', today: '2026-12-01' });
    assert.equal(person.title, 'Timeline of Hayashi Yoshimasa');
    assert.ok(person.markers.length >= 4 && person.markers.every((m) => m.entity === 'hayashi-yoshimasa'));
    assert.deepEqual(person.spans.map((s) => `${s.row} ${s.start}..${s.end}`), ['japan-foreign-minister 2021-11-10..2023-09-13']);
  });

  test('after an edit the timeline is the new text\'s', async () => {
    const uri = client.uri(FILE);
    client.change(FILE, files[FILE].replace("HE Hayashi Yoshimasa, Japan's Minister of Foreign Affairs", "HE Iwaya Takeshi, Japan's Minister of Foreign Affairs"));
    const t = await ask({ uri, scope: 'article', today: '2026-12-01' });
    assert.ok(!t.markers.some((m) => m.entity === 'hayashi-yoshimasa'));
    const iwaya = t.markers.find((m) => m.entity === 'iwaya-takeshi' && m.row === 'japan-foreign-minister');
    assert.ok(iwaya && !iwaya.conflict, JSON.stringify(iwaya));
  });
});
