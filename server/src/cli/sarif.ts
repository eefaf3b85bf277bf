/**
 * `check --format sarif`: a SARIF 2.1.0 log, as GitHub code scanning and the SARIF viewers for
 * VS Code load it. Columns are UTF-16 code units (`columnKind`), 1-based; paths are relative to
 * `%SRCROOT%` (the current folder), so the log is portable between machines.
 */

import { pathToFileURL } from 'node:url';
import { LineIndex } from '../core/lines';
import { DIAGNOSTIC_CODES, DiagnosticCode, Finding, Severity, TextEdit } from '../core/types';
import { FileReport, displayPath } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULE_TEXT: Record<DiagnosticCode, string> = {
  'duplicate-paragraph': 'A paragraph, or a run of paragraphs, repeats an earlier one in the same article.',
  'near-duplicate-paragraph': 'A paragraph is mostly the same as an earlier one.',
  boilerplate: 'A paragraph also occurs in two or more other articles of the workspace.',
  'role-conflict': 'A person is named with an office they did not hold at the date the text refers to.',
  'event-date-conflict': 'An event is dated differently from its registry date or from another article.',
  'weekday-mismatch': 'A weekday contradicts the date it is written with.',
  'invalid-date': 'A date that does not exist.',
  'metadata-date-conflict': 'Front matter and dateline disagree on the publication date.',
  'unresolved-date': 'Relative or partial dates in an article without a publication date.',
  'ambiguous-mention': 'A mention with several candidate entities.',
  'unknown-entity': 'A name-like span that matches no registry entity.',
  'registry-syntax': 'Registry YAML that does not parse.',
  'registry-schema': 'A missing or ill-typed registry field, or an unknown key.',
  'duplicate-id': 'An entity id defined twice.',
  'unknown-reference': 'A registry reference to an id that is not defined.',
  'alias-collision': 'One surface form shared by several entities.',
  'office-overlap': 'Two people holding a single-holder office at overlapping dates.',
  'tenure-order': 'A role or date range whose end is before its start.',
  'wikidata-drift': 'A registry value that differs from Wikidata\'s, kept as written by the import.',
  'orphaned-annotation': 'An annotation whose text can no longer be found in the article.',
  'annotation-syntax': 'An annotation file that does not parse or has ill-typed fields.',
  'front-matter-syntax': 'Article front matter that is not valid YAML.',
  'ignore-syntax': 'An attache.ignore.yaml that does not parse or has ill-typed entries.',
};

export function sarifLog(cwd: string, reports: FileReport[], version: string): unknown {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const results = new SarifResults(cwd, reports, codes);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Attaché',
            informationUri: 'https://github.com/attache-project/attache',
            version,
            rules: codes.map((c) => ({
              id: c,
              name: c.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: RULE_TEXT[c] },
              defaultConfiguration: { level: LEVEL[DIAGNOSTIC_CODES[c]] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((r) => ({ location: results.artifact(r.file), roles: ['analysisTarget'] })),
        results: reports.flatMap((r) => r.findings.map((f) => results.result(r.file, f))),
      },
    ],
  };
}

/** SARIF results of findings: regions by the reported files' line indexes, paths relative to `cwd`. */
class SarifResults {
  private readonly ruleIndex: Map<DiagnosticCode, number>;
  private readonly indexes: Map<string, LineIndex>;

  constructor(private readonly cwd: string, reports: FileReport[], codes: DiagnosticCode[]) {
    this.ruleIndex = new Map(codes.map((c, i) => [c, i]));
    this.indexes = new Map(reports.map((r) => [r.file, new LineIndex(r.text)]));
  }

  artifact(file: string): Record<string, string> {
    return { uri: encodeURI(displayPath(this.cwd, file)), uriBaseId: '%SRCROOT%' };
  }

  /** Lines and columns (1-based) of a range in a reported file; undefined for another file. */
  region(file: string, start: number, end: number): Record<string, number> | undefined {
    const li = this.indexes.get(file);
    if (!li) return undefined;
    const s = li.position(start);
    const e = li.position(end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }

  location(file: string, start: number, end: number, message?: string): Record<string, unknown> {
    const region = this.region(file, start, end);
    return {
      physicalLocation: { artifactLocation: this.artifact(file), ...(region ? { region } : {}) },
      ...(message ? { message: { text: message } } : {}),
    };
  }

  result(file: string, f: Finding): Record<string, unknown> {
    const fixes = f.fixes?.filter((x) => x.edits.length) ?? [];
    return {
      ruleId: f.code,
      ruleIndex: this.ruleIndex.get(f.code),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [this.location(file, f.start, f.end)],
      ...(f.related?.length ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...this.location(r.path, r.start, r.end, r.message) })) } : {}),
      ...(fixes.length ? { fixes: fixes.map((x) => this.fix(file, x.title, x.edits)) } : {}),
    };
  }

  /** A fix: its edits grouped by file (an edit may name another file than the finding's). */
  private fix(file: string, title: string, edits: readonly TextEdit[]): Record<string, unknown> {
    return {
      description: { text: title },
      artifactChanges: groupEdits(file, edits).map(([p, group]) => ({
        artifactLocation: this.artifact(p),
        replacements: group.map((e) => ({ deletedRegion: this.region(p, e.start, e.end) ?? { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.newText } })),
      })),
    };
  }
}

function groupEdits(file: string, edits: readonly TextEdit[]): [string, TextEdit[]][] {
  const m = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const p = e.path ?? file;
    if (!m.has(p)) m.set(p, []);
    m.get(p)!.push(e);
  }
  return [...m];
}
