/**
 * Front matter as Attaché writes it, in one place: the quick fix of `unresolved-date` (core), the
 * server's "Insert front matter" code action and the client's command all insert this text.
 * Reading front matter is `parseArticle`'s job (article.ts); this module has no dependencies, so
 * the VS Code client can use it without bundling the YAML reader.
 */

/** An article's line end: CRLF when its first line break is one, else LF (lone CR counts as LF). */
export function lineEndOf(text: string): '\r\n' | '\n' {
  const nl = text.search(/\r\n|\n|\r/);
  return nl >= 0 && text.startsWith('\r\n', nl) ? '\r\n' : '\n';
}

/** True when `text` starts with a front matter fence (`---` on the first line). */
export function startsWithFrontMatter(text: string): boolean {
  return /^---[ \t]*\r?\n/.test(text);
}

/** `---`, `date: 2025-10-26`, `---`, each ended with the article's own line end, to insert at offset 0. */
export function frontMatterText(date: string, articleText: string): string {
  const eol = lineEndOf(articleText);
  return `---${eol}date: ${date}${eol}---${eol}`;
}
