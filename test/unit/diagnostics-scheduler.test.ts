/**
 * The language server's diagnostics scheduler: a run that a newer one overtakes publishes nothing
 * (the newer one does), but a forced run ("Check Workspace") asks again, so that the file it was
 * asked for is checked and counted even when a scheduled run started in the middle of it.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticsResult, DiagnosticsScheduler } from '../../server/src/lsp/diagnostics';

const URI = 'file:///ws/articles/b.article';

/** A scheduler whose first computation is overtaken by a scheduled run that starts while it computes. */
function overtakenOnce(): { scheduler: DiagnosticsScheduler; published: DiagnosticsResult[]; computed: () => number } {
  const published: DiagnosticsResult[] = [];
  let calls = 0;
  const scheduler: DiagnosticsScheduler = new DiagnosticsScheduler({
    delayMs: 0,
    currentVersion: () => undefined,
    publish: (r) => published.push(r),
    onError: (_uri, e) => assert.fail(String(e)),
    compute: async (uri) => {
      calls++;
      if (calls === 1) {
        // A change on disk schedules this file again; its run starts before this one is done.
        scheduler.schedule(uri, 0);
        await new Promise<void>((resolve) => setTimeout(resolve, 20));
      }
      return { uri, version: undefined, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `run ${calls}` }] };
    },
  });
  return { scheduler, published, computed: () => calls };
}

test('a forced run overtaken by a scheduled one asks again and returns what it published', async () => {
  const { scheduler, published, computed } = overtakenOnce();
  const r = await scheduler.run(URI, true);
  assert.ok(r, 'the forced run has a result');
  assert.equal(r.uri, URI);
  assert.ok(computed() >= 2, 'computed again after being overtaken');
  assert.ok(published.length >= 1);
});

test('an unforced run overtaken by a scheduled one leaves the publishing to it', async () => {
  const { scheduler, published, computed } = overtakenOnce();
  const r = await scheduler.run(URI, false);
  assert.equal(r, undefined);
  // The scheduled run computed and published once; the overtaken one published nothing.
  await new Promise<void>((resolve) => setTimeout(resolve, 30));
  assert.equal(computed(), 2);
  assert.deepEqual(published.map((p) => p.diagnostics[0].message), ['run 2']);
});
