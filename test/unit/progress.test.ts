/** The CLI's progress line (issue #18, item 6): shown on a terminal only, one line rewritten with \r. */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress, clock } from '../../server/src/cli/progress';
import { main } from '../../server/src/cli/main';
import { workspace } from './cliRun';

function terminal(isTTY = true): { isTTY: boolean; columns: number; text: string; write(s: string): void } {
  return { isTTY, columns: 120, text: '', write(s: string) { this.text += s; } };
}

test('on a terminal: articles done of the total, megabytes, MB/s and ETA, rewritten in place, erased at the end', () => {
  const tty = terminal();
  let t = 1000;
  const p = Progress.on(tty, false, { articles: 4 }, () => t)!;
  t += 2000;
  p.tick(1_000_000);
  assert.equal(tty.text, '\rattache: 1/4 articles · 1.0 MB · 0.5 MB/s · ETA 0:06\x1b[K');
  t += 50; // within the redraw interval: not drawn
  p.tick(1_000_000);
  assert.equal(tty.text.split('\r').length, 2);
  t += 1950;
  p.tick(1_000_000);
  assert.match(tty.text, /\rattache: 3\/4 articles · 3\.0 MB · 0\.8 MB\/s · ETA 0:01\x1b\[K$/);
  p.done();
  assert.ok(tty.text.endsWith('\r\x1b[K'));
  assert.doesNotMatch(tty.text, /\n/);
});

test('with the total size in bytes the ETA comes from the bytes; without any total there is no ETA', () => {
  let t = 0;
  const p = Progress.on(terminal(), false, { bytes: 10_000_000 }, () => t)!;
  t = 1000;
  p.tick(2_500_000);
  assert.equal(p.line(t), 'attache: 1 articles · 2.5/10.0 MB · 2.5 MB/s · ETA 0:03');
  const q = Progress.on(terminal(), false, {}, () => t)!;
  q.tick(10);
  assert.doesNotMatch(q.line(t + 1000), /ETA/);
  assert.equal(clock(3723), '1:02:03');
  assert.equal(clock(59.6), '1:00');
});

test('nothing when standard error is not a terminal, or with --quiet', () => {
  assert.equal(Progress.on(terminal(false), false), null);
  assert.equal(Progress.on(terminal(true), true), null);
  assert.equal(Progress.on(undefined, false), null);
  const dir = workspace({ 'a.article': 'Envoys met in Doha on 3 March 2025.\n', 'b.article': 'Talks resumed in Tokyo.\n' });
  for (const [quiet, expect] of [[false, true], [true, false]] as const) {
    const tty = terminal();
    let out = '';
    const code = main(['check', ...(quiet ? ['--quiet'] : []), '.'], dir, (s) => (out += s), () => undefined, tty);
    assert.equal(code, 0, out);
    assert.equal(/\rattache: 1\/2 articles/.test(tty.text), expect, JSON.stringify(tty.text));
  }
});
