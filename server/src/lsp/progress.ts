/**
 * Server-initiated work done progress (LSP `window/workDoneProgress/create` and `$/progress`
 * begin / report / end), for the long things the server does on its own: loading a registry and
 * indexing the workspace's articles. VS Code shows them in its progress indicator.
 *
 * A task asks the client to create its token and sends `begin` once the client has answered (the
 * protocol forbids reporting on a token before that); until then its reports are only remembered,
 * and a task that ended meanwhile still sends `begin`, its last report and `end`, so every created
 * token is closed. Reports are sent at most ten times a second, except those marked final. Without
 * the client capability `window.workDoneProgress` a task does nothing.
 */

import { Connection, WorkDoneProgress, WorkDoneProgressCreateRequest } from 'vscode-languageserver/node';

const REPORT_MS = 100;
let tokens = 0;

export class WorkDoneTask {
  /** Resolved once the client has created the token (or refused it, or progress is off). */
  readonly ready: Promise<void>;
  private state: 'creating' | 'open' | 'closed' = 'creating';
  private last: { message: string; percentage: number } | null = null;
  private sentAt = -Infinity;
  private ended = false;
  private readonly token = `attache-progress-${++tokens}`;

  constructor(private readonly connection: Connection, enabled: boolean, private readonly title: string) {
    if (!enabled) {
      this.state = 'closed';
      this.ready = Promise.resolve();
      return;
    }
    this.ready = connection.sendRequest(WorkDoneProgressCreateRequest.type, { token: this.token }).then(
      () => this.open(),
      () => void (this.state = 'closed'),
    );
  }

  /** `percentage` from 0 to 100; `final` reports are never skipped by the rate limit. */
  report(message: string, percentage: number, final = false): void {
    this.last = { message, percentage: Math.max(0, Math.min(100, Math.round(percentage))) };
    if (this.state !== 'open') return;
    const now = Date.now();
    if (!final && now - this.sentAt < REPORT_MS) return;
    this.sentAt = now;
    void this.connection.sendProgress(WorkDoneProgress.type, this.token, { kind: 'report', ...this.last });
  }

  done(message?: string): void {
    if (this.ended) return;
    this.ended = true;
    if (this.state !== 'open') return;
    this.state = 'closed';
    void this.connection.sendProgress(WorkDoneProgress.type, this.token, { kind: 'end', ...(message ? { message } : {}) });
  }

  private open(): void {
    if (this.state !== 'creating') return;
    this.state = 'open';
    void this.connection.sendProgress(WorkDoneProgress.type, this.token, { kind: 'begin', title: this.title, cancellable: false, percentage: 0 });
    if (this.ended) {
      if (this.last) void this.connection.sendProgress(WorkDoneProgress.type, this.token, { kind: 'report', ...this.last });
      this.state = 'closed';
      void this.connection.sendProgress(WorkDoneProgress.type, this.token, { kind: 'end' });
    } else if (this.last) this.report(this.last.message, this.last.percentage, true);
  }
}
