/** Waiting in the in-host tests: on events, never on fixed sleeps. */

import * as vscode from 'vscode';

/** Resolves with the first value of `get()` that satisfies `predicate`, checked now and on every `event`. */
export function when<T>(event: vscode.Event<unknown>, get: () => T, predicate: (v: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const v = get();
      if (!predicate(v)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(v);
    };
    const sub = event(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; now: ${JSON.stringify(get())}`));
    }, timeoutMs);
    check();
  });
}
