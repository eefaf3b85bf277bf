/**
 * Progress of a long CLI run on standard error: one line, rewritten in place with `\r`, giving
 * the articles done (of the total when known), the megabytes read, the throughput and, when the
 * total is known, the time left. Shown only when standard error is a terminal and `--quiet` is not
 * given: a log file or a pipe gets nothing, so scripts and CI output stay clean.
 *
 * The line is redrawn at most ten times a second, so a run of small articles does not spend its
 * time writing to the terminal; `done` erases it before the command prints its summary.
 */

/** What the progress line is written to: `process.stderr`, or a fake terminal in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface ProgressTotal {
  /** Number of articles, when known in advance (files named on the command line). */
  articles?: number;
  /** Bytes of input, when known in advance (JSON Lines read from a regular file). */
  bytes?: number;
}

const REDRAW_MS = 100;

export class Progress {
  private articles = 0;
  private bytes = 0;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly started: number;

  private constructor(
    private readonly stream: ProgressStream,
    private readonly total: ProgressTotal,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  /** A progress line on `stream`, or null when it is not a terminal or the user asked for quiet. */
  static on(stream: ProgressStream | undefined, quiet: boolean, total: ProgressTotal = {}, now: () => number = Date.now): Progress | null {
    return stream?.isTTY && !quiet ? new Progress(stream, total, now) : null;
  }

  /** One article done, `bytes` long (its text as read). */
  tick(bytes: number): void {
    this.articles++;
    this.bytes += bytes;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.stream.write(`\r${this.line(t)}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the line (the command's own output follows on a clean line). */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The text of the line at time `t` (milliseconds, same clock as `now`). */
  line(t: number): string {
    const seconds = Math.max((t - this.started) / 1000, 1e-3);
    const mb = this.bytes / 1e6;
    const rate = mb / seconds;
    const parts = [this.total.articles !== undefined ? `${count(this.articles)}/${count(this.total.articles)} articles` : `${count(this.articles)} articles`];
    parts.push(this.total.bytes !== undefined ? `${mb.toFixed(1)}/${(this.total.bytes / 1e6).toFixed(1)} MB` : `${mb.toFixed(1)} MB`);
    parts.push(`${rate.toFixed(1)} MB/s`);
    const left = this.remaining(seconds);
    if (left !== null) parts.push(`ETA ${clock(left)}`);
    const text = `attache: ${parts.join(' · ')}`;
    const width = this.stream.columns;
    return width && text.length >= width ? text.slice(0, width - 1) : text;
  }

  /** Seconds left, from the bytes when their total is known, else from the articles; null if neither. */
  private remaining(seconds: number): number | null {
    if (this.total.bytes && this.bytes > 0) return (seconds * Math.max(this.total.bytes - this.bytes, 0)) / this.bytes;
    if (this.total.articles && this.articles > 0) return (seconds * Math.max(this.total.articles - this.articles, 0)) / this.articles;
    return null;
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `0:07`, `12:34`, `1:02:03`. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
