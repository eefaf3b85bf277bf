/**
 * Entity recognition: finds registry mentions in an article and links them (spec §2 "Entities").
 * PLACEHOLDER until the recognizer lands (issue 3): the signatures are final.
 */

import { Article } from '../article';
import { EntityMention, Finding, RegistrySnapshot } from '../types';

/** The matcher's tables, built once per registry snapshot. */
export interface EntityIndex {
  readonly registry: RegistrySnapshot;
}

export function buildEntityIndex(registry: RegistrySnapshot): EntityIndex {
  return { registry };
}

export function recognizeEntities(_article: Article, _index: EntityIndex): { mentions: EntityMention[]; findings: Finding[] } {
  return { mentions: [], findings: [] };
}
