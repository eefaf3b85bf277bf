/**
 * `near-duplicate-paragraph`: a paragraph that is mostly the same as an earlier one of the same
 * article — an edited re-paste, a lede repeated with a changed word, a caption inside the body.
 *
 * Similarity is measured on word 5-shingles (sequences of five folded words): the Jaccard index
 * of the two shingle sets ≥ 0.8, or the shorter paragraph contained in the longer one (≥ 0.8 of
 * its shingles occur there). Exact repeats are left to `duplicate-paragraph`, and paragraphs
 * under six words are ignored. Candidates are found through an inverted index from shingle to
 * paragraph, so the cost grows with the text, not with the square of the number of paragraphs;
 * very common shingles (repeated boilerplate) stop being indexed after a bound for the same reason.
 */

import { Finding, finding } from '../types';
import type { CheckContext } from './index';
import { paragraphPrints } from './duplicate-paragraph';
import { LineNumbers, MIN_WORDS, shingles } from './text';

export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** A shingle shared by more paragraphs than this is not used to find candidates. */
const MAX_POSTINGS = 64;
/** Longer "paragraphs" (a pasted table, a minified blob) are not news paragraphs: skip them, bounding memory. */
const MAX_WORDS = 5000;

export function nearDuplicateParagraph(ctx: CheckContext): Finding[] {
  const { article } = ctx;
  const ps = article.paragraphs;
  const prints = paragraphPrints(article);
  const lines = new LineNumbers(article.text);
  const postings = new Map<string, number[]>();
  const sets: (Set<string> | null)[] = [];
  const out: Finding[] = [];
  for (let j = 0; j < ps.length; j++) {
    const pj = prints[j];
    if (pj.words.length < MIN_WORDS || pj.words.length > MAX_WORDS || pj.first !== j) {
      // Short paragraphs are ignored; exact repeats belong to duplicate-paragraph, and their first
      // copy already stands for them as a candidate.
      sets.push(null);
      continue;
    }
    const sj = shingles(pj.words);
    sets.push(sj);
    const shared = new Map<number, number>();
    for (const sh of sj) {
      const list = postings.get(sh);
      if (!list) {
        postings.set(sh, [j]);
        continue;
      }
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
      if (list.length < MAX_POSTINGS) list.push(j);
    }
    let best: { i: number; jaccard: number; containment: number; score: number } | null = null;
    for (const [i, c] of shared) {
      const si = sets[i]!;
      const jaccard = c / (si.size + sj.size - c);
      const containment = c / Math.min(si.size, sj.size);
      const score = Math.max(jaccard, containment);
      if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score || (score === best.score && i < best.i))) {
        best = { i, jaccard, containment, score };
      }
    }
    if (!best) continue;
    const other = ps[best.i];
    const line = lines.lineOf(other.start);
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const contained = best.containment >= 0.995 ? 'contained' : 'mostly contained';
    const si = sets[best.i]!;
    let message: string;
    if (best.jaccard >= NEAR_DUPLICATE_THRESHOLD || Math.min(si.size, sj.size) >= 0.8 * Math.max(si.size, sj.size)) {
      // Paragraphs of similar length: one is an edited copy of the other.
      message = `This paragraph is mostly the same as the paragraph at line ${line}: Jaccard similarity ${best.jaccard.toFixed(2)} of their 5-word sequences, and ${pct(best.containment)} of the shorter one's occur in the other. Keep one of them.`;
    } else if (si.size < sj.size) {
      message = `The paragraph at line ${line} is ${contained} in this one: ${pct(best.containment)} of its 5-word sequences occur here. Delete the shorter copy if it was pasted by mistake.`;
    } else {
      message = `This paragraph is ${contained} in the paragraph at line ${line}: ${pct(best.containment)} of its 5-word sequences occur there. Delete it if it was pasted by mistake.`;
    }
    out.push(finding('near-duplicate-paragraph', ps[j].start, ps[j].end, message, {
      related: [{ path: ctx.path, start: other.start, end: other.end, message: 'The similar earlier paragraph' }],
    }));
  }
  return out;
}
