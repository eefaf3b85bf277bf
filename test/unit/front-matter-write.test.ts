/**
 * Front matter is written in one place (`core/frontMatter.ts`) with the article's own line ends:
 * the `unresolved-date` quick fix on a CRLF article inserts CRLF lines (it hard-coded LF before,
 * issue #14 item 15), and the inserted front matter is read back as the publication date.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { buildEntityIndex } from '../../server/src/core/entities';
import { frontMatterText, lineEndOf, startsWithFrontMatter } from '../../server/src/core/frontMatter';
import { loadRegistry } from '../../server/src/core/registry';

const registry = loadRegistry([]);
const ctx = { registry, entityIndex: buildEntityIndex(registry) };

test('front matter text follows the line ends of the article', () => {
  assert.equal(frontMatterText('2024-05-06', 'One.\nTwo.\n'), '---\ndate: 2024-05-06\n---\n');
  assert.equal(frontMatterText('2024-05-06', 'One.\r\nTwo.\r\n'), '---\r\ndate: 2024-05-06\r\n---\r\n');
  assert.equal(lineEndOf('no break'), '\n');
  assert.equal(lineEndOf('a\rb\r\n'), '\n');
  assert.ok(startsWithFrontMatter(frontMatterText('2024-05-06', 'x\r\n')));
  assert.ok(!startsWithFrontMatter('--- not a fence'));
});

test('the unresolved-date fix on a CRLF article inserts CRLF front matter', () => {
  const text = ['The envoys met on 3 May 2024 in Quito.', '', 'They will meet again on Friday.', ''].join('\r\n');
  const a = analyzeArticle('a.article', text, ctx);
  const f = a.findings.find((x) => x.code === 'unresolved-date');
  assert.ok(f, 'an unresolved-date finding');
  const fix = f.fixes?.find((x) => x.edits.length);
  assert.ok(fix, 'a fix with an edit');
  assert.equal(fix.edits[0].newText, '---\r\ndate: 2024-05-03\r\n---\r\n');
  const fixed = applyEdits(text, fix.edits).text;
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF in a CRLF article');
  const b = analyzeArticle('a.article', fixed, ctx);
  assert.equal(b.article.publicationDate, '2024-05-03');
  assert.ok(!b.findings.some((x) => x.code === 'unresolved-date'));
});
