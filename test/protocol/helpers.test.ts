/**
 * The server's pure helpers, driven by data: where id completion applies and the
 * workspace-symbol fuzzy score. No server process needed. (Writing registry entries is core:
 * test/unit/registry-write.test.ts.)
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idContext } from '../../server/src/lsp/completion';
import { fuzzyScore } from '../../server/src/lsp/symbols';
import { marked } from '../helpers';

describe('where id completion applies', () => {
  const cases: [string, string, string | undefined, string?][] = [
    ['office value', '  - id: x\n    roles:\n      - office: jap$0', 'office', 'jap'],
    ['country value, empty', '    country: $0', 'country', ''],
    ['of value', '    of: q$0', 'of', 'q'],
    ['flow participants', '    participants: [japan, qa$0', 'participants', 'qa'],
    ['block participants', '    participants:\n      - japan\n      - $0', 'participants', ''],
    ['block list under another key', '    aliases:\n      - Fo$0', undefined],
    ['name value', '    name: Ja$0', undefined],
  ];
  for (const [name, src, key, prefix] of cases) {
    test(name, () => {
      const { text, cursor } = marked(src);
      const ctx = idContext(text, cursor!, false);
      assert.equal(ctx?.key, key);
      if (key) assert.equal(ctx?.prefix, prefix);
    });
  }

  test('annotation files complete after entity:', () => {
    const { text, cursor } = marked('- kind: link\n  entity: hay$0');
    assert.equal(idContext(text, cursor!, true)?.key, 'entity');
    assert.equal(idContext(text, cursor!, false), undefined);
  });
});

describe('fuzzy workspace symbol score', () => {
  test('characters in order match; word starts and prefixes rank higher', () => {
    assert.equal(fuzzyScore('xyz', 'Hayashi Yoshimasa'), -1);
    assert.ok(fuzzyScore('hay', 'Hayashi Yoshimasa') > fuzzyScore('hay', 'Mohammed al-Hayari'));
    assert.ok(fuzzyScore('jp', 'Japan') >= 0);
    assert.equal(fuzzyScore('', 'Anything'), 0);
  });
});
