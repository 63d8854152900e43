import { describe, expect, it } from 'vitest';
import { HandQueue, ReactionLimiter, SELF } from './hands';

describe('raised hands', () => {
  it('are ordered by the number each raise carries, the same on every screen', () => {
    const queue = new HandQueue();
    queue.set('grace', true, 1);
    expect(queue.raiseOwn()).toBe(2); // one more than we have seen
    queue.set('linus', true, 2); // raised at the same moment elsewhere: the id breaks the tie
    expect(queue.order('ada')).toEqual(['grace', SELF, 'linus']);
    queue.set('grace', false, 1);
    expect(queue.order('ada')).toEqual([SELF, 'linus']);
    queue.forget('linus');
    expect(queue.order('ada')).toEqual([SELF]);
  });
});

describe('reactions', () => {
  it('show five at once per participant, then one every two seconds', () => {
    let now = 0;
    const limiter = new ReactionLimiter(5, 0.5, () => now);
    const shown = Array.from({ length: 8 }, () => limiter.allow('grace')).filter(Boolean).length;
    expect(shown).toBe(5);
    expect(limiter.allow('ada')).toBe(true); // someone else's are their own
    now = 2000;
    expect(limiter.allow('grace')).toBe(true);
    expect(limiter.allow('grace')).toBe(false);
  });
});
