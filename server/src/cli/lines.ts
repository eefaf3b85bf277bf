/**
 * The lines of a stream, for the JSON Lines commands: split on LF (a CR before it is dropped),
 * decoded as UTF-8, a last line without LF included. Faster than `node:readline` on long lines
 * (articles of many kilobytes): each line is decoded once from the chunk that holds it.
 */

import { Readable } from 'node:stream';

export async function* readLines(input: Readable): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  const text = (parts: Buffer[]): string => {
    const s = parts.length === 1 ? parts[0].toString('utf8') : Buffer.concat(parts).toString('utf8');
    return s.endsWith('\r') ? s.slice(0, -1) : s;
  };
  for await (const chunk of input) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (pending.length) {
        pending.push(buf.subarray(start, nl));
        yield text(pending);
        pending = [];
      } else {
        const s = buf.toString('utf8', start, nl);
        yield s.endsWith('\r') ? s.slice(0, -1) : s;
      }
      start = nl + 1;
    }
    if (start < buf.length) pending.push(buf.subarray(start));
  }
  if (pending.length) yield text(pending);
}
