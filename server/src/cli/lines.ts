/**
 * The lines of a stream, for the JSON Lines commands: split on LF (a CR before it is dropped),
 * decoded as UTF-8, a last line without LF included, a BOM at the very start ignored. Faster than
 * `node:readline` on long lines (articles of many kilobytes): each line is decoded once from the
 * chunk that holds it. A line that is not well-formed UTF-8 is yielded as `InvalidUtf8` (with the
 * offset of its first bad byte), so the caller can report it rather than read replacement
 * characters into the text.
 */

import { Readable } from 'node:stream';
import { firstInvalidUtf8 } from '../node/files';

export class InvalidUtf8 {
  constructor(readonly byte: number) {}
}

function decode(b: Buffer): string | InvalidUtf8 {
  let s = b.toString('utf8');
  // A replacement character is rare in real text: only then are the bytes checked.
  if (s.includes('\uFFFD')) {
    const at = firstInvalidUtf8(b);
    if (at < b.length) return new InvalidUtf8(at);
  }
  if (s.endsWith('\r')) s = s.slice(0, -1);
  return s;
}

export async function* readLines(input: Readable): AsyncGenerator<string | InvalidUtf8> {
  let pending: Buffer[] = [];
  let first = true;
  for await (const chunk of input) {
    let buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    if (first && buf.length) {
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (pending.length) {
        pending.push(buf.subarray(start, nl));
        yield decode(Buffer.concat(pending));
        pending = [];
      } else yield decode(buf.subarray(start, nl));
      start = nl + 1;
    }
    if (start < buf.length) pending.push(buf.subarray(start));
  }
  if (pending.length) yield decode(Buffer.concat(pending));
}
