/**
 * The VS Code client: starts the bundled language server (`server/out/server.js`, the same file
 * `node server/out/server.js --stdio` runs) and connects it to article and registry documents.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'diplomatic-article' },
      { scheme: 'file', language: 'yaml', pattern: '**/registry{.yaml,/**/*.yaml}' },
    ],
  };
  client = new LanguageClient('attache', 'Attaché', serverOptions, clientOptions);
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
