/**
 * Nested mentions (issue #17, item 2): the organization or country named inside an office
 * mention ("EU" in "EU foreign policy chief", "Gulf Cooperation Council" in "Secretary General of
 * the Gulf Cooperation Council", "Japan" in "Prime Minister of Japan"), and the parent
 * organization named inside one of its bodies ("GCC" in "GCC Ministerial Council"). The longest
 * match takes the whole office; this finds what it swallowed, so references, counts, highlights
 * and exports see it too. Nested mentions carry `nested: true`.
 */

import { Entity, EntityMention, entityMention } from '../types';
import { matchInside } from './match';
import { Tokens, foldText } from './tokens';
import { EntityIndex, Target } from './trie';

const IN_OFFICE: ReadonlySet<EntityMention['type']> = new Set(['organization', 'country']);
const IN_ORGANIZATION: ReadonlySet<EntityMention['type']> = new Set(['organization']);

/**
 * Which entity types may be nested inside a mention of this type. (A comparison, not a property
 * of an object looked up by the type: that keyed load sees every type name and goes megamorphic.)
 */
function insideOf(type: EntityMention['type']): ReadonlySet<EntityMention['type']> | undefined {
  return type === 'office' ? IN_OFFICE : type === 'organization' ? IN_ORGANIZATION : undefined;
}

/** The nested mentions inside `linked` (sorted by start), in order. */
export function nestedMentions(text: string, folded: string, tokens: Tokens, kinds: Uint8Array, linked: readonly EntityMention[], index: EntityIndex): EntityMention[] {
  const out: EntityMention[] = [];
  let t = 0;
  for (const m of linked) {
    const inside = insideOf(m.type);
    if (!inside || m.form === 'unknown' || m.form === 'annotation' || (!m.id && !m.candidates.length)) continue;
    // The mention's tokens: it starts at a token start (mentions are sorted, so `t` only moves on).
    while (t < tokens.count && tokens.start[t] < m.start) t++;
    if (t >= tokens.count || tokens.start[t] !== m.start) continue;
    let t1 = t + 1;
    while (t1 < tokens.count && tokens.end[t1 - 1] < m.end) t1++;
    if (t1 - t < 2) continue;
    for (const r of matchInside(folded, tokens, kinds, index, t, t1)) {
      const ids: string[] = [];
      let type: EntityMention['type'] | undefined;
      let form: Target['form'] = 'name';
      for (const x of r.targets) {
        if (x.form !== 'name' && x.form !== 'alias' && x.form !== 'demonym') continue;
        if (!inside.has(x.entity.type) || x.id === m.id || m.candidates.includes(x.id) || ids.includes(x.id)) continue;
        if (!type) {
          type = x.entity.type;
          form = x.form;
        }
        ids.push(x.id);
      }
      if (!type) continue;
      out.push(entityMention(r.start, r.end, text.slice(r.start, r.end), type, ids.length === 1 ? ids[0] : null, ids.length === 1 ? [] : ids, form, { nested: true }));
    }
  }
  return out;
}

/**
 * An acronym shared by an organization and its bodies ("GCC" for the Gulf Cooperation Council
 * and for the "GCC Secretariat" that registers it as an alias too) names the organization: links
 * such ambiguous mentions to it. A body of X is an organization one of whose names contains one
 * of X's names as whole words ("GCC Ministerial Council"). Changes `mentions` in place.
 */
export function preferParentOrganization(mentions: EntityMention[], index: EntityIndex): void {
  const reg = index.registry;
  for (const m of mentions) {
    if (m.id !== null || m.candidates.length < 2 || m.type !== 'organization' || !isAcronym(m.text)) continue;
    const ents = m.candidates.map((id) => reg.entities.get(id));
    if (ents.some((e) => !e || e.type !== 'organization')) continue;
    const parent = ents.find((x) => ents.every((b) => b === x || isBodyOf(b!, x!)));
    if (!parent) continue;
    m.id = parent.id;
    m.candidates = [];
  }
}

function isAcronym(s: string): boolean {
  return /^[A-Z][A-Z0-9&.-]*[A-Z0-9]$/.test(s);
}

function isBodyOf(b: Entity, x: Entity): boolean {
  const parent = [x.name, ...x.aliases].map(words);
  return [b.name, ...b.aliases].some((f) => {
    const w = words(f);
    return parent.some((p) => p !== w && w.includes(p));
  });
}

/** A form's words between spaces, for whole-word containment: "GCC Secretariat" → " GCC Secretariat ". */
function words(s: string): string {
  return ` ${foldText(s).replace(/[^\p{L}\p{N}&]+/gu, ' ').trim()} `;
}
