/**
 * `AttacheService.indexWithPool` and `Folder.commitPooled` with an in-process pool whose answers
 * the test holds back: the pool gets exactly the stale articles known from disk (no open
 * document), its analyses are kept and equal the server thread's own; one computed before a
 * registry edit, a text change, a settings change or a newly read sidecar is dropped (the article
 * stays stale, and the next run analyzes it with what is current); batches asked about after a
 * registry edit are not current.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleAnalysis, analyzeArticle } from '../../server/src/core/analyze';
import { sidecarPath } from '../../server/src/core/annotations';
import { CoreSettings, RegistrySnapshot } from '../../server/src/core/types';
import { buildEntityIndex } from '../../server/src/core/entities';
import { AnalysisPool, AttacheService, PoolItem } from '../../server/src/lsp/service';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { ROOT, memoryHost } from './memoryHost';
import { joinLines } from '../helpers';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: qatar',
  '    type: country',
  '    name: Qatar',
  '  - id: taro-yamada',
  '    type: person',
  '    name: Taro Yamada',
  '',
);

const article = (n: number): string => joinLines('---', `date: 2025-03-0${1 + (n % 9)}`, '---', `Taro Yamada met officials from Qatar and Kenya on Monday (${n}).`, '');

/** A pool on this thread: analyzes at once, delivers when the test says (`release`). */
class HeldPool implements AnalysisPool {
  readonly threads = 1;
  asked: PoolItem[][] = [];
  private held: (() => void)[] = [];
  current: (() => boolean) | undefined;
  analyze(snapshot: RegistrySnapshot, settings: CoreSettings, items: PoolItem[], done: (i: number, a: ArticleAnalysis) => void, current: () => boolean): Promise<boolean> {
    this.asked.push(items);
    this.current = current;
    const ctx = { registry: snapshot, entityIndex: buildEntityIndex(snapshot), settings };
    const analyses = items.map((it) => analyzeArticle(it.uri, it.text, ctx, it.sidecar));
    return new Promise((resolve) => this.held.push(() => {
      analyses.forEach((a, i) => done(i, a));
      resolve(true);
    }));
  }
  /** Delivers what was asked so far. */
  async release(): Promise<void> {
    while (!this.held.length) await new Promise((r) => setImmediate(r));
    for (const h of this.held.splice(0)) h();
  }
  close(): void {}
}

async function setup(): Promise<{ service: AttacheService; host: ReturnType<typeof memoryHost> }> {
  const files: Record<string, string> = { 'registry.yaml': REGISTRY, 'articles/a1.article.annotations.yaml': 'version: 1\nannotations: []\n' };
  for (let i = 0; i < 6; i++) files[`articles/a${i}.article`] = article(i);
  const host = memoryHost(files);
  const service = new AttacheService(host, [{ uri: ROOT, name: 'ws' }]);
  await service.loadFolder(service.folders[0], DEFAULT_SETTINGS);
  await service.loadArticles(service.folders[0]);
  return { service, host };
}

/** The analyses the server's thread computes now, by URI. */
function ownAnalyses(service: AttacheService): Map<string, ArticleAnalysis> {
  const f = service.folders[0];
  const out = new Map<string, ArticleAnalysis>();
  for (const rec of f.articles.values()) out.set(rec.uri, analyzeArticle(rec.uri, rec.text, { registry: f.snapshot, entityIndex: f.entityIndex, settings: f.currentSettings }, f.sidecarText(sidecarPath(rec.uri))));
  return out;
}

test('the pool gets the stale articles on disk, not open ones, and its analyses are kept', async () => {
  const { service } = await setup();
  const folder = service.folders[0];
  service.openOrChange({ uri: `${ROOT}/articles/a0.article`, languageId: 'diplomatic-article', version: 1, text: article(0) });
  const pool = new HeldPool();
  const run = service.indexWithPool(pool);
  await pool.release();
  assert.deepEqual(await run, { kept: 5, complete: true });
  assert.deepEqual(pool.asked[0].map((it) => it.uri.replace(`${ROOT}/articles/`, '')), ['a1.article', 'a2.article', 'a3.article', 'a4.article', 'a5.article']);
  assert.equal(pool.asked[0][0].sidecar, 'version: 1\nannotations: []\n', 'the sidecar goes with its article');
  assert.equal(service.staleArticles(true), 0);
  assert.equal(service.staleArticles(), 1, 'the open document is left to the server thread');
  const own = ownAnalyses(service);
  for (const rec of folder.articles.values()) if (rec.version === null) assert.deepEqual(rec.analysis, own.get(rec.uri));
  assert.ok(folder.crossFindings(`${ROOT}/articles/a2.article`) !== undefined);
});

test('analyses computed before a registry edit are dropped; the next run uses the new registry', async () => {
  const { service } = await setup();
  const folder = service.folders[0];
  const pool = new HeldPool();
  const run = service.indexWithPool(pool);
  while (!pool.current) await new Promise((r) => setImmediate(r));
  assert.equal(pool.current(), true);
  folder.setRegistryText(`${ROOT}/registry.yaml`, `${REGISTRY}  - id: kenya\n    type: country\n    name: Kenya\n`);
  folder.refresh();
  assert.equal(pool.current(), false, 'batches not yet out are skipped');
  await pool.release();
  assert.deepEqual(await run, { kept: 0, complete: true });
  assert.equal(service.staleArticles(true), 6);
  const again = service.indexWithPool(pool);
  await pool.release();
  assert.deepEqual(await again, { kept: 6, complete: true });
  const own = ownAnalyses(service);
  for (const rec of folder.articles.values()) {
    assert.deepEqual(rec.analysis, own.get(rec.uri));
    assert.ok(rec.analysis!.entities.some((m) => m.id === 'kenya'), 'Kenya is known now');
  }
});

test('a text, settings or sidecar change while the pool works drops that analysis', async () => {
  const { service, host } = await setup();
  const folder = service.folders[0];
  const pool = new HeldPool();
  const run = service.indexWithPool(pool);
  while (!pool.current) await new Promise((r) => setImmediate(r));
  // a2 changed on disk, a3 opened with the same text, a1's sidecar changed on disk.
  host.files.set(`${ROOT}/articles/a2.article`, `${article(2)}More.\n`);
  await service.fileChanged(`${ROOT}/articles/a2.article`, false);
  service.openOrChange({ uri: `${ROOT}/articles/a3.article`, languageId: 'diplomatic-article', version: 1, text: article(3) });
  host.files.set(`${ROOT}/articles/a1.article.annotations.yaml`, 'version: 1\nannotations: []\n# changed\n');
  await folder.readSidecar(`${ROOT}/articles/a1.article.annotations.yaml`);
  await pool.release();
  assert.deepEqual(await run, { kept: 3, complete: true });
  const stale = [...folder.articles.values()].filter((r) => folder.isStale(r)).map((r) => r.uri.replace(`${ROOT}/articles/`, ''));
  assert.deepEqual(stale.sort(), ['a1.article', 'a2.article', 'a3.article']);
  // New settings: every analysis under way is dropped.
  const next = service.indexWithPool(pool);
  while (pool.asked.length < 2) await new Promise((r) => setImmediate(r));
  folder.applySettings({ ...DEFAULT_SETTINGS, core: { numericOrder: 'dmy' } });
  await pool.release();
  assert.deepEqual(await next, { kept: 0, complete: true });
  assert.equal(service.staleArticles(true), 5);
});
