/**
 * How a name in a sentence is linked, for the table tests of name forms: one registry text in,
 * a `linkOf(text, form)` out.
 */

import { parseArticle } from '../../server/src/core/article';
import { EntityIndex, buildEntityIndex, recognizeEntities } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';

export interface Link {
  /** The linked id; null when ambiguous; undefined when no mention covers the form exactly. */
  id: string | null | undefined;
  candidates: string[];
  /** Codes of the findings starting at the form. */
  codes: string[];
}

/** The entity index of one registry text, and `linkOf`: the mention exactly covering the last occurrence of `form` in `text`. */
export function linker(registryText: string): { index: EntityIndex; linkOf(text: string, form: string): Link } {
  const index = buildEntityIndex(loadRegistry([{ path: 'r.yaml', text: registryText }]));
  return {
    index,
    linkOf(text, form) {
      const r = recognizeEntities(parseArticle(text), index);
      const at = text.lastIndexOf(form);
      const m = r.mentions.find((x) => x.start === at && x.end === at + form.length);
      return { id: m?.id, candidates: m ? [...m.candidates].sort() : [], codes: r.findings.filter((f) => f.start === at).map((f) => f.code) };
    },
  };
}
