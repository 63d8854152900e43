import { describe, expect, it } from 'vitest';
import { cuesBetween } from './callCues';
import type { ParleyState } from './index';

const peer = (id: string, name: string) => ({ id, name }) as ParleyState['peers'][string];
const base = { phase: 'in-call', peers: {}, chat: [], transfers: {} } as unknown as Pick<ParleyState, 'phase' | 'peers' | 'chat' | 'transfers'>;

describe('what in a call is news', () => {
  it('someone joining or leaving, a message from someone else, a file offered to us', () => {
    const before = { ...base, peers: { a: peer('a', 'Ada') } };
    const after = {
      ...base,
      peers: { g: peer('g', 'Grace') },
      chat: [{ id: '1', from: 'g', fromName: 'Grace', text: 'hi', type: 'chat', sentAt: 0 }, { id: '2', from: null, fromName: 'Me', text: 'mine', type: 'chat', sentAt: 0 }],
      transfers: { t: { id: 't', peerId: 'g', direction: 'receive', name: 'plan.pdf' }, u: { id: 'u', peerId: 'g', direction: 'send', name: 'mine.pdf' } },
    } as unknown as typeof base;
    expect(cuesBetween(before, after)).toEqual([
      { kind: 'joined', name: 'Grace' },
      { kind: 'left', name: 'Ada' },
      { kind: 'message', name: 'Grace', text: 'hi' },
      { kind: 'file', name: 'Grace', fileName: 'plan.pdf' },
    ]);
  });

  it('nothing while joining: the people already there are not news', () => {
    expect(cuesBetween({ ...base, phase: 'joining' }, { ...base, peers: { a: peer('a', 'Ada') } })).toEqual([]);
  });
});
