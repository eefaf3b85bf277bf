/**
 * "Annotate all occurrences" after the editor's annotation commands: before "Link Selection to
 * Entity…" or "Mark as Not an Entity" changes a mention, the client asks the server how many
 * mentions like it (same text, same role) the workspace has (`SameMentionsRequest`); once the
 * decision is written, it offers to make it for all the others. Accepting runs the server's
 * `COMMANDS.annotateAll` with the role as it was, whose WorkspaceEdit VS Code shows in the Refactor
 * Preview: nothing is written before the user applies it there.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnnotateAllArgs, AnnotateAllReport, COMMANDS, SameMentions, SameMentionsRequest } from '../../server/src/lsp/protocol';
import { sendRequest } from './messages';

/** The mention at [start, end) and its undecided twins, when there are others; asked before the decision. */
export async function sameMentionsBefore(client: LanguageClient, uri: string, start: number, end: number): Promise<SameMentions | undefined> {
  try {
    const r = await sendRequest(client, SameMentionsRequest, { uri, start, end });
    return r && r.occurrences >= 2 ? r : undefined;
  } catch {
    // An older server, or one restarting: the single annotation is all the user asked for.
    return undefined;
  }
}

/** Offers the decision just made on one mention for the others; runs it (previewed) when accepted. */
export async function offerAnnotateAll(same: SameMentions, args: Omit<AnnotateAllArgs, 'role' | 'start' | 'end'>): Promise<AnnotateAllReport | undefined> {
  const others = same.occurrences - 1;
  const verb = args.kind === 'link' ? 'Link' : 'Mark';
  const action = `${verb} All ${others}…`;
  const where = same.articles > 1 ? `${same.articles} articles` : 'this article';
  const pick = await vscode.window.showInformationMessage(
    `'${same.role.text}' occurs ${others} more time${others === 1 ? '' : 's'} in ${where} of the workspace. Make the same decision for ${others === 1 ? 'it' : 'all of them'}? The changes are shown before they are applied.`,
    action,
  );
  if (pick !== action) return undefined;
  return annotateAll({ ...args, role: same.role });
}

/** Runs the server's "annotate all" and says what could not be done. */
export async function annotateAll(args: AnnotateAllArgs): Promise<AnnotateAllReport | undefined> {
  const r = await vscode.commands.executeCommand<AnnotateAllReport | undefined>(COMMANDS.annotateAll, args);
  if (r && !r.occurrences) void vscode.window.showInformationMessage('Attaché found no other mention to annotate: each one has been decided already.');
  if (r?.unreadable.length) {
    const names = r.unreadable.map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u))).join(', ');
    void vscode.window.showWarningMessage(`Attaché did not annotate ${names}: the annotation file does not parse (or lists its annotations in flow style). Fix it and run the command again.`);
  }
  return r;
}
