/**
 * One answer to "what is this file" (`Folder.classify`, `AttacheService.classify`): the sidecar
 * naming rule from the core, registry before article, an open document's language, the globs; and
 * the service's entry points (open, close, a change on disk) report the same kind.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleOfSidecar, isSidecarPath, sidecarPath } from '../../server/src/core/annotations';
import { AttacheService } from '../../server/src/lsp/service';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { joinLines } from '../helpers';
import { ROOT, memoryHost } from './memoryHost';

const REGISTRY = joinLines('version: 1', 'entities:', '  - id: peru', '    type: country', '    name: Peru', '');
const ARTICLE = joinLines('---', 'date: 2024-02-01', '---', 'Peru named a new envoy on Monday.', '');

async function workspace(settings = DEFAULT_SETTINGS): Promise<AttacheService> {
  const host = memoryHost({
    'registry.yaml': REGISTRY,
    'registry/more.yaml': REGISTRY.replace('peru', 'chile').replace('Peru', 'Chile'),
    'a.article': ARTICLE,
    'a.article.annotations.yaml': 'version: 1\nannotations: []\n',
    'articles/b.txt': ARTICLE,
    'notes/c.txt': ARTICLE,
    'notes/d.yaml': 'x: 1\n',
  });
  const service = new AttacheService(host, [{ uri: ROOT, name: 'ws' }]);
  await service.loadFolder(service.folders[0], settings);
  await service.loadArticles(service.folders[0]);
  return service;
}

describe('classify', () => {
  test('the sidecar naming rule is one rule', () => {
    assert.equal(sidecarPath('file:///ws/a.article'), 'file:///ws/a.article.annotations.yaml');
    assert.equal(articleOfSidecar(sidecarPath('x/y.txt')), 'x/y.txt');
    assert.ok(isSidecarPath('a.article.annotations.yaml'));
    assert.ok(!isSidecarPath('a.article.annotations.yml'));
    assert.ok(!isSidecarPath('.annotations.yaml'));
    assert.ok(!isSidecarPath('a.article'));
  });

  test('kinds by name, registry globs, article globs', async () => {
    const s = await workspace();
    const kind = (rel: string): string => s.classify(`${ROOT}/${rel}`);
    assert.equal(kind('registry.yaml'), 'registry');
    assert.equal(kind('registry/more.yaml'), 'registry');
    assert.equal(kind('a.article'), 'article');
    assert.equal(kind('articles/b.txt'), 'article');
    assert.equal(kind('a.article.annotations.yaml'), 'sidecar');
    assert.equal(kind('notes/c.txt'), 'other');
    assert.equal(kind('notes/d.yaml'), 'other');
    assert.equal(kind('a.article.annotations.yml'), 'other');
    assert.equal(s.classify('file:///elsewhere/e.article'), 'article');
    assert.equal(s.classify('file:///elsewhere/e.txt'), 'other');
  });

  test('a registry file that also matches the article globs is a registry file', async () => {
    const s = await workspace({ ...DEFAULT_SETTINGS, articles: ['**/*.article', '**/*.yaml'] });
    assert.equal(s.classify(`${ROOT}/registry.yaml`), 'registry');
    assert.equal(s.classify(`${ROOT}/notes/d.yaml`), 'article');
    // Never read as an article.
    assert.ok(!s.folders[0].articles.has(`${ROOT}/registry.yaml`));
  });

  test('an open document in the article language is an article, until it closes', async () => {
    const s = await workspace();
    const uri = `${ROOT}/notes/c.txt`;
    assert.equal(s.openOrChange({ uri, languageId: 'diplomatic-article', version: 1, text: ARTICLE }), 'article');
    assert.equal(s.classify(uri), 'article');
    assert.equal(await s.close(uri), 'article');
    // Outside the globs: it leaves with its tab.
    assert.equal(s.classify(uri), 'other');
    assert.ok(!s.folders[0].articles.has(uri));
    assert.equal(s.openOrChange({ uri, languageId: 'plaintext', version: 1, text: ARTICLE }), 'other');
  });

  test('open, close and changes on disk report the kind classify gives', async () => {
    const s = await workspace();
    for (const rel of ['registry.yaml', 'a.article', 'articles/b.txt', 'a.article.annotations.yaml', 'notes/d.yaml']) {
      const uri = `${ROOT}/${rel}`;
      const expected = s.classify(uri);
      assert.equal(await s.fileChanged(uri, false), expected, `change on disk: ${rel}`);
      assert.equal(s.openOrChange({ uri, languageId: rel.endsWith('.yaml') ? 'yaml' : 'plaintext', version: 1, text: s.textOf(uri) ?? '' }), expected, `open: ${rel}`);
      // While open, the buffer wins: a change on disk is not the service's business.
      if (expected !== 'sidecar') assert.equal(await s.fileChanged(uri, false), 'other', `change on disk while open: ${rel}`);
      assert.equal(await s.close(uri), expected, `close: ${rel}`);
    }
  });
});
