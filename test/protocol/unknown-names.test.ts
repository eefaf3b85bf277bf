/**
 * Protocol test of `attache.unknownNames.minConfidence` through the built server: a bare unknown
 * name (confidence 0.5) is a hint at the default threshold, and disappears when the client raises
 * the threshold, while a name with evidence (a verb of saying) stays.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { joinLines } from '../helpers';
import { TestClient, makeWorkspace, serverPath, stoppedAfterTests } from './client';

const ARTICLE = joinLines(
  '---', 'date: 2025-06-01', '---',
  'The plan was drawn up with Lars Henning and his team over the winter.',
  '',
  'The port will reopen in the spring, Mira Solberg said on Tuesday.',
  '',
);

describe('attache.unknownNames.minConfidence', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  const { roots, clients } = stoppedAfterTests();

  test('raising the threshold drops the bare name and keeps the one with a verb of saying', async () => {
    const root = makeWorkspace({ 'x.article': ARTICLE });
    roots.push(root);
    const c = await TestClient.start(root);
    clients.push(c);
    const uri = c.open('x.article', ARTICLE);
    const unknown = (d: { code?: string | number; message: string }[]): string[] =>
      d.filter((x) => x.code === 'unknown-entity').map((x) => x.message.split("'")[1]);
    const first = await c.waitForDiagnostics(uri);
    assert.deepEqual(unknown(first.diagnostics), ['Lars Henning', 'Mira Solberg']);
    c.setSettings({ unknownNames: { minConfidence: 0.7 } });
    const raised = await c.waitForDiagnostics(uri, () => true, { fresh: true });
    assert.deepEqual(unknown(raised.diagnostics), ['Mira Solberg']);
  });
});
