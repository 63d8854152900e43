/**
 * Raised hands, in the order they went up, the same on every screen: each raise carries a number
 * one higher than any its raiser has seen, and hands are sorted by it (ties by peer id). And a
 * limit on how often each participant's reactions are shown, so nobody can flood the others.
 */
export const SELF = 'self';

export class HandQueue {
  private readonly raised = new Map<string, number>();
  private highest = 0;

  /** Our own raise: the number to send. */
  raiseOwn(): number {
    const seq = this.highest + 1;
    this.set(SELF, true, seq);
    return seq;
  }

  set(peerId: string, raised: boolean, seq: number): void {
    this.highest = Math.max(this.highest, seq);
    if (raised) this.raised.set(peerId, seq);
    else this.raised.delete(peerId);
  }

  forget(peerId: string): void {
    this.raised.delete(peerId);
  }

  /** Who has a hand up, first raised first. */
  order(selfId: string): string[] {
    const key = (id: string): string => (id === SELF ? selfId : id);
    return [...this.raised.entries()].sort(([a, sa], [b, sb]) => sa - sb || key(a).localeCompare(key(b))).map(([id]) => id);
  }
}

/** Reactions shown per participant: at most `burst` at once, refilled at `perSecond`. */
export class ReactionLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst = 5,
    private readonly perSecond = 0.5,
    private readonly now: () => number = () => Date.now(),
  ) {}

  allow(peerId: string): boolean {
    const time = this.now();
    const bucket = this.buckets.get(peerId) ?? { tokens: this.burst, at: time };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((time - bucket.at) / 1000) * this.perSecond);
    bucket.at = time;
    this.buckets.set(peerId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
