/**
 * Our side of "receivers say what they show": for each peer, how we show its camera (featured,
 * thumbnail, not shown; with the size), sent over the control channel when it changes and again
 * whenever the channel (re)opens. A resize storm (dragging a window) sends one message, and a
 * size that moved by less than a tenth sends none: the sender only needs the scale step.
 */
import type { PeerView } from '../../../shared/peerMessages';

export const VIEW_SETTLE_MS = 150;

export class ViewRequests {
  private readonly wanted = new Map<string, PeerView>();
  private readonly sent = new Map<string, PeerView>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** `send` answers whether the message went (false while the channel is not open). */
  constructor(private readonly send: (peerId: string, message: { type: 'view'; view: PeerView }) => boolean) {}

  set(peerId: string, view: PeerView): void {
    this.wanted.set(peerId, view);
    if (this.timers.has(peerId)) return;
    this.timers.set(
      peerId,
      setTimeout(() => {
        this.timers.delete(peerId);
        this.flush(peerId);
      }, VIEW_SETTLE_MS),
    );
  }

  /** The control channel to this peer is open (again): it learns how we show it. */
  channelOpened(peerId: string): void {
    this.sent.delete(peerId);
    this.flush(peerId);
  }

  forget(peerId: string): void {
    clearTimeout(this.timers.get(peerId));
    this.timers.delete(peerId);
    this.wanted.delete(peerId);
    this.sent.delete(peerId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private flush(peerId: string): void {
    const view = this.wanted.get(peerId);
    if (!view) return;
    const last = this.sent.get(peerId);
    if (last && !changedEnough(last, view)) return;
    if (this.send(peerId, { type: 'view', view })) this.sent.set(peerId, view);
  }
}

function changedEnough(before: PeerView, after: PeerView): boolean {
  if (before.shown !== after.shown) return true;
  if (after.shown === 'hidden') return false;
  return Math.abs(after.height - before.height) > before.height * 0.1 || Math.abs(after.width - before.width) > before.width * 0.1;
}
