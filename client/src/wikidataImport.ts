/**
 * "Attaché: Import from Wikidata…" and the "Find 'NAME' on Wikidata…" quick fix: imports Wikidata
 * items into the registry of the active editor's folder, as one edit the user can undo. Item ids
 * or URLs are taken as typed; a name (typed, or from the quick fix) is searched, and the user
 * picks among the matches, each shown with its description and the positions it held. The server
 * does the network requests, and only on these requests. The questions go through `WikidataAsk`,
 * so the in-host tests can answer them.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, ImportWikidataResult, SearchWikidataResult } from '../../server/src/lsp/protocol';

const ITEM_INPUT = /^(?:wd:)?Q[1-9]\d*$|^https?:\/\/(?:www\.|m\.)?wikidata\.org\//;

export interface CandidateItem extends vscode.QuickPickItem {
  id: string;
}

/** The two questions the command asks; the default asks them in the editor's input box and picker. */
export interface WikidataAsk {
  input(): Thenable<string | undefined>;
  pick(term: string, items: CandidateItem[]): Thenable<CandidateItem | undefined>;
}

const windowAsk: WikidataAsk = {
  input: () =>
    vscode.window.showInputBox({
      title: 'Import from Wikidata',
      prompt: 'Item ids or URLs separated by spaces, or a name to search for; fetched over the network with their offices and countries',
      placeHolder: 'Q567 https://www.wikidata.org/wiki/Q61053, or Olaf Scholz',
    }),
  pick: (term, items) =>
    vscode.window.showQuickPick(items, { title: `Wikidata items named '${term}'`, placeHolder: 'Pick the one to import into the registry', matchOnDescription: true, matchOnDetail: true }),
};

/** Runs the import; returns the server's answer (undefined when the user cancelled or nothing was found). */
export async function importFromWikidata(c: LanguageClient, output: { appendLine(line: string): void }, term?: string, ask: WikidataAsk = windowAsk): Promise<ImportWikidataResult | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder first: Attaché imports into its registry.');
    return undefined;
  }
  const input = term ?? (await ask.input());
  if (!input?.trim()) return undefined;
  const words = input.trim().split(/[\s,]+/);
  let ids = words;
  if (!words.every((w) => ITEM_INPUT.test(w))) {
    const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Searching Wikidata for '${input.trim()}'…` }, () =>
      c.sendRequest<SearchWikidataResult | null>('workspace/executeCommand', { command: COMMANDS.searchWikidata, arguments: [input.trim()] }));
    if (!found) return undefined;
    if (found.message) {
      void vscode.window.showWarningMessage(found.message);
      return undefined;
    }
    if (!found.candidates.length) {
      void vscode.window.showInformationMessage(`Wikidata has no item named '${input.trim()}'.`);
      return undefined;
    }
    const pick = await ask.pick(input.trim(), found.candidates.map((x) => ({
      label: x.label,
      description: `${x.id}${x.description ? ` · ${x.description}` : ''}`,
      detail: x.positions.length ? x.positions.slice(0, 4).join('; ') + (x.positions.length > 4 ? '; …' : '') : 'no positions held on Wikidata',
      id: x.id,
    })));
    if (!pick) return undefined;
    ids = [pick.id];
  }
  // A uri inside the folder (the server finds the folder from it), preferably the active document.
  const where = active && vscode.workspace.getWorkspaceFolder(active) === folder ? active : vscode.Uri.joinPath(folder.uri, 'registry.yaml');
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing from Wikidata…' }, () =>
    c.sendRequest<ImportWikidataResult | null>('workspace/executeCommand', { command: COMMANDS.importWikidata, arguments: [where.toString(), ...ids] }));
  if (!r) return undefined;
  for (const d of r.drifts) output.appendLine(`wikidata-drift: ${d}`);
  const more = r.drifts.length ? ' The differences are listed in the Attaché output.' : '';
  if (r.applied) void vscode.window.showInformationMessage(r.message + more);
  else void vscode.window.showWarningMessage(r.message);
  return r;
}
