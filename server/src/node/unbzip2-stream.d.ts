/** The parts of `unbzip2-stream` that node/bunzip2.ts drives (the package types only its stream). */

declare module 'unbzip2-stream/lib/bit_iterator' {
  /** Reads `n` bits (`null`: skip to the next byte boundary) from the buffers `next` returns. */
  type BitReader = ((n: number | null) => number) & { bytesRead: number };
  function bitIterator(next: () => Buffer | undefined): BitReader;
  export = bitIterator;
}

declare module 'unbzip2-stream/lib/bzip2' {
  type BitReader = ((n: number | null) => number) & { bytesRead: number };
  const bzip2: {
    /** Reads a stream header (`BZh1`…`BZh9`); returns the block size in 100 kB. */
    header(bits: BitReader): number;
    /** Decodes one block into `stream`, returning the running stream CRC, or null at the end of the stream. */
    decompress(bits: BitReader, stream: (byte: number) => void, buf: Int32Array, bufsize: number, streamCRC: number | null): number | null;
  };
  export = bzip2;
}
