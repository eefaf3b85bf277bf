/**
 * The shared vocabulary of the analysis core: entities, mentions, dates, findings and fixes.
 *
 * Everything here is plain data. Offsets are JavaScript string indices (UTF-16 code units) into the
 * text the core was given (an article without its BOM, or a registry file), end exclusive. The CLI
 * prints them as they are; the language server converts them to LSP positions in one place
 * (`lsp/convert.ts`).
 */

import type { IgnoreList } from './ignore';

export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'office' | 'event';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'country', 'place', 'office', 'event'];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/**
 * Every diagnostic code of spec §3, with its default severity: the one definition of the defaults.
 * package.json's `attache.diagnostics.*` settings repeat them for the Settings editor, and
 * `test/unit/manifest.test.ts` keeps the two equal. What a user should act on is at least
 * `information`, because VS Code's Problems panel does not list hints; no code defaults to `hint`
 * (a user who finds one noisy can lower it to `hint`, still shown in the editor, or `off`).
 */
export const DIAGNOSTIC_CODES = {
  'duplicate-paragraph': 'warning',
  'near-duplicate-paragraph': 'information',
  boilerplate: 'information',
  'role-conflict': 'warning',
  'event-date-conflict': 'warning',
  'weekday-mismatch': 'warning',
  'invalid-date': 'error',
  'metadata-date-conflict': 'warning',
  'unresolved-date': 'information',
  'ambiguous-mention': 'warning',
  'unknown-entity': 'information',
  'registry-syntax': 'error',
  'registry-schema': 'error',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'alias-collision': 'information',
  'office-overlap': 'warning',
  'tenure-order': 'error',
  'wikidata-drift': 'information',
  'orphaned-annotation': 'warning',
  'annotation-syntax': 'error',
  'front-matter-syntax': 'error',
  'ignore-syntax': 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A span of text in some file: `path` is a file system path (the CLI) or a URI (the server). */
export interface Location {
  path: string;
  start: number;
  end: number;
}

/** A plain text replacement; `path` absent means "the file the finding is about". */
export interface TextEdit {
  path?: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without a person looking (the CLI's `check --fix` applies only these). */
  safe?: boolean;
  isPreferred?: boolean;
  /**
   * A fix the core cannot express as a text edit because it needs the editor (e.g. write an
   * annotation, or ask for a value). The server turns it into a command.
   */
  command?: { name: string; args: unknown[] };
}

export interface RelatedInformation extends Location {
  message: string;
}

/** One problem found by a check. `start`/`end` are offsets in the file the finding is reported on. */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** Set when the finding should be shown as unnecessary code (faded). */
  unnecessary?: boolean;
  /**
   * Why a date the finding depends on is uncertain (`DateMention.uncertain`). `finalizeFindings`
   * adds it to the message and lowers the severity one level.
   */
  uncertain?: string;
  /** Set by `finalizeFindings` on an uncertain finding: its severity before the downgrade (so finalizing again is harmless). */
  downgradedFrom?: Severity;
}

/** Settings the core cares about (a subset of `attache.*`). */
export interface CoreSettings {
  /** `attache.diagnostics.CODE` overrides. */
  severities?: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** `attache.dates.numericOrder`: how A/B/YYYY dates whose numbers allow both orders are read (default `auto`). */
  numericOrder?: NumericOrder;
  /** `attache.unknownNames.minConfidence`: unknown names below this confidence (0..1) are not reported. */
  unknownMinConfidence?: number;
  /** The workspace's `attache.ignore.yaml` (core/ignore.ts): names never reported as unknown. */
  ignore?: IgnoreList;
}

/**
 * The order of numeric dates like 03/04/2025: `mdy` (month first, United States wire style),
 * `dmy` (day first), or `auto`: the article's unambiguous numeric dates decide (13/02/2025 is
 * day first), and without them month first, marked uncertain.
 */
export type NumericOrder = 'auto' | 'mdy' | 'dmy';
export const NUMERIC_ORDERS: readonly NumericOrder[] = ['auto', 'mdy', 'dmy'];

/** Apply severity overrides; returns null for a finding whose code is switched off. */
export function applySeverity(f: Finding, settings: CoreSettings | undefined): Finding | null {
  const s = settings?.severities?.[f.code];
  if (s === undefined) return f;
  if (s === 'off') return null;
  return s === f.severity ? f : { ...f, severity: s };
}

export function finding(
  code: DiagnosticCode,
  start: number,
  end: number,
  message: string,
  extra: Partial<Pick<Finding, 'related' | 'fixes' | 'unnecessary' | 'uncertain'>> = {},
): Finding {
  return { code, severity: DIAGNOSTIC_CODES[code], start, end, message, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Registry

/** A date as written in the registry: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialIsoDate = string;

export interface Role {
  /** Id of an office entity, or absent for a free-text title. */
  office?: string;
  title?: string;
  /** Whose title (an entity id), for free-text titles. */
  of?: string;
  start?: PartialIsoDate;
  /** Absent or null: still holds it. */
  end?: PartialIsoDate | null;
  /** Where the role is written (the mapping node), in `Entity.source.path`. */
  range: [number, number];
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  demonyms: string[];
  familyName?: string;
  givenName?: string;
  nameOrder?: 'family-first' | 'given-first';
  country?: string;
  description?: string;
  wikidata?: string;
  roles: Role[];
  /** Office: whose office (entity id). */
  of?: string;
  singleHolder?: boolean;
  /** Event: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `START/END`. */
  date?: string;
  participants: string[];
  source: {
    /** Registry file path (CLI) or URI (server). */
    path: string;
    /** The whole entry (the mapping node in the `entities` sequence). */
    range: [number, number];
    /** The value of the `id` key: where go-to-definition lands. */
    idRange: [number, number];
    /** Ids this entry uses, with the key that uses them (`country`, `office`, `of`, `participants`) and the range of
     * each value, for go-to-definition inside the registry. */
    references: { id: string; range: [number, number]; key: string }[];
  };
}

/** An immutable view of the whole registry (the union of all registry files). */
export interface RegistrySnapshot {
  /** Increases with every new snapshot; caches key on it. */
  readonly version: number;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Registry files that contributed, with their findings (syntax, schema, cross-file checks). */
  readonly files: ReadonlyMap<string, RegistryFileStatus>;
}

export interface RegistryFileStatus {
  path: string;
  /** The text the findings' offsets refer to (the current text, even when it failed to parse). */
  text: string;
  findings: Finding[];
  /** True when this file's entities come from an earlier good version (its current text has syntax errors). */
  stale: boolean;
}

// ---------------------------------------------------------------------------------------------
// Recognition results

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Null for unknown and ambiguous mentions. */
  id: string | null;
  /** Candidate ids for an ambiguous mention; empty otherwise. */
  candidates: string[];
  /** Which surface form matched. */
  form: 'name' | 'alias' | 'demonym' | 'family-name' | 'given-name' | 'unknown' | 'annotation';
  /** Person mentions: the office entity attached to this mention (title before or apposition after). */
  office?: string;
  /** Where that office mention is. */
  officeRange?: [number, number];
  /** For an unknown entity: the guessed type. */
  guessedType?: EntityType;
  /** For an unknown entity: how sure the guess is that this is a name (0..1, see `attache.unknownNames.minConfidence`). */
  confidence?: number;
  /** An organization or country named inside a longer mention (an office: "Secretary General of NATO"). */
  nested?: boolean;
  /** Id of the user annotation that decided this mention, if any. */
  annotation?: string;
}

/**
 * A new entity mention with every field of `EntityMention`, always in this order, the optional
 * ones undefined unless given in `more`: every mention then has one object shape, so the code
 * that reads mentions (recognition, resolution, the checks, the reports) sees one shape only
 * instead of one per combination of optional fields (polymorphic and megamorphic property
 * access, and optimized code thrown away on each new shape). Undefined fields are left out of
 * JSON, like absent ones.
 */
export function entityMention(
  start: number, end: number, text: string, type: EntityType, id: string | null, candidates: string[], form: EntityMention['form'],
  more?: Pick<EntityMention, 'office' | 'officeRange' | 'guessedType' | 'confidence' | 'nested' | 'annotation'>,
): EntityMention {
  return {
    start, end, text, type, id, candidates, form,
    office: more?.office, officeRange: more?.officeRange, guessedType: more?.guessedType, confidence: more?.confidence,
    nested: more?.nested, annotation: more?.annotation,
  };
}

export type DateKind =
  | 'absolute' | 'partial' | 'relative' | 'weekday' | 'range' | 'decade'
  | 'season' | 'quarter' | 'half' | 'fiscal' | 'century' | 'offset' | 'anaphoric'
  | 'duration' | 'set' | 'time' | 'reference';
export type DateGranularity = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'range';
/** TIMEX3 type. Checks use DATE and TIME only; DURATION and SET are reported, never checked. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
/** TIMEX3 modifier. */
export type TimexMod = 'APPROX' | 'START' | 'END' | 'MID' | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER' | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE';
/**
 * What a relative value was resolved against: the publication date (`dct`), the previous date
 * expression in the text (`previous`, with its start offset), or nothing (an absolute value).
 */
export type DateAnchor = 'dct' | { previous: number } | 'none';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** TIMEX3 value (`2025-09-29`, `2025-09`, `2025`, `199X`, `2009/2013`, `2025-W31`, `2024-Q3`, `P3D`, `PRESENT_REF`); null when unresolved. */
  value: string | null;
  kind: DateKind;
  granularity: DateGranularity;
  /** TIMEX3 type; DATE when absent (older producers). */
  type?: TimexType;
  /** TIMEX3 modifier, when set. */
  mod?: TimexMod;
  /** What the value was resolved against (absent = not yet decided, read as `dct` for relative kinds). */
  anchor?: DateAnchor;
  /** An interval: its two ends as TIMEX3 values (either may be null when open). */
  range?: { start: string | null; end: string | null };
  /** Sets: TIMEX3 `quant` (`EVERY`) and `freq`. */
  quant?: string;
  freq?: string;
  /** Why the tagger is unsure (an ambiguous numeric order, a tense guessed without a verb); findings that depend on this date say so and are downgraded one severity level. */
  uncertain?: string;
  /** How the value was obtained, for the hover: the rule and the anchor it was resolved against. */
  resolution: { rule: string; anchor?: string };
  /** Id of the user annotation that corrected this date, if any. */
  annotation?: string;
}
