/**
 * Claims: what the cross-article checks need of one article, written compactly into each line of
 * `attache analyze --jsonl --emit-claims` so that `attache reduce` can run those checks over a
 * sharded corpus without the texts.
 *
 * `"claims": {"p": [[FINGERPRINT, START, END], …], "e": [[EVENT, MENTION, [[VALUE, START, END,
 * TEXT, UNCERTAIN?], …]], …], "m": {ENTITY: MENTIONS, …}}`
 *
 * - `p` (boilerplate): one entry per distinct paragraph of six words or more, the fingerprint
 *   being the first 16 characters (96 bits) of the base64url SHA-256 of the folded paragraph,
 *   with the range of its first occurrence. Hashing keeps a line's claims small whatever the
 *   paragraph length; two different paragraphs share a fingerprint with negligible probability.
 * - `e` (event-date-conflict): each event the article dates, with the text of its first dated
 *   mention and the dates given to it (offsets into this article's text).
 * - `m` (mention counts): linked mentions per registry id, summed by whoever needs workspace
 *   counts (the hover's "mentioned N times in the workspace").
 */

import * as crypto from 'node:crypto';
import { ArticleAnalysis } from '../core/analyze';
import { ArticleSummary, EventDateClaim, summarize, summaryOf } from '../core/workspace';

export interface Claims {
  p: [string, number, number][];
  e: [string, string, ([string, number, number, string] | [string, number, number, string, string])[]][];
  m: Record<string, number>;
}

/**
 * One-shot SHA-256 (`crypto.hash`, Node 20.12 and later): a run hashes every paragraph of every
 * article, and a `Hash` object per paragraph cost twice the hashing itself. Older Node versions
 * (the engines field allows 20.0) make the same digest through `createHash`.
 */
const sha256url: (key: string) => string = typeof crypto.hash === 'function'
  ? (key) => crypto.hash('sha256', key, 'base64url')
  : (key) => crypto.createHash('sha256').update(key).digest('base64url');

export function fingerprintHash(key: string): string {
  return sha256url(key).slice(0, 16);
}

export function claimsOf(a: ArticleAnalysis): Claims {
  const s = summarize(a, fingerprintHash);
  const p: Claims['p'] = [];
  for (const [key, r] of s.paragraphs) p.push([key, r.start, r.end]);
  const e: Claims['e'] = [];
  for (const [id, ev] of s.events) {
    e.push([id, ev.mention, ev.values.map((v) => (v.uncertain ? [v.value, v.start, v.end, v.text, v.uncertain] : [v.value, v.start, v.end, v.text]))]);
  }
  const m: Record<string, number> = {};
  for (const x of a.entities) if (x.id) m[x.id] = (m[x.id] ?? 0) + 1;
  return { p, e, m };
}

/** The workspace summary of claims read back from a line; throws a message on a malformed value. */
export function summaryOfClaims(c: unknown): ArticleSummary {
  if (!c || typeof c !== 'object') throw new Error('claims must be an object');
  const { p, e } = c as Partial<Claims>;
  if (!Array.isArray(p) || !Array.isArray(e)) throw new Error('claims need "p" and "e" arrays');
  const paragraphs: [string, { start: number; end: number }][] = p.map((x) => {
    if (!Array.isArray(x) || typeof x[0] !== 'string' || !isOffset(x[1]) || !isOffset(x[2])) throw new Error('malformed paragraph claim');
    return [x[0], { start: x[1], end: x[2] }];
  });
  const events = e.map((x) => {
    if (!Array.isArray(x) || typeof x[0] !== 'string' || typeof x[1] !== 'string' || !Array.isArray(x[2])) throw new Error('malformed event claim');
    const dates: EventDateClaim[] = x[2].map((d) => {
      if (!Array.isArray(d) || typeof d[0] !== 'string' || !isOffset(d[1]) || !isOffset(d[2]) || typeof d[3] !== 'string') throw new Error('malformed event date claim');
      return { value: d[0], start: d[1], end: d[2], text: d[3], ...(typeof d[4] === 'string' ? { uncertain: d[4] } : {}) };
    });
    return { event: x[0], mention: x[1], dates };
  });
  return summaryOf(paragraphs, events);
}

function isOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}
