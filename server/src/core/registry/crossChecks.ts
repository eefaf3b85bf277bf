/**
 * Registry checks that need all files at once: `duplicate-id`, `unknown-reference`,
 * `alias-collision` and `office-overlap`. Each returns findings keyed by the file they belong to.
 */

import { memoize, registryDayInterval as dayInterval } from './memo';
import { Entity, EntityType, Finding, finding } from '../types';
import { FormRanges, ParsedRegistryFile, formAt, formCount } from './parse';

export type FindingsByFile = Map<string, Finding[]>;

function push(m: FindingsByFile, path: string, f: Finding): void {
  let l = m.get(path);
  if (!l) m.set(path, (l = []));
  l.push(f);
}

/** What each reference key may point at. */
const REFERENCE_TYPES: Record<string, EntityType[] | undefined> = {
  country: ['country'],
  office: ['office'],
  of: ['country', 'organization', 'place'],
  participants: undefined,
};

/**
 * `files` in a stable order (by path). Returns the merged entity map (first definition wins) and
 * the cross-file findings. Files marked `skipFindings` (stale: their ranges refer to old text)
 * contribute entities but get no findings.
 */
export function crossCheck(files: readonly ParsedRegistryFile[], stale: ReadonlySet<string>): { entities: Map<string, Entity>; findings: FindingsByFile } {
  const entities = new Map<string, Entity>();
  // Entities whose id was taken by an earlier definition (nearly always none).
  const shadowed = new Set<Entity>();
  const findings: FindingsByFile = new Map();
  const report = (e: Entity, f: Finding): void => {
    if (!stale.has(e.source.path)) push(findings, e.source.path, f);
  };

  for (const file of files) {
    for (const e of file.entities) {
      const first = entities.get(e.id);
      if (!first) {
        entities.set(e.id, e);
        continue;
      }
      shadowed.add(e);
      report(e, finding('duplicate-id', e.source.idRange[0], e.source.idRange[1],
        `The id '${e.id}' is already defined (${first.type} '${first.name}'); ids must be unique across all registry files. Rename one of them or merge the entries.`,
        { related: [{ path: first.source.path, start: first.source.idRange[0], end: first.source.idRange[1], message: `first definition of '${e.id}'` }] }));
    }
  }

  for (const file of files) {
    for (const e of file.entities) {
      if (shadowed.size && shadowed.has(e)) continue;
      for (const r of e.source.references) {
        const target = entities.get(r.id);
        if (!target) {
          report(e, finding('unknown-reference', r.range[0], r.range[1], `No entity has the id '${r.id}' (used as ${r.key} of '${e.id}'). Define it in a registry file or correct the id.`));
          continue;
        }
        const allowed = REFERENCE_TYPES[r.key];
        if (allowed && !allowed.includes(target.type)) {
          report(e, finding('unknown-reference', r.range[0], r.range[1], `'${r.id}' is a ${target.type} ('${target.name}'), but ${r.key} must name ${allowed.map((a) => `${/^[aeiou]/.test(a) ? 'an' : 'a'} ${a}`).join(' or ')}.`,
            { related: [{ path: target.source.path, start: target.source.idRange[0], end: target.source.idRange[1], message: `definition of '${r.id}'` }] }));
        }
      }
    }
  }

  aliasCollisions(files, shadowed, report);
  officeOverlaps(entities, report);
  return { entities, findings };
}

function fold(s: string): string {
  // Most forms are plain ASCII with single spaces, for which folding changes nothing; the few
  // others are remembered.
  if (!/[^\x21-\x7e ]|[`]|  |^ | $/.test(s)) return s;
  return foldUnicode(s);
}

const foldUnicode = memoize((s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`]/g, "'").replace(/[–—‐]/g, '-').replace(/\s+/g, ' ').trim(), 100_000);

const MAX_NAMED = 10;

/** FNV-1a over the code units of `s`. */
function hashText(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function aliasCollisions(files: readonly ParsedRegistryFile[], shadowed: ReadonlySet<Entity>, report: (e: Entity, f: Finding) => void): void {
  interface Use { e: Entity; range: [number, number]; form: string }
  // Two passes over every entity's distinct folded forms. The first counts them by a 32-bit hash
  // in a typed table (no object per form: a million-entity registry has millions); the second
  // keeps, in first-use order, only the forms whose hash was seen more than once, so the map of
  // uses holds the few candidates, not every form. A use is its number in three parallel lists;
  // a form maps to its single use, or to -1 - k for the k-th list of uses.
  let total = 0;
  for (const file of files) for (const e of file.entities) total += formCount(e);
  let size = 1024;
  while (size < 2 * total) size *= 2;
  const mask = size - 1;
  const slotHash = new Int32Array(size);
  const slotCount = new Uint8Array(size);
  const seen = (h: number, add: boolean): number => {
    let i = h & mask;
    while (slotCount[i] !== 0 && slotHash[i] !== h) i = (i + 1) & mask;
    if (add) {
      slotHash[i] = h;
      if (slotCount[i] < 2) slotCount[i]++;
    }
    return slotCount[i];
  };
  const useEntity: Entity[] = [];
  const useRanges: FormRanges[] = [];
  const useN: number[] = [];
  const useForm: number[] = [];
  const byForm = new Map<string, number>();
  const shared: number[][] = [];
  const keys: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const file of files) {
      for (let n = 0; n < file.entities.length; n++) {
        const e = file.entities[n];
        if (shadowed.size && shadowed.has(e)) continue;
        const count = formCount(e);
        // An entity's own forms that fold alike count once. Most entities have a handful of
        // forms, compared in place; an entity with many (an imported alias list) uses a set, so
        // the work stays linear in the number of forms.
        const own = count > 16 ? new Set<string>() : null;
        for (let i = 0; i < count; i++) {
          const k = (keys[i] = fold(formAt(e, i)));
          let again = false;
          if (own) {
            again = own.has(k);
            own.add(k);
          } else for (let j = 0; j < i && !again; j++) again = keys[j] === k;
          if (again) continue;
          const h = hashText(k);
          if (pass === 0) {
            seen(h, true);
            continue;
          }
          if (seen(h, false) < 2) continue;
          const u = useEntity.length;
          useEntity.push(e);
          useRanges.push(file.formRanges);
          useN.push(n);
          useForm.push(i);
          const prev = byForm.get(k);
          if (prev === undefined) byForm.set(k, u);
          else if (prev < 0) shared[-1 - prev].push(u);
          else {
            shared.push([prev, u]);
            byForm.set(k, -shared.length);
          }
        }
      }
    }
  }
  const useOf = (u: number): Use => {
    const i = useForm[u];
    return { e: useEntity[u], range: useRanges[u].range(useN[u], i), form: formAt(useEntity[u], i) };
  };
  for (const v of byForm.values()) {
    if (v >= 0) continue;
    const list = shared[-1 - v].map(useOf);
    // Generic office titles ("Foreign Minister") shared by offices of different countries are
    // expected: the country word beside a mention decides between them.
    const offices = list.filter((x) => x.e.type === 'office');
    if (offices.length === list.length && new Set(offices.map((x) => x.e.of ?? '')).size === offices.length) continue;
    // Each use names at most MAX_NAMED others, so a form shared by many entities costs linear work
    // and readable messages, not a quadratic list.
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      const others: Use[] = [];
      for (let j = 0; j < list.length && others.length < MAX_NAMED; j++) if (j !== i) others.push(list[j]);
      const more = list.length - 1 - others.length;
      report(x.e, finding('alias-collision', x.range[0], x.range[1],
        `'${x.form}' is also a name of ${others.map((y) => `'${y.e.id}'`).join(', ')}${more ? ` and ${more} more` : ''}: mentions of it will be ambiguous until a person links them. Remove the form from one entity if that is not intended.`,
        { related: others.map((y) => ({ path: y.e.source.path, start: y.range[0], end: y.range[1], message: `'${y.form}' on '${y.e.id}'` })) }));
    }
  }
}

function officeOverlaps(entities: Map<string, Entity>, report: (e: Entity, f: Finding) => void): void {
  interface Tenure { person: Entity; role: Entity['roles'][number]; latestStart: number; earliestEnd: number }
  const byOffice = new Map<string, Tenure[]>();
  for (const e of entities.values()) {
    if (e.type !== 'person') continue;
    for (const role of e.roles) {
      if (!role.office || !role.start) continue;
      const office = entities.get(role.office);
      if (!office?.singleHolder) continue;
      const s = dayInterval(role.start);
      const en = role.end ? dayInterval(role.end) : null;
      if (!s || (role.end && !en)) continue;
      // Count only certain overlap: the latest day the role may have started, the earliest it may have ended.
      const t: Tenure = { person: e, role, latestStart: s[1], earliestEnd: en ? en[0] : Infinity };
      let l = byOffice.get(role.office);
      if (!l) byOffice.set(role.office, (l = []));
      l.push(t);
    }
  }
  for (const [officeId, list] of byOffice) {
    list.sort((a, b) => a.latestStart - b.latestStart);
    const office = entities.get(officeId)!;
    for (let i = 1; i < list.length; i++) {
      const b = list[i];
      for (let j = 0; j < i; j++) {
        const a = list[j];
        if (a.person === b.person) continue;
        if (b.latestStart < a.earliestEnd) {
          report(b.person, finding('office-overlap', b.role.range[0], b.role.range[1],
            `${office.name} has one holder at a time, but ${b.person.name} (from ${b.role.start}) overlaps ${a.person.name} (${a.role.start} to ${a.role.end ?? 'present'}). Correct the start or end date of one of them.`,
            { related: [{ path: a.person.source.path, start: a.role.range[0], end: a.role.range[1], message: `${a.person.name}'s tenure` }] }));
          break;
        }
      }
    }
  }
}
