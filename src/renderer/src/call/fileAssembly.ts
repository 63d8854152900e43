/**
 * The byte work of a file transfer: the digest a file is offered with, and on the receiving side
 * the file put together again as it arrives, with the same digest worked out as it comes.
 *
 * The digest is the SHA-256 of the SHA-256s of the file's 1 MiB blocks
 * (FILE_LIMITS.digestBlockBytes), in order; of nothing, for an empty file. Block by block because
 * WebCrypto, the browser's native SHA-256 (64 MB in about 100 ms here against about 380 ms for
 * noble-hashes' JavaScript; Chromium runs it on the calling thread), can only hash bytes held whole
 * in memory: a whole file of a gigabyte would be a gigabyte more. A change to any byte changes its
 * block's SHA-256 and so the digest, as with a plain SHA-256 of the file.
 */
import { FILE_LIMITS } from '../../../shared/collaboration';

const { digestBlockBytes, readBytes } = FILE_LIMITS;
/** Block hashes under way at once while a file is read for its digest (bounds the copies held). */
const DIGESTS_IN_FLIGHT = 8;

const sha256 = (bytes: BufferSource): Promise<ArrayBuffer> => crypto.subtle.digest('SHA-256', bytes);

async function combine(blockDigests: Promise<ArrayBuffer>[]): Promise<string> {
  const digests = await Promise.all(blockDigests);
  const joined = new Uint8Array(digests.length * 32);
  digests.forEach((digest, index) => joined.set(new Uint8Array(digest), index * 32));
  return [...new Uint8Array(await sha256(joined))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A file's bytes, FILE_LIMITS.readBytes at a time (one Blob read each), with where each starts. */
export async function* readBlocks(file: Blob): AsyncGenerator<{ offset: number; bytes: Uint8Array<ArrayBuffer> }> {
  for (let offset = 0; offset < file.size; offset += readBytes) {
    yield { offset, bytes: new Uint8Array(await file.slice(offset, offset + readBytes).arrayBuffer()) };
  }
}

/** The digest of a file (see above), read FILE_LIMITS.readBytes at a time. */
export async function fileDigest(file: Blob): Promise<string> {
  const blockDigests: Promise<ArrayBuffer>[] = [];
  for await (const { bytes } of readBlocks(file)) {
    // readBytes is a whole number of digest blocks, so every read but the last holds whole ones.
    for (let start = 0; start < bytes.byteLength; start += digestBlockBytes) {
      blockDigests.push(sha256(bytes.subarray(start, start + digestBlockBytes)));
      if (blockDigests.length > DIGESTS_IN_FLIGHT) await blockDigests[blockDigests.length - 1 - DIGESTS_IN_FLIGHT];
    }
  }
  return combine(blockDigests);
}

/**
 * A file as it arrives, in chunks of any size: gathered into a buffer of FILE_LIMITS.readBytes,
 * each digest block hashed as it fills, each full buffer kept as a Blob (which the browser may keep
 * on disk), so no copy of the whole file stays in the page's memory.
 */
export class FileAssembly {
  /** Made on the first chunk; reused, as WebCrypto and Blob both copy what they are given. */
  private buffer: Uint8Array<ArrayBuffer> | undefined;
  private filled = 0;
  /** How much of the buffer's bytes are hashed. */
  private hashed = 0;
  private blobs: Blob[] = [];
  private blockDigests: Promise<ArrayBuffer>[] = [];

  add(chunk: ArrayBuffer): void {
    const buffer = (this.buffer ??= new Uint8Array(readBytes));
    let bytes = new Uint8Array(chunk);
    while (bytes.byteLength > 0) {
      const taken = Math.min(bytes.byteLength, readBytes - this.filled);
      buffer.set(bytes.subarray(0, taken), this.filled);
      this.filled += taken;
      bytes = bytes.subarray(taken);
      while (this.filled - this.hashed >= digestBlockBytes) this.hashBlock(this.hashed + digestBlockBytes);
      if (this.filled === readBytes) this.keepBuffer();
    }
  }

  /** The whole file and the digest of what arrived. */
  async finish(mime: string): Promise<{ file: Blob; digest: string }> {
    if (this.filled > this.hashed) this.hashBlock(this.filled);
    if (this.filled > 0) this.keepBuffer();
    return { file: new Blob(this.blobs, { type: mime }), digest: await combine(this.blockDigests) };
  }

  /** The transfer ended without a file: let go of what arrived. */
  discard(): void {
    this.buffer = undefined;
    this.filled = this.hashed = 0;
    this.blobs = [];
    this.blockDigests = [];
  }

  private hashBlock(end: number): void {
    this.blockDigests.push(sha256(this.buffer!.subarray(this.hashed, end)));
    this.hashed = end;
  }

  private keepBuffer(): void {
    this.blobs.push(new Blob([this.buffer!.subarray(0, this.filled)]));
    this.filled = this.hashed = 0;
  }
}
