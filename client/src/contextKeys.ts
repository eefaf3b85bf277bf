/**
 * Context keys for the article context menu and the command palette: `attache.onDate` (the
 * selection lies in a recognized date) and `attache.onAnnotation` (the selection lies in an
 * annotated span). The spans come from the server (`attache/contextSpans`) when the active
 * article changes or is re-analyzed; each selection change is then checked here without a round
 * trip.
 *
 * A right-click outside the selection moves the cursor and builds the menu at once, in the
 * window, before the extension hears of the move: keys set on that selection change come too
 * late for that menu. So the keys also follow the mouse: when VS Code asks for a hover (the
 * mouse rests on the text), the keys are set for that position, which is where a right-click
 * there will put the cursor. A right-click inside a selection keeps it, and the keys with it.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ContextSpans, ContextSpansRequest } from '../../server/src/lsp/protocol';
import { sidecarPath } from '../../server/src/core/annotations/naming';
import { sendRequest } from './messages';

export const CONTEXT_KEYS = { onDate: 'attache.onDate', onAnnotation: 'attache.onAnnotation' } as const;

interface Spans {
  uri: string;
  /** The document version the spans were asked for: spans of an older text are not trusted. */
  version: number;
  dates: vscode.Range[];
  annotations: vscode.Range[];
}

/** True when some span contains the whole selection (ends inclusive, so a cursor at a span's end is in it). */
function within(spans: readonly vscode.Range[], sel: vscode.Range): boolean {
  return spans.some((r) => r.contains(sel));
}

/** The keys' current values, and an event when one changes (the extension's API exposes both, for tests). */
export interface ContextKeyState {
  current(): { onDate: boolean; onAnnotation: boolean };
  readonly onDidChange: vscode.Event<void>;
}

/** Set while the keys are registered: called by the client's hover middleware with the position under the mouse. */
let pointerListener: ((document: vscode.TextDocument, position: vscode.Position) => void) | undefined;

export function noteHoverAt(document: vscode.TextDocument, position: vscode.Position): void {
  pointerListener?.(document, position);
}

export function registerContextKeys(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): ContextKeyState {
  const keys = new ContextKeys(getClient);
  pointerListener = (document, position) => keys.pointerAt(document, position);
  context.subscriptions.push(
    keys.changed,
    vscode.window.onDidChangeActiveTextEditor(() => {
      keys.pointer = undefined;
      void keys.load();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      keys.pointer = undefined;
      keys.check();
    }),
    { dispose: () => (pointerListener = undefined) },
    // The server publishes an article's diagnostics after each analysis, and a sidecar's when its
    // annotations change: then the dates and the annotated spans may have moved.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active || u.toString() === sidecarPath(active))) void keys.load();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Until the new analysis arrives, the old spans do not describe the text.
      if (e.document === vscode.window.activeTextEditor?.document) keys.check();
    }),
  );
  void keys.load();
  return { current: () => ({ ...keys.state }), onDidChange: keys.changed.event };
}

/** The keys' state: the active article's spans, where the mouse rests, and the values set. */
class ContextKeys {
  readonly state = { onDate: false, onAnnotation: false };
  readonly changed = new vscode.EventEmitter<void>();
  /** Where the mouse rests (last hover request), until the selection or the editor changes. */
  pointer: vscode.Position | undefined;
  private spans: Spans | undefined;
  /** The number of the latest spans request: an older answer is dropped. */
  private asked = 0;

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  pointerAt(document: vscode.TextDocument, position: vscode.Position): void {
    if (document !== vscode.window.activeTextEditor?.document) return;
    this.pointer = position;
    this.check();
  }

  /** Both keys set for what the next context menu acts on, false when the spans are not the active text's. */
  check(): void {
    const editor = vscode.window.activeTextEditor;
    const spans = this.spans;
    const fresh = !!editor && !!spans && spans.uri === editor.document.uri.toString() && spans.version === editor.document.version;
    const at = editor ? this.target(editor) : undefined;
    this.set('onDate', fresh && within(spans!.dates, at!));
    this.set('onAnnotation', fresh && within(spans!.annotations, at!));
  }

  /** The active article's spans asked of the server, then the keys checked. */
  async load(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const client = this.getClient();
    const ticket = ++this.asked;
    if (!editor || editor.document.languageId !== 'diplomatic-article' || !client?.isRunning()) {
      this.spans = undefined;
      this.check();
      return;
    }
    const { document } = editor;
    const version = document.version;
    const r = await sendRequest(client, ContextSpansRequest, { uri: document.uri.toString() }).catch(() => undefined);
    // A newer request (another editor, another analysis) answers for a newer state.
    if (ticket !== this.asked) return;
    const range = (x: ContextSpans['dates'][number]): vscode.Range => new vscode.Range(x.start.line, x.start.character, x.end.line, x.end.character);
    this.spans = r ? { uri: document.uri.toString(), version, dates: r.dates.map(range), annotations: r.annotations.map(range) } : undefined;
    this.check();
  }

  /** What the next context menu acts on: where the mouse rests when a right-click there would move the cursor, else the selection. */
  private target(editor: vscode.TextEditor): vscode.Range {
    const sel = editor.selection;
    const pointer = this.pointer;
    return pointer && !(!sel.isEmpty && sel.contains(pointer)) ? new vscode.Range(pointer, pointer) : sel;
  }

  private set(key: keyof ContextKeys['state'], value: boolean): void {
    if (this.state[key] === value) return;
    this.state[key] = value;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS[key], value).then(() => this.changed.fire());
  }
}
