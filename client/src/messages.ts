/**
 * The client's side of the custom messages declared in `server/src/lsp/protocol.ts`: requests are
 * sent and notifications received only through these functions, typed by the declaration, so the
 * parameters and the result are the types the server's handler was written for.
 *
 * They go out by method name rather than as a `RequestType` object: the client library compares
 * a `RequestType`'s parameter structure by identity with its own copy of vscode-jsonrpc, and the
 * in-host tests load these modules beside the bundled client (two copies, "Unknown parameter
 * structure auto"). A method name means the same to every copy.
 */

import type { LanguageClient } from 'vscode-languageclient/node';
import type { Notification, Request } from '../../server/src/lsp/protocol';

/** Sends the custom request `r` with `params`; resolves to the server's answer. */
export function sendRequest<P, R>(client: LanguageClient, r: Request<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(r.method, params);
}

/** Calls `handler` with every notification `n` the server sends. */
export function onNotification<P>(client: LanguageClient, n: Notification<P>, handler: (params: P) => void): void {
  client.onNotification(n.method, handler);
}
