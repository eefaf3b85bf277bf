/**
 * Entity recognition (spec §2 "Entities"): finds every mention of a registry entity in an article
 * and links it, then reports ambiguous and unknown names.
 *
 * Pipeline: fold the text (same length, so offsets hold) → tokens → longest matches in the
 * surface-form trie (`trie.ts`, built once per registry snapshot) → resolution of short mentions
 * and offices (`resolve.ts`) → unknown-entity detection on what is left (`unknown.ts`).
 */

import { Article } from '../article';
import { EntityMention, Finding } from '../types';
import { eventForms, headlineEvents } from './headline';
import { matchTokens, tokenKinds } from './match';
import { ambiguityFindings, resolveMatches } from './resolve';
import { EntityScanner, isAscii, paragraphTokens, tokenize } from './tokens';
import { EntityIndex, buildEntityIndex } from './trie';
import { nestedMentions, preferParentOrganization } from './nested';
import { unknownEntities } from './unknown';
import { dropOverlapping, fullForms, linkShortForms, shortForms } from './variants';
import { knownDemonyms, knownNameParts } from './evidence';

export type { EntityIndex } from './trie';
export { buildEntityIndex, EntityScanner };

export interface RecognizeOptions {
  /** Unknown names below this confidence are not reported (`attache.unknownNames.minConfidence`). */
  unknownMinConfidence?: number;
  /** The scratch to recognize with (reused from article to article by its owner); by default the index's own. */
  scanner?: EntityScanner;
}

/**
 * Builds now the per-index tables recognition otherwise builds when an article first needs them
 * (short and full name-form keys, headline event forms, name parts, demonyms), so a run over a
 * corpus pays for them once at start-up rather than in whichever article comes first. Results
 * are the same either way.
 */
export function prepareEntityTables(index: EntityIndex): void {
  shortForms(index);
  fullForms(index);
  eventForms(index);
  knownNameParts(index);
  knownDemonyms(index);
}

export function recognizeEntities(article: Article, index: EntityIndex, opts: RecognizeOptions = {}): { mentions: EntityMention[]; findings: Finding[] } {
  const text = article.text;
  const scanner = opts.scanner ?? index.scanner;
  const tokens = tokenize(scanner, text, article.bodyStart);
  // Most articles are plain ASCII: then the folded text is the text (and so are its code units).
  const folded = tokens.ascii && isAscii(text, 0, article.bodyStart) ? text : scanner.foldedText(text);
  const kinds = tokenKinds(folded, scanner, index);
  const ranges = paragraphTokens(article.paragraphs, scanner);
  const raw = matchTokens(folded, tokens, kinds, index);
  // Event names in headline title case ("61St Council Meeting"), preferred over the body they name.
  const resolved = headlineEvents(article, folded, tokens, kinds, ranges, resolveMatches(article.text, raw, index), index);
  // Short forms of particle names ("Al-Jaber", "von der Leyen") the trie does not hold.
  const short = linkShortForms(article, folded, tokens, kinds, resolved, index);
  // Organizations and countries named inside office mentions ("Prime Minister of Japan"); short
  // forms are persons, so the trie's mentions are all it needs to look in.
  const nested = nestedMentions(text, folded, tokens, kinds, resolved, index);
  // The two short lists merged first: one pass over the long one.
  const added = short.length && nested.length ? mergeSorted(short, nested) : short.length ? short : nested;
  const linked = added.length ? mergeSorted(resolved, added) : resolved;
  preferParentOrganization(linked, index);
  const findings = ambiguityFindings(linked, index.registry);
  const unknown = dropOverlapping(unknownEntities(article, folded, tokens, kinds, ranges, linked, { index, minConfidence: opts.unknownMinConfidence }), short);
  const mentions = mergeSorted(linked, unknown.mentions);
  return { mentions, findings: [...findings, ...unknown.findings] };
}

function byOffset(a: EntityMention, b: EntityMention): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * `[...a, ...b].sort(byOffset)` (a stable sort) in linear time when both lists are already in
 * order, as they normally are; otherwise the sort itself.
 */
function mergeSorted(a: EntityMention[], b: EntityMention[]): EntityMention[] {
  if (!isSorted(a) || !isSorted(b)) return [...a, ...b].sort(byOffset);
  const out: EntityMention[] = [];
  let i = 0;
  let j = 0;
  // On a tie the element of `a` goes first, as the stable sort keeps it.
  while (i < a.length && j < b.length) out.push(byOffset(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function isSorted(xs: EntityMention[]): boolean {
  for (let i = 1; i < xs.length; i++) if (byOffset(xs[i - 1], xs[i]) > 0) return false;
  return true;
}
