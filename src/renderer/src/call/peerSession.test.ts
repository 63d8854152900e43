/**
 * Who restarts ICE, and when, after trouble. The politeness rules matter: when both sides restart
 * at once their offers collide and the polite side's rollback could leave its camera unsent (see
 * POLITE_RESTART_AFTER_MS). Real connections going through real outages are in e2e/network.spec.ts;
 * here a stand-in connection whose states the test sets, and fake timers, pin the rules down.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignalPayload } from '../../../shared/protocol';
import {
  ICE_NEVER_STARTED_MS,
  PeerSession,
  POLITE_RESTART_AFTER_MS,
  RESTART_AFTER_DISCONNECTED_MS,
  RESTART_REQUEST_MIN_INTERVAL_MS,
  RESTART_REQUEST_RETRY_MS,
  RESTART_REQUESTS,
  RESTART_RETRY_MS,
} from './peerSession';

/** Just enough of RTCPeerConnection for PeerSession's recovery: states the test sets, and counts. */
class StandInConnection extends EventTarget {
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  iceConnectionState: RTCIceConnectionState = 'new';
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  onnegotiationneeded: unknown = null;
  onicecandidate: unknown = null;
  restarts = 0;

  restartIce(): void {
    this.restarts++;
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.remoteDescription = description;
  }

  /** The answer itself does not matter here (sendLocalDescription sends what is set). */
  async setLocalDescription(): Promise<void> {}

  close(): void {
    this.connectionState = 'closed';
  }

  becomes(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

function session(polite: boolean) {
  const pc = new StandInConnection();
  const sent: SignalPayload[] = [];
  const peer = new PeerSession({ pc: pc as unknown as RTCPeerConnection, polite, send: (payload) => sent.push(payload) });
  return { pc, peer, sent };
}

/** Not one millisecond before `ms` from now, and exactly once at `ms`: the first restart is due then. */
function expectFirstRestartAfter(pc: StandInConnection, ms: number): void {
  vi.advanceTimersByTime(ms - 1);
  expect(pc.restarts).toBe(0);
  vi.advanceTimersByTime(1);
  expect(pc.restarts).toBe(1);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PeerSession recovery', () => {
  it('the impolite side restarts ICE 3 s after `disconnected`, and again every 5 s while still down', () => {
    const { pc } = session(false);
    pc.becomes('connected');
    pc.becomes('disconnected');
    expectFirstRestartAfter(pc, RESTART_AFTER_DISCONNECTED_MS);
    vi.advanceTimersByTime(RESTART_RETRY_MS);
    expect(pc.restarts).toBe(2);
    pc.becomes('connected');
    vi.advanceTimersByTime(10 * RESTART_RETRY_MS);
    expect(pc.restarts).toBe(2);
  });

  it('the impolite side restarts at once on `failed`', () => {
    const { pc } = session(false);
    pc.becomes('failed');
    vi.advanceTimersByTime(0);
    expect(pc.restarts).toBe(1);
  });

  it('the polite side leaves the restart to the other, and restarts itself only if still down 15 s later', () => {
    const { pc } = session(true);
    pc.becomes('connected');
    pc.becomes('disconnected');
    expectFirstRestartAfter(pc, POLITE_RESTART_AFTER_MS);
  });

  it('the polite side does not restart when the other side brought the connection back in time', () => {
    const { pc } = session(true);
    pc.becomes('failed');
    vi.advanceTimersByTime(RESTART_AFTER_DISCONNECTED_MS + 1000);
    pc.becomes('connected');
    vi.advanceTimersByTime(2 * POLITE_RESTART_AFTER_MS);
    expect(pc.restarts).toBe(0);
  });

  it('a network change restarts ICE on the impolite side; the polite side asks the other to, and never restarts itself', async () => {
    const impolite = session(false);
    const polite = session(true);
    for (const { pc, peer } of [impolite, polite]) {
      pc.becomes('connected');
      peer.networkChanged();
    }
    expect(impolite.pc.restarts).toBe(1);
    expect(impolite.sent).toEqual([]);
    expect(polite.pc.restarts).toBe(0);
    expect(polite.sent).toEqual([{ kind: 'restart-ice' }]);
    // The request reaches the impolite side, which restarts at once.
    await impolite.peer.receive({ kind: 'restart-ice' });
    expect(impolite.pc.restarts).toBe(2);
    // Asked the other way round (a confused or hostile peer), the polite side still leaves it.
    await polite.peer.receive({ kind: 'restart-ice' });
    expect(polite.pc.restarts).toBe(0);
    // A flood of requests restarts at most once per RESTART_REQUEST_MIN_INTERVAL_MS.
    for (let i = 0; i < 20; i++) await impolite.peer.receive({ kind: 'restart-ice' });
    expect(impolite.pc.restarts).toBe(2);
    vi.advanceTimersByTime(RESTART_REQUEST_MIN_INTERVAL_MS);
    await impolite.peer.receive({ kind: 'restart-ice' });
    expect(impolite.pc.restarts).toBe(3);
    // With a restart offer of ours still unanswered (lost while the other side was away), that
    // offer goes again instead.
    impolite.pc.signalingState = 'have-local-offer';
    impolite.pc.localDescription = { type: 'offer', sdp: 'v=0 (our restart offer)' };
    vi.advanceTimersByTime(RESTART_REQUEST_MIN_INTERVAL_MS);
    await impolite.peer.receive({ kind: 'restart-ice' });
    expect(impolite.pc.restarts).toBe(3);
    expect(impolite.sent).toEqual([{ kind: 'description', description: { type: 'offer', sdp: 'v=0 (our restart offer)' } }]);
  });

  it('the polite side asks again every 2.5 s, up to four times, until an offer comes back', async () => {
    const { pc, peer, sent } = session(true);
    pc.becomes('connected');
    peer.networkChanged();
    expect(sent).toEqual([{ kind: 'restart-ice' }]);
    vi.advanceTimersByTime(RESTART_REQUEST_RETRY_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(10 * RESTART_REQUEST_RETRY_MS);
    expect(sent).toEqual(Array(RESTART_REQUESTS).fill({ kind: 'restart-ice' }));

    // Another change; this time the other side's restart offer arrives: no more asking.
    const answered = session(true);
    answered.pc.becomes('connected');
    answered.peer.networkChanged();
    await answered.peer.receive({ kind: 'description', description: { type: 'offer', sdp: 'v=0 (their restart offer)' } });
    vi.advanceTimersByTime(10 * RESTART_REQUEST_RETRY_MS);
    expect(answered.sent.filter((payload) => payload.kind === 'restart-ice')).toHaveLength(1);
  });

  it('a second answer to an offer sent twice is let go, not applied (it would fail in `stable`)', async () => {
    const errors: unknown[] = [];
    const pc = new StandInConnection();
    const applied: RTCSessionDescriptionInit[] = [];
    pc.setRemoteDescription = async (description) => void applied.push(description);
    const peer = new PeerSession({ pc: pc as unknown as RTCPeerConnection, polite: false, send: () => undefined, onError: (error) => errors.push(error) });
    pc.signalingState = 'stable';
    await peer.receive({ kind: 'description', description: { type: 'answer', sdp: 'v=0 (the same answer again)' } });
    expect(applied).toEqual([]);
    expect(errors).toEqual([]);
    // Both copies arriving while our offer is outstanding: the first is applied, the second,
    // arriving while the first is being applied, is let go.
    pc.signalingState = 'have-local-offer';
    let finish: () => void = () => undefined;
    pc.setRemoteDescription = (description) => {
      applied.push(description);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const first = peer.receive({ kind: 'description', description: { type: 'answer', sdp: 'v=0 (the answer)' } });
    await peer.receive({ kind: 'description', description: { type: 'answer', sdp: 'v=0 (the answer)' } });
    finish();
    await first;
    expect(applied).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('recover(): the impolite side restarts a connection that is down; the polite side only re-sends an unanswered offer', () => {
    const impolite = session(false);
    impolite.pc.becomes('disconnected');
    impolite.peer.recover();
    expect(impolite.pc.restarts).toBe(1);

    const polite = session(true);
    polite.pc.becomes('disconnected');
    polite.peer.recover();
    expect(polite.pc.restarts).toBe(0);
    expect(polite.sent).toEqual([]);

    polite.pc.signalingState = 'have-local-offer';
    polite.pc.localDescription = { type: 'offer', sdp: 'v=0 (our offer)' };
    polite.peer.recover();
    expect(polite.pc.restarts).toBe(0);
    expect(polite.sent).toEqual([{ kind: 'description', description: { type: 'offer', sdp: 'v=0 (our offer)' } }]);
  });

  it('recover() leaves a connected connection alone, but re-sends an offer still unanswered on it', () => {
    const { pc, peer, sent } = session(false);
    pc.becomes('connected');
    peer.recover();
    expect(pc.restarts).toBe(0);
    expect(sent).toEqual([]);

    // Our restart offer went to the peer's old connection as it changed address: it is back
    // (peer-returned) before ours noticed anything.
    pc.signalingState = 'have-local-offer';
    pc.localDescription = { type: 'offer', sdp: 'v=0 (our restart offer)' };
    peer.recover();
    expect(pc.restarts).toBe(0);
    expect(sent).toEqual([{ kind: 'description', description: { type: 'offer', sdp: 'v=0 (our restart offer)' } }]);
  });

  it('ICE that never started is restarted after 5 s by the impolite side, after 10 s by the polite side', () => {
    for (const [polite, after] of [[false, ICE_NEVER_STARTED_MS], [true, 2 * ICE_NEVER_STARTED_MS]] as const) {
      const { pc } = session(polite);
      pc.remoteDescription = { type: 'answer', sdp: 'v=0' };
      pc.dispatchEvent(new Event('signalingstatechange'));
      expectFirstRestartAfter(pc, after);
    }
  });

  it('a closed session never restarts', () => {
    const { pc, peer } = session(false);
    pc.becomes('disconnected');
    peer.close();
    vi.advanceTimersByTime(10 * RESTART_RETRY_MS);
    expect(pc.restarts).toBe(0);
  });
});
