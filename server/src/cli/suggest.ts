/**
 * `attache suggest [--min-count N] [--min-confidence X] [--format text|json] [--registry GLOB]...
 * PATH...`: the unknown names of the articles ranked by how often they occur (core/suggest.ts),
 * each with its guessed type, example sentences and the offices mentioned next to it, so the
 * registry can grow from the corpus. Names in `attache.ignore.yaml` are left out.
 *
 * Each article is read, analyzed and reduced to its unknown names at once (the analysis is
 * dropped), so a big corpus costs the names, not the parse trees. Paths in the output are
 * relative to the current folder.
 */

import { LineIndex } from '../core/lines';
import { Suggestion, UnknownOccurrence, rankSuggestions, unknownOccurrences } from '../core/suggest';
import { ProjectInputs, loadArticle, folderListings } from './project';
import { Progress } from './progress';
import { runContext } from './pipeline';
import { displayPath } from './report';

export interface SuggestArgs {
  format: string;
  minCount: number;
  minConfidence?: number;
}

/** The unknown-name records of every article of a run, in input order. */
export function collectOccurrences(inputs: ProjectInputs, errors: string[], bar?: Progress | null): UnknownOccurrence[] {
  const ctx = runContext(inputs.registry, inputs.settings);
  const exists = folderListings();
  const out: UnknownOccurrence[] = [];
  for (const f of inputs.articleFiles) {
    const a = loadArticle(f, ctx, errors, exists);
    bar?.tick(a?.text.length ?? 0);
    if (a) for (const o of unknownOccurrences(f, a.analysis, inputs.registry)) out.push(o);
  }
  return out;
}

/** Runs the command on loaded inputs; returns the exit status (2 when an input could not be read). */
export function runSuggest(inputs: ProjectInputs, args: SuggestArgs, out: (s: string) => void, err: (s: string) => void, bar?: Progress | null): number {
  const errors = [...inputs.errors];
  const occurrences = collectOccurrences(inputs, errors, bar);
  bar?.done();
  for (const e of errors) err(`attache: ${e}\n`);
  let badIgnore = false;
  for (const f of inputs.ignoreFiles) {
    const lines = new LineIndex(f.text);
    for (const x of f.findings) {
      const p = lines.position(x.start);
      err(`${displayPath(inputs.cwd, f.file)}:${p.line + 1}:${p.character + 1}: ${x.severity} ${x.code}: ${x.message}\n`);
      if (x.severity === 'error') badIgnore = true;
    }
  }
  const names = rankSuggestions(occurrences, { minCount: args.minCount, ...(args.minConfidence !== undefined ? { minConfidence: args.minConfidence } : {}) });
  const shown = names.map((n) => withDisplayPaths(n, inputs.cwd));
  const articles = inputs.articleFiles.length;
  if (args.format === 'json') out(JSON.stringify({ articles, names: shown }, null, 2) + '\n');
  else out(suggestText(shown, articles));
  return errors.length || badIgnore ? 2 : 0;
}

function withDisplayPaths(s: Suggestion, cwd: string): Suggestion {
  return {
    ...s,
    examples: s.examples.map((e) => ({ ...e, path: displayPath(cwd, e.path) })),
    occurrences: s.occurrences.map((o) => ({ ...o, path: displayPath(cwd, o.path) })),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The text report: one block per name, most frequent first: the name, its guessed type and
 * counts; each office next to it with the earliest date as a start hint; the example sentences
 * as `path:line:col: sentence` (clickable in terminals and editors).
 */
export function suggestText(names: readonly Suggestion[], articles: number): string {
  const lines: string[] = [];
  for (const n of names) {
    lines.push(`${n.name} — ${n.type}, ${plural(n.count, 'mention')} in ${plural(n.articles, 'article')} (confidence ${n.confidence.toFixed(2)})`);
    for (const o of n.offices) {
      const id = o.id ? ` (${o.id})` : ' (several offices have this title)';
      lines.push(`    office: ${o.name}${id}${o.start ? `, start hint ${o.start}` : ''}; next to ${plural(o.count, 'mention')}`);
    }
    for (const e of n.examples) lines.push(`    ${e.path}:${e.line}:${e.column}: ${e.sentence}`);
    lines.push('');
  }
  const mentions = names.reduce((k, n) => k + n.count, 0);
  lines.push(`${plural(names.length, 'unknown name')} (${plural(mentions, 'mention')}) in ${plural(articles, 'article')}`);
  return lines.join('\n') + '\n';
}
