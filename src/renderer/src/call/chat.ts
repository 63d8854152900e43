/**
 * Chat over each peer's own ordered data channel. A message waits in a per-peer outbox until that
 * peer's channel is open (after a reconnection it opens again), and every message carries an id,
 * so a message is shown once however often it arrives.
 */
import { CHAT_LIMITS, parseChatMessage, type ChatMessage } from '../../../shared/collaboration';
import { Emitter } from './emitter';

export interface ChatTransport {
  peerIds(): string[];
  /** Sends on the peer's chat channel if open; false when it is not (the message then waits). */
  send(peerId: string, message: ChatMessage): boolean;
}

export interface ChatEntry extends ChatMessage {
  /** The sender's peer id, or null for our own messages. */
  from: string | null;
}

export class Chat extends Emitter<{ message: (entry: ChatEntry) => void }> {
  private readonly seen = new Set<string>();
  private readonly outbox = new Map<string, ChatMessage[]>();

  constructor(private readonly transport: ChatTransport) {
    super();
  }

  /** Sends to everyone in the call now (and to those whose channel opens later). */
  send(text: string): ChatEntry | undefined {
    const trimmed = text.trim();
    if (trimmed.length === 0 || trimmed.length > CHAT_LIMITS.textChars) return undefined;
    const message: ChatMessage = { type: 'chat', id: crypto.randomUUID(), text: trimmed, sentAt: Date.now() };
    this.seen.add(message.id);
    for (const peerId of this.transport.peerIds()) {
      if (!this.transport.send(peerId, message)) this.queue(peerId, message);
    }
    const entry = { ...message, from: null };
    this.emit('message', entry);
    return entry;
  }

  receive(peerId: string, raw: unknown): void {
    const message = parseChatMessage(raw);
    if (!message || this.seen.has(message.id)) return;
    this.seen.add(message.id);
    this.emit('message', { ...message, from: peerId });
  }

  channelOpened(peerId: string): void {
    const waiting = this.outbox.get(peerId) ?? [];
    this.outbox.delete(peerId);
    for (const message of waiting) if (!this.transport.send(peerId, message)) this.queue(peerId, message);
  }

  peerGone(peerId: string): void {
    this.outbox.delete(peerId);
  }

  private queue(peerId: string, message: ChatMessage): void {
    const waiting = this.outbox.get(peerId) ?? [];
    waiting.push(message);
    this.outbox.set(peerId, waiting);
  }
}
