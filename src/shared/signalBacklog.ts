/**
 * Signals that cannot be delivered yet: on the server, those for a participant whose connection
 * dropped; in the client, those we send while our own connection to the host is down. Both keep
 * the same rule: they go out in order, a newer description from (or to) a peer makes everything
 * queued before it for that peer stale (an older offer and its candidates) so it is dropped,
 * never delivered late, and an outage cannot grow the backlog without bound.
 */
import type { SignalPayload } from './protocol';

/** A few ICE restarts' worth. */
export const MAX_BACKLOG_SIGNALS = 256;

export class SignalBacklog<T extends { payload: SignalPayload }> {
  private items: T[] = [];

  /** `peerOf` names the other end of each item: the recipient in the client, the sender on the server. */
  constructor(private readonly peerOf: (item: T) => string) {}

  push(item: T): void {
    if (item.payload.kind === 'description') {
      const peer = this.peerOf(item);
      this.items = this.items.filter((earlier) => this.peerOf(earlier) !== peer);
    }
    this.items.push(item);
    if (this.items.length > MAX_BACKLOG_SIGNALS) this.items.shift();
  }

  /** Everything for this peer is moot (it left, or we start afresh with it). */
  forget(peerId: string): void {
    this.items = this.items.filter((item) => this.peerOf(item) !== peerId);
  }

  drain(): T[] {
    return this.items.splice(0);
  }

  get size(): number {
    return this.items.length;
  }
}
