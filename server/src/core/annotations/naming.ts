/**
 * The sidecar naming rule, in one place: the annotations of an article `X` live beside it in
 * `X.annotations.yaml` (`report.article` → `report.article.annotations.yaml`). The CLI, the
 * language server and the VS Code client all name and recognize sidecars with these functions;
 * nothing else spells the suffix. Only this exact, lower-case suffix is a sidecar (`.yml` is not).
 */

/** What an article's path gets to name its sidecar. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** The sidecar of an article (a path or a URI). */
export function sidecarPath(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

/** True when `path` (a path or a URI) names an annotation sidecar. */
export function isSidecarPath(path: string): boolean {
  return path.length > SIDECAR_SUFFIX.length && path.endsWith(SIDECAR_SUFFIX);
}

/** The article a sidecar belongs to (`path` must be a sidecar, see `isSidecarPath`). */
export function articleOfSidecar(path: string): string {
  return path.slice(0, -SIDECAR_SUFFIX.length);
}
