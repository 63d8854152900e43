import { describe, expect, it } from 'vitest';
import { MAX_BACKLOG_SIGNALS, SignalBacklog } from './signalBacklog';

const offer = (sdp: string) => ({ kind: 'description', description: { type: 'offer', sdp } }) as const;
const candidate = { kind: 'candidate', candidate: null } as const;

describe('SignalBacklog', () => {
  it('keeps order, and a newer description for a peer drops what was queued before it for that peer only', () => {
    const backlog = new SignalBacklog<{ to: string; payload: ReturnType<typeof offer> | typeof candidate }>((item) => item.to);
    backlog.push({ to: 'a', payload: offer('old') });
    backlog.push({ to: 'a', payload: candidate });
    backlog.push({ to: 'b', payload: candidate });
    backlog.push({ to: 'a', payload: offer('new') });
    backlog.push({ to: 'a', payload: candidate });
    expect(backlog.drain()).toEqual([
      { to: 'b', payload: candidate },
      { to: 'a', payload: offer('new') },
      { to: 'a', payload: candidate },
    ]);
    expect(backlog.size).toBe(0);
  });

  it('forgets a peer and never grows past its bound', () => {
    const backlog = new SignalBacklog<{ to: string; payload: typeof candidate }>((item) => item.to);
    for (let i = 0; i < MAX_BACKLOG_SIGNALS + 5; i++) backlog.push({ to: `p${i}`, payload: candidate });
    expect(backlog.size).toBe(MAX_BACKLOG_SIGNALS);
    backlog.forget('p10');
    expect(backlog.size).toBe(MAX_BACKLOG_SIGNALS - 1);
  });
});
