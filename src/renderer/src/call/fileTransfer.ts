/**
 * Files sent peer to peer over each peer's file channel. The sender offers (name, size, type,
 * digest: SHA-256 of its blocks' SHA-256s, fileAssembly.ts); nothing moves until the receiver
 * accepts. The file then goes in chunks with back-pressure (`bufferedAmountLowThreshold`), the
 * receiver checks size and digest and says so, and either side may cancel at any moment: the
 * receiver then drops everything it had.
 *
 * One file streams to a peer at a time (others wait their turn); binary chunks belong to the file
 * announced by the last `file-begin`, which the ordered channel makes unambiguous.
 */
import { FILE_LIMITS, parseFileControl, type FileControl, type FileOffer } from '../../../shared/collaboration';
import type { Message } from '../../../shared/i18n/catalogs';
import { Emitter } from './emitter';
import { FileAssembly, fileDigest, readBlocks } from './fileAssembly';

/**
 * Progress is announced at most this often while bytes move (status changes always are): one
 * announcement per 16 KB chunk re-rendered the panel hundreds of times a second on both sides.
 */
export const PROGRESS_INTERVAL_MS = 100;

/** `preparing`: the sender is reading the file for its digest; the receiver does not know of it yet. */
export type TransferStatus = 'preparing' | 'offered' | 'waiting' | 'transferring' | 'complete' | 'declined' | 'cancelled' | 'failed';

export interface TransferInfo {
  id: string;
  peerId: string;
  direction: 'send' | 'receive';
  name: string;
  size: number;
  mime: string;
  /** Bytes sent or received so far. */
  bytes: number;
  status: TransferStatus;
  /** Why it failed or was cancelled, worded by the UI. */
  detail?: Message;
}

export interface FileTransport {
  /** The open file channel to this peer, or undefined. */
  channel(peerId: string): RTCDataChannel | undefined;
  /** The largest message the connection to this peer takes (SCTP's max-message-size), if known. */
  maxMessageSize?(peerId: string): number | undefined;
}

/**
 * Bytes per chunk for this connection: as large as both ends take, up to FILE_LIMITS.largeChunkBytes
 * (fewer messages cost less per byte on both sides), and never under the 16 KB every browser takes.
 */
export function chunkBytesFor(maxMessageSize: number | undefined): number {
  if (!maxMessageSize || !Number.isFinite(maxMessageSize)) return FILE_LIMITS.chunkBytes;
  return Math.max(FILE_LIMITS.chunkBytes, Math.min(FILE_LIMITS.largeChunkBytes, maxMessageSize));
}

type FileEvents = {
  change: (info: TransferInfo) => void;
  /** A complete, verified file. */
  received: (info: TransferInfo, file: Blob) => void;
};

interface Outgoing {
  info: TransferInfo;
  file: Blob;
  accepted: Promise<boolean>;
  settle: (accepted: boolean) => void;
}

interface Incoming {
  info: TransferInfo;
  /** What the sender says the file's digest is (fileAssembly.ts). */
  digest: string;
  /** What arrived so far, hashed as it came. */
  assembly: FileAssembly;
}

export class FileTransfers extends Emitter<FileEvents> {
  private readonly outgoing = new Map<string, Outgoing>();
  private readonly incoming = new Map<string, Incoming>();
  /** Per peer: the file whose chunks are arriving now. */
  private readonly streamingFrom = new Map<string, string>();
  /** Per peer: the chain of sends, so one file streams at a time. */
  private readonly sendQueue = new Map<string, Promise<void>>();
  /** Per transfer: when its progress was last announced. */
  private readonly progressAnnouncedAt = new Map<string, number>();
  /** Per file: its digest, worked out once however many peers it is sent to. */
  private readonly digests = new WeakMap<Blob, Promise<string>>();

  constructor(private readonly transport: FileTransport) {
    super();
  }

  /** Offers a file to a peer; it streams once accepted. Returns the transfer id. */
  async send(peerId: string, file: Blob, name: string): Promise<string> {
    const id = crypto.randomUUID();
    const info: TransferInfo = { id, peerId, direction: 'send', name, size: file.size, mime: file.type, bytes: 0, status: 'preparing' };
    if (file.size > FILE_LIMITS.maxFileBytes) {
      this.update(info, { status: 'failed', detail: { key: 'collab.transfer.tooLarge' } });
      return id;
    }
    let settle: (accepted: boolean) => void = () => undefined;
    const accepted = new Promise<boolean>((resolve) => (settle = resolve));
    const transfer: Outgoing = { info, file, accepted, settle };
    this.outgoing.set(id, transfer);
    this.update(info, {});
    let digest = this.digests.get(file);
    if (!digest) this.digests.set(file, (digest = fileDigest(file)));
    let sha256Blocks: string;
    try {
      sha256Blocks = await digest;
    } catch (error) {
      // Moved, deleted or unreadable since it was chosen; read it afresh if it is sent again.
      this.digests.delete(file);
      this.finishOutgoing(transfer, 'failed', { key: 'collab.transfer.unreadable', values: { detail: (error as Error).message } });
      return id;
    }
    if (info.status !== 'preparing') return id; // cancelled, or the peer left, while the file was read
    const offer: FileOffer = { type: 'file-offer', id, name, size: file.size, mime: file.type.slice(0, 128), sha256Blocks };
    if (!this.control(peerId, offer)) {
      this.finishOutgoing(transfer, 'failed', { key: 'collab.transfer.notConnected' });
      return id;
    }
    this.update(info, { status: 'waiting' });
    const previous = this.sendQueue.get(peerId) ?? Promise.resolve();
    const next = previous.then(() => this.stream(transfer));
    this.sendQueue.set(peerId, next.catch(() => undefined));
    return id;
  }

  accept(id: string): void {
    const transfer = this.incoming.get(id);
    if (!transfer || transfer.info.status !== 'offered') return;
    this.control(transfer.info.peerId, { type: 'file-accept', id });
    this.update(transfer.info, { status: 'transferring' });
  }

  decline(id: string): void {
    const transfer = this.incoming.get(id);
    if (!transfer || transfer.info.status !== 'offered') return;
    this.control(transfer.info.peerId, { type: 'file-decline', id });
    this.dropIncoming(transfer, 'declined');
  }

  /** Stops a transfer in either direction; the receiver keeps nothing. */
  cancel(id: string): void {
    const out = this.outgoing.get(id);
    if (out && isActiveTransfer(out.info.status)) {
      // Nothing to tell a peer that was never offered it.
      if (out.info.status !== 'preparing') this.control(out.info.peerId, { type: 'file-cancel', id });
      this.finishOutgoing(out, 'cancelled', { key: 'collab.transfer.youCancelled' });
    }
    const inc = this.incoming.get(id);
    if (inc && isActiveTransfer(inc.info.status)) {
      this.control(inc.info.peerId, { type: 'file-cancel', id });
      this.dropIncoming(inc, 'cancelled', { key: 'collab.transfer.youCancelled' });
    }
  }

  /** Data from a peer's file channel: control messages as text, chunks as binary. */
  receive(peerId: string, data: unknown): void {
    if (data instanceof ArrayBuffer) return this.receiveChunk(peerId, data);
    const message = parseFileControl(data);
    if (message) void this.receiveControl(peerId, message);
  }

  /** The peer left or its connection was replaced: nothing in flight with it can finish. */
  peerGone(peerId: string): void {
    for (const out of this.outgoing.values()) {
      if (out.info.peerId === peerId && isActiveTransfer(out.info.status)) this.finishOutgoing(out, 'failed', { key: 'collab.transfer.participantLeft' });
    }
    for (const inc of this.incoming.values()) {
      if (inc.info.peerId === peerId && isActiveTransfer(inc.info.status)) this.dropIncoming(inc, 'failed', { key: 'collab.transfer.participantLeft' });
    }
    this.streamingFrom.delete(peerId);
  }

  private async receiveControl(peerId: string, message: FileControl): Promise<void> {
    if (message.type === 'file-offer') {
      if (this.incoming.has(message.id) || this.outgoing.has(message.id)) return;
      const info: TransferInfo = {
        id: message.id,
        peerId,
        direction: 'receive',
        name: message.name,
        size: message.size,
        mime: message.mime,
        bytes: 0,
        status: 'offered',
      };
      this.incoming.set(message.id, { info, digest: message.sha256Blocks, assembly: new FileAssembly() });
      this.update(info, {});
      return;
    }
    const out = this.outgoing.get(message.id);
    const inc = this.incoming.get(message.id);
    // Messages about a transfer must come from the peer it is with.
    if (out && out.info.peerId === peerId) {
      if (message.type === 'file-accept') out.settle(true);
      if (message.type === 'file-decline') {
        out.settle(false);
        this.finishOutgoing(out, 'declined', { key: 'collab.transfer.theyDeclined' });
      }
      if (message.type === 'file-cancel' && isActiveTransfer(out.info.status)) {
        out.settle(false);
        this.finishOutgoing(out, 'cancelled', { key: 'collab.transfer.theyCancelled' });
      }
      if (message.type === 'file-received') {
        this.finishOutgoing(out, message.verified ? 'complete' : 'failed', message.verified ? undefined : { key: 'collab.transfer.damaged' });
      }
      return;
    }
    if (inc && inc.info.peerId === peerId) {
      if (message.type === 'file-begin' && inc.info.status === 'transferring') this.streamingFrom.set(peerId, message.id);
      if (message.type === 'file-cancel' && isActiveTransfer(inc.info.status)) this.dropIncoming(inc, 'cancelled', { key: 'collab.transfer.theyCancelled' });
      if (message.type === 'file-end' && inc.info.status === 'transferring') await this.complete(inc);
    }
  }

  private receiveChunk(peerId: string, chunk: ArrayBuffer): void {
    const id = this.streamingFrom.get(peerId);
    const inc = id === undefined ? undefined : this.incoming.get(id);
    if (!inc || inc.info.status !== 'transferring') return; // a chunk still in flight after a cancel
    if (inc.info.bytes + chunk.byteLength > inc.info.size) {
      this.control(peerId, { type: 'file-cancel', id: inc.info.id });
      this.dropIncoming(inc, 'failed', { key: 'collab.transfer.tooMuchData' });
      return;
    }
    inc.assembly.add(chunk);
    this.progress(inc.info, inc.info.bytes + chunk.byteLength);
  }

  private async complete(inc: Incoming): Promise<void> {
    this.streamingFrom.delete(inc.info.peerId);
    let file: Blob;
    let digest: string;
    try {
      ({ file, digest } = await inc.assembly.finish(inc.info.mime));
    } catch (error) {
      if (inc.info.status !== 'transferring') return;
      this.control(inc.info.peerId, { type: 'file-cancel', id: inc.info.id });
      return this.dropIncoming(inc, 'failed', { key: 'collab.transfer.receivingStopped', values: { detail: (error as Error).message } });
    }
    if (inc.info.status !== 'transferring') return; // cancelled, or the peer left, while it was put together
    const verified = file.size === inc.info.size && digest === inc.digest;
    this.control(inc.info.peerId, { type: 'file-received', id: inc.info.id, verified });
    if (!verified) return this.dropIncoming(inc, 'failed', { key: 'collab.transfer.checksumMismatch' });
    this.update(inc.info, { status: 'complete' });
    this.emit('received', inc.info, file);
  }

  private async stream(transfer: Outgoing): Promise<void> {
    const { info, file } = transfer;
    if (!(await transfer.accepted) || info.status !== 'waiting') return;
    const channel = this.transport.channel(info.peerId);
    if (!channel) return this.finishOutgoing(transfer, 'failed', { key: 'collab.transfer.notConnected' });
    this.update(info, { status: 'transferring' });
    channel.bufferedAmountLowThreshold = FILE_LIMITS.lowWaterBytes;
    const chunkBytes = chunkBytesFor(this.transport.maxMessageSize?.(info.peerId));
    this.control(info.peerId, { type: 'file-begin', id: info.id });
    // Either side may cancel while we wait on the channel; check again after every wait.
    const stillSending = (): boolean => info.status === 'transferring';
    try {
      for await (const { offset, bytes: block } of readBlocks(file)) {
        for (let start = 0; start < block.byteLength; start += chunkBytes) {
          if (!stillSending()) return;
          if (channel.bufferedAmount > FILE_LIMITS.highWaterBytes) await drained(channel);
          if (!stillSending()) return;
          const chunk = block.subarray(start, start + chunkBytes);
          channel.send(chunk);
          this.progress(info, offset + start + chunk.byteLength);
        }
      }
      this.control(info.peerId, { type: 'file-end', id: info.id });
    } catch (error) {
      this.finishOutgoing(transfer, 'failed', { key: 'collab.transfer.sendingStopped', values: { detail: (error as Error).message } });
    }
  }

  private control(peerId: string, message: FileControl): boolean {
    const channel = this.transport.channel(peerId);
    if (!channel) return false;
    channel.send(JSON.stringify(message));
    return true;
  }

  private finishOutgoing(transfer: Outgoing, status: TransferStatus, detail?: Message): void {
    transfer.settle(false);
    this.update(transfer.info, { status, detail, ...(status === 'complete' ? { bytes: transfer.info.size } : {}) });
  }

  private dropIncoming(inc: Incoming, status: TransferStatus, detail?: Message): void {
    inc.assembly.discard();
    if (this.streamingFrom.get(inc.info.peerId) === inc.info.id) this.streamingFrom.delete(inc.info.peerId);
    this.update(inc.info, { status, detail });
  }

  private update(info: TransferInfo, change: Partial<TransferInfo>): void {
    Object.assign(info, change);
    if (!isActiveTransfer(info.status)) this.progressAnnouncedAt.delete(info.id);
    else if (change.bytes !== undefined) this.progressAnnouncedAt.set(info.id, performance.now());
    this.emit('change', { ...info });
  }

  /** Bytes moved: counted at once, announced every PROGRESS_INTERVAL_MS and when the last byte moved. */
  private progress(info: TransferInfo, bytes: number): void {
    const last = this.progressAnnouncedAt.get(info.id) ?? -Infinity;
    if (bytes < info.size && performance.now() - last < PROGRESS_INTERVAL_MS) info.bytes = bytes;
    else this.update(info, { bytes });
  }
}

/** Still going: it may yet finish, or be cancelled. */
export const isActiveTransfer = (status: TransferStatus): boolean =>
  status === 'preparing' || status === 'offered' || status === 'waiting' || status === 'transferring';

function drained(channel: RTCDataChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      channel.removeEventListener('bufferedamountlow', done);
      channel.removeEventListener('close', closed);
      resolve();
    };
    const closed = (): void => {
      channel.removeEventListener('bufferedamountlow', done);
      reject(new Error('the connection closed'));
    };
    channel.addEventListener('bufferedamountlow', done);
    channel.addEventListener('close', closed, { once: true });
  });
}
