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

/** What `sampleCorpus` adds to its articles. */
export interface CorpusOptions {
  /** Every this-many-th article is a verbatim copy of its sample (duplicate paragraphs, the samples' event dates). */
  verbatimEvery?: number;
  /** Every this-many-th article ends with `shared` (boilerplate across articles). */
  sharedEvery?: number;
  shared?: string;
  /**
   * Every this-many-th article dates one of two events the registry does not date, on dates
   * that disagree between articles (cross-article `event-date-conflict`), some in one sentence.
   */
  eventEvery?: number;
  /** A long article of non-ASCII mentions (parts longer than one 64 KB read) and its registry entry. */
  long?: boolean;
}

/** The registry of `sampleCorpus`'s undated events. */
const UNDATED_EVENTS = joinLines(
  'version: 1',
  'entities:',
  '  - { id: gulf-shipping-forum, type: event, name: Gulf Shipping Forum }',
  '  - { id: harbour-safety-talks, type: event, name: Harbour Safety Talks }',
  '',
);

const EVENT_LINES = [
  'The Gulf Shipping Forum opened on 3 March 2025 in Doha with delegates from eleven ports.',
  'The Gulf Shipping Forum opened on 4 March 2025 in Doha, its organisers said afterwards.',
  'Delegates said the Gulf Shipping Forum would meet in March 2025 again, as it does every year.',
  'The Gulf Shipping Forum and the Harbour Safety Talks both opened on 6 March 2025 in Doha.',
  'The Harbour Safety Talks ended on 7 March 2025 without a joint statement from the ministers.',
  'The Harbour Safety Talks began on 05/03/2025 according to the agenda circulated to reporters.',
];

/**
 * A workspace (relative path → content) of `n` unique articles made from the samples, a
 * reference number on every body line (front matter kept), with what `opts` adds; then one file
 * that is not text, and the sample registry (with the undated events when `eventEvery` is set).
 * The one corpus builder of the CLI tests (jobs, spill, cross-article on disk).
 */
export function sampleCorpus(n: number, opts: CorpusOptions = {}): Record<string, string | Buffer> {
  const dir = join(samplesDir, 'articles');
  const texts = readdirSync(dir).filter((f) => f.endsWith('.article')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const files: Record<string, string | Buffer> = {};
  const width = Math.max(4, String(n - 1).length);
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    let body: string;
    if (opts.verbatimEvery && i % opts.verbatimEvery === 0) body = t;
    else {
      let front = t.startsWith('---');
      body = t.split('\n').map((l, k) => {
        if (front) {
          if (k > 0 && l === '---') front = false;
          return l;
        }
        return l.trim() ? `${l} [ref ${i}-${k}]` : l;
      }).join('\n');
    }
    if (opts.eventEvery && i % opts.eventEvery === 0) body += `\n\n${EVENT_LINES[(i / opts.eventEvery) % EVENT_LINES.length]}\n`;
    if (opts.sharedEvery && i % opts.sharedEvery === 0) body += `\n\n${opts.shared ?? 'This note may be shared freely as long as the newsroom that wrote it is credited by name.'}\n`;
    files[`articles/a${String(i).padStart(width, '0')}.article`] = body;
  }
  if (opts.long) {
    // Many mentions with two- and four-byte characters: parts longer than one 64 KB read, cut anywhere.
    files['articles/b-long.article'] = Array.from({ length: 900 }, (_, i) => `Envoy Zoë Ødegård 北京 🎉 met Qatar officials on 3 March 2025 (${i}).`).join('\n\n') + '\n';
    files['registry/extra.yaml'] = 'version: 1\nentities:\n  - id: zoe-odegard\n    type: person\n    name: Zoë Ødegård\n';
  }
  if (opts.eventEvery) files['registry/undated-events.yaml'] = UNDATED_EVENTS;
  files['articles/zz-binary.article'] = Buffer.from([0x41, 0x00, 0x42]);
  for (const f of readdirSync(join(samplesDir, 'registry'))) files[`registry/${f}`] = readFileSync(join(samplesDir, 'registry', f), 'utf8');
  return files;
}

/**
 * `f` run with the environment variable `name` set to `value`, then restored (removed if it was
 * unset), also when `f` throws; a promise from `f` is awaited before restoring.
 */
export function withEnv<T>(name: string, value: string, f: () => T): T {
  const before = process.env[name];
  const restore = (): void => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  };
  process.env[name] = value;
  let result: T;
  try {
    result = f();
  } catch (e) {
    restore();
    throw e;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
