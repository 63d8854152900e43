import { describe, expect, it } from 'vitest';
import { Gestures } from './gestures';
import { SELF } from './hands';

function setup(hosts: string[] = ['hedy']) {
  const sent: unknown[] = [];
  const gestures = new Gestures({ broadcast: (message) => sent.push(message), sendTo: (peerId, message) => sent.push([peerId, message]), isHost: (id) => hosts.includes(id), selfId: () => 'ada' });
  const hands: string[][] = [];
  gestures.on('hands', (order) => hands.push(order));
  return { gestures, sent, hands };
}

describe('gestures', () => {
  it('raising tells everyone with the next number, and a newcomer learns it when its channel opens', () => {
    const { gestures, sent, hands } = setup();
    gestures.receive('grace', { type: 'hand', raised: true, seq: 4 });
    gestures.raiseHand(true);
    gestures.raiseHand(true); // already up: nothing more
    expect(sent).toEqual([{ type: 'hand', raised: true, seq: 5 }]);
    expect(hands.at(-1)).toEqual(['grace', SELF]);
    gestures.channelOpened('linus');
    expect(sent.at(-1)).toEqual(['linus', { type: 'hand', raised: true, seq: 5 }]);
  });

  it('only the host lowers a hand: ours, or someone else\'s', () => {
    const { gestures, hands } = setup();
    let lowered = 0;
    gestures.on('lowered-by-host', () => lowered++);
    gestures.raiseHand(true);
    gestures.receive('grace', { type: 'hand', raised: true, seq: 9 });
    gestures.receive('grace', { type: 'lower-hand', peerId: 'ada' }); // not the host: ignored
    expect(gestures.handRaised()).toBe(true);
    gestures.receive('hedy', { type: 'lower-hand', peerId: 'grace' });
    expect(hands.at(-1)).toEqual([SELF]);
    gestures.receive('hedy', { type: 'lower-hand', peerId: 'ada' });
    expect(gestures.handRaised()).toBe(false);
    expect(lowered).toBe(1);
  });

  it('reactions from one participant are capped at every receiver', () => {
    const { gestures } = setup();
    const shown: string[] = [];
    gestures.on('reaction', (peerId) => shown.push(peerId));
    for (let i = 0; i < 20; i++) gestures.receive('linus', { type: 'reaction', emoji: '👍' });
    gestures.receive('grace', { type: 'reaction', emoji: '🎉' });
    expect(shown.filter((id) => id === 'linus')).toHaveLength(5);
    expect(shown).toContain('grace');
  });
});
