/**
 * Registry entries → block-style YAML in the registry's own layout (the samples' key order,
 * two-space items, flow lists for aliases), which the fast YAML reader reads. Scalars that YAML
 * would read as something else (numbers, booleans, `key: value`, a leading `[`) are double-quoted
 * with JSON escapes, which YAML reads back unchanged.
 */

import { RegistryEntry, RegistryRole } from './mapping';

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** A scalar as YAML text: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(s: string, inFlow = false): string {
  const plain =
    s.length > 0 &&
    s === s.trim() &&
    !RESERVED.test(s) &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) &&
    !/^[-+]?(?:\d|\.\d)/.test(s) &&
    !/: |:$| #|[\n\r\t\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s) &&
    !(inFlow && /[,[\]{}]/.test(s));
  return plain ? s : JSON.stringify(s);
}

/** One entry's lines, with `indent` before its `-`. */
export function entryLines(e: RegistryEntry, indent = '  '): string[] {
  const k = `${indent}  `;
  const lines: string[] = [];
  if (e.stub) lines.push(`${indent}# Stub: ${e.wikidata} is referenced but was not in the input; import it to complete this entry.`);
  lines.push(`${indent}- id: ${e.id}`, `${k}type: ${e.type}`, `${k}name: ${yamlScalar(e.name)}`);
  if (e.aliases.length) lines.push(`${k}aliases: ${flowList(e.aliases)}`);
  if (e.familyName) lines.push(`${k}family_name: ${yamlScalar(e.familyName)}`);
  if (e.givenName) lines.push(`${k}given_name: ${yamlScalar(e.givenName)}`);
  if (e.nameOrder) lines.push(`${k}name_order: ${e.nameOrder}`);
  if (e.country) lines.push(`${k}country: ${e.country}`);
  if (e.of) lines.push(`${k}of: ${e.of}`);
  if (e.singleHolder) lines.push(`${k}single_holder: true`);
  if (e.description) lines.push(`${k}description: ${yamlScalar(e.description)}`);
  lines.push(`${k}wikidata: ${e.wikidata}`);
  if (e.roles.length) {
    lines.push(`${k}roles:`);
    for (const r of e.roles) lines.push(...roleLines(r, `${k}  `));
  }
  if (e.provenance) lines.push(...provenanceLines(e.provenance, k));
  return lines;
}

export function flowList(items: readonly string[]): string {
  return `[${items.map((a) => yamlScalar(a, true)).join(', ')}]`;
}

export function roleLines(r: RegistryRole, indent: string): string[] {
  const lines = [`${indent}- office: ${r.office}`];
  // Dates stay plain: the registry keeps `2021`, `2021-11` and `2021-11-10` as their source text.
  if (r.start) lines.push(`${indent}  start: ${r.start}`);
  if (r.end) lines.push(`${indent}  end: ${r.end}`);
  if (r.note) lines.push(`${indent}  note: ${yamlScalar(r.note)}`);
  return lines;
}

export function provenanceLines(p: NonNullable<RegistryEntry['provenance']>, indent: string): string[] {
  const lines = [`${indent}provenance:`];
  if (p.revision !== undefined) lines.push(`${indent}  wikidata_revision: ${p.revision}`);
  lines.push(`${indent}  imported: ${p.imported}`);
  return lines;
}

/** A whole registry file. */
export function registryYaml(entries: readonly RegistryEntry[], header: readonly string[] = []): string {
  const lines = [...header.map((h) => `# ${h}`), 'version: 1', entries.length ? 'entities:' : 'entities: []'];
  for (const e of entries) lines.push(...entryLines(e));
  return lines.join('\n') + '\n';
}
