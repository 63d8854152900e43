/**
 * The file digest (SHA-256 of the SHA-256s of 1 MiB blocks) against Node's own SHA-256, and a file
 * put together from chunks of any size against the file itself.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../../shared/collaboration';
import { FileAssembly, fileDigest } from './fileAssembly';

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

/** The digest worked out independently: each block's SHA-256 by Node, then theirs. */
function expectedDigest(content: Uint8Array): string {
  const blockDigests: Buffer[] = [];
  for (let start = 0; start < content.byteLength; start += FILE_LIMITS.digestBlockBytes) {
    blockDigests.push(sha256(content.subarray(start, start + FILE_LIMITS.digestBlockBytes)));
  }
  return sha256(Buffer.concat(blockDigests)).toString('hex');
}

const content = new Uint8Array(2.5 * FILE_LIMITS.readBytes + 12_345).map((_, i) => (i * 13) % 256);

describe('fileDigest', () => {
  it('is the SHA-256 of the SHA-256s of the file’s 1 MiB blocks, in order', async () => {
    expect(FILE_LIMITS.readBytes % FILE_LIMITS.digestBlockBytes).toBe(0);
    expect(await fileDigest(new Blob([content]))).toBe(expectedDigest(content));
    expect(await fileDigest(new Blob([content.subarray(0, 100)]))).toBe(expectedDigest(content.subarray(0, 100)));
    // An empty file has no blocks: the SHA-256 of nothing.
    expect(await fileDigest(new Blob([]))).toBe(createHash('sha256').digest('hex'));
  });

  it('changes when any one byte does', async () => {
    const changed = content.slice();
    changed[3 * FILE_LIMITS.digestBlockBytes + 7]! ^= 1;
    expect(await fileDigest(new Blob([changed]))).not.toBe(await fileDigest(new Blob([content])));
  });
});

describe('FileAssembly', () => {
  it('puts chunks of any size back into the same bytes, with the same digest', async () => {
    for (const chunkBytes of [16 * 1024, 64 * 1024, 7_777, 3 * FILE_LIMITS.readBytes]) {
      const assembly = new FileAssembly();
      for (let start = 0; start < content.byteLength; start += chunkBytes) assembly.add(content.slice(start, start + chunkBytes).buffer);
      const { file, digest } = await assembly.finish('application/octet-stream');
      expect(file.type).toBe('application/octet-stream');
      // (Buffer.equals: a deep toEqual over ten million elements takes minutes.)
      expect(Buffer.from(await file.arrayBuffer()).equals(content)).toBe(true);
      expect(digest).toBe(expectedDigest(content));
    }
  });

  it('of nothing gives an empty file with the empty digest; discarded, it lets go of what arrived', async () => {
    expect(await new FileAssembly().finish('')).toMatchObject({ digest: createHash('sha256').digest('hex') });
    const assembly = new FileAssembly();
    assembly.add(content.slice(0, 100_000).buffer);
    assembly.discard();
    const { file, digest } = await assembly.finish('');
    expect(file.size).toBe(0);
    expect(digest).toBe(createHash('sha256').digest('hex'));
  });
});
