/**
 * The matcher: one pass over an article's tokens, walking the trie from each token and keeping
 * the longest match (leftmost first). Raw matches carry every candidate target; deciding between
 * them (short mentions, offices, ambiguity) is `resolve.ts`'s job.
 */

import { isAllCaps, isNameGap, Token } from './tokens';
import { Target, TrieNode, MAX_FORM_TOKENS } from './trie';

export interface RawMatch {
  start: number;
  end: number;
  /** Index of the first and one past the last token. */
  t0: number;
  t1: number;
  targets: Target[];
}

/** Name particles written in either case (`al-Thani` / `Al Thani`, `bin` / `Bin`). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'van', 'von', 'der', 'da', 'di', 'la', 'le', 'du', 'dos', 'das']);

function step(node: TrieNode, tok: string): TrieNode | undefined {
  const exact = node.children?.get(tok);
  if (exact) return exact;
  // Cheap tests first: this runs for every token of the article that starts no name.
  const c0 = tok.charCodeAt(0);
  const c1 = tok.charCodeAt(1);
  if (c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 && node.children && isAllCaps(tok)) {
    // TOKYO → Tokyo, KISHIDA → Kishida (datelines, bylines, Japanese-government name style).
    const title = tok[0] + tok.slice(1).toLowerCase();
    const up = node.children.get(title);
    if (up) return up;
  }
  if (tok.length <= 4 && node.children) {
    const lower = tok.toLowerCase();
    if (PARTICLES.has(lower)) return node.children.get(lower) ?? node.children.get(lower[0].toUpperCase() + lower.slice(1));
  }
  return undefined;
}

export function matchTokens(folded: string, tokens: readonly Token[], root: TrieNode): RawMatch[] {
  const out: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = root;
    let best: RawMatch | undefined;
    for (let j = i; j < tokens.length && j - i < MAX_FORM_TOKENS; j++) {
      if (j > i && !isNameGap(folded, tokens[j - 1].end, tokens[j].start)) break;
      node = step(node, tokens[j].text);
      if (!node) break;
      if (node.targets) best = { start: tokens[i].start, end: tokens[j].end, t0: i, t1: j + 1, targets: node.targets };
    }
    if (best) {
      out.push(best);
      i = best.t1;
    } else i++;
  }
  return out;
}
