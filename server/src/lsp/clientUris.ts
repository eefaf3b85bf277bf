/**
 * The URIs the server publishes diagnostics under, spelled as the client spells them.
 *
 * Inside, the server keys every file by one canonical URI (`node/host.ts`, `canonicalUri`), and a
 * file it found on disk has only that spelling. Clients compare URIs as strings more often than
 * not, and `file:` URIs have several spellings of one path: VS Code writes `%40` for `@`, `%28` for
 * `(` and `c%3A` for a drive letter, where Node's `pathToFileURL` writes `@`, `(` and `C:`. So a
 * file's problems go out under the spelling the client itself used for it (an open document, a
 * watched-file event) or, for a file it never named, under its workspace folder's spelling
 * followed by the rest of the path encoded as VS Code encodes it.
 */

export class ClientUris {
  /** Canonical URI → the client's spelling, for every URI the client has sent. */
  private readonly seen = new Map<string, string>();
  /** Workspace folders: canonical URI and the client's spelling, without trailing slashes. */
  private folders: { canonical: string; client: string }[] = [];

  /** Records the client's spelling of a URI it sent (documents, file events). */
  remember(clientUri: string, canonical: string): void {
    if (clientUri !== canonical) this.seen.set(canonical, clientUri);
  }

  addFolder(canonical: string, clientUri: string): void {
    this.removeFolder(canonical);
    this.folders.push({ canonical: canonical.replace(/\/+$/, ''), client: clientUri.replace(/\/+$/, '') });
    // Longest first, so a nested folder wins over its parent.
    this.folders.sort((a, b) => b.canonical.length - a.canonical.length);
  }

  removeFolder(canonical: string): void {
    const c = canonical.replace(/\/+$/, '');
    this.folders = this.folders.filter((f) => f.canonical !== c);
  }

  /** The URI to publish a file's diagnostics under. */
  of(canonical: string): string {
    const known = this.seen.get(canonical);
    if (known !== undefined) return known;
    for (const f of this.folders) {
      if (!canonical.startsWith(`${f.canonical}/`)) continue;
      const rest = canonical.slice(f.canonical.length + 1).split('/').map((s) => encodeSegment(decodeSegment(s)));
      return `${f.client}/${rest.join('/')}`;
    }
    return canonical;
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A path segment encoded as VS Code's `URI.toString()` encodes it: everything but ASCII letters,
 * digits and `-._~` is percent-encoded (upper-case hex, UTF-8).
 */
export function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
