import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKLOG_SIGNALS as MAX_HELD_SIGNALS } from '../../src/shared/signalBacklog';
import { SessionTable } from '../src/sessions';
import { OFFER } from './helpers';

const candidate = { kind: 'candidate', candidate: null } as const;

afterEach(() => vi.useRealTimers());

describe('SessionTable', () => {
  it('gives the same participant back to the bearer of the token, with the signals held meanwhile', () => {
    const table = new SessionTable<string>(1000, () => undefined);
    const token = table.open('ada', 'socket-1', false);
    table.detach('ada', 'socket-1');
    table.hold('ada', { from: 'grace', payload: candidate });
    const resumed = table.resume(token, 'socket-2');
    expect(resumed).toEqual({ peerId: 'ada', isHost: false, replaced: undefined, held: [{ from: 'grace', payload: candidate }] });
    expect(table.socketOf('ada')).toBe('socket-2');
    expect(table.resume('not-a-token', 'socket-3')).toBeUndefined();
  });

  it('drops what a sender held before its newer description: stale offers and candidates are never delivered', () => {
    const table = new SessionTable<string>(1000, () => undefined);
    const token = table.open('ada', 's', false);
    table.detach('ada', 's');
    table.hold('ada', { from: 'grace', payload: OFFER });
    table.hold('ada', { from: 'grace', payload: candidate });
    table.hold('ada', { from: 'linus', payload: candidate });
    const newer = { kind: 'description', description: { type: 'offer', sdp: 'v=0\r\nnewer' } } as const;
    table.hold('ada', { from: 'grace', payload: newer });
    expect(table.resume(token, 's2')?.held).toEqual([
      { from: 'linus', payload: candidate },
      { from: 'grace', payload: newer },
    ]);
  });

  it(`holds at most ${MAX_HELD_SIGNALS} signals, dropping the oldest`, () => {
    const table = new SessionTable<string>(1000, () => undefined);
    const token = table.open('ada', 's', false);
    table.detach('ada', 's');
    for (let i = 0; i < MAX_HELD_SIGNALS + 10; i++) table.hold('ada', { from: `p${i}`, payload: candidate });
    const held = table.resume(token, 's2')?.held ?? [];
    expect(held).toHaveLength(MAX_HELD_SIGNALS);
    expect(held[0]?.from).toBe('p10');
  });

  it('ends the participation when the grace period passes, and a late token is refused', () => {
    vi.useFakeTimers();
    const expired: string[] = [];
    const table = new SessionTable<string>(1000, (id) => expired.push(id));
    const token = table.open('ada', 's', false);
    table.detach('ada', 's');
    vi.advanceTimersByTime(999);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['ada']);
    expect(table.resume(token, 's2')).toBeUndefined();
  });

  it('ignores the drop of a connection that a resume already replaced', () => {
    vi.useFakeTimers();
    const expired: string[] = [];
    const table = new SessionTable<string>(1000, (id) => expired.push(id));
    const token = table.open('ada', 'old', false);
    expect(table.resume(token, 'new')?.replaced).toBe('old');
    table.detach('ada', 'old');
    vi.advanceTimersByTime(5000);
    expect(expired).toEqual([]);
    expect(table.socketOf('ada')).toBe('new');
  });
});
