/**
 * `wikidata-drift`: a registry value that differs from Wikidata's, kept as written by
 * `attache import wikidata --merge`, which records Wikidata's value in the entry's provenance:
 *
 * ```yaml
 *     provenance:
 *       wikidata_revision: 2298001003
 *       imported: 2025-12-01
 *       wikidata_values:           # Wikidata's values where this entry says otherwise
 *         country: austria
 *         roles.0.start: 2005-11-22
 * ```
 *
 * A key is a field of the entry (`country`, `of`, `family_name`, `given_name`, `name_order`,
 * `single_holder`) or a role's date, `roles.N.start` / `roles.N.end` with N counted from 0 in the
 * order the roles are written. The merge rewrites the record each time, so it always describes the
 * last import; between imports the registry reports, without network, each recorded value that
 * still differs from the entry's, on the entry's value, with a quick fix that takes Wikidata's
 * value and drops the record line. A value the person changed to Wikidata's own is no longer
 * reported.
 */

import { YMap, YNode, YPair, get, isNull } from '../registry/tree';
import { Finding, TextEdit, finding } from '../types';
import { yamlScalar } from './yaml';

/** The provenance key holding Wikidata's differing values. */
export const DRIFT_KEY = 'wikidata_values';
/** The entry fields a drift record may name (besides role dates). */
export const DRIFT_FIELDS: readonly string[] = ['family_name', 'given_name', 'name_order', 'country', 'of', 'single_holder'];
const ROLE_KEY = /^roles\.(\d+)\.(start|end)$/;

/** The record key of a role date (`roles.0.start`). */
export function roleDriftKey(index: number, field: 'start' | 'end'): string {
  return `roles.${index}.${field}`;
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
function afterLine(text: string, end: number): number {
  const nl = text.indexOf('\n', Math.max(0, end - 1));
  return nl < 0 ? text.length : nl + 1;
}
/** A scalar's value as written (numbers and booleans as their source text); undefined for null and collections. */
export function scalarText(n: YNode | undefined, text: string): string | undefined {
  if (!n || n.kind !== 'scalar' || n.value === null) return undefined;
  return typeof n.value === 'string' ? n.value : text.slice(n.start, n.end);
}
function pairOf(map: YMap, key: string): YPair | undefined {
  return map.pairs.find((p) => p.key === key);
}

/**
 * The findings for one entity's `provenance.wikidata_values`: a `wikidata-drift` for each recorded
 * value that differs from the entry's, and a `registry-schema` warning for a key that names no
 * field the merge records.
 */
export function driftFindings(entity: YMap, provenance: YMap, text: string): Finding[] {
  const valuesPair = pairOf(provenance, DRIFT_KEY);
  const values = valuesPair?.value;
  if (!valuesPair || !values || isNull(values)) return [];
  const out: Finding[] = [];
  const at = (n: YNode): [number, number] => [n.start, Math.max(n.end, n.start + 1)];
  if (values.kind !== 'map') {
    out.push({ ...finding('registry-schema', ...at(values), `\`${DRIFT_KEY}\` is a mapping from a field (\`country\`, \`roles.0.start\`) to Wikidata's value, as \`attache import wikidata --merge\` writes it.`), severity: 'warning' });
    return out;
  }
  const qid = scalarText(get(entity, 'wikidata'), text) ?? 'its Wikidata item';
  const imported = scalarText(get(provenance, 'imported'), text);
  const source = `on Wikidata (${qid}${imported ? `, as imported on ${imported}` : ''})`;
  // Record lines are dropped by the quick fix only in the block layout the import writes.
  const block = /^[ \t]*$/.test(text.slice(lineStart(text, values.start), values.start));
  for (const record of values.pairs) {
    const wanted = scalarText(record.value, text);
    const role = ROLE_KEY.exec(record.key);
    if (wanted === undefined || (!role && !DRIFT_FIELDS.includes(record.key))) {
      out.push({ ...finding('registry-schema', record.keyStart, Math.max(record.keyEnd, record.keyStart + 1), `'${record.key}: ${wanted ?? '…'}' in \`${DRIFT_KEY}\` is not a value the import records (a field such as \`country\` or a role date such as \`roles.0.start\`, with one value); it is ignored.`), severity: 'warning' });
      continue;
    }
    const { holder, field, what } = holderOf(entity, record.key, role, text);
    const pair = holder && pairOf(holder, field);
    // A field or role no longer there: the record is stale until the next import; nothing to show.
    if (!pair) continue;
    const current = scalarText(pair.value, text);
    const emptyEnd = field === 'end' && isNull(pair.value);
    if (current === undefined && !emptyEnd) continue;
    if (current === wanted) continue;
    const newValue = field === 'family_name' || field === 'given_name' ? yamlScalar(wanted) : wanted;
    const edits: TextEdit[] = [replaceValue(pair, newValue, text)];
    if (block) {
      // Drop the record line (the whole `wikidata_values:` when it is the last one).
      const only = values.pairs.length === 1;
      const from = lineStart(text, only ? valuesPair.keyStart : record.keyStart);
      edits.push({ start: from, end: afterLine(text, only ? values.end : record.value.end), newText: '' });
    }
    const message = emptyEnd
      ? `${what.slice(0, -' end'.length)} has no end here (still held) but ended ${wanted} ${source}. The import kept the entry as written; take Wikidata's date if it is right.`
      : `${what} is ${current} here but ${wanted} ${source}. The import kept the entry as written; take Wikidata's value if it is right.`;
    out.push(finding('wikidata-drift', ...at(pair.value.start === pair.value.end ? { start: pair.keyStart, end: pair.keyEnd } as YNode : pair.value), message, {
      fixes: [{ title: `Use Wikidata's value (${wanted})`, edits, isPreferred: true }],
    }));
  }
  return out;
}

/** Where the entry holds a recorded field now: the entity itself, or the role `roles.N.field` names (none if it is gone). */
function holderOf(entity: YMap, key: string, role: RegExpExecArray | null, text: string): { holder: YMap | undefined; field: string; what: string } {
  if (!role) return { holder: entity, field: key, what: key };
  const roles = get(entity, 'roles');
  const item = roles?.kind === 'seq' ? roles.items[Number(role[1])] : undefined;
  const holder = item?.kind === 'map' ? item : undefined;
  const field = role[2];
  const office = holder ? scalarText(get(holder, 'office'), text) ?? scalarText(get(holder, 'title'), text) : undefined;
  return { holder, field, what: `${office ?? `role ${role[1]}`} ${field}` };
}

/** The edit that writes `newValue` as the pair's value (after the key when the value is empty). */
function replaceValue(pair: YPair, newValue: string, text: string): TextEdit {
  return pair.value.start === pair.value.end
    ? { start: pair.keyEnd, end: pair.value.start, newText: `: ${newValue}${text[pair.value.start] === '#' ? ' ' : ''}` }
    : { start: pair.value.start, end: pair.value.end, newText: newValue };
}
