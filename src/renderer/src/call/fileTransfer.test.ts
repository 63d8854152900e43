/**
 * The transfer protocol's bookkeeping between two FileTransfers joined by an in-memory ordered
 * channel (real media and real data channels are in e2e/collaboration.spec.ts).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { FILE_LIMITS } from '../../../shared/collaboration';
import { FileAssembly, fileDigest } from './fileAssembly';
import { chunkBytesFor, FileTransfers, type TransferInfo } from './fileTransfer';

/** A pair of ordered channels delivering asynchronously, enough of RTCDataChannel for the sender. */
function link() {
  // Side 0 is Ada, side 1 is Grace; each knows the other by name.
  const sides: { transfers?: FileTransfers; peerName: string }[] = [{ peerName: 'ada' }, { peerName: 'grace' }];
  const channelTo = (to: number) =>
    ({
      bufferedAmount: 0,
      bufferedAmountLowThreshold: 0,
      send: (data: string | ArrayBuffer | ArrayBufferView) => {
        // What arrives is always a fresh ArrayBuffer of the bytes sent, as with binaryType 'arraybuffer'.
        const copy = typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer : data.slice(0);
        queueMicrotask(() => sides[to]!.transfers!.receive(sides[1 - to]!.peerName, copy));
      },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }) as unknown as RTCDataChannel;
  const ada = new FileTransfers({ channel: () => channelTo(1) });
  const grace = new FileTransfers({ channel: () => channelTo(0) });
  sides[0]!.transfers = ada;
  sides[1]!.transfers = grace;
  const seenBy = (transfers: FileTransfers) => {
    const seen: TransferInfo[] = [];
    transfers.on('change', (info) => seen.push(info));
    return seen;
  };
  const adaSeen = seenBy(ada);
  const graceSeen = seenBy(grace);
  return { ada, grace, adaSeen, graceSeen, adaLast: () => adaSeen.at(-1), graceLast: () => graceSeen.at(-1) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('FileTransfers', () => {
  it('offers, waits for accept, streams in chunks and delivers a verified file', async () => {
    const { ada, grace, adaLast, graceLast } = link();
    const received: Blob[] = [];
    grace.on('received', (_info, file) => received.push(file));
    const content = new Uint8Array(100_000).map((_, i) => i % 251);
    const id = await ada.send('grace', new Blob([content]), 'data.bin');
    await settle();
    expect(graceLast()).toMatchObject({ id, status: 'offered', size: 100_000, name: 'data.bin' });
    expect(adaLast()).toMatchObject({ status: 'waiting', bytes: 0 });

    grace.accept(id);
    await settle();
    expect(graceLast()).toMatchObject({ status: 'complete', bytes: 100_000 });
    expect(adaLast()).toMatchObject({ status: 'complete', bytes: 100_000 });
    expect(await fileDigest(received[0]!)).toBe(await fileDigest(new Blob([content])));
  });

  it('reads the file in blocks, sends it in 16 KB chunks and announces progress a few times, not per chunk', async () => {
    const { ada, grace, adaSeen, graceSeen, graceLast } = link();
    const received: Blob[] = [];
    grace.on('received', (_info, file) => received.push(file));
    // 2.5 reads of the file, the last chunk short.
    const size = 2.5 * FILE_LIMITS.readBytes + 100;
    const content = new Uint8Array(size).map((_, i) => (i * 7) % 256);
    const id = await ada.send('grace', new Blob([content]), 'big.bin');
    await settle();
    grace.accept(id);
    await vi.waitFor(() => expect(graceLast()).toMatchObject({ status: 'complete', bytes: size }));
    expect(await fileDigest(received[0]!)).toBe(await fileDigest(new Blob([content])));
    const progressAnnounced = (seen: TransferInfo[]) => seen.filter((info) => info.status === 'transferring' && info.bytes > 0);
    const chunks = Math.ceil(size / FILE_LIMITS.chunkBytes);
    // In-memory delivery takes well under PROGRESS_INTERVAL_MS: the first and the last byte count.
    for (const seen of [adaSeen, graceSeen]) {
      expect(progressAnnounced(seen).length).toBeLessThan(chunks / 10);
      expect(progressAnnounced(seen).at(-1)?.bytes).toBe(size);
    }
  });

  it('sends chunks as large as the connection takes (up to 64 KB), never under 16 KB', () => {
    expect(chunkBytesFor(262_144)).toBe(64 * 1024);
    expect(chunkBytesFor(32 * 1024)).toBe(32 * 1024);
    expect(chunkBytesFor(8 * 1024)).toBe(16 * 1024);
    expect(chunkBytesFor(undefined)).toBe(16 * 1024);
    expect(chunkBytesFor(Number.POSITIVE_INFINITY)).toBe(16 * 1024);
  });

  it('a file whose bytes do not match the offered SHA-256 is refused as damaged, and not delivered', async () => {
    const { grace, graceLast } = link();
    const received: Blob[] = [];
    grace.on('received', (_info, file) => received.push(file));
    const id = 'transfer-damaged-1';
    const wrongDigest = createHash('sha256').update('something else').digest('hex');
    grace.receive('ada', JSON.stringify({ type: 'file-offer', id, name: 'a.bin', size: 5, mime: '', sha256Blocks: wrongDigest }));
    await settle();
    grace.accept(id);
    grace.receive('ada', JSON.stringify({ type: 'file-begin', id }));
    grace.receive('ada', new TextEncoder().encode('hello').buffer);
    grace.receive('ada', JSON.stringify({ type: 'file-end', id }));
    await settle();
    expect(graceLast()).toMatchObject({ status: 'failed', detail: { key: 'collab.transfer.checksumMismatch' } });
    expect(received).toEqual([]);
  });

  it('a file that cannot be put together on arrival fails with the reason on the receiver, and the sender is told', async () => {
    const { ada, grace, adaLast, graceLast } = link();
    const received: Blob[] = [];
    grace.on('received', (_info, file) => received.push(file));
    const finish = vi.spyOn(FileAssembly.prototype, 'finish').mockRejectedValue(new Error('No space left for the file'));
    try {
      const id = await ada.send('grace', new Blob(['hello']), 'a.txt');
      await settle();
      grace.accept(id);
      await vi.waitFor(() => expect(graceLast()).toMatchObject({ status: 'failed', detail: { key: 'collab.transfer.receivingStopped', values: { detail: 'No space left for the file' } } }));
      await vi.waitFor(() => expect(adaLast()).toMatchObject({ status: 'cancelled', detail: { key: 'collab.transfer.theyCancelled' } }));
      expect(received).toEqual([]);
    } finally {
      finish.mockRestore();
    }
  });

  it('a file that can no longer be read fails with the reason, instead of staying offered', async () => {
    const { ada, adaLast } = link();
    const unreadable = new Blob(['gone']);
    unreadable.slice = () => ({ arrayBuffer: () => Promise.reject(new Error('The file was moved')) }) as unknown as Blob;
    await ada.send('grace', unreadable, 'gone.txt');
    expect(adaLast()).toMatchObject({ status: 'failed', detail: { key: 'collab.transfer.unreadable', values: { detail: 'The file was moved' } } });
  });

  it('a file cancelled while it is still being read is never offered', async () => {
    const { ada, adaSeen, graceLast } = link();
    const sending = ada.send('grace', new Blob([new Uint8Array(3 * FILE_LIMITS.readBytes)]), 'big.bin');
    expect(adaSeen.at(-1)).toMatchObject({ status: 'preparing' });
    ada.cancel(adaSeen.at(-1)!.id);
    await sending;
    await settle();
    expect(adaSeen.at(-1)).toMatchObject({ status: 'cancelled' });
    expect(graceLast()).toBeUndefined();
  });

  it('a decline stops it before anything moves', async () => {
    const { ada, grace, adaLast } = link();
    const id = await ada.send('grace', new Blob(['hello']), 'a.txt');
    await settle();
    grace.decline(id);
    await settle();
    expect(adaLast()).toMatchObject({ status: 'declined', bytes: 0 });
  });

  it('ignores messages about a transfer from anyone but its peer, and chunks nobody asked for', async () => {
    const { ada, grace, graceLast } = link();
    const id = await ada.send('grace', new Blob(['hello']), 'a.txt');
    await settle();
    grace.receive('mallory', JSON.stringify({ type: 'file-cancel', id }));
    grace.receive('mallory', new ArrayBuffer(10));
    expect(graceLast()).toMatchObject({ status: 'offered' });
  });

  it('a peer that leaves fails what was in flight with it', async () => {
    const { ada, adaLast } = link();
    await ada.send('grace', new Blob(['hello']), 'a.txt');
    ada.peerGone('grace');
    expect(adaLast()).toMatchObject({ status: 'failed', detail: { key: 'collab.transfer.participantLeft' } });
  });
});
