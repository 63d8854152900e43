import { describe, expect, it } from 'vitest';
import { MAX_QUEUED_SIGNALS, SignalQueue } from './signalQueue';

const offer = (sdp: string) => ({ kind: 'description', description: { type: 'offer', sdp } }) as const;
const candidate = { kind: 'candidate', candidate: null } as const;

describe('SignalQueue', () => {
  it('keeps order, and a newer description to a peer drops what was queued before it for that peer only', () => {
    const queue = new SignalQueue();
    queue.push({ to: 'a', payload: offer('old') });
    queue.push({ to: 'a', payload: candidate });
    queue.push({ to: 'b', payload: candidate });
    queue.push({ to: 'a', payload: offer('new') });
    queue.push({ to: 'a', payload: candidate });
    expect(queue.drain()).toEqual([
      { to: 'b', payload: candidate },
      { to: 'a', payload: offer('new') },
      { to: 'a', payload: candidate },
    ]);
    expect(queue.size).toBe(0);
  });

  it('forgets a peer and never grows past its bound', () => {
    const queue = new SignalQueue();
    for (let i = 0; i < MAX_QUEUED_SIGNALS + 5; i++) queue.push({ to: `p${i}`, payload: candidate });
    expect(queue.size).toBe(MAX_QUEUED_SIGNALS);
    queue.forget('p10');
    expect(queue.size).toBe(MAX_QUEUED_SIGNALS - 1);
  });
});
