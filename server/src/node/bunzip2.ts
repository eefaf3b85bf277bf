/**
 * bzip2 decompression as an async stream of bytes, for the Wikidata dumps
 * (`latest-all.json.bz2`). Node has no bzip2 in its standard library; the block decoder is
 * `unbzip2-stream`'s (its `lib/bzip2.js` and `lib/bit_iterator.js`), driven here rather than
 * through the package's own stream wrapper, which gathers each decompressed byte in a JavaScript
 * array and is about five times slower. Input is read only as fast as the output is taken, and
 * at most one compressed block (900 kB) and its output are held at a time, whatever the file's
 * size. Concatenated streams (as parallel compressors write them) are read one after another.
 */

import bzip2 from 'unbzip2-stream/lib/bzip2';
import bitIterator from 'unbzip2-stream/lib/bit_iterator';

/** Thrown when the data ends inside a stream. */
export class Bzip2CutOff extends Error {}

/** The decompressed bytes of `input`; throws on damaged data (a CRC mismatch, a bad block) and {@link Bzip2CutOff} on a cut-off file. */
export async function* bunzip2(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let received = 0;
  let bits: ReturnType<typeof bitIterator> | undefined;
  let blockSize = 0;
  let streamCRC: number | null = null;
  let work = new Int32Array(0);
  let out = Buffer.allocUnsafe(1 << 20);
  let n = 0;
  const put = (b: number): void => {
    if (n === out.length) {
      const bigger = Buffer.allocUnsafe(out.length * 2);
      out.copy(bigger, 0, 0, n);
      out = bigger;
    }
    out[n++] = b;
  };
  /** Decodes the next header or block; returns its output, if any. */
  const step = (): Buffer | undefined => {
    const read = bits!;
    try {
      if (!blockSize) {
        blockSize = bzip2.header(read);
        streamCRC = 0;
        if (work.length !== 100000 * blockSize) work = new Int32Array(100000 * blockSize);
        return undefined;
      }
      n = 0;
      streamCRC = bzip2.decompress(read, put, work, work.length, streamCRC);
    } catch (e) {
      // The bit reader runs past the last buffer of a cut-off file (reading from `undefined`).
      if (e instanceof TypeError) throw new Bzip2CutOff('the data ends inside a block');
      throw e instanceof Error ? e : new Error(String(e));
    }
    if (streamCRC === null) {
      blockSize = 0; // end of this stream: a next one may follow
      return undefined;
    }
    return Buffer.from(out.subarray(0, n));
  };
  // A block is decoded once enough bytes for the largest one are here (as unbzip2-stream does).
  const enough = (): boolean => received - bits!.bytesRead + 1 >= (25000 + 100000 * blockSize || 4);
  for await (const chunk of input) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!b.length) continue;
    queue.push(b);
    received += b.length;
    bits ??= bitIterator(() => queue.shift());
    while (enough()) {
      const block = step();
      if (block) yield block;
    }
  }
  while (bits && received > bits.bytesRead) {
    const block = step();
    if (block) yield block;
  }
  if (!bits) return;
  if (streamCRC !== null) throw new Bzip2CutOff('the data ends inside a stream');
}
