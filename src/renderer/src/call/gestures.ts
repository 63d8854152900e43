/**
 * Raise hand and reactions, over the control channel like the media state: every message is
 * validated (peerMessages.ts) before it gets here. Hands keep one order on every screen (hands.ts);
 * only the host may lower someone else's hand; each participant's reactions are rate-limited at
 * every receiver, so one who floods disturbs nobody.
 */
import type { PeerMessage, Reaction } from '../../../shared/peerMessages';
import { Emitter } from './emitter';
import { HandQueue, ReactionLimiter, SELF } from './hands';

export type GestureEvents = {
  /** Who has a hand up now, first raised first (SELF for us). */
  hands: (order: string[]) => void;
  reaction: (peerId: string, emoji: Reaction) => void;
  /** The host lowered our hand. */
  'lowered-by-host': () => void;
};

type GestureMessage = Extract<PeerMessage, { type: 'hand' | 'lower-hand' | 'reaction' }>;

export interface GesturesOptions {
  broadcast: (message: GestureMessage) => void;
  sendTo: (peerId: string, message: GestureMessage) => void;
  /** Whether this peer hosts the room (the server says so); only the host lowers others' hands. */
  isHost: (peerId: string) => boolean;
  selfId: () => string;
}

export class Gestures extends Emitter<GestureEvents> {
  private readonly queue = new HandQueue();
  private readonly limiter = new ReactionLimiter();
  private ownSeq: number | null = null;

  constructor(private readonly options: GesturesOptions) {
    super();
  }

  raiseHand(raised: boolean): void {
    if (raised === (this.ownSeq !== null)) return;
    if (raised) this.ownSeq = this.queue.raiseOwn();
    else {
      this.ownSeq = null;
      this.queue.set(SELF, false, 0);
    }
    this.options.broadcast({ type: 'hand', raised, seq: this.ownSeq ?? 0 });
    this.changed();
  }

  handRaised(): boolean {
    return this.ownSeq !== null;
  }

  /** Host only (the others ignore it from anyone else). */
  lowerHandOf(peerId: string): void {
    this.options.broadcast({ type: 'lower-hand', peerId });
    this.queue.set(peerId, false, 0);
    this.changed();
  }

  react(emoji: Reaction): void {
    this.options.broadcast({ type: 'reaction', emoji });
    this.emit('reaction', SELF, emoji);
  }

  receive(from: string, message: GestureMessage): void {
    if (message.type === 'hand') {
      this.queue.set(from, message.raised, message.seq);
      return this.changed();
    }
    if (message.type === 'reaction') {
      if (this.limiter.allow(from)) this.emit('reaction', from, message.emoji);
      return;
    }
    if (!this.options.isHost(from)) return;
    if (message.peerId === this.options.selfId()) {
      if (this.ownSeq === null) return;
      this.raiseHand(false);
      this.emit('lowered-by-host');
      return;
    }
    this.queue.set(message.peerId, false, 0);
    this.changed();
  }

  /** A newcomer (or a peer back after a restart) learns that our hand is up. */
  channelOpened(peerId: string): void {
    if (this.ownSeq !== null) this.options.sendTo(peerId, { type: 'hand', raised: true, seq: this.ownSeq });
  }

  peerGone(peerId: string): void {
    this.queue.forget(peerId);
    this.changed();
  }

  private changed(): void {
    this.emit('hands', this.queue.order(this.options.selfId()));
  }
}
