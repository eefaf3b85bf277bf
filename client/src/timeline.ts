/**
 * "Attaché: Show Timeline": a webview panel that draws the timeline the server computes
 * (`attache/timeline`, core/timeline.ts) for the active article, its workspace folder, or one
 * entity. The panel follows the active editor (articles and registry files), asks again when one
 * of them changes, opens the sentence or the registry entry an item is clicked on, and saves the
 * same data as SVG or TimelineJS JSON with the core's exporters (the CLI's code).
 *
 * The page (timelineHtml.ts) has a strict CSP and loads only client/out/media/, bundled by
 * scripts/bundle.mjs from client/webview/.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { timelineJs, timelineSvg } from '../../server/src/core/timelineExport';
import { CLIENT_COMMANDS, TimelineData, TimelineParams, TimelineRequest } from '../../server/src/lsp/protocol';
import { sendRequest } from './messages';
import { makeNonce, timelineHtml } from './timelineHtml';
import { localToday } from './extension';

type Scope = 'article' | 'workspace';

/** What the command accepts: nothing (the active editor), a file (editor title), or a target (code lens, hover). */
type ShowArgs = vscode.Uri | { uri?: string; entity?: string; scope?: Scope } | undefined;

type FromWebview =
  | { type: 'ready'; scope?: Scope; entity?: string }
  | { type: 'scope'; scope: Scope }
  | { type: 'open'; location: TimelineData['markers'][number]['location'] }
  | { type: 'export'; format: 'svg' | 'timelinejs' };

const UPDATE_DELAY_MS = 400;

function isTimelineDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && (doc.languageId === 'diplomatic-article' || /\.ya?ml$/i.test(doc.uri.path));
}

class TimelinePanel {
  static current: TimelinePanel | undefined;
  private uri: string | undefined;
  private scope: Scope = 'article';
  private entity: string | undefined;
  private data: TimelineData | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(private readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly getClient: () => LanguageClient | undefined) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'out', 'media');
    const webview = panel.webview;
    webview.html = timelineHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
      nonce: makeNonce(),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isTimelineDocument(e.document) && e.document.uri.toString() !== this.uri) {
          this.uri = e.document.uri.toString();
          // A new article leaves an entity timeline (the scope toggle says which one is shown).
          this.entity = undefined;
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isTimelineDocument(e.document) && e.contentChanges.length) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isTimelineDocument(d)) this.schedule(UPDATE_DELAY_MS);
      }),
    );
  }

  static show(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, target: { uri?: string; entity?: string; scope?: Scope }): void {
    if (!TimelinePanel.current) {
      const panel = vscode.window.createWebviewPanel('attache.timeline', 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'client', 'out', 'media')],
      });
      TimelinePanel.current = new TimelinePanel(panel, context, getClient);
    } else {
      TimelinePanel.current.panel.reveal(undefined, true);
    }
    const p = TimelinePanel.current;
    if (target.uri) p.uri = target.uri;
    p.entity = target.entity;
    if (target.scope) p.scope = target.scope;
    else if (target.entity) p.scope = 'workspace';
    p.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const client = this.getClient();
    if (!client) return;
    const seq = ++this.seq;
    const params: TimelineParams = { scope: this.scope, today: localToday(), ...(this.uri ? { uri: this.uri } : {}), ...(this.entity ? { entity: this.entity } : {}) };
    try {
      const data = await sendRequest(client, TimelineRequest, params);
      // An answer to an older request (the user moved on) is dropped.
      if (seq !== this.seq) return;
      this.data = data;
      this.panel.title = data.title;
      void this.panel.webview.postMessage({ type: 'data', data, scope: this.scope, entity: this.entity });
    } catch (e) {
      void this.panel.webview.postMessage({ type: 'message', text: `The timeline could not be computed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      // A reloaded webview (its state kept by getState) says which scope it showed.
      if (m.scope && !this.entity) this.scope = m.scope;
      this.schedule(0);
    } else if (m.type === 'scope') {
      this.scope = m.scope;
      this.entity = undefined;
      this.schedule(0);
    } else if (m.type === 'open') {
      await openLocation(m.location);
    } else if (m.type === 'export') {
      await this.export(m.format);
    }
  }

  private async export(format: 'svg' | 'timelinejs'): Promise<void> {
    if (!this.data) return;
    // Paths as the user reads them (relative to the workspace), for the image and the JSON.
    const data: TimelineData = JSON.parse(JSON.stringify(this.data));
    const rel = (p: string): string => {
      try {
        return vscode.workspace.asRelativePath(vscode.Uri.parse(p), false);
      } catch {
        return p;
      }
    };
    for (const m of data.markers) m.location.path = rel(m.location.path);
    for (const x of [...data.rows, ...data.spans]) x.source.path = rel(x.source.path);
    const text = format === 'svg' ? timelineSvg(data) : JSON.stringify(timelineJs(data), null, 2) + '\n';
    const folder = (this.uri && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(this.uri))) ?? vscode.workspace.workspaceFolders?.[0];
    const name = format === 'svg' ? 'timeline.svg' : 'timeline.json';
    const target = await vscode.window.showSaveDialog({
      title: format === 'svg' ? 'Save the timeline as an SVG image' : 'Save the timeline as TimelineJS JSON',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, name) } : {}),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'TimelineJS JSON': ['json'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`Saved the timeline to ${vscode.workspace.asRelativePath(target)}.`);
  }

  private dispose(): void {
    clearTimeout(this.timer);
    TimelinePanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens a file at a place the server gave (an article's sentence, a registry entry), beside the panel. */
async function openLocation(l: TimelineData['markers'][number]['location']): Promise<void> {
  const uri = vscode.Uri.parse(l.path);
  const range = l.range ? new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character) : undefined;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const column = visible?.viewColumn ?? vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false, ...(range ? { selection: range } : {}) });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function targetOf(arg: ShowArgs): { uri?: string; entity?: string; scope?: Scope } {
  if (arg instanceof vscode.Uri) return { uri: arg.toString() };
  if (arg && typeof arg === 'object') return arg;
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isTimelineDocument(doc) ? { uri: doc.uri.toString() } : {};
}

export function registerTimeline(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(CLIENT_COMMANDS.showTimeline, (arg?: ShowArgs) => {
    TimelinePanel.show(context, getClient, targetOf(arg));
  }));
}
