/** Shared test helpers: paths to the repository and its fixtures, and the `joinLines` text builder. */

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (tests run from `build/test/...`). */
export const repoRoot = join(__dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const samplesDir = join(repoRoot, 'samples');

/** Every file under `samples/` (relative path → text), to copy the sample workspace. */
export function sampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(samplesDir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(samplesDir);
  return out;
}
/**
 * The five scraped seed articles are reference material outside the repository (they must not be
 * copied into it). Tests that need them look here and skip, saying so, when they are absent.
 */
export const seedsDir: string | undefined = [process.env.ATTACHE_SEEDS, join(repoRoot, '..', 'shared', 'seeds'), '/work/shared/seeds']
  .find((d): d is string => !!d && existsSync(d));

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/**
 * A registry with two persons called Hayashi (and Japan), for the "annotate all occurrences" tests
 * at the unit and protocol levels: the surname alone is ambiguous between them.
 */
export const TWO_HAYASHIS = joinLines(
  'version: 1',
  'entities:',
  '  - { id: japan, type: country, name: Japan, demonyms: [Japanese] }',
  '  - { id: hayashi-yoshimasa, type: person, name: Hayashi Yoshimasa, family_name: Hayashi, given_name: Yoshimasa, name_order: family-first, country: japan }',
  '  - { id: hayashi-mitsuko, type: person, name: Hayashi Mitsuko, family_name: Hayashi, given_name: Mitsuko, name_order: family-first, country: japan }',
  '',
);

/**
 * Fixture text with cursor/range markers: `{{Japan}}` marks a range, `$0` marks a cursor.
 * Returns the clean text and the marked ranges in order.
 */
export function marked(src: string): { text: string; ranges: [number, number][]; cursor?: number } {
  let text = '';
  const ranges: [number, number][] = [];
  let cursor: number | undefined;
  const re = /\{\{(.*?)\}\}|\$0/gs;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    text += src.slice(last, m.index);
    if (m[0] === '$0') cursor = text.length;
    else {
      ranges.push([text.length, text.length + m[1].length]);
      text += m[1];
    }
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  return { text, ranges, cursor };
}
