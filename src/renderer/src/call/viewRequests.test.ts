import { afterEach, describe, expect, it, vi } from 'vitest';
import { VIEW_SETTLE_MS, ViewRequests } from './viewRequests';

afterEach(() => vi.useRealTimers());

describe('view requests to each peer', () => {
  it('settle a burst into one message, skip changes under a tenth, and resend when the channel reopens', () => {
    vi.useFakeTimers();
    const sent: unknown[] = [];
    let open = true;
    const views = new ViewRequests((peerId, message) => (open ? (sent.push([peerId, message.view]), true) : false));
    views.set('ada', { shown: 'featured', width: 1200, height: 675 });
    views.set('ada', { shown: 'featured', width: 1280, height: 720 });
    vi.advanceTimersByTime(VIEW_SETTLE_MS);
    expect(sent).toEqual([['ada', { shown: 'featured', width: 1280, height: 720 }]]);
    views.set('ada', { shown: 'featured', width: 1300, height: 731 }); // +1.5%: nothing new to say
    vi.advanceTimersByTime(VIEW_SETTLE_MS);
    expect(sent).toHaveLength(1);
    views.set('ada', { shown: 'thumbnail', width: 240, height: 180 });
    vi.advanceTimersByTime(VIEW_SETTLE_MS);
    expect(sent.at(-1)).toEqual(['ada', { shown: 'thumbnail', width: 240, height: 180 }]);
    // The channel dropped and came back (a restart): the peer is told again.
    open = false;
    views.set('ada', { shown: 'hidden', width: 0, height: 0 });
    vi.advanceTimersByTime(VIEW_SETTLE_MS);
    expect(sent).toHaveLength(2);
    open = true;
    views.channelOpened('ada');
    expect(sent.at(-1)).toEqual(['ada', { shown: 'hidden', width: 0, height: 0 }]);
    views.forget('ada');
    views.channelOpened('ada');
    expect(sent).toHaveLength(3);
  });
});
