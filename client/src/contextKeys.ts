/**
 * Context keys for the article context menu and the command palette: `attache.onDate` (the
 * selection lies in a recognized date) and `attache.onAnnotation` (the selection lies in an
 * annotated span). The spans come from the server (`attache/contextSpans`) when the active
 * article changes or is re-analyzed; each selection change is then checked here without a round
 * trip, so the keys are already right when a right-click opens the menu.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONTEXT_SPANS_REQUEST, ContextSpans } from '../../server/src/lsp/protocol';

export const CONTEXT_KEYS = { onDate: 'attache.onDate', onAnnotation: 'attache.onAnnotation' } as const;

interface Spans {
  uri: string;
  /** The document version the spans were asked for: spans of an older text are not trusted. */
  version: number;
  dates: vscode.Range[];
  annotations: vscode.Range[];
}

/** True when some span contains the whole selection (ends inclusive, so a cursor at a span's end is in it). */
function within(spans: readonly vscode.Range[], sel: vscode.Selection): boolean {
  return spans.some((r) => r.contains(sel));
}

/** The keys' current values, and an event when one changes (the extension's API exposes both, for tests). */
export interface ContextKeyState {
  current(): { onDate: boolean; onAnnotation: boolean };
  readonly onDidChange: vscode.Event<void>;
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
  const check = (): void => {
    const editor = vscode.window.activeTextEditor;
    const fresh = !!editor && !!spans && spans.uri === editor.document.uri.toString() && spans.version === editor.document.version;
    set('onDate', fresh && within(spans!.dates, editor!.selection));
    set('onAnnotation', fresh && within(spans!.annotations, editor!.selection));
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
    const r = await client.sendRequest<ContextSpans>(CONTEXT_SPANS_REQUEST, { uri: document.uri.toString() }).catch(() => undefined);
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
      if (e.textEditor === vscode.window.activeTextEditor) check();
    }),
    // The server publishes an article's diagnostics after each analysis, and a sidecar's when its
    // annotations change: then the dates and the annotated spans may have moved.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active || u.toString() === `${active}.annotations.yaml`)) void load();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Until the new analysis arrives, the old spans do not describe the text.
      if (e.document === vscode.window.activeTextEditor?.document) check();
    }),
  );
  void load();
  return { current: () => ({ ...state }), onDidChange: changed.event };
}
