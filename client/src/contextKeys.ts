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
  let spans: Spans | undefined;
  const state = { onDate: false, onAnnotation: false };
  const changed = new vscode.EventEmitter<void>();
  const set = (key: keyof typeof state, value: boolean): void => {
    if (state[key] === value) return;
    state[key] = value;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS[key], value).then(() => changed.fire());
  };
  // Where the mouse rests (last hover request), until the selection changes.
  let pointer: vscode.Position | undefined;
  /** What the next context menu acts on: where the mouse rests when a right-click there would move the cursor, else the selection. */
  const target = (editor: vscode.TextEditor): vscode.Range => {
    const sel = editor.selection;
    return pointer && !(!sel.isEmpty && sel.contains(pointer)) ? new vscode.Range(pointer, pointer) : sel;
  };
  const check = (): void => {
    const editor = vscode.window.activeTextEditor;
    const fresh = !!editor && !!spans && spans.uri === editor.document.uri.toString() && spans.version === editor.document.version;
    const at = editor ? target(editor) : undefined;
    set('onDate', fresh && within(spans!.dates, at!));
    set('onAnnotation', fresh && within(spans!.annotations, at!));
  };
  pointerListener = (document, position) => {
    if (document !== vscode.window.activeTextEditor?.document) return;
    pointer = position;
    check();
  };
  let asked = 0;
  const load = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const client = getClient();
    const ticket = ++asked;
    if (!editor || editor.document.languageId !== 'diplomatic-article' || !client?.isRunning()) {
      spans = undefined;
      check();
      return;
    }
    const { document } = editor;
    const version = document.version;
    const r = await sendRequest(client, ContextSpansRequest, { uri: document.uri.toString() }).catch(() => undefined);
    // A newer request (another editor, another analysis) answers for a newer state.
    if (ticket !== asked) return;
    const range = (x: ContextSpans['dates'][number]): vscode.Range => new vscode.Range(x.start.line, x.start.character, x.end.line, x.end.character);
    spans = r ? { uri: document.uri.toString(), version, dates: r.dates.map(range), annotations: r.annotations.map(range) } : undefined;
    check();
  };
  context.subscriptions.push(
    changed,
    vscode.window.onDidChangeActiveTextEditor(() => void load()),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      pointer = undefined;
      check();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      pointer = undefined;
    }),
    { dispose: () => (pointerListener = undefined) },
    // The server publishes an article's diagnostics after each analysis, and a sidecar's when its
    // annotations change: then the dates and the annotated spans may have moved.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active || u.toString() === sidecarPath(active))) void load();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Until the new analysis arrives, the old spans do not describe the text.
      if (e.document === vscode.window.activeTextEditor?.document) check();
    }),
  );
  void load();
  return { current: () => ({ ...state }), onDidChange: changed.event };
}
