import { describe, expect, it } from 'vitest';
import { watchPathChanges } from './pathChanges';

/** A peer connection as far as pathChanges.ts looks at it: its state, and its ICE transport's events. */
function fakeConnection() {
  const iceTransport = new EventTarget();
  const pc = Object.assign(new EventTarget(), {
    connectionState: 'new' as RTCPeerConnectionState,
    sctp: { transport: { iceTransport } },
    getSenders: () => [],
  });
  const setState = (state: RTCPeerConnectionState) => {
    pc.connectionState = state;
    pc.dispatchEvent(new Event('connectionstatechange'));
  };
  return { pc: pc as unknown as RTCPeerConnection, setState, pathChange: () => iceTransport.dispatchEvent(new Event('selectedcandidatepairchange')) };
}

describe('a connection’s media moving to another path', () => {
  it('is told after the connection first connected, not for the first pair, and no longer once stopped', () => {
    const { pc, setState, pathChange } = fakeConnection();
    let changes = 0;
    const stop = watchPathChanges(pc, () => changes++);
    pathChange(); // the first pair, chosen while connecting
    expect(changes).toBe(0);
    setState('connected');
    pathChange(); // an ICE restart found a new path
    pathChange();
    expect(changes).toBe(2);
    stop();
    pathChange();
    expect(changes).toBe(2);
  });
});
