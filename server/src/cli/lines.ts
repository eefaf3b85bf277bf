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

/**
 * `readLines` in groups: the complete lines each chunk of the stream brings (at most `max` a
 * group), so that a caller can analyze them together (`mapLines`) without waiting for lines that
 * have not arrived: a group is yielded as soon as its chunk is read.
 */
export async function* readLineGroups(input: Readable, max: number): AsyncGenerator<(string | InvalidUtf8)[]> {
  let group: (string | InvalidUtf8)[] = [];
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
        group.push(decode(Buffer.concat(pending)));
        pending = [];
      } else group.push(decode(buf.subarray(start, nl)));
      start = nl + 1;
      if (group.length >= max) {
        yield group;
        group = [];
      }
    }
    if (start < buf.length) pending.push(buf.subarray(start));
    if (group.length) {
      yield group;
      group = [];
    }
  }
  if (pending.length) group.push(decode(Buffer.concat(pending)));
  if (group.length) yield group;
}

export async function* readLines(input: Readable): AsyncGenerator<string | InvalidUtf8> {
  for await (const group of readLineGroups(input, Infinity)) yield* group;
}
