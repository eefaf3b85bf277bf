/**
 * A generator of big synthetic registries for benchmarks: `generateRegistryYaml(n)` writes one
 * registry file (spec §1) with `n` entities of every type, deterministic for a given `n`.
 *
 * The entities look like the real thing so that the recognizers face realistic surface forms:
 * countries with demonyms and short aliases, offices `of` their country (heads of government
 * and foreign ministers are `single_holder`), persons with family and given names and a dated
 * role, organizations and places with aliases, events with a date or a date range and
 * participants. Every name, alias and demonym is unique, holders of one office follow each other
 * without overlap and every reference is defined, so a clean load reports no findings: the
 * benchmark then measures parsing and checking, not the cost of writing thousands of findings.
 */

/** A small deterministic PRNG (mulberry32): the same seed gives the same sequence, so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas', 'Kamala', 'Luis',
  'Maria', 'Nikos', 'Olga', 'Pedro', 'Qin', 'Rahul', 'Sofia', 'Tomas', 'Ursula', 'Viktor', 'Wen', 'Yusuf',
  'Zainab', 'Amir', 'Birgit', 'Chen', 'Dmitri', 'Emma', 'Fatima', 'Goran', 'Hana', 'Igor', 'Julia', 'Kenji',
  'Leila', 'Marek', 'Nadia', 'Omar', 'Paula', 'Rania', 'Stefan', 'Tariq', 'Valentina', 'Walter', 'Ximena', 'Yuki',
];
const FAMILY = [
  'Lindqvist', 'Okafor', 'Moreau', 'Tanaka', 'Kowalski', 'Haddad', 'Petrov', 'Novak', 'Rossi', 'Schneider',
  'Yilmaz', 'Nakamura', 'Fernandes', 'Andersen', 'Kovacs', 'Mensah', 'Castillo', 'Ivanova', 'Papadopoulos', 'Sato',
  'Dubois', 'Nowak', 'Hoffmann', 'Bianchi', 'Jensen', 'Horvat', 'Rahman', 'Suzuki', 'Olsen', 'Morales',
  'Keller', 'Popescu', 'Varga', 'Khan', 'Ortiz', 'Lambert', 'Berger', 'Costa', 'Fischer', 'Santos',
  'Kaya', 'Watanabe', 'Nielsen', 'Romano', 'Silva', 'Weber', 'Ali', 'Ito', 'Moreno', 'Fontaine',
];
const SYLLABLES = ['ka', 'mi', 'ra', 'to', 'su', 'ne', 'ho', 'va', 'el', 'an', 'or', 'iv', 'da', 'lu', 'be', 'zo', 'qa', 'ti', 'ro', 'ma'];
const ORG_KINDS = ['Council', 'Agency', 'Institute', 'Commission', 'Forum', 'Alliance', 'Bank', 'Authority'];
const ORG_TOPICS = ['Maritime Security', 'Trade', 'Energy', 'Nuclear Safety', 'Development', 'Cyber Defence', 'Fisheries', 'Migration'];
const EVENT_KINDS = ['Summit', 'Talks', 'Conference', 'Accord', 'Dialogue', 'Ministerial'];
const OFFICES: { title: string; single: boolean }[] = [
  { title: 'Prime Minister', single: true },
  { title: 'Foreign Minister', single: true },
  { title: 'Defence Minister', single: true },
  { title: 'Ambassador to the United Nations', single: true },
  { title: 'Deputy Foreign Minister', single: false },
];

/** A capitalized invented word, unique per `n` (base-20 syllables, so no two `n` spell alike). */
function word(n: number): string {
  let s = '';
  let k = n;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s[0].toUpperCase() + s.slice(1);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A field of a generated entity: a scalar as written, a flow list of scalars, or a list of roles. */
type Field = [key: string, value: string | string[] | [string, string][][]];

/** How the generated file is written: `block` (`- id: x` then one key per line, the usual style)
 * or `flow` (one `- {id: x, type: person, ..., roles: [{office: y, start: ...}]}` per entity). */
export type RegistryStyle = 'block' | 'flow';

function render(fields: Field[], style: RegistryStyle, out: string[]): void {
  if (style === 'flow') {
    const parts = fields.map(([k, v]) => {
      if (typeof v === 'string') return `${k}: ${v}`;
      if (v.length && Array.isArray(v[0])) return `${k}: [${(v as [string, string][][]).map((r) => `{${r.map(([a, b]) => `${a}: ${b}`).join(', ')}}`).join(', ')}]`;
      return `${k}: [${(v as string[]).join(', ')}]`;
    });
    out.push(`  - {${parts.join(', ')}}`);
    return;
  }
  fields.forEach(([k, v], i) => {
    const lead = i === 0 ? '  - ' : '    ';
    if (typeof v === 'string') out.push(`${lead}${k}: ${v}`);
    else if (v.length && Array.isArray(v[0])) {
      out.push(`${lead}${k}:`);
      for (const r of v as [string, string][][]) r.forEach(([a, b], j) => out.push(`${j === 0 ? '      - ' : '        '}${a}: ${b}`));
    } else out.push(`${lead}${k}: [${(v as string[]).join(', ')}]`);
  });
}

/**
 * One registry file with `n` entities: about 2% countries, 10% offices, 3% organizations,
 * 3% places, 2% events and the rest persons (at least one of each type when `n >= 6`).
 */
export function generateRegistryYaml(n: number, options: { style?: RegistryStyle } = {}): string {
  const style = options.style ?? 'block';
  const out: string[] = ['# Generated by bench/generate.ts: synthetic entities for benchmarks.', 'version: 1', 'entities:'];
  const countries = Math.max(1, Math.floor(n * 0.02));
  const offices = Math.max(1, Math.min(countries * OFFICES.length, Math.floor(n * 0.1)));
  const orgs = Math.max(1, Math.floor(n * 0.03));
  const places = Math.max(1, Math.floor(n * 0.03));
  const events = Math.max(1, Math.floor(n * 0.02));
  const persons = Math.max(0, n - countries - offices - orgs - places - events);
  // The first entities of each kind are written first; a tiny `n` gets what fits.
  let left = n;
  const countryName = (i: number): string => `${word(i + 400)}ia`;

  for (let i = 0; i < countries && left > 0; i++, left--) {
    const name = countryName(i);
    render([
      ['id', `country-${i}`], ['type', 'country'], ['name', name],
      ['aliases', [`Republic of ${name}`, name.slice(0, -2).toUpperCase()]],
      ['demonyms', [`${name.slice(0, -1)}n`]],
      ['wikidata', `Q${1000 + i}`],
    ], style, out);
  }
  for (let i = 0; i < offices && left > 0; i++, left--) {
    const c = i % countries;
    const kind = OFFICES[Math.floor(i / countries) % OFFICES.length];
    const fields: Field[] = [['id', `office-${i}`], ['type', 'office'], ['name', `${kind.title} of ${countryName(c)}`], ['of', `country-${c}`]];
    if (kind.single) fields.push(['single_holder', 'true']);
    render(fields, style, out);
  }
  for (let i = 0; i < orgs && left > 0; i++, left--) {
    const name = `${ORG_TOPICS[i % ORG_TOPICS.length]} ${ORG_KINDS[Math.floor(i / ORG_TOPICS.length) % ORG_KINDS.length]} of ${word(i + 9000)}`;
    const acronym = name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') + word(i + 9000).slice(0, 2).toUpperCase() + i;
    render([['id', `org-${i}`], ['type', 'organization'], ['name', name], ['aliases', [acronym]], ['country', `country-${i % countries}`]], style, out);
  }
  for (let i = 0; i < places && left > 0; i++, left--) {
    const name = `${word(i + 20_000)}burg`;
    render([['id', `place-${i}`], ['type', 'place'], ['name', name], ['aliases', [`Port ${name}`]], ['country', `country-${i % countries}`]], style, out);
  }
  for (let i = 0; i < events && left > 0; i++, left--) {
    const year = 1990 + (i % 35);
    const month = 1 + (i % 12);
    const day = 1 + (i % 27);
    const date = i % 3 === 0 ? `${year}-${pad(month)}-${pad(day)}/${year}-${pad(month)}-${pad(day + 1)}` : i % 3 === 1 ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    const a = i % countries;
    const b = (i + 1) % countries;
    render([
      ['id', `event-${i}`], ['type', 'event'], ['name', `${word(i + 30_000)} ${EVENT_KINDS[i % EVENT_KINDS.length]} ${year}`],
      ['date', date], ['participants', b !== a ? [`country-${a}`, `country-${b}`] : [`country-${a}`]],
    ], style, out);
  }
  // Persons: holder k of an office serves from 1950 + 3k to the day its successor starts (a
  // same-day handover is not an overlap); the last holder of each office has an open end.
  const holders = Math.ceil(persons / offices);
  for (let i = 0; i < persons && left > 0; i++, left--) {
    const office = i % offices;
    const k = Math.floor(i / offices);
    const g = i % GIVEN.length;
    // Family names vary from one person to the next (49 is prime to 50: still one name per i).
    const f = (49 * (Math.floor(i / GIVEN.length) % FAMILY.length) + g) % FAMILY.length;
    const round = Math.floor(i / (GIVEN.length * FAMILY.length));
    // Beyond the 2,400 plain combinations a middle initial and then an invented family name keep
    // every name unique.
    const middle = round === 0 ? '' : ` ${String.fromCharCode(65 + ((round - 1) % 26))}.`;
    const family = round <= 26 ? FAMILY[f] : `${FAMILY[f]}-${word(round)}`;
    const name = `${GIVEN[g]}${middle} ${family}`;
    const start = `${1950 + 3 * k}-${pad(1 + (office % 12))}-${pad(1 + (office % 28))}`;
    const next = k + 1 < holders && i + offices < persons ? `${1950 + 3 * (k + 1)}-${pad(1 + (office % 12))}-${pad(1 + (office % 28))}` : null;
    const role: [string, string][] = [['office', `office-${office}`], ['start', start]];
    if (next) role.push(['end', next]);
    render([
      ['id', `person-${i}`], ['type', 'person'], ['name', name],
      ['aliases', [`"${family}, ${GIVEN[g]}${middle}"`]],
      ['family_name', family], ['given_name', GIVEN[g]],
      ['country', `country-${office % countries}`],
      ['roles', [role]],
    ], style, out);
  }
  return out.join('\n') + '\n';
}
