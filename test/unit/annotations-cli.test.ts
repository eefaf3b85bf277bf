/**
 * Annotations through the CLI: `attache check` reads the sidecar beside each article, reports its
 * problems under the sidecar's own path with line and column, and applies the rest.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';
import { joinLines } from '../helpers';

test('check: an orphan and a bad kind are reported on the sidecar; the not-entity still applies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-annotations-'));
  try {
    writeFileSync(join(dir, 'registry.yaml'), joinLines('version: 1', 'entities:', '  - id: japan', '    type: country', '    name: Japan', ''));
    writeFileSync(join(dir, 'story.article'), joinLines('---', 'date: 2025-10-01', '---', 'Osamu Izawa said Japan would host the talks.', ''));
    writeFileSync(join(dir, 'story.article.annotations.yaml'), joinLines(
      '# decisions',
      'version: 1',
      'annotations:',
      '  - id: a1',
      '    kind: not-entity',
      '    target: {quote: Osamu Izawa, start: 20}',
      '  - id: a2',
      '    kind: note',
      '    body: gone',
      '    target: {quote: a paragraph deleted since, start: 80}',
      '  - id: a3',
      '    kind: highlight',
      '    target: {quote: Japan}',
      ''));
    let stdout = '';
    const code = main(['check', 'story.article'], dir, (s) => (stdout += s), () => undefined);
    assert.equal(code, 1, stdout);
    const lines = stdout.trimEnd().split('\n');
    assert.deepEqual(lines.filter((l) => l.includes(': ') && !l.startsWith(' ')).slice(0, -1), [
      "story.article.annotations.yaml:7:5: warning orphaned-annotation: Annotation 'a2' (note) cannot be placed: 'a paragraph deleted since' is no longer in the article. Select the text it belongs to and re-attach it, or remove it.",
      "story.article.annotations.yaml:12:11: error annotation-syntax: Unknown annotation kind 'highlight' (one of link, not-entity, entity, date, note, tag).",
    ]);
    assert.ok(!stdout.includes('unknown-entity'), stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
