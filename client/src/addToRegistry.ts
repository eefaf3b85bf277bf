/**
 * "Add 'X' to the registry…", the quick fix on an unknown name: asks the entity type (the
 * server's guess preselected) and the country (the registry's countries, or none), asks the
 * server for the edit (`attache/addEntityEdit`: the YAML is written by the core, in the registry
 * file's own shape), applies it as an ordinary undoable edit and opens the registry file with
 * the new entry selected, so the user sees what was added and can complete it.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AddEntityParams, AddEntityRequest, CLIENT_COMMANDS, EntitiesRequest } from '../../server/src/lsp/protocol';
import { sendRequest } from './messages';

const TYPES: { type: string; detail: string }[] = [
  { type: 'person', detail: 'an official, a spokesperson, anyone named' },
  { type: 'organization', detail: 'a ministry, an agency, an alliance, a company' },
  { type: 'country', detail: 'a state' },
  { type: 'place', detail: 'a city, a region, a base, a strait' },
  { type: 'office', detail: 'a post a person holds: Foreign Minister of …' },
  { type: 'event', detail: 'a summit, a dialogue, an attack, an agreement' },
];

export interface TypeItem extends vscode.QuickPickItem {
  type: string;
}

/** A quick pick whose active item is `active` (not merely the first), resolved with the accepted item. */
function pick<T extends vscode.QuickPickItem>(title: string, placeholder: string, items: T[], active: T | undefined): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.items = items;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    if (active) qp.activeItems = [active];
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(qp.selectedItems[0] ?? qp.activeItems[0]);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export interface CountryItem extends vscode.QuickPickItem {
  /** The country's id; undefined for "No country". */
  id: string | undefined;
}

/** The two questions, as choices offered and the one preselected; tests answer them without the UI. */
export interface Ask {
  type(name: string, items: TypeItem[], preselected: TypeItem | undefined): Promise<TypeItem | undefined>;
  country(name: string, type: string, items: CountryItem[], preselected: CountryItem): Promise<CountryItem | undefined>;
}

const quickPicks: Ask = {
  type: (name, items, preselected) => pick(`Add '${name}' to the registry (1/2): type`, 'What kind of entity is it?', items, preselected),
  country: (name, type, items, preselected) =>
    pick(`Add '${name}' to the registry (2/2): country`, `${type === 'office' ? 'Whose office is it?' : `Which country is ${name} from?`} Type to filter.`, items, preselected),
};

async function countryItems(client: LanguageClient, articleUri: string, type: string): Promise<CountryItem[]> {
  const entities = await sendRequest(client, EntitiesRequest, { uri: articleUri });
  const none: CountryItem = { label: 'No country', description: type === 'office' ? 'no `of:` line' : 'no `country:` line', id: undefined };
  return [none, ...entities.filter((e) => e.type === 'country').map((e) => ({ label: e.name, description: e.id, id: e.id }))];
}

/**
 * Asks, writes and reveals. Resolves with the new entity's id, or undefined when the user
 * cancelled or nothing could be written (a message says why). `role`: for a person, the office
 * named next to the name and a start hint (the "Unknown names" view), written with the entry.
 */
export async function addToRegistry(client: LanguageClient | undefined, articleUri: string, name: string, guessedType: string, ask: Ask = quickPicks, role?: AddEntityParams['role']): Promise<string | undefined> {
  if (!client || typeof articleUri !== 'string' || typeof name !== 'string') return undefined;
  const types: TypeItem[] = TYPES.map((t) => ({ label: t.type, description: t.type === guessedType ? 'guessed from the text' : undefined, detail: t.detail, type: t.type }));
  const type = (await ask.type(name, types, types.find((i) => i.type === guessedType)))?.type;
  if (!type) return undefined;
  // A country has no country.
  let country: string | undefined;
  if (type !== 'country') {
    const items = await countryItems(client, articleUri, type);
    const chosen = await ask.country(name, type, items, items[0]);
    if (!chosen) return undefined;
    country = chosen.id;
  }
  const params: AddEntityParams = { uri: articleUri, name, type, ...(country ? { country } : {}), ...(role && type === 'person' ? { role } : {}) };
  const r = await sendRequest(client, AddEntityRequest, params);
  if (!r) {
    void vscode.window.showWarningMessage(`Attaché could not add '${name}': this article belongs to no workspace folder with a registry.`);
    return undefined;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(r.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Attaché could not add '${name}' to ${vscode.Uri.parse(r.uri).fsPath}.`);
    return undefined;
  }
  // Reveal: the registry file, the new entry selected.
  const range = client.protocol2CodeConverter.asRange(r.range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(r.uri), { selection: range, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return r.id;
}

export function registerAddToRegistry(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(CLIENT_COMMANDS.addToRegistry, (uri: string, name: string, type: string) => addToRegistry(getClient(), uri, name, type)));
}
