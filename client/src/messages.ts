/**
 * The client's side of the custom messages declared in `server/src/lsp/protocol.ts`: requests are
 * sent and notifications received only through these functions, which turn a declaration into the
 * client library's `RequestType` / `NotificationType`, so the parameters and the result are the
 * types the server's handler was written for.
 */

import { LanguageClient, NotificationType } from 'vscode-languageclient/node';
import type { Notification, Request } from '../../server/src/lsp/protocol';

/** Sends the custom request `r` with `params`; resolves to the server's answer. */
export function sendRequest<P, R>(client: LanguageClient, r: Request<P, R>, params: P): Promise<R> {
  // By method name, not a RequestType instance: code compiled outside the bundle (the in-host
  // tests) has its own copy of vscode-jsonrpc, whose RequestType the bundled client rejects
  // ("Unknown parameter structure auto").
  return client.sendRequest<R>(r.method, params);
}

/** Calls `handler` with every notification `n` the server sends. */
export function onNotification<P>(client: LanguageClient, n: Notification<P>, handler: (params: P) => void): void {
  client.onNotification(new NotificationType<P>(n.method), handler);
}
