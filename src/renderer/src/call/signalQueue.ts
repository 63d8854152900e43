/**
 * Signals we could not send because the connection to the host is down. They go out, in order,
 * once we are back in the room. A newer description to a peer makes everything queued before it
 * for that peer stale (an older offer and its candidates), so those are dropped, never sent late.
 */
import type { SignalPayload } from '../../../shared/protocol';

/** A few ICE restarts' worth; an outage cannot grow the queue without bound. */
export const MAX_QUEUED_SIGNALS = 256;

export interface QueuedSignal {
  to: string;
  payload: SignalPayload;
}

export class SignalQueue {
  private queued: QueuedSignal[] = [];

  push(signal: QueuedSignal): void {
    if (signal.payload.kind === 'description') {
      this.queued = this.queued.filter((earlier) => earlier.to !== signal.to);
    }
    this.queued.push(signal);
    if (this.queued.length > MAX_QUEUED_SIGNALS) this.queued.shift();
  }

  /** Everything for this peer is moot (it left, or we start afresh with it). */
  forget(peerId: string): void {
    this.queued = this.queued.filter((signal) => signal.to !== peerId);
  }

  drain(): QueuedSignal[] {
    return this.queued.splice(0);
  }

  get size(): number {
    return this.queued.length;
  }
}
