/**
 * The plain front matter reader (`plainFrontMatter`, used for `key: plain text` lines) against the
 * `yaml` package (`yamlFrontMatter`): wherever the plain reader accepts a front matter, the `yaml`
 * package reads it without errors and gives the same fields, values and offsets. Checked on the
 * samples and on thousands of seeded random front matters mixing accepted and declined lines.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, plainFrontMatter, yamlFrontMatter } from '../../server/src/core/article';
import { Finding } from '../../server/src/core/types';
import { seededRandom } from '../../bench/generate';
import { samplesDir } from '../helpers';

const KEYS = ['title', 'date', 'source', 'author', 'a_b', 'x-y', 'Date', 'true', 'True', 'Null', 'null', '1', 'k2', '_k', 'TRUE', 'on'];
const SEPARATORS = [': ', ':  ', ':\t', ':', ' : ', ': \t'];
const VALUES = [
  '2025-08-20', '2025', '2025-07-29T04:52:00Z', '1.5', '1.', '0x1F', '0X1f', '0o17', '0O17', '1e5', '1E+5', '.5', '+1', '-1', '012',
  'Japan and Germany', "Japan's talks", 'Attaché sample', 'Japan’s “talks”', 'a: b', 'a:b', 'x # c', 'x#c', '"quoted"', "'single'",
  '[a, b]', '{a: 1}', 'a, b', 'null', 'Null', '~', 'true', 'True', 'TRUE', 'false', 'yes', 'on', 'No', '', ' ', 'value   ',
  'tab\there', 'ümlaut', 'Ümlaut', '- item', '?x', 'x ?', '.inf', '.nan', '12:30', 'a—b', 'Q3 2024', 'x\u2028y', 'x\u0085y',
  '%x', '@x', 'x@y', 'x!y', 'x&y', 'x*y', 'x|y', 'x>y', 'x%y', 'x`y', 'a - b', 'a -- b', 'x...', '...x', 'x---', 'A', '9',
  'x\ufeffy', 'Ab12', 'a/b (c)', 'semi; colon', 'x\u00a0y',
];
const EXTRA_LINES = ['', '# comment', '  indented: x', '- item', 'key', '---x', 'nested:', '  - a'];

function randomFrontMatter(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const n = 1 + Math.floor(r() * 4);
  const eol = r() < 0.2 ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.08) lines.push(pick(EXTRA_LINES));
    else lines.push(`${pick(KEYS)}${r() < 0.8 ? ': ' : pick(SEPARATORS)}${pick(VALUES)}${r() < 0.1 ? '  ' : ''}`);
  }
  return lines.map((l) => l + eol).join('');
}

function compare(yamlText: string, at: number): boolean {
  const fast = plainFrontMatter(yamlText, at);
  if (!fast) return false;
  const findings: Finding[] = [];
  const slow = yamlFrontMatter(yamlText, at, findings);
  assert.deepEqual(findings, [], `the plain reader accepted what yaml rejects: ${JSON.stringify(yamlText)}`);
  assert.deepEqual(fast, slow, `different fields for ${JSON.stringify(yamlText)}`);
  return true;
}

test('the plain front matter reader agrees with the yaml package on the samples', () => {
  const dir = join(samplesDir, 'articles');
  let accepted = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.article'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const close = text.indexOf('\n---', 3);
    if (!text.startsWith('---\n') || close < 0) continue;
    if (compare(text.slice(4, close + 1), 4)) accepted++;
  }
  assert.ok(accepted >= 5, `only ${accepted} sample front matters were read by the plain reader`);
});

test('the plain front matter reader agrees with the yaml package on 5,000 seeded random front matters', () => {
  const r = seededRandom(18);
  let accepted = 0;
  for (let i = 0; i < 5000; i++) if (compare(randomFrontMatter(r), 4)) accepted++;
  // Both sides of the comparison must be exercised: some accepted, many declined.
  assert.ok(accepted > 150 && accepted < 4500, `accepted ${accepted} of 5000`);
});

test('an article whose front matter the plain reader declines is read by the yaml package', () => {
  const a = parseArticle('---\ntitle: "Talks: day two"\ndate: 2025-10-26\n---\nBody.\n');
  assert.equal(a.frontMatter?.fields.title.value, 'Talks: day two');
  assert.equal(a.publicationDate, '2025-10-26');
  const b = parseArticle('---\ntitle: Talks\ntitle: again\n---\nBody.\n');
  assert.ok(b.findings.some((f) => f.code === 'front-matter-syntax'), 'a repeated key is still reported');
});
